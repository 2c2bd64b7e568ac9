//! The Ladder pane: the seven rungs drawn bottom to top with their meanings,
//! the current judgement marked, its show of hands, and this meeting's
//! judgements so far.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

use super::parts::heading;
use crate::app::App;
use crate::session::timing::running_item;
use crate::session::{Judgement, Rung, Session};
use crate::text::one_line;
use crate::theme::Theme;

const VOTE_BAR: usize = 12;

/// The judgement the ladder shows: the latest for the running item, else
/// the latest of all.
fn current(session: &Session) -> Option<&Judgement> {
    let item = running_item(session).map(|i| session.agenda[i].id.as_str());
    let ladder = &session.ladder;
    ladder
        .iter()
        .rev()
        .find(|j| item.is_some() && j.item.as_deref() == item)
        .or_else(|| ladder.last())
}

fn what_of(session: &Session, judgement: &Judgement) -> String {
    match &judgement.item {
        Some(id) => session.agenda.iter().find(|i| &i.id == id).map_or_else(
            || one_line(id).into_owned(),
            |i| one_line(&i.title).into_owned(),
        ),
        None => "The meeting as a whole".into(),
    }
}

fn rung_rows<'a>(judgement: Option<&Judgement>, theme: &Theme) -> Vec<Row<'a>> {
    let most = judgement
        .map(|j| j.votes.iter().map(|(_, &v)| v).max().unwrap_or(0))
        .unwrap_or(0);
    Rung::ALL
        .iter()
        .rev()
        .enumerate()
        .map(|(from_top, &rung)| {
            let chosen = judgement.is_some_and(|j| j.rung == rung);
            let votes = judgement
                .and_then(|j| j.votes.get(&rung).copied())
                .unwrap_or(0);
            let bar = if most == 0 {
                String::new()
            } else {
                let cells = (votes as usize * VOTE_BAR).div_ceil(most as usize);
                format!("{} {votes}", "█".repeat(cells))
            };
            let row = Row::new(vec![
                Cell::from(if chosen { "▶" } else { " " }),
                Cell::from(format!("{} {}", 7 - from_top, rung.label())),
                Cell::from(rung.band().label()),
                Cell::from(rung.meaning()),
                Cell::from(bar),
            ]);
            if chosen {
                row.style(theme.selected())
            } else {
                row.style(theme.text())
            }
        })
        .collect()
}

/// Draws the pane into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let s = &app.session;
    let judgement = current(s);
    let [title_area, ladder_area, history_area] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(9),
        Constraint::Min(0),
    ])
    .areas(area);
    let title = match judgement {
        Some(j) => Line::from(vec![
            Span::styled(format!("{}: ", what_of(s, j)), theme.text()),
            Span::styled(
                format!("▶ {} ({})", j.rung.label(), j.rung.band().label()),
                theme.title(),
            ),
        ]),
        None => Line::styled("No judgement recorded yet", theme.muted()),
    };
    frame.render_widget(Paragraph::new(title), title_area);
    let table = Table::new(
        rung_rows(judgement, theme),
        [
            Constraint::Length(1),
            Constraint::Length(15),
            Constraint::Length(10),
            Constraint::Fill(1),
            Constraint::Length(VOTE_BAR as u16 + 4),
        ],
    )
    .header(Row::new(["", "Rung", "Band", "What it means", "Hands"]).style(theme.title()))
    .column_spacing(1);
    frame.render_widget(table, ladder_area);

    let mut lines = vec![heading("This meeting's judgements", theme)];
    if s.ladder.is_empty() {
        lines.push(Line::styled("None yet", theme.muted()));
    }
    for j in &s.ladder {
        let mut spans = vec![
            Span::raw(format!("{}  {}: ", j.at.format("%H:%M"), what_of(s, j))),
            Span::styled(j.rung.label(), theme.accent()),
        ];
        if let Some(note) = &j.note {
            spans.push(Span::raw(format!(" — “{}”", one_line(note))));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }),
        history_area,
    );
}
