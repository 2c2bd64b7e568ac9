//! The lock that stops a second `coproduce` from writing the same session.
//!
//! The lock is a file beside the session (`.NAME.lock`) created with
//! `create_new`, so two processes cannot both take it. It says who holds it;
//! a lock left by a process that has died is taken over.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why the session could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "{session} is already open for writing by {holder}; close it there first \
         (or remove {lock} if you are sure it is not running)"
    )]
    Held {
        session: PathBuf,
        lock: PathBuf,
        holder: String,
    },
    #[error("{lock}: cannot create the lock file: {source}")]
    Io { lock: PathBuf, source: io::Error },
}

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct SessionLock {
    path: PathBuf,
}

/// The lock file's path for a session file.
pub fn lock_path(session: &Path) -> PathBuf {
    let name = session
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    session.with_file_name(format!(".{name}.lock"))
}

use super::platform::host_name;
pub use super::platform::process_alive;

/// What the lock file says about its holder.
struct Holder {
    pid: Option<u32>,
    host: String,
    text: String,
}

fn read_holder(lock: &Path) -> Option<Holder> {
    // A planted FIFO or huge file must not stall opening the meeting.
    let text = super::read::read_text(lock, 4096).ok()?;
    // Whatever the lock says is shown to the facilitator: never raw.
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name)?.strip_prefix(": "))
            .map(|v| crate::text::one_line(v).into_owned())
    };
    Some(Holder {
        pid: field("pid").and_then(|p| p.parse().ok()),
        host: field("host").unwrap_or_default(),
        text: format!(
            "coproduce (pid {}, user {}, host {}, since {})",
            field("pid").unwrap_or_else(|| "?".into()),
            field("user").unwrap_or_else(|| "?".into()),
            field("host").unwrap_or_else(|| "?".into()),
            field("since").unwrap_or_else(|| "?".into()),
        ),
    })
}

/// Removes the lock on `session` if this process holds it: for a process
/// that must end without running its destructors.
pub fn release_ours(session: &Path) {
    let lock = lock_path(session);
    let ours = read_holder(&lock)
        .is_some_and(|h| h.pid == Some(std::process::id()) && h.host == host_name());
    if ours {
        let _ = fs::remove_file(lock);
    }
}

/// Whether the lock file is empty and stays so: its writer was killed
/// between creating it and writing to it (found by the kill test). A live
/// writer fills it within microseconds, so a short second look tells them
/// apart.
fn abandoned_empty(lock: &Path) -> bool {
    let empty = || fs::metadata(lock).is_ok_and(|m| m.len() == 0);
    empty() && {
        std::thread::sleep(std::time::Duration::from_millis(100));
        empty()
    }
}

impl SessionLock {
    /// Takes the lock for `session`, taking over a stale one. `since` is
    /// written for the person who finds the lock taken.
    pub fn acquire(session: &Path, since: &str) -> Result<SessionLock, LockError> {
        let lock = lock_path(session);
        let io_err = |source| LockError::Io {
            lock: lock.clone(),
            source,
        };
        for _ in 0..2 {
            match OpenOptions::new().write(true).create_new(true).open(&lock) {
                Ok(mut file) => {
                    let user = std::env::var("USER").unwrap_or_else(|_| "?".into());
                    let body = format!(
                        "pid: {}\nuser: {user}\nhost: {}\nsince: {since}\n",
                        std::process::id(),
                        host_name()
                    );
                    file.write_all(body.as_bytes()).map_err(io_err)?;
                    return Ok(SessionLock { path: lock });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let holder = read_holder(&lock);
                    let stale = holder.as_ref().is_some_and(|h| {
                        h.host == host_name() && h.pid.is_some_and(|p| !process_alive(p))
                    }) || abandoned_empty(&lock);
                    if !stale {
                        return Err(LockError::Held {
                            session: session.to_path_buf(),
                            lock: lock.clone(),
                            holder: holder.map_or_else(
                                || "another coproduce (the lock file is unreadable)".into(),
                                |h| h.text,
                            ),
                        });
                    }
                    fs::remove_file(&lock).map_err(io_err)?;
                }
                Err(e) => return Err(io_err(e)),
            }
        }
        Err(io_err(io::Error::other("the lock kept changing hands")))
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_refused_and_told_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.yaml");
        let first = SessionLock::acquire(&session, "10:00").unwrap();
        let err = SessionLock::acquire(&session, "10:05")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("pid {}", std::process::id())),
            "{err}"
        );
        drop(first);
        assert!(!lock_path(&session).exists());
        SessionLock::acquire(&session, "10:06").unwrap();
    }

    #[test]
    fn a_stale_lock_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.yaml");
        let body = format!(
            "pid: {}\nuser: x\nhost: {}\nsince: 9:00\n",
            u32::MAX - 1,
            host_name()
        );
        fs::write(lock_path(&session), body).unwrap();
        let _lock = SessionLock::acquire(&session, "10:00").unwrap();
        let now = fs::read_to_string(lock_path(&session)).unwrap();
        assert!(now.contains(&format!("pid: {}", std::process::id())));
    }

    #[test]
    fn an_empty_lock_left_by_a_kill_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.yaml");
        fs::write(lock_path(&session), "").unwrap();
        let _lock = SessionLock::acquire(&session, "10:00").unwrap();
        let now = fs::read_to_string(lock_path(&session)).unwrap();
        assert!(now.contains(&format!("pid: {}", std::process::id())));
    }
}
