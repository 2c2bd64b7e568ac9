//! The command line: `coproduce SESSION.yaml`, `demo`, `render`, `check`,
//! `report`, `trends`, `new`, `schema`. It parses and dispatches; the work
//! is in the library.
//! The command line: `coproduce SESSION.yaml`, `demo`, `follow`, `render`, `check`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Parser, Subcommand};

use coproduce::app::App;
use coproduce::app::keys::parse_script;
use coproduce::follow::{self, Follower};
use coproduce::new_session::{Plan, new_session};
use coproduce::session::Time;
use coproduce::session::document::Document;
use coproduce::session::load::{LoadError, check_files, load};
use coproduce::session::lock::SessionLock;
use coproduce::session::store::clean_leftovers;
use coproduce::session::trend::trend;
use coproduce::theme::{self, Theme, Themes};
use coproduce::trends::Format;
use coproduce::{demo, new_session, render, report, schema, trends, tui};

/// Like `eprintln!`, but a terminal that has gone (a hang-up) is not a
/// reason to panic on the way out.
macro_rules! note {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

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
}

#[derive(Args, Clone, Default)]
struct Look {
    /// Theme: high-contrast-dark (default), high-contrast-light,
    /// yellow-on-black, monochrome, or one from themes/. NO_COLOR set means monochrome.
    #[arg(long, value_name = "NAME")]
    theme: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Open a fresh copy of the bundled example meeting (touches no file of yours).
    Demo {
        #[command(flatten)]
        look: Look,
    },
    /// Run the app headless on a fixed clock, feed it keys, and print the
    /// final screen as plain text. Changes are saved as the live app saves
    /// them, unless --dry-run.
    Render {
        /// The session file.
        session: PathBuf,
        /// Keys to press: characters and <Tab>, <S-Tab>, <Enter>, <Esc>,
        /// <Space>, <BS>, <Up>, <F1>, <C-q>, <lt>; <wait 90s> moves the clock (s, m, h).
        #[arg(long, default_value = "", allow_hyphen_values = true)]
        keys: String,
        /// The clock's time at the start, RFC 3339 (default: now).
        #[arg(long, value_name = "TIME")]
        now: Option<String>,
        /// Screen size.
        #[arg(long, value_name = "WxH", default_value = "100x30")]
        size: String,
        #[command(flatten)]
        look: Look,
        /// Change nothing on disk.
        #[arg(long)]
        dry_run: bool,
        /// Print `saved N` on stderr once the Nth save is on disk (for the
        /// kill test).
        #[arg(long, hide = true)]
        trace_saves: bool,
    },
    /// Write a sample meeting to a new FILE, for benchmarks: small (the
    /// example), large (40 people, 10,000 turns) or huge (100 people,
    /// 50,000 turns). Never overwrites a file.
    #[command(hide = true)]
    Sample {
        #[arg(value_enum)]
        size: SampleSize,
        file: PathBuf,
    },
    /// Show the room view of a session, following the file as the meeting's
    /// app saves it: for a second screen. Only reads the file; q quits,
    /// Ctrl-T changes the theme.
    Follow {
        /// The session file the meeting's app is running.
        session: PathBuf,
        #[command(flatten)]
        look: Look,
    },
    /// Measure every theme (built in, themes/, ~/.config/coproduce/themes/):
    /// text contrast, and role colours under simulated colour blindness.
    /// Exit 1 when one falls short or a theme file is broken.
    Themes,
    /// Check session files: every problem as file:line:col. Exit 0 when all
    /// are clean, 1 when any has a problem, 2 on a usage error.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the meeting's minutes as Markdown: who came, time given,
    /// agenda, balance, decisions and the ladder.
    Report {
        /// The session file.
        session: PathBuf,
        /// Show each person as their role and a letter ("Carers B"), and
        /// take every name out of the text.
        #[arg(long, alias = "anonymize")]
        anonymise: bool,
        /// Easy read: short sentences, a picture beside each idea, and the
        /// meaning of every hard word at the end.
        #[arg(long)]
        easy_read: bool,
        /// md (Markdown) or html (one accessible page, to read or print).
        #[arg(long, value_enum, default_value = "md")]
        format: report::Format,
    },
    /// A table of every session in a folder, by date: balance, decisions,
    /// rubber-stamp flags and rung. Files that cannot be read are listed.
    Trends {
        /// The folder of session files.
        dir: PathBuf,
        /// text (a Markdown table) or csv.
        #[arg(long, value_enum, default_value = "text")]
        format: TrendsFormat,
    },
    /// Write a new session file (never over an existing one).
    New {
        /// The file to create.
        file: PathBuf,
        /// The meeting's title.
        #[arg(long)]
        title: String,
        /// The board or group.
        #[arg(long)]
        board: String,
        /// The meeting's date, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Where it meets (default: the previous meeting's, with --from).
        #[arg(long)]
        place: Option<String>,
        /// Who facilitates (default: the previous meeting's, with --from).
        #[arg(long)]
        facilitator: Option<String>,
        /// The previous meeting: carry over its roles, people and settings,
        /// and put its actions and the decisions due for review on the agenda.
        #[arg(long, value_name = "PREVIOUS.yaml")]
        from: Option<PathBuf>,
    },
    /// Print the JSON Schema of a session file, for editors.
    Schema,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum TrendsFormat {
    Text,
    Csv,
}

/// The sample meetings `coproduce sample` writes.
#[derive(Clone, Copy, clap::ValueEnum)]
enum SampleSize {
    Small,
    Large,
    Huge,
}

/// Writes the sample `size` to `file`, which must not exist yet.
fn write_sample(size: SampleSize, file: &Path) -> Result<()> {
    use coproduce::session::{sample, write::to_yaml};
    let text = match size {
        SampleSize::Small => demo::EXAMPLE.to_owned(),
        SampleSize::Large => to_yaml(&sample::large()),
        SampleSize::Huge => to_yaml(&sample::huge()),
    };
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .with_context(|| format!("cannot write {} (it is never overwritten)", file.display()))?;
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// Folders whose theme files load at start, over the built-in themes.
fn theme_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("themes")];
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
    if let Some(config) = config {
        dirs.push(config.join("coproduce").join("themes"));
    }
    dirs
}

