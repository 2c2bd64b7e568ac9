//! The command line: clap's types and one `match` that hands each command
//! to `cli::<command>::run`. Everything else is in the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use coproduce::cli::{self, Outcome, keys::KeysFile, open::Look};
use coproduce::note;
use coproduce::store::LoadError;

/// Run an in-room co-production meeting from the keyboard: the agenda and
/// its time boxes, whose voices are heard, what is decided with whose
/// consent, and which rung of the ladder the group is on.
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The session file to run (see `coproduce demo` for an example).
    session: Option<PathBuf>,
    #[command(flatten)]
    look: Look,
    #[command(flatten)]
    keys: KeysFile,
}

#[derive(Subcommand)]
enum Command {
    /// Open a fresh copy of the bundled example meeting (touches no file of yours).
    Demo(cli::demo::DemoArgs),
    /// Run the app headless on a fixed clock, feed it keys, and print the
    /// final screen as plain text. Changes are saved as the live app saves
    /// them, unless --dry-run.
    Render(cli::render::RenderArgs),
    /// Write a sample meeting to a new FILE, for benchmarks: small (the
    /// example), large (40 people, 10,000 turns) or huge (100 people,
    /// 50,000 turns). Never overwrites a file.
    #[command(hide = true)]
    Sample(cli::sample::SampleArgs),
    /// Show the room view of a session, following the file as the meeting's
    /// app saves it: for a second screen. Only reads the file; q quits,
    /// Ctrl-T changes the theme.
    Follow(cli::follow::FollowArgs),
    /// Measure every theme (built in, themes/, the config folder's
    /// coproduce/themes/): text contrast, and role colours under simulated
    /// colour blindness. Exit 1 when one falls short or a theme file is broken.
    Themes,
    /// Check session files: every problem as file:line:col. Exit 0 when all
    /// are clean, 1 when any has a problem, 2 on a usage error.
    Check(cli::check::CheckArgs),
    /// Print the meeting's minutes as Markdown: who came, time given,
    /// agenda, balance, decisions and the ladder.
    Report(cli::report::ReportArgs),
    /// A table of every session in a folder, by date: balance, decisions,
    /// rubber-stamp flags and rung. Files that cannot be read are listed.
    Trends(cli::trends::TrendsArgs),
    /// Write a new session file (never over an existing one).
    New(cli::new::NewArgs),
    /// Print the JSON Schema of a session file, for editors.
    Schema,
    /// Print the keys in force (the defaults with your keymap file laid
    /// over them) as a keymap file you can copy, edit and pass to --keys-file.
    Keys(cli::keys::KeysArgs),
    /// Serve the room view as a live, accessible web page (only reads the file).
    Serve(cli::serve::ServeArgs),
}

fn dispatch(cli: Cli) -> Outcome {
    match cli.command {
        Some(Command::Demo(args)) => cli::demo::run(&args),
        Some(Command::Render(args)) => cli::render::run(&args),
        Some(Command::Sample(args)) => cli::sample::run(&args),
        Some(Command::Follow(args)) => cli::follow::run_command(&args),
        Some(Command::Themes) => cli::themes::run(),
        Some(Command::Check(args)) => cli::check::run(&args),
        Some(Command::Report(args)) => cli::report::run(&args),
        Some(Command::Trends(args)) => cli::trends::run(&args),
        Some(Command::New(args)) => cli::new::run(args),
        Some(Command::Schema) => cli::schema::run(),
        Some(Command::Keys(args)) => cli::keys::run(&args),
        Some(Command::Serve(args)) => cli::serve::run(&args),
        None => match cli.session {
            Some(path) => cli::live::run(&path, &cli.look, &cli.keys),
            None => {
                note!("coproduce: name a session file, or try `coproduce demo`. See --help.");
                Ok(ExitCode::from(2))
            }
        },
    }
}

fn main() -> ExitCode {
    match dispatch(Cli::parse()) {
        Ok(code) => code,
        Err(error) => {
            match error.downcast_ref::<LoadError>() {
                // One problem a line, each starting with file:line:col, so
                // editors can jump to them.
                Some(problems @ LoadError::Problems { path, .. }) => note!(
                    "{problems}\ncoproduce: {} was not opened; nothing in it was changed",
                    coproduce::session::problem::printable_path(path)
                ),
                _ => note!(
                    "coproduce: {}",
                    coproduce::text::visible_lines(&coproduce::cli::error::message(&error))
                ),
            }
            ExitCode::from(1)
        }
    }
}
