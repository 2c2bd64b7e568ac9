//! Running the real binary in a pseudo-terminal, for tests that need a
//! terminal: everything it draws is drained (so it never blocks on a full
//! terminal) and kept, and keys and signals can be sent to it.
#![allow(dead_code)]

use std::fs::File;
use std::io::Write;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The binary running in a pseudo-terminal.
pub struct Live {
    pub child: Child,
    /// `None` once the terminal has been closed (`hang_up`).
    master: Option<File>,
    screen: Arc<Mutex<Vec<u8>>>,
    stop_draining: Arc<AtomicBool>,
    drain: Option<JoinHandle<()>>,
    /// The terminal's size, for replaying what it shows.
    cols: u16,
    rows: u16,
}

fn open_pty(cols: u16, rows: u16) -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
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
    // SAFETY: a flag on a descriptor we just opened, so the child does not
    // inherit the master side.
    unsafe {
        libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
    }
    // SAFETY: both are fresh descriptors owned by nothing else.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
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
    /// Starts `coproduce ARGS` on a `cols` x `rows` terminal of its own.
    pub fn start(args: &[&std::ffi::OsStr], cols: u16, rows: u16) -> Live {
        Live::start_with(args, cols, rows, |_| {})
    }

    /// As [`Live::start`], with `setup` adding to the command (its
    /// environment).
    pub fn start_with(
        args: &[&std::ffi::OsStr],
        cols: u16,
        rows: u16,
        setup: impl FnOnce(&mut Command),
    ) -> Live {
        let program = std::path::Path::new(env!("CARGO_BIN_EXE_coproduce"));
        Live::start_program(program, args, cols, rows, setup)
    }

    /// As [`Live::start_with`], running `program` instead of `coproduce`
    /// (a benchmark's baseline).
    pub fn start_program(
        program: &std::path::Path,
        args: &[&std::ffi::OsStr],
        cols: u16,
        rows: u16,
        setup: impl FnOnce(&mut Command),
    ) -> Live {
        let (master, slave) = open_pty(cols, rows);
        let mut command = Command::new(program);
        command
            .args(args)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR");
        // After the defaults, so a test can set its own TERM.
        setup(&mut command);
        command
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec: a new
        // session whose controlling terminal is the pseudo-terminal.
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
                // SAFETY: one pollfd on a descriptor kept open until this
                // thread has been joined.
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
            cols,
            rows,
        }
    }

    /// Whether `text` was ever written to the terminal in one piece.
    pub fn has_drawn(&self, text: &str) -> bool {
        self.drawn_since(0).contains(text)
    }

    /// What the terminal shows now, row by row: everything drawn so far
    /// replayed onto its grid. Needed where a frame only rewrites the cells
    /// that changed, so new text may never be written in one piece.
    pub fn shown(&self) -> String {
        replay(&self.drawn_since(0), self.cols.into(), self.rows.into())
    }

    /// Everything drawn since `from` bytes in, as text (escapes and all).
    pub fn drawn_since(&self, from: usize) -> String {
        let screen = self.screen.lock().unwrap();
        String::from_utf8_lossy(&screen[from.min(screen.len())..]).into_owned()
    }

    /// How many bytes have been drawn so far.
    pub fn drawn_len(&self) -> usize {
        self.screen.lock().unwrap().len()
    }

    /// Types `keys` at the terminal.
    pub fn send(&mut self, keys: &[u8]) {
        let master = self.master.as_mut().expect("the terminal is open");
        master.write_all(keys).unwrap();
        master.flush().unwrap();
    }

    /// Closes the terminal's master side, as closing a terminal window does:
    /// the kernel hangs up on the session.
    pub fn hang_up(&mut self) {
        self.stop_draining.store(true, Ordering::SeqCst);
        if let Some(drain) = self.drain.take() {
            drain.join().unwrap();
        }
        self.master = None;
    }

    /// Sends `signal` to the process.
    pub fn signal(&self, signal: libc::c_int) {
        // SAFETY: sending a signal to our own child.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, signal);
        }
    }

    /// Waits up to ten seconds for the process to exit.
    pub fn exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the process did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.stop_draining.store(true, Ordering::SeqCst);
        if let Some(drain) = self.drain.take() {
            let _ = drain.join();
        }
    }
}

/// Replays terminal output onto a grid: printable characters, cursor
/// moves (`ESC [ row ; col H`), line breaks and clears; every other escape
/// sequence (colours, modes, titles) is skipped.
fn replay(output: &str, cols: usize, rows: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut grid = vec![vec![' '; cols]; rows];
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
                        'J' if params == "2" => grid = vec![vec![' '; cols]; rows],
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

/// A meeting file titled `title` (the first frame shows it) with two people
/// who hold floor keys: Beve (`b`) and Dulcie (`d`), both lived experience.
/// (The keys here come milliseconds apart, faster than any facilitator:
/// `slip_secs: 0` keeps each floor change a turn rather than a correction.)
pub fn two_people(title: &str) -> String {
    format!(
        "format: 1
title: {title}
board: Test board
date: 2026-11-22
settings:
  slip_secs: 0
roles:
  - {{ id: lived, label: Lived experience }}
participants:
  - {{ id: beve, name: Beve, role: lived, key: b }}
  - {{ id: dulcie, name: Dulcie, role: lived, key: d }}
"
    )
}
