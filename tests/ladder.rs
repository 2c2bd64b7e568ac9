//! The Ladder pane as the room and the facilitator use it: a judgement
//! recorded through `coproduce render` and read back from the file, `check`
//! on a vote for an unknown rung, and reviewed screens of the pane with the
//! trend over a folder of earlier sessions.

mod run;

use std::path::{Path, PathBuf};

use coproduce::app::keys::{ScriptStep, parse_script};
use coproduce::app::{Action, App, Pane, update};
use coproduce::session::example::EXAMPLE;
use coproduce::session::{Rung, Session, Time};
use coproduce::store::folder::trend;
use coproduce::store::load;
use coproduce::theme::Themes;
use run::{coproduce, fixture, screen};

const NOW: &str = "2026-11-22T10:30:00+00:00";

/// `coproduce render` of `keys` on `path` at [`NOW`]: the screen printed.
fn render(path: &Path, keys: &str) -> String {
    run::render(path, NOW, keys)
}

fn scratch() -> (tempfile::TempDir, PathBuf) {
    run::scratch("good.yaml")
}

/// The `ladder:` section of a session file's text.
fn ladder_section(text: &str) -> &str {
    let from = text.find("\nladder:\n").expect("a ladder section") + 1;
    let to = text[from..]
        .find("\nclock:")
        .map_or(text.len(), |to| from + to + 1);
    &text[from..to]
}

#[test]
fn render_records_a_judgement_with_hands_and_a_note() {
    let (_dir, path) = scratch();
    // To the Ladder pane; up to consultation; record on the running item;
    // two hands there, three on co-design, one on engagement; a note.
    let keys = "<S-Tab><Up><Up><Up>r++<Up><Up>+++<Down>+nStaff still hold the budget<C-s>";
    let screen = render(&path, keys);
    assert!(
        screen.contains("▶ Co-design (doing with) · 6 hands"),
        "{screen}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        ladder_section(&text),
        "ladder:
  - at: 2026-11-22T10:26:00+00:00
    item: delivery
    rung: co-design
    votes: { co-design: 2, consultation: 1 }
    note: We shaped the leaflet; staff still hold the budget
  - at: 2026-11-22T10:30:00+00:00
    item: information
    rung: co-design
    votes: { co-design: 3, engagement: 1, consultation: 2 }
    note: Staff still hold the budget
"
    );
    // The group settles on consultation over the hands: the spread stays.
    let screen = render(&path, "<S-Tab><Up><Up><Up><Enter>");
    assert!(
        screen.contains("▶ Consultation (doing for) · 6 hands · most hands: Co-design"),
        "{screen}"
    );
    let session = load(&path).unwrap().session;
    let j = &session.ladder[1];
    assert_eq!(j.rung, Rung::Consultation);
    assert_eq!(j.hands(), 6);
    assert_eq!(j.note.as_deref(), Some("Staff still hold the budget"));
}

