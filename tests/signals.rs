//! The live app in a real pseudo-terminal, stopped the ways a meeting laptop
//! is stopped: SIGTERM (a shutdown) and a hang-up (the terminal closed, ssh
//! dropped). Each time the open turn is closed, the file is saved, the lock
//! is removed and the app exits 0.
//!
//! These tests wait on a real process, so they poll with a deadline; the
//! meeting's own times are checked against the file, never against sleeps.

use std::fs::File;
use std::io::Write;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use coproduce::session::{Session, load};

const SESSION: &str = "format: 1
title: Signals
board: Test board
date: 2026-11-22
roles:
  - { id: lived, label: Lived experience }
participants:
  - { id: beve, name: Beve, role: lived, key: b }
  - { id: dulcie, name: Dulcie, role: lived, key: d }
";

/// The app running in a pseudo-terminal, with everything it draws drained
/// so that it never blocks on a full terminal.
struct Live {
    child: Child,
    master: Option<File>,
    screen: Arc<Mutex<Vec<u8>>>,
    /// Tells the drain to let go of the terminal, and its thread.
    stop_draining: Arc<AtomicBool>,
    drain: Option<JoinHandle<()>>,
}

fn open_pty() -> (OwnedFd, OwnedFd) {
    let mut master = 0;
    let mut slave = 0;
    let size = libc::winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two descriptors, which we then own.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    // The app must not inherit the master side, or closing ours would not
    // close the terminal.
    // SAFETY: setting a flag on a descriptor we just opened.
    unsafe {
        libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
    }
    // SAFETY: both are fresh descriptors owned by nothing else.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

fn start(path: &Path) -> Live {
    let (master, slave) = open_pty();
    let mut command = Command::new(env!("CARGO_BIN_EXE_coproduce"));
    command
        .arg(path)
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe calls between fork and exec: a new
    // session whose controlling terminal is the pseudo-terminal, as a
    // terminal emulator sets it up.
    unsafe {
        command.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = command.spawn().expect("the binary starts");
    let master = File::from(master);
    let screen = Arc::new(Mutex::new(Vec::new()));
    // The drain borrows the descriptor (never closing it), so that dropping
    // `master` after the drain stops really closes the terminal.
    let fd = master.as_raw_fd();
    let sink = Arc::clone(&screen);
    let stop_draining = Arc::new(AtomicBool::new(false));
    let stop = Arc::clone(&stop_draining);
    let drain = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while !stop.load(Ordering::SeqCst) {
            let mut poll = libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one pollfd on a descriptor the test keeps open until
            // this thread has been joined.
            if unsafe { libc::poll(&mut poll, 1, 20) } <= 0 {
                continue;
            }
            // SAFETY: as above; `buf` is ours.
            let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n as usize]);
        }
    });
    Live {
        child,
        master: Some(master),
        screen,
        stop_draining,
        drain: Some(drain),
    }
}

/// Polls `ready` until it holds or ten seconds pass.
fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

impl Live {
    fn has_drawn(&self, text: &str) -> bool {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).contains(text)
    }

    fn send(&mut self, keys: &[u8]) {
        let master = self.master.as_mut().unwrap();
        master.write_all(keys).unwrap();
        master.flush().unwrap();
    }

    /// Closes the terminal's master side, as closing a terminal window does.
    fn hang_up(&mut self) {
        self.stop_draining.store(true, Ordering::SeqCst);
        if let Some(drain) = self.drain.take() {
            drain.join().unwrap();
        }
        self.master = None;
    }

    fn exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the app did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.yaml");
    std::fs::write(&path, SESSION).unwrap();
    (dir, path)
}

fn saved(path: &Path) -> Session {
    load(path).unwrap_or_else(|e| panic!("{e}")).session
}

/// Starts the app, gives Beve the floor, and waits until that is on disk.
fn floor_to_beve(path: &Path) -> Live {
    let mut live = start(path);
    wait_for("the first frame", || live.has_drawn("Signals"));
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
    // SAFETY: sending a signal to our own child.
    unsafe {
        libc::kill(live.child.id() as libc::pid_t, libc::SIGTERM);
    }
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
