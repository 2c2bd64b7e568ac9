//! The help overlay: every key, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::parts::heading;
use crate::app::form::FORM_KEYS;
use crate::app::keymap::{Binding, Scope, keys_label};
use crate::app::{App, Pane};
use crate::text::one_line;
use crate::theme::Theme;

fn binding_line(binding: &Binding, theme: &Theme) -> Line<'static> {
    key_line(&keys_label(binding), binding.description, theme)
}

/// The keys of one pane, under a heading; the Balance pane adds people's keys.
fn pane_lines(app: &App, pane: Pane, theme: &Theme, lines: &mut Vec<Line<'static>>) {
    let heading_text = if pane == app.pane {
        format!("{} pane (here)", pane.title())
    } else {
        format!("{} pane", pane.title())
    };
    lines.push(heading(&heading_text, theme));
    let own = app.keymap.in_scope(Scope::Pane(pane));
    lines.extend(own.map(|b| binding_line(b, theme)));
    if pane == Pane::Balance {
        let people: Vec<String> = app
            .session
            .participants
            .iter()
            .filter_map(|p| Some(format!("{} {}", p.key?.0, one_line(&p.name))))
            .collect();
        lines.push(key_line(
            "a person's key",
            "give them the floor (the key is shown beside each name)",
            theme,
        ));
        lines.push(Line::styled(
            format!("  {}", people.join(" · ")),
            theme.muted(),
        ));
    }
    lines.push(Line::default());
}

fn key_line(keys: &str, description: &str, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {keys:<16}"), theme.footer_key()),
        Span::styled(description.to_owned(), theme.text()),
    ])
}

/// Every key: this pane's first, then those that work everywhere, in a
/// form, and in the other panes.
fn content(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    pane_lines(app, app.pane, theme, &mut lines);
    lines.push(heading("Everywhere", theme));
    let global = app.keymap.in_scope(Scope::Global);
    lines.extend(global.map(|b| binding_line(b, theme)));
    lines.push(Line::default());
    lines.push(heading("In a form", theme));
    lines.extend(FORM_KEYS.iter().map(|(k, d)| key_line(k, d, theme)));
    for pane in Pane::ALL.into_iter().filter(|&p| p != app.pane) {
        lines.push(Line::default());
        pane_lines(app, pane, theme, &mut lines);
    }
    while lines.last().is_some_and(|l| l.width() == 0) {
        lines.pop();
    }
    lines
}

/// Draws the overlay over the middle of `area`, scrolled by `app.help_scroll`
/// but never past its last page.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let lines = content(app, theme);
    let popup_width = area.width * 4 / 5;
    // Rows each line takes once wrapped inside the borders and padding.
    let inner = usize::from(popup_width.saturating_sub(4)).max(1);
    let total: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let total = u16::try_from(total).unwrap_or(u16::MAX);
    let height = total.saturating_add(2).min(area.height);
    let visible = height.saturating_sub(2);
    let scroll = app.help_scroll.min(total.saturating_sub(visible));
    let more = if scroll + visible < total {
        " ▼ more: Down or PageDown · Esc or ? closes "
    } else if scroll > 0 {
        " ▲ Up for more · Esc or ? closes "
    } else {
        " Esc or ? closes "
    };
    let popup = area.centered(Constraint::Length(popup_width), Constraint::Length(height));
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .title(Line::styled(
            // Where the pane bar marks this pane, so the help says it too.
            format!(" Keys · you are on ▶[{}] ", app.pane.title()),
            theme.title(),
        ))
        .title_bottom(Line::styled(more, theme.muted()))
        .border_style(theme.border())
        .style(theme.overlay());
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .wrap(Wrap { trim: false })
            .block(block.padding(ratatui::widgets::Padding::horizontal(1))),
        popup,
    );
}