#[test]
fn deleting_a_judgement_and_undoing_gives_back_the_same_bytes() {
    let (_dir, path) = scratch();
    let before = std::fs::read(&path).unwrap();
    render(&path, "<S-Tab>d");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("ladder:"), "{text}");
    render(&path, "<S-Tab>r<C-z>");
    assert!(!std::fs::read_to_string(&path).unwrap().contains("ladder:"));
    // In one run: delete then undo restores every byte.
    let (_dir, path) = scratch();
    render(&path, "<S-Tab>d<C-z>");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn check_places_a_vote_for_an_unknown_rung() {
    let out = coproduce(&["check", fixture("broken/bad-vote.yaml").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("bad-vote.yaml:70:28: ladder[0].votes: unknown variant `consultaton`"),
        "{report}"
    );
}

#[test]
fn a_meeting_alone_in_its_folder_says_there_is_no_trend() {
    let (_dir, path) = scratch();
    let screen = render(&path, "<S-Tab>");
    assert!(
        screen.contains("No earlier sessions in this folder"),
        "{screen}"
    );
}

// Screens.

fn now() -> Time {
    Time::parse_from_rfc3339("2026-11-22T11:42:00+00:00").unwrap()
}

fn ladder_app(session: Session) -> App {
    let names: Vec<String> = Themes::builtin()
        .names()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut app = App::new(session, now(), names, 0);
    app.pane = Pane::Ladder;
    update(&mut app, Action::Tick, now());
    app
}

fn example() -> Session {
    serde_yaml::from_str(EXAMPLE).unwrap()
}

fn press(app: &mut App, keys: &str) {
    for step in parse_script(keys).unwrap() {
        if let ScriptStep::Key(key) = step
            && let Some(action) = app.action_for(key)
        {
            update(app, action, now());
        }
    }
}

/// A session file on `date` with the given `ladder:` section.
fn session_text(date: &str, ladder: &str) -> String {
    format!(
        "format: 1\ntitle: Board meeting\nboard: Equipment Matters\ndate: {date}
agenda:
  - {{ id: a, title: A, minutes: 5 }}
  - {{ id: b, title: B, minutes: 5 }}
  - {{ id: c, title: C, minutes: 5 }}
{ladder}"
    )
}

#[test]
fn the_pane_with_the_trend_over_a_folder_with_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "2026-07-19-board.yaml",
        &session_text(
            "2026-07-19",
            "ladder: [{ at: 2026-07-19T10:00:00+00:00, rung: informing }]\n",
        ),
    );
    write("2026-08-16-board.yaml", &session_text("2026-08-16", ""));
    write(
        "2026-09-20-board.yaml",
        &session_text(
            "2026-09-20",
            "ladder:
  - { at: 2026-09-20T10:00:00+00:00, item: a, rung: co-production }
  - { at: 2026-09-20T10:20:00+00:00, item: b, rung: consultation }
  - { at: 2026-09-20T10:40:00+00:00, item: c, rung: engagement }
  - { at: 2026-09-20T10:50:00+00:00, item: b, rung: co-design }
",
        ),
    );
    write(
        "2026-10-18-board.yaml",
        &session_text("2026-10-18", "ladder:\n  - { at: nope, rung: co-design }\n"),
    );
    let this = dir.path().join("2026-11-22-board.yaml");
    std::fs::write(&this, EXAMPLE).unwrap();

    let mut app = ladder_app(example());
    app.ladder.trend = trend(&this, app.session.date);
    assert_eq!(app.ladder.trend.points.len(), 3);
    assert_eq!(app.ladder.trend.skipped.len(), 1);
    insta::assert_snapshot!("trend", screen(&app, 100, 30));
}

#[test]
fn the_pane_while_the_earlier_meetings_are_still_being_read() {
    let mut app = ladder_app(example());
    app.ladder.reading_earlier = true;
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("reading earlier meetings…"), "{shown}");
    assert!(!shown.contains("No earlier sessions"), "{shown}");
    insta::assert_snapshot!("reading-earlier", shown);
}

#[test]
fn the_pane_while_a_judgement_is_recorded_and_settled_over_the_hands() {
    let mut app = ladder_app(example());
    // The whole meeting: two co-production hands, four co-design, three
    // engagement; the group settles on engagement, and says why.
    press(
        &mut app,
        "tttttt<Up><Up><Up><Up>r+++<Up>++++<Up>++<Down><Down><Enter>",
    );
    press(
        &mut app,
        "nGood talk, but the budget was never on the table<C-s>",
    );
    let j = app.session.ladder.last().unwrap();
    assert_eq!(
        (j.item.as_deref(), j.rung, j.hands()),
        (None, Rung::Engagement, 9)
    );
    insta::assert_snapshot!("settled", screen(&app, 100, 30));
    // The same at the smallest screen the app lays out.
    insta::assert_snapshot!("settled-60x16", screen(&app, 60, 16));
}

#[test]
fn the_pane_before_any_judgement() {
    let mut session = example();
    session.ladder.clear();
    let app = ladder_app(session);
    insta::assert_snapshot!("empty", screen(&app, 100, 30));
}
