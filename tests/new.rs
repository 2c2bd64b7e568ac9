//! `coproduce new`: a new session file, alone or from the previous meeting,
//! written through the app's writer, never over an existing file.

mod run;
mod support;

use std::path::Path;
use std::process::Output;

use coproduce::store::load;
use run::{coproduce, fixture};

fn new(path: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "new",
        path.to_str().unwrap(),
        "--title",
        "Equipment Matters, February",
        "--board",
        "Equipment Matters",
    ];
    if !extra.contains(&"--date") {
        args.extend(["--date", "2027-02-20"]);
    }
    args.extend(extra);
    coproduce(&args)
}

#[test]
fn the_next_meeting_carries_the_group_and_brings_back_actions_and_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2027-02-20.yaml");
    let previous = fixture("new/previous.yaml");
    let out = new(&path, &["--from", previous.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(support::yamllint(&text), Vec::<String>::new());
    let session = load(&path).expect("the new file checks clean").session;
    let old = load(&previous).unwrap().session;
    assert_eq!(session.roles, old.roles);
    assert_eq!(session.settings, old.settings);
    assert_eq!(session.place.as_deref(), Some("Community room"));
    // Everyone is expected again; keys and needs stay.
    assert!(session.participants.iter().all(|p| p.present.is_none()));
    assert_eq!(
        session.participants[0].needs.as_deref(),
        Some("Large print")
    );
    assert_eq!(
        session
            .participants
            .iter()
            .map(|p| p.key.map(|k| k.0))
            .collect::<Vec<_>>(),
        [Some('b'), None, Some('x')]
    );
    // Two actions (5 minutes each), and the one decision due for review by
    // the new date (10 minutes); the review in June waits.
    let agenda: Vec<(&str, Option<&str>, u32)> = session
        .agenda
        .iter()
        .map(|i| (i.id.as_str(), i.lead.as_deref(), i.minutes))
        .collect();
    assert_eq!(
        agenda,
        [
            ("easy-read-action", Some("alex"), 5),
            ("easy-read-action-2", Some("beve"), 5),
            ("easy-read-review", Some("alex"), 10),
        ]
    );
    // Unfinished business comes back queued, saying where it came from;
    // what was decided does not.
    let carried: Vec<(&str, &str, Option<&str>)> = session
        .decisions
        .iter()
        .map(|d| (d.id.as_str(), d.state.id(), d.carried_from.as_deref()))
        .collect();
    let from = old.date.to_string() + " " + &old.title;
    assert_eq!(carried, [("vans", "queued", Some(from.as_str()))]);
    assert!(session.turns.is_empty());
    assert!(session.clock.is_empty() && session.ladder.is_empty());
    insta::assert_snapshot!("from_previous", text);
}

#[test]
fn a_first_meeting_is_the_four_required_fields_and_what_was_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("first.yaml");
    let out = new(&path, &["--place", "Library", "--facilitator", "Sam"]);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "format: 1\ntitle: Equipment Matters, February\nboard: Equipment Matters\ndate: 2027-02-20\nplace: Library\nfacilitator: Sam\n"
    );
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("taken.yaml");
    std::fs::write(&path, "mine\n").unwrap();
    let out = new(&path, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine\n");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn bad_input_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.yaml");
    let broken = fixture("broken/dangling-turn.yaml");
    for (extra, code) in [
        (vec!["--date", "2027-02-30"], 1),
        (vec!["--from", broken.to_str().unwrap()], 1),
        (vec!["--from", "/no/such/file.yaml"], 1),
        (vec!["--colour", "red"], 2),
    ] {
        assert_eq!(new(&path, &extra).status.code(), Some(code), "{extra:?}");
        assert!(!path.exists(), "{extra:?}");
    }
    assert_eq!(
        coproduce(&["new", "x.yaml"]).status.code(),
        Some(2),
        "no title"
    );
}

#[test]
fn the_commands_explain_themselves_and_check_is_a_hook() {
    for command in ["report", "trends", "new", "schema", "check"] {
        let out = coproduce(&[command, "--help"]);
        assert!(out.status.success(), "{command}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage"),
            "{command}"
        );
    }
    // A pre-commit hook reads the exit status: 0 clean, 1 problems, 2 usage.
    let good = fixture("good.yaml");
    assert_eq!(
        coproduce(&["check", good.to_str().unwrap()]).status.code(),
        Some(0)
    );
    let broken = fixture("broken/unknown-field.yaml");
    assert_eq!(
        coproduce(&["check", broken.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        coproduce(&["check", "--strict", good.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(coproduce(&["check"]).status.code(), Some(2));
}
