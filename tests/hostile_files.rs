//! A shared sessions folder cannot hurt the facilitator (issue 16): each
//! attack from the regression corpus in `tests/fixtures/hostile/` (big
//! files are generated here, not committed) fails safely: the victim file
//! is unchanged, `check` answers in time with file:line:col, no command
//! panics, and no raw control or invisible character reaches stdout or
//! stderr.
// A pseudo-terminal, Unix signals or Unix files: not on Windows.
#![cfg(unix)]

mod run;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use run::{coproduce, fixture};

const NOW: &str = "2026-11-22T10:06:00+00:00";

/// 16 MiB: the size cap, the largest file the reader takes at all.
const CAP: usize = 16 * 1024 * 1024;

/// A debug build on a shared machine; the release figures are in
/// BENCHMARKS.md (`benches/read.rs`), well under a second.
const IN_TIME: Duration = Duration::from_secs(if cfg!(debug_assertions) { 4 } else { 1 });

fn hostile(name: &str) -> PathBuf {
    fixture(&format!("hostile/{name}"))
}

/// Every character of `out` that must never reach a terminal raw.
fn raw_unsafe(out: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(out)
        .chars()
        .filter(|&c| c != '\n' && c != '\t' && coproduce::text::is_unsafe(c))
        .collect()
}

/// Asserts that a run neither panicked nor let a raw character through.
fn safe(what: &str, out: &Output) {
    assert_ne!(
        out.status.code(),
        Some(101),
        "{what} panicked: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.code().is_some(), "{what} was killed");
    for stream in [&out.stdout, &out.stderr] {
        let raw = raw_unsafe(stream);
        assert!(raw.is_empty(), "{what} printed raw {raw:?}");
    }
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coproduce"))
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .env("HOME", dir)
        .output()
        .unwrap()
}

/// The generated attacks of the issue, each `size` bytes (the soak tier
/// makes them the full 16 MiB).
fn big_attacks(size: usize) -> Vec<(&'static str, Vec<u8>)> {
    let fill = |head: &str, unit: &str, tail: &str| {
        let mut text = String::from(head);
        while text.len() + unit.len() + tail.len() <= size {
            text.push_str(unit);
        }
        text.push_str(tail);
        text.into_bytes()
    };
    vec![
        ("deep-flow", fill("format: 1\ntitle: ", "[", "")),
        ("question-keys", fill("", "? ", "")),
        ("question-lines", fill("", "? a\n", "")),
        ("long-scalar", fill("format: 1\ntitle: \"", "x", "\"\n")),
        ("long-plain", fill("format: 1\ntitle: ", "x", "\n")),
        ("block-dashes", fill("", "- ", "")),
        ("flow-commas", fill("format: 1\nstack: [", "a,", "]\n")),
    ]
}

/// The everyday run: each attack at 1 MiB, the same shapes as the soak
/// tier's full-size files.
#[test]
fn every_hostile_file_shape_is_refused_in_time_with_a_place() {
    refused_in_time_with_a_place(1024 * 1024);
}

/// The soak tier (`.ci/soak`): each attack the full 16 MiB the loader takes.
#[test]
#[ignore = "soak tier: 16 MiB files"]
fn every_big_hostile_file_is_refused_in_time_with_a_place() {
    refused_in_time_with_a_place(CAP);
}

fn refused_in_time_with_a_place(size: usize) {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in big_attacks(size) {
        let path = dir.path().join(format!("{name}.yaml"));
        fs::write(&path, &bytes).unwrap();
        drop(bytes);
        let clock = Instant::now();
        let out = coproduce(&["check", path.to_str().unwrap()]);
        let took = clock.elapsed();
        safe(name, &out);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{name}: {stdout}");
        let place = format!("{}:", path.display());
        let first = stdout.lines().next().unwrap_or_default();
        let rest = first.strip_prefix(&place).unwrap_or_default();
        let mut parts = rest.splitn(3, ':');
        let (line, col) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        assert!(
            line.parse::<usize>().is_ok() && col.parse::<usize>().is_ok(),
            "{name}: no file:line:col in {first:.200}"
        );
        assert!(took < IN_TIME, "{name} took {took:?}");
        // The big files go as soon as they are checked: disk is shared.
        fs::remove_file(&path).unwrap();
    }
}

#[test]
fn one_hostile_file_does_not_stop_trends_or_opening_a_meeting_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "deep-flow.yaml",
        "many-keys.yaml",
        "huge-secs.yaml",
        "every-invisible.yaml",
    ] {
        fs::copy(hostile(name), dir.path().join(name)).unwrap();
    }
    let deep = dir.path().join("deep-big.yaml");
    fs::write(
        &deep,
        format!("format: 1\ntitle: {}", "[".repeat(1_000_000)),
    )
    .unwrap();
    fs::copy(hostile("base.yaml"), dir.path().join("meeting.yaml")).unwrap();
    let clock = Instant::now();
    let out = coproduce(&["trends", dir.path().to_str().unwrap()]);
    safe("trends", &out);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for skipped in ["deep-big.yaml", "deep-flow.yaml", "huge-secs.yaml"] {
        assert!(text.contains(skipped), "{skipped} is not listed:\n{text}");
    }
    // Opening the meeting reads every other session for the ladder trend.
    let meeting = dir.path().join("meeting.yaml");
    let out = coproduce(&[
        "render",
        meeting.to_str().unwrap(),
        "--now",
        NOW,
        "--keys",
        "<Tab><Tab><Tab>",
        "--dry-run",
    ]);
    safe("render beside hostile files", &out);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(clock.elapsed() < IN_TIME * 3, "took {:?}", clock.elapsed());
}

