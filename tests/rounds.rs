//! Issue #19, parts 3 and 5, through the binary: check-in and check-out
//! rounds run with their keys in `coproduce render`, written to the file,
//! shown on the room view, and told in the minutes of `coproduce report`
//! and the six principles' trend of `coproduce trends`; what is open to
//! change in an item and "you said, we did" marks, the same way.

mod run;

use std::path::Path;

use run::{coproduce, render, render_with, scratch, succeeded};

const MEETING: &str = "rounds/meeting.yaml";
const AT: &str = "2026-11-22T10:10:00+00:00";

fn run(args: &[&str]) -> String {
    succeeded(args, &coproduce(args))
}

fn minutes(path: &Path) -> String {
    run(&["report", path.to_str().unwrap()])
}

/// A check-in as listed (Joan, Kim, Anil; Bea is absent), 30 s each, then
/// a check-out least heard first with hands on four principles.
const BOTH_ROUNDS: &str = "<F6><Enter><wait 30s><F6><wait 30s><F6><wait 30s><F6>\
<wait 600s><F6><Tab><Right><Enter><wait 20s><F6><wait 20s><F6><wait 20s><F6>\
3<Tab>2<Tab>3<Tab>1<Enter>";

/// Table rows and paragraphs as comrak (GitHub's cmark-gfm) reads them:
/// each table row as its cells' text joined by " | ".
fn text_of<'a>(node: &'a comrak::nodes::AstNode<'a>) -> String {
    node.descendants()
        .filter_map(|n| match &n.data().value {
            comrak::nodes::NodeValue::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect()
}

fn rows(markdown: &str) -> Vec<String> {
    let mut options = comrak::Options::default();
    options.extension.table = true;
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, markdown, &options);
    root.descendants()
        .filter_map(|n| match n.data().value {
            comrak::nodes::NodeValue::TableRow(_) => {
                Some(n.children().map(text_of).collect::<Vec<_>>().join(" | "))
            }
            comrak::nodes::NodeValue::Paragraph => Some(text_of(n)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_check_in_calls_each_present_person_and_is_kept_as_a_round() {
    let (_dir, path) = scratch(MEETING);
    render(
        &path,
        AT,
        "<F6><Enter><wait 30s><F6><wait 40s><F6><wait 50s><F6>",
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.ends_with(
            "rounds:
  - kind: check-in
    order: listed
    from: 2026-11-22T10:10:00+00:00
    to: 2026-11-22T10:12:00+00:00
    called: [joan, kim, anil]
"
        ),
        "{text}"
    );
    assert!(text.contains("  - { who: joan, at: 2026-11-22T10:10:00+00:00, secs: 30 }\n"));
    assert!(text.contains("  - { who: anil, at: 2026-11-22T10:11:10+00:00, secs: 50 }\n"));
    assert_eq!(
        run(&["check", path.to_str().unwrap()]).trim_end(),
        format!("{}: ok", path.display())
    );
    let rows = rows(&minutes(&path));
    assert!(
        rows.contains(
            &"Check-in, 10:10 am to 10:12 am, around the table: 3 people called in 2 minutes (Joan Smith, Kim, Anil).".to_owned()
        ),
        "{rows:#?}"
    );
    assert!(
        rows.contains(
            &"Ask the council about transport | Anil | 2026-11-15 | not reached | ".to_owned()
        ),
        "{rows:#?}"
    );
}

#[test]
fn the_room_view_shows_the_round_and_what_is_open_to_change_but_no_needs() {
    let (_dir, path) = scratch(MEETING);
    let room = render_with(
        &path,
        AT,
        "<F6><Tab><Right><Enter><wait 20s><F6><F2>",
        &["--dry-run", "--size", "80x24"],
    );
    assert!(
        room.contains("Check-in round: 2 of 3 · next: Anil"),
        "{room}"
    );
    assert!(room.contains("Fixed: The total budget for 2027"), "{room}");
    assert!(!room.contains("Hearing loop"), "{room}");
    assert!(
        !room.contains("Joan Smith"),
        "the room name is shown: {room}"
    );
    insta::assert_snapshot!("round-room", room);
}

#[test]
fn a_check_out_ends_with_the_six_principles_in_the_minutes_and_the_trends() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::fs::read_to_string(run::fixture(MEETING)).unwrap();
    let october = dir.path().join("2026-10-18-day-services.yaml");
    let november = dir.path().join("2026-11-22-day-services.yaml");
    std::fs::write(&november, &fixture).unwrap();
    std::fs::write(&october, fixture.replace("2026-11-22", "2026-10-18")).unwrap();
    render(&november, AT, BOTH_ROUNDS);
    render(
        &october,
        "2026-10-18T10:10:00+00:00",
        "<F6><Right><Enter><wait 20s><F6><wait 20s><F6><wait 20s><F6>1<Tab>1<Tab>1<Tab>1<Tab>1<Tab>1<Enter>",
    );
    let text = std::fs::read_to_string(&november).unwrap();
    assert!(
        text.contains(
            "    called: [joan, kim, anil]
    hands: { people-as-assets: 3, building-on-capabilities: 2, reciprocity: 3, peer-support: 1 }
"
        ),
        "{text}"
    );
    let minutes = minutes(&november);
    let found = rows(&minutes);
    for row in [
        "Check-out, 10:21 am to 10:22 am, least heard first: 3 people called in 1 minute (Joan Smith, Kim, Anil).",
        "The group's own view of the meeting, by show of hands out of 3:",
        "Principle | Hands | Share",
        "People as assets | 3 | 100%",
        "Building on capabilities | 2 | 67%",
        "Peer support | 1 | 33%",
        "Not asked: Blurring boundaries, Facilitating, not delivering.",
    ] {
        assert!(found.contains(&row.to_owned()), "{row}\n{minutes}");
    }
    let trends = run(&["trends", dir.path().to_str().unwrap()]);
    let trend_rows = rows(&trends);
    assert!(
        trend_rows.contains(
            &"2026-10-18 | Day services review | 33% | 33% | 33% | 33% | 33% | 33%".to_owned()
        ),
        "{trends}"
    );
    assert!(
        trend_rows.contains(
            &"2026-11-22 | Day services review | 100% | 67% | 100% | 33% | - | -".to_owned()
        ),
        "{trends}"
    );
    let csv = run(&["trends", dir.path().to_str().unwrap(), "--format", "csv"]);
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with(",error,people_as_assets,building_on_capabilities,reciprocity,peer_support,blurring_boundaries,facilitating_not_delivering"),
        "{header}"
    );
    assert!(
        csv.lines()
            .any(|l| l.ends_with(",,100.0,66.7,100.0,33.3,,")),
        "{csv}"
    );
}

#[test]
fn scope_is_edited_in_the_item_form_and_you_said_marks_reach_the_minutes() {
    let (_dir, path) = scratch(MEETING);
    // The second item's form: title, lead, time box, notes, then the scope.
    render(
        &path,
        AT,
        "<Down>e<Tab><Tab><Tab><Tab>Where to ask next<Tab>Nothing<Tab><Enter>\
         y<Right><Right><Enter><Tab>The council has no transport budget<Enter>",
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains(
            "    scope:
      open: Where to ask next
      fixed: Nothing
    action: { what: Ask the council about transport, who: anil, due: 2026-11-15, state: dropped }
    report: The council has no transport budget
"
        ),
        "{text}"
    );
    let minutes = minutes(&path);
    let rows = rows(&minutes);
    for row in [
        "Action | Who | Due | Now | What we said",
        "Ask the council about transport | Anil | 2026-11-15 | not possible | The council has no transport budget",
        "Open to change: Which days and hours the centres open",
        "Why fixed: Set by the council's cabinet in October",
        "Open to change: Where to ask next",
    ] {
        assert!(rows.iter().any(|r| r.contains(row)), "{row}\n{minutes}");
    }
    // Not possible with no reason is refused and nothing is written.
    let (_dir, path) = scratch(MEETING);
    let screen = render(&path, AT, "<Down>y<Right><Right><Enter>");
    assert!(screen.contains("Say why it was not possible"), "{screen}");
    let before = std::fs::read_to_string(run::fixture(MEETING)).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn a_still_open_action_comes_back_at_the_next_meeting() {
    let (dir, path) = scratch(MEETING);
    render(
        &path,
        AT,
        "<Down>y<Tab>Waiting for the council's answer<Enter>",
    );
    let next = dir.path().join("next.yaml");
    run(&[
        "new",
        next.to_str().unwrap(),
        "--title",
        "Next",
        "--board",
        "Carers Partnership Board",
        "--date",
        "2026-12-20",
        "--from",
        path.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&next).unwrap();
    assert!(
        text.contains(
            "  - id: transport-action
    title: \"You said, we did: Ask the council about transport\"
    lead: anil
    minutes: 5
    notes: \"You said, we did: still open at the meeting of 2026-11-22. The group was told: Waiting for the council's answer. What was done?\"
    action: { what: Ask the council about transport, who: anil, due: 2026-11-15 }
"
        ),
        "{text}"
    );
}

#[test]
fn keys_and_help_name_the_round_keys() {
    let (_dir, path) = scratch(MEETING);
    let help = render_with(&path, AT, "?", &["--dry-run", "--size", "140x80"]);
    assert!(help.contains("check-in or check-out round"), "{help}");
    let keys = run(&["keys"]);
    for key in [
        "round: [\"<F6>\"]",
        "end_round: [\"<C-F6>\"]",
        "principles: [\"p\"]",
        "you_said: [\"y\"]",
    ] {
        assert!(keys.contains(key), "{keys}");
    }
}
