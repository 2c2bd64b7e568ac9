//! Text from a file never reaches the terminal raw: escape sequences in a
//! name are shown as visible text.

use coproduce::app::{Action, App, Pane, update};
use coproduce::session::{Session, Time};
use coproduce::theme::Themes;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const HOSTILE: &str = r#"format: 1
title: "Board \e[2J meeting"
board: "\e]0;owned\a"
date: 2026-11-22
roles:
  - { id: lived, label: "Lived \u202Eexperience" }
participants:
  - { id: mal, name: "\e]0;owned\a", role: lived, key: m }
  - { id: clr, name: "\e[2J李 👍", role: lived, key: c }
agenda:
  - { id: one, title: "Item \e[31m red", minutes: 10, started: 2026-11-22T10:00:00+00:00 }
decisions:
  - { id: d, proposal: "Do \e[2J this", proposed_by: mal, state: open, responses: { clr: agree } }
ladder:
  - { at: 2026-11-22T10:05:00+00:00, rung: co-design, note: "\e]0;owned\a" }
clock:
  started: 2026-11-22T10:00:00+00:00
turns:
  - { who: mal, at: 2026-11-22T10:01:00+00:00 }
"#;

#[test]
fn escape_sequences_in_the_file_are_shown_not_obeyed() {
    let session: Session = coproduce::session::parse(HOSTILE).expect("escaped text is valid");
    let now = Time::parse_from_rfc3339("2026-11-22T10:06:00+00:00").unwrap();
    let themes = Themes::builtin();
    let theme = themes.get("high-contrast-dark").unwrap();
    let mut app = App::new(session, now, vec![theme.name.clone()], 0);
    let mut written = Vec::new();
    for pane in Pane::ALL {
        app.pane = pane;
        for help in [false, true] {
            if help {
                update(&mut app, Action::ToggleHelp, now);
            }
            let mut bytes = Vec::new();
            {
                let backend = CrosstermBackend::new(&mut bytes);
                let options = TerminalOptions {
                    viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
                };
                let mut terminal = Terminal::with_options(backend, options).unwrap();
                terminal
                    .draw(|frame| coproduce::ui::view(&app, frame, theme))
                    .unwrap();
            }
            if help {
                update(&mut app, Action::Close, now);
            }
            written.extend(bytes);
        }
    }
    let text = String::from_utf8_lossy(&written);
    for raw in ["\x1b]0;", "\x07", "\x1b[2J", "\x1b[31m", "\u{202e}"] {
        assert!(!text.contains(raw), "{raw:?} reached the terminal");
    }
    assert!(
        text.contains("\\x1b]0;owned\\x07"),
        "the name is shown as visible text"
    );
    assert!(text.contains("\\x1b[2J"));
    assert!(text.contains("李"));
}

const WIDE: &str = r#"format: 1
title: Wide names
board: Board
date: 2026-11-22
roles:
  - { id: lived, label: Lived experience }
  - { id: staff, label: Staff, power: true }
participants:
  - { id: li, name: "李小龙", role: lived }
  - { id: em, name: "Emoji 👍🏽 Jo", role: staff }
  - { id: al, name: Alex, role: staff }
turns:
  - { who: li, at: 2026-11-22T10:01:00+00:00, secs: 60 }
"#;

#[test]
fn wide_characters_keep_the_columns_aligned() {
    use unicode_width::UnicodeWidthStr;
    let session: Session = coproduce::session::parse(WIDE).unwrap();
    let now = Time::parse_from_rfc3339("2026-11-22T10:06:00+00:00").unwrap();
    let themes = Themes::builtin();
    let theme = themes.get("monochrome").unwrap();
    let mut app = App::new(session, now, vec![theme.name.clone()], 0);
    app.pane = Pane::Balance;
    let screen = coproduce::ui::screen::screen_text(&app, theme, 100, 30);
    let column_of = |line: &str, word: &str| line.find(word).map(|at| line[..at].width());
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("Lived experience") || l.contains("Staff "))
        .take(3)
        .collect();
    assert_eq!(rows.len(), 3, "{screen}");
    let role_columns: Vec<_> = rows
        .iter()
        .map(|l| column_of(l, "Lived experience").or_else(|| column_of(l, "Staff")))
        .collect();
    assert!(
        role_columns.windows(2).all(|w| w[0] == w[1]),
        "{role_columns:?}\n{screen}"
    );
}
