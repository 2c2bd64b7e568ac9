//! Who has spoken how much: shares by person and by role against fair share.
//!
//! Fair share is weighted by time present: each person's share of the
//! working time everyone spent in the room since the clock started, so a
//! person there for half the meeting has half an equal share, and someone
//! who left keeps the share of the time they were there. Before the clock
//! starts it is an equal share among the people present. A role's fair share
//! is its members' fair shares added up, unless the group set a `target`.

use super::attendance::{apologies, working_present_secs};
use super::tally::items_from;
pub use super::tally::{ItemSpeakers, Tally, spoken};
use super::timing::working_secs;
use super::{Session, Time, Turn};

/// One person's speaking so far.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonShare {
    /// Index into `session.participants`.
    pub index: usize,
    pub secs: u64,
    pub turns: u32,
    /// Fraction of all speaking time (0 when nobody has spoken).
    pub share: f64,
    /// Fraction this person would have at an equal share (0 when absent).
    pub fair: f64,
}

impl PersonShare {
    /// Average turn length in seconds.
    pub fn average_secs(&self) -> u64 {
        self.secs.checked_div(u64::from(self.turns)).unwrap_or(0)
    }
}

/// One role's speaking so far.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleShare {
    /// Index into `session.roles`.
    pub index: usize,
    pub secs: u64,
    /// People of this role present now.
    pub present: usize,
    pub share: f64,
    /// The role's target, or its headcount share of the people present.
    pub fair: f64,
    /// Whether `fair` is the group's own target rather than headcount.
    pub is_target: bool,
}

/// Some roles taken together: those that hold formal power, or those
/// without it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PowerShare {
    pub secs: u64,
    pub share: f64,
    pub fair: f64,
}

impl PowerShare {
    /// Whether the roles with power are taking more than their fair share,
    /// beyond the [`slack`] every share is given.
    pub fn is_over(&self) -> bool {
        self.share > self.fair + slack(self.fair)
    }
}

/// How far a share may stray from `fair` and still count as fair: a fifth
/// of it, and never less than 2 points. A meeting is not a stopwatch.
pub fn slack(fair: f64) -> f64 {
    (fair * 0.2).max(0.02)
}

/// How a share stands against its fair share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Over,
    Fair,
    Under,
}

impl Standing {
    /// Fair within [`slack`] of the fair share.
    pub fn of(share: f64, fair: f64) -> Standing {
        let slack = slack(fair);
        if share > fair + slack {
            Standing::Over
        } else if share + slack < fair {
            Standing::Under
        } else {
            Standing::Fair
        }
    }

    /// A symbol and a word, so the meaning never rests on colour alone.
    pub fn words(self) -> &'static str {
        match self {
            Standing::Over => "▲ over",
            Standing::Fair => "● fair",
            Standing::Under => "▼ under",
        }
    }
}

/// The scale for a table of share bars: the largest share or fair share in
/// it fills a bar, so that small shares among many people stay readable.
pub fn bar_scale(pairs: impl Iterator<Item = (f64, f64)>) -> f64 {
    pairs.fold(0.0, |most: f64, (share, fair)| most.max(share).max(fair))
}

