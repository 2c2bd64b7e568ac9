//! SIGTERM and SIGHUP: the terminal closed, the laptop lid, ssh dropped, a
//! shutdown. The handler only notes when the signal came; the event loop
//! sees it within a second, closes the open turn at that moment, saves,
//! restores the terminal and exits 0.

use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Local};

use crate::session::Time;

/// Unix seconds when a stop signal came; 0 while none has.
static STOP_AT: AtomicI64 = AtomicI64::new(0);

extern "C" fn on_stop(_signal: libc::c_int) {
    // SAFETY: time(2) is async-signal-safe, and a null pointer asks only
    // for the return value.
    let now = unsafe { libc::time(std::ptr::null_mut()) };
    STOP_AT.store(now.max(1), Ordering::SeqCst);
}

/// Routes SIGTERM and SIGHUP to the loop instead of ending the process.
pub fn install() {
    let handler = on_stop as extern "C" fn(libc::c_int) as libc::sighandler_t;
    for signal in [libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: the handler only stores to an atomic, which is
        // async-signal-safe; nothing else is replaced.
        unsafe {
            libc::signal(signal, handler);
        }
    }
}

/// What the terminal had for the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    /// Nothing came in the time given.
    Quiet,
    /// Something to read (a key, a paste), or the wait was cut short.
    Input,
    /// The terminal hung up: taken as the SIGHUP it stands for, whichever
    /// of the two the loop sees first.
    Gone,
}

/// Waits up to `millis` for the terminal on standard input.
pub fn wait_for_terminal(millis: i32) -> Readiness {
    let mut poll = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one pollfd that lives across the call.
    let ready = unsafe { libc::poll(&mut poll, 1, millis) };
    if ready == 0 {
        Readiness::Quiet
    } else if ready > 0 && poll.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        on_stop(libc::SIGHUP);
        Readiness::Gone
    } else {
        // Input, or a signal cut the wait (EINTR): the loop looks again.
        Readiness::Input
    }
}

/// When a stop signal came, if one has.
pub fn stop_requested() -> Option<Time> {
    match STOP_AT.load(Ordering::SeqCst) {
        0 => None,
        secs => DateTime::from_timestamp(secs, 0).map(|t| t.with_timezone(&Local).fixed_offset()),
    }
}
