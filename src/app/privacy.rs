//! While the room view is up, the projector shows everyone what the app
//! draws: nothing private may reach it. Messages name people by their
//! `room_name`, and nothing that could show private detail (help lists
//! full names, forms show notes) opens over it.

use super::Purpose;
use super::{App, Overlay};
use crate::session::Session;
use crate::text::one_line;

/// `text` with each participant's name (as written, and as drawn) replaced
/// by their `room_name`, for a message the room can read. Longer names go
/// first, so "Ann Lee" is replaced whole before "Ann" could be.
pub fn with_room_names(session: &Session, text: &str) -> String {
    let mut names: Vec<(String, &str)> = Vec::new();
    for p in &session.participants {
        if let Some(room_name) = p.room_name.as_deref() {
            for name in [p.name.clone(), one_line(&p.name).into_owned()] {
                if !name.trim().is_empty() && name != room_name {
                    names.push((name, room_name));
                }
            }
        }
    }
    names.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    let mut out = text.to_string();
    for (name, room_name) in names {
        out = out.replace(&name, room_name);
    }
    out
}

/// Keeps the room view private after an update: a form or help that an
/// action opened over it is closed again with a hint, and the status
/// message names people as the room knows them.
pub fn keep_room_private(app: &mut App) {
    if !app.room {
        return;
    }
    // Quitting with the meeting unsaved asks where to write it: that must
    // be answered, so the panes come back rather than the question going.
    if let Some(Overlay::Form(form)) = &app.overlay
        && matches!(form.purpose, Purpose::Disk(_))
    {
        app.room = false;
        return;
    }
    if app.overlay.take().is_some() {
        let back = app.keymap.labels(super::keymap::Scope::Global, "room_view");
        app.status = Some(format!(
            "Not over the room view: it could show private detail · {back} back to the panes first"
        ));
    }
    if let Some(status) = &app.status {
        app.status = Some(with_room_names(&app.session, status));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Pane;
    use crate::app::testing::{app_on, session_yaml, type_keys};

    fn room_app() -> App {
        let yaml = session_yaml(
            "participants:
  - { id: ann, name: Ann, role: lived, key: a, room_name: A. }
  - { id: siobhan, name: Siobhan Reilly, role: lived, key: s, room_name: S. }
  - { id: ann-lee, name: Ann Lee, role: staff, key: l, room_name: Lee }
agenda:
  - { id: one, title: One, minutes: 10, notes: Siobhan Reilly asked for breaks }
",
        );
        app_on(&yaml, "10:00:00")
    }

    #[test]
    fn full_names_become_room_names_longest_first() {
        let app = room_app();
        assert_eq!(
            with_room_names(&app.session, "Ann Lee has the floor after Ann"),
            "Lee has the floor after A."
        );
    }

    #[test]
    fn messages_over_the_room_view_use_room_names() {
        let mut app = room_app();
        type_keys(&mut app, "<Tab><F2>s", "10:00:00");
        assert!(app.room);
        type_keys(&mut app, "s", "10:00:10");
        assert_eq!(app.status.as_deref(), Some("S. already has the floor"));
        type_keys(&mut app, "<C-z>", "10:00:20");
        assert_eq!(app.status.as_deref(), Some("Undone: give the floor to S."));
        // Back on the panes, the facilitator sees full names again.
        type_keys(&mut app, "<F2><C-y>", "10:00:30");
        assert_eq!(
            app.status.as_deref(),
            Some("Redone: give the floor to Siobhan Reilly")
        );
    }

    #[test]
    fn nothing_that_could_show_private_detail_opens_over_the_room_view() {
        for pane in Pane::ALL {
            let mut app = room_app();
            app.pane = pane;
            // Help, then every letter a pane uses to open a form or a note.
            for key in ["?", "<F1>", "a", "e", "n", "r", "E", "<C-n>"] {
                type_keys(&mut app, &format!("<F2>{key}"), "10:00:00");
                assert!(app.room);
                assert!(
                    !matches!(app.overlay, Some(Overlay::Help | Overlay::Form(_))),
                    "{key} on {pane:?} opened {:?}",
                    app.overlay
                );
                type_keys(&mut app, "<F2>", "10:00:00");
            }
        }
        let mut app = room_app();
        type_keys(&mut app, "<F2>?", "10:00:00");
        let status = app.status.clone().unwrap();
        assert!(status.starts_with("Not over the room view"), "{status}");
        assert!(status.contains("F2/Ctrl-R back to the panes"), "{status}");
    }
}
