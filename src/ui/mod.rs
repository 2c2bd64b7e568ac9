//! Drawing only: `view` turns the app's state into a frame. Nothing here
//! changes state or reads the clock; the time shown is `app.now`.

mod agenda;
mod balance;
mod bar;
mod cards;
mod chrome;
mod conflict;
mod decisions;
mod form;
mod help;
mod ladder;
mod parts;
pub mod plain;
mod practice;
mod room;
pub mod screen;
pub mod tour;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::app::keymap::Scope;
use crate::app::{App, Overlay, Pane};
use crate::session::{Session, Time};
use crate::text::one_line;
use crate::theme::Theme;

pub use bar::{Warning, live_warnings};
pub use parts::{break_words, hand_reasons, percent, role_symbol, room_name_of};
pub use room::{MIN_HEIGHT as ROOM_MIN_HEIGHT, MIN_WIDTH as ROOM_MIN_WIDTH};

/// The smallest screen the panes are laid out for; below it the app says
/// how large a window it needs instead of drawing a squashed screen.
pub const MIN_WIDTH: u16 = 60;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 16;

/// Draws the whole screen: header, the current pane, footer, and any overlay.
pub fn view(app: &App, frame: &mut Frame, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(Block::new().style(theme.base()), area);
    if app.room {
        room::draw(
            &app.session,
            crate::app::balance::BalanceView::tally(app),
            app.now,
            frame,
            area,
            theme,
            room_footer(app, theme),
        );
        // Help and forms are never drawn over the room view (update closes
        // them); the file-changed prompt holds nothing private and must be
        // answered, so it is.
        if let Some(prompt) = &app.disk.conflict {
            conflict::draw(app, prompt, frame, area, theme);
        }
        return;
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(
            frame,
            area,
            theme,
            "coproduce",
            (MIN_WIDTH, MIN_HEIGHT),
            Some(&format!("{} quits.", app.global_key("quit"))),
        );
        return;
    }
    let [header, pane_bar, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(app, frame, header, theme);
    bar::draw(app, frame, pane_bar, theme);
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
        Some(Overlay::Form(form)) => form::draw(app, form, frame, body, theme),
        None => {
            if let Some(prompt) = &app.disk.conflict {
                conflict::draw(app, prompt, frame, body, theme);
            }
        }
    }
}

/// Draws the room view of `session` at `now` on the whole frame, with
/// `footer` on its last row: for `coproduce follow`.
pub fn room_view(
    session: &Session,
    tally: Option<&crate::session::balance::Tally>,
    now: Time,
    frame: &mut Frame,
    theme: &Theme,
    footer: Line<'_>,
) {
    room::draw(session, tally, now, frame, frame.area(), theme, footer);
}

/// The room view's last row in the app: the status, then the key back.
fn room_footer(app: &App, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    if let Some(status) = &app.status {
        spans.push(Span::styled(
            format!("{}  ", one_line(status)),
            theme.accent(),
        ));
    }
    let back = app.keymap.labels(Scope::Global, "room_view");
    spans.push(Span::styled(
        format!("{back} back to the panes"),
        theme.muted(),
    ));
    Line::from(spans)
}

/// Says what size `what` needs instead of drawing a squashed screen;
/// `quit` is a last line on how to leave, if any.
pub(crate) fn too_small(
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    what: &str,
    (width, height): (u16, u16),
    quit: Option<&str>,
) {
    let mut message = vec![
        Line::styled("Make the window larger", theme.warn()),
        Line::styled(
            format!(
                "{what} needs at least {width}x{height}; this one is {}x{}.",
                area.width, area.height
            ),
            theme.text(),
        ),
    ];
    message.extend(quit.map(|q| Line::styled(q.to_owned(), theme.muted())));
    frame.render_widget(
        Paragraph::new(message)
            .wrap(Wrap { trim: true })
            .style(theme.base()),
        area,
    );
}
