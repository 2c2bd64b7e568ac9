//! Themes: named colours read from `themes/*.yaml`, handed to the UI as
//! styles by meaning (`theme.warn()`), never as raw colours.
//!
//! Two layers, as in presenterm: `file` mirrors the YAML and checks it;
//! [`Theme`] is the resolved result the UI draws with. [`Themes`] is the set
//! available this run and [`choose`] picks one from it.

mod check;
mod contrast;
mod file;
pub mod profile;
mod set;
mod style;
#[cfg(test)]
mod tests;
mod vision;

use std::ffi::OsStr;
use std::io;
use std::path::PathBuf;

pub use check::{ThemeCheck, check, check_all, check_all_drawn, check_drawn};
pub use contrast::{
    CellContrast, ColourMap, ContrastPair, DrawnContrast, MUTED_CONTRAST, TEXT_CONTRAST,
    contrast_ratio, measure_drawn, rgb_of,
};
pub use set::Themes;
pub use style::{NamedColours, Theme};
pub use vision::{ROLE_DISTANCE, Vision, closest_pair};

/// The theme used unless `--theme` or `NO_COLOR` says otherwise.
pub const DEFAULT_THEME: &str = "high-contrast-dark";

/// The theme used when `NO_COLOR` is set.
pub const MONOCHROME: &str = "monochrome";

/// Why a theme could not be read or chosen; each says which file and field.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// A theme file or folder could not be read.
    #[error("{}: {reason}", path.display())]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        reason: io::Error,
    },
    /// The file is not YAML, or has a field that no theme has.
    #[error("{}: {reason}", file.display())]
    Yaml {
        /// The theme file.
        file: PathBuf,
        /// The parser's message, with line and column.
        reason: serde_yaml::Error,
    },
    /// A colour field holds something other than `#rrggbb` or `default`.
    #[error("{}: field '{field}': '{value}' is not a #rrggbb colour", file.display())]
    BadColour {
        /// The theme file.
        file: PathBuf,
        /// The field, as written in the file.
        field: &'static str,
        /// What the field held.
        value: String,
    },
    /// A `colours_256` or `colours_16` entry names no colour field, or
    /// gives something other than a palette number or ANSI colour name.
    #[error("{}: {section}: {problem}", file.display())]
    BadFallback {
        /// The theme file.
        file: PathBuf,
        /// `colours_256` or `colours_16`.
        section: &'static str,
        /// What is wrong, naming the entry.
        problem: String,
    },
    /// A colour field is present but empty.
    #[error(
        "{}: field '{field}' has no colour; write it in quotes, \"#rrggbb\", \
         since an unquoted # starts a YAML comment",
        file.display()
    )]
    EmptyColour {
        /// The theme file.
        file: PathBuf,
        /// The field, as written in the file.
        field: &'static str,
    },
    /// A colour is missing from the one theme that cannot inherit any: the default.
    #[error("{}: field '{field}' is missing", file.display())]
    MissingColour {
        /// The theme file.
        file: PathBuf,
        /// The missing field.
        field: &'static str,
    },
    /// `--theme` named a theme that does not exist.
    #[error("no theme called '{requested}'; the themes are: {}", known.join(", "))]
    Unknown {
        /// The name asked for.
        requested: String,
        /// Every theme there is, in cycle order.
        known: Vec<String>,
    },
}

impl ThemeError {
    /// The theme file (or folder) the problem is in, if it is in one.
    pub fn file(&self) -> Option<&std::path::Path> {
        match self {
            ThemeError::Read { path: file, .. }
            | ThemeError::Yaml { file, .. }
            | ThemeError::BadColour { file, .. }
            | ThemeError::BadFallback { file, .. }
            | ThemeError::EmptyColour { file, .. }
            | ThemeError::MissingColour { file, .. } => Some(file),
            ThemeError::Unknown { .. } => None,
        }
    }
}

/// Picks the theme for this run: `--theme NAME` first, then `NO_COLOR`
/// (pass [`no_color`] of the variable) for `monochrome`, else the default.
///
/// # Errors
/// [`ThemeError::Unknown`], listing every theme, when `requested` names none.
pub fn choose<'a>(
    themes: &'a Themes,
    requested: Option<&str>,
    no_color: bool,
) -> Result<&'a Theme, ThemeError> {
    let name = match requested {
        Some(name) => name,
        None if no_color => MONOCHROME,
        None => DEFAULT_THEME,
    };
    themes.get(name).ok_or_else(|| ThemeError::Unknown {
        requested: name.to_string(),
        known: themes.names().into_iter().map(String::from).collect(),
    })
}

/// Whether the value of the `NO_COLOR` variable asks for no colour: set and
/// not empty (no-color.org). The caller reads the environment.
pub fn no_color(value: Option<&OsStr>) -> bool {
    value.is_some_and(|value| !value.is_empty())
}
