//! The Agenda pane's commands on a fixed clock: the times they write, to the
//! second, and undo giving back the exact bytes.

use super::*;
use crate::app::testing::{app_on, at, type_keys};
use crate::session::timing::{item_used_secs, meeting_elapsed_secs};
use crate::session::write::to_yaml;

/// The header and the two people both meetings below share, as the app
/// writes them: Beve and Alex, both with lived experience.
macro_rules! people {
    () => {
        "format: 1
title: Test
board: Board
date: 2026-11-22
roles:
  - id: lived
    label: Lived experience
participants:
  - id: beve
    name: Beve
    role: lived
    key: b
  - id: alex
    name: Alex
    role: lived
    key: x
"
    };
}

/// A meeting not yet started, written as the app writes it.
const PLAN: &str = concat!(
    people!(),
    "agenda:
  - id: welcome
    title: Welcome
    minutes: 10
  - id: delivery
    title: Delivery
    lead: beve
    minutes: 20
  - id: next-steps
    title: Next steps
    minutes: 5
"
);

/// A "you said, we did" item first, with the scope of what is open to
/// change, as the writer writes them.
const YOU_SAID: &str = concat!(
    people!(),
    "agenda:
  - id: leaflet-action
    title: \"You said, we did: Draft the leaflet\"
    lead: beve
    minutes: 5
    scope:
      open: The wording
      fixed: The budget
      why: Set by the council
    action: { what: Draft the leaflet, who: beve }
"
);

/// The same meeting in progress: the second item running since 10:20, a
/// break from 10:30 to 10:40, Alex speaking since 10:45.
const RUNNING: &str = concat!(
    people!(),
    "agenda:
  - id: welcome
    title: Welcome
    minutes: 10
    started: 2026-11-22T10:00:00+00:00
    ended: 2026-11-22T10:20:00+00:00
  - id: delivery
    title: Delivery
    lead: beve
    minutes: 20
    started: 2026-11-22T10:20:00+00:00
  - id: next-steps
    title: Next steps
    minutes: 5
decisions:
  - id: leaflet
    proposal: A leaflet
    proposed_by: beve
    item: welcome
    state: queued
clock:
  started: 2026-11-22T10:00:00+00:00
  breaks:
    - { from: 2026-11-22T10:30:00+00:00, minutes: 10, to: 2026-11-22T10:40:00+00:00 }
turns:
  - { who: alex, at: 2026-11-22T10:45:00+00:00 }
"
);

/// Each item's `started`/`ended` as `10:20:00`, `-` when absent.
fn spans(app: &App) -> Vec<String> {
    let hms = |t: Option<Time>| t.map_or("-".into(), |t| t.format("%H:%M:%S").to_string());
    app.session
        .agenda
        .iter()
        .map(|i| format!("{} {}", hms(i.started), hms(i.ended)))
        .collect()
}

/// Each item's working seconds at `now`.
fn used(app: &App, now: &str) -> Vec<Option<u64>> {
    let s = &app.session;
    s.agenda
        .iter()
        .map(|i| item_used_secs(i, &s.clock, at(now)))
        .collect()
}

#[test]
fn the_fixtures_are_written_as_the_app_writes() {
    assert_eq!(to_yaml(&app_on(PLAN, "10:00:00").session), PLAN);
    assert_eq!(to_yaml(&app_on(RUNNING, "10:00:00").session), RUNNING);
}

#[test]
fn a_whole_meeting_from_the_keyboard_writes_times_to_the_second() {
    let mut app = app_on(PLAN, "09:59:30");
    let script = "s<wait 30s>s<wait 600s>n<wait 905s>b<Enter><wait 610s>b<wait 300s>n<wait 275s>E";
    let (end, _) = type_keys(&mut app, script, "09:59:30");
    assert_eq!(end, at("10:44:50"));
    assert_eq!(
        spans(&app),
        [
            "10:00:00 10:10:00",
            "10:10:00 10:40:15",
            "10:40:15 10:44:50"
        ]
    );
    let clock = &app.session.clock;
    assert_eq!(clock.started, Some(at("09:59:30")));
    assert_eq!(clock.ended, Some(at("10:44:50")));
    assert_eq!(clock.breaks.len(), 1);
    assert_eq!(clock.breaks[0].from, at("10:25:05"));
    assert_eq!(clock.breaks[0].minutes, Some(10));
    assert_eq!(clock.breaks[0].to, Some(at("10:35:15")));
    // The break (10:10) is not the delivery item's time: 30:15 less 10:10.
    assert_eq!(used(&app, "11:00:00"), [Some(600), Some(1205), Some(275)]);
    // Item time and break time add up to the meeting, with nothing twice.
    let items: u64 = used(&app, "11:00:00").into_iter().flatten().sum();
    assert_eq!(
        meeting_elapsed_secs(&app.session.clock, at("11:00:00")),
        Some(items + 30)
    );
}

