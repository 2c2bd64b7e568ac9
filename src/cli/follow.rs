//! `coproduce follow`: the room view on a second screen, following the
//! session file as the facilitator's app saves it.
//!
//! It only reads: the file is opened read-only, never locked and never
//! written, so it works beside the app that holds the lock. The app saves
//! by atomic rename, so a read sees a whole file; a file that is missing or
//! does not load all the same (someone editing it by hand, a copy in
//! progress) leaves the last good state on screen with a note saying why.
//!
//! [`Follower`] holds the reload logic and knows nothing of terminals, so
//! tests drive it on their own clock; [`run`] is the small terminal loop.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use ratatui::Frame;
use ratatui::text::{Line, Span};

use crate::app::keymap::{Keymap, Scope};
use crate::app::keys::Key;
use crate::session::balance::Tally;
use crate::session::reread::Reread;
use crate::session::timing::{format_minutes, secs_between};
use crate::session::{Session, Time};
use crate::store::identity::Version;
use crate::store::load::{LoadError, read_checked};
use crate::terminal::{Input, Screen, next_input, now, signals};
use crate::text::one_line;
use crate::theme::{Theme, Themes};

use super::Outcome;
use super::keys::KeysFile;
use super::open::{Look, pick_theme, screen_profile};

/// `coproduce follow`'s options.
#[derive(Args, Debug)]
pub struct FollowArgs {
    /// The session file the meeting's app is running.
    pub session: PathBuf,
    /// One plain sentence per change, for a screen reader or braille
    /// display, instead of the room view.
    #[arg(long)]
    pub plain: bool,
    #[command(flatten)]
    pub look: Look,
    #[command(flatten)]
    pub keys: KeysFile,
}

/// Shows the room view of `args.session` until a quit key.
pub fn run_command(args: &FollowArgs) -> Outcome {
    if args.plain {
        let follower = Follower::open(&args.session, now())?;
        super::follow_plain::run(follower, &mut std::io::stdout(), now)?;
        return Ok(ExitCode::SUCCESS);
    }
    let profile = screen_profile(&args.look)?;
    let (themes, theme, _fallback_note) = pick_theme(&args.look)?;
    let (themes, theme) = (themes.for_profile(profile), theme.for_profile(profile));
    let keymap = super::keys::keymap(&args.keys)?;
    let follower = Follower::open(&args.session, now())?;
    run(follower, &themes, &theme, &keymap)?;
    Ok(ExitCode::SUCCESS)
}

/// How often the file's metadata is looked at, in milliseconds: a save
/// shows within this and the time to read it. A look costs one `stat`;
/// the screen is drawn only when something changed (below), so looking
/// often costs next to nothing while the file stands still.
pub const POLL_MILLIS: i32 = 100;

/// What a look at the file found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Poll {
    /// A new state was read and is shown now.
    Changed,
    /// Nothing new since the last look.
    Unchanged,
    /// The file is missing or does not load; the last good state stays.
    Problem,
}

/// Follows one session file: the last good state read from it, when it
/// was read, and what is wrong with the file now, if anything.
#[derive(Debug, Clone)]
pub struct Follower {
    path: PathBuf,
    /// The version of the file last read, good or bad; `None` makes the
    /// next look read it whatever it is.
    stamp: Option<Version>,
    /// The last good state, kept so that a save is read by parsing only
    /// what it changed.
    reread: Reread,
    /// The log of the last good state summed by person, brought up to date
    /// with only the turns a save changed, so that neither a save nor a
    /// frame sums the whole log.
    tally: Tally,
    updated: Time,
    problem: Option<String>,
}

impl Follower {
    /// Reads `path` for the first time at `now`.
    ///
    /// # Errors
    /// The file does not load: with no earlier state there is nothing to show.
    pub fn open(path: &Path, now: Time) -> Result<Follower, LoadError> {
        let stamp = Version::read(path).ok();
        let text = read_checked(path)?;
        let reread = Reread::first(text).map_err(|p| LoadError::problems_in(path, p))?;
        Ok(Follower {
            path: path.to_path_buf(),
            stamp,
            tally: Tally::of(reread.session()),
            reread,
            updated: now,
            problem: None,
        })
    }

    /// Looks at the file at `now` and reads it again if it changed.
    pub fn poll(&mut self, now: Time) -> Poll {
        let stamp = match Version::read(&self.path) {
            Ok(stamp) => stamp,
            Err(error) => {
                self.stamp = None;
                let words = if error.kind() == io::ErrorKind::NotFound {
                    "the file is missing".to_owned()
                } else {
                    format!("the file cannot be read: {error}")
                };
                return self.fail(words);
            }
        };
        if self.stamp == Some(stamp) {
            return Poll::Unchanged;
        }
        let read = read_checked(&self.path);
        // Changed while it was read (a writer that does not rename): keep
        // the old stamp so the next look reads it again.
        if Version::read(&self.path).ok() != Some(stamp) {
            return Poll::Unchanged;
        }
        self.stamp = Some(stamp);
        let path = &self.path;
        let read = read
            .and_then(|text| (self.reread.next(text)).map_err(|p| LoadError::problems_in(path, p)));
        match read {
            Ok(kept) => {
                self.tally.refit(self.reread.session(), kept);
                self.updated = now;
                self.problem = None;
                Poll::Changed
            }
            Err(error) => {
                let first = error.to_string();
                let first = first.lines().next().unwrap_or_default().to_owned();
                self.fail(format!("the file does not load: {first}"))
            }
        }
    }

