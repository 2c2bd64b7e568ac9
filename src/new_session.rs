//! `coproduce new FILE`: a new session file, and with `--from` the next
//! meeting of a group: its roles, people and settings carried over, and
//! "you said, we did" items for what the last meeting asked for.
//!
//! Every action of the previous meeting not yet marked done or dropped
//! comes back as an item: the meeting is where the group hears whether it
//! was done. Unfinished business (proposals queued, open or deferred) comes
//! back in the queue, saying where it came from. A decision comes back for
//! review when its review date is on or before the new meeting's date. Only
//! the previous file is read: a review date further on comes back from the
//! meeting before it is due, as long as each meeting is made from the last.

use std::path::Path;

use chrono::NaiveDate;

use crate::session::consent::state_words;
use crate::session::ids::fresh_id;
use crate::session::write::to_yaml;
use crate::session::{
    ActionPoint, Decision, DecisionState, FORMAT, Item, Participant, Problem, Session, parse,
};
use crate::store::save::write_new;

/// The time box of an item reporting back on one action.
pub const ACTION_MINUTES: u32 = 5;
/// The time box of an item reviewing one decision.
pub const REVIEW_MINUTES: u32 = 10;

/// What `coproduce new` is told.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub title: String,
    pub board: String,
    pub date: NaiveDate,
    /// Absent: the previous meeting's, if any.
    pub place: Option<String>,
    /// Absent: the previous meeting's, if any.
    pub facilitator: Option<String>,
}

/// Why no file was written.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The file is there already: `new` never overwrites.
    #[error("{0} already exists: `coproduce new` never overwrites a file; choose another name")]
    Exists(String),
    /// The session made would not load back (a bug, said rather than written).
    #[error("the new session would not load back: {0}")]
    Invalid(String),
    /// The file could not be written.
    #[error("cannot write {0}: {1}")]
    Io(String, std::io::Error),
}

/// The new session: `plan`, and with `previous` its roles, people
/// (present again, keys and needs kept), settings, and an agenda of its
/// actions and the decisions due for review.
pub fn new_session(plan: &Plan, previous: Option<&Session>) -> Session {
    let carried = |field: &Option<String>, old: fn(&Session) -> &Option<String>| {
        field
            .clone()
            .or_else(|| previous.and_then(|p| old(p).clone()))
    };
    let mut session = Session {
        format: FORMAT,
        title: plan.title.clone(),
        board: plan.board.clone(),
        date: plan.date,
        place: carried(&plan.place, |p| &p.place),
        facilitator: carried(&plan.facilitator, |p| &p.facilitator),
        settings: Default::default(),
        roles: Vec::new(),
        participants: Vec::new(),
        agenda: Vec::new(),
        decisions: Vec::new(),
        ladder: Vec::new(),
        clock: Default::default(),
        turns: Vec::new(),
        stack: Vec::new(),
        glossary: Vec::new(),
        cards: Vec::new(),
        people_time: Vec::new(),
        rounds: Vec::new(),
    };
    if let Some(previous) = previous {
        session.settings = previous.settings.clone();
        session.roles = previous.roles.clone();
        session.participants = previous
            .participants
            .iter()
            .map(|p| Participant {
                present: None,
                attendance: Vec::new(),
                ..p.clone()
            })
            .collect();
        session.agenda = follow_up(previous, plan.date);
        session.decisions = unfinished(previous);
    }
    session
}

/// The proposals `previous` left queued, open or deferred, queued again
/// with `carried_from` naming that meeting; the item they were under is
/// not on this agenda, and their round starts afresh.
pub fn unfinished(previous: &Session) -> Vec<Decision> {
    let from = format!("{} {}", previous.date, previous.title);
    previous
        .decisions
        .iter()
        .filter(|d| {
            matches!(
                d.state,
                DecisionState::Queued | DecisionState::Open | DecisionState::Deferred
            )
        })
        .map(|d| Decision {
            carried_from: Some(from.clone()),
            ..Decision::queued(
                d.id.clone(),
                d.proposal.clone(),
                d.proposed_by.clone(),
                None,
            )
        })
        .collect()
}

