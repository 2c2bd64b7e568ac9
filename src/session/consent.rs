//! Consent rounds as rules on the session: which moves a proposal may make
//! and why a move is refused, the tally by role, and the rubber-stamp check.
//! Pure functions of the session and a given time; the app applies them.

use chrono::NaiveDate;

use super::balance::turn_secs;
use super::timing::{format_duration, working_secs};
use super::{ActionPoint, Decision, DecisionState, Participant, Response, Session, Time};
use crate::text::{fit, one_line};

/// A move the facilitator asks of one proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move<'a> {
    /// Open it for discussion and a consent round.
    Open,
    /// Record or change this participant's answer.
    Answer(&'a str),
    /// Give a reason for this participant's concern or objection.
    Reason(&'a str),
    /// Close the round (or revise a closed one) with this state.
    Close(DecisionState),
    /// Take it off the queue.
    Withdraw,
    /// Put a withdrawn proposal back in the queue.
    PutBack,
    /// Note why a rubber-stamp flag was fine (or not).
    Note,
}

/// The states a round closes with.
pub const CLOSING: [DecisionState; 4] = [
    DecisionState::Agreed,
    DecisionState::Amended,
    DecisionState::Deferred,
    DecisionState::NotAgreed,
];

/// A state as the room says it: `not agreed`, not `not-agreed`.
pub fn state_words(state: DecisionState) -> &'static str {
    match state {
        DecisionState::NotAgreed => "not agreed",
        other => other.id(),
    }
}

/// Whether the state closes a round: the proposal was decided one way or another.
pub fn is_closed(state: DecisionState) -> bool {
    CLOSING.contains(&state)
}

/// Whether the state means the group consented (the rubber-stamp check
/// reads both: an amended proposal was still agreed).
pub fn is_agreement(state: DecisionState) -> bool {
    matches!(state, DecisionState::Agreed | DecisionState::Amended)
}

/// How many of `decisions` were agreed, as proposed or amended.
pub fn agreed_count(decisions: &[Decision]) -> usize {
    decisions.iter().filter(|d| is_agreement(d.state)).count()
}

/// A proposal as a message names it: its text, cut short, in quotes.
pub fn called(decision: &Decision) -> String {
    format!("'{}'", fit(&one_line(&decision.proposal), 40))
}

fn name(session: &Session, id: &str) -> String {
    session
        .participant(id)
        .map_or_else(|| id.to_owned(), |p| one_line(&p.name).into_owned())
}

/// The present participants' answers to `decision`, in participant order.
pub fn present_answers<'s>(
    session: &'s Session,
    decision: &'s Decision,
) -> impl Iterator<Item = (&'s Participant, Response)> {
    session
        .participants
        .iter()
        .filter(|p| p.is_present())
        .filter_map(|p| decision.responses.get(&p.id).map(|r| (p, *r)))
}

