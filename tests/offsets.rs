//! Issue #17, item 11 through the binary: a meeting across the clocks
//! going back (BST to GMT at 02:00 on 25 October 2026) shows every time of
//! day with its UTC offset in the panes, the room view and `follow
//! --plain`; a meeting wholly in one offset shows none.

mod run;

use run::{render_with, scratch};

const ACROSS: &str = "offsets/clocks-go-back.yaml";
/// Twenty past one, after the clocks went back.
const AFTER: &str = "2026-10-25T01:20:00+00:00";

fn screen(keys: &str, now: &str) -> String {
    let (_dir, path) = scratch(ACROSS);
    render_with(&path, now, keys, &["--dry-run", "--size", "100x30"])
}

#[test]
fn every_pane_says_each_times_offset_across_the_clocks_changing() {
    let agenda = screen("", AFTER);
    let header = agenda.lines().next().unwrap();
    assert!(header.contains("│ 01:20 UTC (1:40:00 in) │"), "{header}");
    // Started at 00:30 BST; 100 minutes of box and break from then is
    // 01:10 GMT, shown on the wall clock's offset beside the projected end.
    assert!(
        agenda.contains(
            "Started 00:30 UTC+1 · 1:40:00 in · planned end 01:10 UTC · projected end 01:20 UTC"
        ),
        "{agenda}"
    );
    insta::assert_snapshot!("offsets-agenda", agenda);
    let decisions = screen("<Tab><Tab>", AFTER);
    assert!(
        decisions.contains("opened 01:45 UTC+1 · decided 01:05 UTC"),
        "{decisions}"
    );
    let ladder = screen("<Tab><Tab><Tab>", AFTER);
    assert!(
        ladder.contains("01:10 UTC  Support through the night"),
        "{ladder}"
    );
    assert!(ladder.contains("▶ 01:10 UTC Co-design"), "{ladder}");
}

#[test]
fn the_room_view_says_the_offset_of_the_time_now() {
    let room = screen("<F2>", AFTER);
    assert!(
        room.lines()
            .next()
            .unwrap()
            .ends_with("│ 01:20 UTC (1:40:00 in)"),
        "{room}"
    );
    insta::assert_snapshot!("offsets-room", room);
}

#[test]
fn follow_plain_says_the_offset() {
    let text = std::fs::read_to_string(run::fixture(ACROSS)).unwrap();
    let session = coproduce::session::parse(&text).unwrap();
    let mut later = session.clone();
    later.turns.last_mut().unwrap().secs = Some(60);
    let now: coproduce::session::Time = AFTER.parse().unwrap();
    let said = coproduce::ui::plain::sentences(Some((&session, now)), &later, now);
    assert!(!said.is_empty());
    for line in &said {
        assert!(line.starts_with("01:20 UTC "), "{line}");
    }
}

#[test]
fn a_meeting_in_one_offset_shows_times_as_before() {
    // Ten to one, before the clocks went back: every time so far is BST.
    let (_dir, path) = scratch(ACROSS);
    let text = std::fs::read_to_string(&path).unwrap();
    let before: String = text
        .lines()
        .filter(|l| !l.contains("+00:00"))
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .replace("    decided: \n", "");
    let before = before
        .replace("    state: agreed\n", "    state: open\n")
        .replace("ladder:\n", "")
        .replace("    item: nights\n    rung: co-design\n", "");
    std::fs::write(&path, before).unwrap();
    let check = run::coproduce(&["check", path.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    for keys in ["", "<F2>", "<Tab><Tab>"] {
        let shown = render_with(
            &path,
            "2026-10-25T00:50:00+01:00",
            keys,
            &["--dry-run", "--size", "100x30"],
        );
        assert!(!shown.contains("UTC"), "{keys}: {shown}");
        assert!(shown.contains("00:50"), "{keys}: {shown}");
    }
}

#[test]
fn the_minutes_say_each_times_offset_across_the_clocks_changing() {
    let path = run::fixture(ACROSS);
    let args = ["report", path.to_str().unwrap()];
    let minutes = run::succeeded(&args, &run::coproduce(&args));
    assert!(
        minutes.contains("| Meeting | 12:30 am (UTC+1) to 1:10 am (UTC) (not ended in the file"),
        "{minutes}"
    );
    assert!(minutes.contains("decided at 1:05 am (UTC)"), "{minutes}");
    assert!(minutes.contains("| 1:10 am (UTC) |"), "{minutes}");
}

#[test]
fn the_easy_read_minutes_say_the_clocks_changed_and_the_true_length() {
    let path = run::fixture(ACROSS);
    let args = ["report", "--easy-read", path.to_str().unwrap()];
    let easy = run::succeeded(&args, &run::coproduce(&args));
    assert!(
        easy.contains("It ended at 1:10 am.\\\n  The clocks changed during the meeting.\\\n  It took 1 hour 40 minutes in all."),
        "{easy}"
    );
    let one_offset = run::fixture("peoples_time/meeting.yaml");
    let args = ["report", "--easy-read", one_offset.to_str().unwrap()];
    let easy = run::succeeded(&args, &run::coproduce(&args));
    assert!(!easy.contains("clocks changed"), "{easy}");
}
