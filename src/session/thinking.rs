//! Thinking time: a silent pause of a set length in which nobody has the
//! floor, so people can think before anyone speaks. It ends the open turn
//! and counts toward nobody's speaking time; it ends by itself when its
//! length has passed, or early when someone is given the floor.

use super::model::{Clock, Session, Thinking, Time};
use super::timing::{close_open_turn, secs_between};

/// When `pause` ends: cut short, or its length after it began.
pub fn end_of(pause: &Thinking) -> Time {
    pause.to.unwrap_or_else(|| {
        pause.from + chrono::Duration::seconds(i64::try_from(pause.secs).unwrap_or(i64::MAX / 1000))
    })
}

/// The thinking time going on at `now`, if any.
pub fn current(clock: &Clock, now: Time) -> Option<&Thinking> {
    clock
        .thinking
        .last()
        .filter(|pause| pause.from <= now && now < end_of(pause))
}

/// Whole seconds left of `pause` at `now`, counted up so the room sees
/// `0:01` rather than `0:00` in its last second.
pub fn secs_left(pause: &Thinking, now: Time) -> u64 {
    let end = end_of(pause);
    if now >= end {
        return 0;
    }
    let left = end - now;
    let whole = left.num_seconds().max(0) as u64;
    if left.subsec_nanos() > 0 {
        whole + 1
    } else {
        whole
    }
}

/// Starts a thinking time of the group's length at `now`, ending the open
/// turn (and any thinking time still going on); `before` is the proposal
/// it comes before, when opening one started it.
pub fn start(session: &mut Session, now: Time, before: Option<String>) {
    close_open_turn(session, now);
    cut_short(session, now);
    let secs = session.settings.thinking_secs();
    session.clock.thinking.push(Thinking {
        from: now,
        secs,
        to: None,
        before,
    });
}

/// Ends the thinking time going on at `now`, if any, there and then.
pub fn cut_short(session: &mut Session, now: Time) {
    if current(&session.clock, now).is_some()
        && let Some(pause) = session.clock.thinking.last_mut()
    {
        pause.to = Some(now);
    }
}

/// How many thinking times began before `end`, and their seconds in all
/// up to `end`: for the minutes.
pub fn taken(clock: &Clock, end: Time) -> (usize, u64) {
    clock
        .thinking
        .iter()
        .filter(|pause| pause.from < end)
        .fold((0, 0), |(count, secs), pause| {
            (
                count + 1,
                secs + secs_between(pause.from, end_of(pause).min(end)),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Turn;

    fn t(hms: &str) -> Time {
        Time::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap()
    }

    fn sample() -> Session {
        serde_yaml::from_str(
            "format: 1\ntitle: T\nboard: B\ndate: 2026-11-22\nroles: [{ id: lived, label: Lived }]\nparticipants: [{ id: ann, name: Ann, role: lived }]\nclock: { started: 2026-11-22T10:00:00+00:00 }\n",
        )
        .unwrap()
    }

    #[test]
    fn thinking_ends_the_open_turn_and_runs_its_length() {
        let mut s = sample();
        s.turns.push(Turn {
            who: s.participants[0].id.clone(),
            at: t("10:10:00"),
            secs: None,
        });
        s.settings.thinking_secs = Some(90);
        start(&mut s, t("10:12:00"), None);
        assert_eq!(s.turns.last().unwrap().secs, Some(120));
        let pause = current(&s.clock, t("10:12:30")).unwrap();
        assert_eq!(secs_left(pause, t("10:12:30")), 60);
        assert!(current(&s.clock, t("10:13:30")).is_none());
        assert_eq!(taken(&s.clock, t("11:00:00")), (1, 90));
        assert_eq!(taken(&s.clock, t("10:12:10")), (1, 10));
    }

    #[test]
    fn cut_short_ends_it_only_while_it_goes_on() {
        let mut s = sample();
        start(&mut s, t("10:12:00"), None);
        cut_short(&mut s, t("10:12:20"));
        assert_eq!(s.clock.thinking[0].to, Some(t("10:12:20")));
        assert!(current(&s.clock, t("10:12:21")).is_none());
        // Long after it ran out, nothing is rewritten.
        start(&mut s, t("10:20:00"), None);
        cut_short(&mut s, t("10:30:00"));
        assert_eq!(s.clock.thinking[1].to, None);
        assert_eq!(taken(&s.clock, t("11:00:00")), (2, 80));
    }
}
