//! The Decisions pane: the queue of proposals with their states, and the
//! proposal in focus with its consent round, outcome and actions.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

use super::parts::{heading, name_of, role_of};
use crate::app::App;
use crate::session::{Decision, DecisionState, Response, Session};
use crate::text::{fit, one_line};
use crate::theme::Theme;

/// A state as a symbol and a word, so it never rests on colour alone.
fn state_span<'a>(state: DecisionState, theme: &Theme) -> Span<'a> {
    let (symbol, style) = match state {
        DecisionState::Queued => ("○", theme.text()),
        DecisionState::Open => ("▶", theme.accent()),
        DecisionState::Agreed => ("✓", theme.ok()),
        DecisionState::Amended => ("✓", theme.ok()),
        DecisionState::Deferred => ("→", theme.warn()),
        DecisionState::NotAgreed => ("✗", theme.alert()),
        DecisionState::Withdrawn => ("–", theme.muted()),
    };
    Span::styled(format!("{symbol} {}", state.id()), style)
}

fn response_span<'a>(response: Response, theme: &Theme) -> Span<'a> {
    let (symbol, style) = match response {
        Response::Agree => ("✓", theme.ok()),
        Response::Concern => ("!", theme.warn()),
        Response::Object => ("✗", theme.alert()),
        Response::Abstain => ("–", theme.muted()),
    };
    Span::styled(format!("{symbol} {}", response.id()), style)
}

/// The proposal to show in full: the open one, else the latest decided,
/// else the first in the queue.
fn in_focus(session: &Session) -> Option<&Decision> {
    let d = &session.decisions;
    d.iter()
        .find(|d| d.state == DecisionState::Open)
        .or_else(|| d.iter().rev().find(|d| d.decided.is_some()))
        .or_else(|| d.first())
}

fn proposer(session: &Session, id: &str) -> String {
    let role = session
        .participants
        .iter()
        .find(|p| p.id == id)
        .map(|p| one_line(role_of(session, p).1).into_owned())
        .unwrap_or_default();
    format!("{} ({role})", name_of(session, id))
}

fn detail<'a>(app: &App, decision: &Decision, theme: &Theme) -> Vec<Line<'a>> {
    let s = &app.session;
    let mut lines = vec![
        Line::from(vec![
            Span::styled(one_line(&decision.proposal).into_owned(), theme.title()),
            Span::raw("  "),
            state_span(decision.state, theme),
        ]),
        Line::raw(format!(
            "Proposed by {}",
            proposer(s, &decision.proposed_by)
        )),
    ];
    let answers: Vec<Span> = decision
        .responses
        .iter()
        .flat_map(|(who, answer)| {
            [
                Span::raw(format!("{} ", name_of(s, who))),
                response_span(*answer, theme),
                Span::raw("   "),
            ]
        })
        .collect();
    lines.push(Line::from(if answers.is_empty() {
        vec![Span::styled("No answers yet", theme.muted())]
    } else {
        answers
    }));
    if matches!(decision.state, DecisionState::Queued | DecisionState::Open) {
        let waiting: Vec<String> = s
            .participants
            .iter()
            .filter(|p| p.is_present() && decision.responses.get(&p.id).is_none())
            .map(|p| one_line(&p.name).into_owned())
            .collect();
        if !waiting.is_empty() {
            lines.push(Line::from(vec![
                Span::styled("○ Not answered yet: ", theme.warn()),
                Span::raw(waiting.join(", ")),
            ]));
        }
    }
    let tally: Vec<String> = Response::ALL
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                decision.responses.iter().filter(|(_, a)| *a == r).count(),
                r.id()
            )
        })
        .collect();
    lines.push(Line::styled(
        format!("Tally: {}", tally.join(" · ")),
        theme.text(),
    ));
    if let Some(outcome) = &decision.outcome {
        lines.push(Line::raw(format!("Outcome: {}", one_line(outcome))));
    }
    let mut dates = Vec::new();
    if let Some(decided) = decision.decided {
        dates.push(format!("decided {}", decided.format("%H:%M")));
    }
    if let Some(review) = decision.review {
        dates.push(format!("review {}", review.format("%-d %b %Y")));
    }
    if !dates.is_empty() {
        lines.push(Line::styled(dates.join(" · "), theme.muted()));
    }
    if !decision.actions.is_empty() {
        lines.push(heading("Actions", theme));
        for action in &decision.actions {
            let overdue = action.due.is_some_and(|due| due < app.now.date_naive());
            let due = action
                .due
                .map(|d| format!(" by {}", d.format("%-d %b %Y")))
                .unwrap_or_default();
            let mut spans = vec![Span::raw(format!(
                "• {} — {}{due}",
                one_line(&action.what),
                name_of(s, &action.who)
            ))];
            if overdue {
                spans.push(Span::styled("  ⚠ past due", theme.alert()));
            }
            lines.push(Line::from(spans));
        }
    }
    lines
}

/// Draws the pane into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let s = &app.session;
    let queue_height = s.decisions.len() as u16 + 2;
    let [queue_area, detail_area] =
        Layout::vertical([Constraint::Max(queue_height), Constraint::Min(0)]).areas(area);
    let focus = in_focus(s);
    let proposal_width = usize::from(queue_area.width.saturating_sub(13 + 34 + 2));
    let rows = s.decisions.iter().map(|d| {
        let row = Row::new(vec![
            Cell::from(state_span(d.state, theme)),
            Cell::from(fit(&one_line(&d.proposal), proposal_width).into_owned()),
            Cell::from(fit(&proposer(s, &d.proposed_by), 34).into_owned()),
        ]);
        if focus.is_some_and(|f| f.id == d.id) {
            row.style(theme.selected())
        } else {
            row
        }
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(13),
            Constraint::Fill(1),
            Constraint::Length(34),
        ],
    )
    .header(Row::new(["State", "Proposal", "Proposed by"]).style(theme.title()))
    .column_spacing(1);
    frame.render_widget(table, queue_area);
    let lines = match focus {
        Some(decision) => detail(app, decision, theme),
        None => vec![Line::styled("No proposals yet", theme.muted())],
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), detail_area);
}
