//! WCAG 2 contrast, so the built-in themes can prove they are readable.

use ratatui::style::Color;

use super::profile::known_shade;

/// The contrast WCAG AAA asks of normal text, and so of every text colour here.
pub const TEXT_CONTRAST: f64 = 7.0;

/// The contrast asked of `muted` text (WCAG AA): it is secondary, never essential.
pub const MUTED_CONTRAST: f64 = 4.5;

/// The WCAG 2 contrast ratio of two sRGB colours, from 1.0 (same) to 21.0
/// (black on white); the order of the two does not matter.
pub fn contrast_ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (a, b) = (relative_luminance(a), relative_luminance(b));
    let (lighter, darker) = if a > b { (a, b) } else { (b, a) };
    (lighter + 0.05) / (darker + 0.05)
}

/// WCAG 2 relative luminance of an sRGB colour, 0.0 (black) to 1.0 (white).
fn relative_luminance((r, g, b): (u8, u8, u8)) -> f64 {
    // 0.04045 is the sRGB threshold; WCAG 2.0 printed 0.03928, and no 8-bit
    // channel value falls between the two, so either gives the same answer.
    let linear = |channel: u8| {
        let c = f64::from(channel) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// A text colour of a theme, the background it is drawn on, and the
/// contrast it must reach there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContrastPair {
    /// What is measured, in the theme file's words (`warn`, `header_fg on header_bg`).
    pub what: &'static str,
    /// The text colour.
    pub fg: Color,
    /// The colour behind it.
    pub bg: Color,
    /// The least contrast this pair must reach: [`TEXT_CONTRAST`] or [`MUTED_CONTRAST`].
    pub required: f64,
}

impl ContrastPair {
    /// The measured contrast, or `None` when either colour is the terminal's
    /// `default` or one of the 16 ANSI colours, whose shades nobody can
    /// measure from here.
    pub fn ratio(&self) -> Option<f64> {
        Some(contrast_ratio(known_shade(self.fg)?, known_shade(self.bg)?))
    }
}

/// One drawn cell measured: where it is, what it shows, its colours as the
/// terminal shows them, and the contrast it has and needs.
#[derive(Debug, Clone, PartialEq)]
pub struct CellContrast {
    /// Column of the cell.
    pub x: u16,
    /// Row of the cell.
    pub y: u16,
    /// What the cell shows.
    pub symbol: String,
    /// The text colour as drawn (reverse video and `default` resolved).
    pub fg: (u8, u8, u8),
    /// The colour behind it, resolved the same way.
    pub bg: (u8, u8, u8),
    /// The contrast measured.
    pub ratio: f64,
    /// The contrast it needs: [`MUTED_CONTRAST`] for `muted` text, else [`TEXT_CONTRAST`].
    pub required: f64,
}

impl std::fmt::Display for CellContrast {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hex = |(r, g, b): (u8, u8, u8)| format!("#{r:02x}{g:02x}{b:02x}");
        write!(
            f,
            "cell ({}, {}) {:?}: {} on {} is {:.2}:1, needs {}:1",
            self.x,
            self.y,
            self.symbol,
            hex(self.fg),
            hex(self.bg),
            self.ratio,
            self.required
        )
    }
}

/// What [`measure_drawn`] found on one screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DrawnContrast {
    /// How many cells with something visible in them were measured.
    pub measured: usize,
    /// The lowest-contrast text cell (7:1 needed).
    pub lowest_text: Option<CellContrast>,
    /// The lowest-contrast muted cell (4.5:1 needed).
    pub lowest_muted: Option<CellContrast>,
    /// Every cell under the contrast it needs.
    pub shortfalls: Vec<CellContrast>,
}

/// A colour conversion applied to every colour before it is measured, as a
/// colour profile (256 or 16 colours) converts what the terminal is sent.
pub type ColourMap<'a> = &'a dyn Fn(Color) -> Color;

/// Measures every cell of `buffer` that shows something (not blank) drawn
/// with `theme`: its foreground against its own background, as the
/// terminal shows them (`default` is the theme's text or background colour,
/// reverse video swaps the two), after `map` if given. Cells whose colours
/// cannot be known (the terminal's own, as in `monochrome`) are skipped.
pub fn measure_drawn(
    buffer: &ratatui::buffer::Buffer,
    theme: &super::Theme,
    map: Option<ColourMap<'_>>,
) -> DrawnContrast {
    use ratatui::style::Modifier;
    let palette = &theme.palette;
    let mut out = DrawnContrast::default();
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            if cell.symbol().trim().is_empty() {
                continue;
            }
            let resolve = |colour: Color, default: Color| match colour {
                Color::Reset => default,
                colour => colour,
            };
            let mut fg = resolve(cell.fg, palette.text);
            let mut bg = resolve(cell.bg, palette.background);
            // Muted is judged on the colour asked for, before reverse video
            // or a profile changes it.
            let required = if fg == palette.muted && fg != palette.text {
                MUTED_CONTRAST
            } else {
                TEXT_CONTRAST
            };
            if cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            if let Some(map) = map {
                (fg, bg) = (map(fg), map(bg));
            }
            let (Some(fg), Some(bg)) = (rgb_of(fg), rgb_of(bg)) else {
                continue;
            };
            let ratio = contrast_ratio(fg, bg);
            let measured = CellContrast {
                x,
                y,
                symbol: cell.symbol().to_string(),
                fg,
                bg,
                ratio,
                required,
            };
            out.measured += 1;
            let lowest = if required == MUTED_CONTRAST {
                &mut out.lowest_muted
            } else {
                &mut out.lowest_text
            };
            if lowest.as_ref().is_none_or(|l| ratio < l.ratio) {
                *lowest = Some(measured.clone());
            }
            if ratio < required {
                out.shortfalls.push(measured);
            }
        }
    }
    out
}

/// The sRGB value of a colour a terminal shows: 24-bit colours as they
/// are, the 256-colour palette and the 16 named colours as xterm draws
/// them. `None` for the terminal's own default, which cannot be known.
pub fn rgb_of(colour: Color) -> Option<(u8, u8, u8)> {
    // xterm's 16 colours, in ANSI order.
    const ANSI: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    let index = match colour {
        Color::Rgb(r, g, b) => return Some((r, g, b)),
        Color::Reset => return None,
        Color::Indexed(i) => i,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    Some(match index {
        0..=15 => ANSI[usize::from(index)],
        16..=231 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            let n = index - 16;
            (level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        _ => {
            let grey = 8 + 10 * (index - 232);
            (grey, grey, grey)
        }
    })
}
