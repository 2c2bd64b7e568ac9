//! `coproduce trends DIR`: every session in a folder, by date.

use std::path::PathBuf;

use anyhow::bail;
use clap::{Args, ValueEnum};

use super::{Outcome, print};
use crate::report::trends::{Format, trends};

/// `coproduce trends`'s options.
#[derive(Args, Debug)]
pub struct TrendsArgs {
    /// The folder of session files.
    pub dir: PathBuf,
    /// text (a Markdown table) or csv.
    #[arg(long, value_enum, default_value = "text")]
    pub format: TrendsFormat,
}

/// How `trends` writes its table.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TrendsFormat {
    Text,
    Csv,
}

/// Prints the table of the folder's sessions.
pub fn run(args: &TrendsArgs) -> Outcome {
    if !args.dir.is_dir() {
        bail!(
            "{} is not a folder",
            crate::text::one_line(&args.dir.display().to_string())
        );
    }
    let format = match args.format {
        TrendsFormat::Text => Format::Text,
        TrendsFormat::Csv => Format::Csv,
    };
    print(&trends(&args.dir, format))
}
