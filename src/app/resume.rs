//! Opening a file whose record stopped long ago with a turn, item or break
//! still open: the facilitator says whether they ended at the last moment
//! the record holds, or go on now.

use super::keymap::{Scope, keys_label};
use super::keys::Key;
use super::undo::{Reach, Window};
use super::{Action, App};
use crate::session::Time;
use crate::session::offsets::TimeOfDay;
use crate::session::timing::{close_open_at, running_item, stale_open};

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

/// The question's commands by their names in the keymap's `resume` scope.
pub const COMMANDS: &[&str] = &["close_then", "carry_on"];

/// Asks the question if `app`'s record stopped long ago with something
/// open: called once when a file is opened, at `now`.
pub fn ask_if_stale(app: &mut App, now: Time) {
    app.resume = stale_open(&app.session, now).map(|last| Stale { last });
}

/// The question, while it is open, for the status line.
pub fn question(app: &App) -> Option<String> {
    let stale = app.resume?;
    let keys: Vec<String> = app
        .keymap
        .in_scope(Scope::Resume)
        .map(|b| format!("{}: {}", keys_label(&b.keys), b.description))
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
    if let Some(Action::Quit) = app.lookup(app.pane, key) {
        return Some(Action::Quit);
    }
    match app.keymap.command(Scope::Resume, key)? {
        "close_then" => Some(Action::Resume(Resume::CloseThen)),
        "carry_on" => Some(Action::Resume(Resume::CarryOn)),
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
            let face = TimeOfDay::of(&app.session, app.now);
            let running = Window::at_some(running_item(&app.session));
            app.change_in(
                format!("close what was open at {}", face.hm(stale.last)),
                Reach::floor().agenda(running),
                |s| close_open_at(s, stale.last),
            );
            app.status = Some(format!(
                "Closed at {}, the last moment recorded",
                face.hm(stale.last)
            ));
        }
        Resume::CarryOn => app.status = Some("Carrying on: nothing was closed".into()),
    }
}
