//! The room view for browsers: what `coproduce serve` sends, worked out
//! from the session and the time alone, with no I/O.
//!
//! [`RoomState`] holds what the room view shows, under its privacy rules:
//! people named only through [`room_name_of`], and nothing the facilitator
//! keeps for themselves (access needs, notes of any kind, reasons,
//! outcomes). [`page`] turns it into one accessible HTML page and
//! [`sections`] into the parts a live page replaces when the file is saved.
//! Every text from the file goes through [`escape`], so nothing in it can
//! become markup, a control character or a bidirectional override.

pub mod page;

pub use page::{PageLinks, Section, Status, escape, event_data, page, sections, style_sheet};

use crate::app::decisions::open_index;
use crate::app::ladder::{about, current};
use crate::session::balance::{Balance, Standing, bar_scale, floor, long_turn, turn_secs};
use crate::session::consent::{is_closed, present_answers, state_words};
use crate::session::offsets::TimeOfDay;
use crate::session::timing::{current_break, format_duration, item_used_secs, running_item};
use crate::session::{DecisionState, Session, Time};
use crate::ui::{break_words, hand_reasons, percent, role_symbol, room_name_of};

/// What the room view shows at one moment, in words ready to print.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomState {
    /// The meeting's title.
    pub title: String,
    /// The item running, or why none is.
    pub item: ItemLine,
    /// Time left in the item's box (or over it), or the break, in whole
    /// minutes so a screen reader announces it at most once a minute.
    pub timer: String,
    /// Who has the floor, their role and for how long, in whole minutes.
    pub floor: String,
    /// Whether the turn on the floor has run past the long-turn limit.
    pub long_turn: bool,
    /// How the raised hands are ordered (`progressive`, `first-come`).
    pub order: String,
    /// The raised hands in calling order.
    pub hands: Vec<Hand>,
    /// Speaking time by role against fair share.
    pub roles: Vec<RoleLine>,
    /// The roles with power together, when any role has power.
    pub power: Option<PowerLine>,
    /// The proposal open for answers.
    pub proposal: Option<Proposal>,
    /// Every closed decision, oldest first.
    pub decided: Vec<Decided>,
    /// The rung the group last judged (for the running item when it has one).
    pub rung: Option<RungLine>,
}

/// The item line: which item of how many, its title and who leads it.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemLine {
    /// `Item 2 of 5`, or `5 items` when none runs.
    pub place: String,
    /// The item's title, or `No item running` / `The meeting has ended`.
    pub title: String,
    /// The lead's room name.
    pub lead: Option<String>,
}

/// One raised hand.
#[derive(Debug, Clone, PartialEq)]
pub struct Hand {
    /// Their room name.
    pub name: String,
    /// Why they are where they are on the stack.
    pub why: String,
}

/// One role's share of the speaking time.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleLine {
    /// The role's slot, for its colour and symbol.
    pub slot: usize,
    /// The role's symbol, so roles are told apart without colour.
    pub symbol: &'static str,
    /// The role's label.
    pub label: String,
    /// Whether the role holds power.
    pub power: bool,
    /// Its share, 0.0 to 1.0.
    pub share: f64,
    /// Its fair share or target, 0.0 to 1.0.
    pub fair: f64,
    /// Whether `fair` is the role's own target.
    pub is_target: bool,
    /// How the share stands against the fair share, in words.
    pub standing: &'static str,
    /// The bar's length and the fair mark's place, 0 to 100, on a scale
    /// shared by every role so bars compare.
    pub bar: (f64, f64),
}

/// The roles with power together.
#[derive(Debug, Clone, PartialEq)]
pub struct PowerLine {
    /// Their share together, as `34%`.
    pub share: String,
    /// Their fair share together.
    pub fair: String,
    /// Whether they are over it.
    pub over: bool,
}

/// The proposal open for answers.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// Its words.
    pub text: String,
    /// Who proposed it, by room name.
    pub from: String,
    /// How many of those present have answered.
    pub answered: usize,
    /// How many are present.
    pub present: usize,
}

/// A closed decision: its outcome in the state's words only, never the
/// outcome text (it names people).
#[derive(Debug, Clone, PartialEq)]
pub struct Decided {
    /// `✓`, `✖` or `·`.
    pub symbol: &'static str,
    /// `agreed`, `not agreed`…
    pub words: &'static str,
    /// Whether it was flagged as a rubber stamp.
    pub flagged: bool,
    /// The proposal's words.
    pub proposal: String,
}

/// The rung of the ladder the group judged.
#[derive(Debug, Clone, PartialEq)]
pub struct RungLine {
    /// The rung's name.
    pub label: &'static str,
    /// What it means.
    pub meaning: &'static str,
    /// Its band (`co-production`, `doing for`…).
    pub band: &'static str,
    /// What was judged: the item's title, or the meeting.
    pub about: String,
}

