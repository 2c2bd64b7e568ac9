//! Reading each new version of one session file by parsing only what
//! changed since the last: `follow` reads the facilitator's file on every
//! save, and most of a long meeting's file is its speaking log, which a
//! save changes only at the end.
//!
//! The file is read in two parts: the speaking log (`turns:`) and the rest
//! of the file with an empty log in its place. The rest is small and is
//! parsed whole each time; of the log, the entries whose text is the same
//! as last time are kept and only the ones after them are parsed. The
//! parts are trusted only when they read exactly as the whole file would:
//!
//! - the log is the block list coproduce writes (`turns:` alone on a line,
//!   each entry starting on a line of its own that starts `  -`), and every
//!   such line starts one entry: a line inside a quoted text that looked
//!   like one would leave fewer entries than lines;
//! - the rest, with `turns: []` in the log's place, has its `turns` key at
//!   that very place, so nothing before the log is still open there (a
//!   quoted text spanning lines, a bracket);
//! - the entries read on their own: each part has every check a whole file
//!   has (control characters, anchors, repeated keys, serde), and the
//!   assembled session passes every rule.
//!
//! Anything else (a hand-edited layout, a problem) reads the whole file
//! with [`parse`], which also puts any problem at its place in the file.
//! The store checks the whole text's size and shape first, as for any load.

use std::ops::Range;

use super::load::{parse, parse_all_of};
use super::locate::{Pos, Spans, locate};
use super::model::{Session, Turn};
use super::problem::Problem;
use super::validate::validate;

/// The key line the log starts with, as coproduce writes it.
const LOG_KEY: &str = "turns:\n";

/// A session file's last good version, read in parts so that the next
/// version costs only what changed.
#[derive(Debug, Clone)]
pub struct Reread {
    text: String,
    /// Where the log's entries sit in `text`; `None` when the file's layout
    /// is not one the parts can be trusted on, so the next version is
    /// read whole.
    log: Option<Log>,
    session: Session,
}

/// Where the speaking log sits in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Log {
    /// The log's lines, after its key line.
    body: Range<usize>,
    /// Where each entry starts, from the start of `body`: one per turn.
    entries: Vec<usize>,
}

impl Reread {
    /// Reads a session file's first version.
    ///
    /// # Errors
    /// Every problem of the file, at its place, as [`parse`] gives them.
    pub fn first(text: String) -> Result<Reread, Vec<Problem>> {
        if let Some((session, log, _)) = in_parts(&text, None, &mut Vec::new()) {
            return Ok(Reread {
                text,
                log: Some(log),
                session,
            });
        }
        let session = parse(&text)?;
        Ok(Reread {
            text,
            log: None,
            session,
        })
    }

    /// The last good version's session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Reads the next version of the file, `text`. On success, the number
    /// of turns at the start of the log that are as they were, so a tally
    /// of the log needs only the rest (see `Tally::refit`).
    ///
    /// # Errors
    /// Every problem of the new version, at its place in it; the last good
    /// version is kept as it was.
    pub fn next(&mut self, text: String) -> Result<usize, Vec<Problem>> {
        if text == self.text {
            return Ok(self.session.turns.len());
        }
        let last = self.log.as_ref().map(|log| (self.text.as_str(), log));
        if let Some((session, log, kept)) = in_parts(&text, last, &mut self.session.turns) {
            self.session = session;
            self.log = Some(log);
            self.text = text;
            return Ok(kept);
        }
        let session = parse(&text)?;
        let kept = kept_turns(&self.session.turns, &session.turns);
        self.session = session;
        self.log = None;
        self.text = text;
        Ok(kept)
    }
}

/// `text` read in parts, keeping the entries of the log that are the same
/// text as in the `last` version read (its text and log), whose `turns`
/// they are; `None` when the parts cannot be trusted to read as the whole
/// file would, or do not read. The last turns are moved into the new
/// session, not copied, and given back when it is `None`.
fn in_parts(
    text: &str,
    last: Option<(&str, &Log)>,
    turns: &mut Vec<Turn>,
) -> Option<(Session, Log, usize)> {
    let (key, body) = log_lines(text)?;
    let new_body = &text[body.clone()];
    let (kept, from) = last.map_or((0, 0), |(text, log)| log.kept_in(text, new_body));
    let rest_text = format!("{}turns: []\n{}", &text[..key], &text[body.end..]);
    let appended = new_body.get(from..)?;
    if kept > turns.len() {
        return None;
    }
    let (rest, more) = std::thread::scope(|scope| {
        let rest = scope.spawn(|| read_rest(&rest_text, &text[..key]));
        let more = read_entries(appended);
        (rest.join().ok().flatten(), more)
    });
    let (mut session, (more, starts)) = (rest?, more?);
    let dropped = turns.split_off(kept);
    session.turns = std::mem::take(turns);
    session.turns.extend(more);
    if !validate(&session, &Spans::default()).is_empty() {
        *turns = session.turns;
        turns.truncate(kept);
        turns.extend(dropped);
        return None;
    }
    let old = last.map_or(&[][..], |(_, log)| &log.entries[..kept]);
    let entries = old
        .iter()
        .copied()
        .chain(starts.into_iter().map(|s| s + from))
        .collect();
    Some((session, Log { body, entries }, kept))
}

