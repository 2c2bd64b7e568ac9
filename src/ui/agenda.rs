//! The Agenda pane: items with their time boxes, time used and state, and
//! how the running item stands against its box.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

use super::parts::{break_words, heading, name_of};
use crate::app::App;
use crate::session::timing::{
    ItemState, break_secs_within, current_break, format_duration, item_state, item_used_secs,
    meeting_elapsed_secs, running_item,
};
use crate::session::{Item, Session};
use crate::text::{fit, one_line, visible};
use crate::theme::Theme;

/// How the running item stands against its box: minutes left at which the
/// room is warned.
const WARN_SECS: u64 = 5 * 60;
const ALERT_SECS: u64 = 2 * 60;

/// The words, symbol and style for time used against a box.
fn time_left<'a>(used: u64, boxed: u64, theme: &Theme) -> Span<'a> {
    if used > boxed {
        Span::styled(
            format!("✖ {} over", format_duration(used - boxed)),
            theme.alert(),
        )
    } else if boxed - used <= ALERT_SECS {
        Span::styled(
            format!("⚠ {} left", format_duration(boxed - used)),
            theme.alert(),
        )
    } else if boxed - used <= WARN_SECS {
        Span::styled(
            format!("⚠ {} left", format_duration(boxed - used)),
            theme.warn(),
        )
    } else {
        Span::styled(
            format!("◷ {} left", format_duration(boxed - used)),
            theme.ok(),
        )
    }
}

fn state_cell<'a>(item: &Item, theme: &Theme) -> Cell<'a> {
    match item_state(item) {
        ItemState::Done => Cell::from(Span::styled("✓ done", theme.muted())),
        ItemState::Running => Cell::from(Span::styled("▶ now", theme.accent())),
        ItemState::ToCome => Cell::from(Span::styled("· to come", theme.text())),
    }
}

fn item_row<'a>(
    session: &Session,
    item: &Item,
    app: &App,
    title_width: usize,
    theme: &Theme,
) -> Row<'a> {
    let boxed = u64::from(item.minutes) * 60;
    let used = item_used_secs(item, &session.clock, app.now);
    let against = match (item_state(item), used) {
        (ItemState::Running, Some(used)) => Cell::from(time_left(used, boxed, theme)),
        (ItemState::Done, Some(used)) if used > boxed => Cell::from(Span::styled(
            format!("▲ {} over", format_duration(used - boxed)),
            theme.warn(),
        )),
        (ItemState::Done, Some(used)) => {
            Cell::from(format!("● {} under", format_duration(boxed - used)))
        }
        _ => Cell::from(""),
    };
    let row = Row::new(vec![
        state_cell(item, theme),
        Cell::from(fit(&one_line(&item.title), title_width).into_owned()),
        Cell::from(
            item.lead
                .as_deref()
                .map(|l| fit(&name_of(session, l), 16).into_owned())
                .unwrap_or_default(),
        ),
        Cell::from(format!("{} min", item.minutes)),
        Cell::from(used.map(format_duration).unwrap_or_default()),
        against,
    ]);
    if item_state(item) == ItemState::Running {
        row.style(theme.selected())
    } else {
        row
    }
}

/// Meeting start, time in, planned length and projected end.
fn summary<'a>(app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let s = &app.session;
    let planned: u64 = s.agenda.iter().map(|i| u64::from(i.minutes) * 60).sum();
    let Some(started) = s.clock.started else {
        return vec![Line::styled(
            format!("Not started · {} planned", format_duration(planned)),
            theme.muted(),
        )];
    };
    let remaining: u64 = s
        .agenda
        .iter()
        .map(|item| {
            let boxed = u64::from(item.minutes) * 60;
            match item_state(item) {
                ItemState::Done => 0,
                ItemState::Running => {
                    boxed.saturating_sub(item_used_secs(item, &s.clock, app.now).unwrap_or(0))
                }
                ItemState::ToCome => boxed,
            }
        })
        .sum();
    let breaks: u64 = break_secs_within(&s.clock, started, app.now, app.now);
    let planned_end = started + chrono::Duration::seconds((planned + breaks) as i64);
    let projected_end = app.now + chrono::Duration::seconds(remaining as i64);
    let drift = (projected_end - planned_end).num_seconds();
    let drift_span = match drift {
        d if d > 60 => Span::styled(
            format!("▲ {} over", format_duration(d as u64)),
            theme.warn(),
        ),
        d if d < -60 => Span::styled(
            format!("▼ {} early", format_duration(d.unsigned_abs())),
            theme.ok(),
        ),
        _ => Span::styled("● on time", theme.ok()),
    };
    let mut lines = vec![Line::from(vec![
        Span::raw(format!(
            "Started {} · {} in · planned end {} · projected end {} ",
            started.format("%H:%M"),
            format_duration(meeting_elapsed_secs(&s.clock, app.now).unwrap_or(0)),
            planned_end.format("%H:%M"),
            projected_end.format("%H:%M"),
        )),
        drift_span,
    ])];
    if let Some(pause) = current_break(&s.clock, app.now) {
        lines.push(Line::styled(break_words(pause), theme.warn()));
    }
    lines
}

/// Draws the pane into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let s = &app.session;
    let running = running_item(s).map(|i| &s.agenda[i]);
    let notes_height = running
        .and_then(|i| i.notes.as_ref())
        .map_or(0, |n| n.lines().count() as u16 + 2);
    let [now_area, table_area, summary_area, notes_area] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Max(s.agenda.len() as u16 + 2),
        Constraint::Length(3),
        Constraint::Max(notes_height),
    ])
    .areas(area);

    let now_line = match running {
        Some(item) => {
            let used = item_used_secs(item, &s.clock, app.now).unwrap_or(0);
            Line::from(vec![
                Span::styled(format!("Now: {}  ", one_line(&item.title)), theme.title()),
                Span::raw(format!(
                    "{} of {} min  ",
                    format_duration(used),
                    item.minutes
                )),
                time_left(used, u64::from(item.minutes) * 60, theme),
            ])
        }
        None => Line::styled("No item running", theme.muted()),
    };
    frame.render_widget(Paragraph::new(now_line), now_area);

    let header =
        Row::new(["State", "Item", "Lead", "Box", "Used", "Against box"]).style(theme.title());
    let fixed: [u16; 5] = [10, 16, 7, 8, 14];
    let title_width = usize::from(
        table_area
            .width
            .saturating_sub(fixed.iter().sum::<u16>() + 5),
    );
    let rows = s
        .agenda
        .iter()
        .map(|item| item_row(s, item, app, title_width, theme));
    let table = Table::new(
        rows,
        [
            Constraint::Length(fixed[0]),
            Constraint::Fill(1),
            Constraint::Length(fixed[1]),
            Constraint::Length(fixed[2]),
            Constraint::Length(fixed[3]),
            Constraint::Length(fixed[4]),
        ],
    )
    .header(header)
    .column_spacing(1);
    frame.render_widget(table, table_area);
    frame.render_widget(
        Paragraph::new(summary(app, theme)).wrap(Wrap { trim: true }),
        summary_area,
    );

    if let Some(notes) = running.and_then(|i| i.notes.as_ref()) {
        let mut lines = vec![heading("Notes on this item", theme)];
        lines.extend(notes.lines().map(|l| Line::raw(visible(l).into_owned())));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), notes_area);
    }
}
