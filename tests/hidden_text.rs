//! Control characters and bidirectional overrides in any text of the file
//! never reach the terminal: every pane, the help and every form opened
//! from any key are drawn at 100x30 and no cell may hold one of them.
//! ratatui's own string drawing drops control and zero-width characters, so
//! the cell check guards every other way into a cell; that the room still
//! sees something is there is checked by finding the escapes on screen.

use coproduce::app::keys::Key;
use coproduce::app::{Action, App, Overlay, Pane, update};
use coproduce::session::{Session, Time, parse};
use coproduce::theme::Themes;

/// Every text of the file carries this (YAML escapes: the loader refuses
/// the raw characters, so escapes are the way such text arrives).
const P: &str =
    r"\e[2J\a\x9b\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\x7f";

fn session_yaml() -> String {
    format!(
        r#"format: 1
title: "Board {P} meeting"
board: "Board {P}"
date: 2026-11-22
place: "Room {P}"
facilitator: "Sam {P}"
roles:
  - {{ id: lived, label: "Lived {P}" }}
  - {{ id: staff, label: "Staff {P}", power: true }}
participants:
  - {{ id: beve, name: "Beve {P}", role: lived, key: b, needs: "needs {P}", room_name: "B {P}" }}
  - {{ id: alex, name: "Alex {P}", role: staff, key: x }}
agenda:
  - {{ id: one, title: "Item {P}", minutes: 10, lead: beve, notes: "notes {P}\nsecond {P}", started: 2026-11-22T10:00:00+00:00 }}
  - {{ id: two, title: "Next {P}", minutes: 10 }}
decisions:
  - id: d1
    proposal: "Do {P} this"
    proposed_by: beve
    item: one
    state: open
    opened: 2026-11-22T10:01:00+00:00
    responses: {{ beve: agree, alex: concern }}
    reasons: {{ alex: "because {P}" }}
  - id: d2
    proposal: "Done {P}"
    proposed_by: alex
    state: agreed
    outcome: "Agreed {P}"
    decided: 2026-11-22T10:03:00+00:00
    actions:
      - {{ what: "Write {P}", who: alex }}
    rubber_stamp: "quick {P}"
    rubber_stamp_note: "fine {P}"
ladder:
  - {{ at: 2026-11-22T10:05:00+00:00, item: one, rung: co-design, note: "note {P}" }}
clock:
  started: 2026-11-22T10:00:00+00:00
turns:
  - {{ who: beve, at: 2026-11-22T10:01:00+00:00 }}
"#
    )
}

fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

fn now() -> Time {
    Time::parse_from_rfc3339("2026-11-22T10:06:00+00:00").unwrap()
}

fn hostile_app() -> App {
    let session: Session = parse(&session_yaml()).expect("escaped text is valid");
    // Every text field really holds the characters.
    assert!(session.participants[0].name.contains('\u{202E}'));
    assert!(session.decisions[1].actions[0].what.contains('\x1b'));
    App::new(session, now(), vec!["high-contrast-dark".into()], 0)
}

fn screen(app: &App) -> String {
    let themes = Themes::builtin();
    coproduce::ui::screen::screen_text(app, themes.get("high-contrast-dark").unwrap(), 100, 30)
}

/// Draws `app` and fails naming the first cell that holds a forbidden
/// character.
fn assert_clean(app: &App, what: &str) {
    let themes = Themes::builtin();
    let theme = themes.get("high-contrast-dark").unwrap();
    let buffer = coproduce::ui::screen::draw(app, theme, 100, 30);
    for y in 0..30 {
        for x in 0..100 {
            let symbol = buffer[(x, y)].symbol();
            assert!(
                !symbol.chars().any(forbidden),
                "{what}: cell {x},{y} holds {symbol:?}\n{}",
                coproduce::ui::screen::buffer_text(&buffer)
            );
        }
    }
}

#[test]
fn every_pane_and_the_help_show_hidden_characters_as_escapes() {
    let mut app = hostile_app();
    let themes = Themes::builtin();
    let theme = themes.get("high-contrast-dark").unwrap();
    for pane in Pane::ALL {
        app.pane = pane;
        assert_clean(&app, pane.title());
        // Not dropped either: the room sees that something is there.
        let shown = coproduce::ui::screen::screen_text(&app, theme, 100, 30);
        assert!(shown.contains("\\x1b"), "{}:\n{shown}", pane.title());
        update(&mut app, Action::ToggleHelp, now());
        assert_clean(&app, &format!("help over {}", pane.title()));
        update(&mut app, Action::Close, now());
    }
    app.pane = Pane::Balance;
    let shown = coproduce::ui::screen::screen_text(&app, theme, 100, 30);
    assert!(
        shown.contains("Beve \\x1b[2J\\x07\\x9b\\u{202a}"),
        "{shown}"
    );
}

