//! The Balance pane as a user drives it: `coproduce render` runs a ten-minute
//! exchange among five people on a fixed clock; the saved turns are checked
//! to the second and the printed shares against them. Then hands go up,
//! survive a restart, and Enter calls them in progressive order.

mod run;

use std::path::{Path, PathBuf};

use coproduce::session::Session;

fn scratch() -> (tempfile::TempDir, PathBuf) {
    run::scratch("balance/five.yaml")
}

/// Runs `render` on `path` from `now` (a time on the meeting's day) and
/// returns the printed screen.
fn render(path: &Path, now: &str, keys: &str) -> String {
    run::render(path, &format!("2026-11-22T{now}+00:00"), keys)
}

fn saved(path: &Path) -> Session {
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The printed row of the person named `name`.
fn row<'a>(screen: &'a str, name: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(name) && l.contains('%'))
        .unwrap_or_else(|| panic!("no row for {name}:\n{screen}"))
}

/// The printed row of the roles table for the role labelled `label`.
fn role_row<'a>(screen: &'a str, label: &str) -> &'a str {
    // Each label follows its role's symbol: ` ■ Lived experience`.
    let starts = format!(" {label}");
    screen
        .lines()
        .find(|l| {
            l.char_indices()
                .nth(2)
                .is_some_and(|(at, _)| l[at..].starts_with(&starts))
        })
        .unwrap_or_else(|| panic!("no row for {label}:\n{screen}"))
}

/// Ann 90s, Ben 150s, Cal 60s, Ann 30s, Dee 120s, Eli 60s, Ben 90s: ten
/// minutes, then the floor is silenced.
const EXCHANGE: &str =
    "<Tab>a<wait 90s>b<wait 150s>c<wait 60s>a<wait 30s>d<wait 120s>e<wait 60s>b<wait 90s><Space>";

#[test]
fn ten_minutes_among_five_are_saved_to_the_second_and_shared_right() {
    let (_dir, path) = scratch();
    let screen = render(&path, "10:00:00", EXCHANGE);
    let session = saved(&path);
    let turns: Vec<(&str, String, Option<u64>)> = session
        .turns
        .iter()
        .map(|t| (t.who.as_str(), t.at.format("%H:%M:%S").to_string(), t.secs))
        .collect();
    let expected = [
        ("ann", "10:00:00", 90),
        ("ben", "10:01:30", 150),
        ("cal", "10:04:00", 60),
        ("ann", "10:05:00", 30),
        ("dee", "10:05:30", 120),
        ("eli", "10:07:30", 60),
        ("ben", "10:08:30", 90),
    ]
    .map(|(who, at, secs)| (who, at.to_owned(), Some(secs)));
    assert_eq!(turns, expected);
    // Keys were given from the names and written with the first change.
    let keys: String = session
        .participants
        .iter()
        .map(|p| p.key.unwrap().0)
        .collect();
    assert_eq!(keys, "abcde");

    // Time, share, turns and average per person, as printed.
    for (name, time, share, turns, avg) in [
        ("Ann Lee", "2:00", "20%", "2", "1:00"),
        ("Ben Ode", "4:00", "40%", "2", "2:00"),
        ("Cal Roy", "1:00", "10%", "1", "1:00"),
        ("Dee Fox", "2:00", "20%", "1", "2:00"),
        ("Eli Kay", "1:00", "10%", "1", "1:00"),
    ] {
        let words: Vec<&str> = row(&screen, name).split_whitespace().collect();
        let at = words.iter().position(|w| *w == time).expect(name);
        assert_eq!(words[at + 1], share, "{name}");
        assert_eq!(&words[words.len() - 2..], [turns, avg], "{name}");
    }
    // By role: lived 6 of 10 minutes against a headcount fair share of 40%.
    let lived = role_row(&screen, "Lived experience");
    assert!(
        lived.contains("60%") && lived.contains("40% fair"),
        "{lived}"
    );
    assert!(lived.contains("▲ over"), "{lived}");
    let staff = role_row(&screen, "Staff ◆");
    assert!(
        staff.contains("30%") && staff.contains("40% fair"),
        "{staff}"
    );
    assert!(screen.contains("● within their fair share"), "{screen}");
    assert!(screen.contains("● Everyone present has spoken"), "{screen}");
    // 1 - Gini of [120, 240, 60, 120, 60] scaled by 5 / 4 (so that one
    // voice is 0) is 1 - (840 / 3000) * 5 / 4.
    assert!(screen.contains("Evenness 0.65"), "{screen}");
    assert!(screen.contains("Nobody has the floor"), "{screen}");
}

#[test]
fn hands_survive_a_restart_and_enter_calls_the_least_heard_first() {
    let (_dir, path) = scratch();
    render(&path, "10:00:00", EXCHANGE);
    // Ben (4 min), then Cal (1 min), then Ann (2 min), then Eli (1 min).
    let screen = render(&path, "10:10:00", "<Tab>BCA+e");
    assert_eq!(saved(&path).stack, ["cal", "eli", "ann", "ben"]);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("stack: [cal, eli, ann, ben]\n"),
        "the file keeps calling order"
    );
    for reason in [
        "1 min so far, raised first",
        "1 min so far, raised second",
        "2 min so far",
        "4 min so far",
    ] {
        assert!(screen.contains(reason), "{reason}:\n{screen}");
    }

    // A new run on the saved file: Enter calls Cal, then Eli; Ben lowers his hand.
    let screen = render(
        &path,
        "10:11:00",
        "<Tab><Enter><wait 150s><Enter><wait 5s>B",
    );
    let session = saved(&path);
    assert_eq!(session.stack, ["ann"]);
    let last: Vec<(&str, Option<u64>)> = session.turns[7..]
        .iter()
        .map(|t| (t.who.as_str(), t.secs))
        .collect();
    assert_eq!(last, [("cal", Some(150)), ("eli", None)]);
    assert!(screen.contains("Eli Kay · Staff"), "{screen}");
    assert!(screen.contains("1. Ann"), "{screen}");
}

#[test]
fn a_long_turn_is_flagged_in_words() {
    let (_dir, path) = scratch();
    let screen = render(&path, "10:00:00", "<Tab>d<wait 121s>");
    assert!(screen.contains("⚠ LONG TURN: 2:01 (over 2:00)"), "{screen}");
    let screen = render(&path, "10:02:01", "<Tab><wait 1s><Tab><S-Tab>");
    assert!(screen.contains("⚠ LONG TURN: 2:02"), "{screen}");
}
