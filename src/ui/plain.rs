//! `coproduce follow --plain`: the room view as plain sentences, one each
//! time something the room would notice changes, for a screen reader or a
//! braille display. No block letters, no columns: "10:42 Marion has the
//! floor". The same privacy as the room view: people by their room name,
//! no notes or needs, every character safe for a terminal.

use crate::app::decisions::open_index;
use crate::session::balance::floor;
use crate::session::consent::{present_answers, state_words};
use crate::session::offsets::TimeOfDay;
use crate::session::timing::{current_break, item_used_secs, running_item};
use crate::session::{Session, Time};
use crate::text::{one_line, visible};

use super::cards::card_words;
use super::parts::room_name_of;

/// Minutes left at which the time box is told again as it runs down.
const MINUTES_TOLD: [i64; 5] = [10, 5, 2, 1, 0];

/// What the room hears about: worked out from one state of the file at one time.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Heard {
    floor: Option<String>,
    /// The running item's number and title.
    item: Option<(usize, String)>,
    /// Whole minutes left in the running item's box (negative: over).
    minutes_left: Option<i64>,
    on_break: bool,
    ended: bool,
    /// The open proposal: its id, text, answers so far and people present.
    proposal: Option<(String, String, usize, usize)>,
    /// Each proposal's id and state word, to tell when one is decided.
    states: Vec<(String, &'static str)>,
    /// The card held up and what the room view says of it.
    card: Option<String>,
}

fn heard(s: &Session, now: Time) -> Heard {
    let item = running_item(s);
    let minutes_left = item.map(|i| {
        let item = &s.agenda[i];
        let used = item_used_secs(item, &s.clock, now).unwrap_or(0);
        let left = i64::from(item.minutes) * 60 - i64::try_from(used).unwrap_or(i64::MAX);
        // Whole minutes, rounded up while time is left: "1 minute left"
        // until the box is over.
        if left > 0 {
            (left + 59) / 60
        } else {
            left / 60
        }
    });
    let present = s.participants.iter().filter(|p| p.is_present()).count();
    Heard {
        floor: floor(s).map(|t| room_name_of(s, &t.who)),
        item: item.map(|i| (i + 1, one_line(&s.agenda[i].title).into_owned())),
        minutes_left,
        on_break: current_break(&s.clock, now).is_some(),
        ended: s.clock.ended.is_some(),
        proposal: open_index(s).map(|i| {
            let d = &s.decisions[i];
            let answered = present_answers(s, d).count();
            (
                d.id.clone(),
                one_line(&d.proposal).into_owned(),
                answered,
                present,
            )
        }),
        states: s
            .decisions
            .iter()
            .map(|d| (d.id.clone(), state_words(d.state)))
            .collect(),
        card: card_words(s, now).map(|(name, said, big)| {
            format!("{}{said}: {big}", name.trim_start_matches('▣').trim())
        }),
    }
}

fn minutes(n: i64) -> String {
    match n.abs() {
        1 => "1 minute".into(),
        n => format!("{n} minutes"),
    }
}

fn time_left(item: &(usize, String), left: i64) -> String {
    let (number, title) = item;
    if left >= 0 {
        format!("Item {number}, {title}: {} left", minutes(left))
    } else {
        format!("Item {number}, {title}: {} over its time", minutes(left))
    }
}

