//! The rules of a format-1 session beyond its types: ids well formed and
//! unique, every reference pointing at something that exists, times in order.
//!
//! Every problem is reported (not just the first; up to `MAX_PROBLEMS`),
//! each at the line and column of the value to fix, so one `coproduce
//! check` run lists them all.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use chrono::Timelike;

use super::locate::{Pos, Spans};
use super::model::{DecisionState, FORMAT, Session, SpeakerKey, Time};
use super::problem::{Problem, Problems, quote, suggest};

mod practice;

/// The longest a turn, a setting in seconds or a meeting can run: a day.
pub const MAX_SECS: u64 = 24 * 60 * 60;
/// The most minutes an item, a break or a timer setting can have: a day.
pub const MAX_MINUTES: u64 = 24 * 60;
/// The most hands for one rung in one show of hands.
pub const MAX_VOTES: u64 = 100_000;
/// The years a session's dates and times may fall in.
pub const MIN_YEAR: i32 = 1970;
/// See [`MIN_YEAR`].
pub const MAX_YEAR: i32 = 9999;

/// Every rule `session` breaks, placed through `spans` (from the same text),
/// in file order.
pub fn validate(session: &Session, spans: &Spans) -> Vec<Problem> {
    let mut check = Checker {
        spans,
        problems: Problems::default(),
    };
    if session.format != FORMAT {
        let message = format!(
            "format {} is not one this version of coproduce reads; it reads format {FORMAT}",
            session.format
        );
        check.at("format", message);
    }
    let known = Lists {
        roles: check.ids(List::Roles, session),
        people: check.ids(List::Participants, session),
        agenda: check.ids(List::Agenda, session),
    };
    let proposals = check.ids(List::Decisions, session);
    check.settings(session);
    check.roles(session);
    check.participants(session, &known);
    check.agenda(session, &known);
    check.decisions(session, &known);
    check.rounds(session, &known);
    check.ladder(session, &known);
    check.clock(session);
    check.overlapping_breaks(session);
    check.thinking(session, &proposals);
    check.turns(session, &known);
    check.stack(session, &known);
    check.bounds(session);
    check.glossary(session);
    check.cards(session, &known);
    check.people_time(session, &known);
    check.practice(session, &known);
    check.problems.finish()
}

/// The lists whose entries have ids.
#[derive(Debug, Clone, Copy)]
enum List {
    Roles,
    Participants,
    Agenda,
    Decisions,
}

impl List {
    /// The field in the file.
    fn field(self) -> &'static str {
        match self {
            List::Roles => "roles",
            List::Participants => "participants",
            List::Agenda => "agenda",
            List::Decisions => "decisions",
        }
    }

    /// One entry, as the room says it.
    fn noun(self) -> &'static str {
        match self {
            List::Roles => "role",
            List::Participants => "participant",
            List::Agenda => "agenda item",
            List::Decisions => "decision",
        }
    }

    /// The ids of this list in `session`, in file order.
    fn ids(self, session: &Session) -> Vec<&str> {
        match self {
            List::Roles => session.roles.iter().map(|r| r.id.as_str()).collect(),
            List::Participants => session.participants.iter().map(|p| p.id.as_str()).collect(),
            List::Agenda => session.agenda.iter().map(|i| i.id.as_str()).collect(),
            List::Decisions => session.decisions.iter().map(|d| d.id.as_str()).collect(),
        }
    }

    /// The whole list, as it reads after "is not in".
    fn name(self) -> &'static str {
        match self {
            List::Agenda => "the agenda",
            other => other.field(),
        }
    }
}

/// The ids of one list, for checking references to it.
struct Known<'s> {
    list: List,
    /// In file order, so a suggestion prefers the earlier of two equals.
    ids: Vec<&'s str>,
    set: HashSet<&'s str>,
}

/// The lists other fields refer to (only a thinking time refers to a
/// decision).
struct Lists<'s> {
    roles: Known<'s>,
    people: Known<'s>,
    agenda: Known<'s>,
}

/// Where a checked number or time sits. The path is spelled out only for
/// one out of range: a long meeting's log alone holds tens of thousands.
enum Field {
    /// One field of one entry of a list: `turns[3].secs`.
    Of(&'static str, usize, &'static str),
    /// Any other path.
    Path(String),
}

