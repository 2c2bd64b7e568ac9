//! SIGTERM and SIGHUP: the terminal closed, the laptop lid, ssh dropped, a
//! shutdown. The handler only notes when the signal came; the event loop
//! sees it within a second, closes the open turn at that moment, saves,
//! restores the terminal and exits 0.

use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration;

use chrono::{DateTime, Local};

use crate::session::Time;

/// Unix seconds when a stop signal came; 0 while none has.
static STOP_AT: AtomicI64 = AtomicI64::new(0);

/// Set once the loop has begun to stop on its own, so the guard stands down.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// How long the loop has to notice a stop before the guard acts for it.
const GRACE: Duration = Duration::from_millis(1500);

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

/// Says the loop has seen the stop and is saving and leaving by itself.
pub fn acknowledge_stop() {
    STOPPING.store(true, Ordering::SeqCst);
}

/// Watches, beside the loop, for a stop the loop cannot see: crossterm spins
/// without end reading a terminal that hangs up mid-read, so the loop may
/// never come back to look. On a hang-up or a stop signal the guard gives
/// the loop [`GRACE`] to acknowledge it; if it does not, the guard calls
/// `rescue` with the moment of the stop (to save what it can) and ends the
/// process with status 0.
pub fn guard(rescue: impl FnOnce(Time) + Send + 'static) {
    std::thread::spawn(move || {
        let at = loop {
            let mut poll = libc::pollfd {
                fd: libc::STDIN_FILENO,
                events: 0,
                revents: 0,
            };
            // SAFETY: one pollfd that lives across the call. With no events
            // asked for, only a hang-up or an error wakes it.
            let woke = unsafe { libc::poll(&mut poll, 1, 200) };
            if woke > 0 && poll.revents & (libc::POLLHUP | libc::POLLERR) != 0 {
                on_stop(libc::SIGHUP);
            } else if woke != 0 {
                // No terminal to watch (or an interrupted wait): look again
                // later rather than spin.
                std::thread::sleep(Duration::from_millis(200));
            }
            if let Some(at) = stop_requested() {
                break at;
            }
        };
        let deadline = std::time::Instant::now() + GRACE;
        while std::time::Instant::now() < deadline {
            if STOPPING.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        rescue(at);
        std::process::exit(0);
    });
}
