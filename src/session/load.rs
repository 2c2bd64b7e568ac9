//! Reading a session from its text: text checks, span pass, serde, rules,
//! in that order, so a hostile or mistaken file is refused before it costs
//! anything. The bytes come from `store::load`; nothing here touches a file.

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
    // Editors on Windows may start a file with a byte order mark, which
    // yaml-rust2 would read as part of the first key and serde_yaml as the
    // start of a second document.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let controls = control_characters(text);
    if !controls.is_empty() {
        return Err(controls);
    }
    // The structural check and serde each read the whole text: they run
    // side by side, and serde's result waits for the check's, whose problems
    // come first. Places are not recorded here: serde's peak memory (every
    // event of the file at once) is the largest of the load already.
    let (structure, read) = std::thread::scope(|scope| {
        let structure = scope.spawn(|| check_structure(text));
        let read = serde_yaml::from_str::<Session>(text);
        (structure.join(), read)
    });
    match structure {
        Ok(result) => result?,
        Err(panic) => std::panic::resume_unwind(panic),
    }
    let session = match read {
        Ok(session) => session,
        Err(e) => return Err(every_type_error(text, &e)),
    };
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
pub fn parse_part<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Vec<Problem>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let controls = control_characters(text);
    if !controls.is_empty() {
        return Err(controls);
    }
    check_structure(text)?;
    serde_yaml::from_str(text).map_err(|e| vec![from_serde(&e, text)])
}

/// Reports each character YAML forbids anywhere in a file (controls other
/// than tab and line breaks, DEL, U+FFFE, U+FFFF). yaml-rust2 lets them
/// through, and serde_yaml refuses them by byte offset with no line.
fn control_characters(text: &str) -> Vec<Problem> {
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
    use super::*;

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
