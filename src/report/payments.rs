//! `coproduce report --payments`: people's time as CSV for the finance
//! team, one row a person.
//!
//! Every cell is text from a shared, untrusted file opened in a
//! spreadsheet, so a cell that a spreadsheet would run as a formula (it
//! starts with `=`, `+`, `-`, `@`, a tab or a carriage return) is written
//! with a `'` before it, and control, bidi and invisible characters are
//! shown as visible escapes. Quoting is the csv crate's (RFC 4180).

use crate::session::Session;
use crate::session::peoples_time::{Given, everyone};
use crate::text::one_line;

/// The header row.
pub const HEADER: [&str; 11] = [
    "Date",
    "Board",
    "Meeting",
    "Person",
    "Person id",
    "Role",
    "Time at meeting (minutes)",
    "Preparation (minutes)",
    "Travel (minutes)",
    "Total (minutes)",
    "Takes",
];

/// What a person takes, as the finance team reads it.
pub const NOT_ASKED: &str = "not asked yet";

/// The payments CSV of `session`: a header, then everyone in the file's
/// order, those who sent apologies included (with no time at the meeting),
/// so nobody is left off without a word.
pub fn payments_csv(session: &Session) -> std::io::Result<String> {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    out.write_record(HEADER)?;
    let date = session.date.format("%Y-%m-%d").to_string();
    for given in everyone(session) {
        out.write_record(row(session, &date, &given))?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn row(session: &Session, date: &str, given: &Given) -> [String; 11] {
    let p = given.person;
    let role = session
        .roles
        .iter()
        .find(|r| r.id == p.role)
        .map_or(p.role.as_str(), |r| r.label.as_str());
    [
        cell(date),
        cell(&session.board),
        cell(&session.title),
        cell(&p.name),
        cell(&p.id),
        cell(role),
        given.at_meeting_minutes.to_string(),
        given.preparation_minutes.to_string(),
        given.travel_minutes.to_string(),
        given.total_minutes().to_string(),
        given.takes.map_or(NOT_ASKED, |t| t.id()).to_owned(),
    ]
}

/// `text` as a cell no spreadsheet runs: a formula's first character gets
/// a `'` before it (leading spaces looked through), and unsafe characters
/// are escaped on one line.
pub fn cell(text: &str) -> String {
    let formula = text
        .trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r']);
    let shown = one_line(text);
    match formula {
        true => format!("'{shown}"),
        false => shown.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_are_quoted_and_nothing_else_is_touched() {
        for (text, written) in [
            ("=1+1", "'=1+1"),
            ("+44 7700", "'+44 7700"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\\x09=1"),
            ("\r=1", "'\\x0d=1"),
            ("  =cmd", "'  =cmd"),
            ("Ann-Marie", "Ann-Marie"),
            ("O'Neil, \"Jo\"", "O'Neil, \"Jo\""),
            ("Ann\u{202e}eL", "Ann\\u{202e}eL"),
        ] {
            assert_eq!(cell(text), written, "{text:?}");
        }
    }
}