/// A share bar `width` cells wide on `scale` (see [`bar_scale`]): how many
/// cells `share` fills, and the cell of the fair-share mark (none when the
/// fair share is nothing).
pub fn bar_cells(share: f64, fair: f64, scale: f64, width: usize) -> (usize, Option<usize>) {
    let scale = if scale > 0.0 { scale } else { 1.0 };
    let cells = |f: f64| (((f / scale).clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    let mark = (fair > 0.0).then(|| cells(fair).min(width.saturating_sub(1)));
    (cells(share), mark)
}

/// The whole picture of speaking time at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Balance {
    /// Every participant, in file order.
    pub people: Vec<PersonShare>,
    /// Every role, in file order.
    pub roles: Vec<RoleShare>,
    /// Absent when no role is marked `power: true`.
    pub power: Option<PowerShare>,
    pub total_secs: u64,
    /// 1 minus the Gini coefficient of present people's speaking time: 1 is
    /// perfectly even, 0 is one voice only. Absent until anyone has spoken.
    pub evenness: Option<f64>,
    /// First and most on each started item, in agenda order.
    pub items: Vec<ItemSpeakers>,
}

/// Seconds a turn has lasted: its `secs`, or while it is open, up to `now`
/// (or the meeting's end, once ended), less breaks.
pub fn turn_secs(session: &Session, turn: &Turn, now: Time) -> u64 {
    turn.secs.unwrap_or_else(|| {
        let end = session.clock.ended.map_or(now, |ended| ended.min(now));
        working_secs(&session.clock, turn.at, end.max(turn.at), now)
    })
}

/// The open turn's length once it has passed the group's long-turn
/// threshold (`settings.long_turn_secs`), so the pane can warn.
pub fn long_turn(session: &Session, now: Time) -> Option<u64> {
    let secs = turn_secs(session, floor(session)?, now);
    (secs > session.settings.long_turn_secs()).then_some(secs)
}

/// The open turn: whoever has the floor now.
pub fn floor(session: &Session) -> Option<&Turn> {
    session.turns.last().filter(|t| t.secs.is_none())
}

fn fraction(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// How evenly `values` are spread: 1 minus the Gini coefficient scaled by
/// its largest possible value, n / (n - 1), so that 1 is everyone equal and
/// 0 exactly one voice only, whatever the number of people.
pub fn evenness(values: &[u64]) -> Option<f64> {
    let n = values.len() as f64;
    let total: u64 = values.iter().sum();
    if values.len() < 2 || total == 0 {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    // Sorted form of the mean absolute difference: sum (2i - n - 1) x_i.
    let weighted: f64 = sorted
        .iter()
        .enumerate()
        .map(|(i, &x)| (2.0 * (i as f64 + 1.0) - n - 1.0) * x as f64)
        .sum();
    let gini = weighted / (n * total as f64);
    Some((1.0 - gini * n / (n - 1.0)).clamp(0.0, 1.0))
}

/// The roles of `roles` that hold power (or, with `power` false, that do
/// not), taken together.
fn together(session: &Session, roles: &[RoleShare], total_secs: u64, power: bool) -> PowerShare {
    let chosen = roles
        .iter()
        .filter(|r| session.roles[r.index].has_power() == power);
    let (secs, fair) = chosen.fold((0, 0.0), |(s, f), r| (s + r.secs, f + r.fair));
    PowerShare {
        secs,
        share: fraction(secs, total_secs),
        fair,
    }
}

/// Each participant's weight in fair share, by index: working seconds in
/// the room since the clock started (to its end, or `now`); before the
/// clock starts (or while nobody's time is known), 1 for each person
/// present.
pub fn time_present(session: &Session, now: Time) -> Vec<u64> {
    let clock = &session.clock;
    let weights: Vec<u64> = match clock.started {
        Some(started) => {
            let end = clock.ended.map_or(now, |e| e.min(now));
            // Whoever neither came nor went was there all along, or never:
            // the breaks are taken off once for all of them.
            let mut all_along = None;
            session
                .participants
                .iter()
                .map(|p| match (p.attendance.is_empty(), p.is_present()) {
                    (true, false) => 0,
                    (true, true) => *all_along
                        .get_or_insert_with(|| working_secs(clock, started, end.max(started), now)),
                    (false, _) => working_present_secs(clock, p, started, end, now),
                })
                .collect()
        }
        None => Vec::new(),
    };
    if weights.iter().any(|&w| w > 0) {
        return weights;
    }
    let present = session.participants.iter();
    present.map(|p| u64::from(p.is_present())).collect()
}

/// Each role's share, from each participant's speaking seconds `secs` and
/// weight in fair share `weights` (see [`time_present`]), by index.
fn role_shares(session: &Session, secs: &[u64], weights: &[u64]) -> Vec<RoleShare> {
    let total_secs: u64 = secs.iter().sum();
    let all_weight: u64 = weights.iter().sum();
    session
        .roles
        .iter()
        .enumerate()
        .map(|(r, role)| {
            let members = session
                .participants
                .iter()
                .enumerate()
                .filter(|(_, p)| p.role == role.id);
            let (role_secs, role_present, role_weight) = members
                .fold((0, 0, 0), |(s, n, w), (i, p)| {
                    (s + secs[i], n + usize::from(p.is_present()), w + weights[i])
                });
            RoleShare {
                index: r,
                secs: role_secs,
                present: role_present,
                share: fraction(role_secs, total_secs),
                fair: role.target.map_or_else(
                    || fraction(role_weight, all_weight),
                    |t| f64::from(t) / 100.0,
                ),
                is_target: role.target.is_some(),
            }
        })
        .collect()
}

impl Balance {
    /// The roles without power taken together (`session` is the one this
    /// balance was worked out from).
    pub fn without_power(&self, session: &Session) -> PowerShare {
        together(session, &self.roles, self.total_secs, false)
    }

    /// Sums the speaking log as it stands at `now`.
    pub fn compute(session: &Session, now: Time) -> Balance {
        Balance::with(session, &Tally::of(session), now)
    }

    /// The roles with power taken together at `now`, as [`Balance::with`]
    /// works them out, without the rest of the picture (none when no role
    /// is marked `power: true`): what a warning on every pane needs.
    pub fn power_with(session: &Session, tally: &Tally, now: Time) -> Option<PowerShare> {
        if !session.roles.iter().any(|r| r.has_power()) {
            return None;
        }
        let (secs, _) = tally.totals(session, now);
        let total_secs: u64 = secs.iter().sum();
        let roles = role_shares(session, &secs, &time_present(session, now));
        Some(together(session, &roles, total_secs, true))
    }

    /// As [`Balance::compute`], from the log already tallied (the tally
    /// must fit `session`: see [`Tally::fits`]).
    pub fn with(session: &Session, tally: &Tally, now: Time) -> Balance {
        let (secs, turns) = tally.totals(session, now);
        let total_secs: u64 = secs.iter().sum();
        let weights = time_present(session, now);
        let all_weight: u64 = weights.iter().sum();

        let people = session
            .participants
            .iter()
            .enumerate()
            .map(|(i, _)| PersonShare {
                index: i,
                secs: secs[i],
                turns: turns[i],
                share: fraction(secs[i], total_secs),
                fair: fraction(weights[i], all_weight),
            })
            .collect::<Vec<_>>();

        let roles = role_shares(session, &secs, &weights);

        let power = session
            .roles
            .iter()
            .any(|r| r.has_power())
            .then(|| together(session, &roles, total_secs, true));

        // Everyone who was there at all, for however long.
        let present_secs: Vec<u64> = people
            .iter()
            .filter(|p| !apologies(&session.participants[p.index]))
            .map(|p| p.secs)
            .collect();

        Balance {
            people,
            roles,
            power,
            total_secs,
            evenness: evenness(&present_secs),
            items: items_from(session, tally, now),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(hms: &str) -> Time {
        Time::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap()
    }

    /// Six people: Eve spoke and then left (absent), Fay came late and has
    /// not spoken; a break from 10:10 to 10:15 falls inside Dan's open turn.
    const LOG: &str = "format: 1
title: T
board: B
date: 2026-11-22
roles:
  - { id: lived, label: Lived }
  - { id: carer, label: Carers }
  - { id: staff, label: Staff, power: true }
participants:
  - { id: ann, name: Ann, role: lived }
  - { id: bob, name: Bob, role: lived }
  - { id: cat, name: Cat, role: carer }
  - { id: dan, name: Dan, role: staff }
  - { id: eve, name: Eve, role: staff, present: false }
  - { id: fay, name: Fay, role: carer }
agenda:
  - { id: x, title: X, minutes: 5, started: 2026-11-22T10:00:00+00:00, ended: 2026-11-22T10:04:00+00:00 }
  - { id: y, title: Y, minutes: 5, started: 2026-11-22T10:04:00+00:00 }
  - { id: z, title: Z, minutes: 5, started: 2026-11-22T10:04:00+00:00, ended: 2026-11-22T10:05:00+00:00 }
  - { id: w, title: W, minutes: 5 }
clock:
  started: 2026-11-22T10:00:00+00:00
  breaks: [ { from: 2026-11-22T10:10:00+00:00, to: 2026-11-22T10:15:00+00:00 } ]
turns:
  - { who: ann, at: 2026-11-22T10:00:00+00:00, secs: 60 }
  - { who: dan, at: 2026-11-22T10:01:00+00:00, secs: 180 }
  - { who: bob, at: 2026-11-22T10:04:00+00:00, secs: 30 }
  - { who: eve, at: 2026-11-22T10:04:30+00:00, secs: 30 }
  - { who: dan, at: 2026-11-22T10:08:00+00:00 }
";

    fn log() -> Session {
        serde_yaml::from_str(LOG).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn shares_by_person_count_the_open_turn_less_the_break() {
        let b = Balance::compute(&log(), t("10:17:00"));
        // Dan's open turn: 10:08 to 10:17 is 9 min, less the 5 min break.
        let secs: Vec<u64> = b.people.iter().map(|p| p.secs).collect();
        assert_eq!(secs, [60, 30, 0, 180 + 240, 30, 0]);
        assert_eq!(b.total_secs, 540);
        let turns: Vec<u32> = b.people.iter().map(|p| p.turns).collect();
        assert_eq!(turns, [1, 1, 0, 2, 1, 0]);
        assert_eq!(b.people[3].average_secs(), 210);
        assert!(close(b.people[0].share, 60.0 / 540.0));
        assert!(close(b.people[3].share, 420.0 / 540.0));
        // Five present (Fay the latecomer in full, Eve absent): a fifth each.
        let fair: Vec<f64> = b.people.iter().map(|p| p.fair).collect();
        assert_eq!(fair, [0.2, 0.2, 0.2, 0.2, 0.0, 0.2]);
        assert!(
            close(b.people[4].share, 30.0 / 540.0),
            "Eve keeps what she said"
        );
        // 1 - Gini of the five who came [60, 30, 0, 420, 0], scaled by 5/4.
        let gini = 1800.0 / (5.0 * 510.0);
        assert!(close(b.evenness.unwrap(), 1.0 - gini * 5.0 / 4.0));
    }

    #[test]
    fn shares_by_role_and_power_against_headcount() {
        let b = Balance::compute(&log(), t("10:17:00"));
        let roles: Vec<(u64, usize)> = b.roles.iter().map(|r| (r.secs, r.present)).collect();
        assert_eq!(roles, [(90, 2), (0, 2), (450, 1)]);
        assert!(close(b.roles[0].share, 90.0 / 540.0));
        assert!(close(b.roles[2].share, 450.0 / 540.0));
        assert!(close(b.roles[0].fair, 0.4) && close(b.roles[2].fair, 0.2));
        let power = b.power.unwrap();
        assert_eq!(power.secs, 450);
        assert!(close(power.fair, 0.2) && power.is_over());
        let mut with_target = log();
        with_target.roles[0].target = Some(50);
        let b = Balance::compute(&with_target, t("10:17:00"));
        assert!(b.roles[0].is_target && close(b.roles[0].fair, 0.5));
    }

    #[test]
    fn an_open_turn_stops_at_the_end_of_the_meeting_and_in_a_break() {
        let mut s = log();
        assert_eq!(long_turn(&s, t("10:09:00")), None);
        // In the break the turn stands still at 2 min; then it is long.
        assert_eq!(turn_secs(&s, s.turns.last().unwrap(), t("10:14:00")), 120);
        assert_eq!(long_turn(&s, t("10:15:00")), None);
        assert_eq!(long_turn(&s, t("10:15:01")), Some(121));
        s.clock.ended = Some(t("10:16:00"));
        assert_eq!(turn_secs(&s, s.turns.last().unwrap(), t("11:00:00")), 180);
        s.settings.long_turn_secs = Some(300);
        assert_eq!(long_turn(&s, t("11:00:00")), None);
    }

    #[test]
    fn first_and_most_on_each_started_item() {
        let got = Balance::compute(&log(), t("10:17:00")).items;
        let said = |i: &ItemSpeakers| (i.item, i.first, i.most);
        let got: Vec<_> = got.iter().map(said).collect();
        assert_eq!(
            got,
            [
                (0, Some(0), Some((3, 180))),
                (1, Some(1), Some((3, 240))),
                // Bob and Eve tie at 30s: Bob spoke first on the item.
                (2, Some(1), Some((1, 30))),
            ]
        );
    }

    #[test]
    fn evenness_is_one_when_equal_and_low_when_one_voice() {
        assert_eq!(evenness(&[60, 60, 60]), Some(1.0));
        // One voice is 0 whatever the number of people (issue #17: it
        // read 0.11 among nine).
        assert_eq!(evenness(&[0, 0, 0, 100]), Some(0.0));
        assert_eq!(evenness(&[0, 0, 0, 0, 0, 0, 0, 0, 100]), Some(0.0));
        assert_eq!(evenness(&[0, 0]), None);
        assert_eq!(evenness(&[10]), None);
    }
}
