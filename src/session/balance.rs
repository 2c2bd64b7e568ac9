//! Who has spoken how much: shares by person and by role against fair share.
//!
//! Fair share is an equal share among the people present now (a latecomer
//! counts in full from the moment they are marked present); a role's fair
//! share is its headcount share of those present, unless the group set a
//! `target` for it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

/// A word-at-a-time hash (as in rustc's FxHash) for looking ids up once
/// per turn: ids are short, and the default hasher's resistance to crafted
/// keys costs more time than the rest of the sum and buys nothing here.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
    }
}

/// The speaking log summed by person, kept between frames so that a frame
/// costs a lookup per person rather than a pass over thousands of turns.
///
/// For each participant it keeps the positions of their turns in the log
/// and the running total of their finished turns' seconds, so that the
/// seconds of anyone in any run of turns (a person's total, an item's
/// window) are one subtraction. Turns still open (no `secs`) grow with the
/// clock and are added at the time asked. After a change that replaced
/// only the turns from some point on, [`Tally::refit`] drops and adds just
/// those.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// The participants' ids, in file order: what the indices point into.
    ids: Vec<String>,
    /// How many turns of the log are tallied.
    len: usize,
    /// For each participant, the positions of their turns in the log…
    at: Vec<Vec<u32>>,
    /// …and their finished seconds up to and including each of those turns.
    upto: Vec<Vec<u64>>,
    /// Positions of the turns still open, each with its speaker's index
    /// (turns of someone not in the list are left out, as everywhere).
    open: Vec<(usize, usize)>,
    /// First and most on each ended item whose turns are all finished, by
    /// agenda index: these do not change with the clock, so a frame reads
    /// them rather than working them out again.
    settled: Vec<Option<Settled>>,
}

/// First and most on one run of turns that no longer changes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Settled {
    /// The turns it covers.
    run: (usize, usize),
    /// When the item started and ended, which gave `run`.
    times: (Time, Time),
    first: Option<usize>,
    most: Option<(usize, u64)>,
}

impl Tally {
    /// Tallies the whole log.
    pub fn of(session: &Session) -> Tally {
        let mut tally = Tally {
            ids: session.participants.iter().map(|p| p.id.clone()).collect(),
            len: 0,
            at: vec![Vec::new(); session.participants.len()],
            upto: vec![Vec::new(); session.participants.len()],
            open: Vec::new(),
            settled: Vec::new(),
        };
        tally.add_from(session);
        tally.settle(session, 0);
        tally
    }

    /// Brings this up to date with `session` when only turns from `kept`
    /// on may have changed; with other participants, tallies afresh.
    pub fn refit(&mut self, session: &Session, kept: usize) {
        if !self.same_people(session) {
            *self = Tally::of(session);
            return;
        }
        let kept = kept.min(self.len);
        for (at, upto) in self.at.iter_mut().zip(&mut self.upto) {
            let cut = at.partition_point(|&t| (t as usize) < kept);
            at.truncate(cut);
            upto.truncate(cut);
        }
        self.open.retain(|&(t, _)| t < kept);
        self.len = kept;
        self.add_from(session);
        self.settle(session, kept);
    }

    /// Works out first and most on every ended item whose turns are all
    /// finished, keeping those already known for a run of turns before
    /// `kept` (the turns a change left as they were).
    fn settle(&mut self, session: &Session, kept: usize) {
        let mut known = std::mem::take(&mut self.settled);
        self.settled = session
            .agenda
            .iter()
            .enumerate()
            .map(|(item, it)| {
                let (started, ended) = (it.started?, it.ended?);
                let times = (started, ended);
                let known = known.get_mut(item).and_then(Option::take);
                // A run that ends before a turn the change left alone cannot
                // have moved: no search of the log, so a change or frame
                // costs nothing per item that ended long ago.
                if known
                    .as_ref()
                    .is_some_and(|s| s.times == times && s.run.1 < kept)
                {
                    return known;
                }
                let run = run_of(&session.turns, started, ended);
                let unchanged = |s: &Settled| s.run == run && run.1 <= kept;
                if let Some(same) = known.filter(unchanged) {
                    return Some(Settled { times, ..same });
                }
                if self.open.iter().any(|&(t, _)| (run.0..run.1).contains(&t)) {
                    return None;
                }
                // No open turn in the run: the time given is never read.
                let (first, most) = self.first_and_most(session, run, ended);
                Some(Settled {
                    run,
                    times,
                    first,
                    most,
                })
            })
            .collect();
    }

    /// Who spoke first and who most in the turns of `run`, at `now`.
    fn first_and_most(
        &self,
        session: &Session,
        run: (usize, usize),
        now: Time,
    ) -> (Option<usize>, Option<(usize, u64)>) {
        // Who spoke there, in order of their first turn in the run.
        let mut spoke: Vec<(usize, usize, u64)> = (0..self.ids.len())
            .filter_map(|i| {
                let span = self.span(session, i, run, now);
                Some((span.first?, i, span.secs))
            })
            .collect();
        spoke.sort_unstable();
        let most = spoke.iter().fold(
            None,
            |best: Option<(usize, u64)>, &(_, i, secs)| match best {
                Some((_, s)) if s >= secs => best,
                _ => Some((i, secs)),
            },
        );
        (spoke.first().map(|&(_, i, _)| i), most)
    }

