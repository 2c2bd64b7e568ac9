//! Reading a session file from disk: the size cap, UTF-8, then the pure
//! parse in `session::load`, so a hostile or mistaken file is refused
//! before it costs anything.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::read::{ReadFail, check_shape, read_bytes};
use crate::session::Session;
use crate::session::load::parse;
use crate::session::problem::{Problem, printable_path};

/// The largest session file read: a long meeting's file is well under 1 MiB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A session read from disk, with the exact text it came from (so the app
/// can tell whether saving would change any byte, and write nothing if not).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The meeting.
    pub session: Session,
    /// The file's text, byte for byte.
    pub text: String,
}

/// Why a session file could not be loaded. Display gives one
/// `path: …` or `path:line:col: …` line per problem.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("{}: cannot read: {source}", printable_path(path))]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The file is over `MAX_FILE_BYTES`.
    #[error(
        "{}: {size} bytes is too large for a session file (at most {MAX_FILE_BYTES})",
        printable_path(path)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes, or as many as were read before giving up.
        size: u64,
    },
    /// The file was read but breaks the format; every problem found.
    #[error("{}", list(path, problems))]
    Problems {
        /// The file.
        path: PathBuf,
        /// In file order.
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// The problems found in the file at `path`.
    pub fn problems_in(path: &Path, problems: Vec<Problem>) -> LoadError {
        LoadError::Problems {
            path: path.to_owned(),
            problems,
        }
    }
}

fn list(path: &Path, problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(|p| p.at(path)).collect();
    lines.join("\n")
}

/// Reads and checks the session file at `path`.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let text = read_checked(path)?;
    let session = parse(&text).map_err(|problems| LoadError::problems_in(path, problems))?;
    Ok(Loaded { session, text })
}

/// Reads only the part `T` names of the session file at `path`, through
/// the same size cap and shape limits as [`load`] (see
/// [`parse_part`](crate::session::load::parse_part)).
pub fn load_part<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, LoadError> {
    let text = read_checked(path)?;
    crate::session::load::parse_part(&text)
        .map_err(|problems| LoadError::problems_in(path, problems))
}

/// The text of the file at `path`, within the size cap, UTF-8, and within
/// the shape limits any parser may be given: for [`load`], and for a
/// reader that parses it in parts (`follow`'s
/// [`Reread`](crate::session::reread::Reread)).
pub fn read_checked(path: &Path) -> Result<String, LoadError> {
    let io_error = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let too_large = |size| LoadError::TooLarge {
        path: path.to_owned(),
        size,
    };
    let bytes = read_bytes(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadFail::Io(source) => io_error(source),
        ReadFail::TooLarge(size) => too_large(size),
    })?;
    let problems = |problems| LoadError::problems_in(path, problems);
    let text = String::from_utf8(bytes).map_err(|e| problems(vec![not_utf8(&e)]))?;
    // Too deep, too many or too long is refused before any parser sees it.
    check_shape(&text).map_err(|p| problems(vec![p]))?;
    Ok(text)
}

/// Where a file stops being UTF-8, found from the valid part before it.
fn not_utf8(e: &std::string::FromUtf8Error) -> Problem {
    let bytes = e.as_bytes();
    let valid = bytes
        .get(..e.utf8_error().valid_up_to())
        .unwrap_or_default();
    let valid = std::str::from_utf8(valid).unwrap_or_default();
    let line = valid.matches('\n').count() + 1;
    let col = valid
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    let message = "the file is not UTF-8 text here; save it as UTF-8";
    Problem::new(line, col, message)
}

/// `coproduce check FILE...`: writes every problem of every file to `out`,
/// one line each, or `path: ok` for a clean file. True when every file is
/// clean and the report was written in full.
pub fn check_files(paths: &[PathBuf], out: &mut dyn Write) -> bool {
    let mut all_clean = true;
    for path in paths {
        let written = match load(path) {
            // Clean, but near the limit: said as open says it, on the same
            // line, so a reviewer sees it before the facilitator does.
            Ok(loaded) => match super::document::size_warning(&loaded.session) {
                Some(warning) => writeln!(out, "{}: ok; {warning}", printable_path(path)),
                None => writeln!(out, "{}: ok", printable_path(path)),
            },
            Err(e) => {
                all_clean = false;
                writeln!(out, "{}", crate::text::visible_lines(&e.to_string()))
            }
        };
        // A report that could not be written is not a clean check.
        all_clean &= written.is_ok();
    }
    all_clean
}
