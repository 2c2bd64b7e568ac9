//! Behaviour of `update` on a fixed clock.

use super::*;
use crate::app::keys::KeyCode;
use crate::app::testing::{app_on, at, session_yaml};

/// The people and the floor, after `session_yaml`'s header and roles.
const SESSION: &str = "participants:
  - { id: beve, name: Beve, role: lived, key: b }
  - { id: alex, name: Alex, role: staff }
  - { id: pat, name: Pat, role: lived, present: false }
turns:
  - { who: alex, at: 2026-11-22T10:28:00+00:00 }
";

fn app() -> App {
    app_on(&session_yaml(SESSION), "10:30:00")
}

fn press(app: &mut App, key: Key, now: &str) -> Effect {
    match app.action_for(key) {
        Some(action) => update(app, action, at(now)),
        None => Effect::None,
    }
}

#[test]
fn tab_and_shift_tab_cycle_the_panes_both_ways() {
    let mut app = app();
    let mut seen = vec![];
    for _ in 0..4 {
        seen.push(app.pane);
        press(&mut app, Key::plain(KeyCode::Tab), "10:30:00");
    }
    assert_eq!(seen, Pane::ALL);
    assert_eq!(app.pane, Pane::Agenda);
    press(&mut app, Key::plain(KeyCode::BackTab), "10:30:00");
    assert_eq!(app.pane, Pane::Ladder);
}

#[test]
fn help_opens_with_question_mark_and_closes_with_esc() {
    let mut app = app();
    press(&mut app, Key::char('?'), "10:30:00");
    assert!(matches!(app.overlay, Some(Overlay::Help)));
    press(&mut app, Key::plain(KeyCode::Tab), "10:30:00");
    assert_eq!(app.pane, Pane::Agenda, "the overlay swallows other keys");
    press(&mut app, Key::plain(KeyCode::Esc), "10:30:00");
    assert!(app.overlay.is_none());
}

#[test]
fn quit_from_anywhere_even_with_help_open() {
    let mut app = app();
    press(&mut app, Key::char('?'), "10:30:00");
    assert_eq!(press(&mut app, Key::ctrl('q'), "10:30:00"), Effect::Quit);
    assert_eq!(press(&mut app, Key::ctrl('c'), "10:30:00"), Effect::Quit);
}

#[test]
fn theme_key_cycles_and_wraps() {
    let mut app = app();
    press(&mut app, Key::ctrl('t'), "10:30:00");
    assert_eq!(app.theme_name(), "b");
    press(&mut app, Key::ctrl('t'), "10:30:00");
    assert_eq!(app.theme_name(), "a");
    assert_eq!(app.revision, 0, "a theme is not a change to the meeting");
}

#[test]
fn keys_are_given_to_people_without_one_but_not_counted_as_a_change() {
    let app = app();
    let keys: Vec<_> = app
        .session
        .participants
        .iter()
        .map(|p| p.key.map(|k| k.0))
        .collect();
    assert_eq!(keys, vec![Some('b'), Some('a'), Some('p')]);
    assert_eq!(app.revision, 0);
}

#[test]
fn giving_the_floor_closes_the_open_turn_to_the_second() {
    let mut app = app();
    app.pane = Pane::Balance;
    press(&mut app, Key::char('b'), "10:30:00");
    press(&mut app, Key::char(' '), "10:30:30");
    let turns = &app.session.turns;
    assert_eq!((turns[0].who.as_str(), turns[0].secs), ("alex", Some(120)));
    assert_eq!((turns[1].who.as_str(), turns[1].secs), ("beve", Some(30)));
    assert_eq!(app.revision, 2);
}

#[test]
fn people_keys_work_only_in_the_balance_pane_and_only_for_those_present() {
    let mut app = app();
    assert_ne!(
        app.action_for(Key::char('b')),
        Some(Action::GiveFloor("beve".into()))
    );
    app.pane = Pane::Balance;
    assert_eq!(
        app.action_for(Key::char('b')),
        Some(Action::GiveFloor("beve".into()))
    );
    assert_eq!(app.action_for(Key::char('p')), None, "Pat is absent");
}

