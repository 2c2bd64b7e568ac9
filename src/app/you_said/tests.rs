//! Marking a "you said, we did" item's action, on a fixed clock.

use crate::app::Overlay;
use crate::app::testing::{app_on, session_yaml, type_keys};
use crate::session::ActionState;

const AGENDA: &str = "participants:
  - { id: bev, name: Bev, role: lived, key: b }
agenda:
  - { id: welcome, title: Welcome, minutes: 5 }
  - id: leaflet-action
    title: 'You said, we did: Draft the leaflet'
    lead: bev
    minutes: 5
    action: { what: Draft the leaflet, who: bev, due: 2026-12-10 }
";

fn app() -> crate::app::App {
    app_on(&session_yaml(AGENDA), "10:00:00")
}

#[test]
fn done_not_possible_with_a_reason_or_still_open() {
    let mut app = app();
    type_keys(&mut app, "<Down>y<Right><Enter>", "10:00:00");
    let item = &app.session.agenda[1];
    assert_eq!(item.action.as_ref().unwrap().state, Some(ActionState::Done));
    assert_eq!(
        app.status.as_deref(),
        Some("You said, we did: Draft the leaflet: done")
    );
    // Not possible needs its reason: refused without, kept with.
    type_keys(&mut app, "y<Right><Enter>", "10:01:00");
    let Some(Overlay::Form(form)) = &app.overlay else {
        panic!("the form stays open");
    };
    assert_eq!(
        form.error.as_deref(),
        Some("Say why it was not possible: the group is owed the reason")
    );
    type_keys(&mut app, "<Tab>No printer budget<Enter>", "10:01:00");
    let item = &app.session.agenda[1];
    assert_eq!(
        item.action.as_ref().unwrap().state,
        Some(ActionState::Dropped)
    );
    assert_eq!(item.report.as_deref(), Some("No printer budget"));
    // Still open: the mark comes off; undo puts it back.
    type_keys(&mut app, "y<Left><Left><Tab> for now<Enter>", "10:02:00");
    let item = &app.session.agenda[1];
    assert_eq!(item.action.as_ref().unwrap().state, None);
    assert_eq!(item.report.as_deref(), Some("No printer budget for now"));
    type_keys(&mut app, "<C-z>", "10:03:00");
    let item = &app.session.agenda[1];
    assert_eq!(
        item.action.as_ref().unwrap().state,
        Some(ActionState::Dropped)
    );
}

#[test]
fn an_item_without_an_action_says_where_they_come_from() {
    let mut app = app();
    type_keys(&mut app, "y", "10:00:00");
    assert!(app.overlay.is_none());
    assert_eq!(
        app.status.as_deref(),
        Some(
            "'Welcome' is not a \"you said, we did\" item: `coproduce new --from` makes those for the last meeting's actions"
        )
    );
}
