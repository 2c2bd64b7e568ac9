//! Jargon and slow-down cards: a member holds one up when a word loses
//! them or the talk runs too fast. Each is logged against whoever has the
//! floor, because who uses jargon is part of who holds power; the room
//! view shows the latest one for a while, with the word's meaning when the
//! jargon buster has one.

use super::balance::floor;
use super::jargon::{self, Source};
use super::timing::after_secs;
use super::{Card, CardKind, Session, Time};

/// How long the room view shows a card, in seconds: long enough to read a
/// meaning aloud and for the speaker to explain a word.
pub const SHOWN_SECS: u64 = 90;

/// Logs a card of `kind` at `now` against whoever has the floor, with the
/// word the facilitator typed (blank is none).
pub fn hold_up(session: &mut Session, kind: CardKind, now: Time, word: Option<&str>) {
    let who = floor(session).map(|t| t.who.clone());
    let word = word
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned);
    session.cards.push(Card {
        at: now,
        card: kind,
        who,
        word,
    });
}

/// What the room view says about the card being shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Showing<'a> {
    /// A word the jargon buster knows, and its meaning.
    Meaning {
        word: &'a str,
        meaning: &'a str,
        source: Source,
    },
    /// A word with no meaning yet: the speaker is asked to explain it.
    Explain { word: &'a str },
    /// A jargon card with no word typed: say it in plain words.
    PlainWords,
    /// Too fast: slow down.
    SlowDown,
}

/// The card the room view shows at `now`: the latest one held up less than
/// [`SHOWN_SECS`] before, and what to say about it.
pub fn showing(session: &Session, now: Time) -> Option<(&Card, Showing<'_>)> {
    let card = session
        .cards
        .iter()
        .rev()
        .find(|c| c.at <= now)
        .filter(|c| now < after_secs(c.at, SHOWN_SECS))?;
    let says = match (card.card, card.word.as_deref()) {
        (CardKind::SlowDown, _) => Showing::SlowDown,
        (CardKind::Jargon, None) => Showing::PlainWords,
        (CardKind::Jargon, Some(word)) => match jargon::lookup(session, word) {
            Some((meaning, source)) => Showing::Meaning {
                word,
                meaning,
                source,
            },
            None => Showing::Explain { word },
        },
    };
    Some((card, says))
}

/// Cards of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Count {
    pub jargon: u32,
    pub slow_down: u32,
}

impl Count {
    fn add(&mut self, kind: CardKind) {
        match kind {
            CardKind::Jargon => self.jargon += 1,
            CardKind::SlowDown => self.slow_down += 1,
        }
    }

    /// Every card, of both kinds.
    pub fn total(self) -> u32 {
        self.jargon + self.slow_down
    }
}

/// The cards counted by whoever had the floor: each person (in
/// `session.participants` order), each role (in `session.roles` order), the
/// roles with power together, and those held up while nobody spoke.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub people: Vec<Count>,
    pub roles: Vec<Count>,
    pub power: Count,
    pub nobody: Count,
    pub all: Count,
}

/// Counts every card in `session` held up before `end` (all, with none).
pub fn tally(session: &Session, end: Option<Time>) -> Tally {
    let mut t = Tally {
        people: vec![Count::default(); session.participants.len()],
        roles: vec![Count::default(); session.roles.len()],
        ..Tally::default()
    };
    for card in session
        .cards
        .iter()
        .filter(|c| end.is_none_or(|e| c.at <= e))
    {
        t.all.add(card.card);
        let person = card
            .who
            .as_deref()
            .and_then(|id| session.participants.iter().position(|p| p.id == id));
        let Some(i) = person else {
            t.nobody.add(card.card);
            continue;
        };
        t.people[i].add(card.card);
        let role = &session.participants[i].role;
        if let Some(r) = session.roles.iter().position(|r| r.id == *role) {
            t.roles[r].add(card.card);
            if session.roles[r].has_power() {
                t.power.add(card.card);
            }
        }
    }
    t
}

/// A word the room asked about: as first typed, how many cards named it,
/// and its meaning now (the group's glossary first), if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskedWord<'a> {
    pub word: &'a str,
    pub cards: u32,
    pub meaning: Option<&'a str>,
}

