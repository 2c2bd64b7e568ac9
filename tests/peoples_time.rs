//! Issue #19 part 6 through the binary: people's time typed in the app
//! (`coproduce render`), kept in the file, checked, written as CSV by
//! `coproduce report --payments` and read back with Python's csv module (a
//! reader nobody here wrote); never on the room view, `follow --plain`,
//! the web view or the minutes; refused with `--anonymise`.

mod run;

use std::process::Command;

use run::{coproduce, render, render_with, scratch, succeeded};

const MEETING: &str = "peoples_time/meeting.yaml";
const NEXT_DAY: &str = "2026-11-23T09:00:00+00:00";

/// `coproduce report --payments PATH`, read back by Python's csv module as
/// a list of rows (printed as JSON).
fn payments(path: &std::path::Path) -> Vec<Vec<String>> {
    let args = ["report", "--payments", path.to_str().unwrap()];
    let csv = succeeded(&args, &coproduce(&args));
    let python = Command::new("python3")
        .args([
            "-c",
            "import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))))",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    use std::io::Write;
    python
        .stdin
        .as_ref()
        .unwrap()
        .write_all(csv.as_bytes())
        .unwrap();
    let out = python.wait_with_output().unwrap();
    assert!(out.status.success(), "python could not read: {csv}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn row<'a>(rows: &'a [Vec<String>], id: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[4] == id)
        .unwrap_or_else(|| panic!("no row for {id}: {rows:?}"))
}

/// Joan's time typed in the Balance pane the day after: she is the first
/// person, so the selection is already on her.
const TYPE_JOANS_TIME: &str = "<Tab><C-g>45<Tab>1:30<Tab><Right><Right><Enter>";

#[test]
fn time_typed_after_the_meeting_is_kept_checked_and_written_for_the_finance_team() {
    let (_dir, path) = scratch(MEETING);
    render(&path, NEXT_DAY, TYPE_JOANS_TIME);
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.ends_with(
            "people_time:\n  - { who: kim, preparation_minutes: 437, travel_minutes: 40, takes: payment }\n  - { who: joan, preparation_minutes: 45, travel_minutes: 90, takes: voucher }\n"
        ),
        "{saved}"
    );
    let args = ["check", path.to_str().unwrap()];
    succeeded(&args, &coproduce(&args));

    let rows = payments(&path);
    assert_eq!(rows[0], coproduce::report::payments::HEADER);
    assert_eq!(rows[0][6], "Time at meeting (minutes)");
    assert_eq!(rows.len(), 6, "a row for everyone, apologies included");
    // Whole meeting, breaks included: 120 minutes, plus 45 and 90.
    assert_eq!(
        row(&rows, "joan"),
        [
            "2026-11-22",
            "'=HYPERLINK(\"http://evil.example\",\"Board\")",
            "Carers' money, \"what works\"",
            "Joan O'Neil, \"Jo\"",
            "joan",
            "Lived experience",
            "120",
            "45",
            "90",
            "255",
            "voucher"
        ]
    );
    // Left at 11:20:29: 80 minutes, to the nearest.
    assert_eq!(
        row(&rows, "kim")[3..],
        [
            "'+Kim", "kim", "'@Carers", "80", "437", "40", "557", "payment"
        ]
    );
    // Came at 10:30; a tab in the name is shown, never sent raw.
    assert_eq!(
        row(&rows, "lee")[3..],
        [
            "'-Lee\\x09Smith",
            "lee",
            "'@Carers",
            "90",
            "0",
            "0",
            "90",
            "not asked yet"
        ]
    );
    assert_eq!(
        row(&rows, "pat")[6..],
        ["0", "0", "0", "0", "not asked yet"]
    );
    for cell in rows.iter().flatten() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a spreadsheet would run {cell:?}"
        );
    }
}

#[test]
fn payments_are_never_anonymised_nor_mixed_with_the_minutes() {
    let (_dir, path) = scratch(MEETING);
    for extra in [
        &["--anonymise"][..],
        &["--easy-read"],
        &["--format", "html"],
    ] {
        let mut args = vec!["report", "--payments", path.to_str().unwrap()];
        args.extend_from_slice(extra);
        let out = coproduce(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?} wrote something");
    }
    let args = [
        "report",
        "--payments",
        "--anonymise",
        path.to_str().unwrap(),
    ];
    let said = String::from_utf8_lossy(&coproduce(&args).stderr).into_owned();
    assert!(said.contains("cannot be anonymised"), "{said}");
}

#[test]
fn the_room_view_follow_the_web_view_and_the_minutes_never_show_payment_details() {
    let (_dir, path) = scratch(MEETING);
    render(&path, NEXT_DAY, TYPE_JOANS_TIME);
    let private = [
        "voucher",
        "payment",
        "Payment",
        "437",
        "Preparation",
        "Travel",
        "1:30",
    ];
    // The room view straight after typing, and with the form's key pressed
    // over it.
    let room = render_with(
        &path,
        NEXT_DAY,
        "<Tab><F2><C-g>45<Enter>",
        &["--dry-run", "--size", "120x40"],
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    let session = coproduce::session::parse(&saved).unwrap();
    let now: coproduce::session::Time = NEXT_DAY.parse().unwrap();
    let plain = coproduce::ui::plain::sentences(None, &session, now).join("\n");
    let state = coproduce::web::RoomState::of(&session, now);
    let status = coproduce::web::page::Status {
        read_at: "09:00:00".into(),
        problem: None,
    };
    let links = coproduce::web::page::PageLinks { base: "/".into() };
    let mut web = coproduce::web::page::page(&state, &status, &links);
    web.push_str(&coproduce::web::page::event_data(
        &coproduce::web::page::sections(&state, &status),
    ));
    let args = ["report", path.to_str().unwrap()];
    let minutes = succeeded(&args, &coproduce(&args));
    for (what, text) in [
        ("room view", &room),
        ("follow --plain", &plain),
        ("web view", &web),
        ("minutes", &minutes),
    ] {
        assert!(!text.trim().is_empty(), "{what} drew nothing");
        for secret in private {
            assert!(
                !text.contains(secret),
                "{secret:?} reached the {what}:\n{text}"
            );
        }
    }
}

#[test]
fn the_form_shows_the_persons_time_at_the_meeting_and_what_was_typed() {
    let (_dir, path) = scratch(MEETING);
    let form = render_with(
        &path,
        NEXT_DAY,
        "<Tab><Down><C-g>",
        &["--dry-run", "--size", "100x30"],
    );
    assert!(
        form.contains("+Kim's time (1 hour 20 minutes at the meeting)"),
        "{form}"
    );
    insta::assert_snapshot!("peoples-time-form", form);
}
