//! `coproduce report SESSION.yaml`: the meeting's minutes.

use std::path::PathBuf;

use clap::Args;

use super::{Outcome, print};
use crate::note;
use crate::report::{Format, Options, publish};
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
    /// Easy read: short sentences, a picture beside each idea, and the
    /// meaning of every hard word at the end.
    #[arg(long)]
    pub easy_read: bool,
    /// md (Markdown) or html (one accessible page, to read or print).
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
}

/// Prints the minutes (Markdown or HTML, in full or easy read); words the
/// facilitator may want to explain go to stderr.
pub fn run(args: &ReportArgs) -> Outcome {
    let loaded = load(&args.session)?;
    let options = Options {
        anonymise: args.anonymise,
        easy_read: args.easy_read,
        format: args.format,
    };
    let minutes = publish(&loaded.session, &options);
    for line in &minutes.notes {
        note!("coproduce: {line}");
    }
    print(&minutes.text)
}
