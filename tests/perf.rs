//! Budgets that can be checked exactly in a test: the sample command, the
//! bytes a clock tick writes to the terminal, and a key that never waits for
//! a slow save. Timings and memory are in `benches/` and `tests/memory.rs`.

use std::cell::Cell;
use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use coproduce::app::{Action, App, Pane, update};
use coproduce::saver::Saver;
use coproduce::session::balance::floor;
use coproduce::session::{Session, Time, parse, sample};
use coproduce::theme::{Theme, Themes};
use coproduce::ui::view;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn coproduce(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_coproduce"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn theme() -> Theme {
    Themes::builtin()
        .get("high-contrast-dark")
        .expect("the default theme is built in")
        .clone()
}

fn app_on(session: Session, now: Time, pane: Pane) -> App {
    let mut app = App::new(session, now, vec!["high-contrast-dark".into()], 0);
    app.pane = pane;
    update(&mut app, Action::Tick, now);
    app
}

#[test]
fn the_sample_command_writes_each_sample_once_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    for size in ["small", "large"] {
        let file = path(&format!("{size}.yaml"));
        let file = file.to_str().unwrap();
        let out = coproduce(&["sample", size, file]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            coproduce(&["check", file]).status.success(),
            "{size} checks clean"
        );
        let written = std::fs::read_to_string(file).unwrap();
        let again = coproduce(&["sample", "small", file]);
        assert!(!again.status.success(), "{size} was overwritten");
        assert!(String::from_utf8_lossy(&again.stderr).contains("never overwritten"));
        assert_eq!(std::fs::read_to_string(file).unwrap(), written);
    }
    let large = parse(&std::fs::read_to_string(path("large.yaml")).unwrap()).unwrap();
    assert_eq!(large, sample::large());
    let small = std::fs::read_to_string(path("small.yaml")).unwrap();
    assert_eq!(small, coproduce::demo::EXAMPLE);
    assert!(!coproduce(&["sample", "medium", "x.yaml"]).status.success());
    assert!(!Path::new("x.yaml").exists());
}

/// Counts the bytes written to it, as a terminal would receive them.
#[derive(Clone, Default)]
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + bytes.len());
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A 200x60 terminal that writes its escape codes into a counter, as
/// crossterm writes them to a tty.
fn memory_terminal() -> (Terminal<CrosstermBackend<Counter>>, Counter) {
    let counter = Counter::default();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 200, 60)),
    };
    let backend = CrosstermBackend::new(counter.clone());
    (Terminal::with_options(backend, options).unwrap(), counter)
}

/// The bytes a frame of `app` writes to `terminal`.
fn bytes_of(
    (terminal, counter): &mut (Terminal<CrosstermBackend<Counter>>, Counter),
    app: &App,
    theme: &Theme,
) -> usize {
    counter.0.set(0);
    terminal.draw(|frame| view(app, frame, theme)).unwrap();
    counter.0.get()
}

#[test]
fn a_tick_writes_only_the_cells_that_changed_under_a_tenth_of_the_screen() {
    let theme = theme();
    let example: Session = serde_yaml::from_str(coproduce::demo::EXAMPLE).unwrap();
    let example_now = Time::parse_from_rfc3339("2026-11-22T11:42:00+00:00").unwrap();
    let large = sample::large();
    let large_now = sample::now_in(&large);
    for (name, session, now) in [
        ("example", example, example_now),
        ("large", large, large_now),
    ] {
        for pane in Pane::ALL {
            let mut app = app_on(session.clone(), now, pane);
            let mut live = memory_terminal();
            bytes_of(&mut live, &app, &theme);
            // A minute of ticks: every digit of the clocks turns over.
            let mut worst = 0;
            for second in 1..=61 {
                update(
                    &mut app,
                    Action::Tick,
                    now + chrono::Duration::seconds(second),
                );
                worst = worst.max(bytes_of(&mut live, &app, &theme));
            }
            let full = bytes_of(&mut memory_terminal(), &app, &theme);
            assert!(
                worst * 10 < full,
                "{name} {pane:?}: a tick wrote {worst} bytes, a full redraw {full}"
            );
            // The clocks do move: a tick that wrote nothing would pass too.
            assert!(worst > 0, "{name} {pane:?}: nothing moved");
            println!("{name} {pane:?}: tick at most {worst} bytes, full redraw {full}");
        }
    }
}

#[test]
fn a_floor_change_on_huge_reaches_the_screen_before_its_slow_save_finishes() {
    const SLOW: Duration = Duration::from_millis(400);
    let session = sample::huge();
    let now = sample::now_in(&session);
    let mut app = app_on(session, now, Pane::Balance);
    let theme = theme();
    // The slow writer notes what it wrote and when it finished.
    let written: Arc<Mutex<Vec<(Option<String>, Instant)>>> = Arc::default();
    let log = Arc::clone(&written);
    let saver = Saver::with_writer(move |s: &Session| {
        std::thread::sleep(SLOW);
        let speaker = floor(s).map(|t| t.who.clone());
        log.lock().unwrap().push((speaker, Instant::now()));
        Ok(())
    });
    let mut terminal = Terminal::new(ratatui::backend::TestBackend::new(200, 60)).unwrap();
    let people: Vec<String> = app
        .session
        .participants
        .iter()
        .filter(|p| p.is_present())
        .map(|p| p.id.clone())
        .take(3)
        .collect();
    let mut drawn = Vec::new();
    // Three floor changes in quick succession, as the loop runs them: the
    // update, the save asked for, the next frame.
    for (n, who) in people.iter().enumerate() {
        let at = now + chrono::Duration::seconds(10 * (n as i64 + 1));
        update(&mut app, Action::GiveFloor(who.clone()), at);
        let copy = app.session.clone();
        let asked = Instant::now();
        saver.save(copy);
        assert!(asked.elapsed() < Duration::from_millis(50), "save() waited");
        terminal.draw(|frame| view(&app, frame, &theme)).unwrap();
        let screen = coproduce::render::buffer_text(terminal.backend().buffer());
        let name = &app
            .session
            .participants
            .iter()
            .find(|p| p.id == *who)
            .unwrap()
            .name;
        assert!(screen.contains(name.as_str()));
        drawn.push(Instant::now());
    }
    assert_eq!(saver.finish(), None);
    let written = written.lock().unwrap();
    // Every frame came before the first save was done…
    let first_saved = written[0].1;
    assert!(
        drawn.iter().all(|&d| d < first_saved),
        "a frame waited on the disk"
    );
    // …the saves in between were coalesced, and the latest state won.
    assert!(written.len() < people.len(), "{} saves", written.len());
    assert_eq!(written.last().unwrap().0.as_ref(), people.last());
}
