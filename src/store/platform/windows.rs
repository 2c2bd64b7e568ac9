//! The Windows side: liveness through OpenProcess, identity from the
//! creation time, the read-only attribute for "may I write", a replace
//! that waits out a scanner's brief hold, and the file flushed where Unix
//! would sync the folder.

use std::fs::{Metadata, OpenOptions};
use std::io;
use std::os::windows::fs::MetadataExt;
use std::path::Path;
use std::time::Duration;

use tempfile::TempPath;
use windows_sys::Win32::Foundation::{CloseHandle, ERROR_ACCESS_DENIED, STILL_ACTIVE};
use windows_sys::Win32::System::Threading::{
    GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
};

pub(super) fn process_alive(pid: u32) -> bool {
    // SAFETY: OpenProcess returns null or a handle we own and close below;
    // the exit code is written to a local.
    unsafe {
        let handle = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if handle.is_null() {
            // Access denied means it exists but belongs to someone else.
            return io::Error::last_os_error().raw_os_error() == Some(ERROR_ACCESS_DENIED as i32);
        }
        let mut code = 0u32;
        let ok = GetExitCodeProcess(handle, &mut code);
        CloseHandle(handle);
        ok != 0 && code == STILL_ACTIVE as u32
    }
}

pub(super) fn file_identity(meta: &Metadata) -> (u64, u64) {
    (0, meta.creation_time())
}

/// Nothing to add: opening a file on Windows never waits for a writer.
pub(super) fn never_wait(_options: &mut OpenOptions) {}

/// Whether the file at `path` is marked read-only (Windows' own flag; the
/// folder's access rules answer when a save is tried).
pub fn read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| meta.permissions().readonly())
}

/// Gives `temp` the name `path`, replacing what is there. std opens files
/// sharing delete, so `follow` or an editor reading the session does not
/// stop this (MoveFileEx with replace); a virus scanner or an editor that
/// holds it without sharing gets a few tries over about a second before
/// the save reports failure (and the saver tries again every second).
pub fn replace(mut temp: TempPath, path: &Path) -> io::Result<()> {
    for _ in 0..10 {
        match temp.persist(path) {
            Ok(()) => return sync_new_entry(path),
            Err(e) if e.error.kind() == io::ErrorKind::PermissionDenied => {
                temp = e.path;
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(e) => return Err(e.error),
        }
    }
    temp.persist(path).map_err(|e| e.error)?;
    sync_new_entry(path)
}

/// Makes the name `path` was just given durable. Windows has no folder to
/// sync: NTFS journals the rename itself, and flushing the renamed file
/// commits its data and metadata.
pub fn sync_new_entry(path: &Path) -> io::Result<()> {
    OpenOptions::new().write(true).open(path)?.sync_all()
}

/// Whether `e` says the file system cannot [`exchange`] files.
pub fn unsupported(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::Unsupported
}

/// Windows has no one-step swap of two files: see [`unsupported`].
pub fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}