    fn fail(&mut self, problem: String) -> Poll {
        self.problem = Some(problem);
        Poll::Problem
    }

    /// The last good state read.
    pub fn session(&self) -> &Session {
        self.reread.session()
    }

    /// When the last good state was read.
    pub fn updated(&self) -> Time {
        self.updated
    }

    /// What is wrong with the file now, if anything.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// The footer: any problem, how fresh the screen is, and the keys.
    pub fn footer(&self, now: Time, theme: &Theme, keymap: &Keymap) -> Line<'static> {
        let age = format_minutes(secs_between(self.updated, now));
        let mut spans = vec![Span::raw(" ")];
        if let Some(problem) = &self.problem {
            spans.push(Span::styled(
                format!(
                    "⚠ {}: showing the state read at {}  ",
                    one_line(problem),
                    self.updated.format("%H:%M:%S")
                ),
                theme.alert(),
            ));
        }
        spans.push(Span::styled(format!("updated {age} ago"), theme.text()));
        let keys = |command| keymap.labels(Scope::Follow, command);
        spans.push(Span::styled(
            format!(
                "  ·  {} theme ({})  ·  {} quit",
                keys("next_theme"),
                theme.name,
                keys("quit")
            ),
            theme.muted(),
        ));
        Line::from(spans)
    }

    /// Draws the room view of the last good state.
    pub fn draw(&self, frame: &mut Frame, now: Time, theme: &Theme, keymap: &Keymap) {
        let footer = self.footer(now, theme, keymap);
        crate::ui::room_view(self.session(), Some(&self.tally), now, frame, theme, footer);
    }
}

/// What a key does in `follow`: its own keys only change the theme and quit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowKey {
    NextTheme,
    Quit,
}

/// `follow`'s commands by their names in the keymap's `follow` scope.
pub const COMMANDS: &[&str] = &["next_theme", "quit"];

/// The meaning of `key` in `follow`, if any.
pub fn follow_key(keymap: &Keymap, key: Key) -> Option<FollowKey> {
    match keymap.command(Scope::Follow, key)? {
        "next_theme" => Some(FollowKey::NextTheme),
        "quit" => Some(FollowKey::Quit),
        _ => None,
    }
}

