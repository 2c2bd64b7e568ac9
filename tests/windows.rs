//! The file rules a Windows laptop brings, checked against the binary (the
//! Windows build under Wine in `.ci/windows`, the native one otherwise):
//! folders with spaces and accents, files saved with CRLF line ends, and
//! names Windows keeps for devices; and, when a Windows build is under
//! test, that it prints what the Linux build prints.

mod run;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use coproduce::store::load;
use run::{binary, coproduce, fixture, render_with, slashes, succeeded};

/// Whether the binary under test is a Windows one.
fn windows_binary() -> bool {
    cfg!(windows) || std::env::var_os("COPRODUCE_BIN").is_some_and(|b| !b.is_empty())
}

#[test]
fn a_folder_with_spaces_and_accents_holds_a_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("Siân").join("Board meetings");
    fs::create_dir_all(&folder).unwrap();
    let path = folder.join("2026-11-19 board.yaml");
    let file = path.to_str().unwrap();
    let args = [
        "new",
        file,
        "--title",
        "Pêche and carers",
        "--board",
        "Adult social care",
        "--date",
        "2026-11-19",
    ];
    succeeded(&args, &coproduce(&args));
    succeeded(&["check", file], &coproduce(&["check", file]));
    let minutes = succeeded(&["report", file], &coproduce(&["report", file]));
    assert!(minutes.contains("Pêche and carers"), "{minutes}");
    let folder_text = folder.to_str().unwrap();
    let table = succeeded(
        &["trends", folder_text],
        &coproduce(&["trends", folder_text]),
    );
    assert!(slashes(&table).contains("2026-11-19"), "{table}");
}

#[test]
fn a_crlf_file_loads_reports_as_lf_and_stays_readable_after_a_save() {
    let lf = fs::read_to_string(fixture("good.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notepad.yaml");
    fs::write(&path, lf.replace('\n', "\r\n")).unwrap();
    let file = path.to_str().unwrap();
    succeeded(&["check", file], &coproduce(&["check", file]));
    let from_crlf = succeeded(&["report", file], &coproduce(&["report", file]));
    let lf_file = fixture("good.yaml");
    let lf_file = lf_file.to_str().unwrap();
    let from_lf = succeeded(&["report", lf_file], &coproduce(&["report", lf_file]));
    assert_eq!(from_crlf, from_lf);
    // A change is saved, and what is saved loads again.
    render_with(
        &path,
        "2026-11-19T10:00:00Z",
        "<Tab>d<wait 30s><Space>",
        &[],
    );
    let saved = fs::read_to_string(&path).unwrap();
    assert_ne!(saved.replace("\r\n", "\n"), lf, "nothing was saved");
    load(Path::new(&path)).expect("the saved file loads");
}

#[test]
fn a_device_name_gets_a_clear_error_on_windows_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("CON.yaml");
    fs::copy(fixture("good.yaml"), &path).unwrap();
    let file = path.to_str().unwrap();
    let out = coproduce(&["check", file]);
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if windows_binary() {
        assert_eq!(out.status.code(), Some(1), "{said}");
        assert!(said.contains("belongs to a device"), "{said}");
        let new_path = dir.path().join("aux.yaml");
        let new_file = new_path.to_str().unwrap();
        let args = ["new", new_file, "--title", "T", "--board", "B"];
        let out = coproduce(&args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{said}");
        assert!(said.contains("belongs to a device"), "{said}");
    } else {
        assert!(out.status.success(), "{said}");
    }
}

/// What a run said, as one text: the exit status, then standard output and
/// standard error with path separators written as `/`.
fn said(out: &Output) -> String {
    slashes(&format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    ))
}

/// Runs `args` in the source folder, so every path is the relative one a
/// person types, with the binary `program` makes.
fn said_by(program: fn() -> Command, args: &[&str]) -> String {
    let out = program()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs");
    said(&out)
}

/// The binary cargo built for this machine, whatever `COPRODUCE_BIN` says.
fn this_machines() -> Command {
    Command::new(env!("CARGO_BIN_EXE_coproduce"))
}

/// Every session file under `folder` (relative to the source folder),
/// sorted, as relative paths with `/`.
fn session_files(folder: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let mut folders = vec![root.join(folder)];
    while let Some(dir) = folders.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                let relative = path.strip_prefix(root).unwrap();
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}

/// The "done": under Wine (`COPRODUCE_BIN` names the Windows
/// build's launcher) `check`, `render`, `report` and `trends` on the bundled
/// example and every test fixture print the same text as this machine's
/// build, paths aside. Without `COPRODUCE_BIN` both sides are the same
/// binary, and the test only shows the commands run.
#[test]
fn the_windows_build_prints_what_this_one_prints() {
    let mut files = vec!["sessions/example.yaml".to_owned()];
    files.extend(session_files("tests/fixtures"));
    let mut runs: Vec<Vec<String>> = Vec::new();
    // Every file at once: check reads each and names each problem's place.
    runs.push(
        ["check"]
            .iter()
            .map(|s| s.to_string())
            .chain(files.iter().cloned())
            .collect(),
    );
    for file in &files {
        // Broken files are refused by report and render alike: one is enough.
        if file.contains("/broken/") && !file.ends_with("syntax.yaml") {
            continue;
        }
        runs.push(vec!["report".into(), file.clone()]);
        runs.push(vec![
            "render".into(),
            file.clone(),
            "--now".into(),
            "2026-11-22T11:42:00+00:00".into(),
            "--keys".into(),
            "<Tab>d<wait 30s><Space>".into(),
            "--dry-run".into(),
        ]);
    }
    for folder in ["sessions", "tests/fixtures/trends"] {
        runs.push(vec!["trends".into(), folder.into()]);
        runs.push(vec![
            "trends".into(),
            folder.into(),
            "--format".into(),
            "csv".into(),
        ]);
    }
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let here = said_by(this_machines, &args);
        let under_test = said_by(binary, &args);
        assert_eq!(under_test, here, "coproduce {args:?}");
    }
}
