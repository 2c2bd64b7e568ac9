//! Time arithmetic on the meeting record: item time, breaks, the running item.
//!
//! Every function takes `now` so that a fixed clock drives the same code the
//! live app runs.

use super::{Break, Clock, Item, Session, Time};

/// `t` plus `secs` seconds, or the latest time there is when that
/// overflows: no number from a file can make time arithmetic panic.
pub fn after_secs(t: Time, secs: u64) -> Time {
    chrono::Duration::try_seconds(i64::try_from(secs).unwrap_or(i64::MAX))
        .and_then(|d| t.checked_add_signed(d))
        .unwrap_or(Time::MAX_UTC.fixed_offset())
}

/// `t` minus `secs` seconds, or the earliest time there is on overflow.
pub fn before_secs(t: Time, secs: u64) -> Time {
    chrono::Duration::try_seconds(i64::try_from(secs).unwrap_or(i64::MAX))
        .and_then(|d| t.checked_sub_signed(d))
        .unwrap_or(Time::MIN_UTC.fixed_offset())
}

/// Seconds from `from` to `to`, never negative.
pub fn secs_between(from: Time, to: Time) -> u64 {
    u64::try_from((to - from).num_seconds()).unwrap_or(0)
}

/// Seconds of break time inside `[from, to]`; a break still going on runs to `now`.
pub fn break_secs_within(clock: &Clock, from: Time, to: Time, now: Time) -> u64 {
    clock
        .breaks
        .iter()
        .map(|b| {
            let start = b.from.max(from);
            let end = b.to.unwrap_or(now).min(to);
            secs_between(start, end)
        })
        .sum()
}

/// Working seconds in `[from, to]`: wall time less the breaks that overlap it.
pub fn working_secs(clock: &Clock, from: Time, to: Time, now: Time) -> u64 {
    secs_between(from, to).saturating_sub(break_secs_within(clock, from, to, now))
}

/// How long an item has run: from its start to its end (or `now`), less breaks.
pub fn item_used_secs(item: &Item, clock: &Clock, now: Time) -> Option<u64> {
    let started = item.started?;
    Some(working_secs(clock, started, item.ended.unwrap_or(now), now))
}

/// The latest start from which `[start, now]` holds exactly `used` working
/// seconds: where an item reopened at `now` must start so that its time
/// carries on from `used`, with no minute counted twice.
pub fn resume_start(clock: &Clock, used: u64, now: Time) -> Time {
    // Walk back from `now`, spending `used` on the working time between
    // breaks, latest break first.
    let mut spans: Vec<(Time, Time)> = clock
        .breaks
        .iter()
        .map(|b| (b.from, b.to.unwrap_or(now).min(now)))
        .filter(|&(from, _)| from < now)
        .collect();
    spans.sort_by_key(|&(from, _)| std::cmp::Reverse(from));
    let (mut need, mut t) = (used, now);
    for (from, to) in spans {
        if from >= t {
            continue;
        }
        let gap = secs_between(to.min(t), t);
        if gap >= need {
            return before_secs(t, need);
        }
        need -= gap;
        t = from;
    }
    before_secs(t, need)
}

/// Where an agenda item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemState {
    ToCome,
    Running,
    Done,
}

/// The state of an item, read from its `started` and `ended`.
pub fn item_state(item: &Item) -> ItemState {
    match (item.started, item.ended) {
        (None, _) => ItemState::ToCome,
        (Some(_), None) => ItemState::Running,
        (Some(_), Some(_)) => ItemState::Done,
    }
}

/// The index of the running item: the last one started and not ended.
pub fn running_item(session: &Session) -> Option<usize> {
    session
        .agenda
        .iter()
        .rposition(|i| item_state(i) == ItemState::Running)
}

/// The break going on at `now`, if any.
pub fn current_break(clock: &Clock, now: Time) -> Option<&Break> {
    clock
        .breaks
        .iter()
        .find(|b| b.from <= now && b.to.is_none_or(|to| now < to))
}