#[test]
fn huge_numbers_are_refused_by_check_and_never_panic_a_command() {
    let path = hostile("huge-secs.yaml");
    let path = path.to_str().unwrap();
    let out = coproduce(&["check", path]);
    safe("check", &out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(
            ":17:54: 9223372036854775 seconds is more than a meeting can hold; at most 86400"
        ),
        "{stdout}"
    );
    for args in [
        vec!["report", path],
        vec!["render", path, "--now", NOW, "--keys", "", "--dry-run"],
    ] {
        let out = coproduce(&args);
        safe(args[0], &out);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
    }
    let base = hostile("base.yaml");
    let out = coproduce(&[
        "render",
        base.to_str().unwrap(),
        "--now",
        NOW,
        "--keys",
        "<wait 9223372036854775807s>",
        "--dry-run",
    ]);
    safe("render --keys <wait huge>", &out);
    assert_eq!(out.status.code(), Some(1), "a wait that long is refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains("wait 9223372036854775807s"));
}

#[test]
fn check_on_a_fifo_or_device_answers_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.yaml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let clock = Instant::now();
    let out = coproduce(&["check", fifo.to_str().unwrap(), "/dev/zero"]);
    safe("check fifo", &out);
    assert!(clock.elapsed() < IN_TIME);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("not a regular file").count(), 2, "{stdout}");
}

