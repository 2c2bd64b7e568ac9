//! The serde types of a format-1 session file, as DESIGN.md describes them.
//!
//! Optional fields stay `Option` (rather than taking their default) so that a
//! hand-written `present: true` survives a save: the app only ever changes the
//! lines an action touches.

use chrono::{DateTime, FixedOffset, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ordered_map::OrderedMap;

/// A moment in the meeting: RFC 3339 with the local offset.
pub type Time = DateTime<FixedOffset>;

/// The only file format this version reads and writes.
pub const FORMAT: u32 = 1;

/// One meeting: the plan written by people and the record written by the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The file format: always 1.
    #[schemars(range(min = 1, max = 1))]
    pub format: u32,
    pub title: String,
    pub board: String,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator: Option<String>,
    /// The group's own thresholds; every one is optional.
    #[serde(default, skip_serializing_if = "Settings::is_empty")]
    pub settings: Settings,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<Item>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ladder: Vec<Judgement>,
    #[serde(default, skip_serializing_if = "Clock::is_empty")]
    pub clock: Clock,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub turns: Vec<Turn>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stack: Vec<String>,
    /// The group's own plain-English meanings of words its meetings use,
    /// looked up before the built-in ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub glossary: Vec<Meaning>,
    /// Jargon and slow-down cards the room held up, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<Card>,
    /// Each person's preparation and travel time and how they take
    /// recognition for it, typed after the meeting: for the finance team
    /// (`report --payments`) only, never shown to the room.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people_time: Vec<PersonTime>,
    /// Check-in and check-out rounds, oldest first; written by the app.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<super::round::Round>,
}

impl Session {
    /// The participant with `id`, if there is one.
    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }
}

/// One person's time beyond the meeting itself, and what they take for
/// their time. Each part is the person's own choice: a payment can affect
/// benefits, so a voucher or nothing is as good an answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonTime {
    /// A participant id.
    pub who: String,
    /// Minutes spent preparing (reading papers, pre-meetings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preparation_minutes: Option<u32>,
    /// Minutes spent travelling to and from the meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub travel_minutes: Option<u32>,
    /// What they take for their time; absent: not asked yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub takes: Option<Takes>,
}

/// What a person takes for their time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Takes {
    /// An involvement payment.
    Payment,
    /// A voucher instead of money.
    Voucher,
    /// Nothing: they give their time (or are paid for it already).
    Nothing,
}

impl Takes {
    /// Every choice, in the order the form offers them.
    pub const ALL: [Takes; 3] = [Takes::Payment, Takes::Voucher, Takes::Nothing];

    /// The id written in the file and the CSV.
    pub fn id(self) -> &'static str {
        match self {
            Takes::Payment => "payment",
            Takes::Voucher => "voucher",
            Takes::Nothing => "nothing",
        }
    }
}

/// A word and what it means, in one short plain-English sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meaning {
    pub word: String,
    pub meaning: String,
}

/// Thresholds the group can set in the file. Each is `Option` so that only
/// what the group wrote is written back; the methods give the defaults.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Minutes left in an item's time box when the timer warns (default 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warn_minutes: Option<u32>,
    /// Minutes left when the timer alerts (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert_minutes: Option<u32>,
    /// A turn longer than this many seconds is flagged (default 120).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long_turn_secs: Option<u64>,
    /// The stack's calling order (default progressive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack_order: Option<StackOrder>,
    /// A unanimous agreement after less discussion than this many seconds
    /// is flagged as a possible rubber stamp (default 120).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quick_agreement_secs: Option<u64>,
    /// A turn the floor moves on from within this many seconds is a slip
    /// of the key, kept as a correction rather than a turn (default 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slip_secs: Option<u64>,
    /// The length of a thinking time, in seconds (default 60).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thinking_secs: Option<u64>,
    /// Whether opening a proposal starts a thinking time before anyone
    /// answers (default no).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub think_before_consent: Option<bool>,
    /// Minutes between breaks the group asked for; with any participant's
    /// `needs` asking for breaks, the facilitator is reminded at the
    /// shortest (default none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub break_every_minutes: Option<u32>,
}

