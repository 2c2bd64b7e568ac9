//! Consent rounds as rules on the session: which moves a proposal may make
//! and why a move is refused, the tally by role, and the rubber-stamp check.
//! Pure functions of the session and a given time; the app applies them.

use chrono::NaiveDate;

use super::attendance::present_at;
pub use super::rubber_stamp::{Stamp, rubber_stamp};
use super::{
    ActionPoint, Decision, DecisionState, EarlierAnswer, Participant, Response, Session, Time,
};
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

/// Whether `p` counts in the round on `decision`: for a closed round,
/// whether they were in the room when it closed, so that the round stays
/// as it closed for ever, whoever leaves later; for an open one, whether
/// they are present now.
pub fn counted(decision: &Decision, p: &Participant) -> bool {
    match decision.decided {
        Some(decided) if is_closed(decision.state) => present_at(p, decided),
        _ => p.is_present(),
    }
}

/// The counted participants' answers to `decision` (see [`counted`]), in
/// participant order.
pub fn present_answers<'s>(
    session: &'s Session,
    decision: &'s Decision,
) -> impl Iterator<Item = (&'s Participant, Response)> {
    session
        .participants
        .iter()
        .filter(|p| counted(decision, p))
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
        Move::Note => match d.rubber_stamp.as_ref().or(flagged_now(session, d).as_ref()) {
            Some(_) => Ok(()),
            None => Err(format!(
                "{this} was not flagged as a possible rubber stamp, so there is nothing to note"
            )),
        },
    }
}

/// The flag the record gives `d` at its end (hand-written agreements too),
/// so the facilitator can note it.
fn flagged_now(session: &Session, d: &Decision) -> Option<String> {
    let end = super::timing::record_end(session)?;
    super::rubber_stamp::shown_flag(session, d, end)
}

/// Opens the proposal at `index` for discussion at `now`.
pub fn open(session: &mut Session, index: usize, now: Time) {
    if let Some(d) = session.decisions.get_mut(index) {
        d.state = DecisionState::Open;
        d.opened = Some(now);
    }
}

/// Records `who`'s answer at `now`; an answer that needs no reason drops
/// an old one. A changed answer is kept, with its reason, in
/// `earlier_answers`: "objected (reason), then agreed" is the record.
pub fn answer(session: &mut Session, index: usize, who: &str, response: Response, now: Time) {
    if let Some(d) = session.decisions.get_mut(index) {
        let who = who.to_owned();
        if let Some(&was) = d.responses.get(&who).filter(|&&was| was != response) {
            d.earlier_answers.push(EarlierAnswer {
                who: who.clone(),
                answer: was,
                reason: d.reasons.get(&who).cloned(),
                until: now,
            });
        }
        let who = who.as_str();
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
    let agreed = is_agreement(closing.state);
    let stamp = agreed
        .then(|| rubber_stamp(session, d, decided, now).flag())
        .flatten();
    let d = &mut session.decisions[index];
    d.state = closing.state;
    d.outcome = Some(closing.outcome);
    d.review = closing.review;
    d.actions = closing.actions;
    d.decided = Some(decided);
    // A note on a flag goes with the flag: a proposal no longer agreed
    // has nothing left for it to explain.
    if stamp.is_none() {
        d.rubber_stamp_note = None;
    }
    d.rubber_stamp = stamp;
}

/// Changes the wording of the proposal at `index` at `now`, keeping the
/// one it replaces in `wordings`.
pub fn reword(session: &mut Session, index: usize, proposal: String, now: Time) {
    if let Some(d) = session.decisions.get_mut(index)
        && d.proposal != proposal
    {
        let was = std::mem::replace(&mut d.proposal, proposal);
        d.wordings.push(super::Wording {
            proposal: was,
            until: now,
        });
    }
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
                .filter(|p| counted(decision, p) && p.role == role.id);
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Five people (Pat absent), staff holding power, and a proposal in each
    /// state; the rubber-stamp tests share it.
    pub(crate) const SESSION: &str = "format: 1
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
        answer(&mut s, 1, "beve", Response::Agree, at("10:00:00"));
        assert_eq!(
            refused(&s, 1, Move::Reason("beve")),
            "A reason goes with a concern or an objection; Beve's answer is agree"
        );
        answer(&mut s, 1, "beve", Response::Concern, at("10:00:00"));
        assert_eq!(check(&s, 1, Move::Reason("beve")), Ok(()));
    }

    #[test]
    fn a_changed_answer_keeps_a_reason_only_while_it_needs_one() {
        let mut s = session();
        answer(&mut s, 1, "beve", Response::Concern, at("10:00:00"));
        set_reason(&mut s, 1, "beve", Some("Too fast".into()));
        answer(&mut s, 1, "beve", Response::Object, at("10:00:00"));
        assert_eq!(
            s.decisions[1].reasons.get(&"beve".to_owned()).unwrap(),
            "Too fast"
        );
        answer(&mut s, 1, "beve", Response::Agree, at("10:00:00"));
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
        answer(&mut s, 1, "beve", Response::Object, at("10:00:00"));
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
        answer(&mut s, 1, "beve", Response::Concern, at("10:00:00"));
        answer(&mut s, 1, "alex", Response::Agree, at("10:00:00"));
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
}
