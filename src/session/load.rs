//! Reading a session from its text: text checks, span pass, serde, rules,
//! in that order, so a hostile or mistaken file is refused before it costs
//! anything. The bytes come from `store::load`; nothing here touches a file.

use serde::de::DeserializeOwned;

use super::locate::{Pos, Spans, check_structure, locate};
use super::model::Session;
use super::problem::{Problem, Problems};
use super::recover;
use super::validate::validate;

/// Reads a session from its text and checks every rule. On failure, the
/// problems in file order (up to [`MAX_PROBLEMS`], then a count): control
/// characters alone if there are any, else structural ones (syntax,
/// anchors, repeated keys, documents), else serde's one type error, else
/// every rule broken.
///
/// [`MAX_PROBLEMS`]: super::problem::MAX_PROBLEMS
pub fn parse(text: &str) -> Result<Session, Vec<Problem>> {
    let text = without_controls(text)?;
    match read_and_check(text)? {
        Ok(session) => checked(session, text),
        Err(e) => Err(every_type_error(text, &e)),
    }
}

/// serde's reading of `text`, unless the structural check finds problems,
/// which come first. The check reads the whole text too (half as much
/// again as serde) only when it may find what serde would let through, or
/// to put serde's refusal in plainer words at its place: anchors and
/// aliases are written with `&` and `*`, and serde refuses all else the
/// check does (a second document, a key given twice, as every struct and
/// map of a session does, nesting deeper than a session goes, broken
/// text). With `&` or `*` it runs beside serde. Places are not recorded
/// here: serde's peak memory (every event of the file at once) is the
/// largest of the load already.
fn read_and_check<T: DeserializeOwned>(
    text: &str,
) -> Result<Result<T, serde_yaml::Error>, Vec<Problem>> {
    if !text.contains(['&', '*']) {
        let read = serde_yaml::from_str::<T>(text);
        if read.is_err() {
            check_structure(text)?;
        }
        return Ok(read);
    }
    let (structure, read) = std::thread::scope(|scope| {
        let structure = scope.spawn(|| check_structure(text));
        let read = serde_yaml::from_str::<T>(text);
        (structure.join(), read)
    });
    match structure {
        Ok(result) => result?,
        Err(panic) => std::panic::resume_unwind(panic),
    }
    Ok(read)
}

/// `session` when it breaks no rule, else every rule it breaks.
fn checked(session: Session, text: &str) -> Result<Session, Vec<Problem>> {
    // Places are only needed to say where a rule is broken: a clean file
    // (the usual case) is checked without them, which halves the check.
    if validate(&session, &Spans::default()).is_empty() {
        return Ok(session);
    }
    Err(validate(&session, &locate(text)?))
}

/// Reads only the fields `T` names from a session's text, with the same
/// checks of the text as [`parse`] (control characters, syntax, anchors,
/// repeated keys) but not the rules, which need the whole session: for a
/// reader that needs a part of many files (the trend over earlier
/// meetings), so the rest is never built in memory.
pub fn parse_part<T: DeserializeOwned>(text: &str) -> Result<T, Vec<Problem>> {
    let text = without_controls(text)?;
    // serde skips what `T` does not name, repeated keys and all: the
    // structural check reads all of it.
    check_structure(text)?;
    serde_yaml::from_str(text).map_err(|e| vec![from_serde(&e, text)])
}

/// Reads `T` from text that is a part of a session file (the speaking
/// log alone, or the file without it), with every check of [`parse`] but
/// the rules, for a reader that checks them once the parts are put
/// together (`reread`). `T` must refuse unknown fields, as every type of
/// a session does, so that serde reads every key of the text.
pub fn parse_all_of<T: DeserializeOwned>(text: &str) -> Result<T, Vec<Problem>> {
    let text = without_controls(text)?;
    read_and_check(text)?.map_err(|e| vec![from_serde(&e, text)])
}

/// `text` without a byte order mark, if it has no control character.
fn without_controls(text: &str) -> Result<&str, Vec<Problem>> {
    // Editors on Windows may start a file with a byte order mark, which
    // yaml-rust2 would read as part of the first key and serde_yaml as the
    // start of a second document.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let controls = control_characters(text);
    if controls.is_empty() {
        Ok(text)
    } else {
        Err(controls)
    }
}

/// Reports each character YAML forbids anywhere in a file (controls other
/// than tab and line breaks, DEL, U+FFFE, U+FFFF). yaml-rust2 lets them
/// through, and serde_yaml refuses them by byte offset with no line.
fn control_characters(text: &str) -> Vec<Problem> {
    // Every forbidden character has a byte below space, DEL, or a lead
    // byte 0xC2 (U+0080 to U+009F) or 0xEF (U+FFFE, U+FFFF): a text with
    // none of these is passed at once, without counting lines.
    let suspect = |b: &u8| {
        (*b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7F | 0xC2 | 0xEF)
    };
    if !text.as_bytes().iter().any(suspect) {
        return Vec::new();
    }
    let mut problems = Problems::default();
    let mut at = Pos::START;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let forbidden = match c {
            '\t' | '\n' | '\r' | '\u{85}' => false,
            '\u{FFFE}' | '\u{FFFF}' => true,
            c => c.is_control(),
        };
        if forbidden {
            let code = u32::from(c);
            problems.push(at.problem(format!(
                "an invisible control character (U+{code:04X}) is here; delete it"
            )));
        }
        // A lone CR ends a line too; a CR before LF waits for the LF.
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            at = Pos {
                line: at.line.saturating_add(1),
                col: 1,
            };
        } else {
            at.col = at.col.saturating_add(1);
        }
    }
    problems.finish()
}

