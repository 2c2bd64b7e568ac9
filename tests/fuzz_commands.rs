//! A fuzz target for each command that reads files: `check`, `render`,
//! `report`, `trends`, `follow`'s loader, theme loading and keymap loading.
//! Each feeds generated files (the corpus's sessions, themes and keymaps,
//! mutated with the tokens attacks are made of) through the same library
//! code the command runs, and asserts no panic, no hang (each case within a
//! bound) and no raw control or invisible character in what would be
//! printed. `cargo test` runs a few cases a target; the soak tier
//! (`cargo test -- --ignored`) runs many more.

mod run;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use coproduce::app::App;
use coproduce::cli::follow::Follower;
use coproduce::cli::keys::{KeysFile, keymap};
use coproduce::report::trends::{Format, trends};
use coproduce::session::Time;
use coproduce::store::{check_files, load};
use coproduce::theme::Themes;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// A case's time bound: generous for a debug build on a shared machine;
/// a hang (the quadratic scanner took minutes) is far past it.
const BOUND: Duration = Duration::from_secs(5);

/// The files attacks start from.
fn seeds() -> Vec<String> {
    let mut seeds: Vec<String> = [
        "good.yaml",
        "hostile/base.yaml",
        "hostile/invisible.yaml",
        "hostile/every-invisible.yaml",
        "hostile/huge-secs.yaml",
    ]
    .iter()
    .map(|name| fs::read_to_string(run::fixture(name)).unwrap())
    .collect();
    seeds.push("name: mine\nbackground: \"#000000\"\ntext: white\n".into());
    seeds.push("global:\n  quit: C-q\nroom:\n  next: n\n".into());
    seeds
}

/// What attacks are made of: nesting, complex keys, quotes, anchors, huge
/// numbers, control and invisible characters.
const TOKENS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "? ",
    "- ",
    ": ",
    ",",
    "\"",
    "'",
    "|\n",
    ">\n",
    "&a ",
    "*a",
    "#",
    "\n",
    "  ",
    "\t",
    "!!str ",
    "~",
    "9223372036854775807",
    "-1",
    "secs: ",
    "minutes: ",
    "\x1b]0;x\x07",
    "\x1b[2J",
    "\u{2028}",
    "\u{202e}",
    "\u{61c}",
    "\u{ad}",
    "\u{e0041}",
    "\u{feff}",
    "\u{200b}",
    "\\e",
    "\\u2028",
    "99999-12-31T23:59:59+00:00",
];

/// A seed with a few tokens (and runs of one token) spliced in.
fn hostile_text() -> impl Strategy<Value = String> {
    let seeds = seeds();
    let edit = (any::<prop::sample::Index>(), 0..TOKENS.len(), 1usize..200);
    (0..seeds.len(), prop::collection::vec(edit, 1..6)).prop_map(move |(seed, edits)| {
        let mut text = seeds[seed].clone();
        for (at, token, times) in edits {
            let mut at = at.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            // Most tokens once; nesting ones sometimes repeated.
            let times = if times > 150 { times } else { 1 };
            text.insert_str(at, &TOKENS[token].repeat(times));
        }
        text
    })
}

fn now() -> Time {
    Time::parse_from_rfc3339("2026-11-22T10:06:00+00:00").unwrap()
}

fn raw(text: &str) -> Option<char> {
    text.chars()
        .find(|&c| c != '\n' && c != '\t' && coproduce::text::is_unsafe(c))
}

/// Runs `target` on `cases` generated files, each written to `name` in a
/// fresh folder, within [`BOUND`] each.
fn fuzz(cases: u32, name: &str, target: impl Fn(&Path) -> Result<(), TestCaseError>) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&hostile_text(), |text| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(name);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).unwrap();
            }
            fs::write(&path, &text).unwrap();
            let clock = Instant::now();
            target(&path)?;
            prop_assert!(clock.elapsed() < BOUND, "took {:?}", clock.elapsed());
            Ok(())
        })
        .unwrap();
}

fn check(path: &Path) -> Result<(), TestCaseError> {
    let mut out = Vec::new();
    check_files(&[path.to_path_buf()], &mut out);
    let out = String::from_utf8(out).unwrap();
    prop_assert!(raw(&out).is_none(), "raw {:?} in {out}", raw(&out));
    Ok(())
}

fn render(path: &Path) -> Result<(), TestCaseError> {
    if let Ok(loaded) = load(path) {
        let themes = Themes::builtin();
        let theme = themes.get("high-contrast-dark").unwrap();
        let mut app = App::new(loaded.session, now(), vec![theme.name.clone()], 0);
        for pane in coproduce::app::Pane::ALL {
            app.pane = pane;
            let screen = coproduce::ui::screen::screen_text(&app, theme, 80, 24);
            prop_assert!(raw(&screen).is_none(), "raw {:?}", raw(&screen));
        }
    }
    Ok(())
}

fn report(path: &Path) -> Result<(), TestCaseError> {
    if let Ok(loaded) = load(path) {
        for anonymise in [false, true] {
            let minutes = coproduce::report::report(&loaded.session, anonymise);
            let shown = coproduce::text::printable_output(&minutes);
            prop_assert!(raw(&shown).is_none());
        }
    }
    Ok(())
}

fn trends_of(path: &Path) -> Result<(), TestCaseError> {
    let folder = path.parent().unwrap();
    fs::copy(run::fixture("hostile/base.yaml"), folder.join("base.yaml")).unwrap();
    for format in [Format::Text, Format::Csv] {
        let table = trends(folder, format);
        let shown = coproduce::text::printable_output(&table);
        prop_assert!(raw(&shown).is_none());
    }
    Ok(())
}

fn follow(path: &Path) -> Result<(), TestCaseError> {
    if let Ok(mut follower) = Follower::open(path, now()) {
        fs::write(path, "format: 1\ntitle: [\n").unwrap();
        follower.poll(now());
        prop_assert!(follower.problem().is_none_or(|p| raw(p).is_none()));
    }
    Ok(())
}

fn themes(path: &Path) -> Result<(), TestCaseError> {
    let (_, problems) = Themes::load(&[path.parent().unwrap().to_path_buf()]);
    for problem in problems {
        // What `note!` and the status line print.
        let shown = coproduce::text::visible_lines(&problem.to_string()).into_owned();
        prop_assert!(raw(&shown).is_none());
    }
    Ok(())
}

fn keys(path: &Path) -> Result<(), TestCaseError> {
    let _ = keymap(&KeysFile {
        path: Some(path.to_path_buf()),
    });
    Ok(())
}

/// One everyday test and one soak test a command.
macro_rules! targets {
    ($($name:ident, $soak:ident, $file:expr, $target:expr;)*) => {$(
        #[test]
        fn $name() {
            fuzz(24, $file, $target);
        }

        #[test]
        #[ignore = "soak tier: the long fuzz run of one command"]
        fn $soak() {
            fuzz(1_500, $file, $target);
        }
    )*};
}

targets! {
    check_never_panics_hangs_or_prints_raw, check_soak, "s.yaml", check;
    render_never_panics_hangs_or_draws_raw, render_soak, "s.yaml", render;
    report_never_panics_or_hangs, report_soak, "s.yaml", report;
    trends_never_panics_or_hangs, trends_soak, "s.yaml", trends_of;
    follow_loader_never_panics_or_hangs, follow_soak, "s.yaml", follow;
    theme_loading_never_panics_or_hangs, themes_soak, "themes/t.yaml", themes;
    keymap_loading_never_panics_or_hangs, keys_soak, "keys.yaml", keys;
}