impl Settings {
    /// Nothing set: the block is left out of the file.
    pub fn is_empty(&self) -> bool {
        *self == Settings::default()
    }

    /// See [`Settings::warn_minutes`].
    pub fn warn_minutes(&self) -> u32 {
        self.warn_minutes.unwrap_or(5)
    }

    /// See [`Settings::alert_minutes`].
    pub fn alert_minutes(&self) -> u32 {
        self.alert_minutes.unwrap_or(2)
    }

    /// See [`Settings::long_turn_secs`].
    pub fn long_turn_secs(&self) -> u64 {
        self.long_turn_secs.unwrap_or(120)
    }

    /// See [`Settings::stack_order`].
    pub fn stack_order(&self) -> StackOrder {
        self.stack_order.unwrap_or_default()
    }

    /// See [`Settings::quick_agreement_secs`].
    pub fn quick_agreement_secs(&self) -> u64 {
        self.quick_agreement_secs.unwrap_or(120)
    }

    /// See [`Settings::slip_secs`].
    pub fn slip_secs(&self) -> u64 {
        self.slip_secs.unwrap_or(3)
    }

    /// See [`Settings::thinking_secs`].
    pub fn thinking_secs(&self) -> u64 {
        self.thinking_secs.unwrap_or(60)
    }

    /// See [`Settings::think_before_consent`].
    pub fn think_before_consent(&self) -> bool {
        self.think_before_consent.unwrap_or(false)
    }

    /// See [`Settings::break_every_minutes`].
    pub fn break_every_minutes(&self) -> Option<u32> {
        self.break_every_minutes
    }
}

/// A card someone in the room held up: a word lost them, or the talk went
/// too fast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub at: Time,
    pub card: CardKind,
    /// The participant id of whoever had the floor; absent when nobody had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    /// The word that lost people, when the facilitator typed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word: Option<String>,
}

/// Which card was held up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CardKind {
    /// A word lost someone: say it in plain words.
    Jargon,
    /// Too fast: slow down.
    SlowDown,
}

impl CardKind {
    /// The id written in the file.
    pub fn id(self) -> &'static str {
        match self {
            CardKind::Jargon => "jargon",
            CardKind::SlowDown => "slow-down",
        }
    }
}

/// How the stack orders raised hands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StackOrder {
    /// Whoever has spoken least so far goes first; ties by who raised first.
    #[default]
    Progressive,
    /// In the order hands went up.
    FirstCome,
}

impl StackOrder {
    /// The id written in the file.
    pub fn id(self) -> &'static str {
        match self {
            StackOrder::Progressive => "progressive",
            StackOrder::FirstCome => "first-come",
        }
    }
}

/// Where a person speaks from: lived experience, carer, staff, commissioner…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub label: String,
    /// Percentage of speaking time the group aims for, instead of headcount share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u32>,
    /// Holds formal power (staff, commissioners): watched together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power: Option<bool>,
}

impl Role {
    /// Whether the role holds formal power (absent means no).
    pub fn has_power(&self) -> bool {
        self.power.unwrap_or(false)
    }
}

/// A person at the meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Lowercase letters, digits and '-'.
    pub id: String,
    pub name: String,
    /// A role id.
    pub role: String,
    /// The speaker key: one lowercase letter or digit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<SpeakerKey>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
    /// Access needs: for the facilitator only, never shown to the room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<String>,
    /// What the room view shows instead of the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_name: Option<String>,
    /// Comings and goings once the meeting's clock started, oldest first;
    /// written by the app. Absent at the start with none: apologies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendance: Vec<Attendance>,
}

/// One coming or going: exactly one of `arrived` and `left`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrived: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Time>,
}

