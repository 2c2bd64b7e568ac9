//! Lines for co-production practice that more than one screen shows: what
//! is open to change in an item, how a "you said, we did" action stands,
//! and where a check-in or check-out round has got to. Nothing here is
//! private: the room view shows these as they are.

use ratatui::text::{Line, Span};

use super::parts::room_name_of;
use crate::session::open_to_change::{mark_words, scope_lines};
use crate::session::round;
use crate::session::{Item, Session, Time};
use crate::text::visible;
use crate::theme::Theme;

/// An item's scope, one line a part ("Open to change: the wording"), then
/// its "you said, we did" action and how it stands.
pub fn item_lines(item: &Item, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = item
        .scope
        .as_ref()
        .map(scope_lines)
        .unwrap_or_default()
        .into_iter()
        .map(|(label, text)| labelled(label, text, theme))
        .collect();
    if let Some(action) = &item.action {
        let mut said = format!("{} ({})", action.what, mark_words(action.state));
        if let Some(report) = &item.report {
            said.push_str(": ");
            said.push_str(report);
        }
        lines.push(labelled("You said, we did", &said, theme));
    }
    lines
}

fn labelled(label: &str, text: &str, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.title()),
        Span::raw(visible(text).into_owned()),
    ])
}

/// Where the round going on has got to, for the header: "Check-in 2/5".
pub fn round_short(session: &Session) -> Option<String> {
    let i = round::current(session)?;
    let r = &session.rounds[i];
    let total = r.called.len() + round::still_to_call(session, i);
    Some(format!("{} {}/{total}", r.kind.label(), r.called.len()))
}

/// Where the round going on has got to, for the room: "Check-in round:
/// 2 of 5 · next: B.". `None` when no round goes on.
pub fn round_line(session: &Session, now: Time) -> Option<String> {
    let i = round::current(session)?;
    let r = &session.rounds[i];
    let total = r.called.len() + round::still_to_call(session, i);
    let next = round::next_person(session, i, now).map_or_else(
        || "last".to_owned(),
        |id| format!("next: {}", room_name_of(session, &id)),
    );
    Some(format!(
        "{} round: {} of {total} · {next}",
        r.kind.label(),
        r.called.len()
    ))
}
