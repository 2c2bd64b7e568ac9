//! Access needs, for the facilitator only: the `needs` a participant's
//! entry holds are shown beside them on the Balance pane, never to the
//! room. A need that asks for breaks ("a break every 45 minutes"), or the
//! group's `settings.break_every_minutes`, gives the facilitator a quiet
//! reminder once that long has passed since the last break or the start.

use super::timing::{current_break, secs_between};
use super::{Session, Time};

/// Minutes between breaks that `needs` asks for, if it asks for breaks:
/// "a break every 45 minutes", "breaks every hour", "break each 1.5 hours",
/// "regular breaks (every 30 mins)". A need that names no interval, or
/// names one without asking for a break, asks for none.
pub fn break_every(needs: &str) -> Option<u32> {
    // Each sentence or clause on its own, so "a hearing loop; sessions every
    // hour" does not borrow a break from elsewhere ("1.5" keeps its point).
    let lower = needs.to_lowercase().replace(". ", ";");
    lower
        .split([';', ',', '\n'])
        .filter(|clause| clause.contains("break"))
        .find_map(interval)
}

/// The interval after "every" or "each" in `clause`, in minutes.
fn interval(clause: &str) -> Option<u32> {
    let words: Vec<&str> = clause
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let at = words.iter().position(|w| matches!(*w, "every" | "each"))?;
    let rest = &words[at + 1..];
    // "every 45 minutes", "every 45min", "every hour", "every half hour".
    let (amount, unit) = match rest {
        [first, second, ..] if amount_of(first).is_some() && unit_of(second).is_some() => {
            (amount_of(first)?, unit_of(second)?)
        }
        [first, ..] => match split_number(first) {
            Some((amount, unit)) => (amount, unit_of(unit)?),
            None => (1.0, unit_of(first)?),
        },
        [] => return None,
    };
    let minutes = (amount * f64::from(unit)).round();
    (1.0..=f64::from(24 * 60))
        .contains(&minutes)
        .then_some(minutes as u32)
}

/// A number as a need writes it: digits, a decimal, or "half".
fn amount_of(word: &str) -> Option<f64> {
    match word {
        "half" => Some(0.5),
        "one" | "an" | "a" => Some(1.0),
        "two" => Some(2.0),
        _ => word
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n > 0.0),
    }
}

/// "45min" as 45 and "min".
fn split_number(word: &str) -> Option<(f64, &str)> {
    let digits = word.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (number, unit) = word.split_at(digits);
    Some((amount_of(number)?, unit))
}

/// Minutes in a unit of time.
fn unit_of(word: &str) -> Option<u32> {
    match word {
        "m" | "min" | "mins" | "minute" | "minutes" => Some(1),
        "h" | "hr" | "hrs" | "hour" | "hours" => Some(60),
        _ => None,
    }
}

/// Why a break is due: how long the group or a person asked for between
/// breaks, and how long it has been.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakDue {
    /// The shortest interval asked for, in minutes.
    pub every: u32,
    /// Working seconds since the last break ended, or since the start.
    pub since_secs: u64,
    /// The participant ids of the people present whose needs ask for
    /// breaks this often (empty when it is the group's setting).
    pub asked_by: Vec<String>,
}

/// The shortest interval between breaks the present people's needs or the
/// group's setting ask for, and the people who asked for it.
pub fn break_interval(session: &Session) -> Option<(u32, Vec<String>)> {
    let asks = session
        .participants
        .iter()
        .filter(|p| p.is_present())
        .filter_map(|p| Some((break_every(p.needs.as_deref()?)?, p.id.clone())));
    let setting = session.settings.break_every_minutes().filter(|m| *m > 0);
    let every = asks.clone().map(|(m, _)| m).chain(setting).min()?;
    let asked_by = asks
        .filter(|(m, _)| *m == every)
        .map(|(_, id)| id)
        .collect();
    Some((every, asked_by))
}

/// A break is due at `now`: the meeting has started and not ended, is not
/// on a break, and the shortest interval asked for has passed since the
/// last break ended (or the start).
pub fn break_due(session: &Session, now: Time) -> Option<BreakDue> {
    let clock = &session.clock;
    let started = clock.started.filter(|s| *s <= now)?;
    if clock.ended.is_some() || current_break(clock, now).is_some() {
        return None;
    }
    let (every, asked_by) = break_interval(session)?;
    let since = clock
        .breaks
        .iter()
        .filter_map(|b| b.to)
        .filter(|to| *to <= now)
        .fold(started, Time::max);
    let since_secs = secs_between(since, now);
    (since_secs >= u64::from(every) * 60).then_some(BreakDue {
        every,
        since_secs,
        asked_by,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::at as t;
    use crate::session::Break;

    #[test]
    fn needs_that_ask_for_breaks_say_how_often() {
        for (needs, minutes) in [
            ("A break every 45 minutes", Some(45)),
            ("Hearing loop; a break every 45 minutes", Some(45)),
            ("breaks every hour", Some(60)),
            ("Break each 1.5 hours please", Some(90)),
            ("regular breaks (every 30 mins)", Some(30)),
            ("a break every half hour", Some(30)),
            ("BREAK EVERY 20MIN", Some(20)),
            ("Large print papers", None),
            ("Hearing loop; sessions every hour", None),
            ("needs breaks", None),
            ("a break every now and then", None),
            ("a break every 0 minutes", None),
            ("a break every 99999 hours", None),
        ] {
            assert_eq!(break_every(needs), minutes, "{needs}");
        }
    }

    fn sample(settings: &str) -> Session {
        serde_yaml::from_str(&format!(
            "format: 1\ntitle: T\nboard: B\ndate: 2026-11-22\n{settings}
roles: [{{ id: lived, label: Lived }}]
participants:
  - {{ id: ann, name: Ann, role: lived, needs: A break every 45 minutes }}
  - {{ id: bo, name: Bo, role: lived, needs: Breaks every hour, present: false }}
clock: {{ started: 2026-11-22T10:00:00+00:00 }}
"
        ))
        .unwrap()
    }

    #[test]
    fn a_break_is_due_that_long_after_the_start_or_the_last_break() {
        let mut s = sample("");
        assert_eq!(break_due(&s, t("10:44:59")), None);
        let due = break_due(&s, t("10:45:00")).unwrap();
        assert_eq!((due.every, due.since_secs), (45, 45 * 60));
        assert_eq!(due.asked_by, ["ann"]);
        s.clock.breaks.push(Break {
            from: t("10:50:00"),
            minutes: Some(10),
            to: None,
        });
        assert_eq!(break_due(&s, t("10:55:00")), None, "on a break");
        s.clock.breaks[0].to = Some(t("11:00:00"));
        assert_eq!(break_due(&s, t("11:44:00")), None);
        assert!(break_due(&s, t("11:45:00")).is_some());
        s.clock.ended = Some(t("11:50:00"));
        assert_eq!(break_due(&s, t("11:50:00")), None);
    }

    #[test]
    fn the_groups_setting_asks_too_and_the_shortest_wins() {
        let s = sample("settings: { break_every_minutes: 30 }");
        let due = break_due(&s, t("10:30:00")).unwrap();
        assert_eq!((due.every, due.asked_by.len()), (30, 0));
        let mut s = sample("");
        s.participants[0].needs = None;
        // Bo is away: their need asks for nothing today.
        assert_eq!(break_interval(&s), None);
        assert_eq!(break_due(&sample(""), t("09:00:00")), None, "not started");
    }
}
