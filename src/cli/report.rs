//! `coproduce report SESSION.yaml`: the meeting's minutes, or with
//! `--payments` people's time for the finance team.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{Outcome, print};
use crate::note;
use crate::report::payments::payments_csv;
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
    /// People's time as CSV for the finance team instead of the minutes:
    /// time at the meeting, preparation, travel, and what each person
    /// takes. Names people, so never with --anonymise.
    #[arg(long, conflicts_with_all = ["easy_read", "format"])]
    pub payments: bool,
}

/// Prints the minutes (Markdown or HTML, in full or easy read); words the
/// facilitator may want to explain go to stderr.
pub fn run(args: &ReportArgs) -> Outcome {
    if args.payments && args.anonymise {
        note!(
            "coproduce: --payments names each person so the finance team can pay them; it cannot be anonymised, and nothing was written"
        );
        return Ok(ExitCode::from(2));
    }
    let loaded = load(&args.session)?;
    if args.payments {
        if loaded.session.clock.started.is_none() {
            note!(
                "coproduce: the meeting's clock was not started, so everyone's time at the meeting is 0"
            );
        }
        return print(&payments_csv(&loaded.session)?);
    }
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
