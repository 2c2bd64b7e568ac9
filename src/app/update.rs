//! `update`: the one place the app's state changes.

use chrono::Timelike;

use super::form::{Form, Outcome, Purpose};
use super::keymap::Scope;
use super::keys::Key;
use super::undo::{Reach, UndoStack};
use super::{Action, App, Effect, Overlay, agenda, balance, conflict, decisions, ladder};
use crate::session::balance::floor;
use crate::session::timing::{close_open_turn, not_before_record};
use crate::session::{Session, Time, Turn, stack};

/// Applies `action` at `now` and says what the loop must do next.
pub fn update(app: &mut App, action: Action, now: Time) -> Effect {
    // The file keeps whole seconds; dropping the fraction here keeps every
    // duration the app writes exact.
    let now = now.with_nanosecond(0).unwrap_or(now);
    app.now = now;
    if !matches!(
        action,
        Action::Tick | Action::SaveFailed(_) | Action::Disk(_)
    ) {
        app.status = None;
    }
    let effect = apply(app, action, now);
    // Whatever changed the session (an edit, undo, a reload), the Balance
    // pane's kept lookups follow it here, once.
    balance::refresh(app);
    effect
}

/// Carries out one action; `update` does what every action shares.
fn apply(app: &mut App, action: Action, now: Time) -> Effect {
    match action {
        Action::Tick => {}
        // Shown in the footer on every pane until a save works again.
        Action::SaveFailed(problem) => app.disk.unsaved = Some(problem),
        Action::Disk(action) => return conflict::update(app, action, now),
        Action::NextPane => app.pane = app.pane.step(1),
        Action::PrevPane => app.pane = app.pane.step(-1),
        Action::ToggleHelp => {
            app.help_scroll = 0;
            app.overlay = match app.overlay {
                Some(Overlay::Help) => None,
                _ => Some(Overlay::Help),
            }
        }
        Action::ScrollHelp(lines) => {
            // The overlay stops at its last page when drawn; this bound only
            // keeps a held key from running far past it.
            let most = app.keymap.len() + app.session.participants.len() + 20;
            let to = i64::from(app.help_scroll) + i64::from(lines);
            app.help_scroll = to.clamp(0, most as i64) as u16;
        }
        Action::Close => app.overlay = None,
        Action::ToggleRoom => app.room = !app.room,
        Action::NextTheme => {
            app.theme = (app.theme + 1) % app.theme_names.len().max(1);
            app.status = Some(format!("Theme: {}", app.theme_name()));
        }
        Action::Undo => travel(app, UndoStack::undo, "Undone", "Nothing to undo"),
        Action::Redo => travel(app, UndoStack::redo, "Redone", "Nothing to redo"),
        Action::Quit => return conflict::quit(app, now),
        Action::Stop => {
            if floor(&app.session).is_some() {
                app.change_in(
                    "close the turn as the app stopped".into(),
                    Reach::floor(),
                    |s| {
                        close_open_turn(s, now);
                    },
                );
            }
            return Effect::Quit;
        }
        Action::GiveFloor(who) => give_floor(app, who, now),
        Action::Agenda(action) => agenda::update(app, action, now),
        Action::Balance(action) => balance::update(app, action, now),
        Action::Decisions(action) => decisions::update(app, action, now),
        Action::Ladder(action) => ladder::update(app, action, now),
        Action::Type(key) => return type_into_form(app, key, now),
        Action::Paste(text) => {
            if let Some(Overlay::Form(form)) = &mut app.overlay {
                form.paste(&text);
            }
        }
        Action::SilenceFloor => {
            if floor(&app.session).is_some() {
                app.change_in("silence the floor".into(), Reach::floor(), |s| {
                    close_open_turn(s, now)
                });
            } else {
                app.status = Some("The floor is already silent".into());
            }
        }
    }
    Effect::None
}

/// Gives a key to the open form; on save, hands the values to the pane the
/// form belongs to, keeping the form open with the reason if it refuses.
fn type_into_form(app: &mut App, key: Key, now: Time) -> Effect {
    let command = app.keymap.command(Scope::Form, key).map(str::to_owned);
    let quit_key = app.global_key("quit");
    let Some(Overlay::Form(form)) = &mut app.overlay else {
        return Effect::None;
    };
    match form.key(key, command.as_deref()) {
        Outcome::Stay => {}
        Outcome::Cancel => app.overlay = None,
        // The loop writes the file; the form stays open for its answer.
        Outcome::Submit if matches!(form.purpose, Purpose::Disk(_)) => {
            match conflict::submit(&form.values(), &quit_key) {
                Ok(effect) => return effect,
                Err(message) => form.error = Some(message),
            }
        }
        Outcome::Submit => {
            let form: Form = *match app.overlay.take() {
                Some(Overlay::Form(form)) => form,
                _ => return Effect::None,
            };
            let values = form.values();
            let result = match form.purpose.clone() {
                Purpose::Agenda(purpose) => agenda::submit(app, purpose, &values, now),
                Purpose::Balance(purpose) => balance::submit(app, purpose, &values, now),
                Purpose::Decisions(purpose) => decisions::submit(app, purpose, &values, now),
                Purpose::Ladder(purpose) => ladder::submit(app, purpose, &values, now),
                // Written by the loop, above: never submitted here.
                Purpose::Disk(_) => Ok(()),
                #[cfg(test)]
                Purpose::Test => Ok(()),
            };
            if let Err(message) = result {
                // Keep what was typed, say why, save nothing.
                let mut form = form;
                form.error = Some(message);
                app.overlay = Some(Overlay::Form(Box::new(form)));
            }
        }
    }
    Effect::None
}

/// Moves through the undo history one step with `step` (undo or redo),
/// saying in the status line what was taken back or made again.
fn travel(
    app: &mut App,
    step: fn(&mut UndoStack, &mut Session) -> Option<String>,
    done: &str,
    nothing: &str,
) {
    app.status = Some(match step(&mut app.undo, &mut app.session) {
        Some(label) => {
            app.revision += 1;
            format!("{done}: {label}")
        }
        None => nothing.to_owned(),
    });
}

/// Gives `who` the floor, ending the open turn. Their hand, if up, comes
/// down: they are speaking now.
fn give_floor(app: &mut App, who: String, now: Time) {
    let (name, present) = match app.session.participant(&who) {
        Some(p) => (p.name.clone(), p.is_present()),
        None => return,
    };
    if !present {
        app.status = Some(format!(
            "{name} is marked absent ({} marks them present)",
            app.key_name(Scope::Balance, "toggle_present")
        ));
        return;
    }
    if floor(&app.session).is_some_and(|t| t.who == who) {
        app.status = Some(format!("{name} already has the floor"));
        return;
    }
    let now = not_before_record(&app.session, now);
    app.change_in(format!("give the floor to {name}"), Reach::floor(), |s| {
        close_open_turn(s, now);
        stack::lower(&mut s.stack, &who);
        s.turns.push(Turn {
            who,
            at: now,
            secs: None,
        });
    });
}
