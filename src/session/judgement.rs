//! How a rung judgement is worked out from a show of hands, and what rung a
//! whole meeting reached. Every tie goes to the lower rung, so that the
//! group never flatters itself.

use std::collections::HashSet;

use super::model::{Judgement, Rung, Session};
use super::ordered_map::OrderedMap;

/// The rung with the most hands; a tie goes to the lower rung. `None` when
/// nobody has raised a hand.
pub fn most_voted(votes: &OrderedMap<Rung, u32>) -> Option<Rung> {
    // Bottom to top, keeping the first of equals: the lower rung wins a tie.
    Rung::ALL
        .iter()
        .map(|&rung| (rung, votes.get(&rung).copied().unwrap_or(0)))
        .filter(|&(_, hands)| hands > 0)
        .fold(
            None,
            |best: Option<(Rung, u32)>, (rung, hands)| match best {
                Some((_, most)) if most >= hands => best,
                _ => Some((rung, hands)),
            },
        )
        .map(|(rung, _)| rung)
}

/// The middle of `rungs`; of an even count, the lower of the two middle
/// ones (the group never flatters itself). `None` when there are none.
pub fn lower_median(mut rungs: Vec<Rung>) -> Option<Rung> {
    rungs.sort_unstable();
    let middle = rungs.len().checked_sub(1)? / 2;
    rungs.get(middle).copied()
}

impl Judgement {
    /// Every hand raised, on any rung.
    pub fn hands(&self) -> u32 {
        self.votes.iter().map(|(_, &n)| n).sum()
    }

    /// Whether the settled rung is the one the hands give (or no hand is up
    /// yet). While it is, it moves with the hands; a rung the group settled
    /// on over the hands stays until the facilitator settles again.
    pub fn follows_hands(&self) -> bool {
        most_voted(&self.votes).is_none_or(|rung| rung == self.rung)
    }

    /// Sets the hands on `rung` to `count`, keeping the votes top rung first
    /// (as the ladder is drawn) with no empty rungs, and moving the settled
    /// rung with the hands if it followed them.
    pub fn set_hands(&mut self, rung: Rung, count: u32) {
        let following = self.follows_hands();
        let mut votes = std::mem::take(&mut self.votes);
        votes.insert(rung, count);
        self.votes = Rung::ALL
            .iter()
            .rev()
            .filter_map(|r| votes.get(r).map(|&n| (*r, n)))
            .filter(|&(_, n)| n > 0)
            .collect();
        if following && let Some(top) = most_voted(&self.votes) {
            self.rung = top;
        }
    }
}

/// What a meeting's own rung was worked out from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The last judgement of the meeting as a whole.
    Meeting,
    /// No judgement of the whole meeting: the lower median of the latest
    /// judgement of each of this many items.
    Items(usize),
}

/// The rung a meeting reached, and how it was worked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingRung {
    pub rung: Rung,
    pub basis: Basis,
}

/// The meeting's rung: its last judgement of the meeting as a whole, else
/// the lower median of its items' (each item's latest judgement counts
/// once). `None` when nothing was judged.
pub fn meeting_rung(session: &Session) -> Option<MeetingRung> {
    rung_of(&session.ladder)
}

/// [`meeting_rung`] from a meeting's judgements alone: all the trend over
/// earlier meetings reads of their files.
pub fn rung_of(ladder: &[Judgement]) -> Option<MeetingRung> {
    if let Some(whole) = ladder.iter().rev().find(|j| j.item.is_none()) {
        return Some(MeetingRung {
            rung: whole.rung,
            basis: Basis::Meeting,
        });
    }
    let mut judged = HashSet::new();
    let latest: Vec<Rung> = ladder
        .iter()
        .rev()
        .filter(|j| judged.insert(j.item.as_deref()))
        .map(|j| j.rung)
        .collect();
    let items = latest.len();
    lower_median(latest).map(|rung| MeetingRung {
        rung,
        basis: Basis::Items(items),
    })
}

