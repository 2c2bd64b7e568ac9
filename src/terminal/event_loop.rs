//! The live app's loop: draw, wait for a key, a paste or the next whole
//! second, turn it into an action through the keymap, `update`, and hand
//! every change to the saver.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use chrono::{Local, Timelike};

use super::{Input, Screen, next_input, now, signals};
use crate::app::{Action, App, Effect, update};
use crate::session::trend::Trend;
use crate::session::write::to_yaml;
use crate::store::document::Document;
use crate::store::saver::{SaveProblem, Saver};
use crate::theme::{Theme, Themes};

/// How often the loop looks for work done off the UI thread while some
/// is under way, in milliseconds.
const LOOK_AGAIN_MS: i32 = 50;

/// Waits for the next key, paste or whole second (or, with `soon`, at most
/// [`LOOK_AGAIN_MS`]); a signal that cuts the wait short is seen on the
/// next turn of the loop.
fn next_action(app: &App, soon: bool) -> std::io::Result<Option<Action>> {
    // Wake at the next whole second so the clocks on screen keep moving.
    let wait = 1_000 - i32::try_from(Local::now().nanosecond() / 1_000_000).unwrap_or(0);
    let most = if soon { LOOK_AGAIN_MS } else { 1_000 };
    Ok(match next_input(wait.clamp(1, most))? {
        Input::Quiet => Some(Action::Tick),
        Input::Key(key) => app.action_for(key),
        Input::Paste(text) => Some(Action::Paste(text)),
        Input::Gone | Input::Other => None,
    })
}

/// How the loop ended.
enum Ending {
    /// The facilitator quit.
    Quit,
    /// A signal stopped the app: nobody is there to ask.
    Stopped,
    /// The meeting, which could not be saved, was written to this file.
    WroteTo(PathBuf),
}

/// Runs the meeting until the facilitator quits, saving every change.
/// `earlier` starts reading the earlier meetings once the first frame is
/// drawn; their trend reaches `update` as an action when it comes.
/// Returns what to tell the facilitator when the last state is not in the
/// session file: the problem, and where the meeting is instead, if anywhere.
pub fn run(
    mut app: App,
    themes: &Themes,
    fallback: &Theme,
    document: Document,
    earlier: impl FnOnce() -> Receiver<Trend>,
) -> std::io::Result<Option<String>> {
    let path = document.path().to_path_buf();
    let saver = Saver::spawn(document);
    // The saver's own copy, which every change is then played on: the one
    // whole copy of the meeting the loop makes.
    app.handed_over();
    saver.start_from(app.session.clone());
    let rescuer = saver.rescuer();
    let note = format!(
        "coproduce stopped on an internal error. Every change saved before it is in {}",
        path.display()
    );
    let result = {
        let mut screen = Screen::take(note, move |at| {
            // The loop is stuck in a read of a terminal that is gone: save the
            // meeting from here, as the loop would have, before the process ends.
            rescuer.rescue(at);
            crate::store::lock::release_ours(&path);
        })?;
        event_loop(&mut screen, &mut app, themes, fallback, &saver, earlier)
    };
    let ending = result?;
    let (problem, document) = saver.finish();
    let Some(problem) = problem else {
        return Ok(None);
    };
    let whereabouts = match ending {
        Ending::WroteTo(path) => format!("The meeting was written to {}.", path.display()),
        Ending::Stopped => rescue(&app, document, &problem),
        Ending::Quit => "The meeting's last changes are not on disk.".into(),
    };
    Ok(Some(format!("{}\n{whereabouts}", problem.message())))
}

/// Stopped by a signal with the last state unsaved: writes it to a new file
/// beside the session file, else in the rescue folder, and says where.
fn rescue(app: &App, document: Option<Document>, problem: &SaveProblem) -> String {
    let stamp = now().format("%H%M%S").to_string();
    let beside = document.map(|mut d| d.keep_mine(&app.session, &stamp));
    if let Some(Ok(path)) = beside {
        return format!("The meeting was written to {}.", path.display());
    }
    let path = app
        .disk
        .rescue_folder
        .join(format!("coproduce-unsaved-{stamp}.yaml"));
    let text = to_yaml(&app.session);
    match crate::store::save::write_new(&path, text.as_bytes()) {
        Ok(()) => format!("The meeting was written to {}.", path.display()),
        Err(e) => format!(
            "The meeting's last changes are not on disk ({}; {e}).",
            match problem {
                SaveProblem::ChangedOnDisk(_) => "the file changed on disk",
                SaveProblem::Failed(_) => "the disk refused",
            }
        ),
    }
}

