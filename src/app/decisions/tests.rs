//! The Decisions pane's keys on a fixed clock.

use super::*;
use crate::app::Pane;
use crate::app::testing::{app_on, at, session_yaml, type_keys};

/// The people, the item and the proposals, after `session_yaml`'s header
/// and roles.
const SESSION: &str = "participants:
  - { id: beve, name: Beve, role: lived, key: b }
  - { id: alex, name: Alex, role: staff, key: x }
  - { id: dulcie, name: Dulcie, role: lived, key: d }
  - { id: pat, name: Pat, role: lived, present: false }
agenda:
  - { id: leaflet, title: The leaflet, minutes: 20, started: 2026-11-22T10:00:00+00:00 }
decisions:
  - { id: easy-read, proposal: Easy read leaflet, proposed_by: alex, state: queued }
  - { id: phone-first, proposal: Phone first, proposed_by: beve, state: queued }
turns:
  - { who: alex, at: 2026-11-22T10:20:00+00:00, secs: 60 }
  - { who: alex, at: 2026-11-22T10:30:10+00:00, secs: 60 }
";

fn app() -> App {
    let mut app = app_on(&session_yaml(SESSION), "10:30:00");
    app.pane = Pane::Decisions;
    app
}

fn decision<'a>(app: &'a App, id: &str) -> &'a Decision {
    app.session.decisions.iter().find(|d| d.id == id).unwrap()
}

#[test]
fn adding_a_proposal_takes_text_proposer_and_item() {
    let mut app = app();
    type_keys(
        &mut app,
        "aPhone people before letters<Tab>d<Enter>",
        "10:30:00",
    );
    assert!(app.form().is_none(), "{:?}", app.form().map(|f| &f.error));
    let d = &app.session.decisions[2];
    // Cut after a whole word, never inside one (issue #17).
    assert_eq!(d.id, "phone-people-before");
    assert_eq!(d.proposed_by, "dulcie");
    assert_eq!(d.item.as_deref(), Some("leaflet"), "the running item");
    assert_eq!(d.state, DecisionState::Queued);
    assert_eq!(selected_index(&app), Some(2));
    // An empty proposal is refused and nothing is saved.
    type_keys(&mut app, "a<Enter>", "10:30:00");
    let error = app.form().and_then(|f| f.error.clone()).unwrap();
    assert_eq!(error, "Give the proposal some words: it cannot be empty");
    assert_eq!(app.session.decisions.len(), 3);
}

#[test]
fn editing_reordering_and_withdrawing_are_undoable() {
    let mut app = app();
    let before = app.session.clone();
    type_keys(&mut app, "e<C-s>", "10:30:00");
    assert_eq!(app.session, before, "saving unchanged changes nothing");
    type_keys(&mut app, "e, in print<Tab><Right><Enter>", "10:30:00");
    let d = &app.session.decisions[0];
    assert_eq!(d.proposal, "Easy read leaflet, in print");
    assert_eq!(d.proposed_by, "dulcie");
    type_keys(&mut app, "}", "10:30:00");
    assert_eq!(app.session.decisions[1].id, "easy-read");
    assert_eq!(selected_index(&app), Some(1), "the selection follows");
    type_keys(&mut app, "}", "10:30:00");
    assert_eq!(
        app.status.as_deref(),
        Some("It is already at the bottom of the queue")
    );
    type_keys(&mut app, "w", "10:30:00");
    assert_eq!(app.session.decisions[1].state, DecisionState::Withdrawn);
    type_keys(&mut app, "o", "10:30:00");
    assert!(app.status.as_deref().unwrap().contains("was withdrawn"));
    type_keys(&mut app, "w", "10:30:00");
    assert_eq!(app.session.decisions[1].state, DecisionState::Queued);
    type_keys(&mut app, "<C-z><C-z><C-z><C-z>", "10:30:00");
    assert_eq!(app.session, before);
}