/// The show of hands on `judgement` and the people present, when there are
/// more hands than people: a miscount the facilitator is warned of.
pub fn too_many_hands(session: &Session, judgement: &Judgement) -> Option<(u32, usize)> {
    let hands: u32 = judgement.votes.iter().map(|(_, n)| *n).sum();
    let present = session
        .participants
        .iter()
        .filter(|p| p.is_present())
        .count();
    (hands as usize > present).then_some((hands, present))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rung::*;

    fn votes(pairs: &[(Rung, u32)]) -> OrderedMap<Rung, u32> {
        pairs.iter().copied().collect()
    }

    fn judgement(rung: Rung, pairs: &[(Rung, u32)]) -> Judgement {
        Judgement {
            at: crate::session::Time::parse_from_rfc3339("2026-11-22T10:00:00+00:00").unwrap(),
            item: None,
            rung,
            votes: votes(pairs),
            note: None,
        }
    }

    #[test]
    fn the_most_hands_give_the_rung_and_a_tie_goes_lower() {
        assert_eq!(most_voted(&votes(&[])), None);
        assert_eq!(most_voted(&votes(&[(CoDesign, 0)])), None);
        assert_eq!(
            most_voted(&votes(&[(CoDesign, 5), (Consultation, 2)])),
            Some(CoDesign)
        );
        assert_eq!(
            most_voted(&votes(&[(CoProduction, 3), (Informing, 3), (CoDesign, 1)])),
            Some(Informing)
        );
        // File order does not matter: the lower rung still wins.
        assert_eq!(
            most_voted(&votes(&[(Informing, 3), (CoProduction, 3)])),
            Some(Informing)
        );
    }

    #[test]
    fn hands_move_a_following_rung_and_are_kept_top_first() {
        let mut j = judgement(Coercion, &[]);
        j.set_hands(Consultation, 2);
        assert_eq!(j.rung, Consultation);
        j.set_hands(CoDesign, 2);
        assert_eq!(j.rung, Consultation, "a tie goes to the lower rung");
        j.set_hands(CoDesign, 3);
        assert_eq!(j.rung, CoDesign);
        assert_eq!(j.votes, votes(&[(CoDesign, 3), (Consultation, 2)]));
        j.set_hands(CoDesign, 0);
        assert_eq!(j.rung, Consultation);
        assert_eq!(j.votes, votes(&[(Consultation, 2)]));
        j.set_hands(Consultation, 0);
        assert!(j.votes.is_empty());
        assert_eq!(j.rung, Consultation, "no hands leave the rung as it was");
    }

    #[test]
    fn a_rung_settled_over_the_hands_stays_with_the_spread_kept() {
        let mut j = judgement(CoDesign, &[(CoDesign, 5), (Consultation, 2)]);
        assert!(j.follows_hands());
        // The facilitator settles on consultation, the hands stay as raised.
        j.rung = Consultation;
        assert!(!j.follows_hands());
        j.set_hands(CoDesign, 6);
        assert_eq!(j.rung, Consultation);
        assert_eq!(j.votes, votes(&[(CoDesign, 6), (Consultation, 2)]));
        assert_eq!(j.hands(), 8);
    }

    #[test]
    fn the_median_of_an_even_count_is_the_lower() {
        assert_eq!(lower_median(vec![]), None);
        assert_eq!(lower_median(vec![CoDesign]), Some(CoDesign));
        assert_eq!(lower_median(vec![CoProduction, Informing]), Some(Informing));
        assert_eq!(
            lower_median(vec![CoProduction, Informing, Engagement]),
            Some(Engagement)
        );
        assert_eq!(
            lower_median(vec![CoProduction, Coercion, CoDesign, Consultation]),
            Some(Consultation)
        );
    }

    #[test]
    fn a_meeting_rung_prefers_the_whole_meeting_then_each_items_latest() {
        let yaml = "format: 1\ntitle: T\nboard: B\ndate: 2026-11-22
agenda: [{ id: a, title: A, minutes: 5 }, { id: b, title: B, minutes: 5 }]
ladder:
  - { at: 2026-11-22T10:00:00+00:00, item: a, rung: co-production }
  - { at: 2026-11-22T10:10:00+00:00, item: b, rung: informing }
  - { at: 2026-11-22T10:20:00+00:00, item: a, rung: co-design }
";
        let mut session: Session = serde_yaml::from_str(yaml).unwrap();
        assert_eq!(
            meeting_rung(&session),
            Some(MeetingRung {
                rung: Informing,
                basis: Basis::Items(2)
            })
        );
        let mut whole = session.ladder[0].clone();
        whole.item = None;
        whole.rung = Engagement;
        session.ladder.insert(1, whole);
        assert_eq!(
            meeting_rung(&session),
            Some(MeetingRung {
                rung: Engagement,
                basis: Basis::Meeting
            })
        );
        session.ladder.clear();
        assert_eq!(meeting_rung(&session), None);
    }
}