/// Whether `mv` is allowed for the proposal at `index`, or the message
/// saying why not, in the facilitator's words.
pub fn check(session: &Session, index: usize, mv: Move) -> Result<(), String> {
    let Some(d) = session.decisions.get(index) else {
        return Err("There is no proposal there; add one first".into());
    };
    let (this, state) = (called(d), d.state);
    let words = state_words(state);
    match mv {
        Move::Open => {
            if let Some(open) = session
                .decisions
                .iter()
                .find(|o| o.state == DecisionState::Open)
            {
                return Err(if open.id == d.id {
                    format!("{this} is already open")
                } else {
                    format!(
                        "{} is open: close its round or withdraw it before opening another",
                        called(open)
                    )
                });
            }
            match state {
                DecisionState::Queued => Ok(()),
                DecisionState::Withdrawn => Err(format!(
                    "{this} was withdrawn, so it cannot be opened; put it back in the queue first"
                )),
                _ => Err(format!(
                    "{this} was already decided ({words}); a closed round is not opened again"
                )),
            }
        }
        Move::Answer(who) | Move::Reason(who) => {
            if state != DecisionState::Open {
                return Err(format!(
                    "{this} is {words}: answers are recorded only while a proposal is open"
                ));
            }
            let Some(p) = session.participant(who) else {
                return Err(format!("Nobody with the id '{who}' is in participants"));
            };
            let name = one_line(&p.name);
            if !p.is_present() {
                return Err(format!(
                    "{name} is marked absent: only people present answer"
                ));
            }
            if let Move::Reason(_) = mv {
                match d.responses.get(&p.id) {
                    Some(Response::Concern | Response::Object) => {}
                    Some(other) => {
                        return Err(format!(
                            "A reason goes with a concern or an objection; {name}'s answer is {}",
                            other.id()
                        ));
                    }
                    None => {
                        return Err(format!(
                            "{name} has not answered yet; a reason goes with a concern or an objection"
                        ));
                    }
                }
            }
            Ok(())
        }
        Move::Close(to) => {
            if !is_closed(to) {
                return Err(format!(
                    "A round closes as agreed, amended, deferred or not agreed, not {}",
                    state_words(to)
                ));
            }
            match state {
                DecisionState::Withdrawn => {
                    return Err(format!(
                        "{this} was withdrawn: a withdrawn proposal cannot be {}",
                        state_words(to)
                    ));
                }
                DecisionState::Queued => {
                    return Err(format!(
                        "{this} is queued: only an open round can be closed; open it first"
                    ));
                }
                DecisionState::Open if present_answers(session, d).next().is_none() => {
                    return Err(format!(
                        "Nobody present has answered {this} yet: record answers before closing the round"
                    ));
                }
                _ => {}
            }
            let objectors: Vec<String> = present_answers(session, d)
                .filter(|(_, r)| *r == Response::Object)
                .map(|(p, _)| one_line(&p.name).into_owned())
                .collect();
            if to == DecisionState::Agreed && !objectors.is_empty() {
                let verb = if objectors.len() == 1 {
                    "objects"
                } else {
                    "object"
                };
                return Err(format!(
                    "{} {verb}, so {this} cannot be agreed as it stands: amend it, defer it or close it as not agreed",
                    objectors.join(" and ")
                ));
            }
            Ok(())
        }
        Move::Withdraw => match state {
            DecisionState::Queued | DecisionState::Open => Ok(()),
            DecisionState::Withdrawn => Err(format!("{this} is already withdrawn")),
            _ => Err(format!(
                "{this} was decided ({words}); a decided proposal is not withdrawn"
            )),
        },
        Move::PutBack => match state {
            DecisionState::Withdrawn => Ok(()),
            _ => Err(format!(
                "{this} is {words}, not withdrawn: only a withdrawn proposal goes back in the queue"
            )),
        },
        Move::Note => match d.rubber_stamp {
            Some(_) => Ok(()),
            None => Err(format!(
                "{this} was not flagged as a possible rubber stamp, so there is nothing to note"
            )),
        },
    }
}

/// Opens the proposal at `index` for discussion at `now`.
pub fn open(session: &mut Session, index: usize, now: Time) {
    if let Some(d) = session.decisions.get_mut(index) {
        d.state = DecisionState::Open;
        d.opened = Some(now);
    }
}

/// Records `who`'s answer; an answer that needs no reason drops an old one.
pub fn answer(session: &mut Session, index: usize, who: &str, response: Response) {
    if let Some(d) = session.decisions.get_mut(index) {
        d.responses.insert(who.to_owned(), response);
        if matches!(response, Response::Agree | Response::Abstain) {
            d.reasons.remove(&who.to_owned());
        }
    }
}

/// Sets (or, with `None`, removes) `who`'s reason.
pub fn set_reason(session: &mut Session, index: usize, who: &str, reason: Option<String>) {
    if let Some(d) = session.decisions.get_mut(index) {
        match reason {
            Some(reason) => {
                d.reasons.insert(who.to_owned(), reason);
            }
            None => {
                d.reasons.remove(&who.to_owned());
            }
        }
    }
}

/// What a round closes with, as the facilitator gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Closing {
    pub state: DecisionState,
    pub outcome: String,
    pub review: Option<NaiveDate>,
    pub actions: Vec<ActionPoint>,
}

/// Closes the round of the proposal at `index` (or revises a closed one):
/// `decided` is written when an open round closes, and the rubber-stamp
/// reason is worked out afresh for an agreement, else cleared.
pub fn close(session: &mut Session, index: usize, closing: Closing, now: Time) {
    let Some(d) = session.decisions.get(index) else {
        return;
    };
    let decided = match (d.state, d.decided) {
        (DecisionState::Open, _) | (_, None) => now,
        (_, Some(decided)) => decided,
    };
    let stamp = is_agreement(closing.state)
        .then(|| rubber_stamp(session, d, decided, now).flag())
        .flatten();
    let d = &mut session.decisions[index];
    d.state = closing.state;
    d.outcome = Some(closing.outcome);
    d.review = closing.review;
    d.actions = closing.actions;
    d.decided = Some(decided);
    d.rubber_stamp = stamp;
}

