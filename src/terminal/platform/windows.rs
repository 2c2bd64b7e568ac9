//! The Windows side: console events through ctrlc, the console through
//! crossterm.

use std::io;
use std::time::Duration;

use ratatui::crossterm::event;

use super::Readiness;

pub(super) fn on_stop_requests(stop: impl Fn() + Send + 'static) -> io::Result<()> {
    // With the `termination` feature ctrlc also hears the console closing,
    // Ctrl-Break, logoff and shutdown. Windows ends the process soon after
    // a close event is answered, so the loop's save must be quick.
    ctrlc::set_handler(stop).map_err(io::Error::other)
}

pub(super) fn wait_for_terminal(millis: i32) -> Readiness {
    // A console that goes away is a stop request (CTRL_CLOSE_EVENT), not
    // something a read of it reports.
    let wait = Duration::from_millis(millis.max(0).unsigned_abs().into());
    match event::poll(wait) {
        Ok(true) => Readiness::Input,
        Ok(false) => Readiness::Quiet,
        Err(_) => Readiness::Gone,
    }
}

pub(super) fn terminal_gone(millis: i32) -> bool {
    std::thread::sleep(Duration::from_millis(millis.max(0).unsigned_abs().into()));
    false
}
