//! `coproduce trends DIR`: every session in a folder, by date: whose voices
//! were heard, what was agreed, how often a rubber stamp was flagged, and
//! the rung each meeting reached. Broken files are listed, never fatal.
//!
//! Each session is read at the end of its record ([`record_end`]), as the
//! minutes are, with the same balance, consent and rung code as the panes.

use std::fmt::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::report::{md, pct};
use crate::session::Session;
use crate::session::balance::{Balance, Standing};
use crate::session::cards::Count;
use crate::session::consent::agreed_count;
use crate::session::judgement::{Basis, MeetingRung, meeting_rung};
use crate::session::round::{self, Principle, RoundKind};
use crate::session::rubber_stamp::shown_flag;
use crate::session::timing::record_end;
use crate::session::trend::{Folder, Skipped};
use crate::store::folder::scan;
use crate::text::{fit, one_line};

/// How the table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// A Markdown table, readable as text.
    #[default]
    Text,
    /// Comma-separated values for a spreadsheet, with a header row.
    Csv,
}

/// A share of speaking time and the fair share it is read against: a group
/// of roles taken together, as balance works it out.
pub use crate::session::balance::PowerShare as Share;

/// One session in the folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub date: NaiveDate,
    pub file: String,
    pub title: String,
    pub speaking_secs: u64,
    /// The roles without power together; `None` until anyone spoke.
    pub without_power: Option<Share>,
    /// The `power: true` roles together; `None` when no role has power or
    /// nobody spoke.
    pub power: Option<Share>,
    pub proposals: usize,
    /// Agreed as proposed or amended.
    pub agreed: usize,
    /// Agreed proposals the rubber-stamp check flags.
    pub rubber_stamps: usize,
    pub rung: Option<MeetingRung>,
    /// Cards held up, by whoever had the floor: all of them, and those
    /// while a role with power spoke.
    pub cards: Count,
    pub power_cards: Count,
    /// The last check-out's hands: each principle asked and its share of
    /// the people called (empty when no hands were counted).
    pub principles: Vec<(Principle, f64)>,
}

/// The figures of one session.
pub fn row(file: &str, session: &Session) -> Row {
    let (speaking_secs, without_power, power) = match record_end(session) {
        Some(end) => {
            let b = Balance::compute(session, end);
            let spoke = b.total_secs > 0;
            (
                b.total_secs,
                spoke.then(|| b.without_power(session)),
                b.power.filter(|_| spoke),
            )
        }
        None => (0, None, None),
    };
    let decisions = &session.decisions;
    let cards = crate::session::cards::tally(session, None);
    Row {
        date: session.date,
        file: file.to_owned(),
        title: session.title.clone(),
        speaking_secs,
        without_power,
        power,
        proposals: decisions.len(),
        agreed: agreed_count(decisions),
        // Worked out from the record, so a hand-written agreement counts too.
        rubber_stamps: match record_end(session) {
            Some(end) => decisions
                .iter()
                .filter(|d| shown_flag(session, d, end).is_some())
                .count(),
            None => 0,
        },
        rung: meeting_rung(session),
        cards: cards.all,
        power_cards: cards.power,
        principles: session
            .rounds
            .iter()
            .rev()
            .find(|r| r.kind == RoundKind::CheckOut && !r.hands.is_empty())
            .map(round::shares)
            .unwrap_or_default(),
    }
}

/// Every session in `folder` by date (then file name), and the files skipped.
pub fn read(folder: &Path) -> (Vec<Row>, Vec<Skipped>) {
    let Folder { sessions, skipped } = scan(folder, None);
    let mut rows: Vec<Row> = sessions.iter().map(|f| row(&f.file, &f.session)).collect();
    rows.sort_by(|a, b| (a.date, &a.file).cmp(&(b.date, &b.file)));
    (rows, skipped)
}

/// The table for `folder` in `format`.
pub fn trends(folder: &Path, format: Format) -> String {
    let (rows, skipped) = read(folder);
    match format {
        Format::Text => text(folder, &rows, &skipped),
        Format::Csv => csv(&rows, &skipped),
    }
}

fn rung_words(rung: Option<MeetingRung>) -> String {
    match rung {
        None => "not judged".into(),
        Some(MeetingRung {
            rung,
            basis: Basis::Meeting,
        }) => rung.label().into(),
        Some(MeetingRung {
            rung,
            basis: Basis::Items(n),
        }) => format!(
            "{} (from {n} {})",
            rung.label(),
            if n == 1 { "item" } else { "items" }
        ),
    }
}

/// `3 (2 power)`: cards, and those while a role with power spoke.
fn card_words(all: u32, power: u32) -> String {
    if all == 0 {
        "0".into()
    } else {
        format!("{all} ({power} power)")
    }
}

fn share_words(share: Option<Share>) -> String {
    share.map_or_else(
        || "-".into(),
        |s| {
            format!(
                "{} of {} {}",
                pct(s.share),
                pct(s.fair),
                Standing::of(s.share, s.fair).words()
            )
        },
    )
}

