//! The room view on the bundled example: reviewed snapshots at 80x24 and
//! 200x60, nothing private on it, room names in place of names, every size
//! from 1x1 to 300x100 drawn without a panic, and every warning still
//! shown in `monochrome` on every pane and the room view.

mod run;

use coproduce::app::keys::{Key, KeyCode, parse_script};
use coproduce::app::script::play;
use coproduce::app::{Action, App, Pane, update};
use coproduce::session::example::EXAMPLE;
use coproduce::session::{Session, Time};
use coproduce::theme::Themes;
use coproduce::ui::screen::{buffer_text, draw};
use ratatui::style::Color;
use run::screen;

const NOW: &str = "2026-11-22T11:42:00+00:00";

fn now() -> Time {
    Time::parse_from_rfc3339(NOW).unwrap()
}

fn app_on(yaml: &str, theme: &str, at: Time) -> App {
    let session: Session = serde_yaml::from_str(yaml).unwrap();
    let themes = Themes::builtin();
    let names: Vec<String> = themes.names().into_iter().map(str::to_owned).collect();
    let index = names.iter().position(|n| n == theme).unwrap();
    let mut app = App::new(session, at, names, index);
    update(&mut app, Action::Tick, at);
    app
}

/// The example in the room view, reached by its key as a facilitator would.
fn room_app(theme: &str) -> App {
    let mut app = app_on(EXAMPLE, theme, now());
    let action = app.action_for(Key::plain(KeyCode::F(2))).unwrap();
    update(&mut app, action, now());
    assert!(app.room);
    app
}

/// Nothing for the facilitator only, and room names in place of names.
fn assert_private_things_absent(text: &str) {
    let session: Session = serde_yaml::from_str(EXAMPLE).unwrap();
    let mut private: Vec<&str> = Vec::new();
    for p in &session.participants {
        private.extend(p.needs.as_deref());
    }
    for item in &session.agenda {
        private.extend(item.notes.as_deref().and_then(|n| n.lines().next()));
    }
    for j in &session.ladder {
        private.extend(j.note.as_deref());
    }
    for d in &session.decisions {
        private.extend(d.outcome.as_deref());
    }
    assert!(
        private.len() >= 6,
        "the example has needs and notes to hide"
    );
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for secret in private {
        // Even a few words of it would be too many.
        let start: String = secret
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            !flat.contains(&start),
            "{start:?} is on the room view:\n{text}"
        );
    }
    assert!(!text.contains("Tomasz"), "{text}");
    assert!(!text.contains("Nowak"), "{text}");
}

#[test]
fn the_room_view_at_80x24_120x36_and_200x60() {
    let app = room_app("high-contrast-dark");
    for (w, h) in [(80, 24), (120, 36), (200, 60)] {
        let text = screen(&app, w, h);
        assert_private_things_absent(&text);
        insta::assert_snapshot!(format!("room-{w}x{h}"), text);
    }
}

#[test]
fn a_room_name_replaces_the_name_everywhere_on_the_room_view() {
    // Tom has the floor, leads the item, proposes, and has a hand up.
    let keys = "<Tab>t";
    let mut app = app_on(EXAMPLE, "high-contrast-dark", now());
    play(&mut app, &parse_script(keys).unwrap(), now(), |_| Ok(())).unwrap();
    app.session.agenda[3].lead = Some("tomasz".into());
    app.session.stack.push("tomasz".into());
    app.session.decisions[1].proposed_by = "tomasz".into();
    app.room = true;
    for (w, h) in [(80, 24), (120, 36), (200, 60)] {
        let text = screen(&app, w, h);
        assert_private_things_absent(&text);
        assert!(text.contains("led by Tom"), "{text}");
        assert!(text.contains(". Tom "), "{text}");
        assert!(text.contains("from Tom "), "{text}");
    }
}

#[test]
fn the_key_toggles_the_room_view_and_back() {
    let mut app = room_app("high-contrast-dark");
    let text = screen(&app, 100, 30);
    assert!(text.contains("back to the panes"), "{text}");
    let back = app.action_for(Key::ctrl('r')).unwrap();
    update(&mut app, back, now());
    assert!(!app.room);
    assert_eq!(app.pane, Pane::Agenda);
    // The same keys in every pane, the Balance pane's people's keys included.
    for pane in Pane::ALL {
        app.pane = pane;
        for key in [Key::plain(KeyCode::F(2)), Key::ctrl('r')] {
            assert_eq!(app.action_for(key), Some(Action::ToggleRoom), "{pane:?}");
        }
    }
}