/// Withdraws the proposal at `index`, or puts a withdrawn one back.
pub fn set_withdrawn(session: &mut Session, index: usize, withdrawn: bool) {
    if let Some(d) = session.decisions.get_mut(index) {
        d.state = if withdrawn {
            DecisionState::Withdrawn
        } else {
            DecisionState::Queued
        };
    }
}

/// The answers of one role's present people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleTally {
    /// The role id.
    pub role: String,
    /// How many answered each of [`Response::ALL`], in that order.
    pub counts: [usize; 4],
    /// Present people of the role who have not answered.
    pub waiting: usize,
}

impl RoleTally {
    /// How many answered `response`.
    pub fn count(&self, response: Response) -> usize {
        Response::ALL
            .iter()
            .position(|r| *r == response)
            .map_or(0, |i| self.counts[i])
    }
}

/// The answers to `decision` by role, in the order of `roles`. Absent people
/// are left out, answered or not: the round is the room's.
pub fn tally_by_role(session: &Session, decision: &Decision) -> Vec<RoleTally> {
    session
        .roles
        .iter()
        .map(|role| {
            let mut tally = RoleTally {
                role: role.id.clone(),
                counts: [0; 4],
                waiting: 0,
            };
            let people = session
                .participants
                .iter()
                .filter(|p| p.is_present() && p.role == role.id);
            for p in people {
                match decision.responses.get(&p.id) {
                    Some(r) => {
                        let i = Response::ALL.iter().position(|x| x == r).unwrap_or(0);
                        tally.counts[i] += 1;
                    }
                    None => tally.waiting += 1,
                }
            }
            tally
        })
        .collect()
}

/// What the rubber-stamp check found for a proposal if agreed at `end`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stamp {
    /// Why it looks like a rubber stamp, one reason each; empty when it does not.
    pub reasons: Vec<String>,
    /// What the check could not tell from the file, and why.
    pub unknown: Vec<String>,
}

impl Stamp {
    /// The text written in `rubber_stamp:`, if the check fired.
    pub fn flag(&self) -> Option<String> {
        (!self.reasons.is_empty()).then(|| self.reasons.join(". "))
    }
}

/// Checks `decision` as if agreed at `end` (the speaking log's open turn
/// runs to `now`). It looks like a rubber stamp when (1) its proposer's role
/// holds power and nobody from a role without power spoke between `opened`
/// and `end`, or (2) every present person who answered agreed and the
/// discussion took less than `settings.quick_agreement_secs()`, less breaks.
/// When the file cannot tell (no `opened`, or no turns logged in the
/// window) it says so in `unknown` rather than guessing.
pub fn rubber_stamp(session: &Session, decision: &Decision, end: Time, now: Time) -> Stamp {
    let mut stamp = Stamp::default();
    let role_of = |id: &str| {
        let p = session.participant(id)?;
        session.roles.iter().find(|r| r.id == p.role)
    };
    let power_role = role_of(&decision.proposed_by).filter(|r| r.has_power());
    let answers: Vec<Response> = present_answers(session, decision).map(|(_, r)| r).collect();
    let all_agree = !answers.is_empty() && answers.iter().all(|r| *r == Response::Agree);
    if power_role.is_none() && !all_agree {
        return stamp;
    }
    let Some(opened) = decision.opened else {
        stamp
            .unknown
            .push("no opening time is recorded, so its discussion cannot be checked".to_owned());
        return stamp;
    };
    if let Some(role) = power_role {
        let spoke: Vec<&str> = session
            .turns
            .iter()
            .filter(|t| {
                let until = super::timing::after_secs(t.at, turn_secs(session, t, now));
                t.at < end && (t.at >= opened || until > opened)
            })
            .map(|t| t.who.as_str())
            .collect();
        if spoke.is_empty() {
            stamp.unknown.push(format!(
                "no turns were logged between {} and {}, so who spoke in its discussion is not known",
                opened.format("%H:%M"),
                end.format("%H:%M")
            ));
        } else if !spoke
            .iter()
            .any(|who| role_of(who).is_some_and(|r| !r.has_power()))
        {
            stamp.reasons.push(format!(
                "Proposed by {} ({}, a role with power) and nobody from a role without power spoke in its discussion",
                name(session, &decision.proposed_by),
                one_line(&role.label)
            ));
        }
    }
    let took = working_secs(&session.clock, opened, end, now);
    let quick = session.settings.quick_agreement_secs();
    if all_agree && took < quick {
        stamp.reasons.push(format!(
            "Everyone who answered agreed, without a single concern, after {} of discussion (under {})",
            format_duration(took),
            format_duration(quick)
        ));
    }
    stamp
}

