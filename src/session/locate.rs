//! The span pass: where each value of a session file sits in its text.
//!
//! serde gives a parsed value no position, so rules checked after parsing (a
//! dangling id, a time out of order) look their place up here by path, e.g.
//! `turns[12].who` or `decisions[0].responses.beve`. The same pass refuses
//! what serde would accept but a session file must not hold: anchors and
//! aliases (an aliased list can take gigabytes to expand), a key given twice
//! in any mapping, and more than one YAML document.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use super::problem::{Problem, Problems, quote};
use crate::store::read::{MAX_KEYS, too_many_keys};

/// Far deeper than any session file goes (five levels), and shallow enough
/// that nothing downstream can run out of stack.
const MAX_DEPTH: usize = 64;

/// A place in the text: line and column, both from 1. Held in 32 bits
/// because a large file holds millions of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 1, in characters.
    pub col: u32,
}

impl Pos {
    /// The top of the file: where a problem goes when nothing nearer is known.
    pub const START: Pos = Pos { line: 1, col: 1 };

    /// A problem at this place.
    pub fn problem(self, message: impl Into<String>) -> Problem {
        Problem::new(self.line as usize, self.col as usize, message)
    }
}

impl From<Marker> for Pos {
    fn from(m: Marker) -> Self {
        // yaml-rust2 counts lines from 1 but columns from 0. Only text far
        // over the size cap could reach u32::MAX; it then points there.
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Pos {
            line: clamp(m.line()),
            col: clamp(m.col().saturating_add(1)),
        }
    }
}

/// Where one value sits, and the key that names it when it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    key: Option<Pos>,
    value: Pos,
}

/// Every value's place in one session file's text, by path.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    places: HashMap<Box<str>, Place>,
}

impl Spans {
    /// Where the value at `path` starts (`""` is the whole document).
    pub fn value(&self, path: &str) -> Option<Pos> {
        self.places.get(path).map(|p| p.value)
    }

    /// Where the key naming the value at `path` starts; `None` for list
    /// entries, which have no key.
    pub fn key(&self, path: &str) -> Option<Pos> {
        self.places.get(path).and_then(|p| p.key)
    }

    /// The value at `path`, else the nearest enclosing value the text has,
    /// so a problem always has somewhere to point.
    pub fn value_or_near(&self, path: &str) -> Pos {
        let near = || parent(path).map_or(Pos::START, |up| self.value_or_near(up));
        self.value(path).unwrap_or_else(near)
    }

    /// The key at `path`, else its value, else the nearest enclosing value.
    pub fn key_or_near(&self, path: &str) -> Pos {
        self.key(path).unwrap_or_else(|| self.value_or_near(path))
    }

    fn record(&mut self, path: String, key: Option<Pos>, value: Pos) {
        // A repeated key is reported; its path keeps the first place.
        let place = Place { key, value };
        self.places.entry(path.into_boxed_str()).or_insert(place);
    }
}

/// The path one level up: `a.b[2]` → `a.b` → `a` → `""` → none. Ends
/// because each step is strictly shorter; cuts only at ASCII `[` or `.`, so
/// it never splits a character.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = if path.ends_with(']') {
        path.rfind('[')
    } else {
        path.rfind('.')
    };
    Some(cut.map_or("", |at| &path[..at]))
}

/// Joins a mapping key onto a path.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Reads the whole text once, recording places and structural problems.
/// All anchors, aliases and repeated keys are reported; a syntax error, a
/// second document or too deep a nesting ends the pass. A byte order mark
/// must be taken off first (`parse` does), or it becomes part of a key;
/// control characters are let through (`parse` refuses them first).
pub fn locate(text: &str) -> Result<Spans, Vec<Problem>> {
    pass(text, true)
}

/// The structural problems [`locate`] finds, without recording places:
/// cheaper, for a file that will most likely have none.
pub fn check_structure(text: &str) -> Result<(), Vec<Problem>> {
    pass(text, false).map(drop)
}

