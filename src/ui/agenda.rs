//! The Agenda pane: the running item's timer in large figures (or BREAK and
//! the time to the agreed return), the items with their time boxes, time
//! used and state, and the meeting's planned and projected end.

use crate::session::offsets::TimeOfDay;
use chrono::Duration;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use super::parts::{big_fit, big_text, heading, name_of};
use crate::app::App;
use crate::session::timing::{
    ItemState, current_break, format_duration, item_state, item_used_secs, meeting_elapsed_secs,
    running_item, secs_between,
};
use crate::session::{Break, Clock, Item, Session, Settings, Time};
use crate::text::{fit, one_line, visible};
use crate::theme::Theme;

/// How the running item stands against its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// More than `warn_minutes` left.
    Ok,
    /// `warn_minutes` or less left.
    Warn,
    /// `alert_minutes` or less left.
    Alert,
    /// Past its box.
    Over,
}

impl Stage {
    fn of(used: u64, boxed: u64, settings: &Settings) -> Stage {
        let left = boxed.saturating_sub(used);
        if used > boxed {
            Stage::Over
        } else if left <= u64::from(settings.alert_minutes()) * 60 {
            Stage::Alert
        } else if left <= u64::from(settings.warn_minutes()) * 60 {
            Stage::Warn
        } else {
            Stage::Ok
        }
    }

    fn style(self, theme: &Theme) -> Style {
        match self {
            Stage::Ok => theme.ok(),
            Stage::Warn => theme.warn(),
            Stage::Alert | Stage::Over => theme.alert(),
        }
    }
}

/// The words and symbol for time used against a box, so that no stage
/// rests on colour alone.
pub(super) fn time_left<'a>(used: u64, boxed: u64, settings: &Settings, theme: &Theme) -> Span<'a> {
    let stage = Stage::of(used, boxed, settings);
    let left = format_duration(boxed.saturating_sub(used));
    let words = match stage {
        Stage::Ok => format!("◷ {left} left"),
        Stage::Warn => format!("⚠ {left} left"),
        Stage::Alert => format!("‼ {left} left"),
        Stage::Over => format!("✖ {} over", format_duration(used - boxed)),
    };
    Span::styled(words, stage.style(theme))
}

/// The timer in large figures: counting down in the box, up past it.
pub(super) fn big_timer(used: u64, boxed: u64) -> String {
    if used > boxed {
        format!("+{}", format_duration(used - boxed))
    } else {
        format_duration(boxed - used)
    }
}

fn state_cell<'a>(item: &Item, theme: &Theme) -> Cell<'a> {
    match item_state(item) {
        ItemState::Done => Cell::from(Span::styled("✓ done", theme.muted())),
        ItemState::Running => Cell::from(Span::styled(
            "▶ now",
            theme.accent().add_modifier(Modifier::BOLD),
        )),
        ItemState::ToCome => Cell::from(Span::styled("· to come", theme.text())),
    }
}

fn item_row<'a>(
    app: &App,
    item: &Item,
    title_width: usize,
    lead_width: usize,
    theme: &Theme,
) -> Row<'a> {
    let session = &app.session;
    let boxed = u64::from(item.minutes) * 60;
    let used = item_used_secs(item, &session.clock, app.now);
    let against = match (item_state(item), used) {
        (ItemState::Running, Some(used)) => {
            Cell::from(time_left(used, boxed, &session.settings, theme))
        }
        (ItemState::Done, Some(used)) if used > boxed => Cell::from(Span::styled(
            format!("▲ {} over", format_duration(used - boxed)),
            theme.warn(),
        )),
        (ItemState::Done, Some(used)) => {
            Cell::from(format!("● {} under", format_duration(boxed - used)))
        }
        _ => Cell::from(""),
    };
    Row::new(vec![
        state_cell(item, theme),
        Cell::from(fit(&one_line(&item.title), title_width).into_owned()),
        Cell::from(
            item.lead
                .as_deref()
                .map(|l| fit(&name_of(session, l), lead_width).into_owned())
                .unwrap_or_default(),
        ),
        Cell::from(format!("{} min", item.minutes)),
        Cell::from(used.map(format_duration).unwrap_or_default()),
        against,
    ])
}

/// Seconds a break takes in the plan: its agreed length, else its real one
/// (to `now` while it goes on).
fn planned_break_secs(pause: &Break, now: Time) -> u64 {
    match pause.minutes {
        Some(m) => u64::from(m) * 60,
        None => secs_between(pause.from, pause.to.unwrap_or(now)),
    }
}

