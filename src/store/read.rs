//! The one bounded reader every file the app reads goes through (sessions,
//! the folder's other sessions, themes, keymap files): only regular files
//! (a FIFO would hang the read, a device never end), at most a size cap,
//! UTF-8, and for YAML a linear pass over the raw text that refuses too deep
//! a nesting, too many nodes or keys, or too long a scalar before any YAML parser
//! sees it (serde_yaml's scanner is quadratic in flow nesting, and its
//! memory grows with every node). Any file up to the cap is read or refused
//! in well under a second (see `benches/read.rs`).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::session::problem::Problem;

/// Lists and mappings nested deeper than this are refused: a session file
/// nests five deep.
pub const MAX_DEPTH: usize = 64;
/// More nodes than this are refused, counted as [`check_shape`] counts
/// them: the 50 000-turn sample holds about 510 000 (a long real meeting
/// has a few thousand turns); the parsers took 0.9 s and 227 MiB on a
/// million list entries `- a: 1` (3 million), and 3 GB on 8 million empty
/// keys.
pub const MAX_NODES: usize = 800_000;
/// A longer quoted or block scalar, or line, is refused: the longest note
/// anyone types is a few KiB.
pub const MAX_SCALAR_BYTES: usize = 1024 * 1024;
/// One mapping with more keys than this is refused: the largest a session
/// holds are the answers to one proposal, one key a person. Both parsers
/// spend most on a mapping's keys (each is hashed and kept to catch
/// repeats), so a file of distinct keys is refused here, not parsed.
pub const MAX_KEYS: usize = 10_000;
/// Keys past the first [`SMALL_MAPPING`] of each mapping, added up over the
/// file, beyond which it is refused: many mappings just under
/// [`MAX_KEYS`] cost the parsers as much as one huge one. A meeting of 200
/// people may record the answers to 1,000 proposals.
pub const MAX_KEYS_IN_LARGE_MAPPINGS: usize = 100_000;
/// A mapping of more keys than this is large (the answers of a meeting of
/// more than 100 people); a session's own mappings are a few dozen keys.
pub const SMALL_MAPPING: usize = 100;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadFail {
    /// The file could not be opened or read, or is not a regular file.
    Io(io::Error),
    /// Over the cap: its size, or as many bytes as were read before giving up.
    TooLarge(u64),
}

impl ReadFail {
    /// As an `io::Error`, for callers with nothing more to say.
    pub fn into_io(self, limit: u64) -> io::Error {
        match self {
            ReadFail::Io(e) => e,
            ReadFail::TooLarge(_) => io::Error::new(
                io::ErrorKind::InvalidData,
                format!("larger than {limit} bytes"),
            ),
        }
    }
}

/// The bytes of the regular file at `path`, at most `limit` of them. The
/// file is opened without waiting (a FIFO with no writer would block the
/// open itself) and its type taken from the opened file, so nothing can be
/// swapped in between the look and the read.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFail> {
    super::platform::refuse_unusable_name(path).map_err(ReadFail::Io)?;
    let file = super::platform::reading()
        .open(path)
        .map_err(ReadFail::Io)?;
    let meta = file.metadata().map_err(ReadFail::Io)?;
    if !meta.is_file() {
        return Err(ReadFail::Io(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        )));
    }
    if meta.len() > limit {
        return Err(ReadFail::TooLarge(meta.len()));
    }
    read_capped(file, limit)
}

/// The size on disk can lie (a growing file): the read is capped too.
fn read_capped(file: File, limit: u64) -> Result<Vec<u8>, ReadFail> {
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadFail::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadFail::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The text of the regular file at `path`, refused if it is larger than
/// `limit` bytes, not a regular file, or not UTF-8.
pub fn read_text(path: &Path, limit: u64) -> io::Result<String> {
    let bytes = read_bytes(path, limit).map_err(|e| e.into_io(limit))?;
    String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))
}

/// [`read_text`] for a YAML file, with its shape checked by
/// [`check_shape`]; a refusal says `line:col: why`.
pub fn read_yaml(path: &Path, limit: u64) -> io::Result<String> {
    let text = read_text(path, limit)?;
    check_shape(&text).map_err(|p| io::Error::new(io::ErrorKind::InvalidData, p.to_string()))?;
    Ok(text)
}

/// Where a quoted scalar or a comment is open during [`check_shape`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum In {
    Plain,
    Single,
    Double,
    Comment,
}

