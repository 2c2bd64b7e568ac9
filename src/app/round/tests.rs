//! Check-in and check-out rounds on a fixed clock.

use crate::app::Overlay;
use crate::app::testing::{app_on, at, session_yaml, type_keys};
use crate::session::balance::floor;
use crate::session::round::{self, Principle, RoundKind, RoundOrder};

/// Four people, Cal absent; Ann has spoken five minutes, Dee one.
const PEOPLE: &str = "participants:
  - { id: ann, name: Ann, role: staff, key: a }
  - { id: bev, name: Bev, role: lived, key: b }
  - { id: cal, name: Cal, role: lived, key: c, present: false }
  - { id: dee, name: Dee, role: lived, key: d }
clock:
  started: 2026-11-22T10:00:00+00:00
turns:
  - { who: ann, at: 2026-11-22T10:00:00+00:00, secs: 300 }
  - { who: dee, at: 2026-11-22T10:05:00+00:00, secs: 60 }
";

fn app() -> crate::app::App {
    app_on(&session_yaml(PEOPLE), "10:10:00")
}

fn called(app: &crate::app::App) -> Vec<&str> {
    let r = app.session.rounds.last().unwrap();
    r.called.iter().map(String::as_str).collect()
}

#[test]
fn a_check_in_calls_everyone_present_as_listed_then_ends() {
    let mut app = app();
    type_keys(&mut app, "<F6><Enter>", "10:10:00");
    let r = &app.session.rounds[0];
    assert_eq!((r.kind, r.order), (RoundKind::CheckIn, RoundOrder::Listed));
    assert_eq!(floor(&app.session).unwrap().who, "ann");
    assert_eq!(
        app.status.as_deref(),
        Some("Check-in: Ann has the floor (1 of 3); F6: Bev")
    );
    type_keys(&mut app, "<wait 40s><F6><wait 50s><F6>", "10:10:00");
    assert_eq!(called(&app), ["ann", "bev", "dee"]);
    assert_eq!(
        app.status.as_deref(),
        Some("Check-in: Dee has the floor (3 of 3); F6 ends the round")
    );
    type_keys(&mut app, "<wait 20s><F6>", "10:11:30");
    assert!(
        floor(&app.session).is_none(),
        "the round's end silences the floor"
    );
    assert_eq!(app.session.rounds[0].to, Some(at("10:11:50")));
    assert_eq!(round::current(&app.session), None);
    let secs: Vec<(&str, Option<u64>)> = round::turns(&app.session, 0)
        .map(|t| (t.who.as_str(), t.secs))
        .collect();
    assert_eq!(
        secs,
        [("ann", Some(40)), ("bev", Some(50)), ("dee", Some(20))]
    );
    assert_eq!(
        app.status.as_deref(),
        Some("Check-in ended: 3 people called")
    );
    assert!(app.overlay.is_none(), "a check-in asks no hands");
}

#[test]
fn least_heard_first_calls_the_quiet_first_and_a_pass_is_not_a_turn() {
    let mut app = app();
    type_keys(&mut app, "<F6><Tab><Right><Enter>", "10:10:00");
    assert_eq!(app.session.rounds[0].order, RoundOrder::LeastHeard);
    assert_eq!(floor(&app.session).unwrap().who, "bev");
    // Bev passes: the floor moves on within the slip time.
    type_keys(&mut app, "<wait 1s><F6>", "10:10:00");
    assert_eq!(floor(&app.session).unwrap().who, "dee");
    assert!(
        app.session.turns.iter().all(|t| t.who != "bev"),
        "{:?}",
        app.session.turns
    );
    type_keys(&mut app, "<wait 30s><F6>", "10:10:01");
    assert_eq!(called(&app), ["bev", "dee", "ann"]);
}

#[test]
fn one_undo_takes_back_each_call_and_the_start_whole() {
    let mut app = app();
    type_keys(&mut app, "<F6><Enter><wait 30s><F6>", "10:10:00");
    type_keys(&mut app, "<C-z>", "10:10:40");
    assert_eq!(called(&app), ["ann"]);
    assert_eq!(floor(&app.session).unwrap().who, "ann");
    type_keys(&mut app, "<C-z>", "10:10:41");
    assert!(app.session.rounds.is_empty());
    assert!(floor(&app.session).is_none());
    assert_eq!(app.session.turns.len(), 2);
}

#[test]
fn a_check_out_ends_with_the_hands_on_the_six_principles() {
    let mut app = app();
    type_keys(&mut app, "<F6><Enter><wait 10s><C-F6>", "10:10:00");
    assert_eq!(called(&app), ["ann"], "ended early");
    // The second round offers a check-out first.
    type_keys(&mut app, "<F6><Enter>", "10:30:00");
    assert_eq!(app.session.rounds[1].kind, RoundKind::CheckOut);
    type_keys(
        &mut app,
        "<wait 10s><F6><wait 10s><F6><wait 10s><F6>",
        "10:30:00",
    );
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the hands form opens as a check-out ends");
    };
    assert!(form.title.contains("0 to 3"), "{}", form.title);
    // Too many hands: refused, nothing kept.
    type_keys(&mut app, "3<Tab>4<Enter>", "10:31:00");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form stays open");
    };
    assert_eq!(
        form.error.as_deref(),
        Some("The hands for building on capabilities must be from 0 to 3, not 4")
    );
    type_keys(&mut app, "<BS>2<Tab><Tab><Tab><Tab>0<Enter>", "10:31:00");
    assert!(app.overlay.is_none());
    let hands: Vec<(Principle, u32)> = app.session.rounds[1]
        .hands
        .iter()
        .map(|(p, n)| (*p, *n))
        .collect();
    assert_eq!(
        hands,
        [
            (Principle::PeopleAsAssets, 3),
            (Principle::BuildingOnCapabilities, 2),
            (Principle::FacilitatingNotDelivering, 0)
        ]
    );
    // The Ladder pane's key opens them again, as counted.
    type_keys(&mut app, "<Tab><Tab><Tab>p", "10:32:00");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("p opens the hands again");
    };
    assert_eq!(form.value("People as assets"), "3");
    type_keys(&mut app, "<Esc><C-z>", "10:32:00");
    assert!(
        app.session.rounds[1].hands.is_empty(),
        "undo takes the hands back"
    );
}

#[test]
fn ending_the_meeting_ends_the_round_going_on() {
    let mut app = app();
    type_keys(&mut app, "<F6><Enter><wait 30s>E", "10:10:00");
    assert_eq!(app.session.rounds[0].to, Some(at("10:10:30")));
    assert_eq!(app.session.clock.ended, Some(at("10:10:30")));
}

#[test]
fn no_round_once_the_meeting_has_ended_and_no_end_without_a_round() {
    let mut app = app();
    type_keys(&mut app, "<C-F6>", "10:10:00");
    assert_eq!(
        app.status.as_deref(),
        Some("No round is going on: F6 starts a check-in or check-out")
    );
    type_keys(&mut app, "<Tab><Tab><Tab>p", "10:10:00");
    assert_eq!(
        app.status.as_deref(),
        Some("No check-out round has ended yet: F6 starts one")
    );
    app.session.clock.ended = Some(at("10:09:00"));
    type_keys(&mut app, "<F6>", "10:10:00");
    assert!(app.overlay.is_none());
    assert!(app.status.unwrap().starts_with("The meeting has ended"));
}
