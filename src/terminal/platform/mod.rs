//! What the terminal is like on each system, for the terminal layer alone:
//! stop requests and a terminal that has gone. Each need is one function
//! with a Unix and a Windows side, so `signals` never asks which system it
//! is on.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as system;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as system;

use std::io;

/// What the terminal had for the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    /// Nothing came in the time given.
    Quiet,
    /// Something to read (a key, a paste), or the wait was cut short.
    Input,
    /// The terminal hung up.
    Gone,
}

/// Calls `stop` (on a thread of its own, never inside a signal handler)
/// each time the system asks the app to stop: SIGTERM or SIGHUP on Unix
/// (a shutdown, the terminal closed, ssh dropped); on Windows the console
/// closing, Ctrl-Break, the user logging off or the machine shutting down.
///
/// # Errors
/// When the handler cannot be installed (it is installed once a process).
pub fn on_stop_requests(stop: impl Fn() + Send + 'static) -> io::Result<()> {
    system::on_stop_requests(stop)
}

/// Waits up to `millis` for the terminal on standard input to have
/// something to read, or to hang up.
pub fn wait_for_terminal(millis: i32) -> Readiness {
    system::wait_for_terminal(millis)
}

/// Waits up to `millis` for the terminal to hang up, without reading it:
/// `true` once it has. (On Windows a closing console is a stop request
/// instead, so this only waits.)
pub fn terminal_gone(millis: i32) -> bool {
    system::terminal_gone(millis)
}
