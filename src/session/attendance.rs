//! Who was in the room when: the comings and goings the app records once
//! the meeting's clock has started.
//!
//! A person's `present` is where they are now; `attendance` says when that
//! changed. Someone marked absent before the clock starts (no comings or
//! goings) sent apologies; someone marked absent later left at that time,
//! and a latecomer's arrival is the time they were marked present.

use super::timing::{secs_between, working_secs};
use super::{Attendance, Clock, Participant, Session, Time};

/// Whether `p` was in the room when the meeting started: the first coming
/// or going says (a first `left` means they were), else `present`.
pub fn present_at_start(p: &Participant) -> bool {
    match p.attendance.first().and_then(Attendance::moment) {
        Some((_, after)) => !after,
        None => p.is_present(),
    }
}

/// Whether `p` was in the room at `at`.
pub fn present_at(p: &Participant, at: Time) -> bool {
    p.attendance
        .iter()
        .filter_map(Attendance::moment)
        .take_while(|&(when, _)| when <= at)
        .last()
        .map_or_else(|| present_at_start(p), |(_, after)| after)
}

/// Sent apologies: not there at the start and never came.
pub fn apologies(p: &Participant) -> bool {
    !present_at_start(p) && p.attendance.iter().all(|a| a.arrived.is_none())
}

/// The stretches of `[from, to]` that `p` was in the room, oldest first.
pub fn present_spans(p: &Participant, from: Time, to: Time) -> Vec<(Time, Time)> {
    let mut spans = Vec::new();
    let mut since = present_at_start(p).then_some(from);
    for (at, after) in p.attendance.iter().filter_map(Attendance::moment) {
        let at = at.clamp(from, to.max(from));
        match (since, after) {
            (None, true) => since = Some(at),
            (Some(start), false) => {
                spans.push((start, at));
                since = None;
            }
            _ => {}
        }
    }
    if let Some(start) = since {
        spans.push((start, to.max(start)));
    }
    spans.retain(|(a, b)| a < b);
    spans
}

/// Wall-clock seconds `p` was in the room in `[from, to]`, breaks included:
/// the time they gave the meeting.
pub fn given_secs(p: &Participant, from: Time, to: Time) -> u64 {
    present_spans(p, from, to)
        .into_iter()
        .map(|(a, b)| secs_between(a, b))
        .sum()
}

/// Working seconds (breaks left out) `p` was in the room in `[from, to]`;
/// an open break runs to `now`.
pub fn working_present_secs(
    clock: &Clock,
    p: &Participant,
    from: Time,
    to: Time,
    now: Time,
) -> u64 {
    present_spans(p, from, to)
        .into_iter()
        .map(|(a, b)| working_secs(clock, a, b, now))
        .sum()
}

/// Records `p` coming (`present`) or going at `now`: the flag always, the
/// moment only while the meeting's clock runs (before it, absent is
/// apologies and present is simply expected).
pub fn mark(session: &mut Session, index: usize, present: bool, now: Time) {
    let running = session.clock.started.is_some_and(|s| s <= now) && session.clock.ended.is_none();
    let Some(p) = session.participants.get_mut(index) else {
        return;
    };
    // Present is the default: leave the field out rather than write it.
    p.present = (!present).then_some(false);
    if running {
        p.attendance.push(if present {
            Attendance {
                arrived: Some(now),
                left: None,
            }
        } else {
            Attendance {
                arrived: None,
                left: Some(now),
            }
        });
    }
}

/// The moments `p` arrived after the start and left before the end, for
/// the minutes: `(time, arrived)`.
pub fn comings_and_goings(p: &Participant) -> Vec<(Time, bool)> {
    p.attendance.iter().filter_map(Attendance::moment).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(hms: &str) -> Time {
        Time::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap()
    }

    fn person(present: bool, events: &[(&str, bool)]) -> Participant {
        Participant {
            id: "a".into(),
            name: "A".into(),
            role: "r".into(),
            key: None,
            present: Some(present),
            needs: None,
            room_name: None,
            attendance: events
                .iter()
                .map(|&(at, came)| Attendance {
                    arrived: came.then(|| t(at)),
                    left: (!came).then(|| t(at)),
                })
                .collect(),
        }
    }

    #[test]
    fn leaving_early_is_not_apologies_and_time_stops_when_they_go() {
        let p = person(false, &[("11:20:00", false)]);
        assert!(present_at_start(&p) && !apologies(&p));
        assert!(present_at(&p, t("11:19:59")) && !present_at(&p, t("11:20:00")));
        assert_eq!(given_secs(&p, t("10:00:00"), t("12:00:00")), 80 * 60);
    }

    #[test]
    fn a_latecomer_who_leaves_and_comes_back_gives_the_time_between() {
        let p = person(
            true,
            &[("10:30:00", true), ("11:00:00", false), ("11:10:00", true)],
        );
        assert!(!present_at_start(&p) && !apologies(&p));
        assert_eq!(
            present_spans(&p, t("10:00:00"), t("12:00:00")),
            [
                (t("10:30:00"), t("11:00:00")),
                (t("11:10:00"), t("12:00:00"))
            ]
        );
        assert_eq!(given_secs(&p, t("10:00:00"), t("12:00:00")), 80 * 60);
    }

    #[test]
    fn absent_from_the_start_with_no_comings_is_apologies() {
        let p = person(false, &[]);
        assert!(apologies(&p));
        assert_eq!(given_secs(&p, t("10:00:00"), t("12:00:00")), 0);
        let here = person(true, &[]);
        assert_eq!(given_secs(&here, t("10:00:00"), t("12:00:00")), 7200);
    }
}