#[test]
fn starting_an_item_ends_the_running_one_and_follows_the_selection() {
    let mut app = app_on(RUNNING, "11:00:00");
    assert_eq!(app.agenda.row, 1, "opens on the running item");
    type_keys(&mut app, "<Down>s", "11:00:00");
    assert_eq!(
        spans(&app),
        ["10:00:00 10:20:00", "10:20:00 11:00:00", "11:00:00 -"]
    );
    type_keys(&mut app, "s", "11:01:00");
    assert_eq!(
        app.status.as_deref(),
        Some("'Next steps' is already running")
    );
    type_keys(&mut app, "<Down><Down><Up><Up><Up>", "11:01:00");
    assert_eq!(app.agenda.row, 0, "the selection stops at the ends");
}

#[test]
fn a_meeting_reopened_mid_item_carries_on_with_nothing_counted_twice() {
    // The app was closed at 10:50 and opened again at 11:00: the item ran
    // all along, less the break.
    let mut app = app_on(RUNNING, "11:00:00");
    assert_eq!(used(&app, "11:00:00"), [Some(1200), Some(1800), None]);
    type_keys(&mut app, "n<wait 120s>E", "11:00:00");
    assert_eq!(
        spans(&app),
        [
            "10:00:00 10:20:00",
            "10:20:00 11:00:00",
            "11:00:00 11:02:00"
        ]
    );
    assert_eq!(used(&app, "12:00:00"), [Some(1200), Some(1800), Some(120)]);
    let items: u64 = used(&app, "12:00:00").into_iter().flatten().sum();
    assert_eq!(
        meeting_elapsed_secs(&app.session.clock, at("12:00:00")),
        Some(items)
    );
    // Ending the meeting closed Alex's turn: 17 minutes, no break in it.
    assert_eq!(app.session.turns[0].secs, Some(17 * 60));
}

#[test]
fn a_break_closes_the_turn_and_counts_for_no_item_even_across_a_change() {
    let mut app = app_on(RUNNING, "10:50:00");
    // Break at 10:50 (Alex spoke 5 minutes), move on to the next item in the
    // break at 10:55, back at 11:05.
    type_keys(&mut app, "b<BS><BS>15<Enter>", "10:50:00");
    assert_eq!(app.session.turns[0].secs, Some(300));
    assert_eq!(app.session.clock.breaks[1].minutes, Some(15));
    type_keys(&mut app, "n", "10:55:00");
    type_keys(&mut app, "b", "11:05:00");
    assert_eq!(app.session.clock.breaks[1].to, Some(at("11:05:00")));
    // Delivery: 10:20-10:55 less 10 + 5 of break; Next steps: 10:55-11:10
    // less the 10 minutes of break after 10:55.
    assert_eq!(used(&app, "11:10:00"), [Some(1200), Some(1200), Some(300)]);
}

#[test]
fn going_back_reopens_an_item_and_its_time_carries_on() {
    let mut app = app_on(RUNNING, "11:00:00");
    // Delivery ran 30 minutes; Next steps 5; back to Delivery for 5 more,
    // then on to Next steps again, which carries on from its 5 minutes.
    type_keys(&mut app, "n<wait 300s>p<wait 300s>n", "11:00:00");
    assert_eq!(used(&app, "11:10:00"), [Some(1200), Some(2100), Some(300)]);
    assert_eq!(used(&app, "11:12:00"), [Some(1200), Some(2100), Some(420)]);
    // Each start moved on by the time its item was closed: Delivery's by 5
    // minutes (its span still holds the 10-minute break), Next steps' by 5.
    assert_eq!(
        spans(&app),
        ["10:00:00 10:20:00", "10:25:00 11:10:00", "11:05:00 -"]
    );
}

