//! The live app in a real pseudo-terminal, stopped the ways a meeting laptop
//! is stopped: SIGTERM (a shutdown) and a hang-up (the terminal closed, ssh
//! dropped). Each time the open turn is closed, the file is saved, the lock
//! is removed and the app exits 0.
//!
//! These tests wait on a real process, so they poll with a deadline; the
//! meeting's own times are checked against the file, never against sleeps.
// A pseudo-terminal, Unix signals or Unix files: not on Windows.
#![cfg(unix)]

mod pty;

use std::path::{Path, PathBuf};

use coproduce::session::Session;
use coproduce::store::load;
use pty::{Live, wait_for};

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.yaml");
    std::fs::write(&path, pty::two_people("Signals")).unwrap();
    (dir, path)
}

fn saved(path: &Path) -> Session {
    load(path).unwrap_or_else(|e| panic!("{e}")).session
}

/// Starts the app, gives Beve the floor, and waits until that is on disk.
fn floor_to_beve(path: &Path) -> Live {
    let mut live = Live::start(&[path.as_os_str()], 100, 30);
    wait_for("the first frame", || {
        live.drawn_since(0).contains("Signals")
    });
    // Keys are read in order: Tab to the Balance pane, then Beve's key.
    live.send(b"\tb");
    wait_for("Beve's turn on disk", || {
        std::fs::read_to_string(path).is_ok_and(|t| t.contains("who: beve"))
    });
    live
}

/// The app exited 0 with the lock gone and the turn closed between
/// `from` and `to`, the moments around the stop (whole seconds).
fn assert_stopped_cleanly(live: &mut Live, path: &Path, from: i64, to: i64) {
    let status = live.exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    let session = saved(path);
    assert_eq!(session.turns.len(), 1);
    let turn = &session.turns[0];
    let secs = turn.secs.expect("the open turn was closed") as i64;
    let ended = turn.at.timestamp() + secs;
    assert!(
        (from..=to).contains(&ended),
        "the turn ended at {ended}, not when the app was stopped ({from}-{to})"
    );
    let lock = path.with_file_name(".meeting.yaml.lock");
    assert!(!lock.exists(), "the lock was removed");
}

#[test]
fn sigterm_closes_the_open_turn_saves_and_exits_0() {
    let (_dir, path) = scratch();
    let mut live = floor_to_beve(&path);
    let from = unix_now();
    live.signal(libc::SIGTERM);
    let to = unix_now() + 1;
    assert_stopped_cleanly(&mut live, &path, from, to);
}

#[test]
fn closing_the_terminal_closes_the_open_turn_saves_and_exits_0() {
    let (_dir, path) = scratch();
    let mut live = floor_to_beve(&path);
    let from = unix_now();
    // The kernel hangs up on the session when the master side closes.
    live.hang_up();
    let to = unix_now() + 1;
    assert_stopped_cleanly(&mut live, &path, from, to);
}
