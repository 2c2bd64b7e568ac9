//! The help overlay: every key, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::parts::heading;
use crate::app::keymap::{Binding, Scope, keys_label};
use crate::app::{App, Pane};
use crate::text::one_line;
use crate::theme::Theme;

fn binding_lines(binding: &Binding, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    key_lines(&keys_label(&binding.keys), &binding.about, width, theme)
}

/// The keys of one pane, under a heading; the Balance pane adds people's keys.
fn pane_lines(app: &App, pane: Pane, width: usize, theme: &Theme, lines: &mut Vec<Line<'static>>) {
    let heading_text = if pane == app.pane {
        format!("{} pane (here)", pane.title())
    } else {
        format!("{} pane", pane.title())
    };
    lines.push(heading(&heading_text, theme));
    let own = app.keymap.in_scope(pane.scope());
    lines.extend(own.flat_map(|b| binding_lines(b, width, theme)));
    if pane == Pane::Balance {
        let people: Vec<String> = app
            .session
            .participants
            .iter()
            .filter_map(|p| Some(format!("{} {}", p.key?.0, one_line(&p.name))))
            .collect();
        lines.extend(key_lines(
            "a person's key",
            "give them the floor (the key is shown beside each name)",
            width,
            theme,
        ));
        lines.push(Line::styled(
            format!("  {}", people.join(" · ")),
            theme.muted(),
        ));
    }
    lines.push(Line::default());
}

/// How far a key's description is indented, under its keys.
const INDENT: usize = 18;

/// A key and what it does, the description wrapped at `width` under itself.
fn key_lines(keys: &str, description: &str, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let room = width.saturating_sub(INDENT).max(20);
    let mut rows: Vec<String> = Vec::new();
    for word in description.split(' ') {
        match rows.last_mut() {
            Some(row) if row.width() + 1 + word.width() <= room => {
                row.push(' ');
                row.push_str(word);
            }
            _ => rows.push(word.to_owned()),
        }
    }
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            let lead = if i == 0 {
                format!("  {keys:<16}")
            } else {
                " ".repeat(INDENT)
            };
            Line::from(vec![
                Span::styled(lead, theme.footer_key()),
                Span::styled(row, theme.text()),
            ])
        })
        .collect()
}

/// Every key: this pane's first, then those that work everywhere, in a
/// form, and in the other panes.
fn content(app: &App, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    pane_lines(app, app.pane, width, theme, &mut lines);
    lines.push(heading("Everywhere", theme));
    let global = app.keymap.in_scope(Scope::Global);
    lines.extend(global.flat_map(|b| binding_lines(b, width, theme)));
    lines.push(Line::default());
    lines.push(heading("In a form", theme));
    let form = app.keymap.in_scope(Scope::Form);
    lines.extend(form.flat_map(|b| binding_lines(b, width, theme)));
    lines.extend(key_lines("Left/Right", "change a choice", width, theme));
    lines.push(Line::default());
    lines.push(heading("In this help", theme));
    let help = app.keymap.in_scope(Scope::Help);
    lines.extend(help.flat_map(|b| binding_lines(b, width, theme)));
    for pane in Pane::ALL.into_iter().filter(|&p| p != app.pane) {
        lines.push(Line::default());
        pane_lines(app, pane, width, theme, &mut lines);
    }
    while lines.last().is_some_and(|l| l.width() == 0) {
        lines.pop();
    }
    lines
}

/// Draws the overlay over the middle of `area`, scrolled by `app.help_scroll`
/// but never past its last page.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let popup_width = area.width * 4 / 5;
    // Rows each line takes once wrapped inside the borders and padding.
    let inner = usize::from(popup_width.saturating_sub(4)).max(1);
    let lines = content(app, inner, theme);
    let total: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let total = u16::try_from(total).unwrap_or(u16::MAX);
    let height = total.saturating_add(2).min(area.height);
    let visible = height.saturating_sub(2);
    let scroll = app.help_scroll.min(total.saturating_sub(visible));
    let key = |scope, command| app.key_name(scope, command);
    let closes = format!(
        "{} or {} closes",
        key(Scope::Global, "close"),
        key(Scope::Global, "help")
    );
    let more = if scroll + visible < total {
        format!(
            " ▼ more: {} or {} · {closes} ",
            key(Scope::Help, "scroll_down"),
            key(Scope::Help, "page_down")
        )
    } else if scroll > 0 {
        format!(" ▲ {} for more · {closes} ", key(Scope::Help, "scroll_up"))
    } else {
        format!(" {closes} ")
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
