//! The binary as a user runs it: `render`, `check`, and the lock.

mod run;

use std::path::Path;
use std::process::Output;

use coproduce::session::Session;
use coproduce::store::lock::SessionLock;
use run::{coproduce, fixture, scratch};

const NOW: &str = "2026-11-22T10:30:00+00:00";

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn render(path: &Path, keys: &str, extra: &[&str]) -> Output {
    coproduce(&run::render_args(path, NOW, keys, extra))
}

#[test]
fn render_with_tabs_prints_each_pane() {
    let good = fixture("good.yaml");
    for (keys, marker) in [
        ("", "Against box"),
        ("<Tab>", "Against fair share"),
        ("<Tab><Tab>", "Proposed by"),
        ("<Tab><Tab><Tab>", "What it means"),
        ("<Tab><Tab><Tab><Tab>", "Against box"),
        ("<S-Tab>", "What it means"),
        ("?", "Agenda pane (here)"),
        ("?<Esc>", "Against box"),
    ] {
        let out = render(&good, keys, &["--dry-run"]);
        assert!(
            out.status.success(),
            "{keys}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let screen = stdout(&out);
        assert!(
            screen.contains(marker),
            "{keys} should show {marker}:\n{screen}"
        );
        assert_eq!(screen.lines().count(), 30);
    }
}

#[test]
fn render_sizes_from_tiny_to_huge() {
    let good = fixture("good.yaml");
    for (size, lines) in [
        ("1x1", 1),
        ("20x5", 5),
        ("80x24", 24),
        ("200x60", 60),
        ("300x100", 100),
    ] {
        let out = render(&good, "<Tab>", &["--dry-run", "--size", size]);
        assert!(out.status.success(), "{size}");
        assert_eq!(stdout(&out).lines().count(), lines, "{size}");
    }
    let small = stdout(&render(&good, "", &["--dry-run", "--size", "20x5"]));
    assert!(small.contains("Make the window"), "{small}");
    for bad in ["0x5", "wide", "100x"] {
        assert!(
            !render(&good, "", &["--dry-run", "--size", bad])
                .status
                .success(),
            "{bad}"
        );
    }
}

#[test]
fn opening_and_changing_nothing_writes_nothing() {
    let (_dir, path) = scratch("good.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    let out = render(&path, "<Tab><Tab><Tab>?<Esc><C-t><wait 90s>", &[]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    assert_eq!(
        std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
        1,
        "no lock or temporary left"
    );
}

#[test]
fn giving_the_floor_is_saved_to_the_second() {
    let (_dir, path) = scratch("good.yaml");
    let out = render(&path, "<Tab>d<wait 30s><Space>", &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved: Session = serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let last: Vec<_> = saved
        .turns
        .iter()
        .rev()
        .take(2)
        .map(|t| (t.who.as_str(), t.secs))
        .collect();
    assert_eq!(last, vec![("dulcie", Some(30)), ("alex", Some(120))]);
    assert!(stdout(&out).contains("Floor: silent"));
    // Pat had no key in the file: the one given is written with this first change.
    let pat = saved.participants.iter().find(|p| p.id == "pat").unwrap();
    assert_eq!(pat.key.map(|k| k.0), Some('p'));
}

#[test]
fn undo_after_a_change_gives_back_the_file_byte_for_byte() {
    let (_dir, path) = scratch("good.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    let out = render(&path, "<Tab>d<wait 30s><C-z>", &[]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn dry_run_changes_nothing_on_disk() {
    let (_dir, path) = scratch("good.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    assert!(
        render(&path, "<Tab>d<wait 30s><Space>", &["--dry-run"])
            .status
            .success()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn a_second_writer_is_refused_while_the_first_holds_the_lock() {
    let (_dir, path) = scratch("good.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    let first = SessionLock::acquire(&path, "10:00").unwrap();
    let out = render(&path, "<Tab>d", &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("already open for writing"), "{err}");
    assert!(
        err.contains(&format!("pid {}", std::process::id())),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // A read-only look is still allowed.
    assert!(render(&path, "", &["--dry-run"]).status.success());
    drop(first);
    assert!(render(&path, "<Tab>d", &[]).status.success());
}

#[test]
fn check_exit_codes() {
    assert_eq!(
        coproduce(&["check", fixture("good.yaml").to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let broken = fixture("broken/dangling-turn.yaml");
    let out = coproduce(&[
        "check",
        fixture("good.yaml").to_str().unwrap(),
        broken.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains(&format!("{}:", broken.display())),
        "{}",
        stdout(&out)
    );
    assert_eq!(coproduce(&["check"]).status.code(), Some(2));
    assert_eq!(
        coproduce(&["check", "/no/such/file.yaml"]).status.code(),
        Some(1)
    );
}

#[test]
fn a_broken_file_is_reported_and_never_opened() {
    let (_dir, path) = scratch("broken/dangling-turn.yaml");
    let before = std::fs::read_to_string(&path).unwrap();
    let out = render(&path, "<Tab>d<wait 30s><Space>", &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("meeting.yaml:"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn help_explains_each_command() {
    for command in [
        vec!["--help"],
        vec!["render", "--help"],
        vec!["check", "--help"],
        vec!["demo", "--help"],
    ] {
        let out = coproduce(&command);
        assert!(out.status.success(), "{command:?}");
        assert!(stdout(&out).contains("Usage"), "{command:?}");
    }
}

/// `demo` writes into a new folder only the facilitator can open, whose name
/// nobody can guess, and never into one that was there already.
#[cfg(unix)]
#[test]
fn the_demo_folder_is_new_private_and_unguessable() {
    use std::os::unix::fs::PermissionsExt;
    let first = coproduce::cli::demo::fresh_copy().unwrap();
    let second = coproduce::cli::demo::fresh_copy().unwrap();
    let (a, b) = (first.parent().unwrap(), second.parent().unwrap());
    assert_ne!(a, b);
    for folder in [a, b] {
        let mode = std::fs::metadata(folder).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "{}", folder.display());
        let name = folder.file_name().unwrap().to_string_lossy();
        assert!(
            name.starts_with("coproduce-demo-") && name.len() > 20,
            "{name}"
        );
        std::fs::remove_dir_all(folder).unwrap();
    }
}