impl Attendance {
    /// When it happened, and whether the person was in the room after it.
    pub fn moment(&self) -> Option<(Time, bool)> {
        match (self.arrived, self.left) {
            (Some(at), None) => Some((at, true)),
            (None, Some(at)) => Some((at, false)),
            _ => None,
        }
    }
}

impl Participant {
    /// Whether the person is in the room (absent means yes).
    pub fn is_present(&self) -> bool {
        self.present.unwrap_or(true)
    }
}

/// A participant's key in the Balance pane. Held as the character typed; a
/// hand-written `key: 7` (a YAML integer) is read as the digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SpeakerKey(pub char);

impl SpeakerKey {
    /// Whether `c` may be a speaker key: a lowercase ASCII letter or a digit.
    pub fn allowed(c: char) -> bool {
        c.is_ascii_lowercase() || c.is_ascii_digit()
    }
}

impl JsonSchema for SpeakerKey {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SpeakerKey".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "One lowercase letter or digit (a digit may be written unquoted).",
            "anyOf": [
                { "type": "string", "pattern": "^[a-z0-9]$" },
                { "type": "integer", "minimum": 0, "maximum": 9 }
            ]
        })
    }
}

impl Serialize for SpeakerKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_char(self.0)
    }
}

impl<'de> Deserialize<'de> for SpeakerKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl serde::de::Visitor<'_> for KeyVisitor {
            type Value = SpeakerKey;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("one lowercase letter or digit")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<SpeakerKey, E> {
                match v {
                    0..=9 => Ok(SpeakerKey(char::from(b'0' + v as u8))),
                    _ => Err(E::custom(format!(
                        "key {v} is not one lowercase letter or digit"
                    ))),
                }
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<SpeakerKey, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::custom(format!(
                        "key {v} is not one lowercase letter or digit"
                    ))),
                }
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<SpeakerKey, E> {
                let mut chars = v.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if SpeakerKey::allowed(c) => Ok(SpeakerKey(c)),
                    _ => Err(E::custom(format!(
                        "key {v:?} is not one lowercase letter or digit"
                    ))),
                }
            }
        }
        d.deserialize_any(KeyVisitor)
    }
}

/// An agenda item with its time box.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub title: String,
    /// A participant id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// The time box.
    pub minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// What the group can change here, what is fixed, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<ItemScope>,
    /// On a "you said, we did" item: the earlier meeting's action it
    /// reports on, marked done or dropped here (absent state: still open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<ActionPoint>,
    /// What the group was told about that action: why it was not
    /// possible, or what is still to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
}

impl Item {
    /// A new item with its time box and nothing else.
    pub fn planned(id: String, title: String, minutes: u32) -> Item {
        Item {
            id,
            title,
            lead: None,
            minutes,
            started: None,
            ended: None,
            notes: None,
            scope: None,
            action: None,
            report: None,
        }
    }
}

/// What is open to change in an agenda item and what is not, so nobody
/// spends an item shaping something already decided elsewhere.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemScope {
    /// What the group can change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<String>,
    /// What is fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed: Option<String>,
    /// Why it is fixed (who decided, what rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

impl ItemScope {
    /// Nothing said: the item has no scope.
    pub fn is_empty(&self) -> bool {
        *self == ItemScope::default()
    }
}

/// A proposal and what the group made of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub id: String,
    pub proposal: String,
    /// A participant id.
    pub proposed_by: String,
    /// An agenda item id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub state: DecisionState,
    /// When the proposal was opened for discussion: the start of the window
    /// the rubber-stamp check reads in the speaking log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened: Option<Time>,
    /// Participant id to answer, in the order given.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub responses: OrderedMap<String, Response>,
    /// Participant id to the short reason given with a concern or objection.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub reasons: OrderedMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<Time>,
    /// When the group looks at it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionPoint>,
    /// Why the round was flagged as a possible rubber stamp, written when it
    /// closed; absent when it was not flagged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubber_stamp: Option<String>,
    /// The facilitator's note on the flag (why it was fine, or not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubber_stamp_note: Option<String>,
    /// Earlier wordings of the proposal, oldest first, each with the moment
    /// it was replaced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wordings: Vec<Wording>,
    /// Answers later changed, oldest first, each with its reason and the
    /// moment it was replaced.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_answers: Vec<EarlierAnswer>,
    /// The meeting this unfinished proposal was carried over from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
}

