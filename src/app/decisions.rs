//! The Decisions pane's commands: the queue of proposals, consent rounds
//! and their outcomes and actions (issue #5). The rules on which move is
//! allowed live in `session::consent`; this module picks the proposal and
//! the person a key means, asks those rules, and makes the change.

use super::keymap::Scope;
use super::undo::{Reach, Window};
use chrono::NaiveDate;

use super::Purpose;
use super::form::{self, Choice, Form};
use super::{Action, App};
use crate::session::consent::{self, CLOSING, Closing, Move};
use crate::session::ids::fresh_id;
use crate::session::{
    ActionState, Decision, DecisionState, Response, Session, Time, action_line, thinking,
};
use crate::text::{fit, one_line};

/// What the facilitator can do in the Decisions pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionAction {
    /// Open the form for a new proposal.
    Add,
    /// Open the form to edit the selected proposal.
    Edit,
    /// Withdraw the selected proposal, or put a withdrawn one back.
    Withdraw,
    /// Select the previous / next proposal in the queue.
    Select(isize),
    /// Move the selected proposal up (-1) or down (1) the queue.
    Shift(isize),
    /// Open the selected proposal for discussion.
    Open,
    /// Move the round's cursor to the previous / next present person.
    Person(isize),
    /// Record the answer of the person at the cursor.
    Answer(Response),
    /// Give a reason for the concern or objection of the person at the cursor.
    Reason,
    /// Close the open round, or revise the selected closed one.
    Close,
    /// Note why a rubber-stamp flag was fine (or not).
    Note,
    /// Mark the selected proposal's actions done or dropped.
    MarkActions,
}

/// The forms the Decisions pane opens, and what each will change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionForm {
    /// A new proposal at the end of the queue.
    Add,
    /// The proposal with this id: its text, proposer and item.
    Edit(String),
    /// The reason of a participant (second) for a proposal (first).
    Reason(String, String),
    /// The outcome of the proposal with this id.
    Close(String),
    /// The facilitator's note on a rubber-stamp flag.
    Note(String),
    /// Done, dropped or still to do, for each action of the proposal with
    /// this id.
    MarkActions(String),
}

/// What the Decisions pane has selected: kept in the app, drawn by `ui`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionsView {
    /// The proposal chosen with `[` and `]`; `None` until the facilitator
    /// chooses: then the open one, else the latest decided, else the first.
    pub selected: Option<usize>,
    /// The participant id at the round's cursor; `None` (or someone no
    /// longer present) means the first present person yet to answer.
    pub person: Option<String>,
}

/// The pane's commands by their names in the keymap (`app/keymap.yaml`).
pub const COMMANDS: &[(&str, Action)] = &[
    (
        "agree",
        Action::Decisions(DecisionAction::Answer(Response::Agree)),
    ),
    (
        "concern",
        Action::Decisions(DecisionAction::Answer(Response::Concern)),
    ),
    (
        "object",
        Action::Decisions(DecisionAction::Answer(Response::Object)),
    ),
    (
        "abstain",
        Action::Decisions(DecisionAction::Answer(Response::Abstain)),
    ),
    ("open", Action::Decisions(DecisionAction::Open)),
    ("close_round", Action::Decisions(DecisionAction::Close)),
    ("add", Action::Decisions(DecisionAction::Add)),
    (
        "previous_person",
        Action::Decisions(DecisionAction::Person(-1)),
    ),
    ("next_person", Action::Decisions(DecisionAction::Person(1))),
    ("reason", Action::Decisions(DecisionAction::Reason)),
    ("edit", Action::Decisions(DecisionAction::Edit)),
    ("withdraw", Action::Decisions(DecisionAction::Withdraw)),
    (
        "previous_proposal",
        Action::Decisions(DecisionAction::Select(-1)),
    ),
    (
        "next_proposal",
        Action::Decisions(DecisionAction::Select(1)),
    ),
    ("move_up", Action::Decisions(DecisionAction::Shift(-1))),
    ("move_down", Action::Decisions(DecisionAction::Shift(1))),
    ("note", Action::Decisions(DecisionAction::Note)),
    (
        "mark_actions",
        Action::Decisions(DecisionAction::MarkActions),
    ),
];

/// The index of the open proposal, if any.
pub fn open_index(session: &Session) -> Option<usize> {
    session
        .decisions
        .iter()
        .position(|d| d.state == DecisionState::Open)
}