/// The "you said, we did" items: one for each action of `previous` (and
/// each "you said, we did" item of it still open), then one for each
/// decision whose review date has come by `date`. Each action item carries
/// its action, so the group can mark it there.
pub fn follow_up(previous: &Session, date: NaiveDate) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    // Ids from the decision's own id, so the file says where each came from.
    let mut add = |id: String,
                   title: String,
                   minutes: u32,
                   notes: String,
                   action: Option<&ActionPoint>,
                   lead: &str| {
        let id = fresh_id(&id, "item", |id| items.iter().any(|i| i.id == id));
        items.push(Item {
            lead: Some(lead.to_owned()),
            notes: Some(notes),
            action: action.cloned(),
            ..Item::planned(id, title, minutes)
        });
    };
    for d in &previous.decisions {
        for a in d.actions.iter().filter(|a| a.state.is_none()) {
            let due = a.due.map_or_else(String::new, |due| format!(", due {due}"));
            let notes = format!(
                "You said, we did: an action from the meeting of {} on {} ({}){due}. What was done?",
                previous.date,
                quoted(d),
                state_words(d.state)
            );
            add(
                format!("{} action", d.id),
                format!("You said, we did: {}", a.what),
                ACTION_MINUTES,
                notes,
                Some(a),
                &a.who,
            );
        }
    }
    // Still open when the group last heard of it: it comes back again.
    for item in &previous.agenda {
        let Some(a) = item.action.as_ref().filter(|a| a.state.is_none()) else {
            continue;
        };
        let report = item.report.as_deref().map(|r| r.trim_end_matches('.'));
        let told = after(
            " The group was told: ",
            report.map(|r| format!("{r}.")).as_deref(),
        );
        let notes = format!(
            "You said, we did: still open at the meeting of {}.{told} What was done?",
            previous.date
        );
        let (id, title) = (item.id.clone(), item.title.clone());
        add(id, title, ACTION_MINUTES, notes, Some(a), &a.who);
    }
    for d in &previous.decisions {
        let Some(review) = d.review.filter(|&r| r <= date) else {
            continue;
        };
        let outcome = after(" Outcome: ", d.outcome.as_deref());
        let notes = format!(
            "Decided at the meeting of {} ({}), to be reviewed by {review}.{outcome}",
            previous.date,
            state_words(d.state)
        );
        add(
            format!("{} review", d.id),
            format!("Review: {}", d.proposal),
            REVIEW_MINUTES,
            notes,
            None,
            &d.proposed_by,
        );
    }
    items
}

/// `text` after `lead`, or nothing when there is no text.
fn after(lead: &str, text: Option<&str>) -> String {
    text.map_or_else(String::new, |t| format!("{lead}{t}"))
}

fn quoted(d: &Decision) -> String {
    format!("'{}'", d.proposal)
}