#[cfg(test)]
mod tests {
    use super::*;

    const SESSION: &str = "format: 1
title: T
board: B
date: 2026-11-22
roles:
  - { id: lived, label: Lived experience }
  - { id: carer, label: Carers }
  - { id: staff, label: Staff, power: true }
participants:
  - { id: beve, name: Beve, role: lived }
  - { id: dulcie, name: Dulcie, role: carer }
  - { id: alex, name: Alex, role: staff }
  - { id: jon, name: Jon, role: staff }
  - { id: pat, name: Pat, role: lived, present: false }
decisions:
  - { id: q, proposal: Queued one, proposed_by: alex, state: queued }
  - { id: o, proposal: Open one, proposed_by: alex, state: open,
      opened: 2026-11-22T10:00:00+00:00 }
  - { id: w, proposal: Withdrawn one, proposed_by: beve, state: withdrawn }
  - { id: a, proposal: Agreed one, proposed_by: beve, state: agreed }
";

    fn session() -> Session {
        serde_yaml::from_str(SESSION).unwrap()
    }

    fn at(hms: &str) -> Time {
        Time::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap()
    }

    fn refused(session: &Session, index: usize, mv: Move) -> String {
        check(session, index, mv).expect_err("refused")
    }

    #[test]
    fn opening_needs_a_queued_proposal_and_no_other_open() {
        let mut s = session();
        assert_eq!(
            refused(&s, 0, Move::Open),
            "'Open one' is open: close its round or withdraw it before opening another"
        );
        assert_eq!(refused(&s, 1, Move::Open), "'Open one' is already open");
        s.decisions[1].state = DecisionState::Deferred;
        assert_eq!(check(&s, 0, Move::Open), Ok(()));
        assert_eq!(
            refused(&s, 2, Move::Open),
            "'Withdrawn one' was withdrawn, so it cannot be opened; put it back in the queue first"
        );
        assert_eq!(
            refused(&s, 3, Move::Open),
            "'Agreed one' was already decided (agreed); a closed round is not opened again"
        );
        assert_eq!(
            refused(&s, 9, Move::Open),
            "There is no proposal there; add one first"
        );
    }

    #[test]
    fn answers_need_an_open_round_and_a_present_person() {
        let mut s = session();
        assert_eq!(check(&s, 1, Move::Answer("beve")), Ok(()));
        assert_eq!(
            refused(&s, 0, Move::Answer("beve")),
            "'Queued one' is queued: answers are recorded only while a proposal is open"
        );
        assert_eq!(
            refused(&s, 1, Move::Answer("pat")),
            "Pat is marked absent: only people present answer"
        );
        assert_eq!(
            refused(&s, 1, Move::Answer("nobody")),
            "Nobody with the id 'nobody' is in participants"
        );
        assert_eq!(
            refused(&s, 1, Move::Reason("beve")),
            "Beve has not answered yet; a reason goes with a concern or an objection"
        );
        answer(&mut s, 1, "beve", Response::Agree);
        assert_eq!(
            refused(&s, 1, Move::Reason("beve")),
            "A reason goes with a concern or an objection; Beve's answer is agree"
        );
        answer(&mut s, 1, "beve", Response::Concern);
        assert_eq!(check(&s, 1, Move::Reason("beve")), Ok(()));
    }

    #[test]
    fn a_changed_answer_keeps_a_reason_only_while_it_needs_one() {
        let mut s = session();
        answer(&mut s, 1, "beve", Response::Concern);
        set_reason(&mut s, 1, "beve", Some("Too fast".into()));
        answer(&mut s, 1, "beve", Response::Object);
        assert_eq!(
            s.decisions[1].reasons.get(&"beve".to_owned()).unwrap(),
            "Too fast"
        );
        answer(&mut s, 1, "beve", Response::Agree);
        assert!(s.decisions[1].reasons.is_empty());
        assert_eq!(s.decisions[1].responses.len(), 1);
    }

