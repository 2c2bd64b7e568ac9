//! `update`: the one place the app's state changes.

use chrono::Timelike;

use super::Purpose;
use super::form::{Form, Outcome};
use super::keymap::Scope;
use super::keys::Key;
use super::undo::{Reach, UndoStack};
use super::{Action, App, Effect, Overlay, agenda, balance, conflict, decisions, ladder, resume};
use crate::session::balance::floor;
use crate::session::timing::{
    close_open_turn, current_break, format_duration, not_before_record, secs_between,
};
use crate::session::{Session, Time, Turn, stack, thinking};

/// Applies `action` at `now` and says what the loop must do next.
pub fn update(app: &mut App, action: Action, now: Time) -> Effect {
    // The file keeps whole seconds; dropping the fraction here keeps every
    // duration the app writes exact.
    let now = now.with_nanosecond(0).unwrap_or(now);
    app.now = now;
    if !matches!(
        action,
        Action::Tick
            | Action::SaveFailed(_)
            | Action::SizeWarning(_)
            | Action::Disk(_)
            | Action::EarlierMeetings(_)
    ) {
        app.status = None;
        app.floor_key = false;
    }
    // An action may lead to another (Enter gives the floor to the top of
    // the stack): applied here in turn, never by a pane calling `update`.
    let mut next = Some(action);
    let mut effect = Effect::None;
    while let Some(action) = next.take() {
        (effect, next) = apply(app, action, now);
    }
    if let Some(question) = resume::question(app) {
        app.status = Some(question);
    }
    super::privacy::keep_room_private(app);
    // Whatever changed the session (an edit, undo, a reload), the Balance
    // pane's kept lookups follow it here, once.
    balance::refresh(app);
    effect
}

/// Carries out one action; `update` does what every action shares. Gives
/// the effect for the loop and the action this one leads to, if any.
fn apply(app: &mut App, action: Action, now: Time) -> (Effect, Option<Action>) {
    match action {
        Action::Tick => {}
        // Shown in the footer on every pane until a save works again.
        Action::SaveFailed(problem) => app.disk.unsaved = Some(problem),
        Action::SizeWarning(warning) => app.status = Some(warning),
        Action::Disk(action) => return (conflict::update(app, action, now), None),
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
        Action::Quit => {
            // The time until the file is next opened is nobody's speech.
            close_at_stop(app, now);
            return (conflict::quit(app, now), None);
        }
        Action::Stop => {
            close_at_stop(app, now);
            return (Effect::Quit, None);
        }
        Action::GiveFloor(who) => give_floor(app, who, now),
        Action::Agenda(action) => agenda::update(app, action, now),
        Action::Balance(action) => return (Effect::None, balance::update(app, action, now)),
        Action::Decisions(action) => decisions::update(app, action, now),
        Action::Ladder(action) => ladder::update(app, action, now),
        Action::Round(action) => super::round::update(app, action, now),
        Action::YouSaid => super::you_said::open(app),
        Action::Resume(choice) => resume::update(app, choice),
        Action::EarlierMeetings(trend) => {
            app.ladder.trend = trend;
            app.ladder.reading_earlier = false;
        }
        Action::Type(key) => return (type_into_form(app, key, now), None),
        Action::Paste(text) => {
            if let Some(Overlay::Form(form)) = &mut app.overlay {
                form.paste(&text);
            }
        }
        Action::FloorKey => {
            app.floor_key = true;
            app.status = Some(super::floor_key::waiting(app));
        }
        Action::FloorCancel => app.status = Some("Nobody was given the floor".into()),
        Action::SilenceFloor => silence_floor(app, now),
        Action::Think => think(app, now),
        Action::JargonCard => super::cards::jargon_card(app, now),
        Action::SlowDown => super::cards::slow_down(app, now),
    }
    (Effect::None, None)
}

/// Closes the open turn at the moment the app stops (Ctrl-Q or a signal),
/// so the time until the file is next opened is not counted as speech.
fn close_at_stop(app: &mut App, now: Time) {
    // While the facilitator has not said whether the gap since a record
    // that stopped long ago counts, none of it does: the record stays as
    // found, and the next opening asks again.
    if app.resume.is_some() {
        return;
    }
    if floor(&app.session).is_some() {
        let now = not_before_record(&app.session, now);
        app.change_in(
            "close the turn as the app stopped".into(),
            Reach::floor(),
            |s| {
                close_open_turn(s, now);
            },
        );
    }
}

/// Refuses giving the floor or raising hands once the meeting has ended.
pub(super) fn refuse_if_ended(app: &mut App) -> bool {
    if app.session.clock.ended.is_none() {
        return false;
    }
    app.status = Some(ended(app));
    true
}

