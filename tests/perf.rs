//! Budgets that can be checked exactly in a test: the sample command, the
//! bytes a clock tick writes to the terminal, and a key that never waits for
//! a slow save. Timings and memory are in `benches/` and `tests/memory.rs`.

use std::cell::Cell;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod run;

use coproduce::app::{Action, App, Pane, update};
use coproduce::session::balance::floor;
use coproduce::session::{Session, Time, parse, sample};
use coproduce::store::document::Document;
use coproduce::store::saver::Saver;
use coproduce::theme::{Theme, Themes};
use coproduce::ui::view;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use run::coproduce;

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
    assert_eq!(small, coproduce::session::example::EXAMPLE);
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

/// How many one-second ticks are measured: a minute and one.
const TICKS: i64 = 61;

/// The everyday run: the example meeting.
#[test]
fn a_tick_writes_only_the_cells_that_changed_under_a_tenth_of_the_screen() {
    let example: Session = serde_yaml::from_str(coproduce::session::example::EXAMPLE).unwrap();
    let example_now = Time::parse_from_rfc3339("2026-11-22T11:42:00+00:00").unwrap();
    tick_bytes("example", example, example_now);
}

/// The soak tier (`.ci/soak`): the large sample, 10,000 turns.
#[test]
#[ignore = "soak tier: a minute of ticks on the large sample"]
fn a_tick_on_a_large_meeting_writes_under_a_tenth_of_the_screen() {
    let large = sample::large();
    let large_now = sample::now_in(&large);
    tick_bytes("large", large, large_now);
}

/// A minute of ticks on every pane and the room view of `session`: each
/// tick writes only what changed, on average under a tenth of a full
/// redraw.
fn tick_bytes(name: &str, session: Session, now: Time) {
    let theme = theme();
    for view_of in Pane::ALL.map(Some).into_iter().chain([None]) {
        // `None` is the room view.
        let mut app = app_on(session.clone(), now, view_of.unwrap_or(Pane::Agenda));
        app.room = view_of.is_none();
        let pane = view_of.map_or("Room view", Pane::title);
        let mut live = memory_terminal();
        bytes_of(&mut live, &app, &theme);
        // A minute of ticks: every digit of the clocks turns over.
        let (mut worst, mut total) = (0, 0);
        for second in 1..=TICKS {
            update(
                &mut app,
                Action::Tick,
                now + chrono::Duration::seconds(second),
            );
            let bytes = bytes_of(&mut live, &app, &theme);
            (worst, total) = (worst.max(bytes), total + bytes);
        }
        let full = bytes_of(&mut memory_terminal(), &app, &theme);
        let mean = total / TICKS as usize;
        // The room view's two big timers both turn two digits over on
        // one tick a minute: that tick alone may reach 12%.
        let most = if app.room { 12 } else { 10 };
        assert!(
            mean * 10 < full && worst * 100 < full * most,
            "{name} {pane}: a tick wrote up to {worst} bytes ({mean} on average), a full redraw {full}"
        );
        // The clocks do move: a tick that wrote nothing would pass too.
        assert!(worst > 0, "{name} {pane}: nothing moved");
        println!(
            "{name} {pane}: tick at most {worst} bytes, {mean} on average, full redraw {full}"
        );
    }
}

/// The everyday run, on the large sample.
#[test]
fn a_floor_change_on_large_reaches_the_screen_before_its_slow_save_finishes() {
    frames_before_a_slow_save(sample::large());
}

/// The soak tier (`.ci/run` runs it with `--include-ignored`): the huge
/// sample, whose debug-build frames take a good part of the slow save.
#[test]
#[ignore = "soak tier: the huge sample"]
fn a_floor_change_on_huge_reaches_the_screen_before_its_slow_save_finishes() {
    frames_before_a_slow_save(sample::huge());
}

/// Three floor changes while every save waits on a slow disk: each frame
/// comes before the first save can start writing.
fn frames_before_a_slow_save(session: coproduce::session::Session) {
    const SLOW: Duration = Duration::from_secs(20);
    let now = sample::now_in(&session);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let text = coproduce::session::write::to_yaml(&session);
    std::fs::write(&path, &text).unwrap();
    let document = Document::new(path.clone(), session.clone(), text);
    let mut app = app_on(session, now, Pane::Balance);
    let theme = theme();
    // The disk is stuck: each save waits until the test opens the gate (or
    // SLOW passes), then notes when it went ahead. A frame that waited on
    // the disk could only come after that.
    let slow: Arc<Mutex<Vec<Instant>>> = Arc::default();
    let noted = Arc::clone(&slow);
    let (gate, stuck) = std::sync::mpsc::channel::<()>();
    let saver = Saver::with_pause(document, move |_| {
        let _ = stuck.recv_timeout(SLOW);
        noted.lock().unwrap().push(Instant::now());
    });
    app.handed_over();
    saver.start_from(app.session.clone());
    let mut terminal = Terminal::new(ratatui::backend::TestBackend::new(200, 60)).unwrap();
    let people: Vec<(String, String)> = app
        .session
        .participants
        .iter()
        .filter(|p| p.is_present())
        .map(|p| (p.id.clone(), p.name.clone()))
        .take(3)
        .collect();
    let mut drawn = Vec::new();
    // Three floor changes in quick succession, as the loop runs them: the
    // update, the save asked for, the next frame.
    for (n, (who, name)) in people.iter().enumerate() {
        let at = now + chrono::Duration::seconds(10 * (n as i64 + 1));
        update(&mut app, Action::GiveFloor(who.clone()), at);
        // The hand-over the live loop makes: the change's patch, no copy.
        let patches = app.handed_over().expect("the app kept track");
        let asked = Instant::now();
        saver.patch(patches);
        assert!(asked.elapsed() < Duration::from_millis(50), "save() waited");
        terminal.draw(|frame| view(&app, frame, &theme)).unwrap();
        let screen = coproduce::ui::screen::buffer_text(terminal.backend().buffer());
        assert!(screen.contains(name.as_str()), "{name} is not on screen");
        drawn.push(Instant::now());
    }
    drop(gate);
    let (problem, _) = saver.finish();
    assert_eq!(problem, None);
    let slow = slow.lock().unwrap();
    // Every frame came before the first slow save could even start writing…
    assert!(
        drawn.iter().all(|&d| d < slow[0]),
        "a frame waited on the disk"
    );
    // …the saves in between were coalesced, and the latest state won.
    assert!(slow.len() < people.len(), "{} saves", slow.len());
    let saved = coproduce::store::load(&path).unwrap().session;
    assert_eq!(floor(&saved).map(|t| &t.who), Some(&people[2].0));
    assert_eq!(saved, app.session);
}
