//! The theme file as written, and how it becomes a [`Palette`].

use std::collections::BTreeMap;
use std::path::Path;

use ratatui::style::Color;
use serde::{Deserialize, Deserializer, de::Error as _};

use super::ThemeError;
use super::profile::Profile;

/// One colour field as the file gave it.
#[derive(Debug, Default)]
enum Field {
    /// Not in the file: the colour is inherited.
    #[default]
    Absent,
    /// In the file with no value. Almost always `warn: #ff0000` written without
    /// quotes, which YAML reads as an empty value followed by a comment.
    Empty,
    /// Written in the file, not yet checked.
    Given(String),
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Anything that is not a string is kept as its YAML text, so that
        // `text: 0` or `text: [1]` gets the message naming the field rather
        // than serde's, which does not say which field it was.
        Ok(match serde_yaml::Value::deserialize(deserializer)? {
            serde_yaml::Value::Null => Field::Empty,
            serde_yaml::Value::String(text) => Field::Given(text),
            other => Field::Given(
                serde_yaml::to_string(&other)
                    .map_err(D::Error::custom)?
                    .trim()
                    .to_string(),
            ),
        })
    }
}

impl Field {
    /// The colour this field stands for, or `inherited` when the file left it out.
    fn resolve(
        &self,
        file: &Path,
        field: &'static str,
        inherited: Option<Color>,
    ) -> Result<Color, ThemeError> {
        let file = file.to_path_buf();
        match self {
            Field::Absent => inherited.ok_or(ThemeError::MissingColour { file, field }),
            Field::Empty => Err(ThemeError::EmptyColour { file, field }),
            Field::Given(value) => parse_colour(value).ok_or_else(|| ThemeError::BadColour {
                file,
                field,
                value: value.clone(),
            }),
        }
    }
}

/// Reads `#rrggbb` (either case) or `default`, the terminal's own colour.
pub(super) fn parse_colour(text: &str) -> Option<Color> {
    if text == "default" {
        return Some(Color::Reset);
    }
    let hex = text.strip_prefix('#')?;
    // Checked first because `from_str_radix` would also take a `+` sign.
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).ok();
    Some(Color::Rgb(channel(0)?, channel(2)?, channel(4)?))
}

/// Declares the colour fields once; the raw file struct, the resolved
/// palette and the step between them are all generated from this one list,
/// so a new colour cannot be added to one and forgotten in another.
macro_rules! colour_fields {
    ($($field:ident),+ $(,)?) => {
        /// A theme file exactly as written. Every colour may be left out; it
        /// is then inherited (see [`ThemeFile::palette`]).
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(super) struct ThemeFile {
            /// The name `--theme` takes; the file stem when absent.
            pub(super) name: Option<String>,
            /// One line for a theme picker.
            pub(super) description: Option<String>,
            $(#[serde(default)] $field: Field,)+
            /// 256-colour palette numbers to draw instead of the nearest
            /// match, where the nearest would lose contrast.
            #[serde(default)]
            pub(super) colours_256: BTreeMap<String, u8>,
            /// ANSI colour names for 16-colour terminals; without them such
            /// a terminal gets the terminal's own colours and modifiers.
            #[serde(default)]
            pub(super) colours_16: BTreeMap<String, String>,
        }

        /// Every colour of a theme, resolved; `Color::Reset` is `default`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(super) struct Palette {
            $(pub(super) $field: Color,)+
        }

        impl Palette {
            /// Every colour with its field name, in the file's order.
            pub(super) fn named(&self) -> Vec<(&'static str, Color)> {
                vec![$((stringify!($field), self.$field),)+]
            }

            /// Every colour passed through `convert`.
            pub(super) fn map(&self, convert: impl Fn(Color) -> Color) -> Palette {
                Palette { $($field: convert(self.$field),)+ }
            }

            /// Every colour the terminal's own: the monochrome palette.
            pub(super) fn terminal_default() -> Palette {
                Palette { $($field: Color::Reset,)+ }
            }

            /// Sets the colour called `field` (as in the file); `false`
            /// when no colour has that name.
            pub(super) fn set(&mut self, field: &str, colour: Color) -> bool {
                match field {
                    $(stringify!($field) => self.$field = colour,)+
                    _ => return false,
                }
                true
            }
        }

        impl ThemeFile {
            /// Resolves every colour, taking those the file leaves out from
            /// `inherited`; with no `inherited` palette every colour is required.
            pub(super) fn palette(
                &self,
                file: &Path,
                inherited: Option<&Palette>,
            ) -> Result<Palette, ThemeError> {
                Ok(Palette {
                    $($field: self.$field.resolve(
                        file,
                        stringify!($field),
                        inherited.map(|palette| palette.$field),
                    )?,)+
                })
            }
        }
    };
}

