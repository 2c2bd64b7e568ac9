//! Small pieces the panes share: names, share bars, section titles.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

pub use crate::session::balance::bar_scale;
use crate::session::balance::{Standing, bar_cells};
use crate::session::{Break, Participant, Session};
use crate::text::one_line;
use crate::theme::Theme;

/// A participant's name, safe for the terminal; an unknown id is shown as is.
pub fn name_of(session: &Session, id: &str) -> String {
    session
        .participants
        .iter()
        .find(|p| p.id == id)
        .map_or_else(
            || one_line(id).into_owned(),
            |p| one_line(&p.name).into_owned(),
        )
}

/// The role slot (for colour) and label of a participant's role.
pub fn role_of<'a>(session: &'a Session, person: &Participant) -> (usize, &'a str) {
    session
        .roles
        .iter()
        .position(|r| r.id == person.role)
        .map_or((0, ""), |i| (i, session.roles[i].label.as_str()))
}

/// How a break is announced: `BREAK until 11:10` (the agreed return), or
/// `BREAK` when no length was agreed.
pub fn break_words(pause: &Break) -> String {
    match pause.agreed_return() {
        Some(back) => format!("BREAK until {}", back.format("%H:%M")),
        None => "BREAK".into(),
    }
}

/// A section heading inside a pane.
pub fn heading(text: &str, theme: &Theme) -> Line<'static> {
    Line::styled(text.to_owned(), theme.title())
}

/// A share as a whole percentage.
pub fn percent(fraction: f64) -> String {
    format!("{:.0}%", fraction * 100.0)
}

/// Says, in words and a symbol, how a share stands against its fair share,
/// so the meaning never rests on colour alone.
pub fn against_fair(share: f64, fair: f64, theme: &Theme) -> Span<'static> {
    let standing = Standing::of(share, fair);
    let style = match standing {
        Standing::Over => theme.warn(),
        Standing::Under => theme.text(),
        Standing::Fair => theme.ok(),
    };
    Span::styled(standing.words(), style)
}

/// A bar `width` cells wide, filled to `share`, with a mark at `fair`; a
/// bar full width stands for `scale` (see [`bar_scale`]).
pub fn share_bar(
    share: f64,
    fair: f64,
    scale: f64,
    width: usize,
    fill: Style,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let (filled, mark) = bar_cells(share, fair, scale, width);
    let mut spans = Vec::with_capacity(4);
    let run = |from: usize, to: usize, spans: &mut Vec<Span<'static>>| {
        if to > from {
            let full = from.min(filled)..to.min(filled);
            if !full.is_empty() {
                spans.push(Span::styled("█".repeat(full.len()), fill));
            }
            let empty = from.max(filled)..to;
            if !empty.is_empty() {
                spans.push(Span::styled("░".repeat(empty.len()), theme.muted()));
            }
        }
    };
    match mark {
        Some(at) => {
            run(0, at, &mut spans);
            spans.push(Span::styled("┃", theme.fair_mark()));
            run(at + 1, width, &mut spans);
        }
        None => run(0, width, &mut spans),
    }
    spans
}

/// Large-text sizes for the room, largest first. Only block elements every
/// projector font has: the sextant and octant sizes need Unicode 13 glyphs.
const BIG_SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// The largest big-text size at which `text` fits `width` x `height`, with
/// its width and height in cells; `None` when even the smallest does not.
pub fn big_fit(text: &str, width: u16, height: u16) -> Option<(PixelSize, u16, u16)> {
    let chars = text.chars().count() as u16;
    BIG_SIZES
        .iter()
        .map(|&(size, w, h)| (size, chars.saturating_mul(w), h))
        .find(|&(_, w, h)| w <= width && h <= height)
}

/// Draws `text` as large as fits in `area` (centred), or as one bold line
/// when no large size fits. Returns the rows it took. `font8x8` draws ASCII
/// and Latin-1; other characters show as blanks, so pass names through
/// [`crate::text::one_line`] and keep timers and words to ASCII.
pub fn big_text(frame: &mut Frame, area: Rect, text: &str, style: Style) -> u16 {
    let text = one_line(text).into_owned();
    match big_fit(&text, area.width, area.height) {
        Some((size, _, height)) => {
            let big = BigText::builder()
                .pixel_size(size)
                .style(style)
                .alignment(Alignment::Center)
                .lines(vec![Line::from(text)])
                .build();
            frame.render_widget(big, Rect { height, ..area });
            height
        }
        None => {
            let line = Line::styled(text, style.add_modifier(Modifier::BOLD));
            frame.render_widget(Paragraph::new(line.centered()), Rect { height: 1, ..area });
            area.height.min(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn bars_fill_to_the_share_and_mark_fair_share() {
        let theme = crate::theme::Themes::builtin();
        let theme = theme.get("monochrome").unwrap();
        let fill = theme.role(0);
        assert_eq!(text(&share_bar(0.5, 0.25, 1.0, 8, fill, theme)), "██┃█░░░░");
        assert_eq!(text(&share_bar(0.0, 0.5, 1.0, 4, fill, theme)), "░░┃░");
        assert_eq!(text(&share_bar(1.0, 1.0, 1.0, 4, fill, theme)), "███┃");
        assert_eq!(text(&share_bar(0.3, 0.0, 1.0, 4, fill, theme)), "█░░░");
        // Scaled to the largest share: 0.1 of a 0.4 scale is a quarter.
        assert_eq!(text(&share_bar(0.1, 0.2, 0.4, 8, fill, theme)), "██░░┃░░░");
        assert_eq!(bar_scale([(0.1, 0.2), (0.4, 0.1)].into_iter()), 0.4);
    }
}
