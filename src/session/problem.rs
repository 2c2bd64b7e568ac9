//! A problem found in a session file, with the line and column to fix it
//! at, and the wording helpers that name ids in its message.

use std::fmt;
use std::path::Path;

/// One thing wrong with a session file, at the place a person would edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, counted in characters (as editors and serde_yaml count).
    pub col: usize,
    /// A sentence a facilitator understands.
    pub message: String,
}

impl Problem {
    /// A problem at `line`:`col` (both from 1).
    pub fn new(line: usize, col: usize, message: impl Into<String>) -> Self {
        Problem {
            line,
            col,
            message: message.into(),
        }
    }

    /// The `path:line:col: message` line that `coproduce check` prints and
    /// editors jump to.
    pub fn at(&self, path: &Path) -> String {
        format!("{}:{self}", printable_path(path))
    }
}

/// `line:col: message`, on one line whatever the message holds.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}",
            self.line,
            self.col,
            printable(&self.message)
        )
    }
}

/// A path, made `printable`.
pub fn printable_path(path: &Path) -> String {
    printable(&path.display().to_string())
}

/// `text` safe to print as part of one terminal line. Messages quote text
/// from the file and paths come from the user: a newline would break the
/// one-line-per-problem contract, and an escape sequence, bidi override or
/// zero-width character could repaint or disguise the line. Those are
/// written as `\u{…}` escapes.
pub fn printable(text: &str) -> String {
    let unsafe_to_print = crate::text::is_unsafe;
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        if unsafe_to_print(c) {
            shown.extend(c.escape_unicode());
        } else {
            shown.push(c);
        }
    }
    shown
}

/// Puts problems in file order; problems at the same place keep the order
/// they were found in.
pub fn sort(problems: &mut [Problem]) {
    problems.sort_by_key(|p| (p.line, p.col));
}

/// More than anyone reads in one go; a garbled 16 MiB file could otherwise
/// hold millions of problems and take gigabytes to list them.
pub const MAX_PROBLEMS: usize = 1000;

/// Gathers the problems of one pass, keeping the first `MAX_PROBLEMS`.
#[derive(Debug, Default)]
pub struct Problems {
    kept: Vec<Problem>,
    dropped: usize,
}

impl Problems {
    /// Adds a problem, or counts it if enough are kept already.
    pub fn push(&mut self, problem: Problem) {
        self.push_with(|| problem);
    }

    /// Adds the problem `make` words, calling it only if it will be kept
    /// (wording can be dear: a suggestion compares against every id).
    pub fn push_with(&mut self, make: impl FnOnce() -> Problem) {
        if self.kept.len() < MAX_PROBLEMS {
            self.kept.push(make());
        } else {
            self.dropped += 1;
        }
    }

    /// Whether nothing has been found.
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// The problems in file order; if some were not kept, a last line at
    /// the last kept place says how many.
    pub fn finish(self) -> Vec<Problem> {
        let mut kept = self.kept;
        sort(&mut kept);
        if let Some(last) = kept.last()
            && self.dropped > 0
        {
            let message = format!(
                "{} more problems are not listed; fix these and check again",
                self.dropped
            );
            kept.push(Problem::new(last.line, last.col, message));
        }
        kept
    }
}

/// Longer ids are cut in messages, and not compared for suggestions: they
/// are not typos of a short id.
const LONGEST_SHOWN: usize = 40;

/// An id (or key) in single quotes for a message, cut short if very long.
pub fn quote(id: &str) -> String {
    let mut shown: String = id.chars().take(LONGEST_SHOWN).collect();
    if shown.len() < id.len() {
        shown.push('…');
    }
    format!("'{shown}'")
}

