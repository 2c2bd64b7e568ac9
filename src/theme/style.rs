//! The resolved [`Theme`]: the styles the UI draws with, by meaning.

use ratatui::style::{Color, Modifier, Style};

use super::contrast::{ContrastPair, MUTED_CONTRAST, TEXT_CONTRAST};
use super::file::{Palette, ROLE_SLOTS};
use super::profile::{Profile, known_shade};

/// A resolved theme: the styles the UI draws with, by meaning.
///
/// Styles that set only a foreground are meant to be drawn over [`Theme::base`].
/// Where a colour is `default` (or cannot be told from what is around it), a
/// modifier carries the meaning instead, so the `monochrome` theme still shows
/// titles, warnings, selection and bars.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// The name `--theme` takes, e.g. `high-contrast-dark`.
    pub name: String,
    /// One line saying what the theme is for, if the file gave one.
    pub description: Option<String>,
    pub(super) palette: Palette,
    /// The palette for 256 colours: the nearest match, or the file's own.
    pub(super) ansi256: Palette,
    /// The palette for 16 colours: the file's ANSI colours, else the
    /// terminal's own.
    pub(super) ansi16: Palette,
}

impl Theme {
    /// The theme's names for `colour` (`text/header_bg` when several fields
    /// share it; `default` for the terminal's own), so a snapshot of styles
    /// reads as what was meant rather than as numbers.
    pub fn colour_name(&self, colour: Color) -> String {
        if colour == Color::Reset {
            return "default".into();
        }
        let names: Vec<&str> = self
            .palette
            .named()
            .into_iter()
            .filter(|(_, c)| *c == colour)
            .map(|(name, _)| name)
            .collect();
        if names.is_empty() {
            format!("{colour:?}")
        } else {
            names.join("/")
        }
    }

    /// This theme as a terminal with `profile` can show it. With 256
    /// colours each colour is the nearest of the palette unless the theme
    /// file names its own (`colours_256`); with 16, whose shades no one can
    /// know, only the theme file's `colours_16` are used, and everything
    /// else is the terminal's own foreground and background, so bold,
    /// underline and reverse video carry the meaning as in `monochrome`.
    pub fn for_profile(&self, profile: Profile) -> Theme {
        let palette = match profile {
            Profile::TrueColour => self.palette,
            Profile::Ansi256 => self.ansi256,
            Profile::Ansi16 => self.ansi16,
            Profile::NoColour => Palette::terminal_default(),
        };
        Theme {
            palette,
            ..self.clone()
        }
    }

    /// Text on the screen's background; fill the whole screen with this first.
    pub fn base(&self) -> Style {
        Style::new()
            .fg(self.palette.text)
            .bg(self.palette.background)
    }

    /// Ordinary text.
    pub fn text(&self) -> Style {
        Style::new().fg(self.palette.text)
    }

    /// Secondary text: hints, units, things already done.
    pub fn muted(&self) -> Style {
        // Italic rather than dim: dim would cost contrast the room needs.
        self.ink(self.palette.muted, Modifier::ITALIC)
    }

    /// Text that should catch the eye without being a warning.
    pub fn accent(&self) -> Style {
        self.ink(self.palette.accent, Modifier::UNDERLINED)
    }

    /// A pane or section title.
    pub fn title(&self) -> Style {
        self.accent().add_modifier(Modifier::BOLD)
    }

    /// The one-line header bar (meeting, clock, item, floor).
    pub fn header(&self) -> Style {
        self.footer().add_modifier(Modifier::BOLD)
    }

    /// The one-line footer bar of keys.
    pub fn footer(&self) -> Style {
        self.bar_of(self.palette.header_fg, self.palette.header_bg)
    }

    /// A key name inside the footer, drawn as a chip cut out of the bar.
    pub fn footer_key(&self) -> Style {
        let footer = self.footer();
        // The chip is the footer turned inside out: a reversed footer gets
        // its key un-reversed (the removal survives being patched onto the
        // footer line), a coloured one gets the footer's colours swapped.
        let chip = if footer.add_modifier.contains(Modifier::REVERSED) {
            footer.remove_modifier(Modifier::REVERSED)
        } else {
            Style::new()
                .fg(self.palette.header_bg)
                .bg(self.palette.header_fg)
        };
        chip.add_modifier(Modifier::BOLD)
    }

    /// A message in the footer or header bar (the last key's result): the
    /// bar's own colours, bold, since any other ink on the bar's colour is
    /// not measured to be readable there.
    pub fn bar_message(&self) -> Style {
        self.footer().add_modifier(Modifier::BOLD)
    }

