//! Peak memory with the `huge` sample loaded and every pane drawn: under
//! 64 MiB in the release build. Its own test binary, so that no other test's child process is
//! counted in the peak.
// A pseudo-terminal, Unix signals or Unix files: not on Windows.
#![cfg(unix)]

mod run;

use coproduce::session::{sample, write::to_yaml};

/// The budget is for the binary a meeting runs, the release build, which
/// `cargo test --release --test memory` checks; a debug build's own code
/// and checks take a few MiB more.
const BUDGET_MIB: i64 = if cfg!(debug_assertions) { 72 } else { 64 };

/// A budget for the release build, measured whole-process: the soak tier
/// (`.ci/run` runs it with `--include-ignored`).
#[test]
#[ignore = "soak tier: a whole-process memory budget"]
fn peak_memory_with_huge_loaded_and_every_pane_drawn_is_under_64_mib() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    std::fs::write(&path, to_yaml(&sample::huge())).unwrap();
    assert_eq!(run::children_peak_kib(), 0, "no child yet");
    // One run per pane: each loads the file and draws its pane at 200x60.
    for tabs in 0..4 {
        let keys = "<Tab>".repeat(tabs);
        run::render_with(
            &path,
            "2026-11-22T23:00:00+00:00",
            &keys,
            &["--dry-run", "--size", "200x60"],
        );
    }
    let peak = run::children_peak_kib();
    println!("peak RSS with huge loaded: {peak} KiB");
    assert!(peak < BUDGET_MIB * 1024, "peak RSS {peak} KiB");
}
