//! `coproduce follow`: a writer saves the session 50 times while a
//! follower reads, and the follower only ever holds whole states, in order,
//! ending on the last; and the real binary in a pseudo-terminal follows
//! saves beside the app's lock, notes a missing file, never writes, and
//! exits 0 on SIGTERM.
// A pseudo-terminal, Unix signals or Unix files: not on Windows.
#![cfg(unix)]

mod pty;

use std::path::{Path, PathBuf};
use std::time::Instant;

use coproduce::cli::follow::{Follower, Poll};
use coproduce::session::write::to_yaml;
use coproduce::session::{Session, Time};
use coproduce::store::lock::SessionLock;
use coproduce::store::save::write_atomic;
use pty::{Live, wait_for};

fn good() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good.yaml");
    coproduce::store::load(&path).unwrap().session
}

/// The `k`th save: a title of one letter repeated, so that every character
/// of it changes from one save to the next, and a place that grows, so the
/// file's length changes too.
fn state(base: &Session, k: usize) -> Session {
    let mut s = base.clone();
    let letter = char::from(b'A' + (k % 26) as u8);
    s.title = format!("{}{k}", letter.to_string().repeat(12));
    s.place = Some(format!("Room {k} {}", "x".repeat(k * 37)));
    s
}

fn scratch(first: &Session) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.yaml");
    write_atomic(&path, to_yaml(first).as_bytes()).unwrap();
    (dir, path)
}

fn at(secs: i64) -> Time {
    Time::parse_from_rfc3339("2026-11-22T10:00:00+00:00").unwrap() + chrono::Duration::seconds(secs)
}

#[test]
fn fifty_saves_are_followed_whole_and_in_order_to_the_last() {
    const SAVES: usize = 50;
    let base = good();
    let states: Vec<Session> = (0..=SAVES).map(|k| state(&base, k)).collect();
    let (_dir, path) = scratch(&states[0]);
    let mut follower = Follower::open(&path, at(0)).unwrap();
    let writer = {
        let (path, states) = (path.clone(), states.clone());
        std::thread::spawn(move || {
            for state in &states[1..] {
                write_atomic(&path, to_yaml(state).as_bytes()).unwrap();
            }
        })
    };
    let mut seen = vec![0];
    let mut tick = 0;
    loop {
        // Looked at before the poll, so the last poll comes after the last save.
        let done = writer.is_finished();
        tick += 1;
        match follower.poll(at(tick)) {
            Poll::Changed => {
                let k = states
                    .iter()
                    .position(|s| s == follower.session())
                    .unwrap_or_else(|| {
                        panic!("a state never saved: {:?}", follower.session().title)
                    });
                assert!(
                    k > *seen.last().unwrap(),
                    "went back to save {k} after {seen:?}"
                );
                assert_eq!(follower.updated(), at(tick));
                seen.push(k);
            }
            Poll::Problem => panic!("{:?}", follower.problem()),
            Poll::Unchanged => {}
        }
        if done {
            break;
        }
        std::thread::yield_now();
    }
    writer.join().unwrap();
    assert_eq!(seen.last(), Some(&SAVES), "{seen:?}");
    assert_eq!(follower.session(), &states[SAVES]);
    println!("the follower saw {} of the {SAVES} saves", seen.len() - 1);
}

#[test]
fn the_binary_follows_saves_beside_the_lock_and_exits_0_on_sigterm() {
    let base = good();
    let (dir, path) = scratch(&state(&base, 0));
    // The facilitator's app holds the lock; follow must work all the same.
    let lock = SessionLock::acquire(&path, "2026-11-22 10:00").unwrap();
    let lock_file = coproduce::store::lock::lock_path(&path);
    let lock_text = std::fs::read(&lock_file).unwrap();

    let mut live = Live::start(&["follow".as_ref(), path.as_os_str()], 100, 30);
    // A frame can reach the terminal in several reads: wait for all of it.
    wait_for("the first state, with when it was updated", || {
        let drawn = live.drawn_since(0);
        drawn.contains(&state(&base, 0).title) && drawn.contains("updated")
    });

    let mut slowest = 0;
    for k in 1..=5 {
        let from = live.drawn_len();
        let saved = Instant::now();
        write_atomic(&path, to_yaml(&state(&base, k)).as_bytes()).unwrap();
        wait_for("the new state", || {
            live.drawn_since(from).contains(&state(&base, k).title)
        });
        slowest = slowest.max(saved.elapsed().as_millis());
    }
    println!("slowest reload: {slowest} ms");
    assert!(slowest < 2_000, "{slowest} ms");

    // Briefly missing: the last state stays, with a note.
    let from = live.drawn_len();
    std::fs::remove_file(&path).unwrap();
    wait_for("the note", || live.drawn_since(from).contains("missing"));
    let last = to_yaml(&state(&base, 6));
    let from = live.drawn_len();
    write_atomic(&path, last.as_bytes()).unwrap();
    wait_for("the last state", || {
        live.drawn_since(from).contains(&state(&base, 6).title)
    });

    live.signal(libc::SIGTERM);
    let status = live.exit();
    assert_eq!(status.code(), Some(0), "{status:?}");
    // Nothing was written: the file, the lock and the folder are as left.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), last);
    assert_eq!(std::fs::read(&lock_file).unwrap(), lock_text);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".meeting.yaml.lock", "meeting.yaml"]);
    drop(lock);
}

#[test]
fn quit_keys_end_it_with_0() {
    let (_dir, path) = scratch(&good());
    for key in [&b"q"[..], b"\x1b", b"\x11", b"\x03"] {
        let mut live = Live::start(&["follow".as_ref(), path.as_os_str()], 80, 24);
        wait_for("the first frame", || {
            live.drawn_since(0).contains("updated")
        });
        live.send(key);
        let status = live.exit();
        assert_eq!(status.code(), Some(0), "{key:?}: {status:?}");
    }
}