    /// Tallies the turns after those already done.
    fn add_from(&mut self, session: &Session) {
        let index: HashMap<&str, usize, BuildHasherDefault<IdHasher>> = self
            .ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        for (t, turn) in session.turns.iter().enumerate().skip(self.len) {
            let Some(&i) = index.get(turn.who.as_str()) else {
                continue;
            };
            let before = self.upto[i].last().copied().unwrap_or(0);
            self.at[i].push(u32::try_from(t).unwrap_or(u32::MAX));
            self.upto[i].push(before + turn.secs.unwrap_or(0));
            if turn.secs.is_none() {
                self.open.push((t, i));
            }
        }
        self.len = session.turns.len();
    }

    fn same_people(&self, session: &Session) -> bool {
        self.ids.len() == session.participants.len()
            && self
                .ids
                .iter()
                .zip(&session.participants)
                .all(|(id, p)| *id == p.id)
    }

    /// Whether this could be `session`'s: as many turns, the same people.
    /// The app also checks that nothing changed since (its revision).
    pub fn fits(&self, session: &Session) -> bool {
        self.len == session.turns.len() && self.same_people(session)
    }

    /// Participant `i`'s seconds and turn count in the turns from position
    /// `from` up to (not including) `to`, open turns counted up to `now`,
    /// and the position of their first turn there.
    fn span(&self, session: &Session, i: usize, (from, to): (usize, usize), now: Time) -> Span {
        let at = &self.at[i];
        let lo = at.partition_point(|&t| (t as usize) < from);
        let hi = lo + at[lo..].partition_point(|&t| (t as usize) < to);
        let finished = match (lo, hi) {
            (lo, hi) if lo == hi => 0,
            (0, hi) => self.upto[i][hi - 1],
            (lo, hi) => self.upto[i][hi - 1] - self.upto[i][lo - 1],
        };
        let open: u64 = self
            .open
            .iter()
            .filter(|&&(t, who)| who == i && (from..to).contains(&t))
            .map(|&(t, _)| turn_secs(session, &session.turns[t], now))
            .sum();
        Span {
            secs: finished + open,
            turns: (hi - lo) as u32,
            first: at.get(lo).filter(|_| lo < hi).map(|&t| t as usize),
        }
    }

    /// Speaking seconds and turn count by participant index at `now`.
    pub fn totals(&self, session: &Session, now: Time) -> (Vec<u64>, Vec<u32>) {
        (0..self.ids.len())
            .map(|i| {
                let span = self.span(session, i, (0, self.len), now);
                (span.secs, span.turns)
            })
            .unzip()
    }
}

/// What one person said in a run of turns.
struct Span {
    secs: u64,
    turns: u32,
    first: Option<usize>,
}

/// Each participant's speaking seconds and turn count so far, by index in
/// `session.participants`; the open turn counts up to `now`.
pub fn spoken(session: &Session, now: Time) -> (Vec<u64>, Vec<u32>) {
    Tally::of(session).totals(session, now)
}

/// Who spoke first and who spoke most on one agenda item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSpeakers {
    /// Index into `session.agenda`.
    pub item: usize,
    /// Index into `session.participants` of whoever took the first turn.
    pub first: Option<usize>,
    /// Whoever spoke longest, with their seconds; a tie goes to whoever
    /// spoke first on the item.
    pub most: Option<(usize, u64)>,
}

/// First and most for every started item. A turn belongs to the item
/// running when it started (from the item's `started` up to its `ended`,
/// or `now`) and counts in full there.
fn items_from(session: &Session, tally: &Tally, now: Time) -> Vec<ItemSpeakers> {
    session
        .agenda
        .iter()
        .enumerate()
        .filter_map(|(item, it)| Some((item, it.started?, it.ended.unwrap_or(now))))
        .map(|(item, from, to)| {
            let run = run_of(&session.turns, from, to);
            let settled = tally.settled.get(item).and_then(Option::as_ref);
            let (first, most) = match settled.filter(|s| s.run == run) {
                Some(s) => (s.first, s.most),
                None => tally.first_and_most(session, run, now),
            };
            ItemSpeakers { item, first, most }
        })
        .collect()
}

/// The positions of the turns that started from `from` up to `to`: the log
/// is oldest first (`check` insists), so they are one run.
fn run_of(turns: &[Turn], from: Time, to: Time) -> (usize, usize) {
    let start = turns.partition_point(|t| t.at < from);
    (start, start + turns[start..].partition_point(|t| t.at < to))
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

    /// As [`Balance::compute`], from the log already tallied (the tally
    /// must fit `session`: see [`Tally::fits`]).
    pub fn with(session: &Session, tally: &Tally, now: Time) -> Balance {
        let (secs, turns) = tally.totals(session, now);
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

        let power = session
            .roles
            .iter()
            .any(|r| r.has_power())
            .then(|| together(session, &roles, total_secs, true));

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
        // 1 - Gini of the present five [60, 30, 0, 420, 0].
        assert!(close(b.evenness.unwrap(), 1.0 - 1800.0 / (5.0 * 510.0)));
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
        let one_voice = evenness(&[0, 0, 0, 100]).unwrap();
        assert!((one_voice - 0.25).abs() < 1e-9, "{one_voice}");
        assert_eq!(evenness(&[0, 0]), None);
        assert_eq!(evenness(&[10]), None);
    }
}
