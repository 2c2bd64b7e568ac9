//! The second header row on every pane: the four panes by name, the one
//! shown marked by brackets and an arrow as well as colour, and every live
//! warning (a long turn, the power roles over their share, the time box
//! passed, the meeting not saved), so none of them hides on another pane;
//! then, quietly, a break the group or someone's needs ask for.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Pane};
use crate::session::balance::{Balance, PowerShare, Tally, long_turn};
use crate::session::needs::break_due;
use crate::session::timing::{format_duration, format_minutes, item_used_secs, running_item};
use crate::session::{Session, Time};
use crate::theme::Theme;

/// One live warning: as it reads with room, and its shortest form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The warning in full: "⚠ long turn 3:40".
    pub full: String,
    /// The same in a few columns: "⚠ turn 3:40".
    pub short: String,
}

/// Every warning live in `session` at `now` (with `power`, the roles with
/// power together, worked out for it), most urgent first; `unsaved` when
/// the meeting is not on disk.
pub fn live_warnings(
    session: &Session,
    power: Option<&PowerShare>,
    now: Time,
    unsaved: bool,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let warning = |full: String, short: String| Warning { full, short };
    if unsaved {
        out.push(warning("⚠ NOT SAVED".into(), "⚠ NOT SAVED".into()));
    }
    if let Some(secs) = long_turn(session, now) {
        let time = format_duration(secs);
        out.push(warning(
            format!("⚠ long turn {time}"),
            format!("⚠ turn {time}"),
        ));
    }
    if let Some(power) = power.filter(|p| p.is_over()) {
        let (share, fair) = (power.share * 100.0, power.fair * 100.0);
        out.push(warning(
            format!("⚠ power over share {share:.0}% (fair {fair:.0}%)"),
            format!("⚠ power {share:.0}%"),
        ));
    }
    if let Some(i) = running_item(session) {
        let item = &session.agenda[i];
        let used = item_used_secs(item, &session.clock, now).unwrap_or(0);
        let boxed = u64::from(item.minutes) * 60;
        if used > boxed {
            let over = format_duration(used - boxed);
            out.push(warning(
                format!("⚠ time box passed +{over}"),
                format!("⚠ over +{over}"),
            ));
        }
    }
    out
}

/// A quiet reminder that a break is due, when the group's setting or a
/// present person's access needs ask for breaks this often.
pub fn break_reminder(session: &Session, now: Time) -> Option<Warning> {
    let due = break_due(session, now)?;
    Some(Warning {
        full: format!(
            "◷ break due: {} since the last (every {} min asked)",
            format_minutes(due.since_secs),
            due.every
        ),
        short: "◷ break due".into(),
    })
}

/// How a pane's name shows in the bar: the current one in brackets with an
/// arrow, so it is marked without colour too.
fn tab(pane: Pane, current: bool, short: bool) -> String {
    let name = if short && !current {
        &pane.title()[..1]
    } else {
        pane.title()
    };
    if current {
        format!("▶[{name}]")
    } else {
        format!(" {name} ")
    }
}

/// Draws the pane bar and the warnings into the one row `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let s = &app.session;
    // Only the power line: the rest of the balance is the Balance pane's.
    let power = match crate::app::balance::BalanceView::tally(app) {
        Some(tally) => Balance::power_with(s, tally, app.now),
        None => Balance::power_with(s, &Tally::of(s), app.now),
    };
    let warnings = live_warnings(s, power.as_ref(), app.now, app.disk.unsaved.is_some());
    // The quiet reminder of a break someone's needs ask for: facilitator
    // only (the room view has no pane bar), drawn after the warnings in an
    // ordinary colour.
    let reminder = break_reminder(s, app.now);
    let width = usize::from(area.width);
    let tabs_width = |short: bool| {
        Pane::ALL
            .iter()
            .map(|&p| tab(p, p == app.pane, short).width() + 1)
            .sum::<usize>()
            + 1
    };
    let warnings_width = |short: bool| {
        warnings
            .iter()
            .map(|w| if short { &w.short } else { &w.full }.width() + 1)
            .sum::<usize>()
    };
    // Warnings come first: the full tabs and warnings if they fit, then
    // short warnings, then short tabs too.
    let (short_tabs, short_warnings) = [(false, false), (false, true), (true, true)]
        .into_iter()
        .find(|&(t, w)| tabs_width(t) + warnings_width(w) <= width)
        .unwrap_or((true, true));
    let mut spans = vec![Span::raw(" ")];
    for pane in Pane::ALL {
        let current = pane == app.pane;
        let style = if current {
            theme.selected()
        } else {
            theme.text()
        };
        spans.push(Span::styled(tab(pane, current, short_tabs), style));
        spans.push(Span::raw(" "));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let room = width.saturating_sub(used);
    let mut right: Vec<Span> = Vec::new();
    let mut right_width = 0;
    for w in &warnings {
        let text = if short_warnings { &w.short } else { &w.full };
        if right_width + text.width() + 1 > room {
            break;
        }
        right_width += text.width() + 1;
        right.push(Span::styled(text.clone(), theme.alert()));
        right.push(Span::raw(" "));
    }
    // The reminder gives way to the warnings: in full, short, or not at all.
    let quiet = reminder.iter().flat_map(|w| [&w.full, &w.short]);
    if let Some(text) = quiet
        .into_iter()
        .find(|text| right_width + text.width() < room)
    {
        right_width += text.width() + 1;
        right.push(Span::styled(text.clone(), theme.accent()));
        right.push(Span::raw(" "));
    }
    spans.push(Span::raw(" ".repeat(room.saturating_sub(right_width))));
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.base()), area);
}