#[test]
fn every_invisible_character_is_shown_as_an_escape_on_every_output() {
    let path = hostile("every-invisible.yaml");
    let dir = tempfile::tempdir().unwrap();
    fs::copy(&path, dir.path().join("every.yaml")).unwrap();
    let p = path.to_str().unwrap();
    let d = dir.path().to_str().unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", p],
        vec!["report", p],
        vec!["report", p, "--anonymise"],
        vec!["trends", d],
        vec!["trends", d, "--format", "csv"],
        vec!["render", p, "--now", NOW, "--keys", "", "--dry-run"],
        vec!["render", p, "--now", NOW, "--keys", "<Tab>", "--dry-run"],
        vec![
            "render",
            p,
            "--now",
            NOW,
            "--keys",
            "<Tab><Tab>",
            "--dry-run",
        ],
        vec![
            "render",
            p,
            "--now",
            NOW,
            "--keys",
            "<Tab><Tab><Tab>",
            "--dry-run",
        ],
        vec!["render", p, "--now", NOW, "--keys", "?", "--dry-run"],
    ];
    for args in runs {
        let out = coproduce(&args);
        safe(&format!("{args:?}"), &out);
        assert!(
            out.status.code() == Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let report = coproduce(&["report", p]);
    let text = String::from_utf8_lossy(&report.stdout);
    for shown in [
        "\\u{2028}",
        "\\u{61c}",
        "\\u{180e}",
        "\\xad",
        "\\u{e0041}",
        "\\u{feff}",
    ] {
        assert!(
            text.contains(shown),
            "{shown} is not shown in the minutes:\n{text}"
        );
    }
}

#[test]
fn the_spin_case_draws_in_time_at_every_size() {
    let path = hostile("invisible.yaml");
    for size in ["80x24", "120x40", "200x60"] {
        for keys in ["", "<Tab>", "<Tab><Tab>", "<Tab><Tab><Tab>"] {
            let clock = Instant::now();
            let out = coproduce(&[
                "render",
                path.to_str().unwrap(),
                "--now",
                NOW,
                "--keys",
                keys,
                "--dry-run",
                "--size",
                size,
            ]);
            safe("render the spin case", &out);
            assert!(out.status.success());
            assert!(
                clock.elapsed() < IN_TIME,
                "{size} {keys}: {:?}",
                clock.elapsed()
            );
        }
    }
}

#[test]
fn a_theme_file_with_escapes_in_its_name_and_values_is_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let themes = dir.path().join("themes");
    fs::create_dir(&themes).unwrap();
    fs::write(
        themes.join("evil\x1b]0;owned\x07.yaml"),
        "name: \"evil\\e]52;c;b3duZWQ=\\a\"\nbackground: \"\\e]0;owned\\a\"\nfoo\\x1b: 1\n",
    )
    .unwrap();
    fs::write(
        themes.join("deep.yaml"),
        format!("name: deep\nbackground: {}", "[".repeat(100_000)),
    )
    .unwrap();
    let session = dir.path().join("meeting.yaml");
    fs::copy(hostile("base.yaml"), &session).unwrap();
    let clock = Instant::now();
    for args in [
        vec!["themes"],
        vec![
            "render",
            "meeting.yaml",
            "--now",
            NOW,
            "--keys",
            "",
            "--dry-run",
        ],
    ] {
        let out = run_in(dir.path(), &args);
        safe(&format!("{args:?}"), &out);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("\\x1b]0;owned\\x07"), "{args:?}: {stderr}");
        assert!(stderr.contains("deep.yaml"), "{args:?}: {stderr}");
    }
    assert!(clock.elapsed() < IN_TIME * 2);
}

#[test]
fn the_lock_holder_and_the_file_name_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("meeting.yaml");
    fs::copy(hostile("base.yaml"), &session).unwrap();
    let host = fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    fs::write(
        dir.path().join(".meeting.yaml.lock"),
        format!(
            "pid: {}\nuser: \x1b]0;owned\x07\u{202e}\nhost: {}\nsince: 9:00\n",
            std::process::id(),
            host.trim()
        ),
    )
    .unwrap();
    let out = run_in(
        dir.path(),
        &["render", "meeting.yaml", "--now", NOW, "--keys", "a"],
    );
    safe("render a locked file", &out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("\\x1b]0;owned\\x07"), "{stderr}");
    // A broken file whose name holds an escape: "was not opened" shows it.
    let named = dir.path().join("bad\x1b[2J\u{2028}.yaml");
    fs::write(&named, "format: 1\ntitle: [\n").unwrap();
    let out = run_in(
        dir.path(),
        &[
            "render",
            named.to_str().unwrap(),
            "--now",
            NOW,
            "--keys",
            "",
        ],
    );
    safe("render a broken file with an escape in its name", &out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("was not opened"));
}

