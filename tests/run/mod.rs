//! Running the binary as a user does, for the integration tests: the
//! fixtures, a scratch copy to change, and `coproduce` itself.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A file under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A copy of a fixture as `meeting.yaml` in a fresh folder, to be changed
/// by the test; the folder goes when the first value is dropped.
pub fn scratch(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.yaml");
    std::fs::copy(fixture(name), &path).unwrap();
    (dir, path)
}

/// A command that starts the binary under test: the one cargo built, or
/// the program `COPRODUCE_BIN` names (`.ci/windows` names a launcher that
/// runs the Windows build under Wine), so the same assertions hold for both.
pub fn binary() -> Command {
    match std::env::var_os("COPRODUCE_BIN") {
        Some(launcher) if !launcher.is_empty() => Command::new(launcher),
        _ => Command::new(env!("CARGO_BIN_EXE_coproduce")),
    }
}

/// `text` with the Windows build's path separators written as `/`, so one
/// assertion about a message naming a path holds on every system.
pub fn slashes(text: &str) -> String {
    text.replace('\\', "/")
}

/// Runs `coproduce ARGS` to the end, with colour allowed.
pub fn coproduce(args: &[&str]) -> Output {
    binary()
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs")
}

/// What a run printed, once it is known to have succeeded.
pub fn succeeded(args: &[&str], out: &Output) -> String {
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `coproduce render PATH --now NOW --keys KEYS`, which must succeed: the
/// screen it printed.
pub fn render(path: &Path, now: &str, keys: &str) -> String {
    render_with(path, now, keys, &[])
}

/// `render` with more arguments after the keys (`--size`, `--dry-run`).
pub fn render_with(path: &Path, now: &str, keys: &str, extra: &[&str]) -> String {
    let args = render_args(path, now, keys, extra);
    succeeded(&args, &coproduce(&args))
}

/// The arguments of `coproduce render PATH --now NOW --keys KEYS EXTRA..`.
pub fn render_args<'a>(
    path: &'a Path,
    now: &'a str,
    keys: &'a str,
    extra: &[&'a str],
) -> Vec<&'a str> {
    let mut args = vec![
        "render",
        path.to_str().unwrap(),
        "--now",
        now,
        "--keys",
        keys,
    ];
    args.extend_from_slice(extra);
    args
}

/// The text of `app` drawn at `width` x `height` in its own theme, as the
/// screen tests read it.
pub fn screen(app: &coproduce::app::App, width: u16, height: u16) -> String {
    let themes = coproduce::theme::Themes::builtin();
    coproduce::ui::screen::buffer_text(&coproduce::ui::screen::draw(
        app,
        themes.get(app.theme_name()).unwrap(),
        width,
        height,
    ))
}

/// `coproduce follow PATH --plain` started, and its output to read line by
/// line; kill the child when done.
pub fn follow_plain(path: &Path) -> (std::process::Child, std::process::ChildStdout) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coproduce"))
        .args(["follow", path.to_str().unwrap(), "--plain"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    (child, stdout)
}

/// The largest peak resident set of any child process waited for so far.
pub fn children_peak_kib() -> i64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage for the call to fill.
    let ok = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(ok, 0, "getrusage failed");
    usage.ru_maxrss
}
