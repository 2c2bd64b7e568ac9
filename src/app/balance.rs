//! The Balance pane's commands: the floor, presence, latecomers and the
//! stack of raised hands (issue #4).

use super::Purpose;
use super::form::{self, Choice, Form};
use super::keymap::Scope;
use super::keys::Key;
use super::undo::{Reach, Window};
use super::{Action, App, Pane};
use crate::session::balance::{Tally, floor, spoken};
use crate::session::ids::fresh_id;
use crate::session::timing::not_before_record;
use crate::session::{Participant, Session, SpeakerKey, Time, attendance, speaker_keys, stack};

/// What the facilitator can do in the Balance pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BalanceAction {
    /// Move the selection up (-1) or down (+1) the list of people.
    Select(isize),
    /// Mark the selected person present, or absent.
    TogglePresent,
    /// Open the form for a latecomer.
    AddLatecomer,
    /// `+`: the next person's key raises or lowers their hand.
    HandNext,
    /// Raise or lower this participant's hand.
    ToggleHand(String),
    /// A key after `+` that is nobody's: nothing raised.
    CancelHand,
    /// Give the floor to the top of the stack.
    CallNext,
    /// Open the form for the selected person's time: preparation, travel
    /// and what they take for it.
    PeoplesTime,
}

/// The forms the Balance pane opens, and what each will change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BalanceForm {
    /// A person who arrived after the start.
    Latecomer,
    /// The time of the participant with this id (see [`super::peoples_time`]).
    PeoplesTime(String),
}

/// What the Balance pane has selected: kept in the app, drawn by `ui`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BalanceView {
    /// Index into `session.participants` (kept in range when drawn).
    pub selected: usize,
    /// `+` was pressed: the next key is whose hand goes up or down.
    pub hand_next: bool,
    /// The speaking log summed by person as of `tally_at`, so that neither
    /// a frame nor a change sums thousands of turns (see [`Tally`]).
    tally: Tally,
    tally_at: u64,
}

impl BalanceView {
    /// The log's tally if it is that of `app`'s session now.
    pub fn tally(app: &App) -> Option<&Tally> {
        let view = &app.balance;
        (view.tally_at == app.revision && view.tally.fits(&app.session)).then_some(&view.tally)
    }
}

/// Brings the tally up to date after an update: after one change, undo or
/// redo, only the turns it replaced are tallied again.
pub(super) fn refresh(app: &mut App) {
    if BalanceView::tally(app).is_some() {
        return;
    }
    let view = &mut app.balance;
    if view.tally_at + 1 == app.revision {
        view.tally.refit(&app.session, app.undo.kept());
    } else {
        view.tally = Tally::of(&app.session);
    }
    view.tally_at = app.revision;
}

/// Each participant's speaking seconds at `now`, from the kept tally when
/// it is current.
fn spoken_at(app: &App, now: Time) -> Vec<u64> {
    match BalanceView::tally(app) {
        Some(tally) => tally.totals(&app.session, now).0,
        None => spoken(&app.session, now).0,
    }
}

/// The pane's commands by their names in the keymap (`app/keymap.yaml`).
pub const COMMANDS: &[(&str, Action)] = &[
    ("silence_floor", Action::SilenceFloor),
    ("call_next", Action::Balance(BalanceAction::CallNext)),
    ("hand_next", Action::Balance(BalanceAction::HandNext)),
    ("select_up", Action::Balance(BalanceAction::Select(-1))),
    ("select_down", Action::Balance(BalanceAction::Select(1))),
    (
        "toggle_present",
        Action::Balance(BalanceAction::TogglePresent),
    ),
    (
        "add_latecomer",
        Action::Balance(BalanceAction::AddLatecomer),
    ),
    ("peoples_time", Action::Balance(BalanceAction::PeoplesTime)),
];

/// The participant whose speaker key is `c`, present or not.
fn keyed(session: &Session, c: char) -> Option<&Participant> {
    session
        .participants
        .iter()
        .find(|p| p.key.is_some_and(|k| k.0 == c))
}

