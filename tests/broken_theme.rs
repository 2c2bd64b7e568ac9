//! A broken theme file never stops a meeting: the binary names the file and
//! the field, and runs on the built-in theme.

use std::path::Path;
use std::process::{Command, Output};

const NOW: &str = "2026-11-22T10:00:00+00:00";

/// Runs `render` in `dir` (whose `themes/` folder is read) with no user
/// themes from the home folder.
fn render(dir: &Path, theme: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coproduce"));
    command
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .env_remove("NO_COLOR")
        .args(["render", "s.yaml", "--now", NOW, "--dry-run"]);
    if let Some(theme) = theme {
        command.args(["--theme", theme]);
    }
    command.output().unwrap()
}

fn folder_with_theme(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("themes")).unwrap();
    std::fs::write(dir.path().join("themes").join(name), text).unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/good.yaml"),
        dir.path().join("s.yaml"),
    )
    .unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn asking_for_a_broken_theme_names_file_and_field_and_uses_the_built_in() {
    let dir = folder_with_theme("stage.yaml", "warn: \"#12345\"\n");
    let out = render(dir.path(), Some("stage"));
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("themes/stage.yaml: field 'warn'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("using the built-in theme high-contrast-dark"),
        "{stderr}"
    );
    // The meeting is drawn, and the room is told too.
    assert!(
        stdout.contains("themes/stage.yaml: field 'warn'"),
        "{stdout}"
    );
}

#[test]
fn a_broken_file_over_a_built_in_theme_leaves_the_built_in() {
    let dir = folder_with_theme("high-contrast-dark.yaml", "text: [1\n");
    let out = render(dir.path(), None);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("themes/high-contrast-dark.yaml"),
        "{stderr}"
    );
    assert!(stderr.contains("line 2 column 1"), "{stderr}");
    assert!(text(&out.stdout).contains("Theme skipped"));
}

#[test]
fn an_unknown_field_is_named() {
    let dir = folder_with_theme("stage.yaml", "wran: \"#123456\"\n");
    let out = render(dir.path(), Some("stage"));
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("themes/stage.yaml: unknown field `wran`"),
        "{stderr}"
    );
}

#[test]
fn a_theme_that_does_not_exist_is_still_a_usage_error() {
    let dir = folder_with_theme("stage.yaml", "warn: \"#123456\"\n");
    let out = render(dir.path(), Some("stgae"));
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("no theme called 'stgae'"));
}
