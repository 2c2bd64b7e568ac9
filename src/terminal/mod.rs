//! The terminal: taken over for a full screen and given back on every exit
//! path (panics and hang-ups included), stop signals, and key presses. The
//! live app and `follow` share all of it; only this layer reads the system
//! clock or the keyboard.

pub mod event_loop;
pub mod keys;
pub mod platform;
pub mod signals;

use std::io::{self, Write, stdout};
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};
use std::time::Duration;

use chrono::Local;
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use crate::app::keys::Key;
use crate::session::Time;
use signals::Readiness;

/// The time now, as the meeting records it.
pub fn now() -> Time {
    Local::now().fixed_offset()
}

/// The terminal while a full screen is up. Dropping it gives the terminal
/// back: raw mode off, the main screen, the cursor shown, paste as keys.
pub struct Screen {
    /// Never dropped: ratatui's own drop would try to restore again and
    /// panic printing its failure to a terminal that has hung up.
    terminal: ManuallyDrop<DefaultTerminal>,
}

impl Screen {
    /// Takes the terminal over. `panic_note` is printed (after the terminal
    /// is given back) if anything panics; `rescue` runs if a stop signal or
    /// hang-up comes while the loop is stuck and cannot see it, with the
    /// moment of the stop, before the process ends.
    pub fn take(
        panic_note: String,
        rescue: impl FnOnce(Time) + Send + 'static,
    ) -> io::Result<Screen> {
        install_panic_note(panic_note);
        signals::install();
        signals::guard(move |at| {
            rescue(at);
            let _ = ratatui::try_restore();
        });
        let terminal = ratatui::try_init()?;
        let screen = Screen {
            terminal: ManuallyDrop::new(terminal),
        };
        // Pasted text arrives whole, not as keys that could save a form early.
        execute!(stdout(), EnableBracketedPaste)?;
        Ok(screen)
    }
}

impl Deref for Screen {
    type Target = DefaultTerminal;
    fn deref(&self) -> &DefaultTerminal {
        &self.terminal
    }
}

impl DerefMut for Screen {
    fn deref_mut(&mut self) -> &mut DefaultTerminal {
        &mut self.terminal
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        // Nothing here may panic or print with `eprintln!`: after a hang-up
        // every write to the terminal fails, and a panic in a drop aborts.
        let _ = execute!(stdout(), DisableBracketedPaste);
        let _ = ratatui::try_restore();
        // ratatui's restore leaves the cursor hidden.
        let _ = execute!(stdout(), Show);
    }
}

/// Shows the cursor and prints `note` when anything panics; ratatui's own
/// hook (installed by `init`) leaves raw mode and the alternate screen first.
/// A panic the app catches and reports itself is left to it: the meeting
/// goes on, on its screen.
fn install_panic_note(note: String) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if crate::caught::is_caught() {
            return;
        }
        previous(info);
        let _ = execute!(stdout(), Show);
        let _ = writeln!(io::stderr(), "{note}");
    }));
}

/// What came from the terminal while waiting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Nothing in the time given.
    Quiet,
    /// The terminal hung up: stop as for SIGHUP.
    Gone,
    /// A key press.
    Key(Key),
    /// Text pasted whole (bracketed paste).
    Paste(String),
    /// Something else (a resize, a key release, a key the app has no name for).
    Other,
}

/// Waits up to `millis` for the next thing from the terminal. Events
/// crossterm has already read come first.
pub fn next_input(millis: i32) -> io::Result<Input> {
    if !event::poll(Duration::ZERO)? {
        // The terminal is watched here rather than in crossterm's poll, which
        // spins without end on a terminal that has hung up.
        match signals::wait_for_terminal(millis) {
            Readiness::Quiet => return Ok(Input::Quiet),
            Readiness::Gone => return Ok(Input::Gone),
            Readiness::Input => {}
        }
        if !event::poll(Duration::ZERO)? {
            return Ok(Input::Other);
        }
    }
    Ok(match event::read()? {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            keys::key_from(k).map_or(Input::Other, Input::Key)
        }
        Event::Paste(text) => Input::Paste(text),
        _ => Input::Other,
    })
}
