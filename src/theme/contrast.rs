//! WCAG 2 contrast, so the built-in themes can prove they are readable.

use ratatui::style::Color;

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
    /// `default`, which nobody can measure from here.
    pub fn ratio(&self) -> Option<f64> {
        match (self.fg, self.bg) {
            (Color::Rgb(r, g, b), Color::Rgb(r2, g2, b2)) => {
                Some(contrast_ratio((r, g, b), (r2, g2, b2)))
            }
            _ => None,
        }
    }
}
