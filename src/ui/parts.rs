//! Small pieces the panes share: names, share bars, section titles.

use crate::session::offsets::TimeOfDay;
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

pub use crate::session::balance::bar_scale;
use crate::session::balance::{Balance, Standing, bar_cells};
use crate::session::stack::reasons;
use crate::session::{Break, Participant, Session};
use crate::text::one_line;
use crate::theme::Theme;

/// A participant's name, safe for the terminal; an unknown id is shown as is.
pub fn name_of(session: &Session, id: &str) -> String {
    session.participant(id).map_or_else(
        || one_line(id).into_owned(),
        |p| one_line(&p.name).into_owned(),
    )
}

/// Why each raised hand is where it is on the stack, judged on the time
/// `balance` counts for each person.
pub fn hand_reasons(session: &Session, balance: &Balance) -> Vec<String> {
    let spoken = |id: &str| {
        let i = session.participants.iter().position(|p| p.id == id);
        i.map_or(0, |i| balance.people[i].secs)
    };
    reasons(&session.stack, session.settings.stack_order(), spoken)
}

/// What the room view calls a participant: their `room_name` if they gave
/// one, else their name; safe for the terminal. The room view names people
/// only through this, so nobody's full name reaches the projector when they
/// asked for another.
pub fn room_name_of(session: &Session, id: &str) -> String {
    match session.participant(id) {
        Some(p) => one_line(p.room_name.as_deref().unwrap_or(&p.name)).into_owned(),
        None => one_line(id).into_owned(),
    }
}

/// One symbol per role slot, wrapping after six like the role colours, so
/// that roles are told apart without colour. None of them is a symbol that
/// means something else here (`●` fair, `▲` over, `◆` power).
pub const ROLE_SYMBOLS: [&str; 6] = ["■", "★", "✚", "◉", "♣", "◐"];

/// The symbol of role slot `slot`.
pub fn role_symbol(slot: usize) -> &'static str {
    ROLE_SYMBOLS[slot % ROLE_SYMBOLS.len()]
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
/// `BREAK` when no length was agreed; `face` says whether with the offset.
pub fn break_words(pause: &Break, face: TimeOfDay) -> String {
    match pause.agreed_return() {
        Some(back) => format!("BREAK until {}", face.hm(back)),
        None => "BREAK".into(),
    }
}

/// `line` cut to `width` columns, ending in `…` where it was cut, so
/// nothing is cut silently; each span keeps its style.
pub fn fit_line(line: Line<'_>, width: usize) -> Line<'static> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let (style, alignment) = (line.style, line.alignment);
    let total: usize = line.spans.iter().map(|s| s.content.width()).sum();
    // Room for the text before the `…`, when there is a cut at all.
    let budget = if total <= width {
        total
    } else {
        width.saturating_sub(1)
    };
    let mut used = 0;
    let mut spans = Vec::with_capacity(line.spans.len());
    for span in line.spans {
        let w = span.content.width();
        if used + w <= budget {
            used += w;
            spans.push(Span::styled(span.content.into_owned(), span.style));
            continue;
        }
        let mut cut = String::new();
        for c in span.content.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > budget {
                break;
            }
            used += cw;
            cut.push(c);
        }
        if width > 0 {
            cut.push('…');
        }
        spans.push(Span::styled(cut, span.style));
        break;
    }
    let mut out = Line::from(spans).style(style);
    out.alignment = alignment;
    out
}

/// The width of each column of a `Table` with column `widths` and
/// `spacing` drawn `width` columns wide (after any highlight column), as
/// ratatui lays it out: so a cell's text can be cut to it with `…`.
pub fn column_widths(widths: &[Constraint], width: u16, spacing: u16) -> Vec<usize> {
    Layout::horizontal(widths.iter().copied())
        .flex(Flex::Start)
        .spacing(spacing)
        .split(Rect::new(0, 0, width, 1))
        .iter()
        .map(|r| usize::from(r.width))
        .collect()
}

/// `text` cut to `width` columns with `…`, as an owned string for a cell.
pub fn fit_cell(text: &str, width: usize) -> String {
    crate::text::fit(text, width).into_owned()
}

/// The rows `line` takes when word-wrapped to `width`, as `Wrap` does it:
/// greedy, a word longer than the row split across rows.
pub fn wrapped_rows(line: &Line, width: u16) -> usize {
    use unicode_width::UnicodeWidthStr;
    let width = usize::from(width.max(1));
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let mut rows = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = word.width();
        let need = if used == 0 { w } else { used + 1 + w };
        if need <= width {
            used = need;
        } else {
            // A word starts a row unless it is the row's first; one longer
            // than a row runs on over as many as it needs.
            let word_rows = w.div_ceil(width).max(1);
            rows += usize::from(used > 0) + word_rows - 1;
            used = w - (word_rows - 1) * width;
        }
    }
    rows
}

