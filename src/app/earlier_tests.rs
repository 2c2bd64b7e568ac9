//! Issue #21: the earlier meetings reach the app as an action once read
//! off the UI thread, and change nothing else.

use super::*;
use crate::app::testing::{app_on, at, session_yaml};
use crate::session::trend::{Point, Skipped, Trend};

#[test]
fn the_trend_arrives_as_an_action_and_touches_neither_the_meeting_nor_the_status() {
    let mut app = app_on(&session_yaml("participants: []\n"), "10:00:00");
    app.ladder.reading_earlier = true;
    app.status = Some("Meeting started at 10:00".into());
    let (session, revision) = (app.session.clone(), app.revision);
    let trend = Trend {
        points: vec![Point {
            date: "2026-10-18".parse().unwrap(),
            file: "2026-10-18-board.yaml".into(),
            rung: None,
        }],
        skipped: vec![Skipped {
            file: "broken.yaml".into(),
            reason: "3:1: this is not valid YAML".into(),
        }],
    };
    let effect = update(
        &mut app,
        Action::EarlierMeetings(trend.clone()),
        at("10:00:05"),
    );
    assert_eq!(effect, Effect::None);
    assert!(!app.ladder.reading_earlier);
    assert_eq!(app.ladder.trend, trend);
    // Not a key: the facilitator's status line and the file stay as they were.
    assert_eq!(app.status.as_deref(), Some("Meeting started at 10:00"));
    assert!(app.session == session);
    assert_eq!(app.revision, revision);
    // Nothing to undo: reading the folder is no change to the meeting.
    update(&mut app, Action::Undo, at("10:00:06"));
    assert_eq!(app.status.as_deref(), Some("Nothing to undo"));
    assert_eq!(app.ladder.trend, trend);
}
