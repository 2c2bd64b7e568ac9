//! Drawing only: `view` turns the app's state into a frame. Nothing here
//! changes state or reads the clock; the time shown is `app.now`.

mod agenda;
mod balance;
mod chrome;
mod conflict;
mod decisions;
mod form;
mod help;
mod ladder;
mod parts;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::{App, Overlay, Pane};
use crate::theme::Theme;

/// The smallest screen the panes are laid out for; below it the app says
/// how large a window it needs instead of drawing a squashed screen.
pub const MIN_WIDTH: u16 = 60;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 16;

/// Draws the whole screen: header, the current pane, footer, and any overlay.
pub fn view(app: &App, frame: &mut Frame, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.base()), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, theme);
        return;
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(app, frame, header, theme);
    let body = body.inner(ratatui::layout::Margin::new(1, 0));
    match app.pane {
        Pane::Agenda => agenda::draw(app, frame, body, theme),
        Pane::Balance => balance::draw(app, frame, body, theme),
        Pane::Decisions => decisions::draw(app, frame, body, theme),
        Pane::Ladder => ladder::draw(app, frame, body, theme),
    }
    chrome::footer(app, frame, footer, theme);
    match &app.overlay {
        Some(Overlay::Help) => help::draw(app, frame, area, theme),
        Some(Overlay::Form(form)) => form::draw(form, frame, body, theme),
        None => {
            if let Some(prompt) = &app.disk.conflict {
                conflict::draw(prompt, frame, body, theme);
            }
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let message = vec![
        Line::styled("Make the window larger", theme.warn()),
        Line::styled(
            format!(
                "coproduce needs at least {MIN_WIDTH}x{MIN_HEIGHT}; this one is {}x{}.",
                area.width, area.height
            ),
            theme.text(),
        ),
        Line::styled("Ctrl-Q quits.", theme.muted()),
    ];
    frame.render_widget(
        Paragraph::new(message)
            .wrap(Wrap { trim: true })
            .style(theme.base()),
        area,
    );
}