/// Checks YAML text against [`MAX_DEPTH`], [`MAX_NODES`],
/// [`MAX_SCALAR_BYTES`], [`MAX_KEYS`] and [`MAX_KEYS_IN_LARGE_MAPPINGS`]
/// in one pass over the raw characters, before any parser: the first limit
/// broken, at its line and column; else the number of nodes counted. It
/// counts a little generously (a `:` in a plain scalar followed by a space
/// counts as a key and a value), so that the parsers' work follows the
/// count whatever the file's shape.
pub fn check_shape(text: &str) -> Result<usize, Problem> {
    // Every byte YAML gives a meaning to is ASCII: the pass walks bytes, and
    // counts a column for each byte that starts a character.
    let bytes = text.as_bytes();
    let mut state = In::Plain;
    let (mut line, mut col) = (1usize, 0usize);
    let mut flow = 0usize;
    let mut nodes = 0usize;
    // Where the open quoted scalar and the line start (byte offsets).
    let mut scalar_start = 0usize;
    let mut line_start = 0usize;
    let mut line_indent: Option<usize> = None;
    // Block nesting on this line: `- - - x` and `? ? ? x` nest each time.
    let mut line_block = 0usize;
    // A block scalar (`|`, `>`): its parent's indent, while its lines last.
    let mut block_scalar: Option<usize> = None;
    // Keys counted so far in each open block mapping, by its indent, and
    // whether this line may still give one.
    let mut keys = Keys::default();
    let mut key_line = false;
    let mut prev = b'\n';
    let blank_at = |at: usize| matches!(bytes.get(at), None | Some(b' ' | b'\t' | b'\n' | b'\r'));
    let mut at = 0usize;
    while at < bytes.len() {
        if state == In::Plain && line_indent.is_some() {
            // Most of a file is words: bytes that mean nothing to the
            // pass but a column, passed over a run at a time, no further
            // than the line's length limit, which the next byte checks.
            let limit = (line_start + MAX_SCALAR_BYTES).min(bytes.len());
            let words = bytes.get(at..limit).unwrap_or_default();
            let run = words
                .iter()
                .position(|&b| MEANS_SOMETHING[usize::from(b)])
                .unwrap_or(words.len());
            if run > 0 {
                let words = &bytes[at..at + run];
                col += words.iter().filter(|&&b| b & 0xC0 != 0x80).count();
                if let Some(&last) = words.iter().rev().find(|&&b| b & 0xC0 != 0x80) {
                    prev = last;
                }
                at += run;
                continue;
            }
        }
        let c = bytes[at];
        at += 1;
        if c & 0xC0 == 0x80 {
            continue;
        }
        col += 1;
        if at - line_start > MAX_SCALAR_BYTES {
            return Err(Problem::new(
                line,
                col,
                format!(
                    "this line is longer than {MAX_SCALAR_BYTES} bytes by here; a session file never needs that"
                ),
            ));
        }
        if c == b'\n' {
            if state == In::Comment {
                state = In::Plain;
            }
            line += 1;
            col = 0;
            line_start = at;
            line_indent = None;
            line_block = 0;
            prev = b'\n';
            continue;
        }
        if line_indent.is_none() && c != b' ' {
            line_indent = Some(col - 1);
            if let Some(parent) = block_scalar {
                if col - 1 > parent || c == b'\r' {
                    // Still the block scalar's text: nothing in it counts.
                    at = bytes[at..]
                        .iter()
                        .position(|&b| b == b'\n')
                        .map_or(bytes.len(), |n| at + n);
                    col -= 1;
                    line_indent = None;
                    continue;
                }
                block_scalar = None;
            }
            key_line = false;
            if state == In::Plain && flow == 0 && !matches!(c, b'#' | b'\r') {
                // A `- ` starts a new entry: the mappings below it are new.
                keys.close_below(col - 1);
                key_line = !(c == b'-' && blank_at(at));
            }
        }
        match state {
            In::Comment => {}
            In::Single | In::Double => {
                if state == In::Single && c == b'\'' {
                    if bytes.get(at) == Some(&b'\'') {
                        at += 1;
                        col += 1;
                    } else {
                        state = In::Plain;
                    }
                } else if state == In::Double && c == b'\\' {
                    if bytes
                        .get(at)
                        .is_some_and(|&b| b != b'\n' && b & 0xC0 != 0x80 && b < 0x80)
                    {
                        at += 1;
                        col += 1;
                    }
                } else if state == In::Double && c == b'"' {
                    state = In::Plain;
                }
                if at - scalar_start > MAX_SCALAR_BYTES {
                    return Err(long_scalar(line, col));
                }
            }
            In::Plain => {
                let token_start = matches!(prev, b' ' | b'\t' | b'\n' | b'[' | b'{' | b',');
                let mut node = false;
                match c {
                    b'#' if matches!(prev, b' ' | b'\t' | b'\n') => state = In::Comment,
                    b'\'' | b'"' if token_start || prev == b':' => {
                        state = if c == b'\'' { In::Single } else { In::Double };
                        scalar_start = at;
                        node = true;
                    }
                    b'[' | b'{' => {
                        flow += 1;
                        node = true;
                        if flow + line_block > MAX_DEPTH {
                            return Err(Problem::new(line, col, too_deep()));
                        }
                        keys.open_flow(c == b'{');
                    }
                    b']' | b'}' => {
                        flow = flow.saturating_sub(1);
                        keys.close_flow();
                    }
                    b',' if flow > 0 => {
                        node = true;
                        // Each comma of a flow mapping follows one of its
                        // keys, however its colons are spaced.
                        keys.flow_key()
                            .map_err(|message| Problem::new(line, col, message))?;
                    }
                    b'-' | b'?' if token_start && blank_at(at) => {
                        node = true;
                        if line_indent == Some(col - 1) || (prev == b' ' && flow == 0) {
                            line_block += 1;
                            if flow + line_block > MAX_DEPTH {
                                return Err(Problem::new(line, col, too_deep()));
                            }
                        }
                    }
                    b':' if blank_at(at)
                        || (flow > 0 && matches!(bytes.get(at), Some(b',' | b']' | b'}'))) =>
                    {
                        // A key and its value: two scalars to a parser.
                        node = true;
                        nodes += 1;
                    }
                    b'|' | b'>' if token_start && flow == 0 => block_scalar = line_indent,
                    _ => {}
                }
                if node && key_line && flow == 0 && matches!(c, b':' | b'?') {
                    key_line = false;
                    let indent = line_indent.unwrap_or(0);
                    keys.block_key(indent)
                        .map_err(|message| Problem::new(line, indent + 1, message))?;
                }
                if node {
                    nodes += 1;
                    if nodes > MAX_NODES {
                        return Err(Problem::new(
                            line,
                            col,
                            format!(
                                "more than {MAX_NODES} values by here; a session file never needs that"
                            ),
                        ));
                    }
                }
            }
        }
        prev = c;
    }
    Ok(nodes)
}