/// The themes available, the one to start with, and what to tell the
/// facilitator about theme files that could not be used. A broken theme
/// file never stops the meeting: it is skipped, and asking for it by name
/// gives the built-in theme instead.
fn pick_theme(look: &Look) -> Result<(Themes, Theme, Option<String>)> {
    let (themes, problems) = Themes::load(&theme_dirs());
    for problem in &problems {
        note!("coproduce: {problem} (skipped)");
    }
    let no_color = theme::no_color(std::env::var_os("NO_COLOR").as_deref());
    let broken = |name: &str| {
        problems.iter().find(|p| {
            p.file()
                .and_then(Path::file_stem)
                .is_some_and(|stem| stem.to_string_lossy() == name)
        })
    };
    let (chosen, note) = match theme::choose(&themes, look.theme.as_deref(), no_color) {
        Ok(chosen) => (
            chosen.clone(),
            problems.first().map(|p| format!("⚠ Theme skipped: {p}")),
        ),
        Err(error) => match look.theme.as_deref().and_then(broken) {
            Some(problem) => {
                let fallback = theme::choose(&themes, None, no_color)?;
                let note = format!("⚠ {problem}; using the built-in theme {}", fallback.name);
                note!("coproduce: {note}");
                (fallback.clone(), Some(note))
            }
            None => return Err(error.into()),
        },
    };
    Ok((themes, chosen, note))
}

