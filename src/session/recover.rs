//! Finding every type error in one run of `check`: serde stops at the
//! first, so each one found is set aside (the field taken out, or a stand-in
//! of the right type put in its place) and the file read again, until it
//! reads or nothing more can be set aside. The file itself is never changed.

use chrono::NaiveDate;
use serde_yaml::{Mapping, Value};

use super::locate::Spans;
use super::model::Session;
use super::problem::Problem;

/// Files larger than this get their first type error only: each one found
/// costs a full read of the file.
pub const MAX_RECOVER_BYTES: usize = 64 * 1024;
/// At most this many type errors are looked for in one file…
const MAX_TYPE_ERRORS: usize = 20;
/// …and the file is read again at most this many times in all, so that a
/// file full of mistakes is still checked in a moment.
const MAX_READS: usize = 16;
/// The bytes read again in all while looking for more type errors.
const READ_BYTES: usize = 48 * 1024;
/// Values nested deeper than this are not a session's: no more is looked for.
const MAX_DEPTH: usize = 12;

/// How deeply `value` nests, counted without recursion.
fn depth(value: &Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(value, 1)];
    while let Some((v, d)) = stack.pop() {
        deepest = deepest.max(d);
        match v {
            Value::Sequence(items) => stack.extend(items.iter().map(|i| (i, d + 1))),
            Value::Mapping(m) => stack.extend(m.iter().flat_map(|(k, v)| [(k, d + 1), (v, d + 1)])),
            Value::Tagged(t) => stack.push((&t.value, d + 1)),
            _ => {}
        }
    }
    deepest
}

/// Every type error in `text` after the `first` serde gave, placed through
/// `spans`, and the session read with each one set aside (for the reference
/// checks) when that worked.
pub fn type_errors(
    text: &str,
    spans: &Spans,
    first: &serde_yaml::Error,
) -> (Vec<Problem>, Option<Session>) {
    // Each read costs about as much as the file is long: the budget is in
    // bytes read, so a long file is read again fewer times.
    let reads = std::cell::Cell::new(MAX_READS.min(READ_BYTES / text.len().max(1)));
    // Refused by size before the read: reading a large file into a value
    // costs seconds and hundreds of megabytes for nothing.
    if text.len() > MAX_RECOVER_BYTES {
        return (Vec::new(), None);
    }
    let mut value: Value = match serde_yaml::from_str(text) {
        // A session is a few levels deep; anything deeper is not one.
        Ok(value) if depth(&value) <= MAX_DEPTH => value,
        _ => return (Vec::new(), None),
    };
    let mut found = Vec::new();
    let mut error = split(&first.to_string());
    let mut seen = vec![error.clone()];
    // Mappings a misspelt field was taken out of: the field it stood for is
    // then missing, which the misspelling's message already says.
    let mut misspelt: Vec<String> = Vec::new();
    while found.len() < MAX_TYPE_ERRORS {
        if unknown_field(&error.1).is_some() {
            misspelt.push(error.0.clone());
        }
        if !set_aside(&mut value, &error, &reads) || !spend(&reads) {
            return (found, None);
        }
        let Ok(again) = serde_yaml::to_string(&value) else {
            return (found, None);
        };
        match serde_yaml::from_str::<Session>(&again) {
            Ok(session) => return (found, Some(session)),
            Err(e) => {
                error = split(&e.to_string());
                if seen.contains(&error) {
                    return (found, None);
                }
                seen.push(error.clone());
                let (path, message) = &error;
                if missing_field(message).is_some() && misspelt.contains(path) {
                    continue;
                }
                let at = match unknown_field(message) {
                    Some(key) => spans.key_or_near(&join(path, key)),
                    None => spans.value_or_near(path),
                };
                let raw = lookup(&value, path).and_then(Value::as_str);
                let message = in_plain_words(message, raw);
                let message = if path.is_empty() {
                    message
                } else {
                    format!("{path}: {message}")
                };
                found.push(at.problem(message));
            }
        }
    }
    (found, None)
}

/// serde_yaml's `path: message at line L column C` as the path and the
/// message.
fn split(text: &str) -> (String, String) {
    let text = match text.rfind(" at line ") {
        Some(at) => &text[..at],
        None => text,
    };
    match text.split_once(": ") {
        Some((path, message)) if !path.contains(' ') => (path.to_owned(), message.to_owned()),
        _ => (String::new(), text.to_owned()),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn unknown_field(message: &str) -> Option<&str> {
    message.strip_prefix("unknown field `")?.split('`').next()
}

fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

/// A path's steps: `decisions[0].actions[1].due` is decisions, 0, actions,
/// 1, due.
fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            if open > 0 {
                out.push(Step::Key(rest[..open].to_owned()));
            }
            rest = &rest[open..];
            while let Some(close) = rest.find(']') {
                if let Ok(i) = rest[1..close].parse() {
                    out.push(Step::Index(i));
                }
                rest = &rest[close + 1..];
            }
        } else {
            out.push(Step::Key(rest.to_owned()));
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

fn child<'v>(value: &'v Value, step: &Step) -> Option<&'v Value> {
    match (value, step) {
        (Value::Mapping(m), Step::Key(k)) => m.get(k.as_str()),
        (Value::Sequence(s), Step::Index(i)) => s.get(*i),
        (Value::Tagged(t), _) => child(&t.value, step),
        _ => None,
    }
}

fn child_mut<'v>(value: &'v mut Value, step: &Step) -> Option<&'v mut Value> {
    match (value, step) {
        (Value::Mapping(m), Step::Key(k)) => m.get_mut(k.as_str()),
        (Value::Sequence(s), Step::Index(i)) => s.get_mut(*i),
        (Value::Tagged(t), _) => child_mut(&mut t.value, step),
        _ => None,
    }
}