/// Every type error, not only serde's first, then every rule the file
/// breaks once they are set aside (leaving out those at the very place of
/// a type error, which a stand-in put there may have caused), up to the cap.
fn every_type_error(text: &str, first: &serde_yaml::Error) -> Vec<Problem> {
    // More than the first is only looked for in a file small enough to
    // read again; the places pass alone would double a large file's check.
    if text.len() > recover::MAX_RECOVER_BYTES {
        return vec![from_serde(first, text)];
    }
    let mut problems = Problems::default();
    let mut places = vec![];
    let spans = match locate(text) {
        Ok(spans) => spans,
        Err(_) => return vec![from_serde(first, text)],
    };
    let (more, read) = recover::type_errors(text, &spans, first);
    for p in std::iter::once(from_serde(first, text)).chain(more) {
        places.push((p.line, p.col));
        problems.push(p);
    }
    if let Some(session) = read {
        for p in validate(&session, &spans) {
            if !places.contains(&(p.line, p.col)) {
                problems.push(p);
            }
        }
    }
    problems.finish()
}

/// serde_yaml's error at its own location; the location is taken off the
/// end of its message, which keeps the path (`turns[3]: …`) as context.
fn from_serde(e: &serde_yaml::Error, text: &str) -> Problem {
    let message = e.to_string();
    let Some(location) = e.location() else {
        return Pos::START.problem(message);
    };
    let suffix = format!(" at line {} column {}", location.line(), location.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message);
    let impossible = message.split_once(": ").and_then(|(path, reason)| {
        let chrono = CHRONO_REASONS.iter().any(|r| reason.ends_with(r));
        let said = chrono
            .then(|| recover::impossible_date_at(text, path))
            .flatten()?;
        Some(format!("{path}: {said}"))
    });
    let message = impossible.unwrap_or_else(|| with_time_hint(message));
    Problem::new(location.line(), location.column(), message)
}

/// chrono's reasons for refusing a date or time. They name no format, so a
/// facilitator gets an example of the one expected.
const CHRONO_REASONS: [&str; 7] = [
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "bad or unsupported format string",
];

fn with_time_hint(message: &str) -> String {
    if CHRONO_REASONS
        .iter()
        .any(|reason| message.ends_with(reason))
    {
        format!("{message}; write dates as 2026-11-22 and times as 2026-11-22T10:05:00+00:00")
    } else {
        message.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::session::sample::of_size;
    use crate::session::write::to_yaml;

    /// The reading as it was before serde alone could clear a text: the
    /// structural check first, always.
    fn with_the_check_always(text: &str) -> Result<Session, Vec<Problem>> {
        let text = without_controls(text)?;
        check_structure(text)?;
        match serde_yaml::from_str::<Session>(text) {
            Ok(session) => checked(session, text),
            Err(e) => Err(every_type_error(text, &e)),
        }
    }

    /// Lines that YAML's corners are made of: documents, directives,
    /// anchors and aliases, repeated keys, tabs, quotes and brackets left open, merge keys,
    /// tags, keys that are lists.
    const LINES: &[&str] = &[
        "---",
        "...",
        "%YAML 1.2",
        "title: again",
        "format: 1",
        "\t- a",
        "  \"",
        "\"",
        "stack: [",
        "]",
        "? [a]",
        ": b",
        "<<: {}",
        "place: !!str x",
        "stack: [a, a]",
        "    x: yes",
        "  - { who: a, who: b }",
        "reasons: { a: x, a: y }",
        "'",
        "place: &p Hall",
        "board: *p",
        "  - |",
        "#",
        "",
    ];

    /// serde reads an anchor and expands an alias; a session file holds
    /// neither, so the check reads every text that has `&` or `*`.
    #[test]
    fn anchors_and_aliases_are_refused_though_serde_reads_them() {
        let text = to_yaml(&of_size(4, 2, 2, 12));
        let title = text
            .lines()
            .find(|l| l.starts_with("title: "))
            .unwrap_or_default();
        let anchored = text.replacen(title, &title.replacen("title: ", "title: &t ", 1), 1);
        let aliased = format!("{anchored}place: *t\n");
        for text in [anchored, aliased] {
            assert!(serde_yaml::from_str::<Session>(&text).is_ok());
            let problems = parse(&text).expect_err("an anchor");
            assert!(
                problems[0]
                    .message
                    .starts_with("anchors (&name) are not allowed")
            );
            assert_eq!(parse(&text), with_the_check_always(&text));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// Whatever lines are put into a meeting's text, or taken out,
        /// reading it gives what reading it with the structural check
        /// always did: the same session, or the same problems.
        #[test]
        fn serde_alone_clears_only_what_the_check_would(
            edits in proptest::collection::vec(
                (0usize..200, proptest::option::of(proptest::sample::select(LINES))),
                1..4,
            )
        ) {
            let text = to_yaml(&of_size(4, 2, 2, 12));
            let mut lines: Vec<&str> = text.lines().collect();
            for (at, line) in edits {
                match line {
                    Some(line) => lines.insert(at % (lines.len() + 1), line),
                    None if !lines.is_empty() => drop(lines.remove(at % lines.len())),
                    None => {}
                }
            }
            let text = lines.join("\n");
            prop_assert_eq!(parse(&text), with_the_check_always(&text), "{}", text);
        }
    }

    #[test]
    fn control_characters_are_refused_where_they_are() {
        let ps = control_characters("a: x\u{1}y\r\nb: \u{7f}\rc: ok\td\u{85}\n");
        let ps: Vec<String> = ps.iter().map(ToString::to_string).collect();
        assert_eq!(
            ps,
            [
                "1:5: an invisible control character (U+0001) is here; delete it",
                "2:4: an invisible control character (U+007F) is here; delete it",
            ]
        );
    }
}
