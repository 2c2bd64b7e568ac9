//! A session file on disk: where it is and what was read from it, so that
//! saving gives back the file's own bytes whenever the session is as it was,
//! and never writes over a change someone else made to the file meanwhile.

use std::fs;
use std::hash::{Hash, Hasher};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::identity::Version;
use super::load::{LoadError, MAX_FILE_BYTES, load};
use super::read::{MAX_NODES, check_shape};
use super::save::{Replaced, replace_checked, write_new};
use crate::session::Session;
use crate::session::problem::printable_path;
use crate::session::write::to_yaml;

/// What the file held when this app last read or wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    hash: u64,
    /// Modified time and file identity, once known from a write of ours.
    /// Until then every check compares the content.
    meta: Option<Version>,
}

fn hash_of(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

impl Stamp {
    fn of(bytes: &[u8], meta: Option<Version>) -> Stamp {
        Stamp {
            len: bytes.len() as u64,
            hash: hash_of(bytes),
            meta,
        }
    }
}

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Something else wrote the file since this app last read or wrote it;
    /// nothing was written over it.
    #[error(
        "{} was changed on disk by something else; it was not overwritten",
        printable_path(path)
    )]
    ChangedOnDisk {
        /// The session file.
        path: PathBuf,
    },
    /// Another program replaced the file in the very moment of the save;
    /// the meeting was written, and the other version kept beside it.
    #[error(
        "{} was changed on disk by something else while saving; that version is kept as {}",
        printable_path(path),
        printable_path(kept)
    )]
    KeptBeside {
        /// The session file.
        path: PathBuf,
        /// Where the other version is now.
        kept: PathBuf,
    },
    /// The session has grown past what a session file may hold.
    #[error(
        "Cannot save {}: the meeting is now {size} bytes, more than a session file may hold \
         (at most {MAX_FILE_BYTES} bytes and {MAX_NODES} values); start a new session file",
        printable_path(path)
    )]
    TooLarge {
        /// The session file.
        path: PathBuf,
        /// The size it would have.
        size: u64,
    },
    /// The disk or the folder refused the write.
    #[error("Cannot save {}: {source}", printable_path(path))]
    Io {
        /// The session file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

impl From<SaveError> for io::Error {
    fn from(error: SaveError) -> io::Error {
        io::Error::other(error)
    }
}

/// The file a session is saved to.
#[derive(Debug, Clone)]
pub struct Document {
    path: PathBuf,
    original: Session,
    original_text: String,
    disk: Stamp,
    /// What the last save's size calls for telling the facilitator.
    warning: Option<String>,
}

impl Document {
    /// A document for `path`, as `text` was read from it into `session`.
    pub fn new(path: PathBuf, session: Session, text: String) -> Document {
        // The file's metadata is not taken here: it might already belong to
        // a later write than `text`. The first save compares content instead.
        let disk = Stamp::of(text.as_bytes(), None);
        Document {
            path,
            original: session,
            original_text: text,
            disk,
            warning: None,
        }
    }

    /// The session as it was opened (or last reloaded).
    pub fn opened(&self) -> &Session {
        &self.original
    }

    /// The size warning for the file as last saved (see [`warning_for`]):
    /// a meeting that grows near the limit is told so as it happens.
    pub fn size_warning(&self) -> Option<&str> {
        self.warning.as_deref()
    }

    /// Where the session is saved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The bytes `session` is saved as. A session undone back to what was
    /// opened gets the file's own text back, hand-written layout and all;
    /// any other keeps the comment lines the file starts with.
    pub fn text_for(&self, session: &Session) -> String {
        if *session == self.original {
            self.original_text.clone()
        } else {
            let mut text = leading_comments(&self.original_text).to_owned();
            text.push_str(&to_yaml(session));
            text
        }
    }

    /// Whether the file at `path` (the session, or the one a save just
    /// swapped out of its place) still holds what this app last read or
    /// wrote. Equal metadata is trusted; different metadata (a touch, a copy
    /// of the same bytes) is settled by comparing the content. A missing
    /// file holds no one's change, so saving may create it again.
    fn holds_ours(disk: &mut Stamp, path: &Path) -> io::Result<bool> {
        let meta = match fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(true),
            Err(e) => return Err(e),
        };
        let now = Version::of(&meta);
        if disk.meta.as_ref() == Some(&now) && meta.len() == disk.len {
            return Ok(true);
        }
        if meta.len() != disk.len || !meta.is_file() {
            return Ok(false);
        }
        let mut bytes = Vec::new();
        fs::File::open(path)?
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)?;
        let same = bytes.len() as u64 == disk.len && hash_of(&bytes) == disk.hash;
        if same {
            disk.meta = Some(now);
        }
        Ok(same)
    }

    /// Saves `session` atomically and durably, unless the file changed on
    /// disk since this app last read or wrote it.
    ///
    /// # Errors
    /// [`SaveError::ChangedOnDisk`] (nothing written), or [`SaveError::Io`].
    pub fn save(&mut self, session: &Session) -> Result<(), SaveError> {
        let path = self.path.clone();
        let io = |source| SaveError::Io {
            path: path.clone(),
            source,
        };
        let text = self.text_for(session);
        let size = text.len() as u64;
        // A file the app would refuse to open is never written.
        let nodes = match check_shape(&text) {
            Ok(nodes) if size <= MAX_FILE_BYTES => nodes,
            _ => return Err(SaveError::TooLarge { path, size }),
        };
        let disk = &mut self.disk;
        match replace_checked(&self.path, text.as_bytes(), |p| Self::holds_ours(disk, p))
            .map_err(io)?
        {
            Replaced::Written(written) => {
                self.disk = Stamp::of(text.as_bytes(), Some(Version::of(&written)));
                self.warning = warning_for(size, nodes);
                Ok(())
            }
            Replaced::Refused(None) => Err(SaveError::ChangedOnDisk { path }),
            Replaced::Refused(Some(kept)) => Err(SaveError::KeptBeside { path, kept }),
        }
    }

    /// Takes the file as it is on disk now, forgetting what this app last
    /// wrote: later saves go over the file as read here.
    ///
    /// # Errors
    /// The file cannot be read or breaks the format; the document is then
    /// as it was.
    pub fn reload(&mut self) -> Result<Session, LoadError> {
        let loaded = load(&self.path)?;
        self.disk = Stamp::of(loaded.text.as_bytes(), None);
        self.original = loaded.session.clone();
        self.original_text = loaded.text;
        Ok(loaded.session)
    }

    /// Saves `session` to a new file beside this one, `NAME.mine-SUFFIX.yaml`
    /// (`-2`, `-3`… added if that is taken; nothing is ever replaced), and
    /// saves there from now on. Returns the new file.
    ///
    /// # Errors
    /// The new file cannot be written; the document is then as it was.
    pub fn keep_mine(&mut self, session: &Session, suffix: &str) -> io::Result<PathBuf> {
        let text = to_yaml(session);
        let stem = self
            .path
            .file_stem()
            .map_or_else(|| "session".into(), |s| s.to_string_lossy().into_owned());
        for n in 1..1000 {
            let extra = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            let path = self
                .path
                .with_file_name(format!("{stem}.mine-{suffix}{extra}.yaml"));
            match write_new(&path, text.as_bytes()) {
                Ok(()) => {
                    self.path = path.clone();
                    self.original = session.clone();
                    self.disk = Stamp::of(text.as_bytes(), None);
                    self.original_text = text;
                    return Ok(path);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "every name for a copy beside the file is taken",
        ))
    }
}

