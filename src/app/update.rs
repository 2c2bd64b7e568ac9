//! `update`: the one place the app's state changes.

use chrono::Timelike;

use super::undo::UndoStack;
use super::{Action, App, Effect, Overlay};
use crate::session::balance::floor;
use crate::session::timing::working_secs;
use crate::session::{Session, Time, Turn};

/// Applies `action` at `now` and says what the loop must do next.
pub fn update(app: &mut App, action: Action, now: Time) -> Effect {
    // The file keeps whole seconds; dropping the fraction here keeps every
    // duration the app writes exact.
    let now = now.with_nanosecond(0).unwrap_or(now);
    app.now = now;
    if !matches!(action, Action::Tick | Action::SaveFailed(_)) {
        app.status = None;
    }
    match action {
        Action::Tick => {}
        Action::SaveFailed(problem) => app.status = Some(format!("⚠ {problem}")),
        Action::NextPane => app.pane = app.pane.step(1),
        Action::PrevPane => app.pane = app.pane.step(-1),
        Action::ToggleHelp => {
            app.overlay = match app.overlay {
                Some(Overlay::Help) => None,
                None => Some(Overlay::Help),
            }
        }
        Action::Close => app.overlay = None,
        Action::NextTheme => {
            app.theme = (app.theme + 1) % app.theme_names.len().max(1);
            app.status = Some(format!("Theme: {}", app.theme_name()));
        }
        Action::Undo => travel(app, UndoStack::undo, "Undone", "Nothing to undo"),
        Action::Redo => travel(app, UndoStack::redo, "Redone", "Nothing to redo"),
        Action::Quit => return Effect::Quit,
        Action::GiveFloor(who) => give_floor(app, who, now),
        Action::SilenceFloor => {
            if floor(&app.session).is_some() {
                app.change("silence the floor".into(), |s| close_turn(s, now));
            } else {
                app.status = Some("The floor is already silent".into());
            }
        }
    }
    Effect::None
}

/// Moves through the undo history one step with `step` (undo or redo),
/// saying in the status line what was taken back or made again.
fn travel(
    app: &mut App,
    step: fn(&mut UndoStack, Session) -> Option<(Session, String)>,
    done: &str,
    nothing: &str,
) {
    let current = app.session.clone();
    app.status = Some(match step(&mut app.undo, current) {
        Some((session, label)) => {
            app.session = session;
            app.revision += 1;
            format!("{done}: {label}")
        }
        None => nothing.to_owned(),
    });
}

/// Ends the open turn at `now`, writing its length less any breaks.
fn close_turn(session: &mut Session, now: Time) {
    let clock = session.clock.clone();
    if let Some(turn) = session.turns.last_mut().filter(|t| t.secs.is_none()) {
        turn.secs = Some(working_secs(&clock, turn.at, now, now));
    }
}

fn give_floor(app: &mut App, who: String, now: Time) {
    let name = match app.session.participants.iter().find(|p| p.id == who) {
        Some(p) => p.name.clone(),
        None => return,
    };
    if floor(&app.session).is_some_and(|t| t.who == who) {
        app.status = Some(format!("{name} already has the floor"));
        return;
    }
    app.change(format!("give the floor to {name}"), |s| {
        close_turn(s, now);
        s.turns.push(Turn {
            who,
            at: now,
            secs: None,
        });
    });
}
