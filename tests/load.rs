//! Loading session files: every broken fixture fails at exactly the place a
//! person would fix it, and loading never changes a byte on disk.

mod run;

use std::fs;
use std::path::Path;

use coproduce::session::{Problem, parse};
use coproduce::store::load::MAX_FILE_BYTES;
use coproduce::store::{LoadError, check_files, load};
use proptest::prelude::*;
use run::fixture;

/// Each broken file is good.yaml with one small change. Columns: file,
/// `line:col` of the first problem, a fragment of its message, how many
/// problems in all.
#[rustfmt::skip]
const BROKEN: &[(&str, &str, &str, usize)] = &[
    ("syntax.yaml", "2:16", "not valid YAML: a ':' here cannot start a value; if it is part of the text, put the text in quotes", 1),
    ("bad-indent.yaml", "24:8", "not valid YAML", 1),
    ("two-documents.yaml", "81:1", "a second YAML document starts here", 1),
    ("anchor-alias.yaml", "38:18", "anchors (&name) are not allowed", 2),
    ("duplicate-mapping-key.yaml", "40:5", "'lead' is given twice in this mapping (first on line 38)", 1),
    ("duplicate-response.yaml", "55:48", "'beve' is given twice in this mapping", 1),
    ("unknown-field.yaml", "30:5", "participants[2]: unknown field `kye`", 1),
    ("wrong-type.yaml", "47:14", "agenda[1].minutes: invalid type: string \"ten\"", 1),
    ("bad-rung.yaml", "69:11", "unknown variant `codesign`", 1),
    ("bad-time.yaml", "57:14", "decisions[0].decided: input is out of range; write dates as", 1),
    ("bad-speaker-key.yaml", "30:10", "key \"X\" is not one lowercase letter or digit", 1),
    ("not-utf8.yaml", "24:15", "not UTF-8", 1),
    ("bad-format.yaml", "1:9", "format 2 is not one this version of coproduce reads", 1),
    ("bad-id.yaml", "61:9", "decision id 'Phone_First' may use only lowercase letters", 1),
    ("duplicate-id.yaml", "31:9", "participant id 'beve' is used twice (first on line 17)", 1),
    ("duplicate-speaker-key.yaml", "26:10", "speaker key 'b' of participant 'dulcie' is already used by 'beve'", 1),
    ("dangling-turn.yaml", "78:12", "participant 'dulcy' in turns is not in participants (did you mean 'dulcie'?)", 1),
    ("dangling-role.yaml", "25:11", "role 'carers' of participant 'dulcie' is not in roles (did you mean 'carer'?)", 1),
    ("dangling-response.yaml", "55:48", "participant 'alx' answering decision 'easy-read-leaflet'", 1),
    ("dangling-stack.yaml", "80:17", "participant 'b' in the stack is not in participants (did you mean 'beve'?)", 1),
    ("dangling-item.yaml", "68:11", "agenda item 'delivry' judged on the ladder is not in the agenda", 1),
    ("target-too-high.yaml", "10:13", "role 'lived' aims for 150%", 1),
    ("ended-before-started.yaml", "41:12", "agenda item 'delivery' ends at 10:02:30, before it starts at 10:05:00", 1),
    ("ended-not-started.yaml", "40:12", "agenda item 'delivery' has an end time but no start time", 1),
    ("break-backwards.yaml", "74:52", "a break ends at 10:10:00, before it starts at 10:15:00", 1),
    ("turns-out-of-order.yaml", "78:24", "this turn starts at 10:07:10, before the turn above it (10:07:40)", 1),
    ("stack-twice.yaml", "80:23", "participant 'dulcie' is in the stack twice", 1),
    ("settings-alert-after-warn.yaml", "7:18", "warn_minutes must be more than alert_minutes", 1),
    ("settings-unknown-order.yaml", "6:16", "expected `progressive` or `first-come`", 1),
    ("overlapping-breaks.yaml", "74:89", "this break from 10:18:00 overlaps the break from 10:15:00 until 10:20:00 (line 74)", 1),
    ("bad-due-date.yaml", "60:64", "decisions[0].actions[0].due: 2026-12-40 is not a date: December 2026 has 31 days", 1),
    ("dangling-action-owner.yaml", "60:51", "participant 'dulcy' given an action in decision 'easy-read-leaflet' is not in participants", 1),
    ("dangling-reason.yaml", "56:16", "participant 'dulce' giving a reason in decision 'easy-read-leaflet' is not in participants", 1),
    ("two-open.yaml", "65:12", "decision 'phone-first' is open, and so is 'easy-read-leaflet'", 1),
    ("bad-vote.yaml", "70:28", "ladder[0].votes: unknown variant `consultaton`", 1),
];

fn problems_of(path: &Path) -> Vec<Problem> {
    match load(path) {
        Err(LoadError::Problems { problems, .. }) => problems,
        Err(other) => panic!("{}: not a problems error: {other}", path.display()),
        Ok(_) => panic!("{}: loaded clean", path.display()),
    }
}

