//! Every pane, the help overlay and every theme on the bundled example, on a
//! fixed clock, as reviewed snapshots; and the screen at awkward sizes.

use coproduce::app::keys::{Key, KeyCode};
use coproduce::app::{Action, App, Pane, update};
use coproduce::demo::EXAMPLE;
use coproduce::render::{buffer_text, draw};
use coproduce::session::{Session, Time};
use coproduce::theme::Themes;
use ratatui::buffer::Buffer;

/// A moment in the middle of the example meeting.
const NOW: &str = "2026-11-22T11:42:00+00:00";

fn now() -> Time {
    Time::parse_from_rfc3339(NOW).unwrap()
}

fn example_app(theme: &str) -> App {
    let session: Session = serde_yaml::from_str(EXAMPLE).unwrap();
    let themes = Themes::builtin();
    let names: Vec<String> = themes.names().into_iter().map(str::to_owned).collect();
    let index = names.iter().position(|n| n == theme).unwrap();
    let mut app = App::new(session, now(), names, index);
    update(&mut app, Action::Tick, now());
    app
}

fn screen(app: &App, width: u16, height: u16) -> Buffer {
    let themes = Themes::builtin();
    draw(app, themes.get(app.theme_name()).unwrap(), width, height)
}

/// The buffer with its styles: the text, then each run of one style.
fn styled(buffer: &Buffer) -> String {
    let mut out = buffer_text(buffer);
    out.push_str("\n-- styles: row x..x fg bg modifiers --\n");
    let area = buffer.area;
    for y in 0..area.height {
        let mut start = 0;
        for x in 1..=area.width {
            let same = x < area.width && buffer[(x, y)].style() == buffer[(start, y)].style();
            if !same {
                let s = buffer[(start, y)].style();
                out.push_str(&format!(
                    "{y:>2} {start:>3}..{:<3} {:?} {:?} {:?}\n",
                    x - 1,
                    s.fg.unwrap_or_default(),
                    s.bg.unwrap_or_default(),
                    s.add_modifier
                ));
                start = x;
            }
        }
    }
    out
}

#[test]
fn every_pane_at_100x30() {
    let mut app = example_app("high-contrast-dark");
    for pane in Pane::ALL {
        assert_eq!(app.pane, pane);
        insta::assert_snapshot!(pane.title(), buffer_text(&screen(&app, 100, 30)));
        update(&mut app, Action::NextPane, now());
    }
}

#[test]
fn help_overlay_lists_every_key() {
    let mut app = example_app("high-contrast-dark");
    update(&mut app, Action::ToggleHelp, now());
    let text = buffer_text(&screen(&app, 100, 30));
    // The overlay scrolls: every key is on one of its pages.
    let mut pages = text.clone();
    for _ in 0..4 {
        update(&mut app, Action::ScrollHelp(10), now());
        pages.push_str(&buffer_text(&screen(&app, 100, 30)));
    }
    for binding in app.keymap.in_scope(coproduce::app::keymap::Scope::Global) {
        assert!(
            pages.contains(binding.description),
            "{} missing",
            binding.description
        );
    }
    insta::assert_snapshot!("help", text);
}

#[test]
fn balance_pane_in_every_theme_with_styles() {
    for theme in Themes::builtin().names() {
        let mut app = example_app(theme);
        app.pane = Pane::Balance;
        insta::assert_snapshot!(format!("balance-{theme}"), styled(&screen(&app, 100, 30)));
    }
}

#[test]
fn small_and_large_screens_draw_without_panic() {
    let mut app = example_app("high-contrast-dark");
    for pane in Pane::ALL {
        app.pane = pane;
        for (w, h) in [
            (1, 1),
            (20, 5),
            (59, 16),
            (60, 16),
            (80, 24),
            (200, 60),
            (300, 100),
        ] {
            let text = buffer_text(&screen(&app, w, h));
            assert_eq!(text.lines().count(), usize::from(h));
            if (w, h) == (20, 5) {
                assert!(text.contains("Make the"), "{text}");
            }
        }
    }
}

#[test]
fn the_footer_says_what_the_keys_do_on_each_pane() {
    let mut app = example_app("high-contrast-dark");
    for pane in Pane::ALL {
        app.pane = pane;
        let text = buffer_text(&screen(&app, 100, 30));
        let footer = text.lines().last().unwrap();
        assert!(
            footer.contains("? help") || footer.contains("?/F1 help"),
            "{footer}"
        );
        assert!(footer.contains("quit"), "{footer}");
        assert_eq!(
            footer.contains("Space silence the floor"),
            pane == Pane::Balance,
            "{footer}"
        );
    }
    // Keys pressed through the keymap move between the panes.
    app.pane = Pane::Agenda;
    let tab = app.action_for(Key::plain(KeyCode::Tab)).unwrap();
    update(&mut app, tab, now());
    assert_eq!(app.pane, Pane::Balance);
}

#[test]
fn the_power_warning_is_styled_as_an_alert_in_every_theme() {
    let themes = Themes::builtin();
    for name in themes.names() {
        let theme = themes.get(name).unwrap();
        let mut app = example_app(name);
        app.pane = Pane::Balance;
        let buffer = screen(&app, 100, 30);
        let text = buffer_text(&buffer);
        let (y, line) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains("⚠ OVER"))
            .unwrap_or_else(|| panic!("{name}: no power warning\n{text}"));
        let x = unicode_width::UnicodeWidthStr::width(&line[..line.find("⚠ OVER").unwrap()]);
        let cell = &buffer[(x as u16, y as u16)];
        let alert = theme.alert();
        assert_eq!(cell.style().fg, alert.fg.or(cell.style().fg), "{name}");
        assert!(
            cell.style().add_modifier.contains(alert.add_modifier),
            "{name}: {:?}",
            cell.style()
        );
        assert_ne!(
            cell.style(),
            theme.text().patch(theme.base()),
            "{name}: the warning looks like text"
        );
    }
}
