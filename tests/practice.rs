//! Issue #19 through the binary: co-production practice in the room.
//! Thinking time is started with its key in `coproduce render`, shown on
//! the room view and the header, written to the file, and counted in the
//! minutes of `coproduce report` as nobody's speaking time.

mod run;

use run::{coproduce, render, render_with, scratch, succeeded};

const MEETING: &str = "practice/meeting.yaml";

fn minutes(path: &std::path::Path) -> String {
    let args = ["report", path.to_str().unwrap()];
    succeeded(&args, &coproduce(&args))
}

fn check(path: &std::path::Path) -> String {
    let args = ["check", path.to_str().unwrap()];
    succeeded(&args, &coproduce(&args))
}

#[test]
fn thinking_time_counts_down_big_on_the_room_view_and_in_the_header() {
    let (_dir, path) = scratch(MEETING);
    let room = render_with(
        &path,
        "2026-11-22T10:10:00+00:00",
        "<F3><wait 30s><F2>",
        &["--dry-run", "--size", "60x24"],
    );
    // The big font draws the words as blocks; the label above them is text.
    assert!(room.contains("Thinking time:"), "{room}");
    assert!(!room.contains("has the floor"), "{room}");
    let panes = render_with(
        &path,
        "2026-11-22T10:10:00+00:00",
        "<F3><wait 30s>",
        &["--dry-run", "--size", "120x20"],
    );
    let header = panes.lines().next().unwrap();
    assert!(header.contains("Thinking time 1:00"), "{header}");
    let help = render_with(
        &path,
        "2026-11-22T10:10:00+00:00",
        "?",
        &["--dry-run", "--size", "120x50"],
    );
    assert!(help.contains("thinking time: a silent pause"), "{help}");
}

#[test]
fn thinking_time_ends_the_turn_and_is_nobodys_speaking_time() {
    let (_dir, path) = scratch(MEETING);
    // Anil has spoken 6 minutes at 10:10; 90 s of quiet, then Joan.
    render(
        &path,
        "2026-11-22T10:10:00+00:00",
        "<F3><wait 90s><Tab>j<wait 60s><Space>",
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("  thinking:\n    - { from: 2026-11-22T10:10:00+00:00, secs: 90 }\n"),
        "{text}"
    );
    assert!(text.contains("{ who: anil, at: 2026-11-22T10:04:00+00:00, secs: 360 }"));
    assert!(text.contains("{ who: joan, at: 2026-11-22T10:11:30+00:00, secs: 60 }"));
    check(&path);
    let minutes = minutes(&path);
    assert!(
        minutes.contains("Speaking time recorded: 9 minutes in 3 turns."),
        "{minutes}"
    );
    assert!(
        minutes.contains("Thinking time: 1 silent pause (0 before a proposal), 1 minute 30 seconds in all, counted as nobody's speaking time."),
        "{minutes}"
    );
}

#[test]
fn giving_the_floor_cuts_thinking_time_short() {
    let (_dir, path) = scratch(MEETING);
    render(&path, "2026-11-22T10:10:00+00:00", "<F3><wait 20s><Tab>k");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(
            "- { from: 2026-11-22T10:10:00+00:00, secs: 90, to: 2026-11-22T10:10:20+00:00 }"
        ),
        "{text}"
    );
    let minutes = minutes(&path);
    assert!(
        minutes.contains("1 silent pause (0 before a proposal), 20 seconds in all"),
        "{minutes}"
    );
}

#[test]
fn opening_a_proposal_starts_thinking_time_when_the_group_asks_for_it() {
    let (_dir, path) = scratch(MEETING);
    let screen = render(&path, "2026-11-22T10:10:00+00:00", "<Tab><Tab>o<wait 10s>");
    assert!(screen.contains("Thinking time 1:20"), "{screen}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("- { from: 2026-11-22T10:10:00+00:00, secs: 90, before: sitting-service }"),
        "{text}"
    );
    check(&path);
    let minutes = minutes(&path);
    // Nothing after it in the record: the minutes read it to its end.
    assert!(
        minutes.contains(
            "Thinking time: 1 silent pause (1 before a proposal), 1 minute 30 seconds in all"
        ),
        "{minutes}"
    );
}

#[test]
fn check_refuses_a_thinking_time_before_a_proposal_that_is_not_there() {
    let (_dir, path) = scratch(MEETING);
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(
        "clock:\n  started: 2026-11-22T10:00:00+00:00\n",
        "clock:\n  started: 2026-11-22T10:00:00+00:00\n  thinking:\n    - { from: 2026-11-22T10:01:00+00:00, secs: 60, before: sitting }\n",
    );
    std::fs::write(&path, text).unwrap();
    let out = coproduce(&["check", path.to_str().unwrap()]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("decision 'sitting' that a thinking time came before is not in decisions (did you mean 'sitting-service'?)"),
        "{said}"
    );
}

#[test]
fn the_room_view_in_thinking_time() {
    let (_dir, path) = scratch(MEETING);
    let room = render_with(
        &path,
        "2026-11-22T10:10:00+00:00",
        "<F3><wait 30s><F2>",
        &["--dry-run", "--size", "80x24"],
    );
    insta::assert_snapshot!("thinking-room", room);
}

#[test]
fn check_refuses_a_glossary_word_listed_twice_and_the_app_keeps_the_glossary() {
    let (_dir, path) = scratch(MEETING);
    let text = std::fs::read_to_string(&path).unwrap();
    let own =
        "glossary:\n  - { word: ICB, meaning: The NHS body that plans health services here. }\n";
    std::fs::write(&path, format!("{text}{own}")).unwrap();
    check(&path);
    // A change through the app writes the group's glossary back as it was.
    render(&path, "2026-11-22T10:10:00+00:00", "<F3>");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.ends_with(own), "{saved}");
    std::fs::write(
        &path,
        format!("{saved}  - {{ word: icb, meaning: Again }}\n"),
    )
    .unwrap();
    let out = coproduce(&["check", path.to_str().unwrap()]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("'icb' is in the glossary twice (first on line"),
        "{said}"
    );
}

#[test]
fn the_readme_lists_every_built_in_glossary_word() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for term in coproduce::session::glossary::TERMS {
        let row = format!("| {} | {} |", term.word, term.meaning);
        assert!(readme.contains(&row), "{row}");
    }
}
