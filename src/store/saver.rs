//! The saver: writes the session beside the event loop so that a key press
//! never waits on the disk. Saves are coalesced: when several changes come
//! while one save is on the disk, only the latest state is written next.
//! Reloading the file and keeping the app's own copy go through the same
//! queue, so no save asked for earlier can land after them.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use crate::app::undo::Patch;
use crate::session::timing::close_open_turn;
use crate::session::{Session, Time};
use crate::store::document::{Document, SaveError};

/// Why the latest save did not reach the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveProblem {
    /// Something else changed the file; it was not overwritten, and will
    /// not be until the facilitator reloads or keeps their own copy.
    ChangedOnDisk(String),
    /// The disk or folder refused the write (read-only, full, gone).
    Failed(String),
}

impl SaveProblem {
    /// What to tell the facilitator.
    pub fn message(&self) -> &str {
        match self {
            SaveProblem::ChangedOnDisk(m) | SaveProblem::Failed(m) => m,
        }
    }
}

/// The latest save problem, for the loop to show; cleared by a good save.
type Shared = Arc<Mutex<Option<SaveProblem>>>;

/// The size warning of the latest good save (see [`Document::size_warning`]).
type Warning = Arc<Mutex<Option<String>>>;

enum Job {
    Save(Session),
    /// The changes since the last hand-over, to play on the saver's copy
    /// and save: a hand-over that costs what the changes touched.
    Patch(Vec<Patch>),
    /// The state the app holds now, already on disk: the copy later
    /// patches play on.
    Base(Session),
    /// Close the open turn of the latest state at this moment, save it and
    /// answer: the last thing done when the loop cannot stop by itself.
    Rescue(Time, Sender<()>),
    Reload(Sender<Result<Session, String>>),
    KeepMine(Session, String, Sender<Result<PathBuf, String>>),
}

/// The way to the saver thread; empty once `finish` has closed it, so that a
/// [`Rescuer`] never keeps the thread alive.
type Line = Arc<Mutex<Option<Sender<Job>>>>;

/// A background thread that owns the file's writes.
pub struct Saver {
    sender: Line,
    problem: Shared,
    warning: Warning,
    thread: JoinHandle<Document>,
}

impl Saver {
    /// Starts the saver for `document`.
    pub fn spawn(document: Document) -> Saver {
        Saver::with_pause(document, |_| {})
    }

    /// Starts the saver for `document`, calling `pause` with each session
    /// just before it is written: tests make the disk slow with it.
    pub fn with_pause(document: Document, pause: impl FnMut(&Session) + Send + 'static) -> Saver {
        let (sender, receiver) = mpsc::channel();
        let problem = Shared::default();
        let shared = Arc::clone(&problem);
        let warning = Warning::default();
        let warned = Arc::clone(&warning);
        let thread =
            std::thread::spawn(move || save_loop(document, pause, &receiver, &shared, &warned));
        Saver {
            sender: Arc::new(Mutex::new(Some(sender))),
            problem,
            warning,
            thread,
        }
    }

    fn send(&self, job: Job) {
        if let Some(sender) = self.sender.lock().ok().as_deref().and_then(Option::as_ref) {
            // The thread only ends when the sender is dropped, so this cannot fail.
            let _ = sender.send(job);
        }
    }

    /// Asks for `session` to be saved; returns at once.
    pub fn save(&self, session: Session) {
        self.send(Job::Save(session));
    }

    /// Asks for the changes `patches` (see [`crate::app::App::handed_over`])
    /// to be made to the last state handed over and saved; returns at once.
    /// The saver keeps its own copy, so the app never copies its session
    /// to hand it over.
    pub fn patch(&self, patches: Vec<Patch>) {
        self.send(Job::Patch(patches));
    }

    /// Tells the saver the state the app holds now, which the file already
    /// holds (at start and after a reload): later patches play on it.
    pub fn start_from(&self, session: Session) {
        self.send(Job::Base(session));
    }

    /// A handle another thread can use to save the meeting's last state
    /// when the loop is stuck (see [`crate::terminal::signals::guard`]).
    pub fn rescuer(&self) -> Rescuer {
        Rescuer(Arc::clone(&self.sender))
    }

    /// The problem with the latest save, if it failed.
    pub fn problem(&self) -> Option<SaveProblem> {
        self.problem.lock().map(|p| p.clone()).unwrap_or(None)
    }

    /// What the size of the file as last saved calls for telling the
    /// facilitator: the meeting nears what a session file may hold.
    pub fn size_warning(&self) -> Option<String> {
        self.warning.lock().map(|w| w.clone()).unwrap_or(None)
    }

