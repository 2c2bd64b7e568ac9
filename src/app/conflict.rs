//! When the session cannot be saved: the file changed on disk (a `git
//! pull`, an editor) or the disk refused the write (a read-only folder, a
//! full disk). The state stays in memory and the facilitator is told on
//! every pane. Choices become [`Effect`]s that the loop carries out, so no
//! file is touched here.

use std::path::{Path, PathBuf};

use super::Purpose;
use super::form::Form;
use super::keymap::Scope;
use super::keys::Key;
use super::{Action, App, Effect, Overlay};
use crate::session::{Session, Time};

/// What the disk has done to the app, and what it has asked.
#[derive(Debug, Clone, Default)]
pub struct DiskState {
    /// Why the latest state is not on disk, while it is not.
    pub unsaved: Option<String>,
    /// The file changed on disk and the facilitator has not yet chosen.
    pub conflict: Option<Conflict>,
    /// The session file, as the app was started on it.
    pub file: Option<PathBuf>,
    /// Where the "not saved" form offers to write; the home folder.
    pub rescue_folder: PathBuf,
}

/// The open "changed on disk" prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// What the saver said.
    pub message: String,
    /// Why a choice did not work (the file as it is now is broken…).
    pub note: Option<String>,
}

/// Things the disk tells the app, and the prompt's choices.
#[derive(Debug, Clone, PartialEq)]
pub enum DiskAction {
    /// A save reached the disk: whatever was wrong is over.
    Saved,
    /// The saver refused to write over a change on disk.
    ChangedOnDisk(String),
    /// `r` in the prompt: take the file as it is now.
    Reload,
    /// `m` in the prompt: write this meeting to a new file beside it.
    KeepMine,
    /// The file as it was read again.
    Reloaded(Box<Session>),
    /// This meeting is now saved in this new file.
    KeptMine(PathBuf),
    /// A reload or a write the facilitator asked for did not work.
    Refused(String),
}

/// The prompt's commands by their names in the keymap's `prompt` scope.
pub const COMMANDS: &[&str] = &["reload", "keep_mine"];

/// The form asking where to write a meeting that cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskForm {
    /// Write it to the path typed, then quit.
    WriteAndQuit,
}

/// The folder the "not saved" form suggests: the home folder, else the
/// system's temporary folder.
pub fn default_rescue_folder() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .filter(|home| home.is_dir())
        .unwrap_or_else(std::env::temp_dir)
}

/// The action a key means while the prompt is open: only its own keys.
pub fn prompt_action(app: &App, key: Key) -> Option<Action> {
    if let Some(Action::Quit) = app.lookup(app.pane, key) {
        return Some(Action::Quit);
    }
    match app.keymap.command(Scope::Prompt, key) {
        Some("reload") => Some(Action::Disk(DiskAction::Reload)),
        Some("keep_mine") => Some(Action::Disk(DiskAction::KeepMine)),
        _ => None,
    }
}

/// Applies what the disk said or what the facilitator chose.
pub fn update(app: &mut App, action: DiskAction, now: Time) -> Effect {
    match action {
        DiskAction::Saved => {
            if app.disk.unsaved.take().is_some() {
                app.status = Some("Saved again: every change is on disk".into());
            }
        }
        DiskAction::ChangedOnDisk(message) => {
            app.disk.unsaved = Some("the file changed on disk".into());
            if matches!(app.overlay, Some(Overlay::Help)) {
                app.overlay = None;
            }
            app.disk.conflict = Some(Conflict {
                message,
                note: None,
            });
        }
        DiskAction::Reload if app.disk.conflict.is_some() => return Effect::Reload,
        DiskAction::KeepMine if app.disk.conflict.is_some() => return Effect::KeepMine,
        DiskAction::Reload | DiskAction::KeepMine => {}
        DiskAction::Reloaded(session) => reloaded(app, *session, now),
        DiskAction::KeptMine(path) => {
            app.disk.conflict = None;
            app.disk.unsaved = None;
            app.status = Some(format!(
                "This meeting is now saved in {}; {} keeps the other change",
                path.display(),
                app.disk
                    .file
                    .as_deref()
                    .map_or("the file".into(), |f| { f.display().to_string() })
            ));
            app.disk.file = Some(path);
        }
        DiskAction::Refused(message) => match (&mut app.overlay, &mut app.disk.conflict) {
            (Some(Overlay::Form(form)), _)
                if form.purpose == Purpose::Disk(DiskForm::WriteAndQuit) =>
            {
                form.error = Some(message);
            }
            (_, Some(conflict)) => conflict.note = Some(message),
            _ => app.status = Some(format!("⚠ {message}")),
        },
    }
    Effect::None
}

/// The file as read again replaces the meeting: undo cannot reach back
/// past it (those states belong to a file that is gone), and the panes
/// start afresh so no selection points past the new lists.
fn reloaded(app: &mut App, session: Session, now: Time) {
    let mut fresh = App::new(session, now, app.theme_names.clone(), app.theme);
    fresh.pane = app.pane;
    // Nothing to save: the file already holds this.
    fresh.revision = app.revision;
    fresh.ladder.trend = std::mem::take(&mut app.ladder.trend);
    fresh.ladder.reading_earlier = app.ladder.reading_earlier;
    fresh.disk = DiskState {
        file: app.disk.file.take(),
        rescue_folder: std::mem::take(&mut app.disk.rescue_folder),
        ..DiskState::default()
    };
    fresh.status = Some("Reloaded the file as it is on disk".into());
    *app = fresh;
}

/// Quitting: at once when everything is saved; otherwise the form asking
/// where to write the meeting first. Quitting again from that form quits
/// without saving.
pub fn quit(app: &mut App, now: Time) -> Effect {
    let asking = app
        .form()
        .is_some_and(|f| f.purpose == Purpose::Disk(DiskForm::WriteAndQuit));
    if asking || app.disk.unsaved.is_none() {
        return Effect::Quit;
    }
    let stem = app
        .disk
        .file
        .as_deref()
        .and_then(Path::file_stem)
        .map_or_else(|| "meeting".into(), |s| s.to_string_lossy().into_owned());
    let name = format!("{stem}-unsaved-{}.yaml", now.format("%Y%m%d-%H%M%S"));
    let path = app.disk.rescue_folder.join(name);
    let title = format!(
        "Not saved! {} writes the meeting here and quits · {} quits without saving",
        app.key_name(Scope::Form, "save_field"),
        app.global_key("quit")
    );
    let form = Form::new(title, Purpose::Disk(DiskForm::WriteAndQuit)).line(
        "Write to",
        "a path to a new file",
        &path.display().to_string(),
    );
    app.open_form(form);
    Effect::None
}

/// The "not saved" form was sent: the loop writes the file, then quits.
/// `quit_key` names the key that quits without saving.
pub fn submit(form: &Form<Purpose>, quit_key: &str) -> Result<Effect, String> {
    match Some(form.value("Write to")).as_deref().map(str::trim) {
        Some(path) if !path.is_empty() => Ok(Effect::WriteAndQuit(PathBuf::from(path))),
        _ => Err(format!(
            "Write a path to a new file, or press {quit_key} to quit without saving"
        )),
    }
}

#[cfg(test)]
mod tests;
