//! `coproduce render`: the same app, headless, on a fixed clock. Keys from
//! a script go through the same keymap and `update` as the live loop,
//! changes are saved as the live app saves them, and the last screen is
//! printed as plain text.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::Args;

use super::Outcome;
use super::keys::KeysFile;
use super::open::{Look, Opened, open};
use crate::app::keys::parse_script;
use crate::app::script::play;
use crate::note;
use crate::session::Time;
use crate::ui::screen::screen_text;

/// `coproduce render`'s options.
#[derive(Args, Debug)]
pub struct RenderArgs {
    /// The session file.
    pub session: PathBuf,
    /// Keys to press: characters and <Tab>, <S-Tab>, <Enter>, <Esc>,
    /// <Space>, <BS>, <Up>, <F1>, <C-q>, <lt>; <wait 90s> moves the clock (s, m, h).
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    pub keys: String,
    /// The clock's time at the start, RFC 3339 (default: now).
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
    /// Screen size.
    #[arg(long, value_name = "WxH", default_value = "100x30")]
    pub size: String,
    #[command(flatten)]
    pub look: Look,
    #[command(flatten)]
    pub keys_file: KeysFile,
    /// Change nothing on disk.
    #[arg(long)]
    pub dry_run: bool,
    /// Print `saved N` on stderr once the Nth save is on disk (for the
    /// kill test).
    #[arg(long, hide = true)]
    pub trace_saves: bool,
}

/// `WIDTHxHEIGHT` as two numbers.
pub fn parse_size(size: &str) -> Result<(u16, u16)> {
    let (w, h) = size
        .split_once(['x', 'X'])
        .ok_or_else(|| anyhow!("--size {size}: write it as WIDTHxHEIGHT, e.g. 100x30"))?;
    let parse = |n: &str| n.trim().parse::<u16>().ok().filter(|&n| n > 0);
    match (parse(w), parse(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => bail!("--size {size}: width and height are whole numbers from 1 to 65535"),
    }
}

/// Plays the keys and prints the last screen.
pub fn run(args: &RenderArgs) -> Outcome {
    let (width, height) = parse_size(&args.size)?;
    let steps = parse_script(&args.keys).context("--keys")?;
    let now = match &args.now {
        Some(text) => Time::parse_from_rfc3339(text).with_context(|| {
            format!("--now {text}: write it as RFC 3339, e.g. 2026-11-22T10:30:00+00:00")
        })?,
        None => crate::terminal::now(),
    };
    let path = &args.session;
    let Opened {
        mut app,
        mut document,
        themes,
        theme,
        lock: _lock,
    } = open(path, now, &args.look, &args.keys_file, args.dry_run)?;
    // Headless, the one frame is the last: the trend is read before it.
    app.ladder.trend = crate::store::folder::trend(path, app.session.date);
    let mut saves = 0;
    let mut size_told = false;
    play(&mut app, &steps, now, |session| {
        if args.dry_run {
            return Ok(());
        }
        document.save(session)?;
        // As the live app's status line does, once each time it crosses.
        if document.size_warning().is_some() != size_told {
            size_told = !size_told;
            if let Some(warning) = document.size_warning() {
                note!("{warning}");
            }
        }
        saves += 1;
        if args.trace_saves {
            note!("saved {saves}");
        }
        Ok(())
    })?;
    let theme = themes.get(app.theme_name()).unwrap_or(&theme);
    super::print(&screen_text(&app, theme, width, height))?;
    Ok(ExitCode::SUCCESS)
}
