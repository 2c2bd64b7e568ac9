//! The Balance pane's commands on a fixed clock: the floor, hands, presence
//! and latecomers, each saved as one undoable change.

use super::super::testing::{app_on, session_yaml, type_keys};
use super::super::{Action, App, Pane};
use super::BalanceAction;
use crate::app::keys::Key;
use crate::session::write::to_yaml;

/// The people and the floor, after `session_yaml`'s header and roles.
const MEETING: &str = "participants:
  - { id: beve, name: Beve, role: lived, key: b }
  - { id: alex, name: Alex, role: staff, key: x }
  - { id: dulcie, name: Dulcie, role: lived, key: d }
  - { id: sam, name: Sam, role: lived, key: '7' }
  - { id: pat, name: Pat, role: lived, key: p, present: false }
clock:
  started: 2026-11-22T10:00:00+00:00
turns:
  - { who: alex, at: 2026-11-22T10:00:00+00:00, secs: 120 }
  - { who: beve, at: 2026-11-22T10:02:00+00:00, secs: 30 }
  - { who: alex, at: 2026-11-22T10:02:30+00:00 }
";

fn meeting() -> App {
    on_balance(&session_yaml(MEETING))
}

/// An app on `yaml` at 10:03, in the Balance pane.
fn on_balance(yaml: &str) -> App {
    let mut app = app_on(yaml, "10:03:00");
    app.pane = Pane::Balance;
    app
}