/// Carries out what `update` asked of the disk, telling the app the
/// answer. Returns the file written when the loop must now end.
fn carry_out(effect: Effect, app: &mut App, saver: &Saver) -> Option<PathBuf> {
    use crate::app::conflict::DiskAction;
    let answer = match effect {
        Effect::None | Effect::Quit => return None,
        Effect::Reload => match saver.reload() {
            Ok(session) => {
                update(
                    app,
                    Action::Disk(DiskAction::Reloaded(Box::new(session))),
                    now(),
                );
                // The app starts afresh on the file: later changes play on that.
                saver.start_from(app.session.clone());
                return None;
            }
            Err(e) => DiskAction::Refused(format!("Cannot reload: {e}")),
        },
        Effect::KeepMine => {
            let suffix = now().format("%H%M%S").to_string();
            match saver.keep_mine(app.session.clone(), suffix) {
                Ok(path) => DiskAction::KeptMine(path),
                Err(e) => DiskAction::Refused(e),
            }
        }
        Effect::WriteAndQuit(path) => {
            let text = to_yaml(&app.session);
            match crate::store::save::write_new(&path, text.as_bytes()) {
                Ok(()) => return Some(path),
                Err(e) => DiskAction::Refused(format!("Cannot write {}: {e}", path.display())),
            }
        }
    };
    update(app, Action::Disk(answer), now());
    None
}

/// Hands the app's changes since the last hand-over to the saver: only
/// what they touched, unless the app lost track, when the whole session.
fn hand_over(app: &mut App, saver: &Saver) {
    match app.handed_over() {
        Some(patches) => saver.patch(patches),
        None => saver.save(app.session.clone()),
    }
}

/// Tells the app when the saver's problem has changed: a change on disk
/// opens the prompt, a failure shows on every pane, a good save clears both.
fn tell_problem(app: &mut App, saver: &Saver, told: &mut Option<SaveProblem>) {
    use crate::app::conflict::DiskAction;
    let problem = saver.problem();
    if problem == *told {
        return;
    }
    let action = match &problem {
        Some(SaveProblem::ChangedOnDisk(m)) => Action::Disk(DiskAction::ChangedOnDisk(m.clone())),
        Some(SaveProblem::Failed(m)) => Action::SaveFailed(m.clone()),
        None => Action::Disk(DiskAction::Saved),
    };
    update(app, action, now());
    *told = problem;
}

/// The earlier meetings' trend, if it has come: as the action that hands
/// it to the app, and then no more looking.
fn earlier_read(reading: &mut Option<Receiver<Trend>>) -> Option<Action> {
    let trend = match reading.as_ref()?.try_recv() {
        Err(TryRecvError::Empty) => return None,
        Ok(trend) => trend,
        Err(TryRecvError::Disconnected) => Trend::unread(
            "this folder".into(),
            "reading the earlier meetings stopped short".into(),
        ),
    };
    *reading = None;
    Some(Action::EarlierMeetings(trend))
}

/// Tells the app when the file as saved has grown past the size warning
/// (it is in the status line until the next key, as at open): once each
/// time it crosses, not at every save, which would hide every other status.
fn tell_size(app: &mut App, saver: &Saver, told: &mut bool) {
    let warning = saver.size_warning();
    if warning.is_some() == *told {
        return;
    }
    *told = warning.is_some();
    if let Some(warning) = warning {
        update(app, Action::SizeWarning(warning), now());
    }
}

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    themes: &Themes,
    fallback: &Theme,
    saver: &Saver,
    earlier: impl FnOnce() -> Receiver<Trend>,
) -> std::io::Result<Ending> {
    let mut saved = app.revision;
    let mut save_problem = None;
    let mut earlier = Some(earlier);
    let mut reading = None;
    // A file large at open is warned of then, and again at its first save.
    let mut size_told = false;
    loop {
        let stop = signals::stop_requested();
        let action = match stop {
            Some(_) => {
                signals::acknowledge_stop();
                Some(Action::Stop)
            }
            None => {
                let theme = themes.get(app.theme_name()).unwrap_or(fallback);
                let drawn = terminal.draw(|frame| crate::ui::view(app, frame, theme));
                // The first frame is on screen: now the folder may be read.
                if let Some(start) = earlier.take() {
                    reading = Some(start());
                }
                match drawn.and_then(|_| next_action(app, reading.is_some())) {
                    Ok(action) => action,
                    // The terminal went with the hang-up: save and stop all the same.
                    Err(_) if signals::stop_requested().is_some() => continue,
                    Err(e) => return Err(e),
                }
            }
        };
        // A signal's turn ends when the signal came, not when it was seen.
        let tick = action == Some(Action::Tick);
        // What the saver found comes first: a quit key must know whether
        // everything is on disk by now.
        tell_problem(app, saver, &mut save_problem);
        let effect = action.map_or(Effect::None, |a| update(app, a, stop.unwrap_or_else(now)));
        if let Some(trend) = earlier_read(&mut reading) {
            update(app, trend, now());
        }
        // A failing disk is tried again every second, not only at the next
        // change, so the meeting is on disk as soon as it can be.
        let retry = tick && matches!(save_problem, Some(SaveProblem::Failed(_)));
        if app.revision != saved || retry {
            hand_over(app, saver);
            saved = app.revision;
        }
        tell_problem(app, saver, &mut save_problem);
        tell_size(app, saver, &mut size_told);
        if effect == Effect::Quit {
            return Ok(if stop.is_some() {
                Ending::Stopped
            } else {
                Ending::Quit
            });
        }
        if let Some(path) = carry_out(effect, app, saver) {
            return Ok(Ending::WroteTo(path));
        }
    }
}