/// An app on the loaded session, with the theme cycle starting at `theme`.
fn new_app(session: coproduce::session::Session, now: Time, themes: &Themes, theme: &Theme) -> App {
    let names: Vec<String> = themes.names().into_iter().map(str::to_owned).collect();
    let index = names.iter().position(|n| *n == theme.name).unwrap_or(0);
    App::new(session, now, names, index)
}

/// A session opened for the app: the state to run, the file to save to,
/// the themes, and the lock held for as long as this lives.
struct Opened {
    app: App,
    document: Document,
    themes: Themes,
    theme: Theme,
    _lock: Option<SessionLock>,
}

/// Opens `path`: checked, and unless `read_only`, locked with the leftovers
/// of killed saves removed. The document's baseline is the app's opening
/// state (keys given included), so undoing back to it restores the bytes.
fn open(path: &Path, now: Time, look: &Look, read_only: bool) -> Result<Opened> {
    let (themes, theme, theme_note) = pick_theme(look)?;
    let loaded = load(path)?;
    let lock = if read_only {
        None
    } else {
        let lock = SessionLock::acquire(path, &now.format("%Y-%m-%d %H:%M").to_string())?;
        clean_leftovers(path);
        Some(lock)
    };
    let mut app = new_app(loaded.session, now, &themes, &theme);
    app.disk.file = Some(path.to_path_buf());
    // The first frame says it too: in the live app stderr is hidden.
    app.status = theme_note;
    // Earlier sessions do not change during the meeting: read them once.
    app.ladder.trend = trend(path, app.session.date);
    let document = Document::new(path.to_path_buf(), app.session.clone(), loaded.text);
    Ok(Opened {
        app,
        document,
        themes,
        theme,
        _lock: lock,
    })
}

fn run_live(path: &Path, look: &Look) -> Result<()> {
    if !std::io::stdout().is_terminal() {
        bail!("the meeting needs a terminal; use `coproduce render` to run it headless");
    }
    let Opened {
        app,
        document,
        themes,
        theme,
        _lock,
    } = open(path, tui::now(), look, false)?;
    if let Some(problem) = tui::run(app, &themes, &theme, document)? {
        bail!("{problem}");
    }
    Ok(())
}

fn run_follow(path: &Path, look: &Look) -> Result<()> {
    if !std::io::stdout().is_terminal() {
        bail!("follow needs a terminal: it shows the room view on a second screen");
    }
    let (themes, theme, _fallback_note) = pick_theme(look)?;
    let follower = Follower::open(path, tui::now())?;
    follow::run(follower, &themes, &theme)?;
    Ok(())
}