    /// Once every save asked for is done, reads the file as it is on disk
    /// now; later saves go over it. Waits for the answer.
    pub fn reload(&self) -> Result<Session, String> {
        let (reply, answer) = mpsc::channel();
        self.send(Job::Reload(reply));
        answer
            .recv()
            .unwrap_or_else(|_| Err("the saver stopped".into()))
    }

    /// Once every save asked for is done, writes `session` to a new file
    /// beside the session file (see [`Document::keep_mine`]) and saves there
    /// from then on. Waits for the answer: the new file.
    pub fn keep_mine(&self, session: Session, suffix: String) -> Result<PathBuf, String> {
        let (reply, answer) = mpsc::channel();
        self.send(Job::KeepMine(session, suffix, reply));
        answer
            .recv()
            .unwrap_or_else(|_| Err("the saver stopped".into()))
    }

    /// Waits for every requested save to reach the disk. Returns the last
    /// save's problem, if it failed, and the document for any last rescue.
    pub fn finish(self) -> (Option<SaveProblem>, Option<Document>) {
        if let Ok(mut sender) = self.sender.lock() {
            sender.take();
        }
        let document = self.thread.join().ok();
        let problem = self.problem.lock().map(|p| p.clone()).unwrap_or(None);
        (problem, document)
    }
}

/// Saves the meeting's last state from outside the loop.
#[derive(Clone)]
pub struct Rescuer(Line);

impl Rescuer {
    /// Closes the open turn of the latest state asked to be saved at `at`,
    /// saves it and waits for that to be done; nothing if the saver has
    /// already finished.
    pub fn rescue(&self, at: Time) {
        let (reply, done) = mpsc::channel();
        let sent = self
            .0
            .lock()
            .ok()
            .as_deref()
            .and_then(Option::as_ref)
            .is_some_and(|sender| sender.send(Job::Rescue(at, reply)).is_ok());
        if sent {
            let _ = done.recv();
        }
    }
}

