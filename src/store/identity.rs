//! Which version of a file is on disk, told without reading it: an atomic
//! save is a new file (a new identity), an edit in place a new time or
//! length. `follow` polls with it and the app's saves check with it that
//! nobody else wrote the file meanwhile.

use std::fs;
use std::io;
use std::path::Path;
use std::time::SystemTime;

/// The metadata that changes whenever a file is written or replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    modified: Option<SystemTime>,
    len: u64,
    device: u64,
    inode: u64,
}

impl Version {
    /// The version described by metadata already read.
    pub fn of(meta: &fs::Metadata) -> Version {
        let (device, inode) = super::platform::file_identity(meta);
        Version {
            modified: meta.modified().ok(),
            len: meta.len(),
            device,
            inode,
        }
    }

    /// The version of the file at `path` now (following links).
    pub fn read(path: &Path) -> io::Result<Version> {
        fs::metadata(path).map(|meta| Version::of(&meta))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_file_is_a_new_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        fs::write(&path, "one").unwrap();
        let first = Version::read(&path).unwrap();
        assert_eq!(Version::read(&path).unwrap(), first);
        super::super::save::write_atomic(&path, b"two").unwrap();
        assert_ne!(Version::read(&path).unwrap(), first);
    }
}
