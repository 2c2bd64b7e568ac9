//! The people's time form on a fixed clock: typed after the meeting, saved
//! as one undoable change, never opened over the room view.

use super::super::testing::{app_on, session_yaml, type_keys};
use super::super::{App, Overlay, Pane};
use super::typed_minutes;
use crate::session::{PersonTime, Takes};

const ENDED: &str = "participants:
  - { id: beve, name: Beve, role: lived, key: b }
  - { id: alex, name: Alex, role: staff, key: x, present: false, attendance: [{ left: 2026-11-22T11:00:00+00:00 }] }
clock:
  started: 2026-11-22T10:00:00+00:00
  ended: 2026-11-22T12:00:00+00:00
";

/// An app on the ended meeting the next morning, in the Balance pane.
fn after_the_meeting() -> App {
    let mut app = app_on(&session_yaml(ENDED), "12:30:00");
    app.pane = Pane::Balance;
    app
}

fn form_title(app: &App) -> Option<String> {
    match &app.overlay {
        Some(Overlay::Form(form)) => Some(form.title.clone()),
        _ => None,
    }
}

#[test]
fn lengths_are_minutes_or_hours_and_minutes() {
    for (typed, read) in [
        ("", Ok(None)),
        (" 45 ", Ok(Some(45))),
        ("0", Ok(Some(0))),
        ("1:30", Ok(Some(90))),
        ("0:05", Ok(Some(5))),
        ("24:00", Ok(Some(1440))),
    ] {
        assert_eq!(typed_minutes(typed, "Travel"), read, "{typed:?}");
    }
    for typed in [
        "1:60",
        "-5",
        "1h",
        "1:",
        ":30",
        "1:30:00",
        "99999999:00",
        "1441",
        "24:01",
    ] {
        assert!(typed_minutes(typed, "Travel").is_err(), "{typed:?}");
    }
}

#[test]
fn the_selected_persons_time_is_typed_after_the_meeting_and_undone_in_one() {
    let mut app = after_the_meeting();
    type_keys(&mut app, "<Down><C-g>", "12:30:00");
    assert_eq!(
        form_title(&app).as_deref(),
        Some("Alex's time (1 hour at the meeting)")
    );
    type_keys(
        &mut app,
        "45<Tab>1:30<Tab><Right><Right><Enter>",
        "12:31:00",
    );
    assert!(app.overlay.is_none(), "{:?}", app.status);
    assert_eq!(
        app.session.people_time,
        [PersonTime {
            who: "alex".into(),
            preparation_minutes: Some(45),
            travel_minutes: Some(90),
            takes: Some(Takes::Voucher),
        }]
    );
    let status = app.status.clone().unwrap();
    assert_eq!(status, "Saved Alex's time: 3 hours 15 minutes in all");
    assert!(!status.contains("voucher"));
    // Opening it again shows what was typed, and a change replaces it.
    type_keys(&mut app, "<C-g><BS><BS>30<Enter>", "12:32:00");
    assert_eq!(app.session.people_time.len(), 1);
    assert_eq!(app.session.people_time[0].preparation_minutes, Some(30));
    assert_eq!(app.session.people_time[0].takes, Some(Takes::Voucher));
    type_keys(&mut app, "<C-z><C-z>", "12:33:00");
    assert!(app.session.people_time.is_empty());
}

#[test]
fn a_length_that_is_not_one_keeps_the_form_open_and_saves_nothing() {
    let mut app = after_the_meeting();
    let revision = app.revision;
    type_keys(&mut app, "<C-g>an hour<Enter>", "12:30:00");
    assert_eq!(app.revision, revision);
    assert!(app.session.people_time.is_empty());
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form closed");
    };
    let error = form.error.as_deref().unwrap_or_default();
    assert!(error.starts_with("The preparation time must be"), "{error}");
}

#[test]
fn the_form_never_opens_over_the_room_view() {
    let mut app = after_the_meeting();
    type_keys(&mut app, "<F2><C-g>", "12:30:00");
    assert!(app.room && app.overlay.is_none());
    let status = app.status.clone().unwrap_or_default();
    assert!(status.starts_with("Not over the room view"), "{status}");
}
