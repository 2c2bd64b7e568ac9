//! The Decisions pane's commands: the queue of proposals, consent rounds
//! and their outcomes and actions (issue #5). The rules on which move is
//! allowed live in `session::consent`; this module picks the proposal and
//! the person a key means, asks those rules, and makes the change.

use super::keymap::Scope;
use super::undo::{Reach, Window};
use chrono::NaiveDate;

use super::form::{self, Choice, Form, Purpose};
use super::{Action, App};
use crate::session::consent::{self, CLOSING, Closing, Move};
use crate::session::ids::fresh_id;
use crate::session::problem::suggest;
use crate::session::{ActionPoint, Decision, DecisionState, Response, Session, Time};
use crate::text::one_line;

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
                app.change_in(
                    format!("open {what}"),
                    Reach::floor().decisions(Window::at(i)),
                    |s| consent::open(s, i, now),
                );
                app.decisions.person = None;
                let key = |command| app.key_name(Scope::Decisions, command);
                let answers = ["agree", "concern", "object", "abstain"].map(key);
                app.status = Some(format!(
                    "{what} is open: {} records each person's answer",
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
        DecisionAction::Answer(response) => answer(app, response),
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
fn answer(app: &mut App, response: Response) {
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
        |s| consent::answer(s, i, &who, response),
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
            "{name}: {}. Everyone present has answered: close the round (c)",
            response.id()
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
) -> Form {
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
fn close_form(d: &Decision, state: DecisionState) -> Form {
    let states = CLOSING
        .iter()
        .map(|s| Choice::new(s.id(), consent::state_words(*s)))
        .collect();
    let actions: Vec<String> = d
        .actions
        .iter()
        .map(|a| {
            let due = a.due.map(|d| format!("; {d}")).unwrap_or_default();
            format!("{}; {}{due}", a.what, a.who)
        })
        .collect();
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
        "one a line: what; who; YYYY-MM-DD (date optional)",
        &actions.join("\n"),
    )
}

/// Reads the actions field: one action a line, `what; who; YYYY-MM-DD`,
/// the date optional. `who` is a participant's id or name. The last one
/// or two parts are the owner and date, so a `what` may hold semicolons.
pub fn parse_actions(session: &Session, text: &str) -> Result<Vec<ActionPoint>, String> {
    let mut actions = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("Action line {}", n + 1);
        let mut parts: Vec<&str> = line.split(';').map(str::trim).collect();
        let due = match parts.last() {
            Some(last) if parts.len() >= 3 && looks_like_date(last) => {
                let last = parts.pop().unwrap_or_default();
                form::optional_date(last, &format!("{at}: the due date"))?
            }
            _ => None,
        };
        if parts.len() < 2 {
            return Err(format!(
                "{at}: write what; who; YYYY-MM-DD, with a semicolon before who"
            ));
        }
        let who = parts.pop().unwrap_or_default();
        let what = parts.join("; ");
        if what.trim().is_empty() {
            return Err(format!(
                "{at}: say what is to be done before the first semicolon"
            ));
        }
        actions.push(ActionPoint {
            what: what.trim().to_owned(),
            who: owner(session, who).map_err(|e| format!("{at}: {e}"))?,
            due,
        });
    }
    Ok(actions)
}

/// Whether a part is meant as a date (digits and dashes or slashes), so a
/// mistyped date is reported as a date rather than read as a person.
fn looks_like_date(part: &str) -> bool {
    part.is_empty()
        || (part.chars().any(|c| c.is_ascii_digit())
            && part
                .chars()
                .all(|c| c.is_ascii_digit() || "-/.".contains(c)))
}

/// The participant id `who` names: an id, a full name or a first name,
/// in any case, as long as it names one person.
fn owner(session: &Session, who: &str) -> Result<String, String> {
    if who.is_empty() {
        return Err("say who will do it after the first semicolon".into());
    }
    let people = &session.participants;
    if let Some(p) = session.participant(who) {
        return Ok(p.id.clone());
    }
    let wanted = who.to_lowercase();
    let names = |p: &&crate::session::Participant| {
        let name = p.name.to_lowercase();
        p.id.to_lowercase() == wanted
            || name == wanted
            || name.split_whitespace().next() == Some(wanted.as_str())
    };
    let named: Vec<&str> = people.iter().filter(names).map(|p| p.id.as_str()).collect();
    match named.as_slice() {
        [one] => Ok((*one).to_owned()),
        [] => {
            let ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
            let hint = suggest(&wanted, &ids)
                .map(|s| format!(" (did you mean '{s}'?)"))
                .unwrap_or_default();
            Err(format!(
                "nobody called '{}' is in participants{hint}",
                one_line(who)
            ))
        }
        several => Err(format!(
            "{} people are called '{}': use their id ({})",
            several.len(),
            one_line(who),
            several.join(", ")
        )),
    }
}

/// The index of the proposal with `id`, or why the form cannot be saved.
fn index_of(session: &Session, id: &str) -> Result<usize, String> {
    session
        .decisions
        .iter()
        .position(|d| d.id == id)
        .ok_or_else(|| "That proposal is no longer in the queue".into())
}

/// Saves a form's `values` (in field order), or says why not.
pub(super) fn submit(
    app: &mut App,
    purpose: DecisionForm,
    values: &[String],
    now: Time,
) -> Result<(), String> {
    let lost = || "The form lost a field; please open it again".to_owned();
    match purpose {
        DecisionForm::Add | DecisionForm::Edit(_) => {
            let [text, by, item] = values else {
                return Err(lost());
            };
            let text = form::required(text, "the proposal some words")?;
            if !app.session.participants.iter().any(|p| &p.id == by) {
                return Err("Choose who proposes it: add people to the meeting first".into());
            }
            let item = form::optional(item);
            let short = one_line(&text).into_owned();
            if let DecisionForm::Edit(id) = purpose {
                let i = index_of(&app.session, &id)?;
                app.change_in(
                    format!("edit the proposal {short}"),
                    Reach::floor().decisions(Window::at(i)),
                    |s| {
                        let d = &mut s.decisions[i];
                        d.proposal = text;
                        d.proposed_by = by.clone();
                        d.item = item;
                    },
                );
                return Ok(());
            }
            let id = fresh_id(&text, "proposal", |id| {
                app.session.decisions.iter().any(|d| d.id == id)
            });
            let decision = Decision {
                id,
                proposal: text,
                proposed_by: by.clone(),
                item,
                state: DecisionState::Queued,
                opened: None,
                responses: Default::default(),
                reasons: Default::default(),
                outcome: None,
                decided: None,
                review: None,
                actions: Vec::new(),
                rubber_stamp: None,
                rubber_stamp_note: None,
            };
            let at = app.session.decisions.len();
            app.change_in(
                format!("add the proposal {short}"),
                Reach::floor().decisions(Window::at(at)),
                |s| s.decisions.push(decision),
            );
            app.decisions.selected = Some(app.session.decisions.len() - 1);
        }
        DecisionForm::Reason(id, who) => {
            let [reason] = values else {
                return Err(lost());
            };
            let i = index_of(&app.session, &id)?;
            consent::check(&app.session, i, Move::Reason(&who))?;
            let reason = form::optional(reason);
            let name = person_name(&app.session, &who);
            app.change_in(
                format!("{name}'s reason"),
                Reach::floor().decisions(Window::at(i)),
                |s| consent::set_reason(s, i, &who, reason),
            );
        }
        DecisionForm::Close(id) => {
            let [state, outcome, review, actions] = values else {
                return Err(lost());
            };
            let i = index_of(&app.session, &id)?;
            let state = CLOSING
                .into_iter()
                .find(|s| s.id() == state)
                .ok_or_else(lost)?;
            consent::check(&app.session, i, Move::Close(state))?;
            let outcome = form::required(outcome, "the outcome, in the group's words")?;
            let review: Option<NaiveDate> = form::optional_date(review, "The review date")?;
            let actions = parse_actions(&app.session, actions)?;
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
                    "{what}: {}. ⚑ Possible rubber stamp: n notes why it was fine",
                    consent::state_words(d.state)
                ),
                None => format!("{what}: {}", consent::state_words(d.state)),
            });
        }
        DecisionForm::Note(id) => {
            let [note] = values else {
                return Err(lost());
            };
            let i = index_of(&app.session, &id)?;
            consent::check(&app.session, i, Move::Note)?;
            let note = form::optional(note);
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
