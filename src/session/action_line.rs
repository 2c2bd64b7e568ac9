//! The action line of the close form: `what; who; YYYY-MM-DD`, the date
//! optional, and `; done` or `; dropped` once the action has ended.

use chrono::NaiveDate;

use super::problem::suggest;
use super::recover::impossible_date;
use super::{ActionPoint, ActionState, Session};
use crate::text::one_line;

/// How an action is written on its line, the way [`parse`] reads it back.
pub fn line(a: &ActionPoint) -> String {
    let due = a.due.map(|d| format!("; {d}")).unwrap_or_default();
    let state = a.state.map(|s| format!("; {}", s.id())).unwrap_or_default();
    format!("{}; {}{due}{state}", a.what, a.who)
}

/// Reads a due date `YYYY-MM-DD` on action line `at`.
fn due_date(value: &str, at: &str) -> Result<Option<NaiveDate>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| match impossible_date(value) {
            Some(why) => format!("{at}: the due date {why}"),
            None => {
                format!("{at}: the due date must be a date written YYYY-MM-DD, such as 2027-01-15")
            }
        })
}

/// Reads the actions field: one action a line, `what; who; YYYY-MM-DD`,
/// the date optional. `who` is a participant's id or name. The last one
/// or two parts are the owner and date, so a `what` may hold semicolons.
pub fn parse(session: &Session, text: &str) -> Result<Vec<ActionPoint>, String> {
    let mut actions = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("Action line {}", n + 1);
        let mut parts: Vec<&str> = line.split(';').map(str::trim).collect();
        // A last part `done` or `dropped` marks how the action ended.
        let state = match parts.last().map(|p| p.to_lowercase()) {
            Some(last) if parts.len() >= 3 && last == "done" => Some(ActionState::Done),
            Some(last) if parts.len() >= 3 && last == "dropped" => Some(ActionState::Dropped),
            _ => None,
        };
        if state.is_some() {
            parts.pop();
        }
        let due = match parts.last() {
            Some(last) if parts.len() >= 3 && looks_like_date(last) => {
                let last = parts.pop().unwrap_or_default();
                due_date(last, &at)?
            }
            _ => None,
        };
        if parts.len() < 2 {
            return Err(format!(
                "{at}: write what; who; YYYY-MM-DD, with a semicolon before who"
            ));
        }
        let who = parts.pop().unwrap_or_default();
        let what = parts.join("; ");
        if what.trim().is_empty() {
            return Err(format!(
                "{at}: say what is to be done before the first semicolon"
            ));
        }
        actions.push(ActionPoint {
            what: what.trim().to_owned(),
            who: owner(session, who).map_err(|e| format!("{at}: {e}"))?,
            due,
            state,
        });
    }
    Ok(actions)
}

/// Whether a part is meant as a date (digits and dashes or slashes), so a
/// mistyped date is reported as a date rather than read as a person.
fn looks_like_date(part: &str) -> bool {
    part.is_empty()
        || (part.chars().any(|c| c.is_ascii_digit())
            && part
                .chars()
                .all(|c| c.is_ascii_digit() || "-/.".contains(c)))
}

/// The participant id `who` names: an id, a full name or a first name,
/// in any case, as long as it names one person.
fn owner(session: &Session, who: &str) -> Result<String, String> {
    if who.is_empty() {
        return Err("say who will do it after the first semicolon".into());
    }
    let people = &session.participants;
    if let Some(p) = session.participant(who) {
        return Ok(p.id.clone());
    }
    let wanted = who.to_lowercase();
    let names = |p: &&crate::session::Participant| {
        let name = p.name.to_lowercase();
        p.id.to_lowercase() == wanted
            || name == wanted
            || name.split_whitespace().next() == Some(wanted.as_str())
    };
    let named: Vec<&str> = people.iter().filter(names).map(|p| p.id.as_str()).collect();
    match named.as_slice() {
        [one] => Ok((*one).to_owned()),
        [] => {
            let ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
            let hint = suggest(&wanted, &ids)
                .map(|s| format!(" (did you mean '{s}'?)"))
                .unwrap_or_default();
            Err(format!(
                "nobody called '{}' is in participants{hint}",
                one_line(who)
            ))
        }
        several => Err(format!(
            "{} people are called '{}': use their id ({})",
            several.len(),
            one_line(who),
            several.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_back_with_its_date_and_mark() {
        let s: Session = serde_yaml::from_str(
            "format: 1\ntitle: T\nboard: B\ndate: 2026-11-22\nparticipants: [{ id: joan, name: Joan Smith, role: r }]\n",
        )
        .unwrap();
        let got = parse(&s, "Write it; a; b; Joan; 2026-12-01; done\nCall; joan").unwrap();
        assert_eq!(got[0].what, "Write it; a; b");
        assert_eq!(got[0].state, Some(ActionState::Done));
        assert_eq!(line(&got[0]), "Write it; a; b; joan; 2026-12-01; done");
        assert_eq!(got[1].state, None);
        assert_eq!(
            parse(&s, "Call; joan; 2026-11-31").unwrap_err(),
            "Action line 1: the due date 2026-11-31 is not a date: November 2026 has 30 days"
        );
    }
}