#[test]
fn every_broken_fixture_fails_at_its_place_and_stays_unchanged() {
    let folder = fixture("broken");
    for &(name, place, fragment, count) in BROKEN {
        let path = folder.join(name);
        let before = fs::read(&path).unwrap();
        let problems = problems_of(&path);
        assert_eq!(fs::read(&path).unwrap(), before, "{name} changed on disk");
        let first = &problems[0];
        assert_eq!(
            format!("{}:{}", first.line, first.col),
            place,
            "{name}: {problems:?}"
        );
        assert!(
            first.message.contains(fragment),
            "{name}: {}",
            first.message
        );
        assert_eq!(problems.len(), count, "{name}: {problems:?}");
    }
}

#[test]
fn every_broken_fixture_is_in_the_table() {
    let mut on_disk: Vec<String> = fs::read_dir(fixture("broken"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "several.yaml")
        .collect();
    on_disk.sort();
    let mut listed: Vec<&str> = BROKEN.iter().map(|case| case.0).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn good_file_loads_clean_and_keeps_its_text() {
    let path = fixture("good.yaml");
    let before = fs::read_to_string(&path).unwrap();
    let loaded = load(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.text, before);
    assert_eq!(loaded.session.participants.len(), 4);
    assert_eq!(loaded.session.turns.len(), 4);
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn byte_order_marks_and_windows_line_ends_are_read() {
    let good = fs::read_to_string(fixture("good.yaml")).unwrap();
    let broken = fs::read_to_string(fixture("broken/dangling-turn.yaml")).unwrap();
    for edit in [
        |t: &str| format!("\u{FEFF}{t}"),
        |t: &str| t.replace('\n', "\r\n"),
    ] {
        assert!(parse(&edit(&good)).is_ok());
        let problems = parse(&edit(&broken)).unwrap_err();
        assert_eq!(
            (problems[0].line, problems[0].col),
            (78, 12),
            "{problems:?}"
        );
    }
}

#[test]
fn several_problems_are_all_listed_in_file_order() {
    let path = fixture("broken/several.yaml");
    let places: Vec<String> = problems_of(&path)
        .iter()
        .map(|p| format!("{}:{} {}", p.line, p.col, p.message))
        .collect();
    assert_eq!(
        places,
        [
            "25:11 role 'carers' of participant 'dulcie' is not in roles (did you mean 'carer'?)",
            "41:12 agenda item 'delivery' ends at 10:02:30, before it starts at 10:05:00",
            "46:11 participant 'dulcy' leading agenda item 'information' is not in participants (did you mean 'dulcie'?)",
            "60:51 participant 'sam' given an action in decision 'easy-read-leaflet' is not in participants",
            "80:23 participant 'dulcie' is in the stack twice; a hand is raised once",
        ]
    );
}

#[test]
fn load_error_lists_one_line_per_problem() {
    let path = fixture("broken/several.yaml");
    let shown = load(&path).unwrap_err().to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 5);
    let first = format!("{}:25:11: role 'carers'", path.display());
    assert!(lines[0].starts_with(&first), "{shown}");
}

#[test]
fn check_reports_every_file() {
    let good = fixture("good.yaml");
    let broken = fixture("broken/several.yaml");
    let missing = fixture("no-such-file.yaml");
    let mut out = Vec::new();
    assert!(check_files(std::slice::from_ref(&good), &mut out));
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("{}: ok\n", good.display())
    );

    let mut out = Vec::new();
    assert!(!check_files(
        &[good.clone(), broken.clone(), missing.clone()],
        &mut out
    ));
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1 + 5 + 1, "{out}");
    assert_eq!(lines[0], format!("{}: ok", good.display()));
    assert!(lines[1].starts_with(&format!("{}:25:11: ", broken.display())));
    assert!(lines[6].starts_with(&format!("{}: cannot read: ", missing.display())));
}

#[test]
fn too_large_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    // Sparse: costs no disk, but its size says it is over the cap.
    fs::File::create(&path)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    match load(&path) {
        Err(LoadError::TooLarge { size, .. }) => assert_eq!(size, MAX_FILE_BYTES + 1),
        other => panic!("{other:?}"),
    }
    let mut out = Vec::new();
    assert!(!check_files(std::slice::from_ref(&path), &mut out));
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.starts_with(&format!("{}: ", path.display())) && out.contains("too large"),
        "{out}"
    );
}

#[test]
fn aliased_lists_are_refused_before_they_expand() {
    // A few hundred bytes that would expand to 10^9 entries through serde.
    let mut text = String::from("format: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let p = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let problems = parse(&text).unwrap_err();
    assert!(
        problems
            .iter()
            .all(|p| p.message.contains("are not allowed"))
    );
    assert_eq!(problems.len(), 9 + 8 * 10);
}

proptest! {
    /// Any edit of a good file, however odd, is loaded or refused: never a panic.
    #[test]
    fn no_edit_makes_parse_panic(
        at in 0usize..2700,
        cut in 0usize..8,
        insert in "[-:{}\\[\\]&*!|>'\"# \n\tabé0-9]{0,6}",
    ) {
        let good = include_str!("fixtures/good.yaml");
        let mut chars: Vec<char> = good.chars().collect();
        let at = at.min(chars.len());
        let end = (at + cut).min(chars.len());
        chars.splice(at..end, insert.chars());
        let text: String = chars.into_iter().collect();
        let _ = parse(&text);
    }
}
