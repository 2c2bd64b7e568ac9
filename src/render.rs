//! `coproduce render`: the same app, headless, on a fixed clock. Keys from a
//! script go through the same keymap and `update` as the live loop, changes
//! are saved as the live app saves them, and the last screen is printed as
//! plain text.

use std::io;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use crate::app::keys::ScriptStep;
use crate::app::{Action, App, Effect, update};
use crate::session::{Session, Time};
use crate::theme::Theme;

/// Plays `steps` into `app` starting at `now`, calling `save` after every
/// change to the session, as the live loop does. Stops at a quit key.
/// Returns the clock's time at the end.
pub fn play(
    app: &mut App,
    steps: &[ScriptStep],
    mut now: Time,
    mut save: impl FnMut(&Session) -> io::Result<()>,
) -> io::Result<Time> {
    let mut saved = app.revision;
    update(app, Action::Tick, now);
    for step in steps {
        let action = match *step {
            ScriptStep::Wait(secs) => {
                now += chrono::Duration::seconds(secs as i64);
                Some(Action::Tick)
            }
            ScriptStep::Key(key) => app.action_for(key),
        };
        let effect = action.map_or(Effect::None, |a| update(app, a, now));
        if app.revision != saved {
            save(&app.session)?;
            saved = app.revision;
        }
        if effect == Effect::Quit {
            break;
        }
    }
    Ok(now)
}

/// Draws `app` on a `width` x `height` screen and returns it as plain text,
/// one line per row with trailing spaces trimmed.
pub fn screen_text(app: &App, theme: &Theme, width: u16, height: u16) -> String {
    let buffer = draw(app, theme, width, height);
    buffer_text(&buffer)
}

/// Draws `app` into a buffer, as the terminal would show it.
pub fn draw(app: &App, theme: &Theme, width: u16, height: u16) -> Buffer {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).expect("a test backend always opens");
    terminal
        .draw(|frame| crate::ui::view(app, frame, theme))
        .expect("drawing into memory cannot fail");
    terminal.backend().buffer().clone()
}

/// The text of a buffer, skipping the cells hidden behind wide characters.
pub fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::with_capacity(usize::from(area.width + 1) * usize::from(area.height));
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += u16::try_from(symbol.width().max(1)).unwrap_or(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
