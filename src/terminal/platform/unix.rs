//! The Unix side: signals through signal-hook, the terminal through poll(2).

use std::io;
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

use super::Readiness;

pub(super) fn on_stop_requests(stop: impl Fn() + Send + 'static) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        for _ in signals.forever() {
            stop();
        }
    });
    Ok(())
}

/// poll(2) on standard input for `events`, and what it said.
fn poll_stdin(events: libc::c_short, millis: i32) -> (libc::c_int, libc::c_short) {
    let mut poll = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events,
        revents: 0,
    };
    // SAFETY: one pollfd that lives across the call.
    let woke = unsafe { libc::poll(&mut poll, 1, millis) };
    (woke, poll.revents)
}

pub(super) fn wait_for_terminal(millis: i32) -> Readiness {
    match poll_stdin(libc::POLLIN, millis) {
        (0, _) => Readiness::Quiet,
        (1.., revents) if revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 => {
            Readiness::Gone
        }
        // Input, or a signal cut the wait (EINTR): the loop looks again.
        _ => Readiness::Input,
    }
}

pub(super) fn terminal_gone(millis: i32) -> bool {
    // With no events asked for, only a hang-up or an error wakes it.
    let (woke, revents) = poll_stdin(0, millis);
    if woke > 0 && revents & (libc::POLLHUP | libc::POLLERR) != 0 {
        return true;
    }
    if woke != 0 {
        // No terminal to watch (or an interrupted wait): wait out the time
        // rather than spin.
        std::thread::sleep(Duration::from_millis(millis.max(0).unsigned_abs().into()));
    }
    false
}