/// The proposal the pane shows in full and the queue commands act on.
pub fn selected_index(app: &App) -> Option<usize> {
    let d = &app.session.decisions;
    if d.is_empty() {
        return None;
    }
    match app.decisions.selected {
        Some(i) => Some(i.min(d.len() - 1)),
        None => open_index(&app.session)
            .or_else(|| d.iter().rposition(|d| d.decided.is_some()))
            .or(Some(0)),
    }
}

/// The participant id at the round's cursor on `decision`.
pub fn cursor<'a>(app: &'a App, decision: &Decision) -> Option<&'a str> {
    let present = || app.session.participants.iter().filter(|p| p.is_present());
    let chosen = app.decisions.person.as_deref();
    present()
        .find(|p| Some(p.id.as_str()) == chosen)
        .or_else(|| present().find(|p| decision.responses.get(&p.id).is_none()))
        .or_else(|| present().next())
        .map(|p| p.id.as_str())
}

/// Runs a consent rule: a refusal goes to the status line.
fn allowed(app: &mut App, index: usize, mv: Move) -> bool {
    match consent::check(&app.session, index, mv) {
        Ok(()) => true,
        Err(message) => {
            app.status = Some(message);
            false
        }
    }
}

/// The open proposal, made the selected one, for the round's keys.
fn open_round(app: &mut App) -> Option<usize> {
    let open = open_index(&app.session);
    match open {
        Some(i) => app.decisions.selected = Some(i),
        None => {
            let key = |command| app.key_name(Scope::Decisions, command);
            app.status = Some(format!(
                "No proposal is open: choose one with {} {} and open it ({})",
                key("previous_proposal"),
                key("next_proposal"),
                key("open")
            ))
        }
    }
    open
}

/// The selected proposal, or a status line saying there is none.
fn selected(app: &mut App) -> Option<usize> {
    let index = selected_index(app);
    if index.is_none() {
        app.status = Some("No proposals yet: add one (a)".into());
    }
    index
}

