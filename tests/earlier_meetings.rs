//! The live app in a real pseudo-terminal reads the earlier meetings in its
//! folder after the first frame, off the UI thread (issue 21): the meeting
//! opens and takes keys while they are read, a hostile file beside it is
//! skipped and said so, and the trend reaches the Ladder pane when read.

mod pty;

use pty::{Live, wait_for};

/// An earlier session on `date` judged on `rung` as a whole meeting.
fn earlier(date: &str, rung: &str) -> String {
    format!(
        "format: 1\ntitle: Board\nboard: Test board\ndate: {date}
ladder: [{{ at: {date}T10:00:00+00:00, rung: {rung} }}]\n"
    )
}

#[test]
fn the_trend_reaches_the_ladder_pane_of_the_live_app_and_a_hostile_file_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "2026-09-20-board.yaml",
        &earlier("2026-09-20", "engagement"),
    );
    write("2026-10-18-board.yaml", &earlier("2026-10-18", "co-design"));
    // Too deep for any parser: refused by the hostile-file limits.
    write(
        "deep.yaml",
        &format!("format: 1\ntitle: {}", "[".repeat(1_000_000)),
    );
    let path = dir.path().join("meeting.yaml");
    std::fs::write(&path, pty::two_people("Earlier meetings")).unwrap();
    let mut live = Live::start(&[path.as_os_str()], 120, 40);
    wait_for("the first frame", || live.has_drawn("Earlier meetings"));
    // Shift-Tab: from the Agenda pane back round to the Ladder pane.
    live.send(b"\x1b[Z");
    wait_for("the trend on the Ladder pane", || {
        let shown = live.shown();
        shown.contains("2026-09-20") && shown.contains("2026-10-18") && shown.contains("deep.yaml")
    });
    let shown = live.shown();
    assert!(!shown.contains("reading earlier meetings"), "{shown}");
    assert!(shown.contains("Co-design"), "{shown}");
    assert!(shown.contains("⚠ skipped deep.yaml"), "{shown}");
    // Ctrl-Q: the meeting closes as ever.
    live.send(b"\x11");
    assert!(live.exit().success());
}
