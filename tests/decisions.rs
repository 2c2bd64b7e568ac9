//! The Decisions pane end to end: `coproduce render` runs whole consent
//! rounds and the saved YAML is checked line by line; the pane's screens
//! (a round under way, a flagged agreement, past-due actions) as reviewed
//! snapshots; the open proposal in the header at every width.

mod run;

use std::path::{Path, PathBuf};
use std::process::Output;

use coproduce::app::keys::parse_script;
use coproduce::app::script::play;
use coproduce::app::{App, Pane};
use coproduce::session::{Session, Time};
use coproduce::theme::Themes;
use run::{fixture, screen};

const NOW: &str = "2026-11-22T10:30:00+00:00";

/// A copy of `good.yaml` in a fresh folder, to be changed by the test.
fn scratch() -> (tempfile::TempDir, PathBuf) {
    run::scratch("good.yaml")
}

/// Runs `coproduce ARGS`, which must succeed.
fn coproduce(args: &[&str]) -> Output {
    let out = run::coproduce(args);
    run::succeeded(args, &out);
    out
}

fn render(path: &Path, keys: &str) -> String {
    run::render(path, NOW, keys)
}

/// The saved block of the decision with `id`, as text.
fn block(path: &Path, id: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let start = text
        .find(&format!("  - id: {id}\n"))
        .expect("decision saved");
    let rest = &text[start..];
    let end = rest[4..]
        .find("\n  - id: ")
        .or_else(|| rest[4..].find("\nladder:"))
        .map_or(rest.len(), |e| e + 5);
    rest[..end].to_owned()
}

#[test]
fn render_runs_a_full_round_and_saves_every_field() {
    let (_dir, path) = scratch();
    // To the pane; the queued proposal; open it; two minutes of talk; Beve
    // agrees, Dulcie has a concern with a reason, Alex agrees; close it.
    let keys = "<Tab><Tab>]o<wait 2m>1\
                2Letters are still needed<Enter>\
                1c<Tab>Agreed, with letters for those who want them\
                <Tab>2027-01-15\
                <Tab>Ask each person how they want to hear; Dulcie; 2026-12-10<C-s>";
    let screen = render(&path, keys);
    assert!(screen.contains("✓ agreed  Phone people"), "{screen}");
    assert_eq!(
        block(&path, "phone-first"),
        "  - id: phone-first
    proposal: Phone people before sending letters about delivery dates
    proposed_by: beve
    item: information
    state: agreed
    opened: 2026-11-22T10:30:00+00:00
    responses: { beve: agree, dulcie: concern, alex: agree }
    reasons: { dulcie: Letters are still needed }
    outcome: Agreed, with letters for those who want them
    decided: 2026-11-22T10:32:00+00:00
    review: 2027-01-15
    actions:
      - { what: Ask each person how they want to hear, who: dulcie, due: 2026-12-10 }
"
    );
    // The saved file is one `check` passes.
    coproduce(&["check", path.to_str().unwrap()]);
}

#[test]
fn a_quick_agreement_on_a_staff_proposal_is_flagged_and_noted() {
    let (_dir, path) = scratch();
    // Alex (staff, power) proposes; only Alex is speaking; all agree in a minute.
    let keys = "<Tab><Tab>aShorter forms<Tab>a<Enter>o<wait 1m>111\
                c<Tab>Agreed<C-s>nWe asked for this last time<Enter>";
    let screen = render(&path, keys);
    assert!(screen.contains("⚑ POSSIBLE RUBBER STAMP"), "{screen}");
    assert_eq!(
        block(&path, "shorter-forms"),
        "  - id: shorter-forms
    proposal: Shorter forms
    proposed_by: alex
    item: information
    state: agreed
    opened: 2026-11-22T10:30:00+00:00
    responses: { beve: agree, dulcie: agree, alex: agree }
    outcome: Agreed
    decided: 2026-11-22T10:31:00+00:00
    rubber_stamp: Proposed by Alex (Staff, a role with power) and nobody from a role without power spoke in its discussion. Everyone who answered agreed, without a single concern, after 1:00 of discussion (under 2:00)
    rubber_stamp_note: We asked for this last time
"
    );
}

#[test]
fn refused_moves_save_nothing_and_say_why() {
    let (_dir, path) = scratch();
    let before = std::fs::read_to_string(&path).unwrap();
    // Close a queued proposal; withdraw a decided one.
    let screen = render(&path, "<Tab><Tab>]c");
    assert!(
        screen.contains("is queued: only an open round can be closed"),
        "{screen}"
    );
    let screen = render(&path, "<Tab><Tab>w");
    assert!(screen.contains("a decided proposal is not"), "{screen}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

/// The app on `good.yaml` after `keys`, from 10:30.
fn app_after(keys: &str) -> App {
    let text = std::fs::read_to_string(fixture("good.yaml")).unwrap();
    let session: Session = serde_yaml::from_str(&text).unwrap();
    let now = Time::parse_from_rfc3339(NOW).unwrap();
    let themes = Themes::builtin();
    let names: Vec<String> = themes.names().into_iter().map(str::to_owned).collect();
    let mut app = App::new(session, now, names, 0);
    let steps = parse_script(keys).unwrap();
    play(&mut app, &steps, now, |_| Ok(())).unwrap();
    app
}

#[test]
fn screens_of_a_round_a_flag_and_past_due_actions() {
    let app = app_after("<Tab><Tab>]o<wait 90s>12Timescales are tight<Enter>");
    assert_eq!(app.pane, Pane::Decisions);
    insta::assert_snapshot!("round-under-way", screen(&app, 100, 30));
    let app = app_after("<Tab><Tab>aShorter forms<Tab>a<Enter>o<wait 1m>111c<Tab>Agreed<C-s>");
    insta::assert_snapshot!("flagged", screen(&app, 100, 30));
    // A month later: the December action is past due.
    let app = app_after("<Tab><Tab><wait 720h>");
    insta::assert_snapshot!("past-due", screen(&app, 100, 30));
}

#[test]
fn the_header_keeps_clock_item_time_and_floor_with_a_proposal_open() {
    let app = app_after("<Tab><Tab>]o<wait 30s>");
    for width in [60, 70, 80, 100, 120, 200] {
        let text = screen(&app, width, 20);
        let header = text.lines().next().unwrap();
        for part in ["10:30", "3:00/25:00", "Floor: Alex 2:30"] {
            assert!(header.contains(part), "{width}: {header}");
        }
        if width >= 70 {
            assert!(header.contains("▶ Phone"), "{width}: {header}");
        }
    }
    // On every pane.
    let app = app_after("<Tab><Tab>]o<Tab>");
    assert!(
        screen(&app, 100, 30)
            .lines()
            .next()
            .unwrap()
            .contains("▶ Phone")
    );
}