/// Applies one of the pane's actions.
pub(super) fn update(app: &mut App, action: DecisionAction, now: Time) {
    match action {
        DecisionAction::Add => {
            let form = proposal_form(app, "Add a proposal", DecisionForm::Add, None);
            app.open_form(form);
        }
        DecisionAction::Edit => {
            if let Some(i) = selected(app) {
                let d = app.session.decisions[i].clone();
                let form = proposal_form(
                    app,
                    "Edit the proposal",
                    DecisionForm::Edit(d.id.clone()),
                    Some(&d),
                );
                app.open_form(form);
            }
        }
        DecisionAction::Select(step) => {
            if let Some(i) = selected(app) {
                let len = app.session.decisions.len();
                app.decisions.selected = Some(super::stepped(i, step, len));
            }
        }
        DecisionAction::Shift(step) => {
            let Some(i) = selected(app) else { return };
            let Some(to) = super::neighbour(i, step, app.session.decisions.len()) else {
                let end = if step < 0 { "top" } else { "bottom" };
                app.status = Some(format!("It is already at the {end} of the queue"));
                return;
            };
            let what = consent::called(&app.session.decisions[i]);
            let way = if step < 0 { "up" } else { "down" };
            let reach = Reach::floor().decisions(Window::between(i, to));
            app.change_in(format!("move {what} {way}"), reach, |s| {
                s.decisions.swap(i, to)
            });
            app.decisions.selected = Some(to);
        }
        DecisionAction::Withdraw => {
            let Some(i) = selected(app) else { return };
            let back = app.session.decisions[i].state == DecisionState::Withdrawn;
            let (mv, verb) = if back {
                (Move::PutBack, "put back")
            } else {
                (Move::Withdraw, "withdraw")
            };
            if allowed(app, i, mv) {
                let what = consent::called(&app.session.decisions[i]);
                app.change_in(
                    format!("{verb} {what}"),
                    Reach::floor().decisions(Window::at(i)),
                    |s| consent::set_withdrawn(s, i, !back),
                );
            }
        }
        DecisionAction::Open => {
            let Some(i) = selected(app) else { return };
            if allowed(app, i, Move::Open) {
                let what = consent::called(&app.session.decisions[i]);
                let think = app.session.settings.think_before_consent();
                let reach = Reach::floor().decisions(Window::at(i));
                app.change_in(format!("open {what}"), reach, |s| {
                    consent::open(s, i, now);
                    if think {
                        let id = s.decisions[i].id.clone();
                        thinking::start(s, now, Some(id));
                    }
                });
                app.decisions.person = None;
                let first = if think {
                    format!("{}; then ", super::update::thinking_words(app))
                } else {
                    String::new()
                };
                let key = |command| app.key_name(Scope::Decisions, command);
                let answers = ["agree", "concern", "object", "abstain"].map(key);
                app.status = Some(format!(
                    "{what} is open: {first}{} records each person's answer",
                    answers.join(" ")
                ));
            }
        }
        DecisionAction::Person(step) => {
            let Some(i) = open_round(app) else { return };
            let d = app.session.decisions[i].clone();
            let present = present_ids(&app.session);
            let here = cursor(app, &d).and_then(|id| present.iter().position(|p| p == id));
            if let Some(here) = here {
                let to = super::wrapped(here, step, present.len());
                app.decisions.person = Some(present[to].clone());
            }
        }
        DecisionAction::Answer(response) => answer(app, response, now),
        DecisionAction::Reason => {
            let Some(i) = open_round(app) else { return };
            let d = app.session.decisions[i].clone();
            if let Some(who) = cursor(app, &d).map(str::to_owned) {
                reason_form(app, i, &who);
            }
        }
        DecisionAction::Close => {
            let i = match open_index(&app.session) {
                Some(i) => i,
                None => match selected(app) {
                    Some(i) => i,
                    None => return,
                },
            };
            app.decisions.selected = Some(i);
            let d = app.session.decisions[i].clone();
            // The state offered first is one the rules allow, so that a
            // plain Enter never meets a refusal it could have avoided.
            let first = CLOSING
                .into_iter()
                .find(|s| consent::check(&app.session, i, Move::Close(*s)).is_ok());
            let Some(first) = first else {
                let _ = allowed(app, i, Move::Close(DecisionState::Agreed));
                return;
            };
            let state = if consent::is_closed(d.state) {
                d.state
            } else {
                first
            };
            let form = close_form(&d, state);
            app.open_form(form);
        }
        DecisionAction::MarkActions => {
            let Some(i) = selected(app) else { return };
            let d = &app.session.decisions[i];
            if d.actions.is_empty() {
                app.status = Some(format!("{} has no actions to mark", consent::called(d)));
                return;
            }
            let mut form = Form::new(
                format!("Actions of {}", consent::called(d)),
                Purpose::Decisions(DecisionForm::MarkActions(d.id.clone())),
            );
            for a in &d.actions {
                let marks = super::you_said::action_marks("still to do", "dropped");
                let now = super::you_said::mark_value(a.state);
                form = form.choice(&fit(&one_line(&a.what), 30), "Left/Right", marks, now);
            }
            app.open_form(form);
        }
        DecisionAction::Note => {
            let Some(i) = selected(app) else { return };
            if allowed(app, i, Move::Note) {
                let d = &app.session.decisions[i];
                let form = Form::new(
                    format!("Rubber-stamp flag on {}", consent::called(d)),
                    Purpose::Decisions(DecisionForm::Note(d.id.clone())),
                )
                .line(
                    "Note",
                    "why it was fine (or not); empty removes it",
                    d.rubber_stamp_note.as_deref().unwrap_or(""),
                );
                app.open_form(form);
            }
        }
    }
}

/// Records the answer of the person at the cursor on the open proposal,
/// then moves the cursor on to the next present person yet to answer. A
/// concern or objection opens the reason form (Esc leaves it without one).
fn answer(app: &mut App, response: Response, now: Time) {
    let Some(i) = open_round(app) else { return };
    let d = app.session.decisions[i].clone();
    let Some(who) = cursor(app, &d).map(str::to_owned) else {
        app.status = Some("Nobody is present to answer".into());
        return;
    };
    if !allowed(app, i, Move::Answer(&who)) {
        return;
    }
    let name = person_name(&app.session, &who);
    app.change_in(
        format!("{name}'s answer ({})", response.id()),
        Reach::floor().decisions(Window::at(i)),
        |s| consent::answer(s, i, &who, response, now),
    );
    let d = &app.session.decisions[i];
    let present = present_ids(&app.session);
    let here = present.iter().position(|p| *p == who).unwrap_or(0);
    let next = (1..present.len())
        .map(|k| &present[(here + k) % present.len()])
        .find(|p| d.responses.get(p).is_none());
    app.status = Some(match next {
        Some(_) => format!("{name}: {}", response.id()),
        None => format!(
            "{name}: {}. Everyone present has answered: close the round ({})",
            response.id(),
            app.key_name(Scope::Decisions, "close_round")
        ),
    });
    app.decisions.person = Some(next.unwrap_or(&who).clone());
    if matches!(response, Response::Concern | Response::Object) {
        reason_form(app, i, &who);
    }
}

