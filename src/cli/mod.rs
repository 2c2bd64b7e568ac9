//! One file a command: each holds its clap arguments and a `run` that opens
//! what the command needs (the session, the theme, the lock, the keymap)
//! and hands over to the library. `main.rs` only dispatches.

pub mod check;
pub mod demo;
pub mod error;
pub mod follow;
pub mod follow_plain;
pub mod keys;
pub mod live;
pub mod new;
pub mod open;
pub mod render;
pub mod report;
pub mod sample;
pub mod schema;
pub mod serve;
pub mod themes;
pub mod trends;

use std::io::Write;
use std::process::ExitCode;

/// Like `eprintln!`, but a terminal that has gone (a hang-up) is not a
/// reason to panic on the way out, and every control, bidi or invisible
/// character in the message (a file name, a theme's bad value, a lock's
/// user) is shown as a visible escape: stderr is the terminal too.
#[macro_export]
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = format!($($arg)*);
        let _ = writeln!(std::io::stderr(), "{}", $crate::text::visible_lines(&line));
    }};
}

/// What a command ends with: success, or the exit status of a finding
/// (`check` and `themes` exit 1 when something falls short).
pub type Outcome = anyhow::Result<ExitCode>;

/// Writes `text` to standard output, with every control, bidi or
/// invisible character shown as a visible escape (line breaks and tabs
/// kept): the one door to stdout for report, trends, render and the rest.
pub fn print(text: &str) -> Outcome {
    std::io::stdout().write_all(crate::text::printable_output(text).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Exit 0 when `clean`, else 1.
pub fn status(clean: bool) -> ExitCode {
    if clean {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