/// What a key that is no command means in the Balance pane: a present
/// person's key gives them the floor; with Shift, or after `+`, it raises or
/// lowers their hand. After `+`, any other key only cancels it.
pub(super) fn person_key(app: &App, key: Key) -> Option<Action> {
    let c = match key.code {
        super::keys::KeyCode::Char(c) if !key.ctrl && !key.alt => Some(c),
        _ => None,
    };
    let hand = |p: &Participant| Action::Balance(BalanceAction::ToggleHand(p.id.clone()));
    if app.balance.hand_next {
        let person = c.and_then(|c| keyed(&app.session, c.to_ascii_lowercase()));
        return Some(person.map_or(Action::Balance(BalanceAction::CancelHand), hand));
    }
    let c = c?;
    let person = keyed(&app.session, c.to_ascii_lowercase())?;
    if c.is_ascii_uppercase() {
        Some(hand(person))
    } else {
        // An absent person's key does nothing: the row says "absent".
        person
            .is_present()
            .then(|| Action::GiveFloor(person.id.clone()))
    }
}

/// Applies one of the pane's actions; the action it leads to (Enter gives
/// the floor), if any, for `update` to apply next.
pub(super) fn update(app: &mut App, action: BalanceAction, now: Time) -> Option<Action> {
    app.balance.hand_next = false;
    match action {
        BalanceAction::Select(step) => {
            let len = app.session.participants.len();
            app.balance.selected = super::stepped(app.balance.selected, step, len);
        }
        BalanceAction::TogglePresent => toggle_present(app, now),
        BalanceAction::AddLatecomer => {
            let form = latecomer_form(&app.session);
            app.open_form(form);
        }
        BalanceAction::HandNext => {
            app.balance.hand_next = true;
            app.status = Some("Whose hand? Press their key".into());
        }
        BalanceAction::CancelHand => app.status = Some("No hand raised".into()),
        BalanceAction::ToggleHand(who) => toggle_hand(app, &who, now),
        BalanceAction::CallNext => match app.session.stack.first() {
            Some(top) => return Some(Action::GiveFloor(top.clone())),
            None => app.status = Some("No hands are up".into()),
        },
        BalanceAction::PeoplesTime => super::peoples_time::open(app),
    }
    None
}

fn toggle_hand(app: &mut App, who: &str, now: Time) {
    if super::update::refuse_if_ended(app) {
        return;
    }
    let Some(p) = app.session.participant(who) else {
        return;
    };
    let (name, present) = (p.name.clone(), p.is_present());
    if app.session.stack.iter().any(|w| w == who) {
        app.change_in(format!("lower {name}'s hand"), Reach::floor(), |s| {
            stack::lower(&mut s.stack, who);
        });
    } else if !present {
        app.status = Some(format!("{name} is marked absent"));
    } else if floor(&app.session).is_some_and(|t| t.who == who) {
        // Their time grows while they speak; the stack's order rests on
        // the time of people waiting staying put.
        app.status = Some(format!(
            "{name} has the floor: raise their hand when they finish"
        ));
    } else {
        let secs = spoken_at(app, now);
        let s = &app.session;
        let mut hands = s.stack.clone();
        let spoken_of = stack::spoken_by_id(s, &secs);
        stack::raise(&mut hands, s.settings.stack_order(), who, spoken_of);
        app.change_in(format!("raise {name}'s hand"), Reach::floor(), |s| {
            s.stack = hands
        });
    }
}

fn toggle_present(app: &mut App, now: Time) {
    let last = app.session.participants.len().saturating_sub(1);
    app.balance.selected = app.balance.selected.min(last);
    let Some(p) = app.session.participants.get(app.balance.selected) else {
        app.status = Some(format!(
            "Nobody to mark: add a latecomer with {}",
            app.key_name(Scope::Balance, "add_latecomer")
        ));
        return;
    };
    let (id, name, present) = (p.id.clone(), p.name.clone(), p.is_present());
    let i = app.balance.selected;
    let now = not_before_record(&app.session, now);
    let reach = || Reach::floor().participants(Window::at(i));
    if present {
        app.change_in(format!("mark {name} absent"), reach(), |s| {
            if floor(s).is_some_and(|t| t.who == id) {
                crate::session::timing::close_open_turn(s, now);
            }
            stack::lower(&mut s.stack, &id);
            attendance::mark(s, i, false, now);
        });
    } else {
        app.change_in(format!("mark {name} present"), reach(), |s| {
            attendance::mark(s, i, true, now);
        });
    }
}

