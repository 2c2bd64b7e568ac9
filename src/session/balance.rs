//! Who has spoken how much: shares by person and by role against fair share.
//!
//! Fair share is an equal share among the people present now (a latecomer
//! counts in full from the moment they are marked present); a role's fair
//! share is its headcount share of those present, unless the group set a
//! `target` for it.

use std::collections::HashMap;

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

/// The roles that hold formal power, taken together.
#[derive(Debug, Clone, PartialEq)]
pub struct PowerShare {
    pub secs: u64,
    pub share: f64,
    pub fair: f64,
}

impl PowerShare {
    /// Whether the roles with power are taking more than their fair share.
    pub fn is_over(&self) -> bool {
        self.share > self.fair + f64::EPSILON
    }
}

/// How a share stands against its fair share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Over,
    Fair,
    Under,
}

impl Standing {
    /// Within a fifth of fair share (and never less than 2 points) is fair:
    /// a meeting is not a stopwatch.
    pub fn of(share: f64, fair: f64) -> Standing {
        let slack = (fair * 0.2).max(0.02);
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
}

/// Seconds a turn has lasted: its `secs`, or up to `now` (less breaks) while open.
pub fn turn_secs(session: &Session, turn: &Turn, now: Time) -> u64 {
    turn.secs
        .unwrap_or_else(|| working_secs(&session.clock, turn.at, now, now))
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

/// 1 minus the Gini coefficient: how evenly `values` are spread.
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
    Some(1.0 - gini)
}

impl Balance {
    /// Sums the speaking log as it stands at `now`.
    pub fn compute(session: &Session, now: Time) -> Balance {
        let mut secs = vec![0u64; session.participants.len()];
        let mut turns = vec![0u32; session.participants.len()];
        let index: HashMap<&str, usize> = session
            .participants
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        for turn in &session.turns {
            if let Some(&i) = index.get(turn.who.as_str()) {
                secs[i] += turn_secs(session, turn, now);
                turns[i] += 1;
            }
        }
        let total_secs: u64 = secs.iter().sum();
        let present = session
            .participants
            .iter()
            .filter(|p| p.is_present())
            .count();

        let people = session
            .participants
            .iter()
            .enumerate()
            .map(|(i, p)| PersonShare {
                index: i,
                secs: secs[i],
                turns: turns[i],
                share: fraction(secs[i], total_secs),
                fair: if p.is_present() {
                    fraction(1, present as u64)
                } else {
                    0.0
                },
            })
            .collect::<Vec<_>>();

        let roles = session
            .roles
            .iter()
            .enumerate()
            .map(|(r, role)| {
                let members = session
                    .participants
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.role == role.id);
                let (role_secs, role_present) = members.fold((0, 0), |(s, n), (i, p)| {
                    (s + secs[i], n + usize::from(p.is_present()))
                });
                RoleShare {
                    index: r,
                    secs: role_secs,
                    present: role_present,
                    share: fraction(role_secs, total_secs),
                    fair: role.target.map_or_else(
                        || fraction(role_present as u64, present as u64),
                        |t| f64::from(t) / 100.0,
                    ),
                    is_target: role.target.is_some(),
                }
            })
            .collect::<Vec<_>>();

        let power = session.roles.iter().any(|r| r.has_power()).then(|| {
            let with_power = roles.iter().filter(|r| session.roles[r.index].has_power());
            let (secs, fair) = with_power.fold((0, 0.0), |(s, f), r| (s + r.secs, f + r.fair));
            PowerShare {
                secs,
                share: fraction(secs, total_secs),
                fair,
            }
        });

        let present_secs: Vec<u64> = people
            .iter()
            .filter(|p| session.participants[p.index].is_present())
            .map(|p| p.secs)
            .collect();

        Balance {
            people,
            roles,
            power,
            total_secs,
            evenness: evenness(&present_secs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evenness_is_one_when_equal_and_low_when_one_voice() {
        assert_eq!(evenness(&[60, 60, 60]), Some(1.0));
        let one_voice = evenness(&[0, 0, 0, 100]).unwrap();
        assert!((one_voice - 0.25).abs() < 1e-9, "{one_voice}");
        assert_eq!(evenness(&[0, 0]), None);
        assert_eq!(evenness(&[10]), None);
    }
}
