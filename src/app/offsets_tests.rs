//! Times in the app's messages say their UTC offset once the meeting's
//! times do not all share the wall clock's (issue #17, item 11), on a
//! fixed clock across the clocks going back.

use super::{Action, App, update};
use crate::session::Time;

/// Started at 00:30 BST; the clocks go back at 02:00 BST to 01:00 GMT.
const NIGHT: &str = "format: 1
title: T
board: B
date: 2026-10-24
roles: [{ id: carer, label: Carers }]
participants: [{ id: joan, name: Joan, role: carer, key: j }]
agenda: [{ id: nights, title: Nights, minutes: 90, started: 2026-10-25T00:30:00+01:00 }]
clock: { started: 2026-10-25T00:30:00+01:00 }
";

fn at(t: &str) -> Time {
    Time::parse_from_rfc3339(t).unwrap()
}

/// `E` at `now`: ends the meeting, or re-opens an ended one.
fn end_or_reopen(app: &mut App, now: &str) -> String {
    update(
        app,
        Action::Agenda(super::agenda::AgendaAction::EndMeeting),
        at(now),
    );
    app.status.clone().unwrap_or_default()
}

fn night(now: &str) -> App {
    App::new(
        serde_yaml::from_str(NIGHT).unwrap(),
        at(now),
        vec!["a".into()],
        0,
    )
}

#[test]
fn ending_before_the_clocks_change_reads_as_before() {
    let mut app = night("2026-10-25T01:50:00+01:00");
    let status = end_or_reopen(&mut app, "2026-10-25T01:50:00+01:00");
    assert!(status.starts_with("Meeting ended at 01:50 ("), "{status}");
}

#[test]
fn ending_after_the_clocks_went_back_says_the_offset() {
    let mut app = night("2026-10-25T01:20:00+00:00");
    let status = end_or_reopen(&mut app, "2026-10-25T01:20:00+00:00");
    assert!(
        status.starts_with("Meeting ended at 01:20 UTC ("),
        "{status}"
    );
    let status = end_or_reopen(&mut app, "2026-10-25T01:25:00+00:00");
    assert!(
        status.starts_with("Meeting re-opened at 01:25 UTC;"),
        "{status}"
    );
}
