//! The rubber-stamp check: a proposal presented by a role with power and
//! agreed while only power roles spoke, or agreed by everyone in a rush.
//! Worked out from the record wherever an agreed proposal is shown, so a
//! hand-written proposal is checked as surely as one the app closed.

use super::balance::{Tally, turn_secs};
use super::consent::{is_agreement, present_answers};
use super::timing::{format_duration, record_end_with, working_secs};
use super::{Decision, Response, Session, Time};
use crate::text::one_line;

fn name(session: &Session, id: &str) -> String {
    session
        .participant(id)
        .map_or_else(|| id.to_owned(), |p| one_line(&p.name).into_owned())
}

/// Where the discussion of `decision` began: when it was opened, else
/// when its agenda item started.
pub fn window_start(session: &Session, decision: &Decision) -> Option<Time> {
    decision.opened.or_else(|| {
        let item = decision.item.as_deref()?;
        session.agenda.iter().find(|i| i.id == item)?.started
    })
}

/// The flag to show on `decision`: the check worked out from the record,
/// or where the record cannot tell (no opening time, no turns logged), the
/// reason stored when its round closed.
pub fn shown_flag(session: &Session, decision: &Decision, now: Time) -> Option<String> {
    shown(decision, &derived(session, decision, now))
}

/// The flag to show on `decision` whose check as the record stands (see
/// [`derived`]) found `stamp`, as [`shown_flag`] says.
pub fn shown(decision: &Decision, stamp: &Stamp) -> Option<String> {
    let stored = || {
        let unsure = !stamp.unknown.is_empty() && is_agreement(decision.state);
        unsure.then(|| decision.rubber_stamp.clone()).flatten()
    };
    stamp.flag().or_else(stored)
}

/// The check on an agreed proposal as the record stands: up to when it was
/// decided (else the end of the record). Nothing for a proposal not agreed.
pub fn derived(session: &Session, decision: &Decision, now: Time) -> Stamp {
    derived_with(session, None, decision, now)
}

/// [`derived`], reading who spoke from `tally` when given (it must fit
/// `session`: see [`Tally::fits`]) rather than from the whole log.
pub fn derived_with(
    session: &Session,
    tally: Option<&Tally>,
    decision: &Decision,
    now: Time,
) -> Stamp {
    if !is_agreement(decision.state) {
        return Stamp::default();
    }
    let log_end = || match tally {
        Some(tally) => tally.log_end(session),
        None => session.turns.iter().map(turn_end).max(),
    };
    match decision
        .decided
        .or_else(|| record_end_with(session, log_end))
    {
        Some(end) => rubber_stamp_with(session, tally, decision, end, now),
        None => Stamp::default(),
    }
}

/// Where a turn ends as the record's end reads it: its `secs` in full, an
/// open turn at its start.
fn turn_end(turn: &super::Turn) -> Time {
    super::timing::after_secs(turn.at, turn.secs.unwrap_or(0))
}