/// The ids of the people present, in file order: the round's walk.
fn present_ids(session: &Session) -> Vec<String> {
    session
        .participants
        .iter()
        .filter(|p| p.is_present())
        .map(|p| p.id.clone())
        .collect()
}

/// A participant's name for a message, or the id when unknown.
fn person_name(session: &Session, id: &str) -> String {
    session
        .participant(id)
        .map_or_else(|| id.to_owned(), |p| one_line(&p.name).into_owned())
}

/// Opens the one-line form for `who`'s reason on the proposal at `index`.
fn reason_form(app: &mut App, index: usize, who: &str) {
    if !allowed(app, index, Move::Reason(who)) {
        return;
    }
    let d = &app.session.decisions[index];
    let name = person_name(&app.session, who);
    let answer = d.responses.get(&who.to_owned()).map_or("", |r| r.id());
    let form = Form::new(
        format!("{name}'s {answer}"),
        Purpose::Decisions(DecisionForm::Reason(d.id.clone(), who.to_owned())),
    )
    .line(
        "Reason",
        &format!(
            "a few words, optional; {} for none",
            app.key_name(Scope::Form, "cancel")
        ),
        d.reasons.get(&who.to_owned()).map_or("", String::as_str),
    );
    app.open_form(form);
}

/// The proposal form, filled from `decision` when editing one.
fn proposal_form(
    app: &App,
    title: &str,
    purpose: DecisionForm,
    decision: Option<&Decision>,
) -> Form<Purpose> {
    let s = &app.session;
    // A new proposal most often belongs to the item being discussed.
    let running = crate::session::timing::running_item(s).map(|i| s.agenda[i].id.as_str());
    let item = match decision {
        Some(d) => d.item.as_deref(),
        None => running,
    };
    Form::new(title, Purpose::Decisions(purpose))
        .line(
            "Proposal",
            "what the group is asked to agree",
            decision.map_or("", |d| &d.proposal),
        )
        .choice(
            "Proposed by",
            "who proposes it",
            form::participant_choices(s),
            decision.map_or("", |d| &d.proposed_by),
        )
        .choice(
            "Item",
            "the agenda item it belongs to",
            form::item_choices(s, "none"),
            item.unwrap_or(""),
        )
}

/// The form that closes a round (or revises a closed one), on `state`.
fn close_form(d: &Decision, state: DecisionState) -> Form<Purpose> {
    let states = CLOSING
        .iter()
        .map(|s| Choice::new(s.id(), consent::state_words(*s)))
        .collect();
    let actions: Vec<String> = d.actions.iter().map(action_line::line).collect();
    let title = if d.state == DecisionState::Open {
        "Close the round on"
    } else {
        "Revise the outcome of"
    };
    Form::new(
        format!("{title} {}", consent::called(d)),
        Purpose::Decisions(DecisionForm::Close(d.id.clone())),
    )
    .choice("State", "Left/Right or a letter", states, state.id())
    .line(
        "Outcome",
        "in the group's own words",
        d.outcome.as_deref().unwrap_or(""),
    )
    .line(
        "Review",
        "YYYY-MM-DD, optional",
        &d.review.map(|r| r.to_string()).unwrap_or_default(),
    )
    .lines(
        "Actions",
        "one a line: what; who; YYYY-MM-DD (date optional); done or dropped once ended",
        &actions.join("\n"),
    )
}

/// The index of the proposal with `id`, or why the form cannot be saved.
fn index_of(session: &Session, id: &str) -> Result<usize, String> {
    session
        .decisions
        .iter()
        .position(|d| d.id == id)
        .ok_or_else(|| "That proposal is no longer in the queue".into())
}

