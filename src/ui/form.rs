//! A form over the pane: one row per field, the focused one marked with a
//! symbol and the cursor, and the reason a save was refused.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use crate::app::App;
use crate::app::form::{FieldKind, Form};
use crate::app::keymap::Scope;
use crate::text::{fit, is_unsafe, one_line, visible};
use crate::theme::Theme;

/// Rows a multi-line field gets.
const NOTES_ROWS: u16 = 4;
/// Columns for the labels.
const LABEL_WIDTH: usize = 14;

fn rows(kind: &FieldKind) -> u16 {
    match kind {
        FieldKind::Lines => NOTES_ROWS,
        _ => 1,
    }
}

/// Draws `form` in the middle of `area`.
pub fn draw<P>(app: &App, form: &Form<P>, frame: &mut Frame, area: Rect, theme: &Theme) {
    let fields_height: u16 = form.fields.iter().map(|f| rows(&f.kind) + 1).sum();
    let error_height = if form.error.is_some() { 2 } else { 0 };
    let height = (fields_height + error_height + 2).min(area.height);
    let width = area.width.saturating_sub(4).min(90);
    let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
    let key = |command| app.key_name(Scope::Form, command);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .title(Line::styled(
            format!(" {} ", one_line(&form.title)),
            theme.title(),
        ))
        .title_bottom(Line::styled(
            format!(
                " {} saves · {} next field · {} cancels ",
                key("save_field"),
                key("next_field"),
                key("cancel")
            ),
            theme.muted(),
        ))
        .border_style(theme.border())
        .style(theme.overlay());
    let inner = block.inner(popup).inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let mut y = inner.y;
    let bottom = inner.bottom();
    if let Some(error) = &form.error {
        let line = Line::from(vec![Span::styled(
            format!("⚠ {}", one_line(error)),
            theme.alert(),
        )]);
        let at = Rect::new(inner.x, y, inner.width, 1);
        frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), at);
        y += error_height;
    }
    let text_x = inner.x + LABEL_WIDTH as u16 + 2;
    let text_width = inner.width.saturating_sub(LABEL_WIDTH as u16 + 2);
    for (i, field) in form.fields.iter().enumerate() {
        let height = rows(&field.kind);
        if y + height > bottom {
            break;
        }
        let focused = i == form.focus;
        let marker = if focused { "▶ " } else { "  " };
        let label_style = if focused {
            theme.accent()
        } else {
            theme.text()
        };
        let label = format!("{marker}{}", fit(&field.label, LABEL_WIDTH));
        frame.render_widget(
            Paragraph::new(Line::styled(label, label_style)),
            Rect::new(inner.x, y, LABEL_WIDTH as u16 + 2, 1),
        );
        let value_area = Rect::new(text_x, y, text_width, height);
        match field.chosen_label() {
            Some(chosen) => {
                let style = if focused {
                    theme.selected()
                } else {
                    theme.text()
                };
                let choice = Line::from(vec![
                    Span::styled(format!("◀ {} ▶", one_line(chosen)), style),
                    Span::styled(format!("  {}", field.hint), theme.muted()),
                ]);
                frame.render_widget(Paragraph::new(choice), value_area);
            }
            // The text area cannot show hidden characters (the terminal
            // must never get them), so a field holding any shows them as
            // escapes while another field has the cursor.
            None if !focused && field.value().chars().any(is_unsafe) => {
                let shown: Vec<Line> = field
                    .value()
                    .split('\n')
                    .map(|l| Line::styled(visible(l).into_owned(), theme.text()))
                    .collect();
                frame.render_widget(Paragraph::new(shown), value_area);
            }
            None => {
                let mut text = field.text.clone();
                text.set_style(theme.text());
                text.set_cursor_line_style(Style::default());
                text.set_cursor_style(if focused {
                    theme.selected()
                } else {
                    theme.text()
                });
                if !field.hint.is_empty() {
                    text.set_placeholder_text(field.hint.clone());
                    text.set_placeholder_style(theme.muted());
                }
                frame.render_widget(&text, value_area);
            }
        }
        y += height + 1;
    }
}
