//! Times of day that read truthfully when the clocks change.
//!
//! A meeting that runs across the clocks going back reads "00:30 to 01:00"
//! for an hour and a half unless each time says its UTC offset. So where
//! the meeting's times (and the clock on the wall, `now`) do not all share
//! one offset, every time of day on screen says its own: `01:30 UTC+1`,
//! `01:10 UTC`. A meeting wholly in one offset reads as before, `10:05`.

use super::{Attendance, Session, Time};

/// How one meeting writes a time of day: with the offset or without.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimeOfDay {
    offsets: bool,
}

impl TimeOfDay {
    /// For the screens: offsets shown when the times `session` records and
    /// `now` do not all share one.
    pub fn of(session: &Session, now: Time) -> TimeOfDay {
        let offset = now.offset().local_minus_utc();
        TimeOfDay {
            offsets: moments(session).any(|t| t.offset().local_minus_utc() != offset),
        }
    }

    /// For a record read on its own (the minutes): offsets shown when the
    /// times `session` records do not all share one.
    pub fn of_record(session: &Session) -> TimeOfDay {
        let mut all = moments(session).map(|t| t.offset().local_minus_utc());
        let first = all.next();
        TimeOfDay {
            offsets: all.any(|o| Some(o) != first),
        }
    }

    /// Whether times are written with their offset.
    pub fn shows_offsets(self) -> bool {
        self.offsets
    }

    /// `10:05`, or `01:30 UTC+1` when offsets are shown.
    pub fn hm(self, t: Time) -> String {
        let hm = t.format("%H:%M").to_string();
        match self.offsets {
            true => format!("{hm} {}", utc_offset(t)),
            false => hm,
        }
    }
}

/// `t`'s offset as people say it: `UTC`, `UTC+1`, `UTC-3:30`.
pub fn utc_offset(t: Time) -> String {
    let secs = t.offset().local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let (h, m) = (secs.unsigned_abs() / 3600, secs.unsigned_abs() / 60 % 60);
    match (h, m) {
        (0, 0) => "UTC".to_owned(),
        (h, 0) => format!("UTC{sign}{h}"),
        (h, m) => format!("UTC{sign}{h}:{m:02}"),
    }
}

/// Every moment the file records, but of the speaking log only its first
/// and last turn: turns lie between the meeting's start and now, so a
/// change of clocks shows at those ends, and a frame need not read
/// thousands of turns.
fn moments(s: &Session) -> impl Iterator<Item = Time> + '_ {
    let clock = &s.clock;
    let breaks = clock.breaks.iter().flat_map(|b| [Some(b.from), b.to]);
    let thinking = clock.thinking.iter().flat_map(|t| [Some(t.from), t.to]);
    let items = s.agenda.iter().flat_map(|i| [i.started, i.ended]);
    let decisions = s.decisions.iter().flat_map(|d| {
        let earlier = d.wordings.iter().map(|w| Some(w.until));
        let answers = d.earlier_answers.iter().map(|a| Some(a.until));
        [d.opened, d.decided]
            .into_iter()
            .chain(earlier)
            .chain(answers)
    });
    let ladder = s.ladder.iter().map(|j| Some(j.at));
    let attendance = s
        .participants
        .iter()
        .flat_map(|p| p.attendance.iter().filter_map(Attendance::moment))
        .map(|(at, _)| Some(at));
    let turns = [s.turns.first(), s.turns.last()]
        .into_iter()
        .map(|t| t.map(|t| t.at));
    [clock.started, clock.ended]
        .into_iter()
        .chain(breaks)
        .chain(thinking)
        .chain(items)
        .chain(decisions)
        .chain(ladder)
        .chain(attendance)
        .chain(turns)
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACROSS: &str = "format: 1
title: T
board: B
date: 2026-10-25
clock: { started: 2026-10-25T00:30:00+01:00 }
turns:
  - { who: a, at: 2026-10-25T00:31:00+01:00, secs: 60 }
  - { who: a, at: 2026-10-25T01:10:00+00:00 }
";

    fn at(t: &str) -> Time {
        Time::parse_from_rfc3339(t).unwrap()
    }

    #[test]
    fn offsets_read_as_people_say_them() {
        for (t, words) in [
            ("2026-10-25T01:30:00+01:00", "UTC+1"),
            ("2026-10-25T01:30:00+00:00", "UTC"),
            ("2026-10-25T01:30:00-03:30", "UTC-3:30"),
            ("2026-10-25T01:30:00+05:45", "UTC+5:45"),
        ] {
            assert_eq!(utc_offset(at(t)), words, "{t}");
        }
    }

    #[test]
    fn a_meeting_across_the_clocks_changing_shows_offsets_and_one_in_one_offset_does_not() {
        let s: Session = serde_yaml::from_str(ACROSS).unwrap();
        let face = TimeOfDay::of(&s, at("2026-10-25T01:20:00+00:00"));
        assert!(face.shows_offsets() && TimeOfDay::of_record(&s).shows_offsets());
        assert_eq!(face.hm(at("2026-10-25T00:30:00+01:00")), "00:30 UTC+1");
        assert_eq!(face.hm(at("2026-10-25T01:10:00+00:00")), "01:10 UTC");

        let mut before: Session = serde_yaml::from_str(ACROSS).unwrap();
        before.turns.pop();
        let face = TimeOfDay::of(&before, at("2026-10-25T00:50:00+01:00"));
        assert!(!face.shows_offsets() && !TimeOfDay::of_record(&before).shows_offsets());
        assert_eq!(face.hm(at("2026-10-25T00:30:00+01:00")), "00:30");
        // The clocks went back while the app was open: the wall clock no
        // longer shares the record's offset.
        assert!(TimeOfDay::of(&before, at("2026-10-25T01:01:00+00:00")).shows_offsets());
    }
}
