//! The live app in a real pseudo-terminal sends only the colour codes the
//! terminal says it understands: 24-bit where COLORTERM says so, the
//! 256-colour palette for `xterm-256color`, no colour numbers at all for the
//! Linux console, and nothing but a one-line refusal for `TERM=dumb`.
// A pseudo-terminal and Unix signals: Windows has neither.
#![cfg(unix)]

mod pty;

use std::ffi::OsStr;
use std::process::Command;

use pty::{Live, wait_for};

/// Every variable that could tell the app about colour, so the machine the
/// tests run on (a CI service, tmux, a forced colour) does not decide.
const COLOUR_VARS: [&str; 12] = [
    "COLORTERM",
    "TERM_PROGRAM",
    "TERM_PROGRAM_VERSION",
    "TMUX",
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    "CLICOLOR",
    "CI",
    "GITHUB_ACTIONS",
    "TTY_FORCE",
    "ConEmuANSI",
];

/// The SGR parameter lists (`ESC [ ... m`) the app sent for its first
/// screen, with `vars` set and `args` after the session file.
fn colour_codes(vars: &[(&str, &str)], args: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.yaml");
    std::fs::write(&path, pty::two_people("Colours")).unwrap();
    let mut all: Vec<&OsStr> = vec![path.as_os_str()];
    all.extend(args.iter().map(OsStr::new));
    let live = Live::start_with(&all, 100, 30, |command: &mut Command| {
        for var in COLOUR_VARS {
            command.env_remove(var);
        }
        command.envs(vars.iter().copied());
    });
    wait_for("the first screen", || live.has_drawn("Colours"));
    let drawn = live.drawn_since(0);
    drawn
        .split("\x1b[")
        .skip(1)
        .filter_map(|escape| {
            let end = escape.find(|c: char| ('@'..='~').contains(&c))?;
            (escape.as_bytes()[end] == b'm').then(|| escape[..end].to_owned())
        })
        .collect()
}

/// Whether an SGR parameter list sets a 24-bit (`2`) or palette (`5`)
/// colour, as `38;2;r;g;b` or `48;5;n`.
fn sets(codes: &[String], kind: &str) -> bool {
    codes.iter().any(|code| {
        let parts: Vec<&str> = code.split(':').flat_map(|p| p.split(';')).collect();
        parts
            .windows(2)
            .any(|w| matches!(w[0], "38" | "48" | "58") && w[1] == kind)
    })
}

#[test]
fn colorterm_truecolor_gets_the_themes_exactly() {
    let codes = colour_codes(
        &[("TERM", "xterm-256color"), ("COLORTERM", "truecolor")],
        &[],
    );
    assert!(sets(&codes, "2"), "{codes:?}");
}

#[test]
fn xterm_256color_without_colorterm_gets_no_24_bit_code() {
    let codes = colour_codes(&[("TERM", "xterm-256color")], &[]);
    assert!(!sets(&codes, "2"), "{codes:?}");
    assert!(sets(&codes, "5"), "{codes:?}");
    // The flag wins over a terminal that claims more.
    let codes = colour_codes(
        &[("TERM", "xterm-256color"), ("COLORTERM", "truecolor")],
        &["--color", "256"],
    );
    assert!(!sets(&codes, "2") && sets(&codes, "5"), "{codes:?}");
}

#[test]
fn the_linux_console_gets_only_16_colour_codes() {
    for (vars, args) in [
        (&[("TERM", "linux")][..], &[][..]),
        (&[("TERM", "xterm-256color")][..], &["--color", "16"][..]),
    ] {
        let codes = colour_codes(vars, args);
        assert!(!sets(&codes, "2") && !sets(&codes, "5"), "{codes:?}");
        // Meaning is still drawn: reverse video for the header and bold.
        let params: Vec<&str> = codes.iter().flat_map(|c| c.split(';')).collect();
        assert!(params.contains(&"7") && params.contains(&"1"), "{codes:?}");
    }
}

#[test]
fn no_color_gets_no_colour_at_all() {
    let codes = colour_codes(
        &[
            ("TERM", "xterm-256color"),
            ("COLORTERM", "truecolor"),
            ("NO_COLOR", "1"),
        ],
        &["--theme", "high-contrast-dark"],
    );
    let colour = |p: &&str| {
        let n: u8 = p.parse().unwrap_or(0);
        (30..=37).contains(&n) || (40..=47).contains(&n) || (90..=107).contains(&n)
    };
    let params: Vec<&str> = codes.iter().flat_map(|c| c.split(';')).collect();
    assert!(!sets(&codes, "2") && !sets(&codes, "5"), "{codes:?}");
    assert!(!params.iter().any(colour), "{codes:?}");
}

#[test]
fn a_dumb_terminal_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.yaml");
    std::fs::write(&path, pty::two_people("Dumb")).unwrap();
    let mut live = Live::start_with(&[path.as_os_str()], 80, 24, |command| {
        command.env("TERM", "dumb");
    });
    assert_eq!(live.exit().code(), Some(1));
    wait_for("the refusal", || live.has_drawn("render"));
    let said = live.drawn_since(0);
    assert!(
        said.contains("TERM=dumb") && said.contains("coproduce render"),
        "{said:?}"
    );
    // No alternate screen, no cursor moves: nothing but the line.
    assert!(!said.contains("\x1b["), "{said:?}");
    assert_eq!(said.trim_end().lines().count(), 1, "{said:?}");
}

#[test]
fn an_unknown_color_value_lists_the_accepted_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.yaml");
    std::fs::write(&path, pty::two_people("Rainbow")).unwrap();
    let file = path.to_str().unwrap();
    for args in [
        &[file, "--color", "rainbow"][..],
        &["demo", "--color", "rainbow"][..],
        &["follow", file, "--color", "rainbow"][..],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_coproduce"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("[possible values: auto, truecolor, 256, 16, never]"),
            "{args:?}: {said}"
        );
    }
}
