//! [`Themes`]: the built-in themes and the user's own theme files.

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::file::ThemeFile;
use super::{Theme, ThemeError};

/// The built-in themes in cycle order, as (path shown in messages, file text).
pub(super) const BUILTIN: [(&str, &str); 4] = [
    (
        "themes/high-contrast-dark.yaml",
        include_str!("../../themes/high-contrast-dark.yaml"),
    ),
    (
        "themes/high-contrast-light.yaml",
        include_str!("../../themes/high-contrast-light.yaml"),
    ),
    (
        "themes/yellow-on-black.yaml",
        include_str!("../../themes/yellow-on-black.yaml"),
    ),
    (
        "themes/monochrome.yaml",
        include_str!("../../themes/monochrome.yaml"),
    ),
];

/// The themes available this run, in the order a "next theme" key cycles
/// through them: the built-ins first, then the user's own.
#[derive(Debug, Clone, PartialEq)]
pub struct Themes {
    /// Never empty: the built-ins are always there, the default first.
    themes: Vec<Theme>,
}

impl Themes {
    /// The four built-in themes, embedded in the binary.
    ///
    /// # Panics
    /// If a built-in file is broken, which the test suite rules out.
    pub fn builtin() -> Themes {
        let mut themes = Themes { themes: Vec::new() };
        for (path, text) in BUILTIN {
            if let Err(error) = themes.add(Path::new(path), text) {
                panic!("built-in theme is broken: {error}");
            }
        }
        themes
    }

    /// The built-ins plus every `*.yaml` in each of `dirs` that exists, read
    /// in sorted order. A file named like a built-in (by `name:`, else by
    /// file stem) replaces it, taking the colours and description it leaves
    /// out from that built-in; any other file is added
    /// after the built-ins, taking what it leaves out from the default
    /// theme. A file or folder that cannot be used is reported and skipped.
    pub fn load(dirs: &[PathBuf]) -> (Themes, Vec<ThemeError>) {
        let mut themes = Themes::builtin();
        let mut errors = Vec::new();
        for dir in dirs {
            let files = match yaml_files(dir) {
                Ok(files) => files,
                Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
                Err(reason) => {
                    errors.push(ThemeError::Read {
                        path: dir.clone(),
                        reason,
                    });
                    continue;
                }
            };
            for file in files {
                let added = crate::store::read::read_yaml(&file, MAX_THEME_BYTES)
                    .map_err(|reason| ThemeError::Read {
                        path: file.clone(),
                        reason,
                    })
                    .and_then(|text| themes.add(&file, &text));
                errors.extend(added.err());
            }
        }
        (themes, errors)
    }

    /// Every theme as a terminal with `profile` can show it (see
    /// [`Theme::for_profile`]).
    pub fn for_profile(&self, profile: super::profile::Profile) -> Themes {
        Themes {
            themes: self
                .themes
                .iter()
                .map(|theme| theme.for_profile(profile))
                .collect(),
        }
    }

    /// The theme called `name`.
    pub fn get(&self, name: &str) -> Option<&Theme> {
        self.themes.iter().find(|theme| theme.name == name)
    }

    /// Every theme's name, in cycle order.
    pub fn names(&self) -> Vec<&str> {
        self.themes
            .iter()
            .map(|theme| theme.name.as_str())
            .collect()
    }

    /// The theme after `name` in cycle order, wrapping to the first; the
    /// first when `name` is unknown.
    pub fn next_after(&self, name: &str) -> &Theme {
        let next = self
            .themes
            .iter()
            .position(|theme| theme.name == name)
            .map_or(0, |at| (at + 1) % self.themes.len());
        &self.themes[next]
    }

    /// Reads one theme file's text and adds it, or replaces the theme of the
    /// same name in place.
    fn add(&mut self, file: &Path, text: &str) -> Result<(), ThemeError> {
        let raw = ThemeFile::parse(file, text)?;
        let name = raw.name_or_stem(file);
        let replaces = self.themes.iter().position(|theme| theme.name == name);
        // What a file leaves out comes from the theme it replaces, else from
        // the default (always first); the default itself inherits nothing.
        let inherited = replaces
            .or((!self.themes.is_empty()).then_some(0))
            .map(|at| &self.themes[at]);
        let palette = raw.palette(file, inherited.map(|theme| &theme.palette))?;
        let (ansi256, ansi16) = raw.fallbacks(file, &palette)?;
        let theme = Theme {
            palette,
            ansi256,
            ansi16,
            // Only a replaced theme's description still fits; the default's
            // would describe some other theme.
            description: raw
                .description
                .or_else(|| replaces.and_then(|at| self.themes[at].description.clone())),
            name,
        };
        match replaces {
            Some(at) => self.themes[at] = theme,
            None => self.themes.push(theme),
        }
        Ok(())
    }
}

/// The largest theme file read: a theme is a few hundred bytes.
const MAX_THEME_BYTES: u64 = 64 * 1024;

/// The `*.yaml` files directly in `dir`, sorted so that load order (and so
/// which of two same-named files wins) does not depend on the file system.
fn yaml_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension() == Some(OsStr::new("yaml")) && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
