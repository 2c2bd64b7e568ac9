//! Reading a folder of session files: for the ladder's trend over earlier
//! meetings (read once when the meeting opens, never while drawing or in
//! `update`) and for `coproduce trends`.
//!
//! A session file is any `*.yaml` or `*.yml` file in the folder; hidden
//! files, such as locks and unfinished saves, are not read.

use std::ffi::OsStr;
use std::path::Path;

use chrono::NaiveDate;

use super::load::{LoadError, load};
use crate::session::trend::{Folder, Found, Skipped, Trend, earlier};

/// Reads every session file in `folder` (`*.yaml` or `*.yml`, not hidden,
/// not `except`). A file that cannot be read or is not a valid session is
/// skipped and said so; a folder that cannot be listed is one skipped entry.
pub fn scan(folder: &Path, except: Option<&OsStr>) -> Folder {
    let mut out = Folder::default();
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            out.skipped.push(Skipped {
                file: folder.to_string_lossy().into_owned(),
                reason: format!("cannot list the folder: {e}"),
            });
            return out;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let shown = name.to_string_lossy().into_owned();
        let is_session = (shown.ends_with(".yaml") || shown.ends_with(".yml"))
            && !shown.starts_with('.')
            && Some(name.as_os_str()) != except
            && path.is_file();
        if !is_session {
            continue;
        }
        match load(&path) {
            Ok(loaded) => out.sessions.push(Found {
                file: shown,
                session: loaded.session,
            }),
            Err(e) => out.skipped.push(Skipped {
                file: shown,
                reason: reason(&e),
            }),
        }
    }
    out.sessions.sort_by(|a, b| a.file.cmp(&b.file));
    out.skipped.sort_by(|a, b| a.file.cmp(&b.file));
    out
}

/// The sessions before `date` in the folder of `this_file`, and every file
/// skipped there, oldest first (then by file name).
pub fn trend(this_file: &Path, date: NaiveDate) -> Trend {
    let folder = match this_file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    earlier(scan(folder, this_file.file_name()), date)
}

/// One line on why a file was skipped, without its path (the pane names
/// the file beside it).
fn reason(error: &LoadError) -> String {
    match error {
        LoadError::Io { source, .. } => format!("cannot read: {source}"),
        LoadError::TooLarge { size, .. } => format!("too large for a session ({size} bytes)"),
        LoadError::Problems { problems, .. } => {
            let first = problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default();
            match problems.len() {
                0 | 1 => first,
                n => format!("{first} (and {} more)", n - 1),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Rung;
    use crate::session::judgement::{Basis, MeetingRung};

    fn session(date: &str, ladder: &str) -> String {
        format!(
            "format: 1\ntitle: T\nboard: B\ndate: {date}
agenda: [{{ id: a, title: A, minutes: 5 }}, {{ id: b, title: B, minutes: 5 }}]
{ladder}"
        )
    }

    #[test]
    fn a_folder_of_sessions_gives_each_earlier_ones_rung_and_skips_the_broken() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write(
            "2026-08-16.yaml",
            &session(
                "2026-08-16",
                "ladder: [{ at: 2026-08-16T10:00:00+00:00, rung: consultation }]\n",
            ),
        );
        write("2026-09-20.yaml", &session("2026-09-20", ""));
        write(
            "2026-10-18.yml",
            &session(
                "2026-10-18",
                "ladder:
  - { at: 2026-10-18T10:00:00+00:00, item: a, rung: co-production }
  - { at: 2026-10-18T10:30:00+00:00, item: b, rung: engagement }
",
            ),
        );
        write("broken.yaml", "format: 1\ntitle: [unclosed\n");
        write("this.yaml", &session("2026-11-22", ""));
        // Not earlier, not sessions, or not to be read: left out silently.
        write("later.yaml", &session("2026-12-20", ""));
        write(".this.yaml.lock", "pid: 1\n");
        write("notes.txt", "not a session");
        std::fs::create_dir(dir.path().join("old.yaml")).unwrap();

        let trend = trend(&dir.path().join("this.yaml"), "2026-11-22".parse().unwrap());
        let points: Vec<(String, Option<MeetingRung>)> = trend
            .points
            .iter()
            .map(|p| (p.date.to_string(), p.rung))
            .collect();
        let rung = |rung, basis| Some(MeetingRung { rung, basis });
        assert_eq!(
            points,
            [
                (
                    "2026-08-16".into(),
                    rung(Rung::Consultation, Basis::Meeting)
                ),
                ("2026-09-20".into(), None),
                ("2026-10-18".into(), rung(Rung::Engagement, Basis::Items(2))),
            ]
        );
        assert_eq!(trend.skipped.len(), 1, "{:?}", trend.skipped);
        assert_eq!(trend.skipped[0].file, "broken.yaml");
        assert!(
            trend.skipped[0]
                .reason
                .starts_with("3:1: this is not valid YAML"),
            "{}",
            trend.skipped[0].reason
        );
    }

    #[test]
    fn a_folder_that_cannot_be_listed_is_said_so() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone").join("this.yaml");
        let trend = trend(&gone, "2026-11-22".parse().unwrap());
        assert!(trend.points.is_empty());
        assert!(
            trend.skipped[0]
                .reason
                .starts_with("cannot list the folder")
        );
    }
}