/// Past this many bytes the facilitator is warned that the file nears the
/// cap: three quarters of it.
pub const WARN_FILE_BYTES: u64 = MAX_FILE_BYTES / 4 * 3;

/// What to tell the facilitator when `session`, as the app writes it, is
/// near or over the size a session file may have (the writer's layout can
/// be larger than a hand-written file's, so the written size is measured).
pub fn size_warning(session: &Session) -> Option<String> {
    let text = to_yaml(session);
    warning_for(text.len() as u64, check_shape(&text).unwrap_or(usize::MAX))
}

/// What to tell the facilitator about a file of `size` bytes holding
/// `nodes` values, as [`check_shape`] counts them: nothing while both are
/// under three quarters of what a session file may hold.
pub fn warning_for(size: u64, nodes: usize) -> Option<String> {
    let mib = |n: u64| n as f64 / (1024.0 * 1024.0);
    if nodes > MAX_NODES {
        Some(format!(
            "⚠ This meeting holds more than {MAX_NODES} values as saved: it will NOT be saved; start a new session file"
        ))
    } else if nodes > MAX_NODES / 4 * 3 {
        Some(format!(
            "⚠ This meeting holds {nodes} values as saved; a session file may hold at most {MAX_NODES}: start a new session file soon"
        ))
    } else if size > MAX_FILE_BYTES {
        Some(format!(
            "⚠ This meeting is {:.1} MiB as saved, over the {:.0} MiB a session file may be: it will NOT be saved; start a new session file",
            mib(size),
            mib(MAX_FILE_BYTES)
        ))
    } else if size > WARN_FILE_BYTES {
        Some(format!(
            "⚠ This meeting is {:.1} MiB as saved; a session file may be at most {:.0} MiB: start a new session file soon",
            mib(size),
            mib(MAX_FILE_BYTES)
        ))
    } else {
        None
    }
}

/// The whole comment lines a file starts with, such as the
/// `# yaml-language-server: $schema=…` line that points an editor at the
/// schema: the writer keeps no other comment, but these say what the file
/// is, so they stay.
pub fn leading_comments(text: &str) -> &str {
    let end = text
        .split_inclusive('\n')
        .take_while(|line| line.starts_with('#') && line.ends_with('\n'))
        .map(str::len)
        .sum();
    &text[..end]
}

#[cfg(test)]
mod tests;
