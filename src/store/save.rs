//! Saving a session file so that a crash, kill or power cut never leaves a
//! half-written file: write a temporary file in the same folder, sync it,
//! rename it over the session, then sync the folder.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The prefix of a save's temporary file, so leftovers can be found again.
fn temp_prefix(path: &Path) -> String {
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

/// Writes `bytes` to `path` atomically and durably.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_stat(path, bytes).map(drop)
}

/// Writes `bytes` to `path` atomically and durably, and returns the written
/// file's metadata. It is read from the open file before the rename, so a
/// write by anyone else just after ours can never be taken for ours.
pub fn write_atomic_stat(path: &Path, bytes: &[u8]) -> io::Result<fs::Metadata> {
    let folder = folder_of(path);
    write_through_temp(path, bytes, |temp| {
        fs::rename(temp, path)?;
        // The rename is only durable once the folder's entry is on disk.
        File::open(&folder)?.sync_all()
    })
}

/// Writes `bytes` to a new file at `path`, durably, never replacing a file
/// already there (`AlreadyExists` then). Readers see the whole file or none.
pub fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = folder_of(path);
    write_through_temp(path, bytes, |temp| {
        // A hard link fails if the name is taken, where a rename would replace.
        fs::hard_link(temp, path)?;
        let _ = fs::remove_file(temp);
        File::open(&folder)?.sync_all()
    })
    .map(drop)
}

/// Writes and syncs a temporary file beside `path`, then lets `publish` give
/// it its name; the temporary file is removed if anything fails.
fn write_through_temp(
    path: &Path,
    bytes: &[u8],
    publish: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<fs::Metadata> {
    let temp = folder_of(path).join(format!("{}{}", temp_prefix(path), std::process::id()));
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temp)?;
        // The renamed file replaces the session: keep who may read and write it.
        if let Ok(meta) = fs::metadata(path) {
            file.set_permissions(meta.permissions())?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        let written = file.metadata()?;
        publish(&temp)?;
        Ok(written)
    })();
    // After a rename there is nothing left to remove; after a link, the
    // temporary name goes.
    let _ = fs::remove_file(&temp);
    result
}

/// Removes temporary files left by saves that were killed part-way. Returns
/// the files removed. A temporary file of a live process is left alone.
pub fn clean_leftovers(path: &Path) -> Vec<PathBuf> {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(folder_of(path)) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let pid = name.strip_prefix(&prefix)?.parse::<u32>().ok()?;
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
            .join(format!("{}{}", temp_prefix(&path), u32::MAX - 1));
        let mine = dir
            .path()
            .join(format!("{}{}", temp_prefix(&path), std::process::id()));
        fs::write(&dead, "half").unwrap();
        fs::write(&mine, "in flight").unwrap();
        assert_eq!(clean_leftovers(&path), vec![dead.clone()]);
        assert!(!dead.exists() && mine.exists());
    }
}
