use std::collections::HashMap;

use ratatui::style::{Color, Modifier};

use super::*;
use crate::theme::{Themes, check};

/// The profile `auto` gives in a terminal with these variables and no others.
fn auto(vars: &[(&str, &str)]) -> Result<Profile, NoScreen> {
    let env: HashMap<&str, &str> = vars.iter().copied().collect();
    decide(ColourChoice::Auto, &env, true)
}

#[test]
fn the_terminal_says_how_much_colour_it_shows() {
    let xterm = ("TERM", "xterm-256color");
    assert_eq!(auto(&[xterm]), Ok(Profile::Ansi256));
    assert_eq!(
        auto(&[xterm, ("COLORTERM", "truecolor")]),
        Ok(Profile::TrueColour)
    );
    assert_eq!(auto(&[("TERM", "linux")]), Ok(Profile::Ansi16));
    assert_eq!(auto(&[("TERM", "xterm")]), Ok(Profile::Ansi16));
    assert_eq!(auto(&[("TERM", "screen")]), Ok(Profile::Ansi256));
    // Inside tmux, COLORTERM is the outer terminal's: not trusted.
    assert_eq!(
        auto(&[
            ("TERM", "tmux-256color"),
            ("TMUX", "/tmp/tmux-0/default,1,0"),
            ("COLORTERM", "truecolor")
        ]),
        Ok(Profile::Ansi256)
    );
    // A program started inside tmux with its own TERM gets no more than it.
    for inside in [
        ("TMUX", "/tmp/tmux-0/default,1,0"),
        ("TERM_PROGRAM", "tmux"),
    ] {
        assert_eq!(auto(&[("TERM", "linux"), inside]), Ok(Profile::Ansi16));
        assert_eq!(auto(&[xterm, inside]), Ok(Profile::Ansi256));
    }
    // macOS Terminal before macOS 26 garbles 24-bit codes.
    assert_eq!(
        auto(&[xterm, ("TERM_PROGRAM", "Apple_Terminal")]),
        Ok(Profile::Ansi256)
    );
    assert_eq!(
        auto(&[
            xterm,
            ("TERM_PROGRAM", "iTerm.app"),
            ("TERM_PROGRAM_VERSION", "3.5.0")
        ]),
        Ok(Profile::TrueColour)
    );
}

#[test]
fn no_color_and_force_color_win_over_the_terminal() {
    let truecolor = [("TERM", "xterm-256color"), ("COLORTERM", "truecolor")];
    assert_eq!(
        auto(&[truecolor[0], truecolor[1], ("NO_COLOR", "1")]),
        Ok(Profile::NoColour)
    );
    assert_eq!(
        auto(&[("TERM", "linux"), ("FORCE_COLOR", "truecolor")]),
        Ok(Profile::TrueColour)
    );
    assert_eq!(
        auto(&[("TERM", "linux"), ("CLICOLOR_FORCE", "ansi256")]),
        Ok(Profile::Ansi256)
    );
    // An empty NO_COLOR asks for nothing (no-color.org).
    assert_eq!(
        auto(&[truecolor[0], truecolor[1], ("NO_COLOR", "")]),
        Ok(Profile::TrueColour)
    );
}

#[test]
fn the_flag_wins_over_the_environment_but_not_over_a_missing_screen() {
    let env: HashMap<&str, &str> = [("TERM", "linux")].into_iter().collect();
    for (choice, profile) in [
        (ColourChoice::Truecolor, Profile::TrueColour),
        (ColourChoice::Ansi256, Profile::Ansi256),
        (ColourChoice::Ansi16, Profile::Ansi16),
        (ColourChoice::Never, Profile::NoColour),
    ] {
        assert_eq!(decide(choice, &env, true), Ok(profile));
        assert_eq!(decide(choice, &env, false), Err(NoScreen::NotATerminal));
    }
    let dumb: HashMap<&str, &str> = [("TERM", "dumb")].into_iter().collect();
    assert_eq!(
        decide(ColourChoice::Truecolor, &dumb, true),
        Err(NoScreen::Dumb)
    );
    let line = NoScreen::Dumb.to_string();
    assert!(!line.contains('\n'), "{line}");
    assert!(line.contains("coproduce render") && line.contains("coproduce report"));
}

/// Every colour every built-in theme uses, in every profile.
fn every_colour(profile: Profile) -> Vec<Color> {
    let themes = Themes::builtin().for_profile(profile);
    let styles = |name: &str| {
        let theme = themes.get(name).unwrap();
        let mut styles = vec![
            theme.base(),
            theme.muted(),
            theme.accent(),
            theme.title(),
            theme.header(),
            theme.footer(),
            theme.footer_key(),
            theme.selected(),
            theme.ok(),
            theme.warn(),
            theme.alert(),
            theme.fair_mark(),
            theme.border(),
        ];
        styles.extend((0..6).map(|slot| theme.role(slot)));
        styles
    };
    themes
        .names()
        .into_iter()
        .flat_map(styles)
        .flat_map(|style| [style.fg, style.bg])
        .flatten()
        .collect()
}