/// Every word jargon cards named, in the order first asked, each once (any
/// case, singular or plural).
pub fn asked_words(session: &Session) -> Vec<AskedWord<'_>> {
    let mut out: Vec<(String, AskedWord)> = Vec::new();
    for word in session.cards.iter().filter_map(|c| c.word.as_deref()) {
        let key = super::glossary::key(word);
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, asked)) => asked.cards += 1,
            None => out.push((
                key,
                AskedWord {
                    word,
                    cards: 1,
                    meaning: jargon::lookup(session, word).map(|(m, _)| m),
                },
            )),
        }
    }
    out.into_iter().map(|(_, asked)| asked).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::at as t;
    use crate::session::Turn;

    fn sample() -> Session {
        serde_yaml::from_str(
            "format: 1\ntitle: T\nboard: B\ndate: 2026-11-22
roles: [{ id: lived, label: Lived }, { id: staff, label: Staff, power: true }]
participants: [{ id: ann, name: Ann, role: lived }, { id: cal, name: Cal, role: staff }]
glossary: [{ word: ICB, meaning: The NHS body that plans health services here. }]
",
        )
        .unwrap()
    }

    fn speaking(s: &mut Session, who: &str, at: &str) {
        s.turns.push(Turn {
            who: who.into(),
            at: t(at),
            secs: None,
        });
    }

    #[test]
    fn a_card_is_against_whoever_has_the_floor_and_counts_by_role() {
        let mut s = sample();
        hold_up(&mut s, CardKind::SlowDown, t("10:00:00"), None);
        speaking(&mut s, "cal", "10:01:00");
        hold_up(&mut s, CardKind::Jargon, t("10:02:00"), Some("  ICB "));
        hold_up(&mut s, CardKind::Jargon, t("10:03:00"), Some(""));
        assert_eq!(s.cards[0].who, None);
        assert_eq!(s.cards[1].who.as_deref(), Some("cal"));
        assert_eq!(s.cards[1].word.as_deref(), Some("ICB"));
        assert_eq!(s.cards[2].word, None);
        let all = tally(&s, None);
        assert_eq!(
            all.people[1],
            Count {
                jargon: 2,
                slow_down: 0
            }
        );
        assert_eq!(all.roles[1].total(), 2);
        assert_eq!(all.power.jargon, 2);
        assert_eq!(all.nobody.slow_down, 1);
        assert_eq!(all.all.total(), 3);
        assert_eq!(tally(&s, Some(t("10:02:30"))).all.total(), 2);
    }

    #[test]
    fn the_room_sees_the_latest_card_for_a_while() {
        let mut s = sample();
        hold_up(&mut s, CardKind::Jargon, t("10:00:00"), Some("icb"));
        let (_, says) = showing(&s, t("10:00:30")).unwrap();
        assert_eq!(
            says,
            Showing::Meaning {
                word: "icb",
                meaning: "The NHS body that plans health services here.",
                source: Source::Group
            }
        );
        assert!(showing(&s, t("10:01:30")).is_none(), "gone after 90 s");
        hold_up(&mut s, CardKind::Jargon, t("10:05:00"), Some("ASC"));
        assert_eq!(
            showing(&s, t("10:05:01")).unwrap().1,
            Showing::Explain { word: "ASC" }
        );
        hold_up(
            &mut s,
            CardKind::Jargon,
            t("10:05:10"),
            Some("Safeguarding"),
        );
        assert!(matches!(
            showing(&s, t("10:05:11")).unwrap().1,
            Showing::Meaning {
                source: Source::BuiltIn,
                ..
            }
        ));
        hold_up(&mut s, CardKind::SlowDown, t("10:06:00"), None);
        assert_eq!(showing(&s, t("10:06:00")).unwrap().1, Showing::SlowDown);
        assert!(showing(&s, t("09:59:00")).is_none());
    }

    #[test]
    fn asked_words_are_listed_once_with_their_meaning() {
        let mut s = sample();
        for word in ["ICB", "icbs", "ASC", "Direct payments"] {
            hold_up(&mut s, CardKind::Jargon, t("10:00:00"), Some(word));
        }
        let asked = asked_words(&s);
        let words: Vec<(&str, u32, bool)> = asked
            .iter()
            .map(|a| (a.word, a.cards, a.meaning.is_some()))
            .collect();
        assert_eq!(
            words,
            [
                ("ICB", 2, true),
                ("ASC", 1, false),
                ("Direct payments", 1, true)
            ]
        );
    }
}