/// A change to the meeting through `render` (Ann speaks), saved.
fn speak(path: &Path) -> Output {
    coproduce(&[
        "render",
        path.to_str().unwrap(),
        "--now",
        NOW,
        "--keys",
        "<Tab>a<wait 30s><Space>",
    ])
}

#[test]
fn a_linked_session_is_saved_to_its_target_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    fs::create_dir(&repo).unwrap();
    let real = repo.join("board.yaml");
    fs::copy(hostile("base.yaml"), &real).unwrap();
    let link = dir.path().join("board.yaml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = speak(&link);
    safe("render through a link", &out);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let saved = fs::read_to_string(&real).unwrap();
    assert_ne!(
        saved,
        fs::read_to_string(hostile("base.yaml")).unwrap(),
        "the target got the meeting"
    );
    assert_eq!(
        fs::read_dir(&repo).unwrap().count(),
        1,
        "no temporary file left"
    );
}

/// `coproduce ARGS` as a user who may not write a 0444 file: when the tests
/// run as root (who may write anything), as `nobody`.
fn as_unprivileged(args: &[&str]) -> Output {
    use std::os::unix::process::CommandExt;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return coproduce(args);
    }
    // `nobody` may not reach the build folder (a checkout in a private
    // folder): it runs a copy of the binary from a folder anyone may enter.
    let reachable = tempfile::tempdir().unwrap();
    fs::set_permissions(reachable.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let binary = reachable.path().join("coproduce");
    fs::copy(env!("CARGO_BIN_EXE_coproduce"), &binary).unwrap();
    fs::set_permissions(&binary, fs::Permissions::from_mode(0o755)).unwrap();
    let mut command = Command::new(&binary);
    command.args(args).uid(65534).gid(65534);
    command.output().unwrap()
}

#[test]
fn a_read_only_session_is_opened_for_reading_only_and_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    // Readable, not writable, by the user the app runs as.
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let path = dir.path().join("meeting.yaml");
    fs::copy(hostile("base.yaml"), &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&path).unwrap();
    let out = as_unprivileged(&["render", path.to_str().unwrap(), "--now", NOW, "--keys", ""]);
    safe("render read-only", &out);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("read-only"),
        "the screen says so"
    );
    let out = as_unprivileged(&[
        "render",
        path.to_str().unwrap(),
        "--now",
        NOW,
        "--keys",
        "<Tab>a<wait 30s><Space>",
    ]);
    safe("render read-only with a change", &out);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("read-only"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no lock or temporary left"
    );
}

#[test]
fn a_planted_link_at_the_old_temporary_name_is_never_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meeting.yaml");
    fs::copy(hostile("base.yaml"), &path).unwrap();
    let victim = dir.path().join("victim");
    fs::write(&victim, "precious").unwrap();
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o600)).unwrap();
    // Every pid the save could have: the old name was `.NAME.saving-PID`.
    let max_pid: u32 = fs::read_to_string("/proc/sys/kernel/pid_max")
        .map_or(32768, |s| s.trim().parse().unwrap_or(32768));
    let planted: Vec<PathBuf> = (1..=max_pid.min(5000))
        .map(|pid| dir.path().join(format!(".meeting.yaml.saving-{pid}")))
        .collect();
    for link in &planted {
        std::os::unix::fs::symlink(&victim, link).unwrap();
    }
    let out = speak(&path);
    safe("render with planted links", &out);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(
        fs::metadata(&victim).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_ne!(
        fs::read(&path).unwrap(),
        fs::read(hostile("base.yaml")).unwrap()
    );
}

/// Runs `check` on `text` written to a file in a fresh folder: the output,
/// how long it took, and the file's path.
fn check_text(name: &str, text: &str) -> (Output, Duration, tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.yaml"));
    fs::write(&path, text).unwrap();
    let clock = Instant::now();
    let out = coproduce(&["check", path.to_str().unwrap()]);
    (out, clock.elapsed(), dir, path)
}