/// Working seconds since the meeting started (to its end, once ended).
pub fn meeting_elapsed_secs(clock: &Clock, now: Time) -> Option<u64> {
    let started = clock.started?;
    Some(working_secs(
        clock,
        started,
        clock.ended.unwrap_or(now),
        now,
    ))
}

/// The moment the record ends: the clock's end, or else the latest moment
/// the file records (a start, an end, a break, a turn and its length, a
/// decision, a judgement, the end of a thinking time, a card). Minutes and trends read a file at this moment,
/// so they never depend on when they are made. `None` for an empty record.
pub fn record_end(session: &Session) -> Option<Time> {
    record_end_with(session, || {
        let turns = session.turns.iter();
        turns.map(|t| after_secs(t.at, t.secs.unwrap_or(0))).max()
    })
}

/// [`record_end`] with the latest moment the turns reach given by
/// `turns_end` (read from a kept tally, it costs no pass over the log).
pub fn record_end_with(
    session: &Session,
    turns_end: impl FnOnce() -> Option<Time>,
) -> Option<Time> {
    if let Some(ended) = session.clock.ended {
        return Some(ended);
    }
    let clock = &session.clock;
    let breaks = clock.breaks.iter().flat_map(|b| [Some(b.from), b.to]);
    let items = session.agenda.iter().flat_map(|i| [i.started, i.ended]);
    let turns = std::iter::once(turns_end());
    let decisions = session.decisions.iter().flat_map(|d| [d.opened, d.decided]);
    let ladder = session.ladder.iter().map(|j| Some(j.at));
    let thinking = clock
        .thinking
        .iter()
        .map(|t| Some(super::thinking::end_of(t)));
    let cards = session.cards.iter().map(|c| Some(c.at));
    std::iter::once(clock.started)
        .chain(breaks)
        .chain(items)
        .chain(turns)
        .chain(decisions)
        .chain(ladder)
        .chain(thinking)
        .chain(cards)
        .flatten()
        .max()
}

/// How long a record may have stood still with something open before
/// opening it asks whether that really went on: 15 minutes.
pub const STALE_SECS: u64 = 15 * 60;

/// The last moment the record holds, when the meeting was not ended, a
/// turn, item or break is still open, and that moment is more than
/// [`STALE_SECS`] before `now`: the app was stopped without closing them,
/// and carrying on would count the gap as speech and item time.
pub fn stale_open(session: &Session, now: Time) -> Option<Time> {
    if session.clock.ended.is_some() {
        return None;
    }
    let open_turn = session.turns.last().is_some_and(|t| t.secs.is_none());
    let open_break = session.clock.breaks.iter().any(|b| b.to.is_none());
    if !(open_turn || open_break || running_item(session).is_some()) {
        return None;
    }
    let last = record_end(session)?;
    (secs_between(last, now) > STALE_SECS).then_some(last)
}

/// Closes whatever [`stale_open`] found open at `last`, the last moment
/// the record holds: the open turn, the running item and the open break.
pub fn close_open_at(session: &mut Session, last: Time) {
    close_open_turn(session, last);
    if let Some(r) = running_item(session) {
        session.agenda[r].ended = Some(last);
    }
    for b in session.clock.breaks.iter_mut().filter(|b| b.to.is_none()) {
        b.to = Some(last);
    }
}

/// `m:ss` under an hour, `h:mm:ss` above: how the room reads a duration.
pub fn format_duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A short human duration: `45s`, `3 min`, `1 h 20 min`.
pub fn format_minutes(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs}s"),
        60..3600 => format!("{} min", secs / 60),
        _ => format!("{} h {} min", secs / 3600, secs / 60 % 60),
    }
}