impl Log {
    /// How many of this log's entries (in `text`) are the same text at the
    /// start of `new_body`, each ending where the new log starts another
    /// entry or ends; and where the first entry after them starts.
    fn kept_in(&self, text: &str, new_body: &str) -> (usize, usize) {
        let old_body = &text[self.body.clone()];
        let same = same_start(old_body.as_bytes(), new_body.as_bytes());
        let end = |i: usize| self.entries.get(i + 1).copied().unwrap_or(old_body.len());
        // Entries end where the next starts, so those wholly the same are
        // found by a search; the last ends with the old log.
        let next_starts = self.entries.get(1..).unwrap_or_default();
        let mut kept = next_starts.partition_point(|&start| start <= same);
        if kept + 1 == self.entries.len() && old_body.len() <= same {
            kept += 1;
        }
        while kept > 0 {
            let at = end(kept - 1);
            let ends_there = at == new_body.len() || starts_entry(&new_body[at..]);
            if at <= same && ends_there {
                return (kept, at);
            }
            kept -= 1;
        }
        (0, 0)
    }
}

/// Where the log's key line starts and where its lines run, if the text
/// has one log in the layout coproduce writes: `turns:` alone on a line,
/// then its lines, each indented or blank, up to the next line that is not.
fn log_lines(text: &str) -> Option<(usize, Range<usize>)> {
    let mut keys = text
        .match_indices("turns:")
        .filter(|&(at, _)| at == 0 || text.as_bytes()[at - 1] == b'\n')
        .map(|(at, _)| at);
    let key = keys.next()?;
    // A second `turns:` at the margin is a repeated key or an odd layout:
    // the whole file says which.
    if keys.next().is_some() || !text[key..].starts_with(LOG_KEY) {
        return None;
    }
    let start = key + LOG_KEY.len();
    let mut end = start;
    for line in text[start..].split_inclusive('\n') {
        if !(line.starts_with(' ') || line == "\n") {
            break;
        }
        end += line.len();
    }
    starts_entry(&text[start..end]).then_some((key, start..end))
}

/// Whether `lines` starts with a line that starts a log entry.
fn starts_entry(lines: &str) -> bool {
    let after = lines.strip_prefix("  -").map(|rest| rest.bytes().next());
    matches!(after, Some(None | Some(b' ' | b'\t' | b'\n' | b'\r')))
}

/// The log's entries in `lines` (a run of whole entries), with where each
/// starts; `None` unless every line that looks like an entry's first is
/// one and the entries read.
fn read_entries(lines: &str) -> Option<(Vec<Turn>, Vec<usize>)> {
    let mut starts = Vec::new();
    let mut at = 0;
    for line in lines.split_inclusive('\n') {
        if starts_entry(line) {
            starts.push(at);
        }
        at += line.len();
    }
    if starts.is_empty() {
        return Some((Vec::new(), starts));
    }
    let turns: Vec<Turn> = parse_all_of(lines).ok()?;
    (turns.len() == starts.len()).then_some((turns, starts))
}

/// The rest of the file, with an empty log in the log's place, if it reads
/// and its `turns` key sits exactly there, after `before`.
fn read_rest(rest: &str, before: &str) -> Option<Session> {
    let session: Session = parse_all_of(rest).ok()?;
    let line = u32::try_from(before.matches('\n').count() + 1).ok()?;
    let spans = locate(rest).ok()?;
    (spans.key("turns") == Some(Pos { line, col: 1 })).then_some(session)
}

/// How many bytes two texts share at their start, compared a page at a
/// time.
fn same_start(a: &[u8], b: &[u8]) -> usize {
    const PAGE: usize = 4096;
    let mut same = 0;
    for (x, y) in a.chunks(PAGE).zip(b.chunks(PAGE)) {
        if x == y {
            same += x.len();
        } else {
            return same + x.iter().zip(y).take_while(|(x, y)| x == y).count();
        }
    }
    same
}

