//! The saver: writes the session beside the event loop so that a key press
//! never waits on the disk. Saves are coalesced: when several changes come
//! while one save is on the disk, only the latest state is written next.

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use crate::session::Session;
use crate::session::document::Document;

/// The latest save problem, for the loop to show; cleared by a good save.
type Problem = Arc<Mutex<Option<String>>>;

/// A background thread that owns the file's writes.
pub struct Saver {
    sender: Sender<Session>,
    problem: Problem,
    thread: JoinHandle<()>,
}

impl Saver {
    /// Starts the saver for `document`.
    pub fn spawn(document: Document) -> Saver {
        Saver::with_writer(move |session| {
            document
                .save(session)
                .map_err(|e| format!("Cannot save {}: {e}", document.path().display()))
        })
    }

    /// Starts a saver that hands each session to be saved to `write`, which
    /// says what went wrong if it could not (tests give a slow one).
    pub fn with_writer(
        write: impl FnMut(&Session) -> Result<(), String> + Send + 'static,
    ) -> Saver {
        let (sender, receiver) = mpsc::channel();
        let problem = Problem::default();
        let shared = Arc::clone(&problem);
        let thread = std::thread::spawn(move || save_loop(write, &receiver, &shared));
        Saver {
            sender,
            problem,
            thread,
        }
    }

    /// Asks for `session` to be saved; returns at once.
    pub fn save(&self, session: Session) {
        // The thread only ends when the sender is dropped, so this cannot fail.
        let _ = self.sender.send(session);
    }

    /// The problem with the latest save, if it failed.
    pub fn problem(&self) -> Option<String> {
        self.problem.lock().map(|p| p.clone()).unwrap_or(None)
    }

    /// Waits for every requested save to reach the disk. Returns the last
    /// save's problem, if it failed.
    pub fn finish(self) -> Option<String> {
        drop(self.sender);
        let _ = self.thread.join();
        self.problem.lock().map(|p| p.clone()).unwrap_or(None)
    }
}

fn save_loop(
    mut write: impl FnMut(&Session) -> Result<(), String>,
    receiver: &Receiver<Session>,
    problem: &Problem,
) {
    while let Ok(mut session) = receiver.recv() {
        // Only the newest state matters: skip those overtaken while waiting.
        while let Ok(newer) = receiver.try_recv() {
            session = newer;
        }
        let result = write(&session).err();
        if let Ok(mut slot) = problem.lock() {
            *slot = result;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_state_is_on_disk_when_the_saver_finishes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        let text = "format: 1\ntitle: t\nboard: b\ndate: 2026-11-22\n";
        let session: Session = serde_yaml::from_str(text).unwrap();
        let saver = Saver::spawn(Document::new(path.clone(), session.clone(), text.into()));
        for n in 0..50 {
            let mut next = session.clone();
            next.title = format!("title {n}");
            saver.save(next);
        }
        assert_eq!(saver.finish(), None);
        let saved: Session =
            serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(saved.title, "title 49");
    }

    #[test]
    fn a_failed_save_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("s.yaml");
        let text = "format: 1\ntitle: t\nboard: b\ndate: 2026-11-22\n";
        let session: Session = serde_yaml::from_str(text).unwrap();
        let saver = Saver::spawn(Document::new(path, session.clone(), text.into()));
        saver.save(session);
        assert!(saver.finish().unwrap().contains("Cannot save"));
    }
}