    /// A warning inside the header or footer bar ("⚠ NOT SAVED", "⚠ long
    /// turn"): the alert colour on the screen's background, cut out of the
    /// bar as the key chips are, so it keeps the contrast it has on the
    /// screen. Without colours, the chip is the footer turned inside out.
    pub fn bar_alert(&self) -> Style {
        if self.palette.alert == Color::Reset || self.palette.background == Color::Reset {
            return self.footer_key();
        }
        Style::new()
            .fg(self.palette.alert)
            .bg(self.palette.background)
            .add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list or table.
    pub fn selected(&self) -> Style {
        self.bar_of(self.palette.selection_fg, self.palette.selection_bg)
            .add_modifier(Modifier::BOLD)
    }

    /// Good news: on time, everyone has spoken, consent reached.
    pub fn ok(&self) -> Style {
        self.ink(self.palette.ok, Modifier::BOLD)
    }

    /// Needs attention soon: nearing a time box, power roles over their share.
    pub fn warn(&self) -> Style {
        self.ink(self.palette.warn, Modifier::UNDERLINED)
            .add_modifier(Modifier::BOLD)
    }

    /// Needs attention now: over time, an objection, a possible rubber stamp.
    pub fn alert(&self) -> Style {
        self.ink(self.palette.alert, Modifier::REVERSED)
            .add_modifier(Modifier::BOLD)
    }

    /// Text in the colour of a meeting's role; `slot` is the role's place in
    /// the session's role list and wraps after six.
    pub fn role(&self, slot: usize) -> Style {
        // No stand-in modifier when roles have no colour: making one role
        // bold and another not would make some voices look louder than
        // others. The role's label tells them apart.
        self.ink(self.role_colour(slot), Modifier::empty())
    }

    /// The fair-share mark on a bar: a bold glyph on the screen's own
    /// background, so it cuts a gap into any bar (role colours are chosen to
    /// contrast with the background) and still shows beside one.
    pub fn fair_mark(&self) -> Style {
        self.base()
            .add_modifier(Modifier::BOLD)
            .remove_modifier(Modifier::REVERSED)
    }

    /// Borders and rules between panes.
    pub fn border(&self) -> Style {
        Style::new().fg(self.palette.muted)
    }

    /// The body of the help overlay. It is the screen's own colours, so every
    /// style keeps its measured contrast inside it; draw it over a cleared
    /// area inside a [`Theme::border`] to set it apart.
    pub fn overlay(&self) -> Style {
        self.base()
    }

    /// Every text colour with the background it is drawn on and the contrast
    /// it must reach, for tests and for checking a user's own theme.
    pub fn contrast_pairs(&self) -> Vec<ContrastPair> {
        let p = &self.palette;
        let on_background = |what, fg, required| ContrastPair {
            what,
            fg,
            bg: p.background,
            required,
        };
        let mut pairs = vec![
            on_background("text", p.text, TEXT_CONTRAST),
            on_background("muted", p.muted, MUTED_CONTRAST),
            on_background("accent", p.accent, TEXT_CONTRAST),
            on_background("ok", p.ok, TEXT_CONTRAST),
            on_background("warn", p.warn, TEXT_CONTRAST),
            on_background("alert", p.alert, TEXT_CONTRAST),
        ];
        // Bars draw background-coloured text on a role colour; contrast is
        // symmetric, so the role pairs below cover them too.
        pairs.extend(
            p.roles()
                .into_iter()
                .map(|(what, colour)| on_background(what, colour, TEXT_CONTRAST)),
        );
        pairs.extend([
            ContrastPair {
                what: "selection_fg on selection_bg",
                fg: p.selection_fg,
                bg: p.selection_bg,
                required: TEXT_CONTRAST,
            },
            ContrastPair {
                what: "header_fg on header_bg",
                fg: p.header_fg,
                bg: p.header_bg,
                required: TEXT_CONTRAST,
            },
        ]);
        pairs
    }

    /// The role colours that are real colours, by field name, for the
    /// colour-blindness check; `default` ones are left out (they are told
    /// apart by the role's symbol and name only).
    pub fn role_colours(&self) -> NamedColours {
        real_colours(self.palette.roles())
    }

    /// Each set of colours that must be told apart from one another, with
    /// its colours by field name, for the colour-vision check: the role
    /// colours, the three states (ok, warn, alert), and a selected row
    /// against the screen. `default` colours are left out.
    pub fn colour_sets(&self) -> Vec<(&'static str, NamedColours)> {
        let p = &self.palette;
        vec![
            ("roles", self.role_colours()),
            (
                "states",
                real_colours([("ok", p.ok), ("warn", p.warn), ("alert", p.alert)]),
            ),
            (
                "selection",
                real_colours([
                    ("selection_bg", p.selection_bg),
                    ("background", p.background),
                ]),
            ),
        ]
    }

    fn role_colour(&self, slot: usize) -> Color {
        self.palette.roles()[slot % ROLE_SLOTS].1
    }

    /// A foreground colour that, when it cannot be told from plain text,
    /// carries its meaning with `stand_in` instead.
    fn ink(&self, colour: Color, stand_in: Modifier) -> Style {
        let style = Style::new().fg(colour);
        if colour == Color::Reset || colour == self.palette.text {
            style.add_modifier(stand_in)
        } else {
            style
        }
    }

    /// A band of `bg` with `fg` text on it; a band that cannot be told from
    /// the screen is drawn reversed instead.
    fn bar_of(&self, fg: Color, bg: Color) -> Style {
        let style = Style::new().fg(fg).bg(bg);
        if bg == Color::Reset || bg == self.palette.background {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style
        }
    }
}

/// Colours by field name as sRGB, for the colour-vision check.
pub type NamedColours = Vec<(&'static str, (u8, u8, u8))>;

/// The real colours of `colours`, by field name; `default` ones are left
/// out (they are the terminal's own, and nobody can say what they look like),
/// as are the 16 palette colours each terminal shades its own way.
fn real_colours(colours: impl IntoIterator<Item = (&'static str, Color)>) -> NamedColours {
    colours
        .into_iter()
        .filter_map(|(name, colour)| Some((name, known_shade(colour)?)))
        .collect()
}
