//! Saving a session file so that a crash, kill or power cut never leaves a
//! half-written file, and so that nobody who can put a file in a shared
//! folder can make a save write anywhere else: the temporary file is created
//! new with an unguessable name (never through a planted link, never a FIFO
//! or device), synced, then given the session's name, and the folder synced.
//!
//! A session file that is a symbolic link is saved to the link's target, in
//! the target's folder (the link stays a link, so the file kept in git gets
//! the meeting). A session that is not a regular file, or is read-only, is
//! never replaced.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::{NamedTempFile, TempPath};

use super::platform;

/// The prefix of a save's temporary file, so leftovers can be found again:
/// `.NAME.saving-PID-` and then random characters nobody can guess.
fn temp_prefix(path: &Path) -> String {
    format!("{}{}-", leftover_prefix(path), std::process::id())
}

fn leftover_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    format!(".{name}.saving-")
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The file a save of `path` writes: `path` itself, or the target of the
/// link `path` is. Refused when that is not a regular file (a FIFO would
/// hang the save, a device never end) or is read-only.
pub fn save_target(path: &Path) -> io::Result<PathBuf> {
    let target = match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(e),
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path)
            .map_err(|e| io::Error::new(e.kind(), format!("the link points to no file ({e})")))?,
        Ok(_) => path.to_path_buf(),
    };
    let meta = fs::metadata(&target)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file, so it is never written",
        ));
    }
    if read_only(&target) {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only; it was opened for reading only",
        ));
    }
    Ok(target)
}

pub use super::platform::read_only;

/// Writes `bytes` to `path` atomically and durably.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_stat(path, bytes).map(drop)
}

/// Writes `bytes` to `path` atomically and durably, and returns the written
/// file's metadata. It is read from the open file before the rename, so a
/// write by anyone else just after ours can never be taken for ours.
pub fn write_atomic_stat(path: &Path, bytes: &[u8]) -> io::Result<fs::Metadata> {
    let target = save_target(path)?;
    let (temp, written) = write_temp(&target, bytes)?;
    platform::replace(temp.into_temp_path(), &target)?;
    Ok(written)
}

/// What a checked replace did.
#[derive(Debug)]
pub enum Replaced {
    /// The file now holds the bytes; the written file's metadata.
    Written(fs::Metadata),
    /// The file changed on disk before the swap; it was not replaced. When
    /// another program wrote it during the swap itself, its version was kept
    /// beside the file under this name.
    Refused(Option<PathBuf>),
}

/// Writes `bytes` to `path` atomically and durably, unless the file there
/// is no longer the one `unchanged` recognises. On Linux the new file is
/// swapped with the old in one step and the old one checked after the swap,
/// so a change made between a check and the rename is never lost: it is
/// swapped back, or kept beside the file.
pub fn replace_checked(
    path: &Path,
    bytes: &[u8],
    mut unchanged: impl FnMut(&Path) -> io::Result<bool>,
) -> io::Result<Replaced> {
    let target = save_target(path)?;
    if target.exists() && !unchanged(&target)? {
        return Ok(Replaced::Refused(None));
    }
    let (temp, written) = write_temp(&target, bytes)?;
    let temp = temp.into_temp_path();
    match platform::exchange(&temp, &target) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // No file to swap with: create it, unless someone just did.
            return match NamedTempFile::from_parts(File::open(&temp)?, temp)
                .persist_noclobber(&target)
            {
                Ok(_) => platform::sync_new_entry(&target).map(|()| Replaced::Written(written)),
                Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
                    Ok(Replaced::Refused(None))
                }
                Err(e) => Err(e.error),
            };
        }
        Err(e) if platform::unsupported(&e) => {
            // A file system (or system) without the swap: the check above
            // is all there is.
            platform::replace(temp, &target)?;
            return Ok(Replaced::Written(written));
        }
        Err(e) => return Err(e),
    }
    // `temp` now names the file that was there: ours to drop if it was the
    // one expected.
    if unchanged(&temp)? {
        drop(temp);
        platform::sync_new_entry(&target)?;
        return Ok(Replaced::Written(written));
    }
    // Someone wrote the file in the window: give it back its place.
    if platform::exchange(&temp, &target).is_ok() && is_same_file(&temp, &written) {
        drop(temp);
        platform::sync_new_entry(&target)?;
        return Ok(Replaced::Refused(None));
    }
    let kept = keep_beside(&temp, &target)?;
    platform::sync_new_entry(&target)?;
    Ok(Replaced::Refused(Some(kept)))
}

fn is_same_file(path: &Path, written: &fs::Metadata) -> bool {
    fs::symlink_metadata(path)
        .is_ok_and(|m| platform::file_identity(&m) == platform::file_identity(written))
}

/// Gives the file at `temp` a free name `NAME.outside-N.yaml` beside
/// `target`, replacing nothing.
fn keep_beside(temp: &TempPath, target: &Path) -> io::Result<PathBuf> {
    let stem = target
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_string_lossy().into_owned());
    for n in 1..1000 {
        let kept = target.with_file_name(format!("{stem}.outside-{n}.yaml"));
        match fs::hard_link(temp, &kept) {
            Ok(()) => return Ok(kept),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "every name for the other version beside the file is taken",
    ))
}

/// Writes `bytes` to a new file at `path`, durably, never replacing a file
/// already there (`AlreadyExists` then). Readers see the whole file or none.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (temp, _) = write_temp(path, bytes)?;
    temp.persist_noclobber(path).map_err(|e| e.error)?;
    platform::sync_new_entry(path)
}

