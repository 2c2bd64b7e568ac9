//! SIGTERM and SIGHUP (on Windows the console closing, logoff, shutdown):
//! the terminal closed, the laptop lid, ssh dropped, a shutdown. The
//! handler only notes when the signal came; the event loop sees it within a
//! second, closes the open turn at that moment, saves, restores the
//! terminal and exits 0.

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

/// Notes that a stop was asked for, now.
fn note_stop() {
    STOP_AT.store(Local::now().timestamp().max(1), Ordering::SeqCst);
}

/// Routes the system's stop requests (SIGTERM and SIGHUP; on Windows the
/// console closing, logoff and shutdown) to the loop instead of ending the
/// process.
pub fn install() {
    // Installed once a process; a second call keeps the first.
    let _ = super::platform::on_stop_requests(note_stop);
}

pub use super::platform::Readiness;

/// Waits up to `millis` for the terminal on standard input. A hang-up is
/// taken as the SIGHUP it stands for, whichever of the two the loop sees
/// first.
pub fn wait_for_terminal(millis: i32) -> Readiness {
    let ready = super::platform::wait_for_terminal(millis);
    if ready == Readiness::Gone {
        note_stop();
    }
    ready
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
            if super::platform::terminal_gone(200) {
                note_stop();
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