/// `now`, or the latest time the meeting's record already holds (the
/// clock, its breaks, the items, the last turn) if that is later. A clock
/// set back (by hand, a time-server correction) then holds still instead
/// of writing an end before its start or a turn before the one above it,
/// which the file's checks would refuse when it is opened again.
pub fn not_before_record(session: &Session, now: Time) -> Time {
    let clock = &session.clock;
    let breaks = clock.breaks.iter().flat_map(|b| [Some(b.from), b.to]);
    let items = session.agenda.iter().flat_map(|i| [i.started, i.ended]);
    let thinking = clock.thinking.iter().flat_map(|t| [Some(t.from), t.to]);
    let cards = session.cards.iter().map(|c| Some(c.at));
    [clock.started, clock.ended]
        .into_iter()
        .chain(breaks)
        .chain(items)
        .chain(thinking)
        .chain(cards)
        .flatten()
        .chain(session.turns.last().map(|t| t.at))
        .fold(now, Time::max)
}

/// Ends the open turn, if there is one, at `now`: its length is the
/// working time since it began, less any breaks.
pub fn close_open_turn(session: &mut Session, now: Time) {
    let clock = &session.clock;
    if let Some(turn) = session.turns.last_mut().filter(|t| t.secs.is_none()) {
        turn.secs = Some(working_secs(clock, turn.at, now, now));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(hms: &str) -> Time {
        Time::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap()
    }

    fn clock_with_break(from: &str, to: Option<&str>) -> Clock {
        Clock {
            started: Some(t("10:00:00")),
            breaks: vec![Break {
                from: t(from),
                minutes: None,
                to: to.map(t),
            }],
            thinking: Vec::new(),
            ended: None,
        }
    }

    #[test]
    fn break_inside_an_item_is_not_item_time() {
        let clock = clock_with_break("10:15:00", Some("10:20:00"));
        let item = Item {
            id: "a".into(),
            title: "A".into(),
            lead: None,
            minutes: 20,
            started: Some(t("10:05:00")),
            ended: Some(t("10:27:30")),
            ..Item::planned(String::new(), String::new(), 0)
        };
        assert_eq!(
            item_used_secs(&item, &clock, t("11:00:00")),
            Some(17 * 60 + 30)
        );
    }

    #[test]
    fn break_spanning_an_item_change_is_split() {
        let clock = clock_with_break("10:15:00", Some("10:25:00"));
        let first = working_secs(&clock, t("10:00:00"), t("10:20:00"), t("11:00:00"));
        let second = working_secs(&clock, t("10:20:00"), t("10:30:00"), t("11:00:00"));
        assert_eq!((first, second), (15 * 60, 5 * 60));
    }

    #[test]
    fn open_break_runs_to_now() {
        let clock = clock_with_break("10:15:00", None);
        let now = t("10:18:00");
        assert_eq!(working_secs(&clock, t("10:10:00"), now, now), 5 * 60);
        assert!(current_break(&clock, now).is_some());
        assert!(current_break(&clock, t("10:14:59")).is_none());
    }

    #[test]
    fn a_resumed_start_skips_the_breaks_behind_it() {
        let clock = clock_with_break("10:15:00", Some("10:25:00"));
        let now = t("10:40:00");
        // 15 minutes back from 10:40 reach 10:25; 5 more cross the break.
        assert_eq!(resume_start(&clock, 20 * 60, now), t("10:10:00"));
        assert_eq!(resume_start(&clock, 10 * 60, now), t("10:30:00"));
        assert_eq!(resume_start(&clock, 15 * 60, now), t("10:25:00"));
        for used in [0, 59, 900, 901, 1499, 1500, 4000] {
            let start = resume_start(&clock, used, now);
            assert_eq!(working_secs(&clock, start, now, now), used, "{used}");
        }
    }

    #[test]
    fn durations_read_as_the_room_says_them() {
        for (secs, long, short) in [
            (0, "0:00", "0s"),
            (59, "0:59", "59s"),
            (90, "1:30", "1 min"),
            (3600, "1:00:00", "1 h 0 min"),
            (4830, "1:20:30", "1 h 20 min"),
        ] {
            assert_eq!(format_duration(secs), long);
            assert_eq!(format_minutes(secs), short);
        }
    }
}