/// A new temporary file beside `target` (created new, unguessable name,
/// mode 0600 until the session's own is copied) holding `bytes`, synced,
/// and its metadata. It is removed if dropped before being persisted.
fn write_temp(target: &Path, bytes: &[u8]) -> io::Result<(NamedTempFile, fs::Metadata)> {
    platform::refuse_unusable_name(target)?;
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(target))
        .tempfile_in(folder_of(target))?;
    // The new file replaces the session: keep who may read and write it.
    if let Ok(meta) = fs::metadata(target) {
        temp.as_file().set_permissions(meta.permissions())?;
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    let written = temp.as_file().metadata()?;
    Ok((temp, written))
}

/// Removes temporary files left by saves that were killed part-way. Returns
/// the files removed. A temporary file of a live process is left alone.
pub fn clean_leftovers(path: &Path) -> Vec<PathBuf> {
    let target = save_target(path).unwrap_or_else(|_| path.to_path_buf());
    let prefix = leftover_prefix(&target);
    let Ok(entries) = fs::read_dir(folder_of(&target)) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(&prefix)?;
            // `PID-random` now; a bare `PID` from before the random names.
            let pid = rest.split('-').next()?.parse::<u32>().ok()?;
            let stale = pid != std::process::id() && !super::lock::process_alive(pid);
            (stale && fs::remove_file(entry.path()).is_ok()).then(|| entry.path())
        })
        .collect()
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_new_file_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        write_new(&path, b"first").unwrap();
        let again = write_new(&path, b"second").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[test]
    fn a_new_file_never_replaces_one_already_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copy.yaml");
        write_new(&path, b"first").unwrap();
        let second = write_new(&path, b"second").unwrap_err();
        assert_eq!(second.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn leftovers_of_dead_saves_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        let dead = dir
            .path()
            .join(format!("{}{}-Xq3z", leftover_prefix(&path), u32::MAX - 1));
        let old_style = dir
            .path()
            .join(format!("{}{}", leftover_prefix(&path), u32::MAX - 2));
        let mine = dir.path().join(format!("{}Ab9k", temp_prefix(&path)));
        fs::write(&dead, "half").unwrap();
        fs::write(&old_style, "half").unwrap();
        fs::write(&mine, "in flight").unwrap();
        let mut removed = clean_leftovers(&path);
        removed.sort();
        let mut expected = vec![dead.clone(), old_style.clone()];
        expected.sort();
        assert_eq!(removed, expected);
        assert!(!dead.exists() && mine.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_or_fifo_at_the_old_temporary_name_is_never_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        let victim = dir.path().join("victim");
        fs::write(&path, "old").unwrap();
        fs::write(&victim, "precious").unwrap();
        let old_name = |n: &str| {
            dir.path()
                .join(format!(".s.yaml.saving-{}{n}", std::process::id()))
        };
        std::os::unix::fs::symlink(&victim, old_name("")).unwrap();
        make_fifo(&old_name("-fifo"));
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        // Every temporary file of ours is gone; the planted ones are theirs.
        let ours = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(&temp_prefix(&path))
            })
            .count();
        assert_eq!(ours, 1, "only the planted FIFO");
    }

    #[cfg(unix)]
    fn make_fifo(path: &Path) {
        use std::os::unix::ffi::OsStrExt;
        let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_session_is_saved_to_its_target_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("repo");
        fs::create_dir(&real_dir).unwrap();
        let real = real_dir.join("board.yaml");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("board.yaml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        assert_eq!(fs::read_dir(&real_dir).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_device_or_read_only_session_is_never_replaced() {
        use std::os::unix::fs::FileTypeExt;
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.yaml");
        make_fifo(&fifo);
        let e = write_atomic(&fifo, b"x").unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert!(write_atomic(Path::new("/dev/null"), b"x").is_err());
        let locked = dir.path().join("locked.yaml");
        fs::write(&locked, "theirs").unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o444)).unwrap();
        // An administrator may write any file (tests/hostile_files.rs runs
        // the binary as an unprivileged user for the refusal).
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            assert!(read_only(&locked));
            let e = write_atomic(&locked, b"x").unwrap_err();
            assert!(e.to_string().contains("read-only"), "{e}");
            assert_eq!(fs::read_to_string(&locked).unwrap(), "theirs");
            assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_change_made_during_the_swap_is_given_back_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        fs::write(&path, "as read").unwrap();
        // The outside program writes between our check and our swap: the
        // first check (before) passes, the one after the swap sees theirs.
        let mut checks = 0;
        let done = replace_checked(&path, b"ours", |p| {
            checks += 1;
            if checks == 1 {
                fs::write(dir.path().join("theirs"), "outside change").unwrap();
                fs::rename(dir.path().join("theirs"), &path).unwrap();
                return Ok(true);
            }
            Ok(fs::read_to_string(p)? == "as read")
        })
        .unwrap();
        assert!(matches!(done, Replaced::Refused(None)), "{done:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "outside change");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        // Unchanged: written.
        let done = replace_checked(&path, b"ours", |p| {
            Ok(fs::read_to_string(p)? == "outside change")
        })
        .unwrap();
        assert!(matches!(done, Replaced::Written(_)));
        assert_eq!(fs::read_to_string(&path).unwrap(), "ours");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_change_that_cannot_be_swapped_back_is_kept_beside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        fs::write(&path, "as read").unwrap();
        let temp = tempfile::Builder::new().tempfile_in(dir.path()).unwrap();
        fs::write(temp.path(), "outside change").unwrap();
        let temp = temp.into_temp_path();
        let kept = keep_beside(&temp, &path).unwrap();
        drop(temp);
        assert_eq!(kept, dir.path().join("s.outside-1.yaml"));
        assert_eq!(fs::read_to_string(&kept).unwrap(), "outside change");
    }
}