/// The everyday run: the sizes at and around every limit the layout has.
#[test]
fn the_sizes_at_every_limit_draw_without_a_panic() {
    // Each side of the 40x12 floor, the smallest common terminal and the
    // biggest screens; the soak tier draws 2,000 sizes.
    let edges = [1, 11, 12, 24, 39, 40, 80, 100, 300];
    let sizes: Vec<(u16, u16)> = edges
        .iter()
        .flat_map(|&w| edges.iter().filter(|&&h| h <= 100).map(move |&h| (w, h)))
        .collect();
    sizes_draw(&sizes);
}

/// The soak tier (`.ci/run` runs it with `--include-ignored`): 2,000 sizes.
#[test]
#[ignore = "soak tier: every size"]
fn every_size_draws_without_a_panic() {
    let mut sizes = Vec::new();
    for h in [1, 11, 12, 24, 100] {
        sizes.extend((1..=300).map(|w| (w, h)));
    }
    for w in [1, 39, 40, 80, 300] {
        sizes.extend((1..=100).map(|h| (w, h)));
    }
    sizes_draw(&sizes);
}

/// Draws the room view at each size: the right number of rows, and either
/// the room view or the note saying what size it needs.
fn sizes_draw(sizes: &[(u16, u16)]) {
    let app = room_app("high-contrast-dark");
    for &(w, h) in sizes {
        let text = screen(&app, w, h);
        assert_eq!(text.lines().count(), usize::from(h));
        if w < 40 || h < 12 {
            if w >= 30 && h >= 4 {
                assert!(text.contains("40x12"), "{w}x{h}\n{text}");
            }
        } else {
            assert!(!text.contains("Make the window"), "{w}x{h}\n{text}");
            assert!(text.contains("back to the panes"), "{w}x{h}\n{text}");
        }
    }
}

#[test]
fn the_large_text_grows_with_the_screen() {
    let app = room_app("high-contrast-dark");
    let blocks = |text: &str| {
        text.chars()
            .filter(|c| matches!(c, '█' | '▀' | '▄'))
            .count()
    };
    let small = blocks(&screen(&app, 80, 24));
    let large = blocks(&screen(&app, 200, 60));
    assert!(small > 0);
    assert!(large > small * 3, "{small} -> {large}");
}

/// At every size, down to 80x24, who has the floor and for how long are
/// in large text under their label, not in ordinary type; so is the time
/// left.
#[test]
fn the_floor_and_the_time_left_are_large_at_every_size() {
    let app = room_app("high-contrast-dark");
    let glyph = |c: char| ('\u{2580}'..='\u{259f}').contains(&c);
    for (w, h) in [(80, 24), (100, 30), (120, 36), (200, 60)] {
        let text = screen(&app, w, h);
        let rows: Vec<&str> = text.lines().collect();
        for label in ["has the floor", "left of 30 min"] {
            let at = rows.iter().position(|r| r.contains(label));
            let at = at.unwrap_or_else(|| panic!("{w}x{h}: no {label:?}\n{text}"));
            let column = rows[at][..rows[at].find(label).unwrap()].chars().count();
            // The block under the label, on its half of the screen.
            let (from, to) = if column > usize::from(w) / 2 {
                (usize::from(w) / 2, usize::from(w))
            } else {
                (0, usize::from(w))
            };
            let large = rows[at + 1..(at + 5).min(rows.len())]
                .iter()
                .all(|r| r.chars().skip(from).take(to - from).any(glyph));
            assert!(large, "{w}x{h}: {label:?} is not large\n{text}");
        }
        assert!(!text.contains("Jon Whitfield 1:40"), "{w}x{h}\n{text}");
    }
}