#[test]
fn each_profile_sends_only_the_colours_it_can_show() {
    for colour in every_colour(Profile::Ansi256) {
        assert!(!matches!(colour, Color::Rgb(..)), "{colour:?} in 256");
    }
    for colour in every_colour(Profile::Ansi16) {
        assert!(
            !matches!(colour, Color::Rgb(..) | Color::Indexed(_)),
            "{colour:?} in 16"
        );
    }
    for colour in every_colour(Profile::NoColour) {
        assert_eq!(colour, Color::Reset);
    }
    for colour in [Color::Rgb(1, 2, 3), Color::Indexed(200), Color::Red] {
        assert_eq!(Profile::NoColour.convert(colour), Color::Reset);
        assert_eq!(Profile::TrueColour.convert(colour), colour);
    }
    assert_eq!(Profile::Ansi16.convert(Color::Red), Color::Red);
    assert_eq!(Profile::Ansi16.convert(Color::Indexed(200)), Color::Reset);
}

#[test]
fn every_builtin_keeps_its_contrast_in_256_colours() {
    let themes = Themes::builtin();
    for theme in themes
        .names()
        .into_iter()
        .filter_map(|name| themes.get(name))
    {
        let converted = theme.for_profile(Profile::Ansi256);
        let before = theme.contrast_pairs();
        let after = converted.contrast_pairs();
        for (was, pair) in before.iter().zip(&after) {
            // What was measured in 24-bit colour is measured again.
            assert_eq!(was.ratio().is_some(), pair.ratio().is_some(), "{pair:?}");
            if let Some(ratio) = pair.ratio() {
                assert!(
                    ratio >= pair.required,
                    "{} in 256 colours: {} is {ratio:.2}:1 ({:?} on {:?}), under {}:1",
                    theme.name,
                    pair.what,
                    pair.fg,
                    pair.bg,
                    pair.required
                );
            }
        }
        assert!(check(theme).failures.is_empty(), "{:?}", check(theme));
    }
}

#[test]
fn in_16_colours_a_theme_without_ansi_colours_is_carried_by_modifiers() {
    let themes = Themes::builtin().for_profile(Profile::Ansi16);
    let dark = themes.get("high-contrast-dark").unwrap();
    // Only pairs that hold on any palette: the terminal's own colours, and
    // reverse video or bold where a colour carried meaning.
    assert_eq!(dark.base().fg, Some(Color::Reset));
    assert!(dark.header().add_modifier.contains(Modifier::REVERSED));
    assert!(dark.selected().add_modifier.contains(Modifier::REVERSED));
    assert!(dark.alert().add_modifier.contains(Modifier::REVERSED));
    assert!(dark.ok().add_modifier.contains(Modifier::BOLD));
    for pair in dark.contrast_pairs() {
        assert_eq!(pair.ratio(), None, "{pair:?} is a measured colour");
    }
}

fn one_theme(text: &str) -> Result<crate::theme::Theme, String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.yaml"), text).unwrap();
    let (themes, errors) = Themes::load(&[dir.path().to_path_buf()]);
    match errors.first() {
        Some(error) => Err(error.to_string()),
        None => Ok(themes.get("mine").unwrap().clone()),
    }
}

#[test]
fn a_theme_names_its_own_256_and_16_colour_fallbacks() {
    let theme = one_theme(
        "text: \"#ffffff\"\nbackground: \"#000000\"\nalert: \"#ff7070\"\n\
         colours_256:\n  alert: 217\ncolours_16:\n  background: black\n  text: bright-white\n",
    )
    .unwrap();
    let ansi256 = theme.for_profile(Profile::Ansi256);
    assert_eq!(ansi256.alert().fg, Some(Color::Indexed(217)));
    // The rest is termprofile's nearest match: white is the cube's 231.
    assert_eq!(ansi256.text().fg, Some(Color::Indexed(231)));
    let ansi16 = theme.for_profile(Profile::Ansi16);
    assert_eq!(ansi16.base().fg, Some(Color::White));
    assert_eq!(ansi16.base().bg, Some(Color::Black));
    assert_eq!(ansi16.warn().fg, Some(Color::Reset));
    // The 24-bit theme is untouched.
    assert_eq!(theme.alert().fg, Some(Color::Rgb(0xff, 0x70, 0x70)));
}

#[test]
fn a_bad_fallback_names_the_entry_and_what_is_accepted() {
    let error = one_theme("colours_256:\n  glow: 17\n").unwrap_err();
    assert!(
        error.contains("colours_256: 'glow' is not a colour field"),
        "{error}"
    );
    let error = one_theme("colours_16:\n  text: mauve\n").unwrap_err();
    assert!(
        error.contains("colours_16: text: 'mauve' is not one of default, black,"),
        "{error}"
    );
    let error = one_theme("colours_256:\n  text: 300\n").unwrap_err();
    assert!(error.contains("mine.yaml"), "{error}");
}

#[test]
fn known_shades_are_the_ones_every_terminal_shares() {
    assert_eq!(known_shade(Color::Indexed(16)), Some((0, 0, 0)));
    assert_eq!(known_shade(Color::Indexed(231)), Some((255, 255, 255)));
    assert_eq!(known_shade(Color::Indexed(232)), Some((8, 8, 8)));
    assert_eq!(known_shade(Color::Indexed(15)), None);
    assert_eq!(known_shade(Color::White), None);
    assert_eq!(known_shade(Color::Reset), None);
}