/// Writes `session` to a new file at `path` through the app's writer,
/// after checking it loads back; never replaces an existing file.
pub fn write(path: &Path, session: &Session) -> Result<(), NewError> {
    let shown = path.display().to_string();
    if path.exists() {
        return Err(NewError::Exists(shown));
    }
    let text = to_yaml(session);
    parse(&text).map_err(|problems| {
        let first = problems.first().map(Problem::to_string).unwrap_or_default();
        NewError::Invalid(first)
    })?;
    write_new(path, text.as_bytes()).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => NewError::Exists(shown.clone()),
        _ => NewError::Io(shown.clone(), e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        Plan {
            title: "Next".into(),
            board: "Board".into(),
            date: "2027-02-20".parse().unwrap(),
            ..Plan::default()
        }
    }

    #[test]
    fn a_new_session_without_a_previous_one_is_the_plan_alone() {
        let s = new_session(&plan(), None);
        assert_eq!(s.title, "Next");
        assert!(s.roles.is_empty() && s.agenda.is_empty());
        assert_eq!(
            to_yaml(&s),
            "format: 1\ntitle: Next\nboard: Board\ndate: 2027-02-20\n"
        );
    }

    /// A previous meeting of one person: the shared header, then `rest`.
    fn previous_with(rest: &str) -> Session {
        let head = "format: 1\ntitle: Board\nboard: B\ndate: 2026-11-22
roles: [{ id: r, label: R }]
participants: [{ id: a, name: A, role: r }]
";
        serde_yaml::from_str(&format!("{head}{rest}")).unwrap()
    }

    #[test]
    fn unfinished_business_carries_over_and_ended_actions_do_not() {
        let previous = previous_with(
            "decisions:
  - { id: q, proposal: Queued, proposed_by: a, state: queued }
  - { id: o, proposal: Open, proposed_by: a, state: open, responses: { a: agree } }
  - { id: f, proposal: Deferred, proposed_by: a, state: deferred }
  - id: g
    proposal: Agreed
    proposed_by: a
    state: agreed
    actions: [{ what: Done one, who: a, state: done }, { what: Dropped one, who: a, state: dropped }, { what: Still to do, who: a }]
",
        );
        let s = new_session(&plan(), Some(&previous));
        let carried: Vec<(&str, DecisionState, Option<&str>)> = s
            .decisions
            .iter()
            .map(|d| (d.id.as_str(), d.state, d.carried_from.as_deref()))
            .collect();
        let from = Some("2026-11-22 Board");
        assert_eq!(
            carried,
            [
                ("q", DecisionState::Queued, from),
                ("o", DecisionState::Queued, from),
                ("f", DecisionState::Queued, from)
            ]
        );
        assert!(
            s.decisions[1].responses.is_empty(),
            "the round starts afresh"
        );
        let titles: Vec<&str> = s.agenda.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["You said, we did: Still to do"]);
        let action = s.agenda[0]
            .action
            .as_ref()
            .expect("the item carries its action");
        assert_eq!((action.what.as_str(), action.state), ("Still to do", None));
    }

    #[test]
    fn a_you_said_item_still_open_comes_back_and_a_marked_one_does_not() {
        let previous = previous_with(
            "agenda:
  - { id: open-one, title: 'You said, we did: Open one', minutes: 5, action: { what: Open one, who: a }, report: Waiting on the council }
  - { id: done-one, title: 'You said, we did: Done one', minutes: 5, action: { what: Done one, who: a, state: done } }
  - { id: gone-one, title: 'You said, we did: Gone one', minutes: 5, action: { what: Gone one, who: a, state: dropped }, report: No budget }
",
        );
        let s = new_session(&plan(), Some(&previous));
        let back: Vec<(&str, &str)> = s
            .agenda
            .iter()
            .map(|i| (i.id.as_str(), i.title.as_str()))
            .collect();
        assert_eq!(back, [("open-one", "You said, we did: Open one")]);
        let notes = s.agenda[0].notes.as_deref().unwrap_or("");
        assert!(notes.contains("Waiting on the council"), "{notes}");
        assert_eq!(s.agenda[0].action.as_ref().map(|a| a.state), Some(None));
    }

    #[test]
    fn item_ids_stay_unique_for_the_same_action_twice() {
        let previous: Session = serde_yaml::from_str(
            "format: 1\ntitle: T\nboard: B\ndate: 2026-11-22
roles: [{ id: r, label: R }]
participants: [{ id: a, name: A, role: r }]
decisions:
  - id: d
    proposal: P
    proposed_by: a
    state: agreed
    actions: [{ what: Write it, who: a }, { what: Write it, who: a }]
",
        )
        .unwrap();
        let items = follow_up(&previous, "2027-01-01".parse().unwrap());
        let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["d-action", "d-action-2"]);
    }
}