    #[test]
    fn closing_needs_an_open_round_with_answers_and_no_objection_to_agree() {
        let mut s = session();
        let agree = Move::Close(DecisionState::Agreed);
        assert_eq!(
            refused(&s, 1, agree),
            "Nobody present has answered 'Open one' yet: record answers before closing the round"
        );
        // An absent person's answer does not make a round.
        s.decisions[1]
            .responses
            .insert("pat".into(), Response::Agree);
        assert!(check(&s, 1, agree).is_err());
        answer(&mut s, 1, "beve", Response::Object);
        assert_eq!(
            refused(&s, 1, agree),
            "Beve objects, so 'Open one' cannot be agreed as it stands: amend it, defer it or close it as not agreed"
        );
        for state in [
            DecisionState::Amended,
            DecisionState::Deferred,
            DecisionState::NotAgreed,
        ] {
            assert_eq!(check(&s, 1, Move::Close(state)), Ok(()), "{state:?}");
        }
        assert_eq!(
            refused(&s, 1, Move::Close(DecisionState::Withdrawn)),
            "A round closes as agreed, amended, deferred or not agreed, not withdrawn"
        );
        assert_eq!(
            refused(&s, 0, agree),
            "'Queued one' is queued: only an open round can be closed; open it first"
        );
        assert_eq!(
            refused(&s, 2, agree),
            "'Withdrawn one' was withdrawn: a withdrawn proposal cannot be agreed"
        );
        // A closed round may be revised.
        assert_eq!(check(&s, 3, Move::Close(DecisionState::Amended)), Ok(()));
    }

    #[test]
    fn withdrawing_and_putting_back() {
        let s = session();
        assert_eq!(check(&s, 0, Move::Withdraw), Ok(()));
        assert_eq!(check(&s, 1, Move::Withdraw), Ok(()));
        assert_eq!(
            refused(&s, 2, Move::Withdraw),
            "'Withdrawn one' is already withdrawn"
        );
        assert_eq!(
            refused(&s, 3, Move::Withdraw),
            "'Agreed one' was decided (agreed); a decided proposal is not withdrawn"
        );
        assert_eq!(check(&s, 2, Move::PutBack), Ok(()));
        assert_eq!(
            refused(&s, 0, Move::PutBack),
            "'Queued one' is queued, not withdrawn: only a withdrawn proposal goes back in the queue"
        );
        assert_eq!(
            refused(&s, 3, Move::Note),
            "'Agreed one' was not flagged as a possible rubber stamp, so there is nothing to note"
        );
    }

    #[test]
    fn tallies_by_role_leave_absent_people_out() {
        let mut s = session();
        answer(&mut s, 1, "beve", Response::Concern);
        answer(&mut s, 1, "alex", Response::Agree);
        s.decisions[1]
            .responses
            .insert("pat".into(), Response::Object);
        let tally = tally_by_role(&s, &s.decisions[1]);
        let lived = &tally[0];
        assert_eq!(lived.role, "lived");
        assert_eq!(lived.counts, [0, 1, 0, 0], "Pat is absent");
        assert_eq!(lived.waiting, 0);
        assert_eq!(tally[1].waiting, 1);
        assert_eq!(tally[2].count(Response::Agree), 1);
        assert_eq!(tally[2].waiting, 1);
    }

    /// The open proposal, proposed by staff at 10:00, with these turns logged.
    fn with_turns(turns: &str) -> Session {
        let mut s: Session = serde_yaml::from_str(&format!("{SESSION}turns:\n{turns}")).unwrap();
        answer(&mut s, 1, "beve", Response::Agree);
        answer(&mut s, 1, "dulcie", Response::Concern);
        s
    }

    #[test]
    fn a_power_proposal_with_only_power_voices_is_flagged() {
        let s = with_turns(
            "  - { who: beve, at: 2026-11-22T09:50:00+00:00, secs: 60 }
  - { who: alex, at: 2026-11-22T10:00:30+00:00, secs: 200 }
  - { who: jon, at: 2026-11-22T10:04:00+00:00, secs: 60 }
  - { who: dulcie, at: 2026-11-22T10:30:00+00:00, secs: 60 }
",
        );
        let stamp = rubber_stamp(&s, &s.decisions[1], at("10:10:00"), at("10:10:00"));
        assert_eq!(
            stamp.flag().unwrap(),
            "Proposed by Alex (Staff, a role with power) and nobody from a role without power spoke in its discussion"
        );
        assert!(stamp.unknown.is_empty());
    }