/// The bytes [`check_shape`] acts on outside quotes and comments, after a
/// line's indent: every other byte only moves the column.
const MEANS_SOMETHING: [bool; 256] = {
    let mut table = [false; 256];
    let special = b"\n\r#'\"[]{},-?:|>";
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table
};

/// The keys [`check_shape`] has counted: in each open block mapping (by
/// its indent) and flow collection (`None` for a list), and past the first
/// [`SMALL_MAPPING`] of each mapping in the whole file.
#[derive(Default)]
struct Keys {
    block: Vec<(usize, usize)>,
    flow: Vec<Option<usize>>,
    in_large: usize,
}

impl Keys {
    /// A line starts at `indent`: the block mappings more indented are over.
    fn close_below(&mut self, indent: usize) {
        while self.block.last().is_some_and(|&(open, _)| open > indent) {
            self.block.pop();
        }
    }

    /// A key of the block mapping at `indent`.
    fn block_key(&mut self, indent: usize) -> Result<(), String> {
        let count = match self.block.last_mut() {
            Some((open, count)) if *open == indent => {
                *count += 1;
                *count
            }
            _ => {
                self.block.push((indent, 1));
                1
            }
        };
        self.counted(count)
    }

    /// A flow mapping (`{`) or list (`[`) opens.
    fn open_flow(&mut self, mapping: bool) {
        self.flow.push(mapping.then_some(0));
    }

    fn close_flow(&mut self) {
        self.flow.pop();
    }

    /// A comma in the innermost flow collection: a key, if it is a mapping.
    fn flow_key(&mut self) -> Result<(), String> {
        match self.flow.last_mut() {
            Some(Some(count)) => {
                *count += 1;
                let count = *count;
                self.counted(count)
            }
            _ => Ok(()),
        }
    }

    /// The refusal, if a mapping now holding `count` keys is one too many.
    fn counted(&mut self, count: usize) -> Result<(), String> {
        if count > MAX_KEYS {
            return Err(too_many_keys());
        }
        if count > SMALL_MAPPING {
            self.in_large += 1;
            if self.in_large > MAX_KEYS_IN_LARGE_MAPPINGS {
                return Err(format!(
                    "more than {MAX_KEYS_IN_LARGE_MAPPINGS} keys in mappings of over {SMALL_MAPPING} keys by here; a session file never needs that"
                ));
            }
        }
        Ok(())
    }
}

/// The refusal of a mapping over [`MAX_KEYS`], shared with the structure
/// pass, which counts the keys of flow mappings.
pub fn too_many_keys() -> String {
    format!("more than {MAX_KEYS} keys in one mapping by here; a session file never needs that")
}

fn too_deep() -> String {
    format!(
        "lists and mappings are nested more than {MAX_DEPTH} deep here; a session file never needs that"
    )
}

