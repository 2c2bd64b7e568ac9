//! `coproduce sample small|large|huge FILE` (hidden): a sample meeting for
//! benchmarks, written to a new file.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use super::Outcome;
use crate::session::example::EXAMPLE;
use crate::session::{sample, write::to_yaml};
use crate::store::save::write_new;

/// `coproduce sample`'s options.
#[derive(Args, Debug)]
pub struct SampleArgs {
    #[arg(value_enum)]
    pub size: SampleSize,
    pub file: PathBuf,
}

/// The sample meetings `coproduce sample` writes.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SampleSize {
    Small,
    Large,
    Huge,
}

/// Writes the sample to `file`, which must not exist yet.
pub fn run(args: &SampleArgs) -> Outcome {
    let text = match args.size {
        SampleSize::Small => EXAMPLE.to_owned(),
        SampleSize::Large => to_yaml(&sample::large()),
        SampleSize::Huge => to_yaml(&sample::huge()),
    };
    write_new(&args.file, text.as_bytes()).with_context(|| {
        format!(
            "cannot write {} (it is never overwritten)",
            args.file.display()
        )
    })?;
    Ok(ExitCode::SUCCESS)
}