fn pass(text: &str, record: bool) -> Result<Spans, Vec<Problem>> {
    let mut pass = Pass {
        record,
        ..Pass::default()
    };
    // Driven one event at a time, not through `Parser::load`, which recurses
    // once per nesting level: 100 000 `- ` on one line overflow its stack.
    let mut parser = Parser::new_from_str(text);
    while !pass.stopped {
        match parser.next_token() {
            Ok((Event::StreamEnd, _)) => break,
            Ok((event, mark)) => pass.on_event(event, mark),
            Err(e) => {
                let message = format!("this is not valid YAML: {}", plain_words(e.info()));
                pass.problems.push(Pos::from(*e.marker()).problem(message));
                pass.stopped = true;
            }
        }
    }
    if pass.documents == 0 && pass.problems.is_empty() {
        pass.problems.push(
            Pos::START.problem(
                "the file is empty; a session needs at least format, title, board and date",
            ),
        );
    }
    if pass.problems.is_empty() {
        Ok(pass.spans)
    } else {
        Err(pass.problems.finish())
    }
}

/// The YAML reader's reason in words a facilitator knows, with what to do;
/// a reason we have no words for is given as it is.
fn plain_words(info: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        (
            "did not find expected '-' indicator",
            "this line is not in line with the list above it; each entry of a list starts with '- ' at the same indentation as the others",
        ),
        (
            "did not find expected key",
            "this line is indented differently from the lines around it; the fields of one entry line up under each other",
        ),
        (
            "mapping values are not allowed",
            "a ':' here cannot start a value; if it is part of the text, put the text in quotes (\"...\"), else line this field up with the one above it",
        ),
        (
            "block sequence entries are not allowed",
            "a '- ' list entry cannot go here; check its indentation against the line above",
        ),
        (
            "quoted scalar",
            "a quoted text is not closed where it should be; end it with the same quote it starts with, on the same line",
        ),
        (
            "illegal placement of ':' indicator",
            "a list in [ ] or a map in { } is not closed, or holds a ':' outside quotes; check the brackets",
        ),
        (
            "did not find expected ',' or",
            "a list in [ ] or a map in { } is not closed, or two of its entries lack a ',' between them",
        ),
        (
            "cannot start any token",
            "this character cannot start a value (a tab used for indentation?); indent with spaces",
        ),
    ];
    WORDS
        .iter()
        .find(|(jargon, _)| info.contains(jargon))
        .map_or_else(|| info.to_owned(), |(_, plain)| (*plain).to_owned())
}

/// What a mapping expects next.
#[derive(Debug)]
enum Slot {
    Key,
    /// The value named by this key, which starts at this place.
    Value(String, Pos),
}

#[derive(Debug)]
enum Kind {
    /// The index the next entry gets.
    Sequence(usize),
    /// What comes next, and each key given so far and where (to catch repeats).
    Mapping(Slot, HashMap<String, Pos>),
}

/// A list or mapping the pass is inside.
#[derive(Debug)]
struct Frame {
    path: String,
    kind: Kind,
    /// Whether a child has been placed yet: the first one may move `path`'s
    /// own place earlier (see `Pass::place`).
    empty: bool,
}

#[derive(Debug, Default)]
struct Pass {
    /// Whether to record places in `spans`, or only look for problems.
    record: bool,
    spans: Spans,
    problems: Problems,
    frames: Vec<Frame>,
    documents: usize,
    stopped: bool,
}

impl MarkedEventReceiver for Pass {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let at = Pos::from(mark);
        match event {
            Event::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    self.stop(at.problem(
                        "a second YAML document starts here; a session file holds one meeting",
                    ));
                }
            }
            Event::Alias(_) => {
                self.place(at, None);
                self.problems.push(at.problem(
                    "aliases (*name) are not allowed in a session file; write the value out in full",
                ));
            }
            Event::Scalar(value, _, anchor, _) => {
                self.refuse_anchor(anchor, at);
                self.place(at, Some(value));
            }
            Event::SequenceStart(anchor, _) => {
                self.refuse_anchor(anchor, at);
                self.open(at, Kind::Sequence(0));
            }
            Event::MappingStart(anchor, _) => {
                self.refuse_anchor(anchor, at);
                self.open(at, Kind::Mapping(Slot::Key, HashMap::new()));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.frames.pop();
            }
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
        }
    }
}