/// Seconds of agreed break still to come at `now`.
fn break_left_secs(clock: &Clock, now: Time) -> u64 {
    current_break(clock, now)
        .and_then(Break::agreed_return)
        .map_or(0, |back| secs_between(now, back))
}

/// Seconds still planned for the items: whole boxes to come, and what is
/// left of the running item's box.
fn remaining_secs(s: &Session, now: Time) -> u64 {
    s.agenda
        .iter()
        .map(|item| {
            let boxed = u64::from(item.minutes) * 60;
            match item_state(item) {
                ItemState::Done => 0,
                ItemState::Running => {
                    boxed.saturating_sub(item_used_secs(item, &s.clock, now).unwrap_or(0))
                }
                ItemState::ToCome => boxed,
            }
        })
        .sum()
}

fn duration(seconds: u64) -> Duration {
    Duration::seconds(i64::try_from(seconds).unwrap_or(i64::MAX / 1000))
}

/// Planned end (start + time boxes + agreed breaks) against the projected
/// end (now + what is left of the boxes and of the break going on), or,
/// once ended, against the real end.
fn summary<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let s = &app.session;
    let planned: u64 = s.agenda.iter().map(|i| u64::from(i.minutes) * 60).sum();
    let Some(started) = s.clock.started else {
        return Line::styled(
            format!(
                "Not started · {} planned · s starts the meeting",
                format_duration(planned)
            ),
            theme.muted(),
        );
    };
    let breaks: u64 = s
        .clock
        .breaks
        .iter()
        .map(|b| planned_break_secs(b, app.now))
        .sum();
    // On the wall clock's offset, as the projected end is, so the two
    // compare at a glance when the clocks have changed.
    let planned_end = (started + duration(planned + breaks)).with_timezone(app.now.offset());
    let (end_words, end) = match s.clock.ended {
        Some(ended) => ("ended", ended),
        None => (
            "projected end",
            app.now + duration(remaining_secs(s, app.now) + break_left_secs(&s.clock, app.now)),
        ),
    };
    let face = TimeOfDay::of(s, app.now);
    let drift = (end - planned_end).num_seconds();
    let drift = match drift {
        d if d > 60 => Span::styled(
            format!("▲ {} over", format_duration(d.unsigned_abs())),
            theme.warn(),
        ),
        d if d < -60 => Span::styled(
            format!("▼ {} under", format_duration(d.unsigned_abs())),
            theme.ok(),
        ),
        _ => Span::styled("● on time", theme.ok()),
    };
    Line::from(vec![
        Span::raw(format!(
            "Started {} · {} in · planned end {} · {end_words} {} ",
            face.hm(started),
            format_duration(meeting_elapsed_secs(&s.clock, app.now).unwrap_or(0)),
            face.hm(planned_end),
            face.hm(end),
        )),
        drift,
    ])
}

/// What the top of the pane shows: large text and a line under it.
fn timer(app: &App, theme: &Theme) -> (Option<(String, Style)>, Line<'static>) {
    let s = &app.session;
    let face = TimeOfDay::of(s, app.now);
    let running = running_item(s).map(|i| &s.agenda[i]);
    let item_words = |item: &Item| {
        let used = item_used_secs(item, &s.clock, app.now).unwrap_or(0);
        (
            used,
            format!(
                "{} · {} of {} min",
                one_line(&item.title),
                format_duration(used),
                item.minutes
            ),
        )
    };
    if let Some(pause) = current_break(&s.clock, app.now) {
        let gone = secs_between(pause.from, app.now);
        let (big, back) = match pause.agreed_return() {
            Some(back) if back >= app.now => {
                let left = format_duration(secs_between(app.now, back));
                (
                    format!("BREAK {left}"),
                    format!("back at {} · {left} to go", face.hm(back)),
                )
            }
            Some(back) => {
                let late = format_duration(secs_between(back, app.now));
                (
                    format!("BREAK +{late}"),
                    format!("agreed return {} · {late} past it", face.hm(back)),
                )
            }
            None => (
                "BREAK".to_owned(),
                format!("{} into the break", format_duration(gone)),
            ),
        };
        let mut line = vec![Span::styled(format!("⏸ {back}"), theme.warn())];
        if running.is_some() {
            line.push(Span::styled(" · item clock paused", theme.muted()));
        }
        line.push(Span::styled(" · b when the room is back", theme.muted()));
        return (Some((big, theme.warn())), Line::from(line));
    }
    if let Some(item) = running {
        let (used, words) = item_words(item);
        let boxed = u64::from(item.minutes) * 60;
        let stage = Stage::of(used, boxed, &s.settings);
        let line = Line::from(vec![
            Span::styled(format!("▶ {words}  "), theme.title()),
            time_left(used, boxed, &s.settings, theme),
        ]);
        return (Some((big_timer(used, boxed), stage.style(theme))), line);
    }
    let line = match (s.clock.started, s.clock.ended) {
        (_, Some(ended)) => Line::styled(
            format!("■ Meeting ended at {}", face.hm(ended)),
            theme.title(),
        ),
        (None, _) => Line::styled(
            "Not started · s starts the meeting, then s or n the items",
            theme.muted(),
        ),
        (Some(_), None) => Line::styled(
            "No item running · s starts the selected item, n the next",
            theme.muted(),
        ),
    };
    (None, line)
}

