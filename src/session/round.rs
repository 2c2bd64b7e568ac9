//! Check-in and check-out rounds: each person present is called in turn
//! and given the floor, in the order the group chose; a check-out can end
//! with the group's own show of hands on the six principles of
//! co-production. The rules here are pure; `app::round` presses the keys.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::balance::spoken;
use super::model::{Session, Time};
use super::ordered_map::OrderedMap;

/// One round of the meeting, as the file keeps it. Its turns are the
/// speaking log's turns from `from` until `to`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Round {
    pub kind: RoundKind,
    /// The calling order the group chose.
    pub order: RoundOrder,
    pub from: Time,
    /// Absent while the round goes on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Time>,
    /// Participant ids called so far, in the order they were called.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub called: Vec<String>,
    /// On a check-out: hands raised for each principle the group felt the
    /// meeting lived up to.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub hands: OrderedMap<Principle, u32>,
}

/// Whether a round opens the meeting or closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RoundKind {
    CheckIn,
    CheckOut,
}

impl RoundKind {
    /// Both kinds, in the order a meeting has them.
    pub const ALL: [RoundKind; 2] = [RoundKind::CheckIn, RoundKind::CheckOut];

    /// The id written in the file.
    pub fn id(self) -> &'static str {
        match self {
            RoundKind::CheckIn => "check-in",
            RoundKind::CheckOut => "check-out",
        }
    }

    /// How the room says it.
    pub fn label(self) -> &'static str {
        match self {
            RoundKind::CheckIn => "Check-in",
            RoundKind::CheckOut => "Check-out",
        }
    }
}

/// Who a round calls next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RoundOrder {
    /// Around the table: the order the participants are listed in.
    Listed,
    /// Whoever has spoken least so far goes first; ties as listed.
    LeastHeard,
}

impl RoundOrder {
    /// Both orders, the plainest first.
    pub const ALL: [RoundOrder; 2] = [RoundOrder::Listed, RoundOrder::LeastHeard];

    /// The id written in the file.
    pub fn id(self) -> &'static str {
        match self {
            RoundOrder::Listed => "listed",
            RoundOrder::LeastHeard => "least-heard",
        }
    }

    /// How the facilitator reads it.
    pub fn label(self) -> &'static str {
        match self {
            RoundOrder::Listed => "around the table, as listed",
            RoundOrder::LeastHeard => "least heard first",
        }
    }
}

/// The six principles of co-production (as Making it Real Norfolk teaches
/// them), which a check-out's show of hands looks back on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Principle {
    PeopleAsAssets,
    BuildingOnCapabilities,
    Reciprocity,
    PeerSupport,
    BlurringBoundaries,
    FacilitatingNotDelivering,
}

impl Principle {
    /// The six, in the order they are usually taught.
    pub const ALL: [Principle; 6] = [
        Principle::PeopleAsAssets,
        Principle::BuildingOnCapabilities,
        Principle::Reciprocity,
        Principle::PeerSupport,
        Principle::BlurringBoundaries,
        Principle::FacilitatingNotDelivering,
    ];

    /// The id written in the file.
    pub fn id(self) -> &'static str {
        match self {
            Principle::PeopleAsAssets => "people-as-assets",
            Principle::BuildingOnCapabilities => "building-on-capabilities",
            Principle::Reciprocity => "reciprocity",
            Principle::PeerSupport => "peer-support",
            Principle::BlurringBoundaries => "blurring-boundaries",
            Principle::FacilitatingNotDelivering => "facilitating-not-delivering",
        }
    }

    /// The principle's name as the room reads it.
    pub fn label(self) -> &'static str {
        match self {
            Principle::PeopleAsAssets => "People as assets",
            Principle::BuildingOnCapabilities => "Building on capabilities",
            Principle::Reciprocity => "Reciprocity",
            Principle::PeerSupport => "Peer support",
            Principle::BlurringBoundaries => "Blurring boundaries",
            Principle::FacilitatingNotDelivering => "Facilitating, not delivering",
        }
    }

    /// The question the room answers with its hands, in plain English.
    pub fn question(self) -> &'static str {
        match self {
            Principle::PeopleAsAssets => "Were we all treated as people with something to give?",
            Principle::BuildingOnCapabilities => "Did we use what each of us knows and can do?",
            Principle::Reciprocity => "Did everyone get something back for what they gave?",
            Principle::PeerSupport => "Did we support each other?",
            Principle::BlurringBoundaries => "Did staff and members work as equals?",
            Principle::FacilitatingNotDelivering => {
                "Did staff help things happen rather than do them for us?"
            }
        }
    }
}

/// The round going on, if any: the last one, while it has no end.
pub fn current(session: &Session) -> Option<usize> {
    let last = session.rounds.len().checked_sub(1)?;
    session.rounds[last].to.is_none().then_some(last)
}

/// The last check-out that has ended, for its show of hands.
pub fn last_check_out(session: &Session) -> Option<usize> {
    session
        .rounds
        .iter()
        .rposition(|r| r.kind == RoundKind::CheckOut && r.to.is_some())
}

/// Starts a round at `now`; nobody is called yet.
pub fn start(session: &mut Session, kind: RoundKind, order: RoundOrder, now: Time) {
    session.rounds.push(Round {
        kind,
        order,
        from: now,
        to: None,
        called: Vec::new(),
        hands: OrderedMap::new(),
    });
}