colour_fields!(
    background,
    text,
    muted,
    accent,
    selection_bg,
    selection_fg,
    ok,
    warn,
    alert,
    header_bg,
    header_fg,
    role_1,
    role_2,
    role_3,
    role_4,
    role_5,
    role_6,
);

/// How many role colours a theme has; slots beyond wrap around.
pub(super) const ROLE_SLOTS: usize = 6;

impl Palette {
    /// The role colours in slot order, with the field names used in messages.
    pub(super) fn roles(&self) -> [(&'static str, Color); ROLE_SLOTS] {
        [
            ("role_1", self.role_1),
            ("role_2", self.role_2),
            ("role_3", self.role_3),
            ("role_4", self.role_4),
            ("role_5", self.role_5),
            ("role_6", self.role_6),
        ]
    }
}

impl ThemeFile {
    /// Parses the text of `file` (the path is only used in messages).
    pub(super) fn parse(file: &Path, text: &str) -> Result<ThemeFile, ThemeError> {
        serde_yaml::from_str(text).map_err(|reason| ThemeError::Yaml {
            file: file.to_path_buf(),
            reason,
        })
    }

    /// The theme's name: its `name:` field, else the file stem.
    pub(super) fn name_or_stem(&self, file: &Path) -> String {
        match self.name.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => file
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }
}

/// The 16 ANSI colours by the names a theme file gives them, and `default`.
const ANSI_NAMES: [(&str, Color); 17] = [
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("white", Color::Gray),
    ("bright-black", Color::DarkGray),
    ("bright-red", Color::LightRed),
    ("bright-green", Color::LightGreen),
    ("bright-yellow", Color::LightYellow),
    ("bright-blue", Color::LightBlue),
    ("bright-magenta", Color::LightMagenta),
    ("bright-cyan", Color::LightCyan),
    ("bright-white", Color::White),
];

impl ThemeFile {
    /// The palettes for 256 and for 16 colours: `palette` converted, with
    /// the file's own `colours_256` and `colours_16` over the conversion.
    pub(super) fn fallbacks(
        &self,
        file: &Path,
        palette: &Palette,
    ) -> Result<(Palette, Palette), ThemeError> {
        let bad = |section: &'static str, problem: String| ThemeError::BadFallback {
            file: file.to_path_buf(),
            section,
            problem,
        };
        let unknown =
            |section, field: &str| bad(section, format!("'{field}' is not a colour field"));
        let mut ansi256 = palette.map(|colour| Profile::Ansi256.convert(colour));
        for (field, &index) in &self.colours_256 {
            if !ansi256.set(field, Color::Indexed(index)) {
                return Err(unknown("colours_256", field));
            }
        }
        let mut ansi16 = Palette::terminal_default();
        for (field, name) in &self.colours_16 {
            let colour = ANSI_NAMES
                .iter()
                .find(|(known, _)| known == name)
                .map(|&(_, colour)| colour)
                .ok_or_else(|| {
                    let names: Vec<_> = ANSI_NAMES.iter().map(|(known, _)| *known).collect();
                    bad(
                        "colours_16",
                        format!("{field}: '{name}' is not one of {}", names.join(", ")),
                    )
                })?;
            if !ansi16.set(field, colour) {
                return Err(unknown("colours_16", field));
            }
        }
        Ok((ansi256, ansi16))
    }
}
