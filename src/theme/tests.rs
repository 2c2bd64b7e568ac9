use std::fs;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};

use super::file::{ThemeFile, parse_colour};
use super::set::BUILTIN;
use super::*;

fn themes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes")
}

/// Writes `files` (name, text) into a new temporary folder.
fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, text) in files {
        fs::write(dir.path().join(name), text).expect("write theme file");
    }
    dir
}

fn load_one(name: &str, text: &str) -> (Themes, Vec<ThemeError>) {
    let dir = folder_with(&[(name, text)]);
    Themes::load(&[dir.path().to_path_buf()])
}

#[test]
fn every_builtin_loads_in_cycle_order_and_sets_every_colour() {
    let themes = Themes::builtin();
    assert_eq!(
        themes.names(),
        [
            DEFAULT_THEME,
            "high-contrast-light",
            "yellow-on-black",
            MONOCHROME
        ]
    );
    // Built-ins are whole themes: none leans on another for a colour.
    for (path, text) in BUILTIN {
        let path = Path::new(path);
        let raw = ThemeFile::parse(path, text).unwrap();
        assert_eq!(
            raw.name_or_stem(path),
            path.file_stem().unwrap().to_str().unwrap()
        );
        raw.palette(path, None).unwrap();
        assert!(
            raw.description.is_some(),
            "{} has no description",
            path.display()
        );
    }
}

#[test]
fn every_file_in_the_themes_folder_loads() {
    let (themes, errors) = Themes::load(&[themes_dir()]);
    let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    for file in fs::read_dir(themes_dir()).unwrap() {
        let path = file.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap();
        assert!(
            themes.get(stem).is_some(),
            "{} did not load",
            path.display()
        );
    }
    // The folder's copies are the built-ins themselves, so nothing changes.
    assert_eq!(themes, Themes::builtin());
}