/// Minutes, rounded down, in words: `under 1 min`, `12 min`, `1 h 5 min`.
fn minutes(secs: u64) -> String {
    match secs {
        0..60 => "under 1 min".into(),
        60..3600 => format!("{} min", secs / 60),
        _ => format!("{} h {} min", secs / 3600, secs / 60 % 60),
    }
}

impl RoomState {
    /// The room view of `s` at `now`.
    pub fn of(s: &Session, now: Time) -> RoomState {
        let balance = Balance::compute(s, now);
        let item = match running_item(s) {
            Some(i) => ItemLine {
                place: format!("Item {} of {}", i + 1, s.agenda.len()),
                title: s.agenda[i].title.clone(),
                lead: s.agenda[i].lead.as_deref().map(|id| room_name_of(s, id)),
            },
            None => ItemLine {
                place: format!("{} items", s.agenda.len()),
                title: if s.clock.ended.is_some() {
                    "The meeting has ended".into()
                } else {
                    "No item running".into()
                },
                lead: None,
            },
        };
        let timer = if let Some(pause) = current_break(&s.clock, now) {
            break_words(pause, TimeOfDay::of(s, now))
        } else if let Some(i) = running_item(s) {
            let item = &s.agenda[i];
            let used = item_used_secs(item, &s.clock, now).unwrap_or(0);
            let boxed = u64::from(item.minutes) * 60;
            if used > boxed {
                format!("{} over its {} min", minutes(used - boxed), item.minutes)
            } else {
                format!("{} left of {} min", minutes(boxed - used), item.minutes)
            }
        } else {
            "No item running".into()
        };
        let (floor, long) = match floor(s) {
            None => ("Nobody has the floor".to_owned(), false),
            Some(turn) => {
                let mut words = room_name_of(s, &turn.who);
                if let Some(person) = s.participant(&turn.who)
                    && let Some(slot) = s.roles.iter().position(|r| r.id == person.role)
                {
                    words.push_str(&format!(" ({} {})", role_symbol(slot), s.roles[slot].label));
                }
                let long = long_turn(s, now);
                let secs = turn_secs(s, turn, now);
                match long {
                    Some(_) => words.push_str(&format!(
                        " has the floor: ⚠ long turn, {} (over {})",
                        minutes(secs),
                        format_duration(s.settings.long_turn_secs())
                    )),
                    None => words.push_str(&format!(" has the floor, {}", minutes(secs))),
                }
                (words, long.is_some())
            }
        };
        let why = hand_reasons(s, &balance);
        let hands = s
            .stack
            .iter()
            .zip(why)
            .map(|(id, why)| Hand {
                name: room_name_of(s, id),
                why,
            })
            .collect();
        let scale = bar_scale(balance.roles.iter().map(|r| (r.share, r.fair)));
        let to_bar = |x: f64| (x / scale * 100.0).clamp(0.0, 100.0);
        let roles = balance
            .roles
            .iter()
            .map(|share| {
                let role = &s.roles[share.index];
                RoleLine {
                    slot: share.index,
                    symbol: role_symbol(share.index),
                    label: role.label.clone(),
                    power: role.has_power(),
                    share: share.share,
                    fair: share.fair,
                    is_target: share.is_target,
                    standing: Standing::of(share.share, share.fair).words(),
                    bar: (to_bar(share.share), to_bar(share.fair)),
                }
            })
            .collect();
        let power = balance.power.as_ref().map(|p| PowerLine {
            share: percent(p.share),
            fair: percent(p.fair),
            over: p.is_over(),
        });
        let proposal = open_index(s).map(|i| {
            let d = &s.decisions[i];
            Proposal {
                text: d.proposal.clone(),
                from: room_name_of(s, &d.proposed_by),
                answered: present_answers(s, d).count(),
                present: s.participants.iter().filter(|p| p.is_present()).count(),
            }
        });
        let decided = s
            .decisions
            .iter()
            .filter(|d| is_closed(d.state))
            .map(|d| Decided {
                symbol: match d.state {
                    DecisionState::Agreed | DecisionState::Amended => "✓",
                    DecisionState::NotAgreed => "✖",
                    _ => "·",
                },
                words: state_words(d.state),
                flagged: d.rubber_stamp.is_some(),
                proposal: d.proposal.clone(),
            })
            .collect();
        let rung = current(s).map(|j| {
            let judgement = &s.ladder[j];
            RungLine {
                label: judgement.rung.label(),
                meaning: judgement.rung.meaning(),
                band: judgement.rung.band().label(),
                about: about(s, judgement.item.as_deref()),
            }
        });
        RoomState {
            title: s.title.clone(),
            item,
            timer,
            floor,
            long_turn: long,
            order: s.settings.stack_order().id().to_owned(),
            hands,
            roles,
            power,
            proposal,
            decided,
            rung,
        }
    }
}

#[cfg(test)]
mod tests;