/// Draws the pane into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let s = &app.session;
    let (big, line) = timer(app, theme);
    let table_rows = s.agenda.len() as u16 + 1;
    // The timer gets what the table, the summary and their gaps leave: as
    // large as fits, else one line.
    let spare = area.height.saturating_sub(table_rows + 6);
    let big_rows = match &big {
        Some((text, _)) if spare > 0 => big_fit(text, area.width, spare).map_or(1, |fit| fit.2),
        _ => 0,
    };
    let notes = running_item(s).and_then(|i| s.agenda[i].notes.as_ref());
    // The line under the timer may wrap to a second row, else a gap.
    let [
        big_area,
        line_area,
        table_area,
        _,
        summary_area,
        _,
        notes_area,
    ] = Layout::vertical([
        Constraint::Length(big_rows),
        Constraint::Length(2),
        Constraint::Max(table_rows),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);

    if let Some((text, style)) = big
        && big_rows > 0
    {
        big_text(frame, big_area, &text, style.add_modifier(Modifier::BOLD));
    }
    frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), line_area);

    let header =
        Row::new(["State", "Item", "Lead", "Box", "Used", "Against box"]).style(theme.title());
    // State, Lead, Box, Used, Against box; the lead's column gives way to
    // the title's on a narrow screen.
    let mut fixed: [u16; 5] = [10, 16, 7, 8, 14];
    // Five gaps between columns and one for the selection mark.
    let others = fixed.iter().sum::<u16>() - fixed[1] + 6;
    fixed[1] = match table_area.width.saturating_sub(others + 20).min(fixed[1]) {
        // Too narrow to read a name: the column goes.
        narrow if narrow < 8 => 0,
        lead => lead,
    };
    let title_width = usize::from(table_area.width.saturating_sub(others + fixed[1]));
    let lead_width = usize::from(fixed[1]);
    let rows = s
        .agenda
        .iter()
        .map(|item| item_row(app, item, title_width, lead_width, theme));
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
    .column_spacing(1)
    .row_highlight_style(theme.selected())
    .highlight_symbol("›");
    let mut state = TableState::new().with_selected(app.agenda.selected(s));
    frame.render_stateful_widget(table, table_area, &mut state);
    frame.render_widget(
        Paragraph::new(summary(app, theme)).wrap(Wrap { trim: true }),
        summary_area,
    );

    // The selected item's scope and action, then the running item's notes.
    let mut lines = app
        .agenda
        .selected(s)
        .map(|i| super::practice::item_lines(&s.agenda[i], theme))
        .unwrap_or_default();
    if let Some(notes) = notes {
        lines.push(heading("Notes on this item", theme));
        lines.extend(notes.lines().map(|l| Line::raw(visible(l).into_owned())));
    }
    if !lines.is_empty() {
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), notes_area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_follow_the_groups_settings() {
        let defaults = Settings::default();
        let box_ = 20 * 60;
        let stage = |used: u64, settings: &Settings| Stage::of(used, box_, settings);
        assert_eq!(stage(14 * 60 + 59, &defaults), Stage::Ok);
        assert_eq!(stage(15 * 60, &defaults), Stage::Warn);
        assert_eq!(stage(18 * 60, &defaults), Stage::Alert);
        assert_eq!(stage(20 * 60, &defaults), Stage::Alert);
        assert_eq!(stage(20 * 60 + 1, &defaults), Stage::Over);
        let group = Settings {
            warn_minutes: Some(10),
            alert_minutes: Some(3),
            ..Settings::default()
        };
        assert_eq!(stage(10 * 60, &group), Stage::Warn);
        assert_eq!(stage(17 * 60, &group), Stage::Alert);
        assert_eq!(big_timer(17 * 60, box_), "3:00");
        assert_eq!(big_timer(21 * 60 + 5, box_), "+1:05");
    }
}
