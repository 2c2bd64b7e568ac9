//! Issue #17 on a fixed clock: the record stays true when the meeting does
//! not go to plan.

use super::balance::BalanceAction;
use super::decisions::DecisionAction;
use super::*;
use crate::app::testing::{app_on, at, session_yaml};
use crate::session::attendance::{apologies, present_at};
use crate::session::balance::Balance;
use crate::session::consent::{self, present_answers, tally_by_role};
use crate::session::{Response, timing};

/// Beve and Alex from the start at 10:00, Pat sent apologies; Alex speaking
/// since 10:28.
const SESSION: &str = "participants:
  - { id: beve, name: Beve, role: lived, key: b }
  - { id: alex, name: Alex, role: staff, key: x }
  - { id: pat, name: Pat, role: lived, key: p, present: false }
clock:
  started: 2026-11-22T10:00:00+00:00
turns:
  - { who: alex, at: 2026-11-22T10:28:00+00:00 }
";

fn app() -> App {
    app_on(&session_yaml(SESSION), "10:30:00")
}

fn go(app: &mut App, action: Action, now: &str) -> Effect {
    update(app, action, at(now))
}

fn mark(app: &mut App, who: usize, now: &str) {
    app.pane = Pane::Balance;
    app.balance.selected = who;
    go(app, Action::Balance(BalanceAction::TogglePresent), now);
}

#[test]
fn case_1_leaving_early_is_not_apologies_and_a_latecomer_arrives_at_a_time() {
    let mut app = app();
    mark(&mut app, 0, "11:20:00");
    mark(&mut app, 2, "11:00:00");
    let s = &app.session;
    let (beve, pat) = (&s.participants[0], &s.participants[2]);
    assert!(
        !beve.is_present() && !apologies(beve),
        "Beve left: not apologies"
    );
    assert!(present_at(beve, at("11:19:59")) && !present_at(beve, at("11:20:00")));
    assert!(pat.is_present() && !present_at(pat, at("10:59:59")));
    // Fair share by time present at 12:00: Beve 80 min, Alex 120, Pat 60.
    let b = Balance::compute(s, at("12:00:00"));
    let fair: Vec<f64> = b.people.iter().map(|p| p.fair).collect();
    let want = [80.0 / 260.0, 120.0 / 260.0, 60.0 / 260.0];
    for (got, want) in fair.iter().zip(want) {
        assert!((got - want).abs() < 1e-9, "{fair:?}");
    }
    // Marked absent before the clock starts: apologies, no time recorded.
    let mut before = app_on(
        &session_yaml(&SESSION.replace("clock:\n  started: 2026-11-22T10:00:00+00:00\n", "")),
        "09:50:00",
    );
    mark(&mut before, 0, "09:55:00");
    assert!(apologies(&before.session.participants[0]));
    assert!(before.session.participants[0].attendance.is_empty());
}

/// The meeting with one proposal, Beve's "Fund it", whose other fields
/// (state first) are `fields`, opened at `now`.
fn with_proposal(fields: &str, now: &str) -> App {
    let yaml = format!(
        "{SESSION}decisions:\n  - {{ id: d, proposal: Fund it, proposed_by: beve, {fields} }}\n"
    );
    app_on(&session_yaml(&yaml), now)
}

/// A closed round at 10:40: Beve's concern, Alex's agreement.
fn closed_round() -> App {
    with_proposal(
        "state: amended, responses: { beve: concern, alex: agree },
      reasons: { beve: Too fast }, decided: 2026-11-22T10:40:00+00:00",
        "10:45:00",
    )
}

#[test]
fn case_2_a_closed_round_stays_as_it_closed_when_people_leave() {
    let mut app = closed_round();
    mark(&mut app, 0, "11:00:00");
    let s = &app.session;
    let d = &s.decisions[0];
    let answered: Vec<&str> = present_answers(s, d).map(|(p, _)| p.id.as_str()).collect();
    assert_eq!(answered, ["beve", "alex"], "Beve's concern still counts");
    let lived = &tally_by_role(s, d)[0];
    assert_eq!(lived.count(Response::Concern), 1);
}

