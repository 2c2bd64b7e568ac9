//! Keys are data: a user's keymap file changes every hint through the
//! binary, a broken one is refused with its line, and the README's key
//! tables are the built-in keymap.

mod run;

use coproduce::app::keymap::Keymap;
use run::{coproduce, fixture, scratch, succeeded};

const NOW: &str = "2026-11-22T10:30:00+00:00";

/// A keymap file in a fresh folder.
fn keymap_file(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys.yaml");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn render(keys_file: &std::path::Path, keys: &str) -> String {
    let (_dir, session) = scratch("good.yaml");
    let args = [
        "render",
        session.to_str().unwrap(),
        "--now",
        NOW,
        "--keys",
        keys,
        "--keys-file",
        keys_file.to_str().unwrap(),
        "--size",
        "140x40",
    ];
    succeeded(&args, &coproduce(&args))
}

#[test]
fn next_pane_on_f12_moves_panes_and_every_hint_says_f12() {
    let (_dir, file) = keymap_file("global:\n  next_pane: [\"<F12>\"]\n");
    let agenda = render(&file, "");
    assert!(agenda.contains("F12 next pane"), "{agenda}");
    assert!(!agenda.contains("Tab next pane"), "{agenda}");
    // Tab means nothing now; F12 moves on.
    assert_eq!(render(&file, "<Tab>"), agenda);
    let balance = render(&file, "<F12>");
    assert!(balance.contains("[key] give the floor"), "{balance}");
    assert_ne!(balance, agenda);
    let help = render(&file, "?");
    assert!(help.contains("F12"), "{help}");
    let listed = succeeded(
        &["keys"],
        &coproduce(&["keys", "--keys-file", file.to_str().unwrap()]),
    );
    assert!(listed.contains("next_pane: [\"<F12>\"]"), "{listed}");
    let table = coproduce(&["keys", "--markdown", "--keys-file", file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("| `F12` | next pane"));
}

#[test]
fn a_message_that_names_a_key_asks_the_keymap() {
    let (_dir, file) = keymap_file("global:\n  undo: [\"<F9>\"]\n");
    // Ending the meeting says which key takes it back.
    let ended = render(&file, "sE");
    assert!(ended.contains("F9 takes that back"), "{ended}");
    assert!(!ended.contains("Ctrl-Z"), "{ended}");
}

#[test]
fn a_conflicting_or_broken_keymap_is_refused_with_its_line() {
    let (_dir, file) = keymap_file("# my keys\nagenda:\n  next_item: [\"s\"]\n");
    let (_s, session) = scratch("good.yaml");
    let before = std::fs::read(&session).unwrap();
    let out = coproduce(&[
        "render",
        session.to_str().unwrap(),
        "--keys",
        "n",
        "--keys-file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("keys.yaml:3:3: s is bound to both agenda.start and agenda.next_item"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&session).unwrap(),
        before,
        "nothing was changed"
    );
    let (_d, global) = keymap_file("global:\n  undo: [\"u\"]\n");
    let out = coproduce(&["keys", "--keys-file", global.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("keys.yaml:2:3:"));
    let missing = coproduce(&["keys", "--keys-file", "/nonexistent/keys.yaml"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn the_readme_key_tables_are_the_built_in_keymap() {
    let readme = std::fs::read_to_string(fixture("../../README.md")).unwrap();
    let start = readme
        .find("<!-- keys:start")
        .expect("the README marks its key tables");
    let start = start + readme[start..].find("-->\n").unwrap() + 4;
    let end = readme.find("<!-- keys:end -->").unwrap();
    let generated = Keymap::default().to_markdown();
    assert_eq!(
        readme[start..end].trim(),
        generated.trim(),
        "README's key tables differ from the keymap: paste `coproduce keys --markdown` between the markers"
    );
}
