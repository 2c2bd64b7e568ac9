//! `coproduce demo`: a fresh copy of the bundled example meeting, in
//! progress now, in a new private folder; no file of the user's is touched.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;

use super::Outcome;
use super::keys::KeysFile;
use super::open::Look;
use crate::note;
use crate::session::example::example_now;
use crate::session::write::to_yaml;
use crate::store::save::write_new;
use crate::terminal::now;

/// `coproduce demo`'s options.
#[derive(Args, Debug)]
pub struct DemoArgs {
    #[command(flatten)]
    pub look: Look,
    #[command(flatten)]
    pub keys: KeysFile,
}

/// Writes the example, in progress now, into a new folder with an
/// unguessable name under the system's temporary folder (private to the
/// user), and returns the file's path.
pub fn fresh_copy() -> Result<PathBuf> {
    let session = example_now(now()).context("the bundled example is broken")?;
    let mut builder = tempfile::Builder::new();
    builder.prefix("coproduce-demo-");
    // Only the facilitator may read or write the meeting's folder.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
    let folder = builder
        .tempdir()
        .context("cannot make a folder for the demo meeting")?
        .keep();
    let path = folder.join("example.yaml");
    write_new(&path, to_yaml(&session).as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path)
}

/// Opens the demo meeting live, and says where it is kept.
pub fn run(args: &DemoArgs) -> Outcome {
    // Refused before the copy is written: nothing is left behind.
    super::open::screen_profile(&args.look)?;
    let path = fresh_copy().context("cannot write the demo meeting")?;
    let result = super::live::run(&path, &args.look, &args.keys);
    note!("The demo meeting is saved in {}", shown(&path));
    result
}

fn shown(path: &Path) -> String {
    crate::text::one_line(&path.display().to_string()).into_owned()
}