#[test]
fn next_on_the_last_item_ends_it_and_p_on_the_first_is_refused() {
    let mut app = app_on(PLAN, "10:00:00");
    type_keys(&mut app, "n", "10:00:00");
    assert_eq!(app.session.clock.started, Some(at("10:00:00")));
    type_keys(&mut app, "p", "10:00:00");
    assert_eq!(app.status.as_deref(), Some("This is the first item"));
    type_keys(&mut app, "nn<wait 60s>n", "10:00:00");
    assert_eq!(spans(&app)[2], "10:00:00 10:01:00");
    assert!(app.status.as_deref().unwrap().contains("last item"));
    let revision = app.revision;
    type_keys(&mut app, "n", "10:02:00");
    assert_eq!(app.revision, revision);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("Every item is done")
    );
}

#[test]
fn the_time_box_moves_by_one_and_five_and_stops_at_one_minute() {
    let mut app = app_on(RUNNING, "11:00:00");
    type_keys(&mut app, "++]", "11:00:00");
    assert_eq!(app.session.agenda[1].minutes, 27);
    type_keys(&mut app, "[[[[[[-", "11:00:00");
    assert_eq!(app.session.agenda[1].minutes, 1);
    assert!(app.status.as_deref().unwrap().contains("already 1 min"));
    // With nothing running, the selected item's box.
    let mut app = app_on(PLAN, "10:00:00");
    type_keys(&mut app, "<Down>]", "10:00:00");
    assert_eq!(app.session.agenda[1].minutes, 25);
}

#[test]
fn the_meeting_clock_refuses_what_cannot_be() {
    let mut app = app_on(PLAN, "10:00:00");
    type_keys(&mut app, "b", "10:00:00");
    assert!(app.status.as_deref().unwrap().contains("has not started"));
    type_keys(&mut app, "E", "10:00:00");
    assert!(app.status.as_deref().unwrap().contains("has not started"));
    assert_eq!(app.revision, 0);
    type_keys(&mut app, "sb<Enter><wait 60s>E", "10:00:00");
    // Ending in a break closes it.
    assert_eq!(app.session.clock.breaks[0].to, Some(at("10:01:00")));
    for key in ["s", "n", "p", "b"] {
        let revision = app.revision;
        type_keys(&mut app, key, "10:05:00");
        assert_eq!(app.revision, revision, "{key}");
        assert!(
            app.status.as_deref().unwrap().contains("has ended"),
            "{key}"
        );
    }
    // E again re-opens it, on purpose: the time it stood ended is a break.
    type_keys(&mut app, "E", "10:05:00");
    assert_eq!(app.session.clock.ended, None);
    assert!(app.status.as_deref().unwrap().contains("re-opened"));
}

#[test]
fn forms_refuse_bad_input_with_a_message_and_esc_changes_nothing() {
    let mut app = app_on(RUNNING, "11:00:00");
    type_keys(&mut app, "b<BS><BS>0<Enter>", "11:00:00");
    let error = app.form().and_then(|f| f.error.clone()).unwrap();
    assert!(error.contains("from 1 to 240"), "{error}");
    type_keys(&mut app, "<Esc>e<Tab><Tab><BS><BS>ten<Enter>", "11:00:00");
    let error = app.form().and_then(|f| f.error.clone()).unwrap();
    assert!(error.contains("whole number"), "{error}");
    type_keys(&mut app, "<Esc>", "11:00:00");
    assert!(app.form().is_none());
    assert_eq!(app.revision, 0);
    assert_eq!(to_yaml(&app.session), RUNNING);
}

#[test]
fn an_item_is_edited_with_several_lines_of_notes() {
    let mut app = app_on(PLAN, "10:00:00");
    let script = "<Down>e<Home><C-k>Deliveries<Tab><Right><Tab><BS><BS>25<Tab>One<Enter>Two<C-s>";
    type_keys(&mut app, script, "10:00:00");
    assert!(app.form().is_none(), "{:?}", app.form().map(|f| &f.error));
    let item = &app.session.agenda[1];
    assert_eq!(
        (item.id.as_str(), item.title.as_str(), item.lead.as_deref()),
        ("delivery", "Deliveries", Some("alex")),
    );
    assert_eq!(item.minutes, 25);
    assert_eq!(item.notes.as_deref(), Some("One\nTwo"));
}

