//! A three-item meeting with a break, run from the keyboard through the
//! real binary's `render` on a fixed clock: the saved file, to the second,
//! and the screens the room sees.

mod run;

use std::path::{Path, PathBuf};

/// Where the meeting's clock starts.
const START: &str = "2026-11-22T09:58:30+00:00";

/// Up to the break: the meeting starts at 09:58:30, Welcome at 10:00:00,
/// Delivery at 10:10:30; Beve is given the floor (Balance pane) at 10:12:00
/// and a 15-minute break is taken at 10:22:30.
const TO_THE_BREAK: &str =
    "s<wait 90s>s<wait 9m><wait 90s>n<wait 90s><Tab>b<S-Tab><wait 630s>b<BS><BS>15<Enter>";

/// Back at 10:38:30, a minute late; one more minute for Delivery at 10:40:00;
/// Next steps at 10:49:00; the screen at 10:53:00.
const AFTER_THE_BREAK: &str = "<wait 16m>b<wait 90s>+<wait 9m>n<wait 4m>";

fn fixture() -> PathBuf {
    run::fixture("agenda/three-items.yaml")
}

/// Runs `render` on `path` from `now` with `keys` at 100x30; returns the
/// screen.
fn render(path: &Path, now: &str, keys: &str, extra: &[&str]) -> String {
    run::render_with(path, now, keys, &[&["--size", "100x30"], extra].concat())
}

/// The fixture's text with `record` put in its place: the agenda's times
/// after each item's `minutes`, and the clock and turns at the end.
fn expected(agenda: [&str; 3], minutes: [u32; 3], tail: &str) -> String {
    let plan = std::fs::read_to_string(fixture()).unwrap();
    let mut out = String::new();
    let mut item = 0;
    for line in plan.lines() {
        let boxed = line.strip_prefix("    minutes: ").is_some();
        if boxed {
            out.push_str(&format!("    minutes: {}\n", minutes[item]));
            out.push_str(agenda[item]);
            item += 1;
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str(tail);
    out
}

fn span(started: &str, ended: Option<&str>) -> String {
    let mut out = format!("    started: 2026-11-22T{started}+00:00\n");
    if let Some(ended) = ended {
        out.push_str(&format!("    ended: 2026-11-22T{ended}+00:00\n"));
    }
    out
}

#[test]
fn a_three_item_meeting_with_a_break_is_saved_to_the_second() {
    let (_dir, path) = run::scratch("agenda/three-items.yaml");

    // In the break: BREAK in large letters with the time to the agreed return.
    let keys = format!("{TO_THE_BREAK}<wait 5m>");
    let screen = render(&path, START, &keys, &["--dry-run"]);
    insta::assert_snapshot!("in-the-break", screen);
    assert!(screen.contains("⏸ back at 10:37 · 10:00 to go"), "{screen}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(fixture()).unwrap(),
        "--dry-run writes nothing"
    );

    // The whole meeting up to the last item's last minute.
    let screen = render(
        &path,
        START,
        &format!("{TO_THE_BREAK}{AFTER_THE_BREAK}"),
        &[],
    );
    insta::assert_snapshot!("last-item-alert", screen);
    assert!(screen.contains("▶ Next steps · 4:00 of 5 min  ‼ 1:00 left"));
    assert!(screen.contains("planned end 10:49 · projected end 10:54 ▲ 4:30 over"));
    let agenda = [
        span("10:00:00", Some("10:10:30")),
        span("10:10:30", Some("10:49:00")),
        span("10:49:00", None),
    ];
    let clock = "clock:
  started: 2026-11-22T09:58:30+00:00
  breaks:
    - { from: 2026-11-22T10:22:30+00:00, minutes: 15, to: 2026-11-22T10:38:30+00:00 }
turns:
  - { who: beve, at: 2026-11-22T10:12:00+00:00, secs: 630 }
";
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        saved,
        expected(
            [agenda[0].as_str(), agenda[1].as_str(), agenda[2].as_str()],
            [10, 21, 5],
            clock
        )
    );

    // The app is closed and opened again at 10:55:30 and the meeting ended:
    // the last item ran on while it was closed.
    let screen = render(&path, "2026-11-22T10:55:30+00:00", "E", &[]);
    insta::assert_snapshot!("ended", screen);
    assert!(screen.contains("■ Meeting ended at 10:55"));
    assert!(screen.contains("Next steps                                             5 min   6:30"));
    let saved = std::fs::read_to_string(&path).unwrap();
    let clock = clock.replace("turns:", "  ended: 2026-11-22T10:55:30+00:00\nturns:");
    let last = span("10:49:00", Some("10:55:30"));
    assert_eq!(
        saved,
        expected(
            [agenda[0].as_str(), agenda[1].as_str(), last.as_str()],
            [10, 21, 5],
            &clock
        )
    );
}

/// The running item's large timer at `now` (minutes past 10:00): the style
/// of its first lit cell, and the line under it.
fn timer_at(minutes: i64, theme: &str) -> (ratatui::style::Style, String) {
    use coproduce::app::{Action, App, update};
    use coproduce::session::{Session, Time};
    use coproduce::theme::Themes;
    use coproduce::ui::screen::{buffer_text, draw};

    let mut session: Session =
        serde_yaml::from_str(&std::fs::read_to_string(fixture()).unwrap()).unwrap();
    let start = Time::parse_from_rfc3339("2026-11-22T10:00:00+00:00").unwrap();
    session.clock.started = Some(start);
    session.agenda[1].started = Some(start);
    session.settings.warn_minutes = Some(6);
    let now = start + chrono::Duration::minutes(minutes);
    let themes = Themes::builtin();
    let mut app = App::new(session, now, vec![theme.into()], 0);
    update(&mut app, Action::Tick, now);
    let buffer = draw(&app, themes.get(theme).unwrap(), 100, 30);
    // Row 2 is inside the large figures, under the header.
    let cell = (0..100)
        .map(|x| &buffer[(x, 2)])
        .find(|c| c.symbol() != " ")
        .expect("a lit cell of the large timer");
    let text = buffer_text(&buffer);
    let line = text.lines().find(|l| l.contains("▶ Delivery")).unwrap();
    (cell.style(), line.trim().to_owned())
}

#[test]
fn the_timer_changes_colour_and_symbol_at_the_groups_thresholds() {
    let themes = coproduce::theme::Themes::builtin();
    for name in ["high-contrast-dark", "monochrome"] {
        let theme = themes.get(name).unwrap();
        if name != "monochrome" {
            assert_ne!(theme.ok().fg, theme.warn().fg, "{name}");
            assert_ne!(theme.warn().fg, theme.alert().fg, "{name}");
        }
        // A 20-minute box; this group warns at 6 minutes left, alerts at 2.
        for (minutes, style, line) in [
            (
                13,
                theme.ok(),
                "▶ Delivery speeds · 13:00 of 20 min  ◷ 7:00 left",
            ),
            (
                14,
                theme.warn(),
                "▶ Delivery speeds · 14:00 of 20 min  ⚠ 6:00 left",
            ),
            (
                18,
                theme.alert(),
                "▶ Delivery speeds · 18:00 of 20 min  ‼ 2:00 left",
            ),
            (
                21,
                theme.alert(),
                "▶ Delivery speeds · 21:00 of 20 min  ✖ 1:00 over",
            ),
        ] {
            let (cell, text) = timer_at(minutes, name);
            assert_eq!(text, line, "{name}");
            if let Some(fg) = style.fg {
                assert_eq!(cell.fg, Some(fg), "{name} at {minutes}");
            }
        }
    }
}
