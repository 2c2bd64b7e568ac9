//! Start-up to first frame of `sample::large()` as a whole process, headless:
//! `coproduce render FILE --dry-run` (load, check, open, one frame printed)
//! against a minimal ratatui program that reads the same file with
//! serde_yaml and prints one paragraph drawn into a buffer (budget: 1.5x).
//!
//! The minimal program is this benchmark's own binary, run again with
//! `COPRODUCE_BASELINE` naming the file, so `cargo bench` needs nothing else.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use coproduce::session::{Session, sample, write::to_yaml};
use criterion::Criterion;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::{Block, Paragraph};

/// The minimal program: read, deserialize, draw one paragraph, print it.
fn baseline(path: &Path) {
    let text = std::fs::read_to_string(path).expect("the file reads");
    let session: Session = serde_yaml::from_str(&text).expect("the file parses");
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("a test backend opens");
    terminal
        .draw(|frame| {
            let words = format!("{}: {} turns", session.title, session.turns.len());
            let paragraph = Paragraph::new(words).block(Block::bordered());
            frame.render_widget(paragraph, frame.area());
        })
        .expect("drawing into memory cannot fail");
    println!(
        "{}",
        coproduce::ui::screen::buffer_text(terminal.backend().buffer())
    );
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
    let mut c = Criterion::default().configure_from_args();
    startup(&mut c);
    c.final_summary();
}
