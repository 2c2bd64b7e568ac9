//! People's time: what each person gave the meeting, for the finance team.
//!
//! Time at the meeting comes from the attendance record (see
//! [`attendance::given_secs`]: the clock's start, or their arrival, to the
//! record's end, or their leaving, breaks included). Preparation and travel
//! are typed after the meeting, with what each person takes for their time:
//! a payment, a voucher or nothing. That choice is theirs (a payment can
//! affect benefits), so it is kept for the finance team and never shown to
//! the room.

use super::attendance::{apologies, given_secs};
use super::timing::record_end;
use super::{Participant, PersonTime, Session, Takes};

/// One person's time, worked out from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Given<'s> {
    pub person: &'s Participant,
    /// Sent apologies: not there at the start and never came.
    pub apologies: bool,
    /// Whole minutes in the room, rounded to the nearest minute.
    pub at_meeting_minutes: u64,
    pub preparation_minutes: u64,
    pub travel_minutes: u64,
    /// `None`: not asked yet.
    pub takes: Option<Takes>,
}

impl Given<'_> {
    /// Time at the meeting, preparation and travel together, in minutes.
    pub fn total_minutes(&self) -> u64 {
        self.at_meeting_minutes + self.preparation_minutes + self.travel_minutes
    }
}

/// Seconds as whole minutes, to the nearest (half a minute rounds up).
pub fn nearest_minutes(secs: u64) -> u64 {
    secs.saturating_add(30) / 60
}

/// Everyone in the meeting, in the file's order, with their time.
pub fn everyone(session: &Session) -> Vec<Given<'_>> {
    let span = session.clock.started.zip(record_end(session));
    session
        .participants
        .iter()
        .map(|p| {
            let typed = entry(session, &p.id);
            let minutes = |m: Option<u32>| m.map_or(0, u64::from);
            Given {
                person: p,
                apologies: apologies(p),
                at_meeting_minutes: span
                    .map_or(0, |(from, to)| nearest_minutes(given_secs(p, from, to))),
                preparation_minutes: minutes(typed.and_then(|t| t.preparation_minutes)),
                travel_minutes: minutes(typed.and_then(|t| t.travel_minutes)),
                takes: typed.and_then(|t| t.takes),
            }
        })
        .collect()
}

/// What was typed for `who`, if anything.
pub fn entry<'s>(session: &'s Session, who: &str) -> Option<&'s PersonTime> {
    session.people_time.iter().find(|t| t.who == who)
}

/// Records `typed` for its person, replacing what was there; an entry with
/// nothing in it is taken out, so the file keeps no empty lines.
pub fn set(session: &mut Session, typed: PersonTime) {
    let empty = typed.preparation_minutes.is_none()
        && typed.travel_minutes.is_none()
        && typed.takes.is_none();
    let at = session.people_time.iter().position(|t| t.who == typed.who);
    match (at, empty) {
        (Some(i), true) => {
            session.people_time.remove(i);
        }
        (Some(i), false) => session.people_time[i] = typed,
        (None, false) => session.people_time.push(typed),
        (None, true) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEETING: &str = "format: 1
title: T
board: B
date: 2026-11-22
roles: [{ id: lived, label: Lived experience }]
participants:
  - { id: ann, name: Ann, role: lived }
  - { id: bo, name: Bo, role: lived, present: false, attendance: [{ left: 2026-11-22T11:20:29+00:00 }] }
  - { id: cy, name: Cy, role: lived, present: false }
clock: { started: 2026-11-22T10:00:00+00:00, ended: 2026-11-22T12:00:00+00:00 }
";

    fn session() -> Session {
        serde_yaml::from_str(MEETING).unwrap()
    }

    fn typed(who: &str, prep: Option<u32>, takes: Option<Takes>) -> PersonTime {
        PersonTime {
            who: who.into(),
            preparation_minutes: prep,
            travel_minutes: None,
            takes,
        }
    }

    #[test]
    fn minutes_round_to_the_nearest() {
        for (secs, minutes) in [(0, 0), (29, 0), (30, 1), (89, 1), (90, 2), (7200, 120)] {
            assert_eq!(nearest_minutes(secs), minutes, "{secs}");
        }
    }

    #[test]
    fn setting_replaces_and_an_empty_entry_goes() {
        let mut s = session();
        set(&mut s, typed("ann", Some(30), None));
        set(&mut s, typed("ann", Some(45), Some(Takes::Voucher)));
        assert_eq!(
            s.people_time,
            [typed("ann", Some(45), Some(Takes::Voucher))]
        );
        set(&mut s, typed("ann", None, None));
        assert!(s.people_time.is_empty());
        set(&mut s, typed("bo", None, None));
        assert!(s.people_time.is_empty());
    }

    #[test]
    fn time_at_the_meeting_comes_from_attendance_to_the_records_end() {
        let mut s = session();
        set(&mut s, typed("ann", Some(30), Some(Takes::Payment)));
        let all = everyone(&s);
        assert_eq!(all[0].at_meeting_minutes, 120);
        assert_eq!(all[0].total_minutes(), 150);
        assert_eq!(all[0].takes, Some(Takes::Payment));
        // Left at 11:20:29: 80 minutes 29 seconds is 80 minutes.
        assert_eq!(all[1].at_meeting_minutes, 80);
        assert!(!all[1].apologies && all[1].takes.is_none());
        assert!(all[2].apologies && all[2].at_meeting_minutes == 0);
    }
}
