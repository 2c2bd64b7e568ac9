//! `coproduce report SESSION.yaml`: the meeting's minutes.

use std::path::PathBuf;

use clap::Args;

use super::{Outcome, print};
use crate::store::load::load;

/// `coproduce report`'s options.
#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The session file.
    pub session: PathBuf,
    /// Show each person as their role and a letter ("Carers B"), and
    /// take every name out of the text.
    #[arg(long, alias = "anonymize")]
    pub anonymise: bool,
}

/// Prints the minutes as Markdown.
pub fn run(args: &ReportArgs) -> Outcome {
    let loaded = load(&args.session)?;
    print(&crate::report::report(&loaded.session, args.anonymise))
}
