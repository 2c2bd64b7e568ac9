//! `coproduce check FILE...`: every problem of every file as file:line:col.

use std::path::PathBuf;

use clap::Args;

use super::{Outcome, status};
use crate::store::load::check_files;

/// `coproduce check`'s options.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The files to check.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Exit 0 when every file is clean, 1 when any has a problem.
pub fn run(args: &CheckArgs) -> Outcome {
    Ok(status(check_files(&args.files, &mut std::io::stdout())))
}