impl Pass {
    fn stop(&mut self, problem: Problem) {
        self.problems.push(problem);
        self.stopped = true;
    }

    fn refuse_anchor(&mut self, anchor: usize, at: Pos) {
        // yaml-rust2 numbers anchors from 1; 0 means none.
        if anchor != 0 {
            self.problems.push(at.problem(
                "anchors (&name) are not allowed in a session file; write the value out in full",
            ));
        }
    }

    /// Starts a list or mapping found at `at`.
    fn open(&mut self, at: Pos, kind: Kind) {
        let path = self.place(at, None);
        if self.frames.len() >= MAX_DEPTH {
            self.stop(at.problem(format!(
                "lists and mappings are nested more than {MAX_DEPTH} deep here; a session file never needs that"
            )));
            return;
        }
        self.frames.push(Frame {
            path,
            kind,
            empty: true,
        });
    }

    /// Records a node found at `at` (`scalar` holds its text if it is one)
    /// and returns its path. A scalar mapping key gets no place or path of
    /// its own: its position is kept for the value it names.
    fn place(&mut self, at: Pos, scalar: Option<String>) -> String {
        let Some(frame) = self.frames.last_mut() else {
            if self.record {
                self.spans.record(String::new(), None, at);
            }
            return String::new();
        };
        if frame.empty {
            frame.empty = false;
            // yaml-rust2 marks a block mapping's start at its first value,
            // and an indentless list's at its first entry's content; the
            // first child (the first key, or the flow opener itself) is
            // never later than where the collection really starts.
            if let Some(place) = self.spans.places.get_mut(frame.path.as_str()) {
                place.value = place.value.min(at);
            }
        }
        match &mut frame.kind {
            Kind::Sequence(_) if !self.record => String::new(),
            Kind::Sequence(next) => {
                let path = format!("{}[{next}]", frame.path);
                *next += 1;
                self.spans.record(path.clone(), None, at);
                path
            }
            Kind::Mapping(slot, seen) => match std::mem::replace(slot, Slot::Key) {
                Slot::Value(..) if !self.record => String::new(),
                Slot::Value(key, key_at) => {
                    let path = join(&frame.path, &key);
                    self.spans.record(path.clone(), Some(key_at), at);
                    path
                }
                Slot::Key => {
                    let Some(key) = scalar else {
                        // A list or mapping used as a key has no name to put
                        // in a path; serde refuses it later in any case.
                        *slot = Slot::Value("?".into(), at);
                        return join(&frame.path, "?");
                    };
                    // The key's own text is only kept where places are
                    // recorded: a dense file has a million of them.
                    let name = if self.record {
                        key.clone()
                    } else {
                        String::new()
                    };
                    if seen.len() >= MAX_KEYS {
                        // The bounded reader's shape pass refuses this
                        // first; text parsed without it (`parse` is public)
                        // is held to the same cap, since hashing a million
                        // distinct keys is most of this pass's time.
                        self.problems.push(at.problem(too_many_keys()));
                        self.stopped = true;
                    }
                    match seen.entry(key) {
                        Entry::Occupied(first) => self.problems.push_with(|| {
                            at.problem(format!(
                                "{} is given twice in this mapping (first on line {}); keep one",
                                quote(first.key()),
                                first.get().line
                            ))
                        }),
                        Entry::Vacant(free) => {
                            free.insert(at);
                        }
                    }
                    *slot = Slot::Value(name, at);
                    String::new()
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Spans {
        locate(text).unwrap_or_else(|p| panic!("unexpected problems: {p:?}"))
    }

    fn pos(line: u32, col: u32) -> Option<Pos> {
        Some(Pos { line, col })
    }

    fn problems(text: &str) -> Vec<String> {
        match locate(text) {
            Ok(_) => Vec::new(),
            Err(ps) => ps.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn paths_through_block_lists_and_flow_mappings() {
        let s = spans(
            "turns:\n  - { who: beve, at: 1 }\n  - who: alex\n    at: 2\nstack: [dulcie, beve]\n",
        );
        assert_eq!(s.value("turns[0].who"), pos(2, 12));
        assert_eq!(s.key("turns[0].who"), pos(2, 7));
        assert_eq!(s.value("turns[0]"), pos(2, 5));
        assert_eq!(s.value("turns[1]"), pos(3, 5));
        assert_eq!(s.value("turns[1].at"), pos(4, 9));
        assert_eq!(s.key("turns[1].at"), pos(4, 5));
        assert_eq!(s.value("stack[1]"), pos(5, 17));
        assert_eq!(s.key("stack[1]"), None);
    }

    #[test]
    fn paths_through_nested_lists_and_indentless_lists() {
        let s = spans("a:\n- [1, [2, 3]]\n- k: v\nb: { c: { d: é, e: [x] } }\n");
        assert_eq!(s.value("a[0][1][0]"), pos(2, 8));
        assert_eq!(s.value("a[1]"), pos(3, 3));
        assert_eq!(s.value("a[1].k"), pos(3, 6));
        // Columns count characters, not bytes: `é` is two bytes.
        assert_eq!(s.value("b.c.e[0]"), pos(4, 21));
        assert_eq!(s.key("decisions[0].responses.beve"), None);
    }

    #[test]
    fn a_flow_mapping_over_many_lines_with_too_many_keys_stops_the_pass() {
        let keys: String = (0..=MAX_KEYS).map(|i| format!(" k{i}: 1,\n")).collect();
        let text = format!("glossary: {{\n{keys}}}\n");
        let problems = check_structure(&text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].col), (MAX_KEYS + 2, 2));
        assert!(problems[0].message.contains("keys in one mapping"));
    }

    #[test]
    fn quoted_and_complex_keys() {
        let s = spans("r: { \"beve\": agree, 'alex': object }\n? [a, b]\n: 1\nc: 2\n");
        assert_eq!(s.key("r.beve"), pos(1, 6));
        assert_eq!(s.value("r.alex"), pos(1, 29));
        assert_eq!(s.value("c"), pos(4, 4));
    }

    #[test]
    fn near_falls_back_to_the_nearest_enclosing_value() {
        let s = spans("turns:\n  - { who: beve }\n");
        assert_eq!(s.value_or_near("turns[0].secs"), Pos { line: 2, col: 5 });
        assert_eq!(s.key_or_near("turns[0].who"), Pos { line: 2, col: 7 });
        assert_eq!(s.value_or_near("x[9].y"), Pos::START);
        assert_eq!(Spans::default().value_or_near("a.b]"), Pos::START);
    }

    #[test]
    fn repeated_keys_in_any_mapping() {
        let text = "a: 1\nb:\n  c: 1\n  c: 2\nd: { e: 1, e: 2 }\na: 3\n";
        assert_eq!(
            problems(text),
            [
                "4:3: 'c' is given twice in this mapping (first on line 3); keep one",
                "5:12: 'e' is given twice in this mapping (first on line 5); keep one",
                "6:1: 'a' is given twice in this mapping (first on line 1); keep one",
            ]
        );
    }

    #[test]
    fn anchors_and_aliases_are_refused() {
        let ps = problems("a: &x [1]\nb: *x\nc: &y 2\n");
        assert_eq!(ps.len(), 3);
        assert!(ps[0].starts_with("1:7: anchors"), "{ps:?}");
        assert!(ps[1].starts_with("2:4: aliases"), "{ps:?}");
        assert!(ps[2].starts_with("3:7: anchors"), "{ps:?}");
    }

    #[test]
    fn syntax_errors_second_documents_and_empty_files() {
        let ps = problems("a: [1, 2\nb: 3\n");
        assert_eq!(ps.len(), 1);
        assert!(ps[0].starts_with("2:2: this is not valid YAML"), "{ps:?}");
        let ps = problems("a: 1\n---\nb: 2\n");
        assert_eq!(
            ps,
            ["2:1: a second YAML document starts here; a session file holds one meeting"]
        );
        assert!(problems("---\na: 1\n...\n").is_empty());
        assert!(problems("# nothing\n")[0].starts_with("1:1: the file is empty"));
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let ps = problems(&format!("{}x\n", "- ".repeat(200_000)));
        assert_eq!(ps.len(), 1);
        assert!(ps[0].contains("nested more than 64 deep"), "{ps:?}");
    }
}
