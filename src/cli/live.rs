//! `coproduce SESSION.yaml`: the meeting, live in the terminal.

use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;

use super::Outcome;
use super::keys::KeysFile;
use super::open::{Look, Opened, open, screen_profile};
use crate::terminal::{event_loop, now};

/// Runs the meeting in `path` until the facilitator quits.
pub fn run(path: &Path, look: &Look, keys: &KeysFile) -> Outcome {
    let profile = screen_profile(look)?;
    let Opened {
        mut app,
        document,
        themes,
        theme,
        lock: _lock,
    } = open(path, now(), look, keys, false)?;
    // Earlier sessions do not change during the meeting: read once, after
    // the first frame and off the UI thread, so no folder delays the start.
    app.ladder.reading_earlier = true;
    let (this_file, date) = (path.to_path_buf(), app.session.date);
    let earlier = move || crate::store::folder::trend_later(this_file, date);
    let (themes, theme) = (themes.for_profile(profile), theme.for_profile(profile));
    if let Some(problem) = event_loop::run(app, &themes, &theme, document, earlier)? {
        bail!("{problem}");
    }
    Ok(ExitCode::SUCCESS)
}