impl Field {
    fn path(&self) -> String {
        match self {
            Field::Of(list, i, field) => format!("{list}[{i}].{field}"),
            Field::Path(path) => path.clone(),
        }
    }
}

struct Checker<'a> {
    spans: &'a Spans,
    problems: Problems,
}

impl Checker<'_> {
    /// Where the value at `path` is, or the nearest place to it.
    fn value(&self, path: &str) -> Pos {
        self.spans.value_or_near(path)
    }

    /// A problem with the value at `path`.
    fn at(&mut self, path: &str, message: String) {
        let at = self.value(path);
        self.problems.push(at.problem(message));
    }

    /// Checks that each id of `list` is well formed and used once, and
    /// returns them for reference checks.
    fn ids<'s>(&mut self, list: List, session: &'s Session) -> Known<'s> {
        let noun = list.noun();
        let mut known = Known {
            list,
            ids: Vec::new(),
            set: HashSet::new(),
        };
        let mut first: HashMap<&str, Pos> = HashMap::new();
        for (i, id) in list.ids(session).into_iter().enumerate() {
            let path = format!("{}[{i}].id", list.field());
            let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
            if id.is_empty() {
                let message = format!("a {noun} id is empty; use lowercase letters, digits or '-'");
                self.at(&path, message);
            } else if !id.chars().all(allowed) {
                let message = format!(
                    "{noun} id {} may use only lowercase letters, digits and '-'",
                    quote(id)
                );
                self.at(&path, message);
            }
            let here = self.value(&path);
            if let Some(earlier) = first.get(id) {
                self.problems.push(here.problem(format!(
                    "{noun} id {} is used twice (first on line {}); each {noun} needs its own id",
                    quote(id),
                    earlier.line
                )));
            } else {
                first.insert(id, here);
                known.ids.push(id);
                known.set.insert(id);
            }
        }
        known
    }

    /// The one check for every reference: `id`, found `place` (e.g. "in
    /// turns") at `at`, must be in `known`; if not, suggests the id meant.
    /// The words and the place are worked out only for a missing id: a
    /// long meeting's log alone holds tens of thousands of references.
    fn refers(
        &mut self,
        known: &Known,
        id: &str,
        place: impl FnOnce() -> String,
        at: impl FnOnce(&Spans) -> Pos,
    ) {
        if known.set.contains(id) {
            return;
        }
        let spans = self.spans;
        self.problems.push_with(|| {
            let (place, at) = (place(), at(spans));
            let hint = suggest(id, &known.ids)
                .map(|s| format!(" (did you mean {}?)", quote(s)))
                .unwrap_or_default();
            let (noun, list) = (known.list.noun(), known.list.name());
            at.problem(format!(
                "{noun} {} {place} is not in {list}{hint}",
                quote(id)
            ))
        });
    }

    /// Checks that `what` does not end before it starts, nor end without
    /// having started; `end_path` is where its end is written.
    fn in_order(&mut self, what: &str, start: Option<Time>, end: Option<Time>, end_path: &str) {
        match (start, end) {
            (None, Some(_)) => {
                self.at(
                    end_path,
                    format!("{what} has an end time but no start time"),
                );
            }
            (Some(start), Some(end)) if end < start => {
                let (end, start) = if end.date_naive() == start.date_naive() {
                    (clock_time(end), clock_time(start))
                } else {
                    (end.to_rfc3339(), start.to_rfc3339())
                };
                let message = format!("{what} ends at {end}, before it starts at {start}");
                self.at(end_path, message);
            }
            _ => {}
        }
    }

    /// Every number and time in range, so no sum or time arithmetic made
    /// from the file can overflow (a turn of 9223372036854775 seconds once
    /// passed here and stopped `report` and `trends`).
    fn bounds(&mut self, session: &Session) {
        let s = &session.settings;
        let mut numbers: Vec<(Field, u64, u64, &str)> = vec![
            (
                Field::Path("settings.warn_minutes".into()),
                s.warn_minutes.map_or(0, u64::from),
                MAX_MINUTES,
                "minutes",
            ),
            (
                Field::Path("settings.alert_minutes".into()),
                s.alert_minutes.map_or(0, u64::from),
                MAX_MINUTES,
                "minutes",
            ),
            (
                Field::Path("settings.long_turn_secs".into()),
                s.long_turn_secs.unwrap_or(0),
                MAX_SECS,
                "seconds",
            ),
            (
                Field::Path("settings.quick_agreement_secs".into()),
                s.quick_agreement_secs.unwrap_or(0),
                MAX_SECS,
                "seconds",
            ),
            (
                Field::Path("settings.break_every_minutes".into()),
                s.break_every_minutes.map_or(0, u64::from),
                MAX_MINUTES,
                "minutes",
            ),
        ];
        for (i, item) in session.agenda.iter().enumerate() {
            numbers.push((
                Field::Of("agenda", i, "minutes"),
                u64::from(item.minutes),
                MAX_MINUTES,
                "minutes",
            ));
        }
        for (i, b) in session.clock.breaks.iter().enumerate() {
            numbers.push((
                Field::Of("clock.breaks", i, "minutes"),
                b.minutes.map_or(0, u64::from),
                MAX_MINUTES,
                "minutes",
            ));
        }
        for (i, t) in session.turns.iter().enumerate() {
            numbers.push((
                Field::Of("turns", i, "secs"),
                t.secs.unwrap_or(0),
                MAX_SECS,
                "seconds",
            ));
        }
        for (i, j) in session.ladder.iter().enumerate() {
            for (rung, votes) in j.votes.iter() {
                numbers.push((
                    Field::Path(format!("ladder[{i}].votes.{}", rung.id())),
                    u64::from(*votes),
                    MAX_VOTES,
                    "hands",
                ));
            }
        }
        for (path, value, most, unit) in numbers {
            if value > most {
                let message =
                    format!("{value} {unit} is more than a meeting can hold; at most {most}");
                self.at(&path.path(), message);
            }
        }
        let mut times: Vec<(Field, Time)> = Vec::new();
        let mut add = |path: Field, t: Option<Time>| times.extend(t.map(|t| (path, t)));
        add(Field::Path("clock.started".into()), session.clock.started);
        add(Field::Path("clock.ended".into()), session.clock.ended);
        for (i, b) in session.clock.breaks.iter().enumerate() {
            add(Field::Of("clock.breaks", i, "from"), Some(b.from));
            add(Field::Of("clock.breaks", i, "to"), b.to);
        }
        for (i, item) in session.agenda.iter().enumerate() {
            add(Field::Of("agenda", i, "started"), item.started);
            add(Field::Of("agenda", i, "ended"), item.ended);
        }
        for (i, d) in session.decisions.iter().enumerate() {
            add(Field::Of("decisions", i, "opened"), d.opened);
            add(Field::Of("decisions", i, "decided"), d.decided);
        }
        for (i, j) in session.ladder.iter().enumerate() {
            add(Field::Of("ladder", i, "at"), Some(j.at));
        }
        for (i, t) in session.turns.iter().enumerate() {
            add(Field::Of("turns", i, "at"), Some(t.at));
        }
        for (i, c) in session.cards.iter().enumerate() {
            add(Field::Of("cards", i, "at"), Some(c.at));
        }
        let mut dates: Vec<(Field, chrono::NaiveDate)> =
            vec![(Field::Path("date".into()), session.date)];
        for (i, d) in session.decisions.iter().enumerate() {
            dates.extend(d.review.map(|r| (Field::Of("decisions", i, "review"), r)));
            for (k, a) in d.actions.iter().enumerate() {
                dates.extend(
                    a.due
                        .map(|r| (Field::Path(format!("decisions[{i}].actions[{k}].due")), r)),
                );
            }
        }
        dates.extend(times.into_iter().map(|(p, t)| (p, t.date_naive())));
        for (path, date) in dates {
            let year = chrono::Datelike::year(&date);
            if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
                let message = format!(
                    "the year {year} is out of range; a meeting date is from {MIN_YEAR} to {MAX_YEAR}"
                );
                self.at(&path.path(), message);
            }
        }
    }

    fn settings(&mut self, session: &Session) {
        let settings = &session.settings;
        let (warn, alert) = (settings.warn_minutes(), settings.alert_minutes());
        if alert >= warn && (settings.warn_minutes.is_some() || settings.alert_minutes.is_some()) {
            let path = if settings.alert_minutes.is_some() {
                "settings.alert_minutes"
            } else {
                "settings.warn_minutes"
            };
            let message = format!(
                "the timer would alert at {alert} minutes left but warn only at {warn}; warn_minutes must be more than alert_minutes"
            );
            self.at(path, message);
        }
        if settings.long_turn_secs == Some(0) {
            let message = "long_turn_secs is 0, so every turn would be long; use a number of seconds such as 120".to_owned();
            self.at("settings.long_turn_secs", message);
        }
        if settings.thinking_secs == Some(0) {
            let message = "thinking_secs is 0, so a thinking time would end as it starts; use a number of seconds such as 60".to_owned();
            self.at("settings.thinking_secs", message);
        }
        if settings.break_every_minutes == Some(0) {
            let message = "break_every_minutes is 0, so a break would always be due; use a number of minutes such as 45, or leave it out".to_owned();
            self.at("settings.break_every_minutes", message);
        }
    }

    fn roles(&mut self, session: &Session) {
        for (i, role) in session.roles.iter().enumerate() {
            if let Some(target) = role.target.filter(|t| *t > 100) {
                let message = format!(
                    "role {} aims for {target}% of speaking time; a target is a percentage from 0 to 100",
                    quote(&role.id)
                );
                self.at(&format!("roles[{i}].target"), message);
            }
        }
    }

    fn participants(&mut self, session: &Session, known: &Lists) {
        let mut keys: HashMap<SpeakerKey, &str> = HashMap::new();
        for (i, person) in session.participants.iter().enumerate() {
            let who = quote(&person.id);
            self.refers(
                &known.roles,
                &person.role,
                || format!("of participant {who}"),
                |spans| spans.value_or_near(&format!("participants[{i}].role")),
            );
            self.attendance(person, i);
            let Some(key) = person.key else { continue };
            let path = format!("participants[{i}].key");
            let shown = quote(&key.0.to_string());
            if !SpeakerKey::allowed(key.0) {
                let message = format!(
                    "speaker key {shown} of participant {who} is not one lowercase letter or digit"
                );
                self.at(&path, message);
                continue;
            }
            match keys.entry(key) {
                Entry::Occupied(owner) => {
                    let message = format!(
                        "speaker key {shown} of participant {who} is already used by {}; each person needs their own key",
                        quote(owner.get())
                    );
                    self.at(&path, message);
                }
                Entry::Vacant(free) => {
                    free.insert(&person.id);
                }
            }
        }
    }

    /// Comings and goings: one of `arrived` and `left` each, oldest first,
    /// going and coming in turn, and ending where `present` says.
    fn attendance(&mut self, person: &super::Participant, i: usize) {
        let who = quote(&person.id);
        let mut last: Option<(Time, bool)> = None;
        for (j, a) in person.attendance.iter().enumerate() {
            let path = format!("participants[{i}].attendance[{j}]");
            let Some((at, came)) = a.moment() else {
                let message = format!(
                    "each coming or going of participant {who} has one of 'arrived' and 'left', with its time"
                );
                self.at(&path, message);
                return;
            };
            if let Some((before, was_came)) = last {
                if at < before {
                    let message = format!(
                        "participant {who} comes or goes at {}, before the entry above ({}); attendance is listed oldest first",
                        clock_time(at),
                        clock_time(before)
                    );
                    self.at(&path, message);
                }
                if was_came == came {
                    let verb = if came { "arrived" } else { "left" };
                    let message = format!(
                        "participant {who} {verb} twice in a row; comings and goings take turns"
                    );
                    self.at(&path, message);
                }
            }
            last = Some((at, came));
        }
        if let Some((_, came)) = last.filter(|&(_, came)| came != person.is_present()) {
            let (said, now) = if came {
                ("arrived", "absent")
            } else {
                ("left", "present")
            };
            let message = format!(
                "participant {who} last {said}, but 'present' marks them {now}; the two must agree"
            );
            self.at(&format!("participants[{i}].present"), message);
        }
    }

    fn agenda(&mut self, session: &Session, known: &Lists) {
        for (i, item) in session.agenda.iter().enumerate() {
            let what = format!("agenda item {}", quote(&item.id));
            if let Some(lead) = &item.lead {
                self.refers(
                    &known.people,
                    lead,
                    || format!("leading {what}"),
                    |spans| spans.value_or_near(&format!("agenda[{i}].lead")),
                );
            }
            let end_path = format!("agenda[{i}].ended");
            self.in_order(&what, item.started, item.ended, &end_path);
        }
    }

    fn decisions(&mut self, session: &Session, known: &Lists) {
        for (i, decision) in session.decisions.iter().enumerate() {
            let what = format!("decision {}", quote(&decision.id));
            let path = format!("decisions[{i}]");
            self.refers(
                &known.people,
                &decision.proposed_by,
                || format!("proposing {what}"),
                |spans| spans.value_or_near(&format!("{path}.proposed_by")),
            );
            if let Some(item) = &decision.item {
                self.refers(
                    &known.agenda,
                    item,
                    || format!("of {what}"),
                    |spans| spans.value_or_near(&format!("{path}.item")),
                );
            }
            for (who, _) in decision.responses.iter() {
                // The person is the key here, so point at the key.
                self.refers(
                    &known.people,
                    who,
                    || format!("answering {what}"),
                    |spans| spans.key_or_near(&format!("{path}.responses.{who}")),
                );
            }
            for (j, earlier) in decision.earlier_answers.iter().enumerate() {
                self.refers(
                    &known.people,
                    &earlier.who,
                    || format!("answering {what} earlier"),
                    |spans| spans.value_or_near(&format!("{path}.earlier_answers[{j}].who")),
                );
            }
            for (j, action) in decision.actions.iter().enumerate() {
                self.refers(
                    &known.people,
                    &action.who,
                    || format!("given an action in {what}"),
                    |spans| spans.value_or_near(&format!("{path}.actions[{j}].who")),
                );
            }
        }
    }

    /// Consent rounds: a reason is given by a participant, and only one
    /// proposal is open at a time.
    fn rounds(&mut self, session: &Session, known: &Lists) {
        let mut open: Option<&str> = None;
        for (i, decision) in session.decisions.iter().enumerate() {
            let what = format!("decision {}", quote(&decision.id));
            for (who, _) in decision.reasons.iter() {
                self.refers(
                    &known.people,
                    who,
                    || format!("giving a reason in {what}"),
                    |spans| spans.key_or_near(&format!("decisions[{i}].reasons.{who}")),
                );
            }
            if decision.state != DecisionState::Open {
                continue;
            }
            match open {
                Some(first) => {
                    let message = format!(
                        "{what} is open, and so is {}; only one proposal is open at a time",
                        quote(first)
                    );
                    self.at(&format!("decisions[{i}].state"), message);
                }
                None => open = Some(&decision.id),
            }
        }
    }

    fn ladder(&mut self, session: &Session, known: &Lists) {
        for (i, judgement) in session.ladder.iter().enumerate() {
            if let Some(item) = &judgement.item {
                self.refers(
                    &known.agenda,
                    item,
                    || "judged on the ladder".to_owned(),
                    |spans| spans.value_or_near(&format!("ladder[{i}].item")),
                );
            }
        }
    }

    fn clock(&mut self, session: &Session) {
        let clock = &session.clock;
        self.in_order("the meeting", clock.started, clock.ended, "clock.ended");
        for (i, pause) in clock.breaks.iter().enumerate() {
            let end_path = format!("clock.breaks[{i}].to");
            self.in_order("a break", Some(pause.from), pause.to, &end_path);
        }
    }

    /// A thinking time ends after it starts, lasts some time, and comes
    /// before a proposal that exists.
    fn thinking(&mut self, session: &Session, proposals: &Known) {
        for (i, pause) in session.clock.thinking.iter().enumerate() {
            let path = format!("clock.thinking[{i}]");
            self.in_order(
                "a thinking time",
                Some(pause.from),
                pause.to,
                &format!("{path}.to"),
            );
            if pause.secs == 0 {
                let message =
                    "this thinking time lasts 0 seconds; give its length in 'secs', such as 60"
                        .to_owned();
                self.at(&format!("{path}.secs"), message);
            }
            if let Some(before) = &pause.before {
                self.refers(
                    proposals,
                    before,
                    || "that a thinking time came before".to_owned(),
                    |spans| spans.value_or_near(&format!("{path}.before")),
                );
            }
        }
    }

    /// Breaks may not overlap: their time would be taken off an item or a
    /// turn twice. Swept in time order, so a long list costs one sort.
    fn overlapping_breaks(&mut self, session: &Session) {
        let breaks = &session.clock.breaks;
        let mut order: Vec<usize> = (0..breaks.len()).collect();
        order.sort_by_key(|&i| (breaks[i].from, i));
        // The break reaching furthest so far; `None` end: still going on.
        let mut reach: Option<(usize, Option<Time>)> = None;
        for i in order {
            let pause = &breaks[i];
            if let Some((j, end)) = reach
                && end.is_none_or(|end| pause.from < end)
            {
                let other = &breaks[j];
                let until = end.map_or("still going on".to_owned(), |e| {
                    format!("until {}", clock_time(e))
                });
                let line = self.value(&format!("clock.breaks[{j}].from")).line;
                let message = format!(
                    "this break from {} overlaps the break from {} {until} (line {line}); breaks may not overlap",
                    clock_time(pause.from),
                    clock_time(other.from),
                );
                self.at(&format!("clock.breaks[{i}].from"), message);
            }
            let longer = match (reach, pause.to) {
                (None, _) | (_, None) => true,
                (Some((_, None)), Some(_)) => false,
                (Some((_, Some(end))), Some(to)) => to > end,
            };
            if longer {
                reach = Some((i, pause.to));
            }
        }
    }

    fn turns(&mut self, session: &Session, known: &Lists) {
        let mut previous: Option<Time> = None;
        let ended = session.clock.ended;
        for (i, turn) in session.turns.iter().enumerate() {
            self.refers(
                &known.people,
                &turn.who,
                || "in turns".to_owned(),
                |spans| spans.value_or_near(&format!("turns[{i}].who")),
            );
            if let Some(ended) = ended {
                if turn.at > ended {
                    let message = format!(
                        "this turn starts at {}, after the meeting ended ({}); nobody has the floor once it has ended",
                        clock_time(turn.at),
                        clock_time(ended)
                    );
                    self.at(&format!("turns[{i}].at"), message);
                } else if turn.secs.is_none() {
                    let message = format!(
                        "this turn is still open, but the meeting ended at {}; give it its 'secs'",
                        clock_time(ended)
                    );
                    self.at(&format!("turns[{i}].at"), message);
                }
            }
            // Overlapping turns are harmless (a turn's `secs` may run past
            // the next one's start), but the log must stay oldest first.
            if let Some(before) = previous.filter(|before| turn.at < *before) {
                let (at, before) = (clock_time(turn.at), clock_time(before));
                let message = format!(
                    "this turn starts at {at}, before the turn above it ({before}); turns are listed oldest first"
                );
                self.at(&format!("turns[{i}].at"), message);
            }
            previous = Some(turn.at);
        }
    }

    /// Each word of the group's glossary has a meaning and is listed once.
    fn glossary(&mut self, session: &Session) {
        let mut first: HashMap<String, usize> = HashMap::new();
        for (i, entry) in session.glossary.iter().enumerate() {
            let word = entry.word.trim();
            if word.is_empty() {
                self.at(
                    &format!("glossary[{i}].word"),
                    "a glossary word is empty; write the word the meaning is for".to_owned(),
                );
                continue;
            }
            if entry.meaning.trim().is_empty() {
                let message = format!(
                    "the glossary gives no meaning for {}; write one short plain-English sentence",
                    quote(word)
                );
                self.at(&format!("glossary[{i}].meaning"), message);
            }
            match first.entry(word.to_lowercase()) {
                Entry::Occupied(earlier) => {
                    let line = self
                        .value(&format!("glossary[{}].word", earlier.get()))
                        .line;
                    let message = format!(
                        "{} is in the glossary twice (first on line {line}); keep one meaning",
                        quote(word)
                    );
                    self.at(&format!("glossary[{i}].word"), message);
                }
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        }
    }

    /// A card names a participant (whoever had the floor) and, if it has
    /// a word, a word that is not blank.
    fn cards(&mut self, session: &Session, known: &Lists) {
        for (i, card) in session.cards.iter().enumerate() {
            if let Some(who) = &card.who {
                self.refers(
                    &known.people,
                    who,
                    || "holding the floor for a card".to_owned(),
                    |spans| spans.value_or_near(&format!("cards[{i}].who")),
                );
            }
            if card.word.as_deref().is_some_and(|w| w.trim().is_empty()) {
                let message =
                    "this card's word is blank; write the word, or leave 'word' out".to_owned();
                self.at(&format!("cards[{i}].word"), message);
            }
        }
    }

    /// Each person's time is theirs, listed once, and no more than a day
    /// each way.
    fn people_time(&mut self, session: &Session, known: &Lists) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, entry) in session.people_time.iter().enumerate() {
            let path = format!("people_time[{i}].who");
            self.refers(
                &known.people,
                &entry.who,
                || "in people_time".to_owned(),
                |spans| spans.value_or_near(&path),
            );
            if let Some(earlier) = first.get(entry.who.as_str()) {
                let line = self.value(&format!("people_time[{earlier}].who")).line;
                let message = format!(
                    "{} has their time listed twice (first on line {line}); keep one entry",
                    quote(&entry.who)
                );
                self.at(&path, message);
            } else {
                first.insert(&entry.who, i);
            }
            for (field, minutes) in [
                ("preparation_minutes", entry.preparation_minutes),
                ("travel_minutes", entry.travel_minutes),
            ] {
                if minutes.is_some_and(|m| u64::from(m) > MAX_MINUTES) {
                    let message = format!(
                        "{field} is {} minutes, more than a day ({MAX_MINUTES}); write the minutes this meeting took",
                        minutes.unwrap_or_default()
                    );
                    self.at(&format!("people_time[{i}].{field}"), message);
                }
            }
        }
    }

    fn stack(&mut self, session: &Session, known: &Lists) {
        let mut raised = HashSet::new();
        for (i, who) in session.stack.iter().enumerate() {
            let path = format!("stack[{i}]");
            self.refers(
                &known.people,
                who,
                || "in the stack".to_owned(),
                |spans| spans.value_or_near(&path),
            );
            if !raised.insert(who.as_str()) {
                let message = format!(
                    "participant {} is in the stack twice; a hand is raised once",
                    quote(who)
                );
                self.at(&path, message);
            }
        }
    }
}

