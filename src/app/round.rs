//! Check-in and check-out rounds (issue #19, part 3): one key starts a
//! round (a small form: which kind, in what order) and then calls each
//! person present in turn, giving them the floor; after the last, the round
//! ends, and a check-out asks for the room's hands on the six principles.
//! The rules on who comes next live in `session::round`.

use super::form::{self, Choice, Form};
use super::keymap::Scope;
use super::undo::Reach;
use super::{App, Purpose};
use crate::session::round::{self, Principle, RoundKind, RoundOrder};
use crate::session::timing::{close_open_turn, not_before_record};
use crate::session::{Session, Time, Turn, stack, thinking};
use crate::text::one_line;

/// What the round keys ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundAction {
    /// No round going on: the form that starts one. In a round: call the
    /// next person, or end the round after the last.
    Next,
    /// End the round going on now, whoever is still to be called.
    End,
    /// The show of hands on the six principles for the last check-out.
    Hands,
}

/// The forms rounds open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundForm {
    /// Which kind of round, called in which order.
    Start,
    /// The hands per principle on the check-out that started at this time.
    Hands(Time),
}

/// Applies a round key.
pub(super) fn update(app: &mut App, action: RoundAction, now: Time) {
    let now = not_before_record(&app.session, now);
    match (action, round::current(&app.session)) {
        (RoundAction::Next, None) => {
            if !super::update::refuse_if_ended(app) {
                start_form(app);
            }
        }
        (RoundAction::Next, Some(i)) => match round::next_person(&app.session, i, now) {
            Some(who) if !super::update::refuse_if_ended(app) => call(app, i, who, now),
            Some(_) => {}
            None => end(app, i, now),
        },
        (RoundAction::End, Some(i)) => end(app, i, now),
        (RoundAction::End, None) => {
            app.status = Some(format!(
                "No round is going on: {} starts a check-in or check-out",
                app.global_key("round")
            ));
        }
        (RoundAction::Hands, _) => match round::last_check_out(&app.session) {
            Some(i) => hands_form(app, i),
            None => {
                app.status = Some(format!(
                    "No check-out round has ended yet: {} starts one",
                    app.global_key("round")
                ));
            }
        },
    }
}

/// The form that starts a round: a check-in first, a check-out once the
/// meeting has had its check-in.
fn start_form(app: &mut App) {
    let checked_in = app
        .session
        .rounds
        .iter()
        .any(|r| r.kind == RoundKind::CheckIn);
    let kind = if checked_in {
        RoundKind::CheckOut
    } else {
        RoundKind::CheckIn
    };
    let kinds = RoundKind::ALL
        .iter()
        .map(|k| Choice::new(k.id(), k.label()))
        .collect();
    let orders = RoundOrder::ALL
        .iter()
        .map(|o| Choice::new(o.id(), o.label()))
        .collect();
    let form = Form::new("Start a round", Purpose::Round(RoundForm::Start))
        .choice("Round", "Left/Right", kinds, kind.id())
        .choice("Order", "Left/Right: who is called first", orders, "");
    app.open_form(form);
}

/// The hands form for the round at `index`, filled with the hands counted.
fn hands_form(app: &mut App, index: usize) {
    let r = &app.session.rounds[index];
    let most = most_hands(&app.session, index);
    let mut form = Form::new(
        format!("The six principles: hands up for each we lived today (0 to {most})"),
        Purpose::Round(RoundForm::Hands(r.from)),
    );
    for p in Principle::ALL {
        let counted = r.hands.get(&p).map(u32::to_string).unwrap_or_default();
        let hint = format!("{}: {}", p.label(), p.question());
        form = form.line(p.label(), &hint, &counted);
    }
    app.open_form(form);
}

/// The most hands one principle can have on round `index`: everyone it
/// called, or everyone present if more came in since.
fn most_hands(session: &Session, index: usize) -> u32 {
    let present = session.participants.iter().filter(|p| p.is_present());
    let most = session.rounds[index].called.len().max(present.count());
    u32::try_from(most).unwrap_or(u32::MAX)
}

/// Gives `who` the floor as the round's next person, in one change that
/// undo takes back whole. The turn before, if only a moment long (a pass),
/// is taken out as a slip would be: passing is not a turn.
fn call(app: &mut App, index: usize, who: String, now: Time) {
    let name = name_of(&app.session, &who);
    let kind = app.session.rounds[index].kind;
    app.change_in(
        format!("call {name} in the {}", words(kind)),
        Reach::floor(),
        |s| take_floor(s, index, who, now),
    );
    app.status = Some(called_words(app, index, &name, now));
}