/// The known id `wrong` most likely meant: one within two edits that keeps
/// most of `wrong` (so `sam` does not become `pat`), or one that starts with
/// `wrong` or that `wrong` starts with (`bev` for `beve`, or `b`: a speaker
/// key typed for an id). The closest wins; ties go to the earlier in `known`.
pub fn suggest<'s>(wrong: &str, known: &[&'s str]) -> Option<&'s str> {
    let length = wrong.chars().count();
    if length == 0 || length > LONGEST_SHOWN {
        return None;
    }
    known
        .iter()
        .filter(|id| !id.is_empty() && id.chars().count() <= LONGEST_SHOWN)
        .filter_map(|&id| {
            let distance = edit_distance(wrong, id);
            let prefix = id.starts_with(wrong) || wrong.starts_with(id);
            (prefix || (distance <= 2 && 2 * distance < length)).then_some((distance, id))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, id)| id)
}

/// Edit distance in characters, counting a swap of two neighbours as one
/// edit (`dulice` for `dulcie`), as typing slips usually are.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // Three rows of the usual table: the swap looks two rows back.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut above: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (above[j - 1] + cost).min(above[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut above, row);
    }
    above[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_path_line_col_message() {
        let p = Problem::new(14, 9, "participant 'bev' in turns is not in participants");
        assert_eq!(
            p.at(Path::new("sessions/board.yaml")),
            "sessions/board.yaml:14:9: participant 'bev' in turns is not in participants"
        );
        assert!(
            p.at(Path::new("a\nb.yaml"))
                .starts_with("a\\u{a}b.yaml:14:9: ")
        );
    }

    #[test]
    fn escapes_what_could_break_the_line_or_the_terminal() {
        let p = Problem::new(1, 1, "id 'a\nb\u{1b}[2J\u{202E}c'");
        assert_eq!(p.to_string(), "1:1: id 'a\\u{a}b\\u{1b}[2J\\u{202e}c'");
    }

    #[test]
    fn sorts_by_place_and_keeps_ties_in_order() {
        let mut ps = vec![
            Problem::new(3, 1, "c"),
            Problem::new(1, 5, "a"),
            Problem::new(3, 1, "d"),
            Problem::new(1, 2, "b"),
        ];
        sort(&mut ps);
        let order: Vec<_> = ps.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(order, ["b", "a", "c", "d"]);
    }

    #[test]
    fn a_flood_of_problems_is_cut_with_a_count_at_the_end() {
        let mut ps = Problems::default();
        for line in (1..=MAX_PROBLEMS + 5).rev() {
            ps.push(Problem::new(line, 1, "x"));
        }
        let ps = ps.finish();
        assert_eq!(ps.len(), MAX_PROBLEMS + 1);
        let last = ps.last().unwrap();
        assert_eq!((last.line, last.col), (MAX_PROBLEMS + 5, 1));
        assert_eq!(
            last.message,
            "5 more problems are not listed; fix these and check again"
        );
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("bev", "beve"), 1);
        assert_eq!(edit_distance("dulcie", "dulice"), 1);
        assert_eq!(edit_distance("beev", "beve"), 1);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(edit_distance("é", "e"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn suggestions() {
        let people = ["beve", "dulcie", "alex", "pat", "bev2"];
        #[rustfmt::skip]
        let cases = [
            ("bev", Some("beve")), ("b", Some("beve")), ("dulice", Some("dulcie")),
            ("dulcy", Some("dulcie")), ("alx", Some("alex")), ("alexander", Some("alex")), ("beev", Some("beve")),
            ("Pat", Some("pat")), ("bev22", Some("bev2")),
            ("sam", None), ("bo", None), ("x", None), ("zzzz", None), ("", None),
        ];
        for (wrong, expected) in cases {
            assert_eq!(suggest(wrong, &people), expected, "{wrong}");
        }
    }

    #[test]
    fn long_ids_are_cut_in_messages_without_splitting_characters() {
        assert_eq!(quote("beve"), "'beve'");
        let long = "é".repeat(50);
        assert_eq!(quote(&long), format!("'{}…'", "é".repeat(40)));
        assert_eq!(suggest(&long, &["é"]), None);
    }
}