/// Dense files (each line one value or key): distinct explicit keys once
/// took 35 s, reading the file again for more type errors and places it
/// could never use, and a million distinct keys 3 s in the parsers. Each
/// shape is refused in time, with a place: by the count of one mapping's
/// keys, or of values, or by the rules.
fn dense_files_are_checked_in_time(lines: usize, in_time: Duration) {
    let each = |line: &dyn Fn(usize) -> String| -> String { (0..lines).map(line).collect() };
    let head = "format: 1\ntitle: x\n";
    for (name, text) in [
        ("distinct-keys", each(&|i| format!("? a{i}\n"))),
        ("one-key", "? a\n".repeat(lines)),
        (
            "plain-keys",
            format!("{head}{}", each(&|i| format!("k{i}: 1\n"))),
        ),
        (
            "a-glossary-of-keys",
            format!("{head}glossary:\n{}", each(&|i| format!("  \"k{i}\": m\n"))),
        ),
        (
            "a-flow-mapping-on-many-lines",
            format!(
                "{head}glossary: {{\n{}}}\n",
                each(&|i| format!(" k{i}: 1,\n"))
            ),
        ),
        (
            "list-entries",
            format!("{head}turns:\n{}", "- a: 1\n".repeat(lines)),
        ),
        (
            "flow-entries",
            format!("{head}turns:\n{}", "- {k: 1, j: 2}\n".repeat(lines)),
        ),
    ] {
        let (out, took, _dir, path) = check_text(name, &text);
        safe(name, &out);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let first = stdout.lines().next().unwrap_or_default();
        let place = first
            .strip_prefix(&format!("{}:", path.display()))
            .and_then(|rest| rest.split_once(": "))
            .map(|(place, _)| {
                place
                    .split(':')
                    .map(str::parse::<usize>)
                    .collect::<Vec<_>>()
            });
        assert!(
            matches!(place.as_deref(), Some([Ok(_), Ok(_)])),
            "{name}: {first:.200}"
        );
        assert!(took < in_time, "{name}: {lines} lines took {took:?}");
    }
}

#[test]
fn a_dense_file_is_checked_in_time_with_a_place() {
    dense_files_are_checked_in_time(20_000, IN_TIME);
}

/// The million-line size of the issue (about 9 MB); it is kept in
/// an optimised build (`cargo test --release --test hostile_files --
/// --ignored`), five in the soak tier's debug build.
#[test]
#[ignore = "soak tier: seven dense files of 4 to 15 MB, timed"]
fn a_million_line_dense_file_is_checked_in_time() {
    let in_time = if cfg!(debug_assertions) {
        IN_TIME * 5
    } else {
        IN_TIME
    };
    dense_files_are_checked_in_time(1_000_000, in_time);
}

/// A save that fails says why once: the error quoted its cause and also
/// gave it as its source, and stderr said it twice. The temporary file's
/// name is too long for the system here, so it fails as root too.
#[test]
fn a_failed_save_gives_its_cause_once_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{}.yaml", "m".repeat(240)));
    fs::copy(hostile("base.yaml"), &path).unwrap();
    let out = speak(&path);
    safe("render with a failing save", &out);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("Cannot save").count(), 1, "{stderr}");
    assert_eq!(stderr.matches("name too long").count(), 1, "{stderr}");
    assert_eq!(
        fs::read(&path).unwrap(),
        fs::read(hostile("base.yaml")).unwrap()
    );
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "nothing left");
}

/// A file near the size limit is warned of by `check` (on its `ok` line,
/// which still exits 0), as opening it warns the facilitator.
#[test]
#[ignore = "soak tier: a 6 MB file"]
fn check_warns_of_a_file_near_the_limit() {
    let base = fs::read_to_string(hostile("base.yaml")).unwrap();
    let turn = "  - { who: ann, at: 2026-11-22T10:01:00+00:00, secs: 5 }\n";
    let (out, _, _dir, path) = check_text("large", &format!("{base}{}", turn.repeat(70_000)));
    safe("check near the limit", &out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.starts_with(&format!("{}: ok; ⚠ ", path.display()))
            && stdout.contains("start a new session file soon"),
        "{stdout}"
    );
}
