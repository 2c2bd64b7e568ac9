//! Start-up to first frame of `sample::large()` as a whole process, headless:
//! `coproduce render FILE --dry-run` (load, check, open, one frame printed)
//! against a minimal ratatui program that reads the same file with
//! serde_yaml and prints one paragraph drawn into a buffer (budget: 1.5x).
//!
//! The minimal program is this benchmark's own binary, run again with
//! `COPRODUCE_BASELINE` naming the file, so `cargo bench` needs nothing else.
//!
//! A second group (Unix) times the live app, `coproduce FILE`, in a
//! pseudo-terminal from spawn to its first whole frame on the terminal,
//! with the file alone in its folder and with 200 earlier sessions of about
//! 50 KB beside it (budget: within 1.5x of the bare loader on the file
//! alone). The bare loader is this binary again, with
//! `COPRODUCE_BASELINE_PTY`: serde_yaml, then one frame through ratatui's
//! crossterm backend to the same pseudo-terminal, then a key to quit.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use coproduce::session::{Session, sample, write::to_yaml};
use criterion::Criterion;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::{Block, Paragraph};

/// What both minimal programs do: read the file and deserialize it with
/// serde_yaml, then draw one paragraph about it on `terminal`.
fn read_and_draw<B: ratatui::backend::Backend>(path: &Path, terminal: &mut Terminal<B>) {
    let text = std::fs::read_to_string(path).expect("the file reads");
    let session: Session = serde_yaml::from_str(&text).expect("the file parses");
    let drawn = terminal.draw(|frame| {
        let words = format!("{}: {} turns", session.title, session.turns.len());
        let paragraph = Paragraph::new(words).block(Block::bordered());
        frame.render_widget(paragraph, frame.area());
    });
    assert!(drawn.is_ok(), "the frame draws");
}

/// The minimal program: read, deserialize, draw one paragraph, print it.
fn baseline(path: &Path) {
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a test backend opens");
    read_and_draw(path, &mut terminal);
    println!(
        "{}",
        coproduce::ui::screen::buffer_text(terminal.backend().buffer())
    );
}

/// The bare loader on a real terminal: the same through ratatui's
/// crossterm backend, then wait for a key.
#[cfg(unix)]
fn baseline_live(path: &Path) {
    let mut terminal = ratatui::init();
    read_and_draw(path, &mut terminal);
    let _ = ratatui::crossterm::event::read();
    ratatui::restore();
}

fn run(command: &mut Command) {
    let out = command.output().expect("the program runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn startup(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.yaml");
    let session = sample::large();
    std::fs::write(&path, to_yaml(&session)).unwrap();
    let now = sample::now_in(&session).to_rfc3339();
    let me = std::env::current_exe().unwrap();
    let mut group = c.benchmark_group("start-up to first frame, large");
    group.measurement_time(Duration::from_secs(6));
    group.warm_up_time(Duration::from_secs(1));
    group.sample_size(20);
    group.bench_function("minimal serde_yaml + ratatui program (baseline)", |b| {
        b.iter(|| run(Command::new(&me).env("COPRODUCE_BASELINE", &path)))
    });
    group.bench_function("coproduce render --dry-run", |b| {
        b.iter(|| {
            run(Command::new(env!("CARGO_BIN_EXE_coproduce")).args([
                "render",
                path.to_str().unwrap(),
                "--dry-run",
                "--size",
                "200x60",
                "--now",
                &now,
            ]))
        })
    });
    group.finish();
}