fn lookup<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    steps(path).iter().try_fold(value, child)
}

fn lookup_mut<'v>(value: &'v mut Value, steps: &[Step]) -> Option<&'v mut Value> {
    steps.iter().try_fold(value, child_mut)
}

/// Stand-ins tried, in order, for a required field whose value is wrong.
fn stand_ins() -> [Value; 6] {
    [
        Value::String("x".into()),
        Value::Number(0.into()),
        Value::String("2000-01-01T00:00:00+00:00".into()),
        Value::Bool(false),
        Value::Sequence(Vec::new()),
        Value::Mapping(Mapping::new()),
    ]
}

/// Takes one read from the budget; false when none is left.
fn spend(reads: &std::cell::Cell<usize>) -> bool {
    let left = reads.get();
    reads.set(left.saturating_sub(1));
    left > 0
}

/// Whether reading `value` still fails on `key` of the mapping at `parent`
/// (or the budget of reads has run out).
fn still_fails(value: &Value, parent: &str, key: &str, reads: &std::cell::Cell<usize>) -> bool {
    if !spend(reads) {
        return true;
    }
    let Ok(text) = serde_yaml::to_string(value) else {
        return true;
    };
    match serde_yaml::from_str::<Session>(&text) {
        Ok(_) => false,
        Err(e) => {
            let (path, message) = split(&e.to_string());
            path == join(parent, key) || (path == parent && missing_field(&message) == Some(key))
        }
    }
}

/// Sets the value the error is about aside: an unknown field is taken out;
/// a wrong value is taken out, or if the field is required, replaced by a
/// stand-in of a type that reads; a wrong list entry is taken out.
fn set_aside(
    value: &mut Value,
    (path, message): &(String, String),
    reads: &std::cell::Cell<usize>,
) -> bool {
    let mut at = steps(path);
    if let Some(key) = unknown_field(message) {
        return match lookup_mut(value, &at) {
            Some(Value::Mapping(m)) => m.remove(key).is_some(),
            _ => false,
        };
    }
    let (parent, key) = match missing_field(message) {
        Some(key) => (at, Step::Key(key.to_owned())),
        None => match at.pop() {
            Some(last) => (at, last),
            None => return false,
        },
    };
    let parent_path = path_of(&parent);
    match key {
        Step::Index(i) => match lookup_mut(value, &parent) {
            Some(Value::Sequence(s)) if i < s.len() => {
                s.remove(i);
                true
            }
            _ => false,
        },
        Step::Key(key) => {
            let Some(Value::Mapping(m)) = lookup_mut(value, &parent) else {
                return false;
            };
            let was = m.remove(key.as_str());
            if !still_fails(value, &parent_path, &key, reads) {
                return true;
            }
            for stand_in in stand_ins() {
                if let Some(Value::Mapping(m)) = lookup_mut(value, &parent) {
                    m.insert(Value::String(key.clone()), stand_in);
                }
                if !still_fails(value, &parent_path, &key, reads) {
                    return true;
                }
            }
            if let (Some(was), Some(Value::Mapping(m))) = (was, lookup_mut(value, &parent)) {
                m.insert(Value::String(key), was);
            }
            false
        }
    }
}

fn path_of(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The wording for serde's error `path: message` on `text` when the value
/// there is an impossible date; `None` to keep serde's.
pub fn impossible_date_at(text: &str, path: &str) -> Option<String> {
    if text.len() > MAX_RECOVER_BYTES {
        return None;
    }
    let value: Value = serde_yaml::from_str(text).ok()?;
    lookup(&value, path)?.as_str().and_then(impossible_date)
}

/// serde's and chrono's wording made plain where we can: an impossible
/// date is named as such ("November has 30 days").
pub fn in_plain_words(message: &str, raw: Option<&str>) -> String {
    if let Some(why) = raw.and_then(impossible_date) {
        return why;
    }
    message.to_owned()
}

/// Why `raw`, which looks like a date (`YYYY-MM-DD`, perhaps with a time),
/// is not one: a month past 12, or a day past the month's last.
pub fn impossible_date(raw: &str) -> Option<String> {
    let date = raw.get(..10)?;
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let (year, month, day): (i32, u32, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    if !(1..=12).contains(&month) {
        return Some(format!(
            "{date} is not a date: there is no month {month} (months go from 01 to 12)"
        ));
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = NaiveDate::from_ymd_opt(year + i32::from(month == 12), month % 12 + 1, 1)?;
    let days = u32::try_from((next - first).num_days()).ok()?;
    if day == 0 || day > days {
        let name = first.format("%B");
        return Some(format!(
            "{date} is not a date: {name} {year} has {days} days"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_are_named() {
        for (raw, said) in [
            (
                "2026-11-31",
                Some("2026-11-31 is not a date: November 2026 has 30 days"),
            ),
            (
                "2027-02-29",
                Some("2027-02-29 is not a date: February 2027 has 28 days"),
            ),
            (
                "2026-13-01",
                Some("2026-13-01 is not a date: there is no month 13 (months go from 01 to 12)"),
            ),
            ("2028-02-29", None),
            ("2026-11-30T10:00:00+00:00", None),
            ("tomorrow", None),
        ] {
            assert_eq!(impossible_date(raw).as_deref(), said, "{raw}");
        }
    }

    #[test]
    fn paths_split_into_steps_and_back() {
        let path = "decisions[0].actions[12].due";
        assert_eq!(path_of(&steps(path)), path);
        assert_eq!(
            split("turns[3].secs: invalid type: string \"x\", expected u64 at line 9 column 5"),
            (
                "turns[3].secs".into(),
                "invalid type: string \"x\", expected u64".into()
            )
        );
    }
}