fn save_loop(
    mut document: Document,
    mut pause: impl FnMut(&Session),
    receiver: &Receiver<Job>,
    problem: &Shared,
    warning: &Warning,
) -> Document {
    let set = |value: Option<SaveProblem>| {
        if let Ok(mut slot) = problem.lock() {
            *slot = value;
        }
    };
    // The latest state asked for, saved or not: what a rescue starts from.
    let mut latest: Option<Session> = None;
    let save = |document: &mut Document, session: &Session| {
        set(match document.save(session) {
            Ok(()) => {
                if let Ok(mut slot) = warning.lock() {
                    *slot = document.size_warning().map(str::to_owned);
                }
                None
            }
            Err(e @ (SaveError::ChangedOnDisk { .. } | SaveError::KeptBeside { .. })) => {
                Some(SaveProblem::ChangedOnDisk(e.to_string()))
            }
            Err(e) => Some(SaveProblem::Failed(e.to_string())),
        });
    };
    let mut next = receiver.recv().ok();
    while let Some(job) = next.take() {
        match job {
            Job::Rescue(at, reply) => {
                let mut session = latest.clone().unwrap_or_else(|| document.opened().clone());
                close_open_turn(&mut session, at);
                save(&mut document, &session);
                let _ = reply.send(());
            }
            Job::Base(session) => latest = Some(session),
            job @ (Job::Save(_) | Job::Patch(_)) => {
                let mut session = latest.take().unwrap_or_else(|| document.opened().clone());
                take_in(&mut session, job);
                // Only the newest state is written: take in those that
                // came while waiting, but stop at any other job, which
                // must come after.
                loop {
                    match receiver.try_recv() {
                        Ok(job @ (Job::Save(_) | Job::Patch(_))) => take_in(&mut session, job),
                        Ok(other) => {
                            next = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                pause(&session);
                save(&mut document, &session);
                latest = Some(session);
            }
            Job::Reload(reply) => {
                let result = document.reload().map_err(|e| e.to_string());
                if result.is_ok() {
                    set(None);
                    // The file as reloaded is the state now, not ours.
                    latest = None;
                }
                let _ = reply.send(result);
            }
            Job::KeepMine(session, suffix, reply) => {
                let result = document.keep_mine(&session, &suffix).map_err(|e| {
                    format!(
                        "Cannot write a copy beside {}: {e}",
                        document.path().display()
                    )
                });
                if result.is_ok() {
                    set(None);
                    latest = Some(session);
                }
                let _ = reply.send(result);
            }
        }
        if next.is_none() {
            next = receiver.recv().ok();
        }
    }
    document
}

/// Makes `session` the state a save or patch job asks for.
fn take_in(session: &mut Session, job: Job) {
    match job {
        Job::Save(whole) => *session = whole,
        Job::Patch(patches) => patches.into_iter().for_each(|p| p.apply(session)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "format: 1\ntitle: t\nboard: b\ndate: 2026-11-22\n";

    fn titled(session: &Session, title: &str) -> Session {
        let mut next = session.clone();
        next.title = title.into();
        next
    }

    #[test]
    fn a_rescue_closes_the_open_turn_of_the_latest_state_and_saves_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        let text = format!(
            "{TEXT}roles: [{{ id: r, label: R }}]\nparticipants: [{{ id: ann, name: Ann, role: r }}]\n"
        );
        std::fs::write(&path, &text).unwrap();
        let session = crate::session::parse(&text).unwrap();
        let saver = Saver::spawn(Document::new(path.clone(), session.clone(), text));
        let at = |t: &str| Time::parse_from_rfc3339(&format!("2026-11-22T{t}+00:00")).unwrap();
        let mut speaking = session.clone();
        speaking.turns.push(crate::session::Turn {
            who: "ann".into(),
            at: at("10:00:00"),
            secs: None,
        });
        saver.save(speaking);
        saver.rescuer().rescue(at("10:01:30"));
        let saved = crate::store::load(&path).unwrap().session;
        assert_eq!(saved.turns[0].secs, Some(90));
        let rescuer = saver.rescuer();
        saver.finish();
        // After the saver has finished, a late rescue does nothing and
        // does not wait.
        rescuer.rescue(at("10:05:00"));
        assert_eq!(
            crate::store::load(&path).unwrap().session.turns[0].secs,
            Some(90)
        );
    }

    #[test]
    fn the_last_state_is_on_disk_when_the_saver_finishes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        let session: Session = serde_yaml::from_str(TEXT).unwrap();
        let saver = Saver::spawn(Document::new(path.clone(), session.clone(), TEXT.into()));
        for n in 0..50 {
            saver.save(titled(&session, &format!("title {n}")));
        }
        assert_eq!(saver.finish().0, None);
        let saved: Session =
            serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(saved.title, "title 49");
    }

    #[test]
    fn a_failed_save_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("s.yaml");
        let session: Session = serde_yaml::from_str(TEXT).unwrap();
        let saver = Saver::spawn(Document::new(path, session.clone(), TEXT.into()));
        saver.save(titled(&session, "x"));
        match saver.finish().0 {
            Some(SaveProblem::Failed(m)) => assert!(m.contains("Cannot save"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    /// The file changed under the saver: the problem is told apart from a
    /// failing disk, the file is left alone, and both ways out work.
    #[test]
    fn a_change_on_disk_is_reported_then_reloaded_or_kept_beside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        std::fs::write(&path, TEXT).unwrap();
        let session: Session = serde_yaml::from_str(TEXT).unwrap();
        let saver = Saver::spawn(Document::new(path.clone(), session.clone(), TEXT.into()));
        let theirs = TEXT.replace("title: t", "title: pulled");
        std::fs::write(&path, &theirs).unwrap();
        saver.save(titled(&session, "mine"));
        // The reload waits for the save before it: the problem is set by then.
        assert!(matches!(
            saver.problem(),
            None | Some(SaveProblem::ChangedOnDisk(_))
        ));
        let mine = saver.keep_mine(titled(&session, "mine"), "104500".into());
        let mine = mine.unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
        assert_eq!(saver.problem(), None);
        saver.save(titled(&session, "mine, later"));
        let (problem, _) = saver.finish();
        assert_eq!(problem, None);
        assert!(
            std::fs::read_to_string(&mine)
                .unwrap()
                .contains("mine, later")
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);

        // The other way: reload takes the file as it is.
        let saver = Saver::spawn(Document::new(path.clone(), session.clone(), TEXT.into()));
        saver.save(titled(&session, "mine"));
        let reloaded = saver.reload().unwrap();
        assert_eq!(reloaded.title, "pulled");
        saver.save(titled(&reloaded, "after reload"));
        assert_eq!(saver.finish().0, None);
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("after reload")
        );
    }

    #[test]
    fn a_save_refused_for_a_change_on_disk_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        std::fs::write(&path, TEXT).unwrap();
        let session: Session = serde_yaml::from_str(TEXT).unwrap();
        let saver = Saver::spawn(Document::new(path.clone(), session.clone(), TEXT.into()));
        std::fs::write(&path, TEXT.replace("title: t", "title: pulled")).unwrap();
        saver.save(titled(&session, "mine"));
        match saver.finish().0 {
            Some(SaveProblem::ChangedOnDisk(m)) => assert!(m.contains("changed on disk"), "{m}"),
            other => panic!("{other:?}"),
        }
    }
}
