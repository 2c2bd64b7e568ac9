//! `coproduce themes`: every theme measured.

use super::open::theme_dirs;
use super::{Outcome, print, status};
use crate::note;
use crate::theme::Themes;
use crate::ui::tour::themes_report;

/// Prints each theme's contrast and colour-vision figures; exit 1 when one
/// falls short or a theme file is broken.
pub fn run() -> Outcome {
    let (themes, problems) = Themes::load(&theme_dirs());
    let (report, ok) = themes_report(&themes);
    print(&report)?;
    for problem in &problems {
        note!("coproduce: {problem} (skipped)");
    }
    Ok(status(ok && problems.is_empty()))
}