/// The latecomer form: name, role and key.
fn latecomer_form(session: &Session) -> Form<Purpose> {
    let roles = session
        .roles
        .iter()
        .map(|r| Choice::new(r.id.as_str(), r.label.as_str()))
        .collect();
    Form::new("Add a latecomer", Purpose::Balance(BalanceForm::Latecomer))
        .line("Name", "as the room knows them", "")
        .choice("Role", "where they speak from", roles, "")
        .line("Key", "one letter or digit; empty: one is given", "")
}

/// Whether a plain `c` already means something in the Balance pane.
fn reserved(app: &App) -> impl Fn(char) -> bool + '_ {
    |c| app.lookup(Pane::Balance, Key::char(c)).is_some()
}

/// Reads the key field: empty, or one free letter or digit.
fn typed_key(app: &App, value: &str) -> Result<Option<SpeakerKey>, String> {
    let mut chars = value.chars();
    let c = match (chars.next(), chars.next()) {
        (None, _) => return Ok(None),
        (Some(c), None) => c.to_ascii_lowercase(),
        _ => {
            return Err(format!(
                "The key must be one letter or digit, not {value:?}"
            ));
        }
    };
    if !SpeakerKey::allowed(c) {
        return Err(format!(
            "The key must be a letter a-z or a digit, not {c:?}"
        ));
    }
    if reserved(app)(c) {
        return Err(format!("{c} is a command in this pane; choose another key"));
    }
    if let Some(owner) = keyed(&app.session, c) {
        return Err(format!("{c} is {}'s key; choose another", owner.name));
    }
    Ok(Some(SpeakerKey(c)))
}

/// Saves a form of this pane, or says why not.
pub(super) fn submit(
    app: &mut App,
    purpose: BalanceForm,
    form: &Form<Purpose>,
    now: Time,
) -> Result<(), String> {
    match purpose {
        BalanceForm::PeoplesTime(who) => super::peoples_time::submit(app, &who, form)?,
        BalanceForm::Latecomer => {
            let name = form::required(&form.value("Name"), "the person's name")?;
            let role = form.value("Role");
            if !app.session.roles.iter().any(|r| r.id == role) {
                return Err("Add roles to the file first: a person needs a role".into());
            }
            let key = typed_key(app, &form.value("Key"))?;
            let id = fresh_id(&name, "person", |id| {
                app.session.participants.iter().any(|p| p.id == id)
            });
            let taken: Vec<char> = ('a'..='z')
                .chain('0'..='9')
                .filter(|&c| reserved(app)(c))
                .collect();
            let person = Participant {
                id,
                name: name.clone(),
                role,
                key,
                present: None,
                needs: None,
                room_name: None,
                attendance: Vec::new(),
            };
            let now = not_before_record(&app.session, now);
            // Handing out keys may give one to anyone who has none.
            let reach = Reach::floor().participants(Window::ALL);
            app.change_in(format!("add {name}"), reach, |s| {
                s.participants.push(person);
                // Their arrival is recorded once the meeting is under way.
                attendance::mark(s, s.participants.len() - 1, true, now);
                speaker_keys::assign_missing(s, |c| taken.contains(&c));
            });
            let added = app.session.participants.last();
            app.status = Some(match added.and_then(|p| p.key) {
                Some(k) => format!("Added {name}: their key is {}", k.0),
                None => format!("Added {name}: every key is taken, so they have none"),
            });
            app.balance.selected = app.session.participants.len().saturating_sub(1);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
