//! The keymap in force, and `coproduce keys`, which prints it.
//!
//! The defaults are embedded in the binary; a user's keymap file is laid
//! over them: `--keys-file PATH`, else `keys.yaml` in the platform's config
//! folder (`~/.config/coproduce/` on Linux, `~/Library/Application
//! Support/coproduce/` on macOS, `%APPDATA%\coproduce\` on Windows).

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Args;

use super::{Outcome, print};
use crate::app::keymap::Keymap;
use crate::store::read::read_yaml;

/// A keymap file is a few kilobytes; anything far larger is not one.
const MAX_KEYMAP_BYTES: u64 = 256 * 1024;

/// Where the user's keys come from.
#[derive(Args, Clone, Debug, Default)]
pub struct KeysFile {
    /// A keymap file laid over the default keys (default: keys.yaml in the
    /// config folder's coproduce/, if there is one). `coproduce keys` shows
    /// the keys in force.
    #[arg(long = "keys-file", value_name = "PATH")]
    pub path: Option<PathBuf>,
}

/// The user's keymap file in the config folder.
pub fn default_keys_file() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("coproduce").join("keys.yaml"))
}

/// The keymap in force: the defaults with the user's file laid over them.
/// A file named with `--keys-file` must exist; the config folder's is
/// optional. A broken or conflicting file is refused with its line.
pub fn keymap(keys: &KeysFile) -> Result<Keymap> {
    let path = match &keys.path {
        Some(path) => path.clone(),
        None => match default_keys_file().filter(|p| p.exists()) {
            Some(path) => path,
            None => return Ok(Keymap::default()),
        },
    };
    let shown = crate::session::problem::printable_path(&path);
    let text = read_yaml(&path, MAX_KEYMAP_BYTES)
        .with_context(|| format!("cannot read the keymap file {shown}"))?;
    Ok(Keymap::default().with_user_file(&text, &path)?)
}

/// `coproduce keys`'s options.
#[derive(Args, Debug)]
pub struct KeysArgs {
    #[command(flatten)]
    pub keys: KeysFile,
    /// Print Markdown tables (as in the README) instead of a keymap file.
    #[arg(long)]
    pub markdown: bool,
}

/// Prints the keymap in force, as a keymap file you can copy and edit.
pub fn run(args: &KeysArgs) -> Outcome {
    let keymap = keymap(&args.keys)?;
    if args.markdown {
        print(&keymap.to_markdown())
    } else {
        print(&keymap.to_file())
    }
}
