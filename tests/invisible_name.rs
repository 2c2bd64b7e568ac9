//! No text may stall drawing: a participant whose name is "Ann", then line
//! and paragraph separators, invisible operators, bidi marks, a soft
//! hyphen, tag characters and zero-width characters, then "X", in a file
//! with an open proposal she has answered, is drawn on every pane, the
//! help and the room view at every size, quickly, with each invisible
//! character shown as an escape.

mod run;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `coproduce ARGS`, failing the test if it takes longer than ten
/// seconds (a spinning draw): its output.
fn run_within(args: &[&str]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coproduce"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("{args:?} still running after 10 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    run::succeeded(args, &out)
}

#[test]
fn a_name_of_invisible_characters_draws_at_every_size_without_stalling() {
    let path = run::fixture("invisible-name.yaml");
    let now = "2026-11-22T10:30:00+00:00";
    let mut drawn = String::new();
    for size in ["20x8", "60x16", "80x24", "120x36", "200x60"] {
        // Every pane, her turn, the help and the room view.
        for keys in [
            "",
            "<Tab>b",
            "<Tab><Tab>",
            "<Tab><Tab><Tab>",
            "<Tab>?",
            "<Tab>b<F2>",
        ] {
            let args = run::render_args(&path, now, keys, &["--size", size, "--dry-run"]);
            drawn.push_str(&run_within(&args));
        }
    }
    assert!(
        drawn.contains("Ann\\u{2028}\\u{2029}\\u{2060}"),
        "her name is shown with its escapes"
    );
    for hidden in [
        '\u{2028}',
        '\u{2029}',
        '\u{2060}',
        '\u{2064}',
        '\u{61c}',
        '\u{180e}',
        '\u{ad}',
        '\u{e0041}',
        '\u{200b}',
        '\u{200f}',
        '\u{feff}',
    ] {
        assert!(!drawn.contains(hidden), "{hidden:?} reached the screen");
    }
}

/// A name of one letter and fifteen combining marks (one column, sixteen
/// characters), with no room name, answering the open proposal: drawn on
/// every pane and the room view quickly, and the answers column stays in
/// line (padding once counted characters, not columns).
#[test]
fn a_name_of_combining_marks_draws_quickly_and_in_line() {
    let path = run::fixture("combining-name.yaml");
    let now = "2026-11-22T10:30:00+00:00";
    let name = format!("A{}", "\u{301}".repeat(15));
    for size in ["20x8", "80x24", "120x40", "200x60"] {
        for keys in [
            "",
            "<Tab>b",
            "<Tab><Tab>",
            "<Tab><Tab><Tab>",
            "<Tab>b<F2>",
            "?",
        ] {
            let args = run::render_args(&path, now, keys, &["--size", size, "--dry-run"]);
            run_within(&args);
        }
    }
    let args = run::render_args(&path, now, "<Tab><Tab>", &["--size", "80x24", "--dry-run"]);
    let screen = run_within(&args);
    let column = |row: &str| {
        let at = row.find('…').or_else(|| row.find('✓')).unwrap();
        unicode_width::UnicodeWidthStr::width(&row[..at])
    };
    let hers = screen
        .lines()
        .find(|l| l.contains(&name) && l.contains('✓'));
    let dulcie = screen
        .lines()
        .find(|l| l.contains("Dulcie") && l.contains('…'));
    let (hers, dulcie) = (hers.expect(&screen), dulcie.expect(&screen));
    assert_eq!(column(hers), column(dulcie), "{screen}");
}