/// `10:07:40`: how a facilitator reads a time within the meeting's day.
fn clock_time(t: Time) -> String {
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::locate::locate;

    pub(super) fn problems(text: &str) -> Vec<String> {
        let spans = locate(text).expect("structurally sound");
        let session: Session = serde_yaml::from_str(text).expect("well typed");
        validate(&session, &spans)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    const HEAD: &str = "format: 1\ntitle: T\nboard: B\ndate: 2026-11-22\n";

    #[test]
    fn every_reference_is_checked_with_one_wording() {
        let text = format!(
            "{HEAD}roles: [{{ id: lived, label: L }}]
participants: [{{ id: beve, name: B, role: livd }}]
agenda: [{{ id: delivery, title: D, minutes: 5, lead: bev }}]
decisions:
  - {{ id: d1, proposal: P, proposed_by: bve, item: delivry, state: open,
       responses: {{ beev: agree }}, actions: [{{ what: W, who: eve }}] }}
ladder: [{{ at: 2026-11-22T10:00:00+00:00, item: dlivery, rung: co-design }}]
"
        );
        assert_eq!(
            problems(&text),
            [
                "6:43: role 'livd' of participant 'beve' is not in roles (did you mean 'lived'?)",
                "7:54: participant 'bev' leading agenda item 'delivery' is not in participants (did you mean 'beve'?)",
                "9:41: participant 'bve' proposing decision 'd1' is not in participants (did you mean 'beve'?)",
                "9:52: agenda item 'delivry' of decision 'd1' is not in the agenda (did you mean 'delivery'?)",
                "10:21: participant 'beev' answering decision 'd1' is not in participants (did you mean 'beve'?)",
                "10:62: participant 'eve' given an action in decision 'd1' is not in participants (did you mean 'beve'?)",
                "11:49: agenda item 'dlivery' judged on the ladder is not in the agenda (did you mean 'delivery'?)",
            ]
        );
    }

    #[test]
    fn times_out_of_order_across_days_show_the_full_time() {
        let text = format!(
            "{HEAD}clock: {{ started: 2026-11-22T10:00:00+00:00, ended: 2026-11-21T12:00:00+00:00 }}\n"
        );
        assert_eq!(
            problems(&text),
            [
                "5:53: the meeting ends at 2026-11-21T12:00:00+00:00, before it starts at 2026-11-22T10:00:00+00:00"
            ]
        );
    }

    #[test]
    fn breaks_may_not_overlap_in_any_order_nor_follow_an_open_one() {
        let text = format!(
            "{HEAD}clock:
  breaks:
    - {{ from: 2026-11-22T11:00:00+00:00, to: 2026-11-22T11:30:00+00:00 }}
    - {{ from: 2026-11-22T10:00:00+00:00, to: 2026-11-22T11:00:00+00:00 }}
    - {{ from: 2026-11-22T11:10:00+00:00, to: 2026-11-22T11:20:00+00:00 }}
    - {{ from: 2026-11-22T12:00:00+00:00 }}
    - {{ from: 2026-11-22T12:30:00+00:00, minutes: 5 }}
"
        );
        assert_eq!(
            problems(&text),
            [
                "9:15: this break from 11:10:00 overlaps the break from 11:00:00 until 11:30:00 (line 7); breaks may not overlap",
                "11:15: this break from 12:30:00 overlaps the break from 12:00:00 still going on (line 10); breaks may not overlap",
            ]
        );
    }

    #[test]
    fn a_thinking_time_is_in_order_has_a_length_and_names_a_proposal() {
        let text = format!(
            "{HEAD}settings: {{ thinking_secs: 0 }}
decisions: [{{ id: d1, proposal: P, proposed_by: a, state: queued }}]
clock:
  thinking:
    - {{ from: 2026-11-22T11:00:00+00:00, secs: 0, to: 2026-11-22T10:59:00+00:00 }}
    - {{ from: 2026-11-22T11:10:00+00:00, secs: 60, before: d2 }}
"
        );
        assert_eq!(
            problems(&text),
            [
                "5:28: thinking_secs is 0, so a thinking time would end as it starts; use a number of seconds such as 60",
                "6:49: participant 'a' proposing decision 'd1' is not in participants",
                "9:48: this thinking time lasts 0 seconds; give its length in 'secs', such as 60",
                "9:55: a thinking time ends at 10:59:00, before it starts at 11:00:00",
                "10:60: decision 'd2' that a thinking time came before is not in decisions",
            ]
        );
    }

    #[test]
    fn a_glossary_word_has_a_meaning_and_is_listed_once() {
        let text = format!(
            "{HEAD}glossary:
  - {{ word: ICB, meaning: The NHS body that plans health services }}
  - {{ word: icb, meaning: '' }}
  - {{ word: ' ', meaning: M }}
"
        );
        assert_eq!(
            problems(&text),
            [
                "7:13: 'icb' is in the glossary twice (first on line 6); keep one meaning",
                "7:27: the glossary gives no meaning for 'icb'; write one short plain-English sentence",
                "8:13: a glossary word is empty; write the word the meaning is for",
            ]
        );
    }

    #[test]
    fn peoples_time_names_someone_here_once_and_stays_within_a_day() {
        let text = format!(
            "{HEAD}roles: [{{ id: lived, label: L }}]
participants: [{{ id: beve, name: B, role: lived }}]
people_time:
  - {{ who: beve, preparation_minutes: 30, takes: voucher }}
  - {{ who: beve, travel_minutes: 1441 }}
  - {{ who: bev, takes: payment }}
"
        );
        let found = problems(&text);
        assert!(
            found.iter().any(
                |p| p.starts_with("9:12: 'beve' has their time listed twice (first on line 8)")
            ),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.contains("travel_minutes is 1441 minutes, more than a day")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p
                    .starts_with("10:12: participant 'bev' in people_time is not in participants")),
            "{found:?}"
        );
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn a_third_holder_of_a_key_is_told_the_first() {
        let text = format!(
            "{HEAD}roles: [{{ id: r, label: R }}]
participants:
  - {{ id: a, name: A, role: r, key: k }}
  - {{ id: b, name: B, role: r, key: k }}
  - {{ id: c, name: C, role: r, key: k }}
"
        );
        let ps = problems(&text);
        assert_eq!(ps.len(), 2, "{ps:?}");
        assert!(
            ps.iter().all(|p| p.contains("is already used by 'a'")),
            "{ps:?}"
        );
    }
}
