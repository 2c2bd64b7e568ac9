//! `coproduce report`: the minutes of a fixed meeting, named and
//! anonymised, as reviewed snapshots; no name left when anonymised; nothing
//! unsafe printed raw.

mod run;

use std::path::{Path, PathBuf};

use coproduce::report::report;
use coproduce::session::Session;
use coproduce::store::load;
use coproduce::text::is_unsafe;

fn path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn session(name: &str) -> Session {
    load(&path(name)).unwrap().session
}

const ENDED: &str = "tests/fixtures/report/ended.yaml";
const EXAMPLE: &str = "sessions/example.yaml";

#[test]
fn minutes_of_an_ended_meeting() {
    insta::assert_snapshot!("ended", report(&session(ENDED), false));
}

#[test]
fn anonymised_minutes_of_an_ended_meeting() {
    insta::assert_snapshot!("ended_anonymised", report(&session(ENDED), true));
}

#[test]
fn minutes_of_a_meeting_still_running() {
    insta::assert_snapshot!("example", report(&session(EXAMPLE), false));
}

/// Whether `word` is in `text` as a whole word, in any case.
fn has_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.to_lowercase(), word.to_lowercase());
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn anonymised_minutes_hold_no_name_anywhere() {
    for file in [ENDED, EXAMPLE] {
        let s = session(file);
        let named = report(&s, false);
        let minutes = report(&s, true);
        let mut names: Vec<&str> = Vec::new();
        for p in &s.participants {
            names.push(&p.name);
            names.extend(p.name.split_whitespace());
            names.extend(p.room_name.as_deref());
        }
        names.extend(s.facilitator.iter().flat_map(|f| f.split_whitespace()));
        for p in &s.participants {
            assert!(
                has_word(&named, &p.name),
                "{file}: the test reads {}",
                p.name
            );
        }
        for name in names {
            assert!(!has_word(&minutes, name), "{file}: {name} in\n{minutes}");
        }
        // Each person keeps one alias throughout: as many as there are people.
        assert!(minutes.contains("Carers A") && minutes.contains("Lived experience B"));
    }
}

#[test]
fn nothing_unsafe_is_printed_raw() {
    for file in [ENDED, EXAMPLE] {
        for anonymise in [false, true] {
            let minutes = report(&session(file), anonymise);
            let raw: Vec<char> = minutes
                .chars()
                .filter(|&c| c != '\n' && is_unsafe(c))
                .collect();
            assert!(raw.is_empty(), "{file}: {raw:?}");
        }
    }
    let minutes = report(&session(ENDED), false);
    assert!(
        minutes.contains(r"tight\\u{202e}"),
        "shown as a visible escape"
    );
    // The visible escapes' own backslashes and brackets escaped for Markdown.
    assert!(minutes.contains(r"a bell \\x07 and a clear-screen \\x1b\[2J."));
    assert!(minutes.contains(r"Hidden \\u{202e} stays"));
    assert!(!minutes.contains("Private need"), "access needs stay out");
}

#[test]
fn the_command_prints_the_minutes_and_refuses_a_broken_file() {
    let run = |args: &[&str]| run::binary().args(args).output().unwrap();
    let ended = path(ENDED);
    let out = run(&["report", ended.to_str().unwrap(), "--anonymise"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        report(&session(ENDED), true)
    );
    let broken = path("tests/fixtures/broken/dangling-turn.yaml");
    let out = run(&["report", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("dangling-turn.yaml:"), "{err}");
    assert_eq!(run(&["report"]).status.code(), Some(2));
}
