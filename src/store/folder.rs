//! Reading a folder of session files: for the ladder's trend over earlier
//! meetings (read once, off the UI thread after the first frame in the live
//! app; never while drawing or in `update`) and for `coproduce trends`.
//!
//! A session file is any `*.yaml` or `*.yml` file in the folder; hidden
//! files, such as locks and unfinished saves, are not read.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

use chrono::NaiveDate;

use super::load::{LoadError, load, load_part};
use crate::session::trend::{Folder, Found, Glance, Skipped, Trend, earlier_glances};

/// Reads every session file in `folder` (`*.yaml` or `*.yml`, not hidden,
/// not `except`). A file that cannot be read or is not a valid session is
/// skipped and said so; a folder that cannot be listed is one skipped entry.
pub fn scan(folder: &Path, except: Option<&OsStr>) -> Folder {
    let (sessions, skipped) = read_each(folder, except, |path| load(path).map(|l| l.session));
    let sessions = sessions
        .into_iter()
        .map(|(file, session)| Found { file, session })
        .collect();
    Folder { sessions, skipped }
}

/// `read` of every session file in `folder` but `except`, each with its
/// name, and every file skipped, each in file-name order.
fn read_each<T>(
    folder: &Path,
    except: Option<&OsStr>,
    read: impl Fn(&Path) -> Result<T, LoadError>,
) -> (Vec<(String, T)>, Vec<Skipped>) {
    let mut read_ok = Vec::new();
    let mut skipped = Vec::new();
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            skipped.push(Skipped {
                file: folder.to_string_lossy().into_owned(),
                reason: format!("cannot list the folder: {e}"),
            });
            return (read_ok, skipped);
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
        match read(&path) {
            Ok(value) => read_ok.push((shown, value)),
            Err(e) => skipped.push(Skipped {
                file: shown,
                reason: reason(&e),
            }),
        }
    }
    read_ok.sort_by(|a, b| a.0.cmp(&b.0));
    skipped.sort_by(|a, b| a.file.cmp(&b.file));
    (read_ok, skipped)
}

/// The sessions before `date` in the folder of `this_file`, and every file
/// skipped there, oldest first (then by file name). Of each file only the
/// date and the judgements are read (a file whose other parts break the
/// rules still gives its rung; `coproduce check` and `trends` say what is
/// wrong with it), through the size and shape limits of every read.
pub fn trend(this_file: &Path, date: NaiveDate) -> Trend {
    let folder = match this_file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let (glances, skipped) = read_each(folder, this_file.file_name(), load_part::<Glance>);
    earlier_glances(glances, skipped, date)
}

/// [`trend`] on a thread of its own, so the meeting never waits for the
/// folder: the trend comes on the channel returned once read. Should the
/// reading stop short, the trend says so in place of the files.
pub fn trend_later(this_file: PathBuf, date: NaiveDate) -> Receiver<Trend> {
    let (send, receive) = std::sync::mpsc::channel();
    let folder = this_file
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let folder = folder.to_string_lossy().into_owned();
    let answer = send.clone();
    let reading = std::thread::Builder::new()
        .name("earlier meetings".into())
        .spawn(move || {
            let read = crate::caught::catch(|| trend(&this_file, date));
            let why = "reading the earlier meetings stopped on an internal error";
            // The app may have closed meanwhile: nobody to tell.
            let _ = answer.send(read.unwrap_or_else(|| Trend::unread(folder, why.into())));
        });
    if let Err(e) = reading {
        let why = format!("cannot start reading the earlier meetings: {e}");
        let _ = send.send(Trend::unread(String::new(), why));
    }
    receive
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
    fn the_trend_reads_only_date_and_judgements_and_comes_the_same_off_the_thread() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        // A turn by someone nobody listed breaks the rules, not the rung.
        write(
            "2026-09-20.yaml",
            &format!(
                "{}turns: [{{ who: nobody, at: 2026-09-20T10:00:00+00:00, secs: 5 }}]\n",
                session(
                    "2026-09-20",
                    "ladder: [{ at: 2026-09-20T10:00:00+00:00, rung: co-design }]\n"
                )
            ),
        );
        // Too deep for any parser: refused by the shape limits, at once.
        write(
            "deep.yaml",
            &format!("format: 1\ntitle: {}", "[".repeat(200_000)),
        );
        // An anchor is refused as in every session file.
        write(
            "anchored.yaml",
            &session("2026-08-16", "ladder: &a []\nextra: *a\n"),
        );
        let this = dir.path().join("this.yaml");
        let now = trend(&this, "2026-11-22".parse().unwrap());
        let points: Vec<_> = now
            .points
            .iter()
            .map(|p| (p.file.as_str(), p.rung))
            .collect();
        let co_design = MeetingRung {
            rung: Rung::CoDesign,
            basis: Basis::Meeting,
        };
        assert_eq!(points, [("2026-09-20.yaml", Some(co_design))]);
        let skipped: Vec<_> = now.skipped.iter().map(|s| s.file.as_str()).collect();
        assert_eq!(skipped, ["anchored.yaml", "deep.yaml"], "{:?}", now.skipped);
        assert!(
            now.skipped[1].reason.contains("nested"),
            "{:?}",
            now.skipped
        );
        let later = trend_later(this, "2026-11-22".parse().unwrap());
        let came = later
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the trend comes");
        assert_eq!(came, now);
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