fn text(folder: &Path, rows: &[Row], skipped: &[Skipped]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Trends: {} ({} sessions)\n",
        md(&folder.display().to_string()),
        rows.len()
    );
    if rows.is_empty() {
        let _ = writeln!(out, "No session file could be read here.");
    } else {
        let _ = writeln!(
            out,
            "Speaking time is shown as share of fair share: the roles without power together, then the roles with `power: true` together. Cards are jargon and slow-down cards held up, with how many of them while a role with power had the floor.\n"
        );
        let _ = writeln!(
            out,
            "| Date | Session | File | Without power | With power | Agreed | Rubber stamps | Rung | Jargon cards | Slow-down cards |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
        );
        for r in rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} of {} | {} | {} | {} | {} |",
                r.date,
                md(&fit(&r.title, 40)),
                md(&r.file),
                share_words(r.without_power),
                share_words(r.power),
                r.agreed,
                r.proposals,
                r.rubber_stamps,
                rung_words(r.rung),
                card_words(r.cards.jargon, r.power_cards.jargon),
                card_words(r.cards.slow_down, r.power_cards.slow_down)
            );
        }
    }
    principles(&mut out, rows);
    if !skipped.is_empty() {
        let _ = writeln!(out, "\n## Not read ({})\n", skipped.len());
        for s in skipped {
            let _ = writeln!(out, "- {}", md(&s.line()));
        }
    }
    out
}

/// The six principles, meeting by meeting: the share of hands on each
/// at the check-out (`-`: not asked), for the meetings that counted any.
fn principles(out: &mut String, rows: &[Row]) {
    let counted: Vec<&Row> = rows.iter().filter(|r| !r.principles.is_empty()).collect();
    if counted.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n## The six principles\n\nThe group's own view at each check-out: the share of the people called who raised a hand for each principle.\n"
    );
    let names: Vec<&str> = Principle::ALL.iter().map(|p| p.label()).collect();
    let _ = writeln!(out, "| Date | Session | {} |", names.join(" | "));
    let _ = writeln!(out, "| --- | --- |{}", " --- |".repeat(names.len()));
    for r in counted {
        let _ = write!(out, "| {} | {} |", r.date, md(&fit(&r.title, 40)));
        for p in Principle::ALL {
            let _ = write!(
                out,
                " {} |",
                principle_share(r, p).map_or_else(|| "-".into(), pct)
            );
        }
        out.push('\n');
    }
}

/// A row's share of hands for `p`, if it was asked.
fn principle_share(r: &Row, p: Principle) -> Option<f64> {
    r.principles.iter().find(|(q, _)| *q == p).map(|(_, s)| *s)
}

/// A CSV field: quoted when it holds a comma, quote or line break; text
/// that a spreadsheet would run as a formula is prefixed with `'`.
fn field(text: &str) -> String {
    let text = one_line(text);
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.into_owned()
    };
    if text.contains([',', '"']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn csv(rows: &[Row], skipped: &[Skipped]) -> String {
    let mut out = String::from(
        "date,file,title,speaking_secs,without_power_share,without_power_fair,power_share,power_fair,proposals,agreed,rubber_stamps,rung,rung_basis,jargon_cards,jargon_cards_power,slow_down_cards,slow_down_cards_power,error",
    );
    // The principles come last, so a column added before them elsewhere
    // leaves them where a spreadsheet already reads them.
    for p in Principle::ALL {
        out.push(',');
        out.push_str(&p.id().replace('-', "_"));
    }
    out.push('\n');
    let percent = |f: f64| format!("{:.1}", f * 100.0);
    let pair = |s: Option<Share>| {
        s.map_or_else(
            || ",".to_owned(),
            |s| format!("{},{}", percent(s.share), percent(s.fair)),
        )
    };
    for r in rows {
        let (rung, basis) = match r.rung {
            None => (String::new(), String::new()),
            Some(m) => (
                m.rung.id().to_owned(),
                match m.basis {
                    Basis::Meeting => "meeting".to_owned(),
                    Basis::Items(n) => format!("{n} items"),
                },
            ),
        };
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{rung},{basis},{},{},{},{},{}",
            r.date,
            field(&r.file),
            field(&r.title),
            r.speaking_secs,
            pair(r.without_power),
            pair(r.power),
            r.proposals,
            r.agreed,
            r.rubber_stamps,
            r.cards.jargon,
            r.power_cards.jargon,
            r.cards.slow_down,
            r.power_cards.slow_down,
            Principle::ALL
                .map(|p| principle_share(r, p).map_or_else(String::new, percent))
                .map(|s| format!(",{s}"))
                .concat(),
        );
    }
    for s in skipped {
        let none = ",".repeat(Principle::ALL.len());
        let _ = writeln!(
            out,
            ",{},,,,,,,,,,,,,,,,{}{none}",
            field(&s.file),
            field(&s.reason)
        );
    }
    out
}