/// How many turns at the start of two logs are the same.
fn kept_turns(old: &[Turn], new: &[Turn]) -> usize {
    old.iter().zip(new).take_while(|(a, b)| a == b).count()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::session::sample::of_size;
    use crate::session::write::to_yaml;

    fn meeting() -> String {
        to_yaml(&of_size(6, 3, 2, 40))
    }

    /// Reads `text` as the next version and checks it against a read of the
    /// whole text: the same session, or the same problems with the last
    /// good session kept; and the turns said to be kept are as they were.
    fn reads_as_whole(reread: &mut Reread, text: &str) -> Result<usize, Vec<Problem>> {
        let before = reread.session().clone();
        let got = reread.next(text.to_owned());
        match parse(text) {
            Ok(whole) => {
                assert_eq!(got.as_ref().err(), None, "{text}");
                assert_eq!(reread.session(), &whole, "{text}");
                let kept = got.unwrap_or_default();
                assert_eq!(before.turns.get(..kept), whole.turns.get(..kept));
                Ok(kept)
            }
            Err(problems) => {
                assert_eq!(got.as_ref().err(), Some(&problems), "{text}");
                assert_eq!(reread.session(), &before);
                Err(problems)
            }
        }
    }

    /// The meeting's text with its last turn closed and `who` given the
    /// floor a minute after it started, as the app saves a floor change.
    fn floor_change(text: &str, who: &str) -> String {
        let log_end = text.find("\nstack:").map_or(text.len(), |at| at + 1);
        let last = text[..log_end - 1].rfind('\n').map_or(0, |at| at + 1);
        let line = &text[last..log_end];
        let at = line
            .split("at: ")
            .nth(1)
            .and_then(|s| s.get(..25))
            .unwrap_or_default();
        let next = Time::parse_from_rfc3339(at).map(|t| t + chrono::Duration::seconds(60));
        let next = next.map(|t| t.to_rfc3339()).unwrap_or_default();
        let closed = line.replace(" }", ", secs: 60 }");
        format!(
            "{}{closed}  - {{ who: {who}, at: {next} }}\n{}",
            &text[..last],
            &text[log_end..]
        )
    }

    use crate::session::Time;

    #[test]
    fn a_floor_change_is_read_by_parsing_the_last_two_entries() {
        let text = meeting();
        let mut reread = Reread::first(text.clone()).expect("the sample reads");
        let turns = reread.session().turns.len();
        assert!(reread.log.is_some(), "the sample's layout is trusted");
        assert!(
            reread
                .session()
                .turns
                .last()
                .is_some_and(|t| t.secs.is_none())
        );
        let who = reread.session().participants[0].id.clone();
        let next = floor_change(&text, &who);
        assert_eq!(reads_as_whole(&mut reread, &next), Ok(turns - 1));
        assert_eq!(reread.session().turns.len(), turns + 1);
        assert!(reread.log.is_some(), "still read in parts");
        // Undone: the closed turn is open again and the new one gone.
        assert_eq!(reads_as_whole(&mut reread, &text), Ok(turns - 1));
        // The same text again changes nothing.
        assert_eq!(reads_as_whole(&mut reread, &text), Ok(turns));
    }

    #[test]
    fn a_broken_save_keeps_the_last_good_state_and_says_where() {
        let text = meeting();
        let mut reread = Reread::first(text.clone()).expect("the sample reads");
        let next = floor_change(&text, "nobody-here");
        let problems = reads_as_whole(&mut reread, &next).expect_err("an unknown speaker");
        let line = next
            .lines()
            .position(|l| l.contains("nobody-here"))
            .unwrap_or(0)
            + 1;
        assert_eq!(problems[0].line, line, "{problems:?}");
        // The kept state still reads the next good version in parts.
        let who = reread.session().participants[1].id.clone();
        let turns = reread.session().turns.len();
        assert_eq!(
            reads_as_whole(&mut reread, &floor_change(&text, &who)),
            Ok(turns - 1)
        );
        assert!(reread.log.is_some());
    }

    /// Layouts a hand may give a file, which the parts cannot be trusted
    /// on: each is read whole, with the same result as a whole read.
    #[test]
    fn a_hand_edited_layout_reads_as_the_whole_file_does() {
        let text = meeting();
        let log = text.find("turns:\n").unwrap_or_default();
        let (head, tail) = text.split_at(log);
        let entry = tail.lines().nth(1).unwrap_or_default().to_owned();
        let entry_at_margin = entry.trim_start().to_owned();
        let quoted = |s: &str| format!("{head}title: \"two\n{s}\"\n{tail}");
        let edits = [
            text.replacen("turns:\n  - ", "turns:\n- ", 1)
                .replace("\n  - {", "\n- {"),
            text.replacen("turns:\n", "turns:\n# the log\n", 1),
            text.replacen("turns:\n", "turns:   \n", 1),
            text.replacen("turns:\n", "turns: # the log\n", 1),
            text.replacen(&entry, &format!("{entry}\n# note"), 1),
            text.replacen(&entry, &entry.replace("{ who", "{\n    who"), 1),
            text.replacen(&entry, &format!("  - \"{entry_at_margin}\n  - x\""), 1),
            text.replacen("turns:\n", "turns:\n    ", 1),
            format!("{text}turns:\n{entry}\n"),
            format!(
                "{head}turns: [{}]\n",
                entry_at_margin.trim_start_matches("- ")
            ),
            quoted("turns:"),
            quoted(&format!("turns:\n{entry}")),
            text.replace('\n', "\r\n"),
            format!("\u{FEFF}{text}"),
            text.replacen("turns:\n", "turns:\n\n", 1),
            text.replacen(&entry, &format!("{entry} &a"), 1),
            format!("{text}\n---\n{text}"),
            text.replace("stack:", "  stack:"),
            format!("{head}turns:\n"),
        ];
        for edit in edits {
            let mut reread = Reread::first(text.clone()).expect("the sample reads");
            let _ = reads_as_whole(&mut reread, &edit);
            match (Reread::first(edit.clone()), parse(&edit)) {
                (Ok(first), Ok(whole)) => assert_eq!(first.session(), &whole),
                (Err(first), Err(whole)) => assert_eq!(first, whole),
                (first, whole) => panic!("{edit}\nfirst {first:?}\nwhole {whole:?}"),
            }
            // And back again.
            let _ = reads_as_whole(&mut reread, &text);
        }
    }

    /// One change a save or a hand may make to the file's text.
    #[derive(Debug, Clone)]
    enum Edit {
        /// The app's floor change, to the `n`th person.
        Floor(usize),
        /// A line put in before line `n` (of all lines, wrapping).
        Insert(usize, &'static str),
        /// Line `n` taken out.
        Remove(usize),
        /// The text as it was `n` edits ago (an undo, a revert).
        Back(usize),
    }

    const LINES: &[&str] = &[
        "  - { who: ghost, at: 2026-11-22T09:00:00+00:00 }",
        "  - { who: p1, at: 2026-11-22T09:00:00+00:00, secs: 5 }",
        "- { who: p1, at: 2026-11-22T09:00:00+00:00 }",
        "turns:",
        "  - \"",
        "\"",
        "  # a note",
        "    secs: 4",
        "stack: []",
        "  -",
        "title: [",
        "]",
        "",
    ];

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            4 => (0usize..6).prop_map(Edit::Floor),
            2 => (0usize..400, proptest::sample::select(LINES)).prop_map(|(n, l)| Edit::Insert(n, l)),
            1 => (0usize..400).prop_map(Edit::Remove),
            1 => (1usize..4).prop_map(Edit::Back),
        ]
    }

    fn apply(texts: &[String], edit: &Edit, people: &[String]) -> String {
        let text = texts.last().cloned().unwrap_or_default();
        let mut lines: Vec<&str> = text.lines().collect();
        match edit {
            Edit::Floor(n) => floor_change(&text, &people[n % people.len()]),
            Edit::Insert(n, line) => {
                lines.insert(n % (lines.len() + 1), line);
                lines.join("\n") + "\n"
            }
            Edit::Remove(n) => {
                if !lines.is_empty() {
                    lines.remove(n % lines.len());
                }
                lines.join("\n") + "\n"
            }
            Edit::Back(n) => texts[texts.len().saturating_sub(*n + 1)].clone(),
        }
    }

    /// The rest of the file is trusted only with its `turns` key where the
    /// log was: the YAML reader refuses every text found that would open
    /// before the log and close after it, so this guards a laxer reader.
    #[test]
    fn the_rest_is_trusted_only_with_its_log_key_in_the_logs_place() {
        let text = meeting();
        let (key, body) = log_lines(&text).expect("the sample's log");
        let rest = format!("{}turns: []\n{}", &text[..key], &text[body.end..]);
        assert!(read_rest(&rest, &text[..key]).is_some());
        let one_line_up = text[..key - 1].rfind('\n').unwrap_or_default();
        assert!(read_rest(&rest, &text[..one_line_up]).is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Whatever a save or a hand does to the file, reading the next
        /// version in parts gives what reading it whole gives.
        #[test]
        fn every_next_version_reads_as_the_whole_file_does(
            edits in proptest::collection::vec(edit(), 1..12)
        ) {
            let mut texts = vec![meeting()];
            let mut reread = Reread::first(texts[0].clone()).expect("the sample reads");
            let people: Vec<String> =
                reread.session().participants.iter().map(|p| p.id.clone()).collect();
            for edit in &edits {
                let next = apply(&texts, edit, &people);
                let _ = reads_as_whole(&mut reread, &next);
                texts.push(next);
            }
        }
    }
}