fn ids(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

#[test]
fn shift_and_plus_raise_hands_in_progressive_order_with_reasons() {
    let mut app = meeting();
    // Beve has spoken 30s; Dulcie and Sam not at all; Sam is a digit.
    type_keys(&mut app, "B<wait 5s>D<wait 5s>+7", "10:03:00");
    assert_eq!(ids(&app.session.stack), ["dulcie", "sam", "beve"]);
    assert_eq!(app.revision, 3, "each hand is its own change");
    // Shift again lowers; `+` then a key that is nobody's raises nothing.
    type_keys(&mut app, "D+q", "10:04:00");
    assert_eq!(ids(&app.session.stack), ["sam", "beve"]);
    assert_eq!(app.status.as_deref(), Some("No hand raised"));
    assert!(!app.balance.hand_next);
    type_keys(&mut app, "<C-z>", "10:04:00");
    assert_eq!(ids(&app.session.stack), ["dulcie", "sam", "beve"]);
}

#[test]
fn enter_calls_the_top_hand_and_their_own_key_takes_them_off() {
    let mut app = meeting();
    type_keys(&mut app, "BD", "10:03:00");
    type_keys(&mut app, "<Enter>", "10:04:00");
    let last = app.session.turns.last().unwrap();
    assert_eq!((last.who.as_str(), last.secs), ("dulcie", None));
    assert_eq!(app.session.turns[2].secs, Some(90), "Alex's turn closed");
    assert_eq!(ids(&app.session.stack), ["beve"]);
    // Beve's own key while her hand is up: she speaks, and it comes down.
    type_keys(&mut app, "b", "10:05:00");
    assert!(app.session.stack.is_empty());
    type_keys(&mut app, "<Enter>", "10:05:00");
    assert_eq!(app.status.as_deref(), Some("No hands are up"));
}

#[test]
fn the_speaker_and_absent_people_cannot_raise_a_hand() {
    let mut app = meeting();
    type_keys(&mut app, "X", "10:03:00");
    assert_eq!(
        app.status.as_deref(),
        Some("Alex has the floor: raise their hand when they finish")
    );
    type_keys(&mut app, "P", "10:03:00");
    assert_eq!(app.status.as_deref(), Some("Pat is marked absent"));
    assert_eq!(app.action_for(Key::char('p')), None, "no floor for Pat");
    assert_eq!(app.revision, 0);
}

#[test]
fn first_come_order_keeps_raising_order() {
    let yaml =
        session_yaml(MEETING).replace("roles:", "settings: { stack_order: first-come }\nroles:");
    let mut app = on_balance(&yaml);
    type_keys(&mut app, "BD+7", "10:03:00");
    assert_eq!(ids(&app.session.stack), ["beve", "dulcie", "sam"]);
}

#[test]
fn marking_absent_ends_their_turn_and_lowers_their_hand() {
    let mut app = meeting();
    type_keys(&mut app, "D", "10:03:00");
    // Select Alex (second) and mark absent, then Dulcie (third).
    type_keys(&mut app, "<Down><C-p>", "10:03:30");
    let alex = &app.session.participants[1];
    assert_eq!(alex.present, Some(false));
    assert_eq!(app.session.turns[2].secs, Some(60), "his turn ended");
    type_keys(&mut app, "<Down><C-p>", "10:03:40");
    assert!(app.session.stack.is_empty());
    // Pat comes back: the field goes, as present is the default.
    type_keys(&mut app, "<Down><Down><C-p>", "10:03:50");
    assert_eq!(app.session.participants[4].present, None);
    assert_eq!(app.balance.selected, 4);
    type_keys(&mut app, "<Down><Up><Up><Up><Up><Up><Up>", "10:03:50");
    assert_eq!(app.balance.selected, 0, "the selection stops at the ends");
}

#[test]
fn a_latecomer_is_added_with_a_fresh_id_and_a_free_key() {
    let mut app = meeting();
    let before = to_yaml(&app.session);
    // A taken key is refused with the owner named; the form keeps its text.
    type_keys(
        &mut app,
        "<C-n>Beve Ng<Tab><Right><Tab>b<Enter>",
        "10:04:00",
    );
    let form = app.form().expect("still open");
    assert_eq!(
        form.error.as_deref(),
        Some("b is Beve's key; choose another")
    );
    type_keys(&mut app, "<BS>!<Enter>", "10:04:00");
    assert!(
        app.form()
            .unwrap()
            .error
            .as_deref()
            .unwrap()
            .contains("a letter a-z")
    );
    type_keys(&mut app, "<BS>kk<Enter>", "10:04:00");
    assert!(
        app.form()
            .unwrap()
            .error
            .as_deref()
            .unwrap()
            .contains("one letter")
    );
    type_keys(&mut app, "<BS><BS><Enter>", "10:04:00");
    assert!(app.form().is_none());
    let added = app.session.participants.last().unwrap();
    assert_eq!(
        (added.id.as_str(), added.name.as_str(), added.role.as_str()),
        ("beve-ng", "Beve Ng", "staff")
    );
    // Empty key: the first free letter of the name (b is Beve's).
    assert_eq!(added.key.map(|k| k.0), Some('e'));
    assert_eq!(app.status.as_deref(), Some("Added Beve Ng: their key is e"));
    assert_eq!(app.revision, 1);
    // Their key gives them the floor at once.
    type_keys(&mut app, "e", "10:05:00");
    assert_eq!(app.session.turns.last().unwrap().who, "beve-ng");
    type_keys(&mut app, "<C-z><C-z>", "10:05:00");
    assert_eq!(to_yaml(&app.session), before, "undo gives back the bytes");
}

#[test]
fn a_latecomer_key_typed_is_kept_and_an_empty_name_refused() {
    let mut app = meeting();
    type_keys(&mut app, "<C-n><Tab><Tab>K<Enter>", "10:04:00");
    assert!(
        app.form()
            .unwrap()
            .error
            .as_deref()
            .unwrap()
            .contains("name")
    );
    type_keys(&mut app, "<S-Tab><S-Tab>Kim<Enter>", "10:04:00");
    let added = app.session.participants.last().unwrap();
    assert_eq!(
        (added.id.as_str(), added.key.map(|k| k.0)),
        ("kim", Some('k'))
    );
    assert_eq!(added.role, "lived");
}

#[test]
fn given_keys_are_stable_unique_and_never_a_pane_command() {
    let mut yaml = String::from("format: 1\ntitle: T\nboard: B\ndate: 2026-11-22\n");
    yaml.push_str("roles: [{ id: r, label: R }]\nparticipants:\n");
    for name in [
        "Ann", "Anna", "Annie", "Bo", "+Plus", "Zed", "Öz", "", "Ann",
    ] {
        let id = format!("p{}", yaml.len());
        yaml.push_str(&format!("  - {{ id: {id}, name: '{name}', role: r }}\n"));
    }
    let app = app_on(&yaml, "10:00:00");
    let keys: Vec<char> = app
        .session
        .participants
        .iter()
        .map(|p| p.key.unwrap().0)
        .collect();
    assert_eq!(keys, ['a', 'n', 'i', 'b', 'p', 'z', 'c', 'd', 'e']);
    assert_eq!(app_on(&yaml, "11:00:00").session, app.session, "stable");
    for c in keys {
        for key in [Key::char(c), Key::char(c.to_ascii_uppercase())] {
            assert_eq!(app.lookup(Pane::Balance, key), None, "{key}");
        }
    }
    // `+` is a command, and no person's key can be one.
    assert_eq!(
        app.lookup(Pane::Balance, Key::char('+')),
        Some(Action::Balance(BalanceAction::HandNext))
    );
}

/// Checks the kept tally against one made afresh and against a plain sum
/// of the log.
fn check_tally(app: &App, step: &str) {
    use crate::session::balance::{Balance, Tally, turn_secs};
    let kept = super::BalanceView::tally(app).expect(step);
    assert_eq!(*kept, Tally::of(&app.session), "{step}");
    let fresh = Balance::compute(&app.session, app.now);
    assert_eq!(Balance::with(&app.session, kept, app.now), fresh, "{step}");
    let s = &app.session;
    for share in &fresh.people {
        let id = &s.participants[share.index].id;
        let theirs = s.turns.iter().filter(|t| t.who == *id);
        let secs: u64 = theirs.map(|t| turn_secs(s, t, app.now)).sum();
        assert_eq!(share.secs, secs, "{step}: {id}");
    }
    // Who spoke in any stretch (as the rubber-stamp check asks) and where
    // the log ends, read from the kept tally: as a pass over the log finds.
    use crate::session::rubber_stamp::spoke_between;
    fn sorted((anyone, mut who): (bool, Vec<&str>)) -> (bool, Vec<&str>) {
        who.sort_unstable();
        who.dedup();
        (anyone, who)
    }
    let second = chrono::Duration::seconds(1);
    let times: Vec<_> = s.turns.iter().map(|t| t.at).chain([app.now]).collect();
    for pair in times.windows(2) {
        for window in [(pair[0] + second, pair[1]), (pair[0] - second, app.now)] {
            assert_eq!(
                sorted(spoke_between(s, Some(kept), window, app.now)),
                sorted(spoke_between(s, None, window, app.now)),
                "{step}: {window:?}"
            );
        }
    }
    let ends = s
        .turns
        .iter()
        .map(|t| crate::session::timing::after_secs(t.at, t.secs.unwrap_or(0)));
    assert_eq!(kept.log_end(s), ends.max(), "{step}");
}

#[test]
fn the_kept_tally_follows_every_change_undo_and_redo() {
    let mut app = meeting();
    for (step, keys) in [
        ("floor", "b"),
        ("silence", "<Space>"),
        ("latecomer", "<C-n>Kim<Enter>"),
        ("their floor", "k"),
        ("undo", "<C-z>"),
        ("undo the latecomer", "<C-z>"),
        ("redo", "<C-y>"),
        ("absent", "<Down><C-p>"),
        ("tick", "<wait 5s>"),
    ] {
        type_keys(&mut app, keys, "10:04:00");
        check_tally(&app, step);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Any run of floor changes, hands, presence, items moving on, breaks,
    /// undo, redo and ticks leaves the kept tally as a fresh one.
    #[test]
    fn the_kept_tally_is_always_a_fresh_one(ops in proptest::collection::vec(0usize..16, 1..40)) {
        use crate::app::agenda::AgendaAction;
        const KEYS: [&str; 13] = [
            "b", "x", "d", "7", "<Space>", "<Enter>", "B", "D", "<C-z>", "<C-y>",
            "<wait 7s>", "<Down><C-p>", "<C-z><C-z><C-z>",
        ];
        let agenda = "agenda:
  - { id: a, title: A, minutes: 5, started: 2026-11-22T10:00:00+00:00, ended: 2026-11-22T10:02:00+00:00 }
  - { id: b, title: B, minutes: 5, started: 2026-11-22T10:02:00+00:00 }
  - { id: c, title: C, minutes: 5 }
  - { id: d, title: D, minutes: 5 }
clock:";
        let mut app = on_balance(&session_yaml(&MEETING.replace("clock:", agenda)));
        for (n, &op) in ops.iter().enumerate() {
            let step = match op {
                13 => Action::Agenda(AgendaAction::Next),
                14 => Action::Agenda(AgendaAction::Previous),
                15 => Action::Agenda(AgendaAction::Break),
                _ => {
                    type_keys(&mut app, KEYS[op], "10:04:00");
                    check_tally(&app, &format!("step {n}: {}", KEYS[op]));
                    continue;
                }
            };
            let later = app.now + chrono::Duration::seconds(20);
            crate::app::update(&mut app, step.clone(), later);
            check_tally(&app, &format!("step {n}: {step:?}"));
        }
    }
}