/// `who` is called by round `index` and given the floor at `now`.
fn take_floor(s: &mut Session, index: usize, who: String, now: Time) {
    pass_or_close(s, now);
    thinking::cut_short(s, now);
    stack::lower(&mut s.stack, &who);
    s.turns.push(Turn {
        who: who.clone(),
        at: now,
        secs: None,
    });
    s.rounds[index].called.push(who);
}

/// Ends the open turn at `now`; one shorter than the slip setting is
/// taken out instead.
fn pass_or_close(s: &mut Session, now: Time) {
    let slip = crate::session::balance::floor(s).is_some_and(|t| super::update::is_slip(s, t, now));
    if slip {
        s.turns.pop();
    } else {
        close_open_turn(s, now);
    }
}

/// What the status line says as someone is called: where the round is and
/// who comes next.
fn called_words(app: &App, index: usize, name: &str, now: Time) -> String {
    let r = &app.session.rounds[index];
    let key = app.global_key("round");
    let total = r.called.len() + round::still_to_call(&app.session, index);
    let place = format!("{} of {total}", r.called.len());
    let then = match round::next_person(&app.session, index, now) {
        Some(next) => format!("{key}: {}", name_of(&app.session, &next)),
        None => format!("{key} ends the round"),
    };
    format!("{}: {name} has the floor ({place}); {then}", r.kind.label())
}

/// Ends round `index` at `now`, with the open turn; a check-out goes on to
/// the six principles' hands.
fn end(app: &mut App, index: usize, now: Time) {
    let kind = app.session.rounds[index].kind;
    app.change_in(format!("end the {}", words(kind)), Reach::floor(), |s| {
        pass_or_close(s, now);
        round::end(s, now);
    });
    let called = app.session.rounds[index].called.len();
    let people = if called == 1 { "person" } else { "people" };
    app.status = Some(format!("{} ended: {called} {people} called", kind.label()));
    if kind == RoundKind::CheckOut {
        hands_form(app, index);
    }
}

/// "check-in round", as messages say it.
fn words(kind: RoundKind) -> String {
    format!("{} round", kind.id())
}

/// A participant's name for a message.
fn name_of(session: &Session, id: &str) -> String {
    session
        .participant(id)
        .map_or_else(|| id.to_owned(), |p| one_line(&p.name).into_owned())
}

/// Saves a round form, or says why not.
pub(super) fn submit(
    app: &mut App,
    purpose: RoundForm,
    form: &Form<Purpose>,
    now: Time,
) -> Result<(), String> {
    let now = not_before_record(&app.session, now);
    match purpose {
        RoundForm::Start => {
            if round::current(&app.session).is_some() {
                return Err(format!(
                    "A round is already going on; {} closes the form",
                    app.key_name(Scope::Form, "cancel")
                ));
            }
            if app.session.clock.ended.is_some() {
                return Err(super::update::ended(app));
            }
            let kind = RoundKind::ALL
                .into_iter()
                .find(|k| k.id() == form.value("Round"))
                .ok_or("Choose a check-in or a check-out")?;
            let order = RoundOrder::ALL
                .into_iter()
                .find(|o| o.id() == form.value("Order"))
                .ok_or("Choose the order people are called in")?;
            if !app.session.participants.iter().any(|p| p.is_present()) {
                return Err("Nobody is marked present to call".into());
            }
            // Started and the first person called in one change, so one
            // undo takes the round back whole.
            app.change_in(format!("start a {}", words(kind)), Reach::floor(), |s| {
                round::start(s, kind, order, now);
                let i = s.rounds.len() - 1;
                if let Some(first) = round::next_person(s, i, now) {
                    take_floor(s, i, first, now);
                }
            });
            let i = app.session.rounds.len() - 1;
            if let Some(first) = app.session.rounds[i].called.first() {
                let name = name_of(&app.session, first);
                app.status = Some(called_words(app, i, &name, now));
            }
            Ok(())
        }
        RoundForm::Hands(from) => {
            let index = app
                .session
                .rounds
                .iter()
                .position(|r| r.from == from)
                .ok_or("That round is no longer in the record")?;
            let most = most_hands(&app.session, index);
            let mut hands = Vec::new();
            for p in Principle::ALL {
                let value = form.value(p.label());
                if value.trim().is_empty() {
                    continue;
                }
                let what = format!("The hands for {}", p.label().to_lowercase());
                hands.push((p, form::whole_number(&value, &what, 0, most)?));
            }
            app.change_in(
                "the hands on the six principles".into(),
                Reach::floor(),
                |s| {
                    s.rounds[index].hands = hands.into_iter().collect();
                },
            );
            app.status = Some("The six principles: hands kept in the record".into());
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests;
