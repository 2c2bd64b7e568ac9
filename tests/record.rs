//! Issue #17 through the binary: a board meeting that did not go to plan
//! gives minutes that stay true (`coproduce report`), a stack called in
//! the order its rule says (`coproduce render`), and `check` refusing a
//! turn after the meeting ended.

mod run;

use run::{coproduce, fixture, render, scratch, succeeded};

const BOARD: &str = "record/board.yaml";

fn minutes() -> String {
    let path = fixture(BOARD);
    let args = ["report", path.to_str().unwrap()];
    succeeded(&args, &coproduce(&args))
}

#[test]
fn case_1_someone_who_left_early_is_present_with_the_time_they_gave() {
    let minutes = minutes();
    assert!(
        minutes.contains("- Present (5): Joan (Lived experience), left 11:20 am, Marion (Lived experience), arrived 10:30 am,"),
        "{minutes}"
    );
    assert!(minutes.contains("- Apologies (1): Pat (Lived experience)\n"));
    assert!(minutes.contains("| Joan | Lived experience | 1 hour 20 minutes |"));
    assert!(minutes.contains("| Marion | Lived experience | 1 hour 30 minutes |"));
    assert!(minutes.contains("| Pat | Lived experience | apologies |"));
}

#[test]
fn case_2_a_round_closed_before_someone_left_still_counts_them() {
    let minutes = minutes();
    assert!(
        minutes.contains("- Consent: 4 agree, 0 concern, 0 object, 0 abstain\n"),
        "{minutes}"
    );
    assert!(minutes.contains("- Agree: Joan, Anil, David, Kim\n"));
}

#[test]
fn case_3_the_minutes_tell_the_amendment_trail() {
    let minutes = minutes();
    assert!(minutes.contains("- Earlier wording (until 10:40 am): Review direct payments\n"));
    assert!(
        minutes.contains(
            "- Joan objected (No date) until 10:45 am, then agreed to the amended wording\n"
        ),
        "{minutes}"
    );
}

#[test]
fn case_5_a_zero_second_turn_is_not_a_turn() {
    let minutes = minutes();
    assert!(minutes.contains("in 7 turns"), "{minutes}");
    assert!(minutes.contains("| Joan | Lived experience | 3 | 3 minutes |"));
}

#[test]
fn case_6_a_hand_written_agreement_with_only_power_voices_is_flagged() {
    let minutes = minutes();
    assert!(minutes.contains(
        "- ⚠ Possible rubber stamp: Proposed by David (Staff, a role with power) and nobody from a role without power spoke in its discussion"
    ));
}

#[test]
fn case_7_the_minutes_list_hands_still_up_in_progressive_order() {
    let minutes = minutes();
    assert!(
        minutes.contains(
            "Hands still up at the end of the record (progressive order: least spoken first): Anil, Marion, David.\n"
        ),
        "{minutes}"
    );
}

#[test]
fn case_7_hands_are_called_in_progressive_order_whatever_the_file_lists() {
    let (_dir, path) = scratch(BOARD);
    // The meeting still running at 11:59.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("  ended: 2026-11-22T12:00:00+00:00\n", ""),
    )
    .unwrap();
    // Enter on the Balance pane gives the floor to the top of the stack.
    let screen = render(&path, "2026-11-22T11:59:00+00:00", "<Tab><Enter>");
    assert!(screen.contains("Anil"), "{screen}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("stack: [marion, david]"), "{text}");
    let last_turn = text.lines().rev().find(|l| l.contains("who:")).unwrap();
    assert!(last_turn.contains("who: anil"), "{text}");
}

#[test]
fn case_4_check_refuses_a_turn_after_the_end() {
    let (_dir, path) = scratch(BOARD);
    let text = std::fs::read_to_string(&path).unwrap();
    let late = "  - { who: anil, at: 2026-11-22T12:05:00+00:00 }\nstack:";
    std::fs::write(&path, text.replace("stack:", late)).unwrap();
    let out = coproduce(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        err.contains("this turn starts at 12:05:00, after the meeting ended (12:00:00)"),
        "{err}"
    );
}

/// `coproduce check` on `text` written to a scratch file: its exit code and
/// every line it printed.
fn check(text: &str) -> (Option<i32>, String) {
    let (_dir, path) = scratch(BOARD);
    std::fs::write(&path, text).unwrap();
    let out = coproduce(&["check", path.to_str().unwrap()]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), said)
}

#[test]
fn case_9_check_finds_a_bad_date_and_every_dangling_reference_in_one_run() {
    let text = "format: 1
title: T
board: B
date: 2026-11-22
roles: [{ id: lived, label: Lived }]
participants: [{ id: joan, name: Joan, role: lived }]
decisions:
  - id: d
    proposal: P
    proposed_by: joan
    state: agreed
    responses: { jaon: agree }
    actions:
      - { what: Write, who: nobody, due: 2026-11-31 }
      - { what: Call, who: joan, due: 2026-12-01 }
turns:
  - { who: joan, at: 2026-11-22T10:00:00+00:00, secs: many }
";
    let (code, said) = check(text);
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 4, "{said}");
    assert!(lines[0].ends_with(":12:18: participant 'jaon' answering decision 'd' is not in participants (did you mean 'joan'?)"), "{said}");
    assert!(
        lines[1].contains(":14:29: participant 'nobody' given an action"),
        "{said}"
    );
    assert!(
        lines[2].ends_with(":14:42: decisions[0].actions[0].due: 2026-11-31 is not a date: November 2026 has 30 days"),
        "{said}"
    );
    assert!(
        lines[3].contains(":17:55: turns[0].secs: invalid type"),
        "{said}"
    );
}

#[test]
fn case_9_indentation_mistakes_are_said_in_plain_words_with_the_line() {
    let head =
        "format: 1\ntitle: T\nboard: B\ndate: 2026-11-22\nroles:\n  - id: lived\n    label: L\n";
    let (code, said) = check(&format!("{head}   - id: staff\n    label: S\n"));
    assert_eq!(code, Some(1));
    assert!(
        said.trim_end().ends_with(":8:4: this is not valid YAML: this line is not in line with the list above it; each entry of a list starts with '- ' at the same indentation as the others"),
        "{said}"
    );
    assert!(!said.contains("indicator"), "{said}");
    let (_, said) = check(&format!("{head}      power: true\n"));
    assert!(
        said.contains(":8:12: this is not valid YAML: a ':' here cannot start a value"),
        "{said}"
    );
}
