//! The floor key: from any pane, the floor key and then a person's key
//! gives them the floor, Space silences it and Enter calls the next hand.
//! A plain letter alone never does it outside Balance, where letters are
//! people's; elsewhere they are the pane's own commands.

use super::balance::BalanceAction;
use super::keymap::Scope;
use super::keys::{Key, KeyCode};
use super::{Action, App};

/// The action of the key pressed after the floor key: a person's key
/// gives them the floor (Shift or not), the Balance pane's keys for
/// silencing the floor and calling the next hand do that, and anything
/// else gives the floor to nobody.
pub fn after_floor_key(app: &App, key: Key) -> Action {
    match app.keymap.command(Scope::Balance, key) {
        Some("silence_floor") => return Action::SilenceFloor,
        Some("call_next") => return Action::Balance(BalanceAction::CallNext),
        _ => {}
    }
    if key.ctrl || key.alt {
        return Action::FloorCancel;
    }
    match key.code {
        KeyCode::Char(c) => {
            let c = c.to_ascii_lowercase();
            app.session
                .participants
                .iter()
                .find(|p| p.key.is_some_and(|k| k.0 == c))
                .map_or(Action::FloorCancel, |p| Action::GiveFloor(p.id.clone()))
        }
        _ => Action::FloorCancel,
    }
}

/// What the status says while the floor key waits for the next key.
pub fn waiting(app: &App) -> String {
    let key = |command| app.key_name(Scope::Balance, command);
    format!(
        "Floor: press the person's key · {} silences · {} calls the next hand · {} cancels",
        key("silence_floor"),
        key("call_next"),
        app.global_key("close")
    )
}

#[cfg(test)]
mod tests {
    use crate::app::testing::{app_on, session_yaml, type_keys};
    use crate::app::{Pane, keymap::Scope};
    use crate::session::balance::floor;

    fn app() -> crate::app::App {
        app_on(
            &session_yaml(
                "participants:
  - { id: ann, name: Ann, role: lived, key: a }
  - { id: bob, name: Bob, role: staff, key: b }
stack: [bob]
",
            ),
            "10:00:00",
        )
    }

    fn who(app: &crate::app::App) -> Option<String> {
        floor(&app.session).map(|t| t.who.clone())
    }

    #[test]
    fn the_floor_key_then_a_persons_key_works_on_every_pane() {
        for pane in Pane::ALL {
            let mut app = app();
            app.pane = pane;
            type_keys(&mut app, "<C-f>", "10:00:00");
            assert_eq!(app.status.as_deref(), Some(super::waiting(&app).as_str()));
            type_keys(&mut app, "a", "10:00:00");
            assert_eq!(who(&app).as_deref(), Some("ann"), "{pane:?}");
            assert!(!app.floor_key);
            // Enter calls the next hand; Space silences.
            type_keys(&mut app, "<C-f><Enter>", "10:01:00");
            assert_eq!(who(&app).as_deref(), Some("bob"), "{pane:?}");
            type_keys(&mut app, "<C-f><Space>", "10:02:00");
            assert_eq!(who(&app), None, "{pane:?}");
        }
    }

    #[test]
    fn a_letter_alone_is_the_panes_and_a_stray_key_cancels() {
        let mut app = app();
        // On Agenda, `a` adds an item: it does not give Ann the floor.
        type_keys(&mut app, "a<Esc>", "10:00:00");
        assert_eq!(who(&app), None);
        type_keys(&mut app, "<C-f>z", "10:00:00");
        assert_eq!(who(&app), None);
        assert!(!app.floor_key);
        assert_eq!(app.status.as_deref(), Some("Nobody was given the floor"));
        type_keys(&mut app, "<C-f><Esc>a<Esc>", "10:00:00");
        assert_eq!(who(&app), None);
        // The key is global and not a plain letter.
        assert_eq!(app.keymap.labels(Scope::Global, "floor_key"), "Ctrl-F");
    }
}