impl Decision {
    /// A new proposal in the queue, nothing yet recorded about it.
    pub fn queued(
        id: String,
        proposal: String,
        proposed_by: String,
        item: Option<String>,
    ) -> Decision {
        Decision {
            id,
            proposal,
            proposed_by,
            item,
            state: DecisionState::Queued,
            opened: None,
            responses: OrderedMap::default(),
            reasons: OrderedMap::default(),
            outcome: None,
            decided: None,
            review: None,
            actions: Vec::new(),
            rubber_stamp: None,
            rubber_stamp_note: None,
            wordings: Vec::new(),
            earlier_answers: Vec::new(),
            carried_from: None,
        }
    }
}

/// A proposal's wording before it was changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    pub proposal: String,
    /// When it was replaced by the next wording.
    pub until: Time,
}

/// An answer in a consent round that its giver later changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EarlierAnswer {
    /// A participant id.
    pub who: String,
    pub answer: Response,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// When it was replaced by the next answer.
    pub until: Time,
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionState {
    Queued,
    Open,
    Agreed,
    Amended,
    Deferred,
    NotAgreed,
    Withdrawn,
}

impl DecisionState {
    /// Every state, in the order a proposal usually moves through them.
    pub const ALL: [DecisionState; 7] = [
        DecisionState::Queued,
        DecisionState::Open,
        DecisionState::Agreed,
        DecisionState::Amended,
        DecisionState::Deferred,
        DecisionState::NotAgreed,
        DecisionState::Withdrawn,
    ];

    /// The id written in the file.
    pub fn id(self) -> &'static str {
        match self {
            DecisionState::Queued => "queued",
            DecisionState::Open => "open",
            DecisionState::Agreed => "agreed",
            DecisionState::Amended => "amended",
            DecisionState::Deferred => "deferred",
            DecisionState::NotAgreed => "not-agreed",
            DecisionState::Withdrawn => "withdrawn",
        }
    }
}

/// One person's answer in a consent round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Response {
    Agree,
    Concern,
    Object,
    Abstain,
}

impl Response {
    /// Every answer, in the order the pane offers them.
    pub const ALL: [Response; 4] = [
        Response::Agree,
        Response::Concern,
        Response::Object,
        Response::Abstain,
    ];

    /// The id written in the file.
    pub fn id(self) -> &'static str {
        match self {
            Response::Agree => "agree",
            Response::Concern => "concern",
            Response::Object => "object",
            Response::Abstain => "abstain",
        }
    }
}

/// Something someone will do as a result of a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionPoint {
    pub what: String,
    /// A participant id.
    pub who: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Marked done or dropped; absent while it is still to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<ActionState>,
}

/// How an action point ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActionState {
    Done,
    Dropped,
}

impl ActionState {
    /// The id written in the file.
    pub fn id(self) -> &'static str {
        match self {
            ActionState::Done => "done",
            ActionState::Dropped => "dropped",
        }
    }
}

/// The rungs of the ladder of co-production (Think Local Act Personal),
/// bottom to top.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Rung {
    Coercion,
    Educating,
    Informing,
    Consultation,
    Engagement,
    CoDesign,
    CoProduction,
}

/// The three bands of the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    DoingTo,
    DoingFor,
    DoingWith,
}

impl Band {
    /// How the band is said aloud.
    pub fn label(self) -> &'static str {
        match self {
            Band::DoingTo => "doing to",
            Band::DoingFor => "doing for",
            Band::DoingWith => "doing with",
        }
    }
}