#[test]
fn undo_and_redo_give_back_exactly_the_earlier_sessions() {
    let mut app = app();
    app.pane = Pane::Balance;
    let opened = app.session.clone();
    press(&mut app, Key::char('b'), "10:30:00");
    let after_one = app.session.clone();
    press(&mut app, Key::char(' '), "10:30:30");
    let after_two = app.session.clone();

    press(&mut app, Key::ctrl('z'), "10:31:00");
    assert_eq!(app.session, after_one);
    assert_eq!(app.status.as_deref(), Some("Undone: silence the floor"));
    press(&mut app, Key::ctrl('z'), "10:31:00");
    assert_eq!(app.session, opened);
    press(&mut app, Key::ctrl('z'), "10:31:00");
    assert_eq!(app.status.as_deref(), Some("Nothing to undo"));
    press(&mut app, Key::ctrl('y'), "10:31:00");
    press(&mut app, Key::ctrl('y'), "10:31:00");
    assert_eq!(app.session, after_two);
    assert_eq!(app.revision, 6, "every undo and redo is a change to save");
}

#[test]
fn a_new_change_after_undo_drops_the_redo() {
    let mut app = app();
    app.pane = Pane::Balance;
    press(&mut app, Key::char('b'), "10:30:00");
    press(&mut app, Key::ctrl('z'), "10:30:10");
    press(&mut app, Key::char(' '), "10:30:20");
    press(&mut app, Key::ctrl('y'), "10:30:30");
    assert_eq!(app.status.as_deref(), Some("Nothing to redo"));
}

#[test]
fn silence_and_same_speaker_again_change_nothing() {
    let mut app = app();
    app.pane = Pane::Balance;
    press(&mut app, Key::char('a'), "10:30:00");
    assert_eq!(app.revision, 0);
    assert_eq!(app.status.as_deref(), Some("Alex already has the floor"));
    press(&mut app, Key::char(' '), "10:30:00");
    press(&mut app, Key::char(' '), "10:30:05");
    assert_eq!(app.revision, 1);
    assert_eq!(app.status.as_deref(), Some("The floor is already silent"));
}

#[test]
fn a_form_refuses_bad_input_keeps_it_and_saves_good_input_once() {
    use super::testing::type_keys;
    let mut app = app();
    type_keys(&mut app, "aTea<Tab><Tab><BS><BS>ten<Enter>", "10:30:00");
    let form = app.form().expect("the form stays open");
    assert!(form.error.as_deref().unwrap().contains("whole number"));
    assert_eq!(form.values()[0], "Tea");
    assert!(app.session.agenda.is_empty());
    assert_eq!(app.revision, 0);
    type_keys(&mut app, "<BS><BS><BS>15<Enter>", "10:30:00");
    assert!(app.form().is_none());
    assert_eq!(app.session.agenda[0].title, "Tea");
    assert_eq!(app.session.agenda[0].minutes, 15);
    assert_eq!(app.revision, 1);
    type_keys(&mut app, "<C-z>", "10:30:00");
    assert!(app.session.agenda.is_empty());
}

#[test]
fn esc_cancels_a_form_with_no_change() {
    use super::testing::type_keys;
    let mut app = app();
    type_keys(&mut app, "aTea<Esc>", "10:30:00");
    assert!(app.overlay.is_none());
    assert!(app.session.agenda.is_empty());
    assert_eq!(app.revision, 0);
}

#[test]
fn keys_typed_into_a_form_never_run_commands_but_quit_still_works() {
    use super::testing::type_keys;
    let mut app = app();
    type_keys(&mut app, "a?<Tab><S-Tab>", "10:30:00");
    assert_eq!(app.pane, Pane::Agenda);
    assert_eq!(app.form().unwrap().values()[0], "?");
    let (_, effect) = type_keys(&mut app, "<C-q>", "10:30:00");
    assert_eq!(effect, Effect::Quit);
}

#[test]
fn paste_reaches_the_form_and_nothing_else() {
    let mut app = app();
    update(&mut app, Action::Paste("ignored".into()), at("10:30:00"));
    assert_eq!(app.revision, 0);
    press(&mut app, Key::char('a'), "10:30:00");
    update(
        &mut app,
        Action::Paste("Pasted\ttitle".into()),
        at("10:30:00"),
    );
    assert_eq!(app.form().unwrap().values()[0], "Pasted title");
}

#[test]
fn arrows_scroll_the_help_and_other_keys_close_it() {
    use super::testing::type_keys;
    let mut app = app();
    type_keys(&mut app, "?<Down><Down><PageDown><Up>", "10:30:00");
    assert!(matches!(app.overlay, Some(Overlay::Help)));
    assert_eq!(app.help_scroll, 11);
    type_keys(&mut app, "<Home>", "10:30:00");
    assert_eq!(app.help_scroll, 0);
    type_keys(&mut app, "<Up>", "10:30:00");
    assert_eq!(app.help_scroll, 0);
    type_keys(&mut app, "x", "10:30:00");
    assert!(app.overlay.is_none());
    type_keys(&mut app, "?", "10:30:00");
    assert_eq!(app.help_scroll, 0, "help opens at the top");
}
