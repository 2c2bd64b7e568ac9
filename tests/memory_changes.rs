//! Peak memory of the live app's state after 1,000 changes on the `huge`
//! sample (50,000 turns): undo and the saver must not grow with use.
//! Budget 64 MiB for the release build. Its own test binary, so that no
//! other test's child process is counted in the peak.

mod run;

use coproduce::session::{sample, write::to_yaml};

/// The budget is for the release build; a debug build's own code and
/// checks (each change's reach is checked on a copy) take more.
const BUDGET_MIB: i64 = if cfg!(debug_assertions) { 80 } else { 64 };

/// 1,000 floor changes, five seconds apart, between two people in the
/// Balance pane, as a facilitator's keys: each one a change undo keeps.
#[test]
#[ignore = "soak tier: 1,000 changes on the huge sample"]
fn peak_memory_after_1000_changes_on_huge_is_under_64_mib() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let session = sample::huge();
    std::fs::write(&path, to_yaml(&session)).unwrap();
    // The speaker keys of the first two people present, as the app gives
    // them to a file without any.
    let app = coproduce::app::App::new(session.clone(), sample::now_in(&session), vec![], 0);
    let people: Vec<(char, String)> = app
        .session
        .participants
        .iter()
        .filter(|p| p.is_present())
        .filter_map(|p| Some((p.key?.0, p.name.clone())))
        .take(2)
        .collect();
    drop(app);
    assert_eq!(people.len(), 2, "two present people with keys");
    let mut script = String::from("<Tab>");
    for n in 0..1_000 {
        script.push(people[n % 2].0);
        script.push_str("<wait 5s>");
    }
    let now = sample::now_in(&session).to_rfc3339();
    let screen = run::render_with(&path, &now, &script, &["--dry-run", "--size", "200x60"]);
    // The last key gave the second person the floor: every key was a change.
    let floor = screen.lines().next().unwrap_or_default();
    assert!(floor.contains(&people[1].1), "{floor}");
    let peak = run::children_peak_kib();
    println!("peak RSS after 1,000 changes on huge: {peak} KiB");
    assert!(peak < BUDGET_MIB * 1024, "peak RSS {peak} KiB");
}
