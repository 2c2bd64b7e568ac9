//! Reading a small text file the app depends on (a keymap, a theme) without
//! trusting it: only regular files (a FIFO would hang the read, a device
//! never end), at most `limit` bytes, UTF-8.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The text of the regular file at `path`, refused if it is larger than
/// `limit` bytes, not a regular file, or not UTF-8.
pub fn read_text(path: &Path, limit: u64) -> io::Result<String> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let too_large = || {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {limit} bytes"),
        )
    };
    if meta.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    // The size can change between the look and the read: the read is capped too.
    File::open(path)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_small_regular_text_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("k.yaml");
        std::fs::write(&file, "global: {}\n").unwrap();
        assert_eq!(read_text(&file, 100).unwrap(), "global: {}\n");
        assert!(
            read_text(&file, 5)
                .unwrap_err()
                .to_string()
                .contains("larger than 5")
        );
        assert!(read_text(dir.path(), 100).is_err());
        std::fs::write(&file, [0xff, 0xfe]).unwrap();
        assert!(read_text(&file, 100).is_err());
    }
}