#[test]
fn items_move_and_delete_unless_something_refers_to_them() {
    let mut app = app_on(RUNNING, "11:00:00");
    type_keys(&mut app, "<Up>d", "11:00:00");
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("'A leaflet' belongs")
    );
    type_keys(&mut app, "JJJ", "11:00:00");
    let ids: Vec<&str> = app.session.agenda.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["delivery", "next-steps", "welcome"]);
    assert_eq!(app.agenda.row, 2);
    assert!(app.status.as_deref().unwrap().contains("at the bottom"));
    type_keys(&mut app, "<Up>d", "11:00:00");
    assert_eq!(app.session.agenda.len(), 2);
    assert_eq!(app.agenda.selected(&app.session), Some(1));
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .contains("Ctrl-Z brings it back")
    );
}

/// Each command from the keyboard, on the session it acts on: every one
/// changes the file, and one undo gives back the exact bytes before it.
#[test]
fn undo_gives_back_the_exact_bytes_for_every_command() {
    let cases: &[(&str, &str)] = &[
        (PLAN, "s"),
        (PLAN, "n"),
        (PLAN, "]"),
        (PLAN, "aNew item<Enter>"),
        (PLAN, "<Down>K"),
        (PLAN, "<Down>J"),
        (PLAN, "<Down>d"),
        (PLAN, "e<BS>s<Enter>"),
        (RUNNING, "<Down>s"),
        (RUNNING, "n"),
        (RUNNING, "p"),
        (RUNNING, "+"),
        (RUNNING, "-"),
        (RUNNING, "["),
        (RUNNING, "b<Enter>"),
        (RUNNING, "E"),
        (RUNNING, "e<Tab><Tab><Tab>A note<Enter>more<C-s>"),
        (YOU_SAID, "y<Right><Enter>"),
        (YOU_SAID, "e<Tab><Tab><Tab><Tab><Tab>, this year<Enter>"),
    ];
    let mut covered = std::collections::HashSet::new();
    for &(yaml, keys) in cases {
        let mut app = app_on(yaml, "11:00:00");
        type_keys(&mut app, keys, "11:00:00");
        assert_eq!(app.revision, 1, "{keys}: {:?}", app.status);
        assert_ne!(to_yaml(&app.session), yaml, "{keys}");
        type_keys(&mut app, "<C-z>", "11:00:01");
        assert_eq!(to_yaml(&app.session), yaml, "{keys}");
        covered.insert(keys.trim_start_matches("<Down>").chars().next().unwrap());
    }
    // Re-opening an ended meeting is undone to the meeting ended.
    let mut app = app_on(RUNNING, "11:00:00");
    type_keys(&mut app, "E", "11:00:00");
    let ended = to_yaml(&app.session);
    type_keys(&mut app, "E", "11:30:00");
    assert_ne!(to_yaml(&app.session), ended);
    type_keys(&mut app, "<C-z>", "11:30:01");
    assert_eq!(to_yaml(&app.session), ended);
    // Coming back from a break is undone to the break going on.
    let mut app = app_on(RUNNING, "11:00:00");
    type_keys(&mut app, "b<Enter>", "11:00:00");
    let in_break = to_yaml(&app.session);
    type_keys(&mut app, "b<C-z>", "11:05:00");
    assert_eq!(to_yaml(&app.session), in_break);
    // Every key that changes the meeting is among the cases.
    let keymap = crate::app::keymap::Keymap::default();
    for (command, action) in COMMANDS {
        if !matches!(action, Action::Agenda(AgendaAction::Select(_))) {
            let keys = keymap.keys_for(Scope::Agenda, command);
            let crate::app::keys::KeyCode::Char(key) = keys[0].code else {
                panic!("{command} is not a character key")
            };
            assert!(covered.contains(&key), "{key} has no undo case");
        }
    }
}