/// What a list that does not fit leaves out, and the keys (`[up, down]`)
/// that move through it, if any do: `↑ 2 above · ↓ 3 below (Up/Down moves)`.
pub fn scrolled_words(above: usize, below: usize, keys: Option<&[String; 2]>) -> String {
    let mut parts = Vec::new();
    if above > 0 {
        parts.push(format!("↑ {above} above"));
    }
    if below > 0 {
        parts.push(format!("↓ {below} below"));
    }
    match keys {
        Some([up, down]) => format!("  {} ({up}/{down} moves)", parts.join(" · ")),
        None => format!("  {}", parts.join(" · ")),
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
            render_big(
                frame,
                Rect { height, ..area },
                size,
                vec![Line::from(text)],
                style,
            );
            height
        }
        None => {
            let line = Line::styled(text, style.add_modifier(Modifier::BOLD));
            frame.render_widget(Paragraph::new(line.centered()), Rect { height: 1, ..area });
            area.height.min(1)
        }
    }
}

/// Draws `lines` in the big font at `size`, centred in `area`.
fn render_big(frame: &mut Frame, area: Rect, size: PixelSize, lines: Vec<Line>, style: Style) {
    let big = BigText::builder()
        .pixel_size(size)
        .style(style)
        .alignment(Alignment::Center)
        .lines(lines)
        .build();
    frame.render_widget(big, area);
}

/// Whether the big-text font draws every character of `text`: `font8x8`
/// has ASCII and Latin-1; anything else would show as a blank.
fn big_font_draws(text: &str) -> bool {
    text.chars()
        .all(|c| (' '..='~').contains(&c) || ('\u{a1}'..='\u{ff}').contains(&c))
}

/// `text` broken at spaces into lines of at most `per_line` characters, or
/// `None` when one word is longer than that.
fn wrap_words(text: &str, per_line: usize) -> Option<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if len > per_line {
            return None;
        }
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + len <= per_line => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    Some(lines)
}

/// The largest big-text size at which `text`, broken into lines at spaces,
/// fits `width` x `height`: the size, the lines and the rows they take.
pub fn big_wrap_fit(text: &str, width: u16, height: u16) -> Option<(PixelSize, Vec<String>, u16)> {
    if !big_font_draws(text) || text.trim().is_empty() {
        return None;
    }
    BIG_SIZES.iter().find_map(|&(size, w, h)| {
        let lines = wrap_words(text, usize::from(width / w))?;
        let rows = u16::try_from(lines.len()).ok()?.checked_mul(h)?;
        (rows <= height).then_some((size, lines, rows))
    })
}

/// The rows `text` takes `width` columns wide at each size it can be drawn
/// at, smallest first: as ordinary wrapped text, then at each big-text size
/// whose lines fit the width. Lets a layout share rows between blocks of
/// large text before drawing them with [`big_block`].
pub fn big_heights(text: &str, width: u16) -> Vec<u16> {
    let text = one_line(text);
    let plain = plain_wrap(&text, usize::from(width)).len().max(1);
    let mut heights = vec![u16::try_from(plain).unwrap_or(u16::MAX)];
    if big_font_draws(&text) && !text.trim().is_empty() {
        for &(_, w, h) in BIG_SIZES.iter().rev() {
            let rows = wrap_words(&text, usize::from(width / w))
                .and_then(|lines| u16::try_from(lines.len()).ok()?.checked_mul(h));
            if let Some(rows) = rows.filter(|&r| r > *heights.last().unwrap_or(&0)) {
                heights.push(rows);
            }
        }
    }
    heights
}

/// Draws `text` as large as fits in `area`, over as many lines as it needs
/// (centred), or as bold wrapped text when no large size fits or the font
/// cannot draw it. Returns the rows it took.
pub fn big_block(frame: &mut Frame, area: Rect, text: &str, style: Style) -> u16 {
    let text = one_line(text).into_owned();
    match big_wrap_fit(&text, area.width, area.height) {
        Some((size, lines, rows)) => {
            let lines = lines.into_iter().map(Line::from).collect();
            let area = Rect {
                height: rows,
                ..area
            };
            render_big(frame, area, size, lines, style);
            rows
        }
        None => {
            let lines: Vec<Line> = plain_rows(&text, area.width, area.height)
                .into_iter()
                .map(|l| Line::styled(l, style.add_modifier(Modifier::BOLD)).centered())
                .collect();
            let rows = lines.len() as u16;
            frame.render_widget(Paragraph::new(lines), area);
            rows
        }
    }
}