/// Who spoke from `from` up to `end` (see [`Tally::spoke_between`]): from
/// `tally` when given, else from a pass over the whole log.
pub fn spoke_between<'s>(
    session: &'s Session,
    tally: Option<&Tally>,
    (from, end): (Time, Time),
    now: Time,
) -> (bool, Vec<&'s str>) {
    if let Some(tally) = tally {
        return tally.spoke_between(session, from, end, now);
    }
    let spoke: Vec<&str> = session
        .turns
        .iter()
        .filter(|t| {
            let until = super::timing::after_secs(t.at, turn_secs(session, t, now));
            t.at < end && (t.at >= from || until > from)
        })
        .map(|t| t.who.as_str())
        .collect();
    (!spoke.is_empty(), spoke)
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
/// (else its item's start) and `end`, or (2) every present person who answered agreed and the
/// discussion took less than `settings.quick_agreement_secs()`, less breaks.
/// When the file cannot tell (no `opened`, or no turns logged in the
/// window) it says so in `unknown` rather than guessing.
pub fn rubber_stamp(session: &Session, decision: &Decision, end: Time, now: Time) -> Stamp {
    rubber_stamp_with(session, None, decision, end, now)
}

/// [`rubber_stamp`], reading who spoke from `tally` when given (it must
/// fit `session`: see [`Tally::fits`]) rather than from the whole log.
pub fn rubber_stamp_with(
    session: &Session,
    tally: Option<&Tally>,
    decision: &Decision,
    end: Time,
    now: Time,
) -> Stamp {
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
    let Some(opened) = window_start(session, decision) else {
        stamp.unknown.push(
            "no opening time (nor a start for its item) is recorded, so its discussion cannot be checked"
                .to_owned(),
        );
        return stamp;
    };
    if let Some(role) = power_role {
        let (anyone, spoke) = spoke_between(session, tally, (opened, end), now);
        if !anyone {
            // Across a change of clocks, each time says its offset.
            let face = super::offsets::TimeOfDay::of_record(session);
            stamp.unknown.push(format!(
                "no turns were logged between {} and {}, so who spoke in its discussion is not known",
                face.hm(opened),
                face.hm(end)
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
    use crate::session::DecisionState;
    use crate::session::consent::{Closing, answer, close};

    /// The consent tests' meeting with an item started at 10:00.
    fn session_text() -> String {
        format!(
            "{}agenda:\n  - {{ id: money, title: Money, minutes: 10, started: 2026-11-22T10:00:00+00:00 }}\n",
            crate::session::consent::tests::SESSION
        )
    }

    fn at(hms: &str) -> Time {
        Time::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap()
    }

    /// The open proposal, proposed by staff at 10:00, with these turns logged.
    fn with_turns(turns: &str) -> Session {
        let mut s: Session =
            serde_yaml::from_str(&format!("{}turns:\n{turns}", session_text())).unwrap();
        answer(&mut s, 1, "beve", Response::Agree, at("10:00:00"));
        answer(&mut s, 1, "dulcie", Response::Concern, at("10:00:00"));
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
        // A record across a change of clocks: each time says its offset.
        let across = with_turns("  - { who: beve, at: 2026-11-22T09:00:00+01:00, secs: 60 }\n");
        let stamp = rubber_stamp(
            &across,
            &across.decisions[1],
            at("10:10:00"),
            at("10:10:00"),
        );
        assert_eq!(
            stamp.unknown,
            [
                "no turns were logged between 10:00 UTC and 10:10 UTC, so who spoke in its discussion is not known"
            ]
        );
        let mut s = s;
        s.decisions[1].opened = None;
        let stamp = rubber_stamp(&s, &s.decisions[1], at("10:10:00"), at("10:10:00"));
        assert_eq!(
            stamp.unknown,
            [
                "no opening time (nor a start for its item) is recorded, so its discussion cannot be checked"
            ]
        );
    }

    #[test]
    fn a_quick_unanimous_agreement_is_flagged_and_a_slow_one_is_not() {
        let mut s = with_turns("  - { who: beve, at: 2026-11-22T10:00:10+00:00, secs: 30 }\n");
        s.decisions[1].proposed_by = "beve".into();
        answer(&mut s, 1, "dulcie", Response::Agree, at("10:00:00"));
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
        answer(&mut s, 1, "dulcie", Response::Concern, at("10:00:00"));
        let stamp = rubber_stamp(&s, &s.decisions[1], at("10:01:30"), at("10:01:30"));
        assert_eq!(stamp.flag(), None);
    }

    #[test]
    fn a_hand_written_agreement_is_checked_from_its_items_start() {
        // No `opened`: the window starts with the item; only staff spoke.
        let mut s = with_turns(
            "  - { who: alex, at: 2026-11-22T10:01:00+00:00, secs: 200 }
  - { who: jon, at: 2026-11-22T10:05:00+00:00, secs: 60 }
",
        );
        let d = &mut s.decisions[1];
        d.opened = None;
        d.item = Some("money".into());
        d.state = crate::session::DecisionState::Agreed;
        d.decided = Some(at("10:08:00"));
        let stamp = derived(&s, &s.decisions[1], at("12:00:00"));
        assert!(
            stamp.flag().unwrap().starts_with("Proposed by Alex"),
            "{stamp:?}"
        );
        // Deferred: nothing to flag, whatever the file says.
        s.decisions[1].state = crate::session::DecisionState::Deferred;
        assert_eq!(
            derived(&s, &s.decisions[1], at("12:00:00")),
            Stamp::default()
        );
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