fn parse_size(size: &str) -> Result<(u16, u16)> {
    let (w, h) = size
        .split_once(['x', 'X'])
        .ok_or_else(|| anyhow!("--size {size}: write it as WIDTHxHEIGHT, e.g. 100x30"))?;
    let parse = |n: &str| n.trim().parse::<u16>().ok().filter(|&n| n > 0);
    match (parse(w), parse(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => bail!("--size {size}: width and height are whole numbers from 1 to 65535"),
    }
}

fn run_render(
    path: &Path,
    keys: &str,
    now: Option<&str>,
    size: &str,
    look: &Look,
    dry_run: bool,
    trace_saves: bool,
) -> Result<()> {
    let (width, height) = parse_size(size)?;
    let steps = parse_script(keys).context("--keys")?;
    let now = match now {
        Some(text) => Time::parse_from_rfc3339(text).with_context(|| {
            format!("--now {text}: write it as RFC 3339, e.g. 2026-11-22T10:30:00+00:00")
        })?,
        None => tui::now(),
    };
    let Opened {
        mut app,
        mut document,
        themes,
        theme,
        _lock,
    } = open(path, now, look, dry_run)?;
    let mut saves = 0;
    render::play(&mut app, &steps, now, |session| {
        if dry_run {
            return Ok(());
        }
        document.save(session)?;
        saves += 1;
        if trace_saves {
            note!("saved {saves}");
        }
        Ok(())
    })
    .with_context(|| format!("cannot save {}", path.display()))?;
    let theme = themes.get(app.theme_name()).unwrap_or(&theme);
    let screen = render::screen_text(&app, theme, width, height);
    std::io::stdout().write_all(screen.as_bytes())?;
    Ok(())
}

fn run_new(
    file: &Path,
    title: String,
    board: String,
    date: Option<&str>,
    place: Option<String>,
    facilitator: Option<String>,
    from: Option<&Path>,
) -> Result<()> {
    let date = match date {
        Some(text) => text
            .parse()
            .with_context(|| format!("--date {text}: write it as YYYY-MM-DD, e.g. 2027-02-18"))?,
        None => tui::now().date_naive(),
    };
    let previous = from.map(load).transpose()?.map(|loaded| loaded.session);
    let plan = Plan {
        title,
        board,
        date,
        place,
        facilitator,
    };
    let session = new_session(&plan, previous.as_ref());
    new_session::write(file, &session)?;
    note!(
        "coproduce: wrote {} ({} agenda items)",
        file.display(),
        session.agenda.len()
    );
    Ok(())
}

fn print(text: &str) -> Result<()> {
    std::io::stdout().write_all(text.as_bytes())?;
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Check { files }) => {
            let clean = check_files(&files, &mut std::io::stdout());
            return if clean {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            };
        }
        Some(Command::Sample { size, file }) => write_sample(size, &file),
        Some(Command::Demo { look }) => demo::fresh_copy(tui::now())
            .context("cannot write the demo meeting")
            .and_then(|path| {
                let result = run_live(&path, &look);
                note!("The demo meeting is saved in {}", path.display());
                result
            }),
        Some(Command::Follow { session, look }) => run_follow(&session, &look),
        Some(Command::Themes) => {
            let (themes, problems) = Themes::load(&theme_dirs());
            let (report, ok) = theme::check_all(&themes);
            print!("{report}");
            for problem in &problems {
                note!("coproduce: {problem} (skipped)");
            }
            return if ok && problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            };
        }
        Some(Command::Render {
            session,
            keys,
            now,
            size,
            look,
            dry_run,
            trace_saves,
        }) => run_render(
            &session,
            &keys,
            now.as_deref(),
            &size,
            &look,
            dry_run,
            trace_saves,
        ),
        Some(Command::Report {
            session,
            anonymise,
            easy_read,
            format,
        }) => load(&session).map_err(Into::into).and_then(|loaded| {
            let options = report::Options {
                anonymise,
                easy_read,
                format,
            };
            let minutes = report::publish(&loaded.session, &options);
            minutes.notes.iter().for_each(|n| note!("coproduce: {n}"));
            print(&minutes.text)
        }),
        Some(Command::Trends { dir, format }) => {
            if dir.is_dir() {
                let format = match format {
                    TrendsFormat::Text => Format::Text,
                    TrendsFormat::Csv => Format::Csv,
                };
                print(&trends::trends(&dir, format))
            } else {
                Err(anyhow!("{} is not a folder", dir.display()))
            }
        }
        Some(Command::New {
            file,
            title,
            board,
            date,
            place,
            facilitator,
            from,
        }) => run_new(
            &file,
            title,
            board,
            date.as_deref(),
            place,
            facilitator,
            from.as_deref(),
        ),
        Some(Command::Schema) => print(&schema::schema_json()),
        None => match cli.session {
            Some(path) => run_live(&path, &cli.look),
            None => {
                note!("coproduce: name a session file, or try `coproduce demo`. See --help.");
                return ExitCode::from(2);
            }
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            match error.downcast_ref::<LoadError>() {
                // One problem a line, each starting with file:line:col, so
                // editors can jump to them.
                Some(problems @ LoadError::Problems { path, .. }) => note!(
                    "{problems}\ncoproduce: {} was not opened; nothing in it was changed",
                    path.display()
                ),
                _ => note!("coproduce: {error:#}"),
            }
            ExitCode::from(1)
        }
    }
}