/// What the status line says when something needs a meeting in progress.
pub(super) fn ended(app: &App) -> String {
    format!(
        "The meeting has ended: {} in the Agenda pane re-opens it ({} takes the end back)",
        app.key_name(Scope::Agenda, "end_meeting"),
        app.global_key("undo")
    )
}

/// Space: nobody has the floor. Straight after a floor change (a slip of
/// the key) the slip is taken out rather than kept as a turn.
fn silence_floor(app: &mut App, now: Time) {
    let Some(open) = floor(&app.session) else {
        app.status = Some("The floor is already silent".into());
        return;
    };
    if is_slip(&app.session, open, now) {
        app.change_in(
            "take back the floor just given".into(),
            Reach::floor(),
            |s| {
                s.turns.pop();
            },
        );
    } else {
        app.change_in("silence the floor".into(), Reach::floor(), |s| {
            close_open_turn(s, now)
        });
    }
}

/// Starts a thinking time, ending the open turn; pressed while one goes
/// on, ends it early. Not in a break or once the meeting has ended.
fn think(app: &mut App, now: Time) {
    if refuse_if_ended(app) {
        return;
    }
    let now = not_before_record(&app.session, now);
    if current_break(&app.session.clock, now).is_some() {
        app.status = Some("The meeting is on a break: no thinking time until it is back".into());
        return;
    }
    if thinking::current(&app.session.clock, now).is_some() {
        app.change_in("end the thinking time early".into(), Reach::floor(), |s| {
            thinking::cut_short(s, now)
        });
        app.status = Some("Thinking time ended early".into());
        return;
    }
    app.change_in("start a thinking time".into(), Reach::floor(), |s| {
        thinking::start(s, now, None)
    });
    app.status = Some(thinking_words(app));
}

/// What the status line says as a thinking time starts: its length and
/// the key that ends it early.
pub(super) fn thinking_words(app: &App) -> String {
    let secs = app.session.settings.thinking_secs();
    let key = app.global_key("think");
    format!(
        "Thinking time: {} of quiet ({key} ends it early)",
        format_duration(secs)
    )
}

/// Whether the open turn `open` began less than `settings.slip_secs` before
/// `now`: a floor change straight after another is a correction.
pub(super) fn is_slip(session: &Session, open: &Turn, now: Time) -> bool {
    secs_between(open.at, now) < session.settings.slip_secs()
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
            match conflict::submit(form, &quit_key) {
                Ok(effect) => return effect,
                Err(message) => form.error = Some(message),
            }
        }
        Outcome::Submit => {
            let form: Form<Purpose> = *match app.overlay.take() {
                Some(Overlay::Form(form)) => form,
                _ => return Effect::None,
            };
            let result = match form.purpose.clone() {
                Purpose::Agenda(purpose) => agenda::submit(app, purpose, &form, now),
                Purpose::Balance(purpose) => balance::submit(app, purpose, &form, now),
                Purpose::Decisions(purpose) => decisions::submit(app, purpose, &form, now),
                Purpose::Ladder(purpose) => ladder::submit(app, purpose, &form, now),
                Purpose::Cards(purpose) => super::cards::submit(app, purpose, &form),
                Purpose::Round(purpose) => super::round::submit(app, purpose, &form, now),
                Purpose::YouSaid(id) => super::you_said::submit(app, &id, &form),
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
    if refuse_if_ended(app) {
        return;
    }
    let now = not_before_record(&app.session, now);
    if let Some(slip) = floor(&app.session).filter(|t| is_slip(&app.session, t, now)) {
        let at = slip.at;
        app.change_in(
            format!("correct the floor to {name}"),
            Reach::floor(),
            |s| {
                s.turns.pop();
                stack::lower(&mut s.stack, &who);
                // Back to whoever spoke before the slip: their turn carries on.
                let before = s.turns.last_mut().filter(|t| {
                    t.who == who && t.secs.is_some_and(|secs| t.at + seconds(secs) >= at)
                });
                match before {
                    Some(turn) => turn.secs = None,
                    None => s.turns.push(Turn {
                        who,
                        at,
                        secs: None,
                    }),
                }
            },
        );
        return;
    }
    app.change_in(format!("give the floor to {name}"), Reach::floor(), |s| {
        close_open_turn(s, now);
        // Someone speaking ends the quiet.
        thinking::cut_short(s, now);
        stack::lower(&mut s.stack, &who);
        s.turns.push(Turn {
            who,
            at: now,
            secs: None,
        });
    });
}

fn seconds(secs: u64) -> chrono::Duration {
    chrono::Duration::seconds(i64::try_from(secs).unwrap_or(i64::MAX / 1000))
}