/// Screens to check for warnings in monochrome: (what, app, the warnings).
fn warning_screens() -> Vec<(String, App, Vec<&'static str>)> {
    let good = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good.yaml"),
    )
    .unwrap();
    let at = |hms: &str| Time::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap();
    let after = |yaml: &str, pane: Pane, keys: &str, time: Time| {
        let mut app = app_on(yaml, "monochrome", time);
        app.pane = pane;
        play(&mut app, &parse_script(keys).unwrap(), time, |_| Ok(())).unwrap();
        app
    };
    let mut screens = vec![
        // The running item past its box; a long turn.
        (
            "agenda".to_owned(),
            after(EXAMPLE, Pane::Agenda, "", at("12:05:00")),
            vec!["✖", "over"],
        ),
        (
            "balance".to_owned(),
            after(EXAMPLE, Pane::Balance, "", now()),
            vec![
                "▲ over",
                "⚠",
                "OVER their fair share",
                "○ not yet",
                "▼ under",
            ],
        ),
        (
            "decisions".to_owned(),
            after(
                &good,
                Pane::Agenda,
                "<Tab><Tab>aShorter forms<Tab>a<Enter>o<wait 1m>111c<Tab>Agreed<C-s>",
                at("10:30:00"),
            ),
            vec!["⚑ POSSIBLE RUBBER STAMP"],
        ),
        (
            "decisions past due".to_owned(),
            after(&good, Pane::Decisions, "<wait 720h>", at("10:30:00")),
            vec!["⚠ past due"],
        ),
        (
            "ladder".to_owned(),
            after(EXAMPLE, Pane::Ladder, "", now()),
            vec!["▶"],
        ),
    ];
    let mut room = after(EXAMPLE, Pane::Agenda, "<F2>", at("12:05:00"));
    // A long turn and a flagged decision on the room view too.
    room.session.decisions[0].rubber_stamp = Some("flagged".into());
    screens.push((
        "room".to_owned(),
        room,
        vec!["✖", "⚠ LONG TURN", "⚠ OVER", "▲ over", "⚑ flagged"],
    ));
    screens
}

#[test]
fn every_warning_shows_without_colour() {
    let themes = Themes::builtin();
    let mono = themes.get("monochrome").unwrap();
    for (what, app, warnings) in warning_screens() {
        let buffer = draw(&app, mono, 120, 36);
        let text = buffer_text(&buffer);
        // A warning may wrap onto the next line.
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for warning in warnings {
            assert!(flat.contains(warning), "{what}: no {warning:?}\n{text}");
        }
        // Nothing on the screen leans on a colour.
        for cell in buffer.content() {
            for colour in [cell.fg, cell.bg] {
                assert_eq!(colour, Color::Reset, "{what}: {cell:?}");
            }
        }
    }
}

/// Every key a keyboard sends, as `--keys` writes it.
fn every_key() -> Vec<String> {
    let mut keys: Vec<String> = (b'!'..=b'~')
        .filter(|&c| c != b'<')
        .map(|c| (c as char).to_string())
        .collect();
    for named in [
        "<Space>", "<Enter>", "<Tab>", "<S-Tab>", "<BS>", "<Up>", "<Down>", "<Left>", "<Right>",
        "<F1>", "<C-n>", "<C-p>", "<C-z>", "<C-y>", "<C-t>", "<C-g>", "<C-e>",
    ] {
        keys.push(named.into());
    }
    keys
}

/// The everyday run: every key of the keyboard in one pane or another
/// (each pane takes every fourth key, from its own start), so every key
/// is pressed and every pane visited.
#[test]
fn no_key_puts_private_detail_on_the_room_view() {
    private_detail_absent(|pane_index, key_index| key_index % 4 == pane_index % 4);
}

/// The soak tier (`.ci/soak`): every key in every pane.
#[test]
#[ignore = "soak tier: every key in every pane"]
fn no_key_sequence_puts_private_detail_on_the_room_view() {
    private_detail_absent(|_, _| true);
}

/// Each key `chosen` (by pane and key index) pressed twice then undone,
/// with Tom on the floor: the room view, drawn after each step at 80x24,
/// 120x36 and 200x60 in turn, shows nothing private.
fn private_detail_absent(chosen: impl Fn(usize, usize) -> bool) {
    let sizes = [(80, 24), (120, 36), (200, 60)];
    for (p, pane) in Pane::ALL.into_iter().enumerate() {
        for (k, key) in every_key().into_iter().enumerate() {
            if !chosen(p, k) {
                continue;
            }
            let Ok(steps) = parse_script(&format!("{key}{key}<C-z>")) else {
                continue;
            };
            let mut app = room_app("high-contrast-dark");
            app.pane = pane;
            // A key that means nothing here cannot show anything.
            let coproduce::app::keys::ScriptStep::Key(first) = steps[0] else {
                continue;
            };
            if app.action_for(first).is_none() {
                continue;
            }
            // Tom (Tomasz Nowak) has the floor, so messages name him.
            update(&mut app, Action::GiveFloor("tomasz".into()), now());
            // Each step at one of the sizes in turn keeps this quick.
            for (step, (w, h)) in steps.into_iter().zip(sizes.into_iter().cycle()) {
                play(&mut app, &[step], now(), |_| Ok(())).unwrap();
                if !app.room {
                    break;
                }
                assert_private_things_absent(&screen(&app, w, h));
            }
        }
    }
}