#[test]
fn case_3_earlier_answers_and_wordings_are_kept_with_their_times() {
    let mut app = with_proposal("state: open, opened: 2026-11-22T10:30:00+00:00", "10:31:00");
    let mut s = app.session.clone();
    consent::answer(&mut s, 0, "beve", Response::Object, at("10:32:00"));
    consent::set_reason(&mut s, 0, "beve", Some("Too fast".into()));
    consent::reword(&mut s, 0, "Fund it next year".into(), at("10:35:00"));
    consent::answer(&mut s, 0, "beve", Response::Agree, at("10:36:00"));
    let d = &s.decisions[0];
    assert_eq!(d.responses.get(&"beve".to_owned()), Some(&Response::Agree));
    let earlier = &d.earlier_answers[0];
    assert_eq!(
        (earlier.answer, earlier.reason.as_deref(), earlier.until),
        (Response::Object, Some("Too fast"), at("10:36:00"))
    );
    assert_eq!(d.wordings[0].proposal, "Fund it");
    assert_eq!(d.wordings[0].until, at("10:35:00"));
    // Through `update`: the answer key keeps the earlier answer too.
    app.pane = Pane::Decisions;
    app.decisions.person = Some("beve".into());
    go(
        &mut app,
        Action::Decisions(DecisionAction::Answer(Response::Concern)),
        "10:32:00",
    );
    go(&mut app, Action::Close, "10:32:01");
    app.decisions.person = Some("beve".into());
    go(
        &mut app,
        Action::Decisions(DecisionAction::Answer(Response::Agree)),
        "10:33:00",
    );
    let d = &app.session.decisions[0];
    assert_eq!(d.earlier_answers.len(), 1);
    assert_eq!(d.earlier_answers[0].answer, Response::Concern);
}

#[test]
fn case_4_quitting_closes_the_open_turn_at_the_quit_moment() {
    let mut app = app();
    go(&mut app, Action::Quit, "10:30:35");
    assert_eq!(app.session.turns[0].secs, Some(155));
}

#[test]
fn case_4_an_ended_meeting_refuses_the_floor_and_hands_until_reopened() {
    let mut app = app();
    go(
        &mut app,
        Action::Agenda(agenda::AgendaAction::EndMeeting),
        "11:00:00",
    );
    let turns = app.session.turns.clone();
    go(&mut app, Action::GiveFloor("beve".into()), "11:01:00");
    assert_eq!(app.session.turns, turns);
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("The meeting has ended")
    );
    go(
        &mut app,
        Action::Balance(BalanceAction::ToggleHand("beve".into())),
        "11:01:00",
    );
    assert!(app.session.stack.is_empty());
    // Re-opened: the time it stood ended is a break, and the floor works.
    go(
        &mut app,
        Action::Agenda(agenda::AgendaAction::EndMeeting),
        "11:10:00",
    );
    assert_eq!(app.session.clock.ended, None);
    let last = app.session.clock.breaks.last().unwrap();
    assert_eq!((last.from, last.to), (at("11:00:00"), Some(at("11:10:00"))));
    go(&mut app, Action::GiveFloor("beve".into()), "11:11:00");
    assert_eq!(app.session.turns.last().unwrap().who, "beve");
}

#[test]
fn case_4_a_record_stopped_long_ago_asks_before_counting_the_gap() {
    let mut app = app();
    resume::ask_if_stale(&mut app, at("18:00:00"));
    assert!(app.resume.is_some());
    // Other keys do nothing while it asks.
    assert_eq!(app.action_for(keys::Key::char('b')), None);
    let action = app.action_for(keys::Key::char('c')).unwrap();
    go(&mut app, action, "18:00:01");
    assert_eq!(app.resume, None);
    // The last moment the file records is Alex's start at 10:28.
    assert_eq!(app.session.turns[0].secs, Some(0));
    let mut fresh = self::app();
    resume::ask_if_stale(&mut fresh, at("10:35:00"));
    assert_eq!(fresh.resume, None, "a few minutes is not long ago");
    assert!(timing::stale_open(&fresh.session, at("10:42:00")).is_none());
}

#[test]
fn case_4_quitting_before_the_stale_question_is_answered_counts_none_of_the_gap() {
    let mut app = app();
    let before = app.session.clone();
    resume::ask_if_stale(&mut app, at("18:00:00"));
    // Closing at the quit would make Alex's turn last seven and a half
    // hours: more than the file's own check allows.
    go(&mut app, Action::Quit, "18:00:05");
    assert_eq!(app.session, before);
    let mut stopped = self::app();
    resume::ask_if_stale(&mut stopped, at("18:00:00"));
    go(&mut stopped, Action::Stop, "18:00:05");
    assert_eq!(stopped.session, before);
}