/// Saves a form of this pane, or says why not.
pub(super) fn submit(
    app: &mut App,
    purpose: DecisionForm,
    form: &Form<Purpose>,
    now: Time,
) -> Result<(), String> {
    match purpose {
        DecisionForm::Add | DecisionForm::Edit(_) => {
            let text = form::required(&form.value("Proposal"), "the proposal some words")?;
            let by = form.value("Proposed by");
            if !app.session.participants.iter().any(|p| p.id == by) {
                return Err("Choose who proposes it: add people to the meeting first".into());
            }
            let item = form::optional(&form.value("Item"));
            let short = one_line(&text).into_owned();
            if let DecisionForm::Edit(id) = purpose {
                let i = index_of(&app.session, &id)?;
                app.change_in(
                    format!("edit the proposal {short}"),
                    Reach::floor().decisions(Window::at(i)),
                    |s| {
                        consent::reword(s, i, text, now);
                        let d = &mut s.decisions[i];
                        d.proposed_by = by.clone();
                        d.item = item;
                    },
                );
                return Ok(());
            }
            let id = fresh_id(&text, "proposal", |id| {
                app.session.decisions.iter().any(|d| d.id == id)
            });
            let decision = Decision::queued(id, text, by.clone(), item);
            let at = app.session.decisions.len();
            app.change_in(
                format!("add the proposal {short}"),
                Reach::floor().decisions(Window::at(at)),
                |s| s.decisions.push(decision),
            );
            app.decisions.selected = Some(app.session.decisions.len() - 1);
        }
        DecisionForm::Reason(id, who) => {
            let i = index_of(&app.session, &id)?;
            consent::check(&app.session, i, Move::Reason(&who))?;
            let reason = form::optional(&form.value("Reason"));
            let name = person_name(&app.session, &who);
            app.change_in(
                format!("{name}'s reason"),
                Reach::floor().decisions(Window::at(i)),
                |s| consent::set_reason(s, i, &who, reason),
            );
        }
        DecisionForm::Close(id) => {
            let i = index_of(&app.session, &id)?;
            let state = form.value("State");
            let state = CLOSING
                .into_iter()
                .find(|s| s.id() == state)
                .ok_or("Choose how the round closes")?;
            consent::check(&app.session, i, Move::Close(state))?;
            let outcome =
                form::required(&form.value("Outcome"), "the outcome, in the group's words")?;
            let review: Option<NaiveDate> =
                form::optional_date(&form.value("Review"), "The review date")?;
            let actions = action_line::parse(&app.session, &form.value("Actions"))?;
            let what = consent::called(&app.session.decisions[i]);
            let closing = Closing {
                state,
                outcome,
                review,
                actions,
            };
            app.change_in(
                format!("close the round on {what}"),
                Reach::floor().decisions(Window::at(i)),
                |s| consent::close(s, i, closing, now),
            );
            let d = &app.session.decisions[i];
            app.status = Some(match &d.rubber_stamp {
                Some(_) => format!(
                    "{what}: {}. ⚑ Possible rubber stamp: {} notes why it was fine",
                    consent::state_words(d.state),
                    app.key_name(Scope::Decisions, "note")
                ),
                None => format!("{what}: {}", consent::state_words(d.state)),
            });
        }
        DecisionForm::MarkActions(id) => {
            let i = index_of(&app.session, &id)?;
            // One choice an action, in the proposal's order.
            let values = form.values();
            if values.len() != app.session.decisions[i].actions.len() {
                return Err("The actions changed while the form was open; open it again".into());
            }
            let marks: Vec<Option<ActionState>> = values
                .iter()
                .map(|v| super::you_said::read_mark(v))
                .collect();
            let what = consent::called(&app.session.decisions[i]);
            let reach = Reach::floor().decisions(Window::at(i));
            app.change_in(format!("mark the actions of {what}"), reach, |s| {
                for (a, mark) in s.decisions[i].actions.iter_mut().zip(marks) {
                    a.state = mark;
                }
            });
        }
        DecisionForm::Note(id) => {
            let i = index_of(&app.session, &id)?;
            consent::check(&app.session, i, Move::Note)?;
            let note = form::optional(&form.value("Note"));
            app.change_in(
                "the note on a rubber-stamp flag".into(),
                Reach::floor().decisions(Window::at(i)),
                |s| s.decisions[i].rubber_stamp_note = note,
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
