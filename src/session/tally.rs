//! The speaking-time index: the speaking log summed by person, kept
//! between frames so that neither a frame nor a change sums thousands of
//! turns again.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::balance::turn_secs;
use super::timing::after_secs;
use super::{Session, Time, Turn};

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
    /// …and their finished seconds up to and including each of those turns…
    upto: Vec<Vec<u64>>,
    /// …and how many of those turns were slips (finished within
    /// `settings.slip_secs`), which are not counted as turns.
    slips: Vec<Vec<u32>>,
    /// Positions of the turns still open, each with its speaker's index
    /// (turns of someone not in the list are left out, as everywhere).
    open: Vec<(usize, usize)>,
    /// First and most on each ended item whose turns are all finished, by
    /// agenda index: these do not change with the clock, so a frame reads
    /// them rather than working them out again.
    settled: Vec<Option<Settled>>,
    /// Positions of the turns that may run on past the start of the turn
    /// after them, oldest first: the finished ones that do, and every open
    /// one (it grows with the clock). Any other turn ends by the time the
    /// next begins, so only these and the turn just before a moment can
    /// still be going on at it: who was speaking at a discussion's start,
    /// or when the log ends, is a look at a few turns, not the whole log.
    reach: Vec<u32>,
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
            slips: vec![Vec::new(); session.participants.len()],
            open: Vec::new(),
            settled: Vec::new(),
            reach: Vec::new(),
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
        for ((at, upto), slips) in self.at.iter_mut().zip(&mut self.upto).zip(&mut self.slips) {
            let cut = at.partition_point(|&t| (t as usize) < kept);
            at.truncate(cut);
            upto.truncate(cut);
            slips.truncate(cut);
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
        // Whether a turn runs on past the next one's start rests on that
        // next turn too: the last turn kept is looked at again.
        let from = self.len.saturating_sub(1);
        self.reach.retain(|&t| (t as usize) < from);
        let turns = &session.turns;
        for (t, turn) in turns.iter().enumerate().skip(from) {
            let runs_on = match turn.secs {
                None => true,
                Some(secs) => turns
                    .get(t + 1)
                    .is_some_and(|next| after_secs(turn.at, secs) > next.at),
            };
            if runs_on {
                self.reach.push(u32::try_from(t).unwrap_or(u32::MAX));
            }
        }
        let index: HashMap<&str, usize, BuildHasherDefault<IdHasher>> = self
            .ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        let slip_secs = session.settings.slip_secs();
        for (t, turn) in session.turns.iter().enumerate().skip(self.len) {
            let Some(&i) = index.get(turn.who.as_str()) else {
                continue;
            };
            let before = self.upto[i].last().copied().unwrap_or(0);
            let slips = self.slips[i].last().copied().unwrap_or(0);
            let slip = turn.secs.is_some_and(|s| s < slip_secs);
            self.at[i].push(u32::try_from(t).unwrap_or(u32::MAX));
            self.upto[i].push(before + turn.secs.unwrap_or(0));
            self.slips[i].push(slips + u32::from(slip));
            if turn.secs.is_none() {
                self.open.push((t, i));
            }
        }
        self.len = session.turns.len();
    }

    /// The turns before position `before` that may still be going on at a
    /// later moment: the one just before it and those that run on (see
    /// `reach`), oldest first.
    fn running_on(&self, before: usize) -> impl Iterator<Item = usize> + '_ {
        let cut = self.reach.partition_point(|&t| (t as usize) < before);
        let last = before.checked_sub(1);
        let reach = self.reach[..cut].iter().map(|&t| t as usize);
        reach.filter(move |&t| Some(t) != last).chain(last)
    }

    /// Who spoke from `from` up to `to`, as a scan of the log would find
    /// them: every turn that started before `to` and was still going on at
    /// `from` or began after it (open turns run to `now`). Whether anyone
    /// did (someone not in the list counts), and the ids of those who did,
    /// each once, participants in file order before anyone else.
    ///
    /// A search per participant and a look at the few turns that may run
    /// on (see `reach`), so it costs the same on any length of log.
    pub fn spoke_between<'s>(
        &self,
        session: &'s Session,
        from: Time,
        to: Time,
        now: Time,
    ) -> (bool, Vec<&'s str>) {
        let turns = &session.turns;
        let run = run_of(turns, from, to);
        let mut anyone = run.0 < run.1;
        let mut who: Vec<&str> = (0..self.ids.len())
            .filter(|&i| {
                let at = &self.at[i];
                let lo = at.partition_point(|&t| (t as usize) < run.0);
                at.get(lo).is_some_and(|&t| (t as usize) < run.1)
            })
            .map(|i| session.participants[i].id.as_str())
            .collect();
        for t in self.running_on(run.0) {
            let turn = &turns[t];
            let until = after_secs(turn.at, turn_secs(session, turn, now));
            if turn.at < to && until > from {
                anyone = true;
                if !who.contains(&turn.who.as_str()) {
                    who.push(&turn.who);
                }
            }
        }
        (anyone, who)
    }

    /// The latest moment any turn of the log reaches, its `secs` counted
    /// in full (an open turn's moment is its start), as
    /// [`super::timing::record_end`] reads the log.
    pub fn log_end(&self, session: &Session) -> Option<Time> {
        let turns = &session.turns;
        self.running_on(turns.len())
            .map(|t| after_secs(turns[t].at, turns[t].secs.unwrap_or(0)))
            .max()
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
        let (lo, hi) = if (from, to) == (0, self.len) {
            // The whole log (a total): no search through their turns,
            // whose cache misses cost more than the rest of a frame's sums.
            (0, at.len())
        } else {
            let lo = at.partition_point(|&t| (t as usize) < from);
            (lo, lo + at[lo..].partition_point(|&t| (t as usize) < to))
        };
        let finished = between(&self.upto[i], lo, hi);
        let slipped = between(&self.slips[i], lo, hi);
        let open: u64 = self
            .open
            .iter()
            .filter(|&&(t, who)| who == i && (from..to).contains(&t))
            .map(|&(t, _)| turn_secs(session, &session.turns[t], now))
            .sum();
        Span {
            secs: finished + open,
            turns: (hi - lo) as u32 - slipped,
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

/// What running totals `sums` add up to from position `lo` up to (not
/// including) `hi`.
fn between<T: Copy + Default + std::ops::Sub<Output = T>>(sums: &[T], lo: usize, hi: usize) -> T {
    match (lo, hi) {
        (lo, hi) if lo >= hi => T::default(),
        (0, hi) => sums[hi - 1],
        (lo, hi) => sums[hi - 1] - sums[lo - 1],
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
pub(super) fn items_from(session: &Session, tally: &Tally, now: Time) -> Vec<ItemSpeakers> {
    session
        .agenda
        .iter()
        .enumerate()
        .filter_map(|(item, it)| Some((item, it.started?, it.ended.unwrap_or(now))))
        .map(|(item, from, to)| {
            // A settled item is known by its times alone: the tally is
            // settled again after every change, so no search of the log
            // is needed for it in a frame.
            let settled = tally.settled.get(item).and_then(Option::as_ref);
            let (first, most) = match settled.filter(|s| s.times == (from, to)) {
                Some(s) => (s.first, s.most),
                None => tally.first_and_most(session, run_of(&session.turns, from, to), now),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::rubber_stamp::{derived, derived_with, rubber_stamp, rubber_stamp_with};
    use crate::session::timing::{record_end, record_end_with};
    use proptest::collection::vec;
    use proptest::option::weighted;

    /// Who may speak: the consent tests' five people and someone not in
    /// the list.
    const WHO: [&str; 6] = ["beve", "dulcie", "alex", "jon", "pat", "zed"];

    fn at(secs: i64) -> Time {
        Time::parse_from_rfc3339("2026-11-22T10:00:00+00:00").unwrap()
            + chrono::Duration::seconds(secs)
    }

    /// Turns after `from`, one per `(who, gap, secs)`: each `gap` seconds
    /// after the one before, its `secs` free to run past the next start
    /// or left open.
    fn turns(from: i64, spec: &[(usize, u16, Option<u16>)]) -> Vec<Turn> {
        let mut t = from;
        spec.iter()
            .map(|&(who, gap, secs)| {
                t += i64::from(gap);
                Turn {
                    who: WHO[who].to_owned(),
                    at: at(t),
                    secs: secs.map(u64::from),
                }
            })
            .collect()
    }

    /// Who spoke as a set of people in the list, and whether anyone did.
    fn voices(said: (bool, Vec<&str>)) -> (bool, Vec<&str>) {
        let (anyone, mut who) = said;
        who.retain(|w| WHO[..5].contains(w));
        who.sort_unstable();
        who.dedup();
        (anyone, who)
    }

    type Spec = Vec<(usize, u16, Option<u16>)>;

    fn spec() -> impl proptest::strategy::Strategy<Value = Spec> {
        vec((0usize..6, 0u16..120, weighted(0.85, 0u16..400)), 0..30)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Who spoke in a window, the rubber-stamp check and the log's end
        /// read from the tally are what a pass over the whole log finds,
        /// with turns that overlap, open ones and people not in the list;
        /// and a tally refitted after the log's tail changed is a fresh one.
        #[test]
        fn the_tally_reads_who_spoke_as_a_scan_of_the_log_does(
            before in spec(),
            keep in 0usize..30,
            after in spec(),
            windows in vec((-60i64..3000, -300i64..1500), 1..6),
            now in -60i64..5000,
        ) {
            let mut s: Session =
                serde_yaml::from_str(crate::session::consent::tests::SESSION).unwrap();
            s.turns = turns(0, &before);
            let mut tally = Tally::of(&s);
            // The tail from `keep` on replaced, as a change or undo does.
            let keep = keep.min(s.turns.len());
            let from = s.turns.get(keep.wrapping_sub(1)).map_or(0, |t| {
                (t.at - at(0)).num_seconds()
            });
            s.turns.truncate(keep);
            s.turns.extend(turns(from, &after));
            tally.refit(&s, keep);
            proptest::prop_assert_eq!(&tally, &Tally::of(&s));

            let now = at(now);
            let scan = record_end(&s);
            proptest::prop_assert_eq!(record_end_with(&s, || tally.log_end(&s)), scan);
            for (start, length) in windows {
                let (from, to) = (at(start), at(start + length));
                let kept = tally.spoke_between(&s, from, to, now);
                let scan = crate::session::rubber_stamp::spoke_between(&s, None, (from, to), now);
                proptest::prop_assert_eq!(voices(kept), voices(scan));
                // The open proposal (Alex's, power) as if agreed at `to`,
                // and an agreed one with no time decided (the record's end).
                s.decisions[1].opened = Some(from);
                let d = &s.decisions[1];
                proptest::prop_assert_eq!(
                    rubber_stamp_with(&s, Some(&tally), d, to, now),
                    rubber_stamp(&s, d, to, now)
                );
                s.decisions[3].opened = Some(from);
                s.decisions[3].proposed_by = "jon".into();
                let d = &s.decisions[3];
                proptest::prop_assert_eq!(
                    derived_with(&s, Some(&tally), d, now),
                    derived(&s, d, now)
                );
            }
        }
    }
}