/// Who spoke, and for how long, in the app's speaking log.
fn turns_of(app: &App) -> Vec<(&str, Option<u64>)> {
    let turns = app.session.turns.iter();
    turns.map(|t| (t.who.as_str(), t.secs)).collect()
}

#[test]
fn case_5_a_floor_change_straight_after_another_is_a_correction() {
    let mut app = app();
    go(&mut app, Action::GiveFloor("beve".into()), "10:30:00");
    go(&mut app, Action::GiveFloor("pat".into()), "10:30:01");
    // Pat is absent: refused; now the slip to Alex and back.
    go(&mut app, Action::GiveFloor("alex".into()), "10:30:01");
    let who = turns_of(&app);
    // Beve's one-second turn was a slip: Alex's turn carries on.
    assert_eq!(who, [("alex", None)]);
    go(&mut app, Action::GiveFloor("beve".into()), "10:31:00");
    go(&mut app, Action::SilenceFloor, "10:31:02");
    let who = turns_of(&app);
    assert_eq!(
        who,
        [("alex", Some(180))],
        "a slip of Space takes the slip out"
    );
    // Old files: a 0-second turn is not counted as a turn.
    let mut s = app.session.clone();
    s.turns.push(crate::session::Turn {
        who: "beve".into(),
        at: at("10:32:00"),
        secs: Some(0),
    });
    s.turns.push(crate::session::Turn {
        who: "beve".into(),
        at: at("10:33:00"),
        secs: Some(60),
    });
    let b = Balance::compute(&s, at("10:40:00"));
    assert_eq!(b.people[0].turns, 1);
}

#[test]
fn case_7_the_stack_is_put_in_progressive_order_on_opening() {
    let yaml = "participants:
  - { id: david, name: David, role: staff }
  - { id: marion, name: Marion, role: lived }
  - { id: anil, name: Anil, role: lived }
turns:
  - { who: david, at: 2026-11-22T10:00:00+00:00, secs: 520 }
  - { who: marion, at: 2026-11-22T10:10:00+00:00, secs: 240 }
stack: [david, marion, anil]
";
    let mut app = app_on(&session_yaml(yaml), "10:20:00");
    assert_eq!(app.session.stack, ["anil", "marion", "david"]);
    go(
        &mut app,
        Action::Balance(BalanceAction::CallNext),
        "10:20:00",
    );
    assert_eq!(app.session.turns.last().unwrap().who, "anil");
}

#[test]
fn case_8_more_hands_than_people_present_is_warned() {
    let mut app = app();
    app.pane = Pane::Ladder;
    go(
        &mut app,
        Action::Ladder(ladder::LadderAction::Record),
        "10:40:00",
    );
    for _ in 0..2 {
        go(
            &mut app,
            Action::Ladder(ladder::LadderAction::AddHand),
            "10:40:00",
        );
    }
    assert!(!app.status.clone().unwrap_or_default().contains('⚠'));
    go(
        &mut app,
        Action::Ladder(ladder::LadderAction::AddHand),
        "10:40:00",
    );
    assert_eq!(
        app.status.as_deref(),
        Some("⚠ 3 hands, but only 2 people are present: check the count")
    );
}

#[test]
fn case_10_actions_are_marked_done_or_dropped_in_the_decisions_pane() {
    let mut app = with_proposal(
        "state: agreed, responses: { beve: agree }, decided: 2026-11-22T10:20:00+00:00,
      actions: [ { what: Write, who: beve }, { what: Call, who: alex } ]",
        "10:31:00",
    );
    app.pane = Pane::Decisions;
    crate::app::testing::type_keys(&mut app, "d<Right><Tab><Right><Right><Enter>", "10:31:00");
    let marks: Vec<_> = app.session.decisions[0]
        .actions
        .iter()
        .map(|a| a.state)
        .collect();
    use crate::session::ActionState;
    assert_eq!(marks, [Some(ActionState::Done), Some(ActionState::Dropped)]);
}