/// `text` wrapped to `width` columns on at most `height` rows, the last
/// ending in `…` when the rest does not fit, so nothing is cut silently.
pub fn plain_rows(text: &str, width: u16, height: u16) -> Vec<String> {
    let width = usize::from(width);
    let mut lines = plain_wrap(text, width);
    let keep = usize::from(height);
    if lines.len() > keep {
        let rest = lines.split_off(keep.saturating_sub(1)).join(" ");
        // Two wrapped rows joined never fit one row, so `fit` ends it in `…`.
        if keep > 0 {
            lines.push(crate::text::fit(&rest, width).into_owned());
        }
    }
    lines
}

/// `text` broken at spaces into lines at most `width` columns wide; a word
/// wider than that is cut into pieces.
fn plain_wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let width = width.max(1);
    let mut pieces = Vec::new();
    for word in text.split_whitespace() {
        let mut piece = String::new();
        let mut used = 0;
        for c in word.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width && !piece.is_empty() {
                pieces.push(std::mem::take(&mut piece));
                used = 0;
            }
            piece.push(c);
            used += w;
        }
        pieces.push(piece);
    }
    let mut lines: Vec<(String, usize)> = Vec::new();
    for piece in pieces {
        let w = unicode_width::UnicodeWidthStr::width(piece.as_str());
        match lines.last_mut() {
            Some((line, used)) if *used + 1 + w <= width => {
                line.push(' ');
                line.push_str(&piece);
                *used += 1 + w;
            }
            _ => lines.push((piece, w)),
        }
    }
    lines.into_iter().map(|(line, _)| line).collect()
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

    #[test]
    fn big_text_wraps_to_the_largest_size_that_fits() {
        // Full size: 8 cells a character, 8 rows a line.
        let (size, lines, rows) = big_wrap_fit("Go on", 40, 8).unwrap();
        assert_eq!(
            (size, lines, rows),
            (PixelSize::Full, vec!["Go on".into()], 8)
        );
        // Two lines of quadrants (4 cells, 4 rows) when one line is too wide.
        let (size, lines, rows) = big_wrap_fit("Bath lifts", 24, 8).unwrap();
        assert_eq!(size, PixelSize::Quadrant);
        assert_eq!((lines, rows), (vec!["Bath".into(), "lifts".into()], 8));
        // Too long a word, too little room, or a character the font lacks.
        assert_eq!(big_wrap_fit("Extraordinary", 40, 100), None);
        assert_eq!(big_wrap_fit("Go on", 40, 3), None);
        assert_eq!(big_wrap_fit("Łukasz", 200, 100), None);
        assert_eq!(big_wrap_fit("  ", 200, 100), None);
        assert_eq!(plain_wrap("a bb cccccc", 4), ["a bb", "cccc", "cc"]);
        // Cut short, the last row says so.
        assert_eq!(plain_rows("a bb cccccc", 4, 2), ["a bb", "ccc…"]);
        assert_eq!(plain_rows("one two three", 20, 1), ["one two three"]);
        assert_eq!(plain_rows("one two three", 8, 1), ["one two…"]);
        assert_eq!(plain_rows("one two three", 8, 0), Vec::<String>::new());
        // Plain, quadrants (two lines), half height (two lines); full size
        // would need 8 columns a character, too wide for "lifts" in 24.
        assert_eq!(big_heights("Bath lifts", 24), [1, 8]);
        assert_eq!(big_heights("Bath lifts", 80), [1, 4, 8]);
    }

    #[test]
    fn lines_cut_to_a_width_end_in_an_ellipsis() {
        let line = |parts: &[&str]| {
            Line::from(
                parts
                    .iter()
                    .map(|p| Span::raw(p.to_string()))
                    .collect::<Vec<_>>(),
            )
        };
        let text = |line: Line| {
            line.spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
        };
        assert_eq!(text(fit_line(line(&["ab", "cd"]), 4)), "abcd");
        assert_eq!(text(fit_line(line(&["ab", "cdef"]), 4)), "abc…");
        assert_eq!(text(fit_line(line(&["abcd", "ef"]), 4)), "abc…");
        assert_eq!(text(fit_line(line(&["ab", "cd", "ef"]), 5)), "abcd…");
        assert_eq!(wrapped_rows(&line(&["one two", " three"]), 7), 2);
        assert_eq!(wrapped_rows(&line(&["abcdefghij"]), 4), 3);
        assert_eq!(wrapped_rows(&line(&["ab abcdefghij"]), 4), 4);
        assert_eq!(wrapped_rows(&line(&["abcd ef"]), 4), 2);
    }

    #[test]
    fn role_symbols_are_one_cell_and_distinct() {
        use unicode_width::UnicodeWidthStr;
        for (i, symbol) in ROLE_SYMBOLS.iter().enumerate() {
            assert_eq!(symbol.width(), 1, "{symbol}");
            assert!(!ROLE_SYMBOLS[..i].contains(symbol));
            assert!(!["●", "▲", "▼", "◆", "○"].contains(symbol));
        }
        assert_eq!(role_symbol(7), role_symbol(1));
    }
}
