//! What files and processes are like on each system, for the store alone:
//! whether a lock's process is alive, the host name, a file's identity,
//! whether this user may write a file, opening a file without waiting,
//! making a replace durable, swapping two files, and names a system cannot
//! hold. Each need is one function with a Unix and a Windows side, so no
//! other file of the store asks which system it is on.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as system;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as system;

use std::fs::{Metadata, OpenOptions};
use std::io;
use std::path::Path;

pub use system::{exchange, read_only, replace, sync_new_entry, unsupported};

/// Whether a process with this id is running on this machine.
pub fn process_alive(pid: u32) -> bool {
    system::process_alive(pid)
}

/// This machine's name, as a lock file records its holder's.
pub fn host_name() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

/// What tells one file from another that took its name, read from its
/// metadata: device and inode on Unix; on Windows the creation time (the
/// volume serial and file index need an unstable std API), which with the
/// modified time's 100 ns steps tells a replaced file from the one before.
pub fn file_identity(meta: &Metadata) -> (u64, u64) {
    system::file_identity(meta)
}

/// Options to open a file for reading that never wait on it: on Unix a
/// FIFO with no writer would block the open itself, and a terminal must not
/// become the process's controlling one.
pub fn reading() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.read(true);
    system::never_wait(&mut options);
    options
}

/// Why `path` cannot be a session file on this system, if it cannot: on
/// Windows, a name the system keeps for a device (`CON.yaml` opens the
/// console, not a file).
pub fn unusable_name(path: &Path) -> Option<String> {
    if !cfg!(windows) {
        return None;
    }
    let name = path.file_name()?.to_string_lossy();
    reserved_on_windows(&name).then(|| {
        format!(
            "{name} cannot be a file on Windows: the name {} belongs to a device; \
             choose another name",
            name.split('.').next().unwrap_or_default()
        )
    })
}

/// [`unusable_name`] as an error to return before the file is touched.
///
/// # Errors
/// `InvalidInput`, saying why, when `path` cannot be a file here.
pub fn refuse_unusable_name(path: &Path) -> io::Result<()> {
    match unusable_name(path) {
        Some(why) => Err(io::Error::new(io::ErrorKind::InvalidInput, why)),
        None => Ok(()),
    }
}

/// Whether Windows keeps `name` (a file name, no folder) for a device: CON,
/// PRN, AUX, NUL, COM1-9 and LPT1-9 (also with superscript digits), in any
/// case, with or without an extension, and with trailing spaces or dots.
pub fn reserved_on_windows(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.trim_end_matches([' ', '.']).to_ascii_uppercase();
    match stem.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" => true,
        _ => {
            // `get`, not slicing: the stem may start with a letter of two bytes.
            let (Some(port), Some(digit)) = (stem.get(..3), stem.get(3..)) else {
                return false;
            };
            matches!(port, "COM" | "LPT")
                && matches!(
                    digit,
                    "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
                )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_device_names_windows_keeps_are_known_in_any_case() {
        for name in [
            "CON.yaml",
            "con.yaml",
            "Con",
            "NUL.txt",
            "aux.yaml",
            "COM1.yaml",
            "lpt9.yaml",
            "COM¹.yaml",
            "CON .yaml",
            "prn.tar.gz",
        ] {
            assert!(reserved_on_windows(name), "{name}");
        }
        for name in [
            "CONSULT.yaml",
            "console.yaml",
            "COM0.yaml",
            "COM10.yaml",
            "2026-11-19.yaml",
            "Siân's board.yaml",
            "Siâ.yaml",
            "LPT.yaml",
            "",
        ] {
            assert!(!reserved_on_windows(name), "{name}");
        }
    }

    #[test]
    fn only_windows_refuses_them() {
        let said = unusable_name(Path::new("board/CON.yaml"));
        assert_eq!(said.is_some(), cfg!(windows), "{said:?}");
        assert_eq!(unusable_name(Path::new("board/meeting.yaml")), None);
    }

    #[test]
    fn a_process_is_alive_while_it_runs() {
        assert!(process_alive(std::process::id()));
        assert!(!process_alive(u32::MAX - 1));
        assert!(!host_name().is_empty());
    }

    #[test]
    fn a_replaced_file_has_a_new_identity() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a");
        std::fs::write(&path, "one").unwrap();
        let before = file_identity(&std::fs::metadata(&path).unwrap());
        assert_eq!(before, file_identity(&std::fs::metadata(&path).unwrap()));
        let temp = tempfile::NamedTempFile::new_in(dir.path()).unwrap();
        std::fs::write(temp.path(), "two").unwrap();
        replace(temp.into_temp_path(), &path).unwrap();
        assert_ne!(before, file_identity(&std::fs::metadata(&path).unwrap()));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
    }
}