/// The everyday run: every key of every pane on the second row, where
/// each pane's row holds the file's hidden characters.
#[test]
fn every_form_on_a_row_shows_hidden_characters_as_escapes() {
    forms_clean(&[1], 4, 2);
}

/// The soak tier (`.ci/soak`): every key of every pane, on each row the
/// arrows reach.
#[test]
#[ignore = "soak tier: every form on every row"]
fn every_form_shows_hidden_characters_as_escapes() {
    forms_clean(&[0, 1, 2], 10, 3);
}

/// Every key of every pane, after each of `rows` presses of Down: any form
/// it opens (new or prefilled from the file) is drawn clean, field by
/// field; at least `least_forms` open, `least_prefilled` holding the
/// file's text.
fn forms_clean(rows: &[usize], least_forms: usize, least_prefilled: usize) {
    let mut forms = 0;
    let mut prefilled = 0;
    for pane in Pane::ALL {
        let keys: Vec<Key> = hostile_app()
            .bindings_for(pane)
            .flat_map(|b| b.keys.clone())
            .collect();
        for &moves in rows {
            for &key in &keys {
                let mut app = hostile_app();
                app.pane = pane;
                for _ in 0..moves {
                    if let Some(a) = app.action_for(Key::plain(coproduce::app::keys::KeyCode::Down))
                    {
                        update(&mut app, a, now());
                    }
                }
                let Some(action) = app.action_for(key) else {
                    continue;
                };
                update(&mut app, action, now());
                if let Some(Overlay::Form(form)) = &app.overlay {
                    forms += 1;
                    prefilled +=
                        usize::from(form.values().iter().any(|v| v.chars().any(forbidden)));
                    let what =
                        format!("{} form {:?} after {moves} moves", pane.title(), form.title);
                    assert_clean(&app, &what);
                    // Every field in turn, as Tab moves the cursor through them.
                    for _ in 0..form.fields.len() {
                        let tab = Key::plain(coproduce::app::keys::KeyCode::Tab);
                        if let Some(a) = app.action_for(tab) {
                            update(&mut app, a, now());
                        }
                        assert_clean(&app, &what);
                    }
                }
            }
        }
    }
    assert!(forms >= least_forms, "only {forms} forms were opened");
    assert!(
        prefilled >= least_prefilled,
        "only {prefilled} forms held the file's text"
    );
    eprintln!("{forms} forms drawn, {prefilled} holding the file's hidden characters");
}

/// A form field without the cursor shows the hidden characters it holds as
/// escapes; the one being edited cannot show them, but drops them.
#[test]
fn a_form_field_shows_its_hidden_characters_when_not_being_edited() {
    use coproduce::app::Purpose;
    use coproduce::app::agenda::AgendaForm;
    use coproduce::app::form::Form;
    let plain = SESSION_PLAIN;
    let session: Session = parse(plain).unwrap();
    let mut app = App::new(session, now(), vec!["high-contrast-dark".into()], 0);
    let form = Form::new("Edit", Purpose::Agenda(AgendaForm::AddItem))
        .line("Title", "", "first\u{202E}one")
        .lines("Notes", "", "second\u{2066}two\nthird\u{1b}");
    app.overlay = Some(Overlay::Form(Box::new(form)));
    assert_clean(&app, "the form");
    let shown = screen(&app);
    assert!(shown.contains("second\\u{2066}two"), "{shown}");
    assert!(shown.contains("third\\x1b"), "{shown}");
    assert!(shown.contains("firstone"), "{shown}");
    update(
        &mut app,
        Action::Type(Key::plain(coproduce::app::keys::KeyCode::Tab)),
        now(),
    );
    let shown = screen(&app);
    assert!(shown.contains("first\\u{202e}one"), "{shown}");
}

const SESSION_PLAIN: &str = "format: 1
title: Plain
board: Board
date: 2026-11-22
";
