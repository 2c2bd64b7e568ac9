//! The "changed on disk" prompt: what happened, that nothing was written
//! over the other change, and the choices with what each one costs.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Wrap};

use crate::app::App;
use crate::app::conflict::Conflict;
use crate::app::keymap::{Scope, keys_label};
use crate::text::one_line;
use crate::theme::Theme;

/// Draws `conflict` in the middle of `area`.
pub fn draw(app: &App, conflict: &Conflict, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut lines = vec![
        Line::styled(format!("⚠ {}.", one_line(&conflict.message)), theme.alert()),
        Line::raw(""),
        Line::styled(
            "Something else (a git pull, an editor) wrote the session file while the \
             meeting ran. Nothing is saved until you choose; this meeting's changes \
             since then are only in this app.",
            theme.text(),
        ),
        Line::raw(""),
    ];
    let quit = app.keymap.keys_for(Scope::Global, "quit");
    let prompt = app.keymap.in_scope(Scope::Prompt);
    let choices = prompt
        .map(|b| (keys_label(&b.keys), b.description.clone()))
        .chain([(
            keys_label(quit.get(..1).unwrap_or_default()),
            "quit (asks where to write this meeting first)".to_owned(),
        )]);
    for (key, what) in choices {
        lines.push(Line::from(vec![
            Span::styled(format!(" {key:<7}"), theme.footer_key()),
            Span::styled(format!(" {what}"), theme.text()),
        ]));
    }
    if let Some(note) = &conflict.note {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("⚠ {}", one_line(note)), theme.alert()));
    }
    let width = area.width.saturating_sub(4).min(90);
    let height = (lines.len() as u16 + 6).min(area.height);
    let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .title(Line::styled(" The file changed on disk ", theme.title()))
        .border_style(theme.alert())
        .style(theme.overlay());
    let inner = block.inner(popup).inner(ratatui::layout::Margin::new(1, 0));
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
