//! The rung over earlier meetings: what the other session files in the
//! folder of this one say (`store::folder` reads them; this is the rule).
//!
//! An earlier session is one whose `date` is before this meeting's. A file
//! that cannot be read or is not a valid session is skipped and said so; it
//! never stops the pane.

use chrono::NaiveDate;

use serde::Deserialize;

use super::judgement::{MeetingRung, rung_of};
use super::model::{Judgement, Session};

/// The earlier sessions in a folder, oldest first, and the files skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trend {
    pub points: Vec<Point>,
    pub skipped: Vec<Skipped>,
}

/// One earlier session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub date: NaiveDate,
    /// The file's name in the folder.
    pub file: String,
    /// `None`: the session has no judgement.
    pub rung: Option<MeetingRung>,
}

/// A file in the folder that could not be read as a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file's name in the folder (or the folder, if it could not be listed).
    pub file: String,
    /// Why, in one line: `12:3: unknown field …` or `cannot read: …`.
    pub reason: String,
}

/// A session file read from a folder.
#[derive(Debug, Clone)]
pub struct Found {
    /// The file's name in the folder.
    pub file: String,
    pub session: Session,
}

/// What a folder holds: every session file read, and every file skipped,
/// each in file-name order.
#[derive(Debug, Clone, Default)]
pub struct Folder {
    pub sessions: Vec<Found>,
    pub skipped: Vec<Skipped>,
}

/// What the trend reads of an earlier session's file: its date and its
/// judgements; everything else in the file is passed over unbuilt.
#[derive(Debug, Clone, Deserialize)]
pub struct Glance {
    pub date: NaiveDate,
    #[serde(default)]
    pub ladder: Vec<Judgement>,
}

/// The sessions before `date` among the glances of a folder's files (each
/// with its name), and every file skipped there, oldest first (then by
/// file name).
pub fn earlier_glances(
    glances: impl IntoIterator<Item = (String, Glance)>,
    skipped: Vec<Skipped>,
    date: NaiveDate,
) -> Trend {
    let mut points: Vec<Point> = glances
        .into_iter()
        .filter(|(_, glance)| glance.date < date)
        .map(|(file, glance)| Point {
            date: glance.date,
            rung: rung_of(&glance.ladder),
            file,
        })
        .collect();
    points.sort_by(|a, b| (a.date, &a.file).cmp(&(b.date, &b.file)));
    Trend { points, skipped }
}

impl Trend {
    /// No trend: the folder (or `file`) could not be read, and why.
    pub fn unread(file: String, reason: String) -> Trend {
        Trend {
            points: Vec::new(),
            skipped: vec![Skipped { file, reason }],
        }
    }
}

impl Skipped {
    /// The file and why, as `file:line:col: what` (editors jump to it) or
    /// `file: cannot read: …`.
    pub fn line(&self) -> String {
        let located = self.reason.starts_with(|c: char| c.is_ascii_digit());
        let sep = if located { ":" } else { ": " };
        format!("{}{sep}{}", self.file, self.reason)
    }
}