/// Who round `index` calls next: someone present and not yet called, first
/// as listed or least heard first (speaking time up to `now`, ties as
/// listed). `None` once everyone present has been called.
pub fn next_person(session: &Session, index: usize, now: Time) -> Option<String> {
    let round = &session.rounds[index];
    let waiting = session
        .participants
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_present() && !round.called.contains(&p.id));
    let next = match round.order {
        RoundOrder::Listed => waiting.min_by_key(|(i, _)| *i),
        RoundOrder::LeastHeard => {
            let (secs, _) = spoken(session, now);
            waiting.min_by_key(|(i, _)| (secs.get(*i).copied().unwrap_or(0), *i))
        }
    };
    next.map(|(_, p)| p.id.clone())
}

/// How many people round `index` has still to call, after those called.
pub fn still_to_call(session: &Session, index: usize) -> usize {
    let round = &session.rounds[index];
    session
        .participants
        .iter()
        .filter(|p| p.is_present() && !round.called.contains(&p.id))
        .count()
}

/// Ends the round going on at `now`.
pub fn end(session: &mut Session, now: Time) {
    if let Some(i) = current(session) {
        session.rounds[i].to = Some(now);
    }
}

/// The turns of round `index`: those that began between its start and its
/// end (or `now`, while it goes on).
pub fn turns(session: &Session, index: usize) -> impl Iterator<Item = &super::Turn> {
    let round = &session.rounds[index];
    let to = round.to;
    session
        .turns
        .iter()
        .filter(move |t| t.at >= round.from && to.is_none_or(|to| t.at < to))
}

/// The share of hands (0 to 1) for each principle counted on a round,
/// out of the people it called.
pub fn shares(round: &Round) -> Vec<(Principle, f64)> {
    let of = round.called.len().max(1) as f64;
    Principle::ALL
        .into_iter()
        .filter_map(|p| {
            round
                .hands
                .get(&p)
                .map(|&n| (p, (f64::from(n) / of).min(1.0)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::parse;

    fn meeting() -> Session {
        parse(
            "format: 1\ntitle: T\nboard: B\ndate: 2026-11-22\n\
             roles: [{ id: lived, label: Lived }]\n\
             participants:\n\
             - { id: ann, name: Ann, role: lived }\n\
             - { id: bev, name: Bev, role: lived }\n\
             - { id: cal, name: Cal, role: lived, present: false }\n\
             - { id: dee, name: Dee, role: lived }\n\
             turns:\n\
             - { who: ann, at: 2026-11-22T10:00:00+00:00, secs: 300 }\n\
             - { who: dee, at: 2026-11-22T10:05:00+00:00, secs: 60 }\n",
        )
        .unwrap()
    }

    fn at(hms: &str) -> Time {
        Time::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap()
    }

    #[test]
    fn listed_calls_the_present_as_listed_and_least_heard_the_quiet_first() {
        let mut s = meeting();
        start(
            &mut s,
            RoundKind::CheckIn,
            RoundOrder::Listed,
            at("10:10:00"),
        );
        assert_eq!(next_person(&s, 0, at("10:10:00")).as_deref(), Some("ann"));
        s.rounds[0].called.push("ann".into());
        assert_eq!(next_person(&s, 0, at("10:10:00")).as_deref(), Some("bev"));
        s.rounds[0].called.push("bev".into());
        // Cal is absent: skipped.
        assert_eq!(next_person(&s, 0, at("10:10:00")).as_deref(), Some("dee"));
        s.rounds[0].called.push("dee".into());
        assert_eq!(next_person(&s, 0, at("10:10:00")), None);
        assert_eq!(still_to_call(&s, 0), 0);

        let mut s = meeting();
        start(
            &mut s,
            RoundKind::CheckOut,
            RoundOrder::LeastHeard,
            at("10:10:00"),
        );
        let order: Vec<String> = std::iter::from_fn(|| {
            let next = next_person(&s, 0, at("10:10:00"))?;
            s.rounds[0].called.push(next.clone());
            Some(next)
        })
        .collect();
        assert_eq!(order, ["bev", "dee", "ann"]);
    }

    #[test]
    fn a_rounds_turns_are_those_begun_while_it_went_on() {
        let mut s = meeting();
        start(
            &mut s,
            RoundKind::CheckIn,
            RoundOrder::Listed,
            at("10:05:00"),
        );
        assert_eq!(turns(&s, 0).count(), 1);
        end(&mut s, at("10:05:00"));
        assert_eq!(turns(&s, 0).count(), 0);
        assert_eq!(current(&s), None);
    }

    #[test]
    fn shares_are_out_of_the_people_called_and_never_above_all() {
        let mut s = meeting();
        start(
            &mut s,
            RoundKind::CheckOut,
            RoundOrder::Listed,
            at("10:05:00"),
        );
        let r = &mut s.rounds[0];
        r.called = vec!["ann".into(), "bev".into(), "dee".into(), "cal".into()];
        r.hands.insert(Principle::Reciprocity, 3);
        r.hands.insert(Principle::PeerSupport, 9);
        assert_eq!(
            shares(r),
            [
                (Principle::Reciprocity, 0.75),
                (Principle::PeerSupport, 1.0)
            ]
        );
    }
}