#[test]
fn a_full_round_walks_the_room_and_closes_with_actions() {
    let mut app = app();
    type_keys(&mut app, "o", "10:30:00");
    assert_eq!(decision(&app, "easy-read").opened, Some(at("10:30:00")));
    assert_eq!(cursor(&app, decision(&app, "easy-read")), Some("beve"));
    // Beve agrees; the cursor moves on to Alex, who has a concern.
    type_keys(&mut app, "<wait 60s>12", "10:30:00");
    assert_eq!(app.form().unwrap().title, "Alex's concern");
    type_keys(&mut app, "Cost of printing<Enter>", "10:31:00");
    // Dulcie objects and gives no reason (Esc); then changes her mind.
    type_keys(&mut app, "3<Esc><Up>", "10:31:00");
    assert_eq!(app.decisions.person.as_deref(), Some("alex"));
    type_keys(&mut app, "<Down>1", "10:31:00");
    let d = decision(&app, "easy-read");
    assert_eq!(
        d.responses
            .iter()
            .map(|(w, r)| (w.as_str(), *r))
            .collect::<Vec<_>>(),
        [
            ("beve", Response::Agree),
            ("alex", Response::Concern),
            ("dulcie", Response::Agree),
        ]
    );
    assert_eq!(
        d.reasons.get(&"alex".to_owned()).unwrap(),
        "Cost of printing"
    );
    assert!(app.status.as_deref().unwrap().contains("Everyone present"));
    // Pat is absent: Down skips her.
    type_keys(&mut app, "<Down><Down>", "10:31:00");
    assert_eq!(app.decisions.person.as_deref(), Some("alex"));
    // Opening another is refused while this one is open.
    type_keys(&mut app, "]o", "10:31:00");
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("is open: close its round"),
        "{:?}",
        app.status
    );
    // Close: agreed, an outcome, a review date and two actions.
    type_keys(
        &mut app,
        "c<Tab>Agreed, printed too<Tab>2027-01-15<Tab>Draft it; Dulcie; 2026-12-10<Enter>Cost it; alex<C-s>",
        "10:33:00",
    );
    assert!(app.form().is_none(), "{:?}", app.form().map(|f| &f.error));
    let d = decision(&app, "easy-read");
    assert_eq!(d.state, DecisionState::Agreed);
    assert_eq!(d.outcome.as_deref(), Some("Agreed, printed too"));
    assert_eq!(d.decided, Some(at("10:33:00")));
    assert_eq!(d.review.unwrap().to_string(), "2027-01-15");
    assert_eq!(d.actions.len(), 2);
    assert_eq!(d.actions[0].who, "dulcie");
    assert_eq!(d.actions[0].due.unwrap().to_string(), "2026-12-10");
    assert_eq!(
        (d.actions[1].who.as_str(), d.actions[1].due),
        ("alex", None)
    );
    // Proposed by staff, and only Alex (staff) spoke after 10:30.
    assert!(
        d.rubber_stamp
            .as_deref()
            .unwrap()
            .starts_with("Proposed by Alex"),
        "{:?}",
        d.rubber_stamp
    );
    type_keys(&mut app, "nThey wrote it with us<Enter>", "10:34:00");
    let d = decision(&app, "easy-read");
    assert_eq!(
        d.rubber_stamp_note.as_deref(),
        Some("They wrote it with us")
    );
    // Answers cannot change once the round is closed.
    type_keys(&mut app, "1", "10:34:00");
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("No proposal is open")
    );
}

#[test]
fn a_round_with_no_answers_cannot_close_and_an_objection_blocks_agreed() {
    let mut app = app();
    type_keys(&mut app, "oc", "10:30:00");
    assert!(app.form().is_none());
    assert_eq!(
        app.status.as_deref(),
        Some(
            "Nobody present has answered 'Easy read leaflet' yet: record answers before closing the round"
        )
    );
    type_keys(&mut app, "3<Esc>c", "10:30:00");
    // The form offers a state the rules allow, and refuses agreed.
    let form = app.form().unwrap();
    assert_eq!(form.values()[0], "amended");
    type_keys(&mut app, "<Left><Tab>Fine<Enter>", "10:30:00");
    let error = app.form().and_then(|f| f.error.clone()).unwrap();
    assert!(error.starts_with("Beve objects"), "{error}");
    assert_eq!(decision(&app, "easy-read").state, DecisionState::Open);
}

#[test]
fn actions_are_read_one_a_line_with_messages() {
    let s = app().session;
    let ok = crate::session::action_line::parse(
        &s,
        "Draft; it; now; beve; 2026-12-01\n\nCall; Dulcie;\nAsk; ALEX",
    )
    .unwrap();
    assert_eq!(ok[2].who, "alex", "an id in any case");
    assert_eq!(ok[0].what, "Draft; it; now");
    assert_eq!((ok[1].who.as_str(), ok[1].due), ("dulcie", None));
    for (text, message) in [
        (
            "Draft it",
            "Action line 1: write what; who; YYYY-MM-DD, with a semicolon before who",
        ),
        (
            "x; beve\nDraft; bev; 2026-12-01",
            "Action line 2: nobody called 'bev' is in participants (did you mean 'beve'?)",
        ),
        (
            "Draft; beve; 2026-13-01",
            "Action line 1: the due date 2026-13-01 is not a date: there is no month 13 (months go from 01 to 12)",
        ),
        (
            "Draft; beve; 2026-1.5",
            "Action line 1: the due date must be a date written YYYY-MM-DD, such as 2027-01-15",
        ),
        (
            "; beve",
            "Action line 1: say what is to be done before the first semicolon",
        ),
        (
            "Draft; ; 2026-12-01",
            "Action line 1: say who will do it after the first semicolon",
        ),
    ] {
        assert_eq!(
            crate::session::action_line::parse(&s, text).unwrap_err(),
            message,
            "{text}"
        );
    }
    let mut named = s.clone();
    named.participants[2].id = "dh".into();
    named.participants[2].name = "Dulcie Harper".into();
    let by_first_name = crate::session::action_line::parse(&named, "Call; dulcie").unwrap();
    assert_eq!(by_first_name[0].who, "dh");
    let mut twins = s.clone();
    twins.participants[1].name = "Beve".into();
    assert_eq!(
        crate::session::action_line::parse(&twins, "Draft; beve\nCall; BEVE").unwrap_err(),
        "Action line 2: 2 people are called 'BEVE': use their id (beve, alex)"
    );
}
