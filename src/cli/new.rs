//! `coproduce new FILE`: a new session file, never over an existing one.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::Outcome;
use crate::new_session::{Plan, new_session, write};
use crate::note;
use crate::store::load::load;

/// `coproduce new`'s options.
#[derive(Args, Debug)]
pub struct NewArgs {
    /// The file to create.
    pub file: PathBuf,
    /// The meeting's title.
    #[arg(long)]
    pub title: String,
    /// The board or group.
    #[arg(long)]
    pub board: String,
    /// The meeting's date, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Where it meets (default: the previous meeting's, with --from).
    #[arg(long)]
    pub place: Option<String>,
    /// Who facilitates (default: the previous meeting's, with --from).
    #[arg(long)]
    pub facilitator: Option<String>,
    /// The previous meeting: carry over its roles, people and settings,
    /// and put its actions and the decisions due for review on the agenda.
    #[arg(long, value_name = "PREVIOUS.yaml")]
    pub from: Option<PathBuf>,
}

/// Writes the new session and says how many items it has.
pub fn run(args: NewArgs) -> Outcome {
    let date = match &args.date {
        Some(text) => text
            .parse()
            .with_context(|| format!("--date {text}: write it as YYYY-MM-DD, e.g. 2027-02-18"))?,
        None => crate::terminal::now().date_naive(),
    };
    let previous = args
        .from
        .as_deref()
        .map(load)
        .transpose()?
        .map(|loaded| loaded.session);
    let plan = Plan {
        title: args.title,
        board: args.board,
        date,
        place: args.place,
        facilitator: args.facilitator,
    };
    let session = new_session(&plan, previous.as_ref());
    write(&args.file, &session)?;
    note!(
        "coproduce: wrote {} ({} agenda items)",
        args.file.display(),
        session.agenda.len()
    );
    Ok(ExitCode::SUCCESS)
}
