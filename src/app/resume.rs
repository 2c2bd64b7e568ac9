//! Opening a file whose record stopped long ago with a turn, item or break
//! still open: the facilitator says whether they ended at the last moment
//! the record holds, or go on now.

use super::keys::{Key, KeyCode};
use super::{Action, App};
use crate::session::Time;
use crate::session::timing::{close_open_at, stale_open};

/// The facilitator's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resume {
    /// Close what is open at the last recorded moment.
    CloseThen,
    /// Carry on: it really went on all this time.
    CarryOn,
}

/// The open question: the last moment the record holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stale {
    pub last: Time,
}

/// The prompt's keys and what they do, for the prompt itself and the README.
pub const PROMPT_KEYS: &[(&str, &str)] = &[
    (
        "c",
        "close the open turn, item and break at the last moment the file records",
    ),
    ("k", "keep them open: they really went on all this time"),
];

/// Asks the question if `app`'s record stopped long ago with something
/// open: called once when a file is opened, at `now`.
pub fn ask_if_stale(app: &mut App, now: Time) {
    app.resume = stale_open(&app.session, now).map(|last| Stale { last });
}

/// The question, while it is open, for the status line.
pub fn question(app: &App) -> Option<String> {
    let stale = app.resume?;
    let keys: Vec<String> = PROMPT_KEYS
        .iter()
        .map(|(key, what)| format!("{key}: {what}"))
        .collect();
    Some(format!(
        "The record stopped at {} with a turn, item or break open · {}",
        stale.last.format("%Y-%m-%d %H:%M %:z"),
        keys.join(" · ")
    ))
}

/// The action a key means while the question is open: only its own keys
/// (and quitting).
pub fn prompt_action(app: &App, key: Key) -> Option<Action> {
    if let Some(Action::Quit) = app.keymap.lookup(app.pane, key) {
        return Some(Action::Quit);
    }
    match key.code {
        KeyCode::Char('c') if !key.ctrl && !key.alt => Some(Action::Resume(Resume::CloseThen)),
        KeyCode::Char('k') if !key.ctrl && !key.alt => Some(Action::Resume(Resume::CarryOn)),
        _ => None,
    }
}

/// Applies the answer.
pub(super) fn update(app: &mut App, choice: Resume) {
    let Some(stale) = app.resume.take() else {
        return;
    };
    match choice {
        Resume::CloseThen => {
            app.change(
                format!("close what was open at {}", stale.last.format("%H:%M")),
                |s| close_open_at(s, stale.last),
            );
            app.status = Some(format!(
                "Closed at {}, the last moment recorded",
                stale.last.format("%H:%M")
            ));
        }
        Resume::CarryOn => app.status = Some("Carrying on: nothing was closed".into()),
    }
}
