//! A session file on disk: where it is and what was read from it, so that
//! saving gives back the file's own bytes whenever the session is as it was.

use std::io;
use std::path::{Path, PathBuf};

use super::Session;
use super::store::write_atomic;
use super::write::to_yaml;

/// The file a session is saved to.
#[derive(Debug, Clone)]
pub struct Document {
    path: PathBuf,
    original: Session,
    original_text: String,
}

impl Document {
    /// A document for `path`, as `text` was read from it into `session`.
    pub fn new(path: PathBuf, session: Session, text: String) -> Document {
        Document {
            path,
            original: session,
            original_text: text,
        }
    }

    /// Where the session is saved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The bytes `session` is saved as. A session undone back to what was
    /// opened gets the file's own text back, hand-written layout and all.
    pub fn text_for(&self, session: &Session) -> String {
        if *session == self.original {
            self.original_text.clone()
        } else {
            to_yaml(session)
        }
    }

    /// Saves `session` atomically and durably.
    pub fn save(&self, session: &Session) -> io::Result<()> {
        write_atomic(&self.path, self.text_for(session).as_bytes())
    }
}
