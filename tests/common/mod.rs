//! The live app in a real pseudo-terminal, for the tests that must drive
//! the binary as a facilitator's terminal does.

// Each test file uses a part of the harness.
#![allow(dead_code)]

use std::fs::File;
use std::io::Write;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The app running in a pseudo-terminal, with everything it draws drained
/// so that it never blocks on a full terminal.
pub struct Live {
    pub child: Child,
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

/// Starts the app on `path` in a new pseudo-terminal of 100x30.
pub fn start(path: &Path) -> Live {
    start_with(path, |_| {})
}

/// As [`start`], with `setup` adding to the command (its environment).
pub fn start_with(path: &Path, setup: impl FnOnce(&mut Command)) -> Live {
    let (master, slave) = open_pty();
    let mut command = Command::new(env!("CARGO_BIN_EXE_coproduce"));
    setup(&mut command);
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
pub fn wait_for(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

impl Live {
    /// Whether `text` was ever written to the terminal in one piece.
    pub fn has_drawn(&self, text: &str) -> bool {
        String::from_utf8_lossy(&self.screen.lock().unwrap()).contains(text)
    }

    /// What the terminal shows now, row by row: everything drawn so far
    /// replayed onto a 100x30 grid. Needed where a frame only rewrites the
    /// cells that changed, so new text may never be written in one piece.
    pub fn shown(&self) -> String {
        replay(&String::from_utf8_lossy(&self.screen.lock().unwrap()))
    }

    pub fn send(&mut self, keys: &[u8]) {
        let master = self.master.as_mut().unwrap();
        master.write_all(keys).unwrap();
        master.flush().unwrap();
    }

    /// Closes the terminal's master side, as closing a terminal window does.
    pub fn hang_up(&mut self) {
        self.stop_draining.store(true, Ordering::SeqCst);
        if let Some(drain) = self.drain.take() {
            drain.join().unwrap();
        }
        self.master = None;
    }

    pub fn exit(&mut self) -> ExitStatus {
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

/// Replays terminal output onto a grid: printable characters, cursor
/// moves (`ESC [ row ; col H`), line breaks and clears; every other escape
/// sequence (colours, modes, titles) is skipped.
fn replay(output: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    const ROWS: usize = 30;
    const COLS: usize = 100;
    let mut grid = vec![vec![' '; COLS]; ROWS];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = output.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.next() {
                Some('[') => {
                    let mut params = String::new();
                    let mut end = '\0';
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            end = c;
                            break;
                        }
                        params.push(c);
                    }
                    let numbers: Vec<usize> =
                        params.split(';').map(|n| n.parse().unwrap_or(1)).collect();
                    match end {
                        'H' => {
                            row = numbers.first().copied().unwrap_or(1).max(1) - 1;
                            col = numbers.get(1).copied().unwrap_or(1).max(1) - 1;
                        }
                        'J' if params == "2" => grid = vec![vec![' '; COLS]; ROWS],
                        _ => {}
                    }
                }
                Some(']') => {
                    // An operating system command ends at BEL or ESC \.
                    while let Some(c) = chars.next() {
                        if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' => col = 0,
            '\n' => row += 1,
            c if c.is_control() => {}
            c => {
                if let Some(cell) = grid.get_mut(row).and_then(|r| r.get_mut(col)) {
                    *cell = c;
                }
                col += c.width().unwrap_or(1).max(1);
            }
        }
    }
    let rows: Vec<String> = grid.iter().map(|r| r.iter().collect::<String>()).collect();
    rows.join("\n")
}
