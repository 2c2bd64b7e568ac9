//! The screen drawn into memory instead of a terminal: what `coproduce
//! render` prints and what the screen tests read.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::theme::Theme;

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