    #[test]
    fn a_voice_without_power_in_the_window_clears_the_flag() {
        // Beve's turn began before the proposal was opened but ran into it.
        let s = with_turns(
            "  - { who: beve, at: 2026-11-22T09:59:00+00:00, secs: 120 }
  - { who: alex, at: 2026-11-22T10:01:00+00:00, secs: 200 }
",
        );
        let stamp = rubber_stamp(&s, &s.decisions[1], at("10:10:00"), at("10:10:00"));
        assert_eq!(stamp, Stamp::default());
        // Still speaking now: the open turn runs to now.
        let s = with_turns("  - { who: dulcie, at: 2026-11-22T10:05:00+00:00 }\n");
        let stamp = rubber_stamp(&s, &s.decisions[1], at("10:10:00"), at("10:10:00"));
        assert_eq!(stamp, Stamp::default());
    }

    #[test]
    fn an_empty_log_is_said_not_guessed() {
        let s = with_turns("  - { who: beve, at: 2026-11-22T09:00:00+00:00, secs: 60 }\n");
        let stamp = rubber_stamp(&s, &s.decisions[1], at("10:10:00"), at("10:10:00"));
        assert_eq!(stamp.flag(), None);
        assert_eq!(
            stamp.unknown,
            [
                "no turns were logged between 10:00 and 10:10, so who spoke in its discussion is not known"
            ]
        );
        let mut s = s;
        s.decisions[1].opened = None;
        let stamp = rubber_stamp(&s, &s.decisions[1], at("10:10:00"), at("10:10:00"));
        assert_eq!(
            stamp.unknown,
            ["no opening time is recorded, so its discussion cannot be checked"]
        );
    }

    #[test]
    fn a_quick_unanimous_agreement_is_flagged_and_a_slow_one_is_not() {
        let mut s = with_turns("  - { who: beve, at: 2026-11-22T10:00:10+00:00, secs: 30 }\n");
        s.decisions[1].proposed_by = "beve".into();
        answer(&mut s, 1, "dulcie", Response::Agree);
        let quick = rubber_stamp(&s, &s.decisions[1], at("10:01:30"), at("10:01:30"));
        assert_eq!(
            quick.flag().unwrap(),
            "Everyone who answered agreed, without a single concern, after 1:30 of discussion (under 2:00)"
        );
        let slow = rubber_stamp(&s, &s.decisions[1], at("10:02:00"), at("10:02:00"));
        assert_eq!(slow.flag(), None, "two minutes is not under two minutes");
        // The group's own threshold is read from settings.
        s.settings.quick_agreement_secs = Some(60);
        let quick = rubber_stamp(&s, &s.decisions[1], at("10:01:30"), at("10:01:30"));
        assert_eq!(quick.flag(), None);
        // One concern and it is not unanimous.
        s.settings.quick_agreement_secs = None;
        answer(&mut s, 1, "dulcie", Response::Concern);
        let stamp = rubber_stamp(&s, &s.decisions[1], at("10:01:30"), at("10:01:30"));
        assert_eq!(stamp.flag(), None);
    }

    #[test]
    fn closing_writes_decided_and_the_flag_only_for_an_agreement() {
        let mut s = with_turns("  - { who: alex, at: 2026-11-22T10:00:10+00:00, secs: 300 }\n");
        let closing = |state| Closing {
            state,
            outcome: "Agreed".into(),
            review: None,
            actions: vec![],
        };
        let mut not = s.clone();
        close(
            &mut not,
            1,
            closing(DecisionState::NotAgreed),
            at("10:20:00"),
        );
        assert_eq!(not.decisions[1].rubber_stamp, None);
        close(&mut s, 1, closing(DecisionState::Amended), at("10:20:00"));
        let d = &s.decisions[1];
        assert_eq!(d.decided, Some(at("10:20:00")));
        assert_eq!(d.state, DecisionState::Amended);
        assert!(
            d.rubber_stamp
                .as_deref()
                .unwrap()
                .starts_with("Proposed by Alex")
        );
        // Revising later keeps the time it was decided.
        close(&mut s, 1, closing(DecisionState::Agreed), at("10:40:00"));
        assert_eq!(s.decisions[1].decided, Some(at("10:20:00")));
    }
}
