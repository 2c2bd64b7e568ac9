//! Issue #19 on a fixed clock: co-production practice in the room.

use super::*;
use crate::app::testing::{app_on, at, session_yaml, type_keys};
use crate::session::balance::{Balance, floor};
use crate::session::thinking;

/// Beve and Alex from 10:00; Alex speaking since 10:28; one proposal queued.
const SESSION: &str = "participants:
  - { id: beve, name: Beve, role: lived, key: b }
  - { id: alex, name: Alex, role: staff, key: x }
decisions:
  - { id: leaflet, proposal: Easy read leaflet, proposed_by: beve, state: queued }
clock:
  started: 2026-11-22T10:00:00+00:00
turns:
  - { who: alex, at: 2026-11-22T10:28:00+00:00 }
";

fn app_with(settings: &str) -> App {
    app_on(&session_yaml(&format!("{settings}{SESSION}")), "10:30:00")
}

#[test]
fn thinking_time_ends_the_turn_and_is_nobodys_speaking_time() {
    let mut app = app_with("");
    type_keys(&mut app, "<F3>", "10:30:00");
    assert!(floor(&app.session).is_none());
    assert_eq!(app.session.turns[0].secs, Some(120));
    assert_eq!(
        app.status.as_deref(),
        Some("Thinking time: 1:00 of quiet (F3 ends it early)")
    );
    let b = Balance::compute(&app.session, at("10:31:00"));
    assert_eq!(b.total_secs, 120, "a minute of quiet is nobody's");
    let pause = thinking::current(&app.session.clock, at("10:30:45")).unwrap();
    assert_eq!(thinking::secs_left(pause, at("10:30:45")), 15);
    assert!(thinking::current(&app.session.clock, at("10:31:00")).is_none());
}

#[test]
fn the_key_again_or_a_speaker_ends_it_early_and_undo_takes_it_back() {
    let mut app = app_with("");
    type_keys(&mut app, "<F3><wait 10s><F3>", "10:30:00");
    assert_eq!(app.session.clock.thinking[0].to, Some(at("10:30:10")));
    assert_eq!(app.status.as_deref(), Some("Thinking time ended early"));
    type_keys(&mut app, "<F3><wait 5s><Tab>b", "10:31:00");
    assert_eq!(app.session.clock.thinking[1].to, Some(at("10:31:05")));
    assert_eq!(floor(&app.session).unwrap().who, "beve");
    type_keys(&mut app, "<C-z><C-z>", "10:31:06");
    assert_eq!(app.session.clock.thinking.len(), 1);
}

#[test]
fn no_thinking_time_in_a_break_or_once_the_meeting_has_ended() {
    let mut app = app_with("");
    app.session.clock.breaks.push(crate::session::Break {
        from: at("10:29:00"),
        minutes: None,
        to: None,
    });
    type_keys(&mut app, "<F3>", "10:30:00");
    assert!(app.session.clock.thinking.is_empty());
    app.session.clock.breaks.clear();
    app.session.clock.ended = Some(at("10:29:00"));
    type_keys(&mut app, "<F3>", "10:30:00");
    assert!(app.session.clock.thinking.is_empty());
    assert_eq!(app.status.as_deref(), Some(update::ended(&app).as_str()));
}

#[test]
fn opening_a_proposal_starts_thinking_time_only_when_the_group_asks() {
    let mut app = app_with("");
    type_keys(&mut app, "<Tab><Tab>o", "10:30:00");
    assert!(app.session.clock.thinking.is_empty());
    let mut app = app_with("settings: { thinking_secs: 30, think_before_consent: true }\n");
    type_keys(&mut app, "<Tab><Tab>o", "10:30:00");
    let pause = &app.session.clock.thinking[0];
    assert_eq!((pause.secs, pause.before.as_deref()), (30, Some("leaflet")));
    assert!(floor(&app.session).is_none());
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("Thinking time: 0:30 of quiet"),
        "{:?}",
        app.status
    );
}