/// The sentences to say for the state `now` of `session`, given what was
/// said for `previous` (the state and time last looked at; `None` at the
/// start, when everything is said once). Each starts with the time.
pub fn sentences(previous: Option<(&Session, Time)>, session: &Session, now: Time) -> Vec<String> {
    let new = heard(session, now);
    let old = previous.map(|(s, at)| heard(s, at));
    let mut out = Vec::new();
    if old.is_none() {
        out.push(format!("Following {}", one_line(&session.title)));
    }
    let was = |pick: fn(&Heard) -> bool| old.as_ref().is_some_and(pick);
    if new.on_break && !was(|h| h.on_break) {
        out.push("Break".to_string());
    } else if !new.on_break && was(|h| h.on_break) {
        out.push("Back from the break".to_string());
    }
    if new.ended && !was(|h| h.ended) {
        out.push("The meeting has ended".to_string());
    }
    if old.as_ref().map(|h| &h.floor) != Some(&new.floor) {
        out.push(match &new.floor {
            Some(who) => format!("{who} has the floor"),
            None if old.is_some() => "The floor is silent".to_string(),
            None => "Nobody has the floor".to_string(),
        });
    }
    let same_item = old.as_ref().is_some_and(|h| h.item == new.item);
    if let (Some(item), Some(left)) = (&new.item, new.minutes_left) {
        let crossed = old
            .as_ref()
            .and_then(|h| h.minutes_left)
            .is_some_and(|before| MINUTES_TOLD.iter().any(|&m| before > m && left <= m));
        if !same_item || crossed {
            out.push(time_left(item, left));
        }
    } else if !same_item && old.is_some() {
        out.push("No item running".to_string());
    }
    if let Some((id, text, answered, of)) = &new.proposal {
        let before = old.as_ref().and_then(|h| h.proposal.as_ref());
        if before.is_none_or(|b| &b.0 != id) {
            out.push(format!(
                "Proposal open: {text}, {answered} of {of} answered"
            ));
        } else if before.is_some_and(|b| (b.2, b.3) != (*answered, *of)) {
            out.push(format!("Proposal: {answered} of {of} answered"));
        }
    }
    if let Some(old) = &old {
        for (i, (id, state)) in new.states.iter().enumerate() {
            let before = old.states.iter().find(|(o, _)| o == id).map(|(_, s)| *s);
            let closed = before == Some(state_words(crate::session::DecisionState::Open));
            if closed && *state != before.unwrap_or_default() {
                let text = one_line(&session.decisions[i].proposal).into_owned();
                out.push(format!("Proposal {state}: {text}"));
            }
        }
    }
    if let Some(card) = new
        .card
        .as_ref()
        .filter(|c| old.as_ref().is_none_or(|h| h.card.as_ref() != Some(*c)))
    {
        out.push(card.clone());
    }
    let time = TimeOfDay::of(session, now).hm(now);
    out.into_iter()
        .map(|sentence| visible(&format!("{time} {sentence}")).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hms: &str) -> Time {
        Time::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap()
    }

    const MEETING: &str = "format: 1
title: Board
board: B
date: 2026-11-22
roles: [{ id: lived, label: Lived experience }]
participants:
  - { id: marion, name: Marion Pryce, role: lived, room_name: Marion, needs: Hearing loop }
  - { id: sam, name: Sam, role: lived }
  - { id: gone, name: Gone, role: lived, present: false }
agenda:
  - { id: one, title: Welcome, minutes: 5, started: 2026-11-22T10:00:00+00:00, ended: 2026-11-22T10:05:00+00:00 }
  - { id: dp, title: Direct Payments policy review, minutes: 20, started: 2026-11-22T10:05:00+00:00, notes: Marion Pryce is worried }
decisions:
  - { id: p, proposal: Pay carers' travel, proposed_by: sam, state: open, responses: { sam: agree } }
clock: { started: 2026-11-22T10:00:00+00:00 }
turns:
  - { who: marion, at: 2026-11-22T10:06:00+00:00 }
";

    fn meeting() -> Session {
        serde_yaml::from_str(MEETING).unwrap()
    }

    #[test]
    fn the_start_says_everything_once() {
        let s = meeting();
        assert_eq!(
            sentences(None, &s, at("10:13:00")),
            [
                "10:13 Following Board",
                "10:13 Marion has the floor",
                "10:13 Item 2, Direct Payments policy review: 12 minutes left",
                "10:13 Proposal open: Pay carers' travel, 1 of 2 answered",
            ]
        );
    }

    #[test]
    fn only_what_changed_is_said() {
        let before = meeting();
        assert!(sentences(Some((&before, at("10:13:00"))), &before, at("10:13:30")).is_empty());
        let mut after = before.clone();
        after.turns[0].secs = Some(120);
        after.decisions[0]
            .responses
            .insert("marion".into(), crate::session::Response::Concern);
        assert_eq!(
            sentences(Some((&before, at("10:13:00"))), &after, at("10:14:00")),
            [
                "10:14 The floor is silent",
                "10:14 Proposal: 2 of 2 answered"
            ]
        );
        // The time box is told again as it crosses 10, 5, 2, 1 and 0 minutes.
        assert_eq!(
            sentences(Some((&after, at("10:14:00"))), &after, at("10:15:30")),
            ["10:15 Item 2, Direct Payments policy review: 10 minutes left"]
        );
        assert_eq!(
            sentences(Some((&after, at("10:24:30"))), &after, at("10:26:00")),
            ["10:26 Item 2, Direct Payments policy review: 1 minute over its time"]
        );
        let mut decided = after.clone();
        decided.decisions[0].state = crate::session::DecisionState::Agreed;
        assert_eq!(
            sentences(Some((&after, at("10:16:00"))), &decided, at("10:16:10")),
            ["10:16 Proposal agreed: Pay carers' travel"]
        );
    }

    #[test]
    fn nothing_private_and_nothing_unsafe_is_said() {
        let mut s = meeting();
        s.title = "Board\u{202e}\x1b[2J".into();
        let said = sentences(None, &s, at("10:13:00")).join("\n");
        for private in ["Pryce", "Hearing loop", "worried"] {
            assert!(!said.contains(private), "{said}");
        }
        assert!(said.contains("Board\\u{202e}\\x1b[2J"), "{said}");
        assert!(
            !said
                .lines()
                .flat_map(str::chars)
                .any(crate::text::is_unsafe),
            "{said}"
        );
    }
}