impl Rung {
    /// Every rung, bottom to top.
    pub const ALL: [Rung; 7] = [
        Rung::Coercion,
        Rung::Educating,
        Rung::Informing,
        Rung::Consultation,
        Rung::Engagement,
        Rung::CoDesign,
        Rung::CoProduction,
    ];

    /// The rung's place on the ladder, 0 at the bottom.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The id written in the file.
    pub fn id(self) -> &'static str {
        match self {
            Rung::Coercion => "coercion",
            Rung::Educating => "educating",
            Rung::Informing => "informing",
            Rung::Consultation => "consultation",
            Rung::Engagement => "engagement",
            Rung::CoDesign => "co-design",
            Rung::CoProduction => "co-production",
        }
    }

    /// The rung's name as the room reads it.
    pub fn label(self) -> &'static str {
        match self {
            Rung::Coercion => "Coercion",
            Rung::Educating => "Educating",
            Rung::Informing => "Informing",
            Rung::Consultation => "Consultation",
            Rung::Engagement => "Engagement",
            Rung::CoDesign => "Co-design",
            Rung::CoProduction => "Co-production",
        }
    }

    /// A one-line plain-English meaning.
    pub fn meaning(self) -> &'static str {
        match self {
            Rung::Coercion => "People are made to attend; they have no say at all",
            Rung::Educating => "People are told how things work so they accept them",
            Rung::Informing => "People are told what has been decided",
            Rung::Consultation => "People are asked their views; others decide",
            Rung::Engagement => "People have a say; those with power still decide",
            Rung::CoDesign => "People shape the plan, but not the final decision",
            Rung::CoProduction => "People share power as equals, from start to finish",
        }
    }

    /// Doing to, for or with.
    pub fn band(self) -> Band {
        match self {
            Rung::Coercion | Rung::Educating => Band::DoingTo,
            Rung::Informing | Rung::Consultation | Rung::Engagement => Band::DoingFor,
            Rung::CoDesign | Rung::CoProduction => Band::DoingWith,
        }
    }
}

/// A rung judgement: where the group placed an item, or the whole meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    pub at: Time,
    /// An agenda item id; absent means the meeting as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub rung: Rung,
    /// The show of hands per rung.
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub votes: OrderedMap<Rung, u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The meeting clock, written by the app.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clock {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<Time>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<Break>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Time>,
    /// Silent pauses for thinking, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thinking: Vec<Thinking>,
}

impl Clock {
    /// Nothing recorded yet: the section is left out of the file.
    pub fn is_empty(&self) -> bool {
        self.started.is_none()
            && self.breaks.is_empty()
            && self.ended.is_none()
            && self.thinking.is_empty()
    }
}

/// A thinking time: a silent pause in which nobody has the floor, so
/// people can think before anyone speaks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Thinking {
    pub from: Time,
    /// The length set, in seconds.
    pub secs: u64,
    /// When it was cut short (someone was given the floor, or the key was
    /// pressed again); absent when it ran its length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Time>,
    /// The id of the proposal it came before, when opening one started it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
}

/// A break; `to` is absent while the break goes on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Break {
    pub from: Time,
    /// The length the room agreed, in minutes: the agreed return is `from`
    /// plus this. `to` is when the meeting really came back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Time>,
}

impl Break {
    /// The agreed return, when the room agreed a length.
    pub fn agreed_return(&self) -> Option<Time> {
        self.minutes
            .map(|m| super::timing::after_secs(self.from, u64::from(m) * 60))
    }
}

/// One person speaking; `secs` is absent while they still have the floor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Turn {
    /// A participant id.
    pub who: String,
    pub at: Time,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secs: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::Rung;

    #[test]
    fn a_rungs_index_is_its_place_from_the_bottom() {
        for (place, rung) in Rung::ALL.into_iter().enumerate() {
            assert_eq!(rung.index(), place, "{rung:?}");
        }
    }
}