fn main() {
    if let Some(path) = std::env::var_os("COPRODUCE_BASELINE") {
        baseline(Path::new(&path));
        return;
    }
    #[cfg(unix)]
    if let Some(path) = std::env::var_os("COPRODUCE_BASELINE_PTY") {
        baseline_live(Path::new(&path));
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    startup(&mut c);
    #[cfg(unix)]
    live::startup_live(&mut c);
    c.final_summary();
}

#[cfg(unix)]
#[path = "../tests/pty/mod.rs"]
mod pty;

#[cfg(unix)]
mod live {
    use std::path::Path;
    use std::time::{Duration, Instant};

    use coproduce::session::{sample, write::to_yaml};
    use criterion::{Criterion, SamplingMode};

    use super::pty::Live;

    const COLS: u16 = 200;
    const ROWS: u16 = 60;
    /// The meeting's title: the first frame shows it. No spaces, as a
    /// frame may move the cursor over blank cells rather than write them.
    const TITLE: &str = "Start-up-bench-meeting";
    /// The earlier sessions beside it, and about how large each is.
    const EARLIER: usize = 200;
    const EARLIER_BYTES: usize = 50_000;
    /// Rounds of the paired runs.
    const ROUNDS: usize = 20;

    /// Waits (polling every half millisecond, at most 20 s) until `done`
    /// holds for what the terminal has been sent.
    fn until(live: &Live, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !done(&live.drawn_since(0)) {
            let late = Instant::now() > deadline;
            assert!(!late, "timed out waiting for {what}:\n{}", live.shown());
            std::thread::sleep(Duration::from_micros(500));
        }
    }

    /// Writes `text` to `file` afresh, spawns `program ARGS` in a
    /// pseudo-terminal, times it until `done` holds for its output, then
    /// quits it with Ctrl-Q (untimed) and checks it left no lock behind.
    fn first_frame(
        program: &Path,
        args: &[&std::ffi::OsStr],
        (file, text): (&Path, &str),
        setup: impl FnOnce(&mut std::process::Command),
        done: &dyn Fn(&str) -> bool,
    ) -> Duration {
        std::fs::write(file, text).unwrap();
        let start = Instant::now();
        let mut live = Live::start_program(program, args, COLS, ROWS, setup);
        until(&live, "the first frame", done);
        let took = start.elapsed();
        live.send(b"\x11");
        assert!(live.exit().success(), "{}", live.shown());
        let lock = coproduce::store::lock::lock_path(file);
        assert!(!lock.exists(), "the lock is left behind");
        took
    }

    /// An earlier session of about [`EARLIER_BYTES`] once written, dated
    /// `k` weeks before the meeting, with the judgements its trend reads.
    fn earlier(k: usize) -> String {
        let mut session = sample::of_size(12, 6, 6, 600);
        session.title = format!("Earlier meeting {k}");
        session.date -= chrono::Duration::weeks(k as i64 + 1);
        to_yaml(&session)
    }

    pub fn startup_live(c: &mut Criterion) {
        let alone = tempfile::tempdir().unwrap();
        let crowded = tempfile::tempdir().unwrap();
        let mut session = sample::large();
        session.title = TITLE.into();
        let text = to_yaml(&session);
        let file = |dir: &tempfile::TempDir| {
            let path = dir.path().join("large.yaml");
            std::fs::write(&path, &text).unwrap();
            path
        };
        let (alone_file, crowded_file) = (file(&alone), file(&crowded));
        let mut bytes = 0;
        for k in 0..EARLIER {
            let text = earlier(k);
            bytes += text.len();
            let name = format!("earlier-{k:03}.yaml");
            std::fs::write(crowded.path().join(name), text).unwrap();
        }
        let mean = bytes / EARLIER;
        assert!(
            (EARLIER_BYTES * 4 / 5..EARLIER_BYTES * 6 / 5).contains(&mean),
            "the earlier sessions average {mean} bytes"
        );
        let me = std::env::current_exe().unwrap();
        let app = Path::new(env!("CARGO_BIN_EXE_coproduce"));
        // A frame is whole once ratatui hides the cursor after it, which it
        // does at the end of every draw (in both programs); the title is on
        // the first frame of both.
        let whole = |out: &str| {
            out.find(TITLE)
                .is_some_and(|at| out[at..].contains("\x1b[?25l"))
        };

        let bare = || {
            let setup = |c: &mut std::process::Command| {
                c.env("COPRODUCE_BASELINE_PTY", &alone_file);
            };
            first_frame(&me, &[], (&alone_file, &text), setup, &whole)
        };
        let live =
            |path: &Path| first_frame(app, &[path.as_os_str()], (path, &text), |_| {}, &whole);
        let runs: [(&str, &dyn Fn() -> Duration); 3] = [
            (
                "bare loader: serde_yaml + crossterm, alone (baseline)",
                &bare,
            ),
            ("coproduce FILE, alone", &|| live(&alone_file)),
            ("coproduce FILE, 200 earlier 50 KB sessions beside", &|| {
                live(&crowded_file)
            }),
        ];

        let mut group = c.benchmark_group("start-up to first frame in a pseudo-terminal, large");
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(20);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(8));
        for (name, run) in runs {
            group.bench_function(name, |b| {
                b.iter_custom(|iters| (0..iters).map(|_| run()).sum())
            });
        }
        group.finish();
        paired(&runs);
    }

    /// The three in turn, [`ROUNDS`] times: on a shared machine the load
    /// changes between criterion's groups of samples, so the ratios are
    /// taken within each round and their median given.
    fn paired(runs: &[(&str, &dyn Fn() -> Duration); 3]) {
        let mut times: [Vec<f64>; 3] = Default::default();
        for _ in 0..ROUNDS {
            for ((_, run), times) in runs.iter().zip(&mut times) {
                times.push(run().as_secs_f64() * 1000.0);
            }
        }
        let median = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        println!("paired, {ROUNDS} rounds of the three in turn:");
        for (k, (name, _)) in runs.iter().enumerate() {
            let ratios = times[k].iter().zip(&times[0]).map(|(t, b)| t / b).collect();
            println!(
                "  {name}: median {:.1} ms, {:.2}x the baseline (median of the rounds' ratios)",
                median(times[k].clone()),
                median(ratios)
            );
        }
    }
}
