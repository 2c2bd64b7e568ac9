//! Diffs a reviewer can read: a scripted meeting of more than 30 actions,
//! played through the engine of `coproduce render` with every save kept,
//! changes only the lines each action must (counted as `git diff
//! --numstat` counts them), and every file written passes the `.yamllint`
//! rules. The same script through the real binary ends in the same bytes.

mod run;
mod support;

use std::path::{Path, PathBuf};

use coproduce::app::App;
use coproduce::app::keys::parse_script;
use coproduce::app::script::play;
use coproduce::session::write::to_yaml;
use coproduce::session::{Time, parse};
use coproduce::store::document::Document;
use support::{numstat, yamllint};

const START: &str = "2026-12-13T10:00:00+00:00";
/// Seconds of meeting between one action and the next.
const PACE: i64 = 45;

fn fixture() -> PathBuf {
    run::fixture("diffs/meeting.yaml")
}

/// The meeting, one action a step: what it is, the keys (from the pane the
/// last step left), and the most lines (added plus deleted) any one save
/// of it may change.
const SCRIPT: &[(&str, &str, usize)] = &[
    ("start the meeting's clock", "s", 2),
    ("start the first item", "s", 1),
    ("give Beve the floor", "<Tab>b", 4),
    ("give Dulcie the floor", "d", 4),
    ("give Alex the floor", "x", 4),
    ("silence the floor", "<Space>", 2),
    ("next item", "<S-Tab>n", 2),
    ("a minute more in the box", "+", 2),
    ("five minutes more", "]", 2),
    ("give Jon the floor", "<Tab>j", 4),
    ("give Beve the floor", "b", 4),
    ("take a ten-minute break", "<S-Tab>b<Enter>", 4),
    ("come back from the break", "b", 2),
    ("give Dulcie the floor", "<Tab>d", 4),
    ("next item", "<S-Tab>n", 2),
    ("open the proposal", "<Tab><Tab>o", 3),
    ("Beve agrees", "1", 1),
    (
        "Dulcie has a concern, with a reason",
        "2Timescales are tight<Enter>",
        2,
    ),
    ("Alex agrees", "1", 2),
    ("Jon abstains", "4", 2),
    (
        "close the round: outcome, review date, one action",
        "c<Tab>Agreed, with the timescales looked at again<Tab>2027-03-01<Tab>Draft the leaflet; dulcie; 2027-01-10<C-s>",
        7,
    ),
    ("record a ladder judgement", "<Tab>r", 4),
    ("a hand on the rung", "+", 4),
    ("another hand", "+", 2),
    ("a hand on the rung above", "<Up>+", 4),
    (
        "the judgement's note",
        "nWe shaped it; staff hold the budget<C-s>",
        1,
    ),
    ("give Alex the floor", "<Tab><Tab>x", 4),
    ("give Beve the floor", "b", 4),
    ("undo the floor to Beve", "<C-z>", 4),
    ("redo it", "<C-y>", 4),
    ("a minute less in the box", "<S-Tab>-", 2),
    ("add an item", "aAny other business<C-s>", 4),
    ("end the meeting", "E", 4),
];

fn start() -> Time {
    Time::parse_from_rfc3339(START).unwrap()
}

#[test]
fn every_action_changes_only_the_lines_it_must_and_passes_the_lint() {
    let text = std::fs::read_to_string(fixture()).unwrap();
    let session = parse(&text).unwrap();
    assert_eq!(
        to_yaml(&session),
        text,
        "the fixture is in the writer's layout, so the first save only shows the first action"
    );
    assert!(SCRIPT.len() >= 30);
    let document = Document::new(fixture(), session.clone(), text.clone());
    let mut app = App::new(session, start(), vec!["high-contrast-dark".into()], 0);
    let mut now = start();
    let mut previous = text;
    let mut counts = Vec::new();
    for (step, &(what, keys, most)) in SCRIPT.iter().enumerate() {
        now += chrono::Duration::seconds(PACE);
        let mut versions = Vec::new();
        play(&mut app, &parse_script(keys).unwrap(), now, |s| {
            versions.push(document.text_for(s));
            Ok(())
        })
        .unwrap();
        assert!(
            !versions.is_empty(),
            "step {step} ({what}) saved nothing: {:?}",
            app.status
        );
        for version in versions {
            let (added, deleted) = numstat(&previous, &version);
            assert!(
                added + deleted <= most,
                "step {step} ({what}) changed {added}+{deleted} lines, at most {most}:\n{version}"
            );
            assert_eq!(
                yamllint(&version),
                Vec::<String>::new(),
                "step {step} ({what})"
            );
            assert!(parse(&version).is_ok(), "step {step} ({what}) loads back");
            counts.push(added + deleted);
            previous = version;
        }
    }
    // The meeting really happened: it ended, with turns, a decision and a rung.
    for part in ["  ended: ", "turns:", "state: agreed", "ladder:", "secs: "] {
        assert!(previous.contains(part), "{part} in\n{previous}");
    }
    // The same script through the binary gives the same file.
    let (_dir, path) = run::scratch("diffs/meeting.yaml");
    let keys: String = SCRIPT
        .iter()
        .map(|(_, keys, _)| format!("<wait {PACE}s>{keys}"))
        .collect();
    run::render(&path, START, &keys);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), previous);
    eprintln!("lines changed per save: {counts:?}");
    assert!(counts.iter().all(|&c| c > 0), "{counts:?}");
}

#[test]
fn the_example_and_a_hostile_session_pass_the_lint_as_written() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/example.yaml");
    let session = parse(&std::fs::read_to_string(example).unwrap()).unwrap();
    assert_eq!(yamllint(&to_yaml(&session)), Vec::<String>::new());
    // Text that could break a naive writer: trailing spaces in a note,
    // YAML 1.1 booleans, a key-like colon, escapes.
    let mut session = session;
    session.agenda[0].notes = Some("ends in spaces   \nand a tab\t\n".into());
    session.agenda[1].title = "yes".into();
    session.agenda[2].title = "on: off".into();
    session.decisions[0].outcome = Some("\u{1b}[2J no".into());
    let text = to_yaml(&session);
    assert_eq!(yamllint(&text), Vec::<String>::new(), "{text}");
    assert_eq!(parse(&text).unwrap(), session);
}