#[test]
fn every_text_colour_meets_its_contrast() {
    let mut failures = Vec::new();
    let (themes, _) = Themes::load(&[themes_dir()]);
    for theme in themes
        .names()
        .into_iter()
        .filter_map(|name| themes.get(name))
    {
        let measured: Vec<(ContrastPair, f64)> = theme
            .contrast_pairs()
            .into_iter()
            .filter_map(|pair| Some((pair, pair.ratio()?)))
            .collect();
        let lowest = |required: f64| {
            measured
                .iter()
                .filter(|(pair, _)| pair.required == required)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map_or("no colours".to_string(), |(pair, ratio)| {
                    format!("{ratio:.2}:1 ({})", pair.what)
                })
        };
        println!(
            "{}: lowest text {}, muted {}",
            theme.name,
            lowest(TEXT_CONTRAST),
            lowest(MUTED_CONTRAST)
        );
        failures.extend(
            measured
                .iter()
                .filter(|(pair, ratio)| *ratio < pair.required)
                .map(|(pair, ratio)| format!("{}: {} is {ratio:.2}:1", theme.name, pair.what)),
        );
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn contrast_ratio_matches_known_values() {
    let cases = [
        ((0, 0, 0), (255, 255, 255), 21.0),
        ((255, 255, 255), (0, 0, 0), 21.0),
        ((119, 119, 119), (255, 255, 255), 4.48),
        ((0, 0, 255), (255, 255, 255), 8.59),
        ((123, 45, 67), (123, 45, 67), 1.0),
    ];
    for (a, b, expected) in cases {
        let ratio = contrast_ratio(a, b);
        assert!((ratio - expected).abs() < 0.01, "{a:?} on {b:?}: {ratio}");
    }
}

#[test]
fn colours_parse_as_rrggbb_or_default() {
    let cases = [
        ("#000000", Some(Color::Rgb(0, 0, 0))),
        ("#ffA500", Some(Color::Rgb(255, 165, 0))),
        ("default", Some(Color::Reset)),
        ("#12345", None),
        ("#1234567", None),
        ("red", None),
        ("#GGGGGG", None),
        ("#+1+2+3", None),
        ("ffa500", None),
        ("Default", None),
        ("", None),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_colour(text), expected, "{text:?}");
    }
}

#[test]
fn a_broken_file_is_reported_by_file_and_field_and_skipped() {
    let dir = folder_with(&[
        ("mine.yaml", "name: mine\nwarn: \"#12345\"\n"),
        ("unquoted.yaml", "text: #ffffff\n"),
        ("typo.yaml", "warning: \"#ffffff\"\n"),
        ("number.yaml", "muted: 0\n"),
        ("fine.yaml", "accent: \"#00ff00\"\n"),
    ]);
    let (themes, errors) = Themes::load(&[dir.path().to_path_buf()]);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let file = |name: &str| dir.path().join(name).display().to_string();
    // Sorted load order: mine, number, typo, unquoted.
    assert_eq!(messages.len(), 4, "{messages:#?}");
    assert_eq!(
        messages[0],
        format!(
            "{}: field 'warn': '#12345' is not a #rrggbb colour",
            file("mine.yaml")
        )
    );
    assert_eq!(
        messages[1],
        format!(
            "{}: field 'muted': '0' is not a #rrggbb colour",
            file("number.yaml")
        )
    );
    assert!(messages[2].starts_with(&format!("{}: unknown field `warning`", file("typo.yaml"))));
    assert!(messages[3].starts_with(&format!(
        "{}: field 'text' has no colour",
        file("unquoted.yaml")
    )));
    assert_eq!(
        themes.names(),
        [
            DEFAULT_THEME,
            "high-contrast-light",
            "yellow-on-black",
            MONOCHROME,
            "fine"
        ]
    );
}

#[test]
fn a_file_named_like_a_builtin_replaces_it_and_inherits_from_it() {
    let (themes, errors) = load_one(
        "my-light.yaml",
        "name: high-contrast-light\naccent: \"#0000ff\"\n",
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(themes.names(), Themes::builtin().names());
    let light = themes.get("high-contrast-light").unwrap();
    assert_eq!(light.accent(), Style::new().fg(Color::Rgb(0, 0, 255)));
    // Left out, so still the built-in light theme's, not the dark default's.
    assert_eq!(
        light.base(),
        Themes::builtin().get("high-contrast-light").unwrap().base()
    );
    assert_eq!(
        light.description.as_deref(),
        Some("Black on white; every text colour at least 7:1")
    );
}

#[test]
fn a_new_theme_comes_after_the_builtins_and_inherits_from_the_default() {
    let (themes, errors) = load_one("projector.yaml", "warn: \"#ff00ff\"\n");
    assert!(errors.is_empty(), "{errors:?}");
    let projector = themes.get("projector").unwrap();
    assert_eq!(themes.names().last(), Some(&"projector"));
    assert_eq!(projector.description, None);
    assert_eq!(projector.base(), themes.get(DEFAULT_THEME).unwrap().base());
    assert_eq!(
        projector.warn(),
        Style::new()
            .fg(Color::Rgb(255, 0, 255))
            .add_modifier(Modifier::BOLD)
    );
}

#[test]
fn missing_folders_are_fine() {
    let (themes, errors) = Themes::load(&[PathBuf::from("/no/such/folder")]);
    assert!(errors.is_empty());
    assert_eq!(themes, Themes::builtin());
}

#[test]
fn next_after_cycles_and_wraps() {
    let themes = Themes::builtin();
    let mut name = DEFAULT_THEME;
    let mut seen = Vec::new();
    for _ in 0..themes.names().len() {
        name = &themes.next_after(name).name;
        seen.push(name);
    }
    assert_eq!(
        seen,
        [
            "high-contrast-light",
            "yellow-on-black",
            MONOCHROME,
            DEFAULT_THEME
        ]
    );
    assert_eq!(themes.next_after("no-such-theme").name, DEFAULT_THEME);
}

#[test]
fn choose_follows_theme_then_no_color_then_default() {
    let themes = Themes::builtin();
    let chosen = |requested, no_color| choose(&themes, requested, no_color).map(|t| t.name.clone());
    assert_eq!(chosen(None, false).unwrap(), DEFAULT_THEME);
    assert_eq!(chosen(None, true).unwrap(), MONOCHROME);
    assert_eq!(
        chosen(Some("yellow-on-black"), false).unwrap(),
        "yellow-on-black"
    );
    // An explicit choice beats the environment (no-color.org).
    assert_eq!(
        chosen(Some("yellow-on-black"), true).unwrap(),
        "yellow-on-black"
    );
    assert_eq!(
        chosen(Some("neon"), false).unwrap_err().to_string(),
        "no theme called 'neon'; the themes are: high-contrast-dark, \
         high-contrast-light, yellow-on-black, monochrome"
    );
}

#[test]
fn no_color_means_set_and_not_empty() {
    assert!(!no_color(None));
    assert!(!no_color(Some(OsStr::new(""))));
    assert!(no_color(Some(OsStr::new("1"))));
    assert!(no_color(Some(OsStr::new("0"))));
}

#[test]
fn monochrome_carries_meaning_with_modifiers() {
    let themes = Themes::builtin();
    let mono = themes.get(MONOCHROME).unwrap();
    let modifiers = |style: Style| style.add_modifier;
    let (bold, reversed, underlined) = (Modifier::BOLD, Modifier::REVERSED, Modifier::UNDERLINED);
    assert_eq!(modifiers(mono.base()), Modifier::empty());
    assert_eq!(modifiers(mono.muted()), Modifier::ITALIC);
    assert_eq!(modifiers(mono.accent()), underlined);
    assert_eq!(modifiers(mono.title()), bold | underlined);
    assert_eq!(modifiers(mono.header()), bold | reversed);
    assert_eq!(modifiers(mono.footer()), reversed);
    assert_eq!(modifiers(mono.selected()), bold | reversed);
    assert_eq!(modifiers(mono.ok()), bold);
    assert_eq!(modifiers(mono.warn()), bold | underlined);
    assert_eq!(modifiers(mono.alert()), bold | reversed);
    // Drawn over the reversed footer, the key must undo the reverse.
    let key = mono.footer().patch(mono.footer_key());
    assert_eq!(modifiers(key), bold);
    let mark = mono.role(0).patch(mono.fair_mark());
    assert_eq!(modifiers(mark), bold);
}

#[test]
fn coloured_themes_use_colour_not_stand_ins() {
    let themes = Themes::builtin();
    let dark = themes.get(DEFAULT_THEME).unwrap();
    let (black, white) = (Color::Rgb(0, 0, 0), Color::Rgb(255, 255, 255));
    assert_eq!(dark.base(), Style::new().fg(white).bg(black));
    assert_eq!(dark.muted(), Style::new().fg(Color::Rgb(0xaa, 0xaa, 0xaa)));
    assert_eq!(dark.alert().add_modifier, Modifier::BOLD);
    assert_eq!(
        dark.header(),
        Style::new()
            .fg(black)
            .bg(white)
            .add_modifier(Modifier::BOLD)
    );
    assert_eq!(
        dark.footer_key(),
        Style::new()
            .fg(white)
            .bg(black)
            .add_modifier(Modifier::BOLD)
    );
    // Slots wrap after six; a bar is drawn in its role's colour.
    assert_eq!(dark.role(7), dark.role(1));
    assert_eq!(dark.role(0), Style::new().fg(Color::Rgb(255, 255, 0)));
    let mark = dark.role(0).patch(dark.fair_mark());
    assert_eq!((mark.fg, mark.bg), (Some(white), Some(black)));
}

#[test]
fn role_colours_stay_apart_with_every_kind_of_colour_vision() {
    let mut failures = Vec::new();
    let (themes, _) = Themes::load(&[themes_dir()]);
    for theme in themes.names().into_iter().filter_map(|n| themes.get(n)) {
        let roles = theme.role_colours();
        let mut report = Vec::new();
        for vision in Vision::ALL {
            let Some((a, b, d)) = closest_pair(&roles, vision) else {
                continue;
            };
            report.push(format!("{} {d:.3} ({a}/{b})", vision.name()));
            if d < ROLE_DISTANCE {
                failures.push(format!(
                    "{}: {a} and {b} are {d:.3} apart with {}",
                    theme.name,
                    vision.name()
                ));
            }
        }
        println!(
            "{}: closest roles: {}",
            theme.name,
            if report.is_empty() {
                "no colours".to_string()
            } else {
                report.join(", ")
            }
        );
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_simulations_match_known_colours() {
    // Red and green, far apart normally, fall together without red or
    // green cones; blue and green stay apart. Yellow and white nearly
    // meet without blue cones.
    let (red, green, blue) = ((255, 0, 0), (0, 128, 0), (0, 0, 255));
    assert!(Vision::Normal.distance(red, green) > 0.3);
    for vision in [Vision::Protanopia, Vision::Deuteranopia] {
        let d = vision.distance((200, 60, 0), (90, 110, 0));
        assert!(
            d < Vision::Normal.distance((200, 60, 0), (90, 110, 0)) / 2.0,
            "{vision:?} {d}"
        );
        assert!(vision.distance(blue, green) > 0.2);
    }
    // OKLab: white is L 1, black is L 0, grey has no colour.
    let white = Vision::Normal.see((255, 255, 255));
    assert!((white[0] - 1.0).abs() < 1e-3 && white[1].abs() < 1e-3 && white[2].abs() < 1e-3);
    assert!(Vision::Normal.see((0, 0, 0))[0].abs() < 1e-9);
    let tritan = Vision::Tritanopia;
    assert!(
        tritan.distance((255, 255, 0), (255, 255, 255))
            < Vision::Normal.distance((255, 255, 0), (255, 255, 255)) / 2.0
    );
}

#[test]
fn the_themes_command_passes_the_builtins_and_names_what_fails() {
    let (text, ok) = check_all(&Themes::builtin());
    assert!(ok, "{text}");
    assert!(text.contains("high-contrast-light: ok"), "{text}");
    assert!(
        text.contains("closest roles with deuteranopia vision"),
        "{text}"
    );
    // A pale grey on white, and a red and an olive that look alike without
    // green cones.
    let (themes, errors) = load_one(
        "washed.yaml",
        "background: \"#ffffff\"\ntext: \"#000000\"\nmuted: \"#999999\"\n\
         role_1: \"#aa0000\"\nrole_2: \"#6b5c00\"\n",
    );
    assert!(errors.is_empty(), "{errors:?}");
    let result = check(themes.get("washed").unwrap());
    let failures = result.failures.join("\n");
    assert!(failures.contains("muted is 2.85:1"), "{failures}");
    assert!(
        failures.contains("role_1 and role_2 look alike with deuteranopia"),
        "{failures}"
    );
    assert!(!check_all(&themes).1);
}

#[test]
fn every_colour_set_stays_apart_with_every_kind_of_colour_vision() {
    // Roles, ok/warn/alert and a selected row against the screen: each set
    // at least ROLE_DISTANCE apart as seen with each kind of vision.
    let mut failures = Vec::new();
    let (themes, _) = Themes::load(&[themes_dir()]);
    for theme in themes.names().into_iter().filter_map(|n| themes.get(n)) {
        for (set, colours) in theme.colour_sets() {
            for vision in Vision::ALL {
                let Some((a, b, d)) = closest_pair(&colours, vision) else {
                    continue;
                };
                println!(
                    "{}: {set} with {}: {a}/{b} {d:.3}",
                    theme.name,
                    vision.name()
                );
                if d < ROLE_DISTANCE {
                    failures.push(format!(
                        "{}: {a}/{b} {d:.3} with {}",
                        theme.name,
                        vision.name()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // The light theme's old states, which deuteranopia could not tell apart.
    let old = [
        ("ok", (0x00, 0x64, 0x00)),
        ("warn", (0x7a, 0x3d, 0x00)),
        ("alert", (0xa0, 0, 0)),
    ];
    let (_, _, d) = closest_pair(&old, Vision::Deuteranopia).unwrap();
    assert!(d < ROLE_DISTANCE, "{d}");
}
