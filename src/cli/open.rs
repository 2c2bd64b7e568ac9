//! Opening a meeting for the app: the theme chosen, the file loaded and
//! locked, and leftovers of killed saves removed. The earlier meetings in
//! the folder, for the ladder's trend, are read by the caller: at once for
//! `render`, after the first frame for the live app.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use super::keys::{KeysFile, keymap};
use crate::app::App;
use crate::note;
use crate::session::Time;
use crate::store::document::Document;
use crate::store::load::load;
use crate::store::lock::SessionLock;
use crate::store::save::clean_leftovers;
use crate::theme::profile::{self, ColourChoice, Profile};
use crate::theme::{self, Theme, Themes};

/// How the screen looks.
#[derive(Args, Clone, Debug, Default)]
pub struct Look {
    /// Theme: high-contrast-dark (default), high-contrast-light,
    /// yellow-on-black, monochrome, or one from themes/. NO_COLOR set means monochrome.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,
    /// Colours: auto (what the terminal says), truecolor, 256, 16, or never.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: ColourChoice,
}

/// The colours the live screen gets on standard output, from `look.color`
/// and what the terminal says; refused (one line saying what to use
/// instead) where no screen can be drawn: not a terminal, or `TERM=dumb`.
///
/// # Errors
/// [`NoScreen`](crate::theme::profile::NoScreen), before anything is read
/// or written.
pub fn screen_profile(look: &Look) -> Result<Profile> {
    Ok(profile::for_live(look.color)?)
}

/// Folders whose theme files load at start, over the built-in themes: the
/// current folder's `themes/`, then the user's config folder.
pub fn theme_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("themes")];
    if let Some(config) = dirs::config_dir() {
        dirs.push(config.join("coproduce").join("themes"));
    }
    dirs
}

/// The themes available, the one to start with, and what to tell the
/// facilitator about theme files that could not be used. A broken theme
/// file never stops the meeting: it is skipped, and asking for it by name
/// gives the built-in theme instead.
pub fn pick_theme(look: &Look) -> Result<(Themes, Theme, Option<String>)> {
    let (themes, problems) = Themes::load(&theme_dirs());
    for problem in &problems {
        note!("coproduce: {problem} (skipped)");
    }
    let no_color = theme::no_color(std::env::var_os("NO_COLOR").as_deref());
    let broken = |name: &str| {
        problems.iter().find(|p| {
            p.file()
                .and_then(Path::file_stem)
                .is_some_and(|stem| stem.to_string_lossy() == name)
        })
    };
    let (chosen, note) = match theme::choose(&themes, look.theme.as_deref(), no_color) {
        Ok(chosen) => (
            chosen.clone(),
            problems.first().map(|p| format!("⚠ Theme skipped: {p}")),
        ),
        Err(error) => match look.theme.as_deref().and_then(broken) {
            Some(problem) => {
                let fallback = theme::choose(&themes, None, no_color)?;
                let note = format!("⚠ {problem}; using the built-in theme {}", fallback.name);
                note!("coproduce: {note}");
                (fallback.clone(), Some(note))
            }
            None => return Err(error.into()),
        },
    };
    Ok((themes, chosen, note))
}

/// A session opened for the app: the state to run, the file to save to,
/// the themes, and the lock held for as long as this lives.
pub struct Opened {
    pub app: App,
    pub document: Document,
    pub themes: Themes,
    pub theme: Theme,
    /// Held until the meeting closes; `None` for a dry run.
    pub lock: Option<SessionLock>,
}

/// Opens `path`: checked, and unless `read_only`, locked with the leftovers
/// of killed saves removed. The document's baseline is the app's opening
/// state, so undoing back to it restores the bytes.
pub fn open(
    path: &Path,
    now: Time,
    look: &Look,
    keys: &KeysFile,
    read_only: bool,
) -> Result<Opened> {
    let keymap = keymap(keys)?;
    let (themes, theme, theme_note) = pick_theme(look)?;
    let loaded = load(path)?;
    // A file this user may not write is shown, never replaced.
    let file_read_only = crate::store::save::read_only(path);
    let read_only = read_only || file_read_only;
    let lock = if read_only {
        None
    } else {
        let lock = SessionLock::acquire(path, &now.format("%Y-%m-%d %H:%M").to_string())?;
        clean_leftovers(path);
        Some(lock)
    };
    let names: Vec<String> = themes.names().into_iter().map(str::to_owned).collect();
    let index = names.iter().position(|n| *n == theme.name).unwrap_or(0);
    let mut app = App::with_keymap(loaded.session, now, names, index, keymap);
    app.disk.file = Some(path.to_path_buf());
    // The first frame says it too: in the live app stderr is hidden.
    app.status = theme_note;
    let shown = crate::session::problem::printable_path(path);
    if file_read_only {
        app.status = Some(format!(
            "⚠ {shown} is read-only: opened for reading only; no change will be saved"
        ));
    } else if let Some(warning) = crate::store::document::size_warning(&app.session) {
        app.status = Some(warning);
    }
    // A record that stopped long ago with something open: ask before any of
    // the gap counts.
    crate::app::resume::ask_if_stale(&mut app, now);
    let document = Document::new(path.to_path_buf(), app.session.clone(), loaded.text);
    Ok(Opened {
        app,
        document,
        themes,
        theme,
        lock,
    })
}