fn long_scalar(line: usize, col: usize) -> Problem {
    Problem::new(
        line,
        col,
        format!(
            "a quoted text longer than {MAX_SCALAR_BYTES} bytes ends here at the earliest; a session file never needs that"
        ),
    )
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

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_device_is_refused_without_waiting() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("f.yaml");
        let c = std::ffi::CString::new(fifo.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = read_text(&fifo, 100).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        let e = read_text(Path::new("/dev/zero"), 100).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
    }

    fn refused(text: &str) -> String {
        check_shape(text).unwrap_err().to_string()
    }

    #[test]
    fn ordinary_yaml_passes() {
        for text in [
            "format: 1\ntitle: \"a [b\" # c {\nnote: 'it''s [ fine'\n",
            "items:\n  - { id: a, name: \"x, y\" }\n  - [1, 2, [3]]\n",
            "note: |\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nnext: 1\n",
            "plain: don't [stop] me\n",
        ] {
            assert!(check_shape(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn a_block_mapping_with_too_many_keys_is_refused_at_the_key_over() {
        let keys =
            |n: usize, each: &dyn Fn(usize) -> String| -> String { (0..n).map(each).collect() };
        let flat = format!(
            "format: 1\n{}",
            keys(MAX_KEYS + 5, &|i| format!("k{i}: 1\n"))
        );
        assert!(refused(&flat).starts_with("10001:1:"), "{}", refused(&flat));
        assert!(refused(&flat).contains("more than 10000 keys in one mapping"));
        let nested = format!(
            "glossary:\n{}",
            keys(MAX_KEYS + 1, &|i| format!("  \"k{i}\": m\n"))
        );
        assert!(
            refused(&nested).starts_with("10002:3:"),
            "{}",
            refused(&nested)
        );
        let explicit = keys(MAX_KEYS + 1, &|_| "? a\n".into());
        assert!(refused(&explicit).contains("keys in one mapping"));
        // Keys of many small mappings, one a list entry, never add up.
        let entries = format!(
            "participants:\n{}",
            keys(3 * MAX_KEYS, &|i| format!(
                "  - id: p{i}\n    name: P\n    role: r\n"
            ))
        );
        assert!(check_shape(&entries).is_ok());
        let flows = format!(
            "turns:\n{}",
            keys(3 * MAX_KEYS, &|_| "  - {who: a, secs: 3}\n".into())
        );
        assert!(check_shape(&flows).is_ok());
        // Keys at one indent are one mapping's until a shallower line.
        let split = keys(3 * MAX_KEYS, &|i| format!("a{i}:\n  b: 1\n"));
        assert!(refused(&split).contains("keys in one mapping"));
        let apart = keys(3 * MAX_KEYS, &|i| format!("- a{i}:\n    b: 1\n"));
        assert!(check_shape(&apart).is_ok());
    }

    #[test]
    fn flow_mappings_count_their_keys_and_large_mappings_add_up() {
        let json: String = (0..=MAX_KEYS).map(|i| format!("\"k{i}\":1,")).collect();
        let flow = format!("glossary: {{\n{json}}}\n");
        assert!(refused(&flow).contains("more than 10000 keys in one mapping"));
        // A list of that many values is no mapping.
        let list = format!("stack: [{}]\n", "a,".repeat(MAX_KEYS + 5));
        assert!(check_shape(&list).is_ok());
        // Mappings each under the cap, but large, add up.
        let one = |m: usize| -> String {
            let keys: String = (0..MAX_KEYS).map(|i| format!("  k{i}: 1\n")).collect();
            format!("a{m}:\n{keys}")
        };
        let nine: String = (0..9).map(one).collect();
        assert!(check_shape(&nine).is_ok());
        let twelve: String = (0..12).map(one).collect();
        assert!(refused(&twelve).contains("more than 100000 keys in mappings of over 100"));
        // A key and its value count two, as a parser reads them.
        assert_eq!(check_shape("a: 1\nb: [1, 2]\n"), Ok(6));
    }

    #[test]
    fn deep_nesting_many_nodes_and_long_scalars_are_refused_with_a_place() {
        let deep = format!("a: {}", "[".repeat(65));
        assert!(refused(&deep).starts_with("1:68:"), "{}", refused(&deep));
        assert!(refused(&"- ".repeat(70)).contains("nested more than 64"));
        let many = "- a\n".repeat(MAX_NODES + 1);
        assert!(refused(&many).contains("more than 800000 values"));
        let long = format!("note: \"{}\"\n", "x".repeat(MAX_SCALAR_BYTES + 10));
        assert!(refused(&long).contains("longer than"));
        let long_line = format!("note: {}\n", "x".repeat(MAX_SCALAR_BYTES + 10));
        assert!(
            refused(&long_line).starts_with("1:1048577:"),
            "{}",
            refused(&long_line)
        );
        let wide = format!("note: {}\n", "李".repeat(MAX_SCALAR_BYTES));
        assert!(
            refused(&wide).starts_with("1:349531:"),
            "{}",
            refused(&wide)
        );
    }
}