/// Follows the file in the terminal until a quit key, SIGTERM or SIGHUP.
pub fn run(
    mut follower: Follower,
    themes: &Themes,
    theme: &Theme,
    keymap: &Keymap,
) -> io::Result<()> {
    // Nothing to save: a follower stuck reading a terminal that is gone
    // only has to end.
    let note = "coproduce follow stopped; it only read the file".to_owned();
    let mut screen = Screen::take(note, |_| {})?;
    let mut name = theme.name.clone();
    // The second and theme the screen shows: nothing on it changes more
    // often than once a second unless the file or a key does, so an idle
    // follower draws once a second, not on every look at the file.
    let mut shown: Option<(i64, String)> = None;
    loop {
        if signals::stop_requested().is_some() {
            signals::acknowledge_stop();
            return Ok(());
        }
        let now = now();
        let read = follower.poll(now) != Poll::Unchanged;
        let showing = Some((now.timestamp(), name.clone()));
        if read || shown != showing {
            let theme = themes.get(&name).unwrap_or(theme);
            if let Err(error) = screen.draw(|frame| follower.draw(frame, now, theme, keymap)) {
                // The terminal went with a hang-up: stop quietly.
                return if signals::stop_requested().is_some() {
                    Ok(())
                } else {
                    Err(error)
                };
            }
            shown = showing;
        }
        match next_input(POLL_MILLIS)? {
            Input::Gone => return Ok(()),
            Input::Key(key) => match follow_key(keymap, key) {
                Some(FollowKey::Quit) => return Ok(()),
                Some(FollowKey::NextTheme) => name = themes.next_after(&name).name.clone(),
                None => {}
            },
            // A resize among them: draw again at once.
            Input::Other => shown = None,
            Input::Quiet | Input::Paste(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn at(hms: &str) -> Time {
        Time::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap()
    }

    const GOOD: &str = "format: 1\ntitle: First\nboard: B\ndate: 2026-11-22\n\
                        roles: [{ id: lived, label: Lived experience }]\n\
                        participants: [{ id: beve, name: Beve, role: lived }]\n";

    fn scratch() -> (tempfile::TempDir, PathBuf, Follower) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.yaml");
        fs::write(&path, GOOD).unwrap();
        let follower = Follower::open(&path, at("10:00:00")).unwrap();
        (dir, path, follower)
    }

    #[test]
    fn a_save_is_read_once_and_stamped_with_its_time() {
        let (_dir, path, mut f) = scratch();
        assert_eq!(f.poll(at("10:00:01")), Poll::Unchanged);
        crate::store::save::write_atomic(&path, GOOD.replace("First", "Second").as_bytes())
            .unwrap();
        assert_eq!(f.poll(at("10:00:02")), Poll::Changed);
        assert_eq!(f.session().title, "Second");
        assert_eq!(f.updated(), at("10:00:02"));
        assert_eq!(f.poll(at("10:00:03")), Poll::Unchanged);
    }

    /// Saves of a meeting under way (floor changes, an undo, a hand edit)
    /// each leave the follower with the file's session and a tally equal
    /// to a fresh one, though it parses and tallies only what changed.
    #[test]
    fn each_save_leaves_the_session_and_tally_of_the_file() {
        use crate::session::sample::of_size;
        use crate::session::write::to_yaml;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("meeting.yaml");
        let mut session = of_size(5, 3, 2, 30);
        let first = to_yaml(&session);
        fs::write(&path, &first).unwrap();
        let mut f = Follower::open(&path, at("10:00:00")).unwrap();
        let mut versions = vec![];
        for i in 0..4 {
            let last = session.turns.len() - 1;
            session.turns[last].secs = Some(20);
            let who = session.participants[i].id.clone();
            let at = session.turns[last].at + chrono::Duration::seconds(20);
            session.turns.push(crate::session::Turn {
                who,
                at,
                secs: None,
            });
            versions.push(to_yaml(&session));
        }
        versions.push(versions[1].clone());
        versions.push(versions[1].replacen("format: 1\n", "format: 1\nplace: Town hall\n", 1));
        versions.push(first);
        for (i, text) in versions.iter().enumerate() {
            crate::store::save::write_atomic(&path, text.as_bytes()).unwrap();
            f.stamp = None;
            assert_eq!(f.poll(at("10:00:01")), Poll::Changed, "version {i}");
            let whole = crate::session::parse(text).unwrap();
            assert_eq!(f.session(), &whole, "version {i}");
            assert_eq!(f.tally, Tally::of(&whole), "version {i}");
        }
    }

    #[test]
    fn a_missing_or_broken_file_keeps_the_last_good_state_with_a_note() {
        let (_dir, path, mut f) = scratch();
        fs::remove_file(&path).unwrap();
        assert_eq!(f.poll(at("10:00:01")), Poll::Problem);
        assert_eq!(f.problem(), Some("the file is missing"));
        assert_eq!(f.session().title, "First");
        fs::write(&path, "format: 1\ntitle: [broken\n").unwrap();
        assert_eq!(f.poll(at("10:00:02")), Poll::Problem);
        assert!(f.problem().unwrap().starts_with("the file does not load: "));
        // The broken version is read once; the note stays until it is fixed.
        assert_eq!(f.poll(at("10:00:03")), Poll::Unchanged);
        assert!(f.problem().is_some());
        assert_eq!(f.session().title, "First");
        fs::write(&path, GOOD.replace("First", "Fixed")).unwrap();
        assert_eq!(f.poll(at("10:00:04")), Poll::Changed);
        assert_eq!((f.problem(), f.session().title.as_str()), (None, "Fixed"));
    }

    #[test]
    fn the_footer_says_how_fresh_the_screen_is_and_what_is_wrong() {
        let (_dir, path, mut f) = scratch();
        let themes = Themes::builtin();
        let theme = themes.get("monochrome").unwrap();
        let text = |line: Line| {
            line.spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
        };
        assert!(
            text(f.footer(at("10:00:12"), theme, &Keymap::default())).contains("updated 12s ago")
        );
        fs::remove_file(&path).unwrap();
        f.poll(at("10:02:00"));
        let footer = text(f.footer(at("10:02:00"), theme, &Keymap::default()));
        assert!(footer.contains("⚠ the file is missing: showing the state read at 10:00:00"));
        assert!(footer.contains("updated 2 min ago"), "{footer}");
    }

    #[test]
    fn only_theme_and_quit_keys_do_anything() {
        use crate::app::keys::parse_key;
        let keymap = Keymap::default();
        let key = |k: &str| follow_key(&keymap, parse_key(k).unwrap());
        assert_eq!(key("<C-t>"), Some(FollowKey::NextTheme));
        for quit in ["q", "<Esc>", "<C-q>", "<C-c>"] {
            assert_eq!(key(quit), Some(FollowKey::Quit), "{quit}");
        }
        for other in [
            "t", "Q", "b", "<Tab>", "<F2>", "<Enter>", "<C-z>", "<Space>",
        ] {
            assert_eq!(key(other), None, "{other}");
        }
    }
}
