//! Every key on the keyboard, in every pane and form, in long random
//! sequences with the clock moving: nothing panics (drawing included), the
//! session written after every step loads back equal and valid, and undo
//! all the way back gives the session the app opened.

use proptest::prelude::*;

use super::keys::{Key, KeyCode};
use super::testing::{at, session_yaml};
use super::undo::UNDO_LIMIT;
use super::{Action, App, Pane, update};
use crate::session::write::to_yaml;
use crate::session::{Session, Time, parse};
use crate::theme::Themes;

/// What the facilitator does next: press a key, or wait.
#[derive(Debug, Clone)]
enum Step {
    Key(Key),
    Wait(u32),
}

const PUNCTUATION: &str = "`~!@#$%^&*()-_=+[]{}\\|;:'\",.<>/? ";

/// Every key that is not a character or an F-key.
const NAMED: [KeyCode; 14] = [
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
];

fn code() -> impl Strategy<Value = KeyCode> {
    let chars: Vec<char> = ('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .chain(PUNCTUATION.chars())
        .collect();
    prop_oneof![
        4 => proptest::sample::select(chars).prop_map(KeyCode::Char),
        1 => (1u8..=12).prop_map(KeyCode::F),
        2 => proptest::sample::select(NAMED.to_vec()),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let key = (code(), 0u8..8).prop_map(|(code, m)| {
        // Plain keys most of the time; Ctrl, Alt and both now and then.
        let (ctrl, alt) = match m {
            5 => (true, false),
            6 => (false, true),
            7 => (true, true),
            _ => (false, false),
        };
        let code = match code {
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            code => code,
        };
        Step::Key(Key { code, ctrl, alt })
    });
    prop_oneof![8 => key, 1 => (1u32..600).prop_map(Step::Wait)]
}

/// The example meeting, and one whose clock is running with the floor taken
/// (its people and records, after `session_yaml`'s header and roles).
const EXAMPLE: &str = include_str!("../../sessions/example.yaml");
const RUNNING: &str = "participants:
  - { id: beve, name: Beve, role: lived, key: b }
  - { id: alex, name: Alex, role: staff }
agenda:
  - { id: one, title: One, minutes: 10, started: 2026-11-22T10:00:00+00:00 }
  - { id: two, title: Two, minutes: 5 }
decisions:
  - { id: d1, proposal: Do it, proposed_by: beve, state: open }
clock:
  started: 2026-11-22T10:00:00+00:00
turns:
  - { who: alex, at: 2026-11-22T10:01:00+00:00 }
";

/// The app at `now`: after everything in the file, as a live meeting is,
/// or (`skewed`) an hour before its last records, as after a clock is set
/// back; neither may make the app write a file it would refuse.
fn start_at(yaml: &str, pane: Pane, skewed: bool) -> (App, Time) {
    let now = at(if skewed { "10:42:00" } else { "11:42:00" });
    let session = parse(yaml).expect("the starting session is valid");
    let mut app = App::new(session, now, vec!["a".into(), "b".into()], 0);
    app.pane = pane;
    (app, now)
}

/// The file after this step: written, read back, equal and valid.
fn assert_file_sound(app: &App, step: usize) {
    let text = to_yaml(&app.session);
    match parse(&text) {
        Ok(back) => assert_eq!(back, app.session, "step {step}: read back differently"),
        Err(problems) => panic!("step {step}: the saved file is refused: {problems:?}\n{text}"),
    }
}

fn play(yaml: &str, pane: Pane, skewed: bool, steps: &[Step]) {
    let (app, now) = start_at(yaml, pane, skewed);
    play_from(app, now, steps, true);
}

/// Plays `steps` from `app`, drawing after each (or only at the end
/// unless `draw_each`), and checks the file and undo as above.
fn play_from(mut app: App, mut now: Time, steps: &[Step], draw_each: bool) {
    let original: Session = app.session.clone();
    // The saver's copy, kept only by the patches each change hands over.
    let mut saved = app.session.clone();
    let themes = Themes::builtin();
    let theme = themes.get("high-contrast-dark").expect("built in");
    let mut changes = 0;
    for (i, step) in steps.iter().enumerate() {
        let before = app.revision;
        match step {
            Step::Wait(secs) => {
                now += chrono::Duration::seconds(i64::from(*secs));
                update(&mut app, Action::Tick, now);
            }
            Step::Key(key) => {
                if let Some(action) = app.action_for(*key) {
                    update(&mut app, action, now);
                }
            }
        }
        changes += usize::from(app.revision != before);
        if draw_each || i + 1 == steps.len() {
            crate::ui::screen::draw(&app, theme, 100, 30);
        }
        if app.revision != before {
            assert_file_sound(&app, i);
        }
        match app.handed_over() {
            Some(patches) => patches.into_iter().for_each(|p| p.apply(&mut saved)),
            None => saved = app.session.clone(),
        }
        assert!(saved == app.session, "step {i}: the saver's copy differs");
    }
    // Close whatever is open, then undo everything.
    for _ in 0..3 {
        update(&mut app, Action::Close, now);
    }
    if changes <= UNDO_LIMIT {
        let last = app.session.clone();
        let mut undone = 0;
        for _ in 0..changes + 1 {
            let before = app.revision;
            update(&mut app, Action::Undo, now);
            undone += usize::from(app.revision != before);
        }
        assert_eq!(app.session, original, "undo all the way back");
        assert_eq!(app.status.as_deref(), Some("Nothing to undo"));
        // Redo as many steps as were undone (any undone before stay so).
        for _ in 0..undone {
            update(&mut app, Action::Redo, now);
        }
        assert!(app.session == last, "redo all the way forward");
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 4,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The everyday run: a few random sequences.
    #[test]
    fn any_keys_in_any_pane_keep_the_file_sound(
        steps in proptest::collection::vec(step(), 1..160),
        pane in proptest::sample::select(Pane::ALL.to_vec()),
        running in any::<bool>(),
        skewed in proptest::bool::weighted(0.3),
    ) {
        random_sequence(running, pane, skewed, &steps);
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The soak tier (`.ci/run` runs it with `--include-ignored`).
    #[test]
    #[ignore = "soak tier: many random key sequences"]
    fn many_random_key_sequences_keep_the_file_sound(
        steps in proptest::collection::vec(step(), 1..160),
        pane in proptest::sample::select(Pane::ALL.to_vec()),
        running in any::<bool>(),
        skewed in proptest::bool::weighted(0.3),
    ) {
        random_sequence(running, pane, skewed, &steps);
    }
}

/// One random sequence of steps in `pane` of the running meeting or the
/// example, the clock perhaps set back.
fn random_sequence(running: bool, pane: Pane, skewed: bool, steps: &[Step]) {
    let yaml = if running {
        session_yaml(RUNNING)
    } else {
        EXAMPLE.into()
    };
    play(&yaml, pane, skewed, steps);
}

fn every_key() -> Vec<Key> {
    let mut codes: Vec<KeyCode> = ('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .chain(PUNCTUATION.chars())
        .map(KeyCode::Char)
        .collect();
    codes.extend((1..=12).map(KeyCode::F));
    codes.extend(NAMED);
    let mut keys = Vec::new();
    for code in codes {
        for (ctrl, alt) in [(false, false), (true, false), (false, true), (true, true)] {
            let code = match code {
                KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
                code => code,
            };
            keys.push(Key { code, ctrl, alt });
        }
    }
    keys
}

/// Every key on the keyboard, alone and with Ctrl, Alt and both, in every
/// pane of both meetings, each followed by the keys that work a form or an
/// overlay (type, move, save, cancel, undo): a sweep beside the random
/// sequences, so no key is left to chance.
#[test]
#[ignore = "soak tier: every key in every pane"]
fn every_key_in_every_pane() {
    let keys = every_key();
    every_key_sweep(|_| keys.clone());
}

/// The everyday run: in each pane, every key bound there, everywhere, in
/// forms and in the help, and a sample of the rest of the keyboard.
#[test]
fn every_bound_key_and_a_sample_of_the_rest_in_every_pane() {
    let keymap = super::keymap::Keymap::default();
    every_key_sweep(|pane| {
        use super::keymap::Scope;
        let scopes = [pane.scope(), Scope::Global, Scope::Form, Scope::Help];
        let mut keys: Vec<Key> = scopes
            .iter()
            .flat_map(|&scope| keymap.in_scope(scope).flat_map(|b| b.keys.clone()))
            .collect();
        keys.extend(every_key().into_iter().step_by(37));
        keys.sort_by_key(|k| format!("{k:?}"));
        keys.dedup();
        keys
    });
}

/// The keys `keys_in` gives for each pane, in that pane of the example
/// meeting, each followed by the keys that work a form or an overlay
/// (type, move, save, cancel, undo).
fn every_key_sweep(keys_in: impl Fn(Pane) -> Vec<Key>) {
    let then: Vec<Step> = [
        "x", "<Down>", "<Left>", "<BS>", "<Tab>", "<Enter>", "<C-s>", "<Esc>", "<C-z>",
    ]
    .iter()
    .map(|k| Step::Key(super::keys::parse_key(k).expect("a key")))
    .collect();
    // The example meeting has every kind of thing in it; the random
    // sequences cover the running one too.
    for pane in Pane::ALL {
        let (app, now) = start_at(EXAMPLE, pane, false);
        for key in keys_in(pane) {
            let mut steps = vec![Step::Key(key)];
            steps.extend(then.iter().cloned());
            play_from(app.clone(), now, &steps, false);
        }
    }
}

/// A clock an hour behind the file: a new speaker, the next item and the
/// end of the meeting are written at the file's latest time, not before it.
#[test]
fn a_clock_set_back_holds_still_at_the_record() {
    let (mut app, now) = start_at(EXAMPLE, Pane::Balance, true);
    let last = app.session.turns.last().map(|t| t.at).expect("turns");
    let someone = app.session.participants[0].id.clone();
    update(&mut app, Action::GiveFloor(someone), now);
    assert_eq!(app.session.turns.last().map(|t| t.at), Some(last));
    // And through the keys, checked step by step as above.
    let (app, now) = start_at(EXAMPLE, Pane::Balance, true);
    let steps: Vec<Step> = ["b", "<S-Tab>", "n", "E"]
        .iter()
        .map(|k| Step::Key(super::keys::parse_key(k).expect("a key")))
        .collect();
    play_from(app, now, &steps, true);
}
