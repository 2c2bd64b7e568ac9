//! The help overlay: every key, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use super::parts::heading;
use crate::app::keymap::{Binding, Scope, keys_label};
use crate::app::{App, Pane};
use crate::text::one_line;
use crate::theme::Theme;

fn binding_line<'a>(binding: &Binding, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("  {:<16}", keys_label(binding)), theme.footer_key()),
        Span::styled(binding.description.to_owned(), theme.text()),
    ])
}

/// Draws the overlay over the middle of `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut lines = vec![heading("Everywhere", theme)];
    lines.extend(
        app.keymap
            .in_scope(Scope::Global)
            .map(|b| binding_line(b, theme)),
    );
    for pane in Pane::ALL {
        let own: Vec<Line> = app
            .keymap
            .in_scope(Scope::Pane(pane))
            .map(|b| binding_line(b, theme))
            .collect();
        if own.is_empty() && pane != Pane::Balance {
            continue;
        }
        lines.push(Line::default());
        lines.push(heading(&format!("{} pane", pane.title()), theme));
        lines.extend(own);
        if pane == Pane::Balance {
            let people: Vec<String> = app
                .session
                .participants
                .iter()
                .filter_map(|p| Some(format!("{} {}", p.key?.0, one_line(&p.name))))
                .collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<16}", "a person's key"), theme.footer_key()),
                Span::styled(
                    "give them the floor (the key is shown beside each name)",
                    theme.text(),
                ),
            ]));
            lines.push(Line::styled(
                format!("  {}", people.join(" · ")),
                theme.muted(),
            ));
        }
    }
    let height = (lines.len() as u16 + 4).min(area.height);
    let popup = area.centered(Constraint::Percentage(80), Constraint::Length(height));
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .title(Line::styled(" Keys ", theme.title()))
        .title_bottom(Line::styled(" Esc or ? closes ", theme.muted()))
        .border_style(theme.border())
        .style(theme.overlay());
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block.padding(ratatui::widgets::Padding::horizontal(1))),
        popup,
    );
}
