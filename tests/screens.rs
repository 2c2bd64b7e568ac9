//! Every pane, the help overlay and every theme on the bundled example, on a
//! fixed clock, as reviewed snapshots; and the screen at awkward sizes.

use coproduce::app::keys::{Key, KeyCode};
use coproduce::app::{Action, App, Pane, update};
use coproduce::session::example::EXAMPLE;
use coproduce::session::{Session, Time};
use coproduce::theme::Themes;
use coproduce::ui::screen::{buffer_text, draw};
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

/// The buffer with its styles: the text, then each run of one style, its
/// colours by the theme's names for them.
fn styled(buffer: &Buffer, theme: &coproduce::theme::Theme) -> String {
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
                    "{y:>2} {start:>3}..{:<3} {} on {} {:?}\n",
                    x - 1,
                    theme.colour_name(s.fg.unwrap_or_default()),
                    theme.colour_name(s.bg.unwrap_or_default()),
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
    insta::assert_snapshot!("help", text);
    // All of it, on a screen tall enough, names every key that works here.
    let all = buffer_text(&screen(&app, 120, 200));
    for binding in app.bindings_for(app.pane) {
        // The full text wraps; its first words are on the key's own line.
        let start: String = binding.about.chars().take(20).collect();
        assert!(all.contains(&start), "{} missing", binding.about);
    }
}

#[test]
fn balance_pane_in_every_theme_with_styles() {
    let themes = Themes::builtin();
    for theme in themes.names() {
        let mut app = example_app(theme);
        app.pane = Pane::Balance;
        let styles = styled(&screen(&app, 100, 30), themes.get(theme).unwrap());
        insta::assert_snapshot!(format!("balance-{theme}"), styles);
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

#[test]
fn every_live_warning_and_the_pane_bar_show_on_every_pane() {
    let mut app = example_app("high-contrast-dark");
    let later = now() + chrono::Duration::minutes(15);
    update(&mut app, Action::SaveFailed("disk full".into()), later);
    for pane in Pane::ALL {
        app.pane = pane;
        let wide = buffer_text(&screen(&app, 160, 40));
        let bar = wide.lines().nth(1).unwrap();
        // The current pane is marked by brackets and an arrow, not only colour.
        assert!(bar.contains(&format!("▶[{}]", pane.title())), "{bar}");
        for other in Pane::ALL.into_iter().filter(|&p| p != pane) {
            assert!(bar.contains(&format!(" {} ", other.title())), "{bar}");
        }
        for warning in [
            "⚠ NOT SAVED",
            "⚠ long turn 16:40",
            "⚠ power over share",
            "⚠ time box passed +5:30",
        ] {
            assert!(bar.contains(warning), "{pane:?}: {warning} missing: {bar}");
        }
        // At 80x24 they are shortened, never dropped.
        let small = buffer_text(&screen(&app, 80, 24));
        let bar = small.lines().nth(1).unwrap();
        for warning in ["⚠ NOT SAVED", "⚠ turn 16:40", "⚠ power", "⚠ over +5:30"] {
            assert!(
                bar.contains(warning),
                "{pane:?} at 80x24: {warning} missing: {bar}"
            );
        }
        // The footer keeps Tab and quit at 80x24.
        let footer = small.lines().last().unwrap();
        assert!(
            footer.contains("Tab next pane") && footer.contains("quit"),
            "{footer}"
        );
    }
}
