//! The Unix side: liveness through kill(2) with signal 0, identity from the
//! device and inode, access(2) for "may I write", the folder synced after a
//! rename, and on Linux renameat2's exchange.

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;

use tempfile::TempPath;

pub(super) fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: kill(2) with signal 0 sends nothing; it checks existence only.
    let rc = unsafe { libc::kill(pid, 0) };
    // EPERM: it exists but is not ours.
    rc == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

pub(super) fn file_identity(meta: &Metadata) -> (u64, u64) {
    (meta.dev(), meta.ino())
}

pub(super) fn never_wait(options: &mut OpenOptions) {
    options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
}

fn c_path(path: &Path) -> io::Result<std::ffi::CString> {
    std::ffi::CString::new(path.as_os_str().as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "a NUL byte in the path"))
}

/// Whether this user may not write the file at `path`: its permissions
/// (0444, another owner) or a read-only mount say so. The system answers,
/// so an administrator, who may write any file, is not refused.
pub fn read_only(path: &Path) -> bool {
    let Ok(c_path) = c_path(path) else {
        return true;
    };
    // SAFETY: `c_path` is a valid NUL-terminated string for the call.
    let denied = unsafe { libc::access(c_path.as_ptr(), libc::W_OK) } != 0;
    denied && path.exists()
}

/// Gives `temp` the name `path` (replacing what is there), then makes the
/// new name durable.
pub fn replace(temp: TempPath, path: &Path) -> io::Result<()> {
    temp.persist(path).map_err(|e| e.error)?;
    sync_new_entry(path)
}

/// Makes the name `path` was just given durable: a rename is only on disk
/// once its folder's entry is, so the folder is synced.
pub fn sync_new_entry(path: &Path) -> io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    File::open(folder)?.sync_all()
}

/// Whether `e` says the file system cannot [`exchange`] files.
pub fn unsupported(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::Unsupported
        || matches!(
            e.raw_os_error(),
            Some(libc::EINVAL) | Some(libc::ENOSYS) | Some(libc::EOPNOTSUPP)
        )
}

/// Swaps the files at `a` and `b` in one step.
#[cfg(target_os = "linux")]
pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    let (a, b) = (c_path(a)?, c_path(b)?);
    // SAFETY: both paths are valid NUL-terminated strings for the call.
    let done = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Other Unixes have no one-step swap: see [`unsupported`].
#[cfg(not(target_os = "linux"))]
pub fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}
