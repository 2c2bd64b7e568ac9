//! The deterministic YAML writer for session files: the document's layout.
//!
//! Hand-written rather than `serde_yaml::to_string`, which can only write
//! block style: here consent rounds, actions and turns are one line each, so
//! one action in the meeting is a one-line diff in git. Every string goes
//! through `scalar::scalar`, which writes it plain only when no YAML reader
//! (1.1 or 1.2) could take it for anything but that exact string; `numbers`
//! writes counts, dates and times.

mod numbers;
mod scalar;

use super::OrderedMap;
use super::model::{
    ActionPoint, Attendance, Break, Card, Clock, Decision, EarlierAnswer, Item, Judgement, Meaning,
    Participant, PersonTime, Role, Session, Settings, Thinking, Time, Turn, Wording,
};
use super::round::Round;
use numbers::{push_date, push_time, push_u64};
use scalar::{Context, scalar};

/// Writes `session` as a format-1 session file: same session, same bytes.
pub fn to_yaml(session: &Session) -> String {
    let mut out = String::with_capacity(estimate(session));
    top_level(&mut out, session);
    out
}

/// A guess at the written size, so the one buffer rarely has to grow.
fn estimate(s: &Session) -> usize {
    let notes: usize = s
        .agenda
        .iter()
        .map(|i| i.notes.as_ref().map_or(0, String::len))
        .sum();
    512 + notes
        + 64 * s.turns.len()
        + 96 * (s.roles.len() + s.participants.len() + s.agenda.len() + s.ladder.len())
        + 512 * s.decisions.len()
}

fn top_level(out: &mut String, s: &Session) {
    out.push_str("format: ");
    push_u64(out, u64::from(s.format));
    out.push('\n');
    str_field(out, "", "title", &s.title, 2);
    str_field(out, "", "board", &s.board, 2);
    out.push_str("date: ");
    push_date(out, s.date);
    out.push('\n');
    opt_str_field(out, "", "place", s.place.as_deref(), 2);
    opt_str_field(out, "", "facilitator", s.facilitator.as_deref(), 2);
    if !s.settings.is_empty() {
        settings(out, &s.settings);
    }
    section(out, "roles", &s.roles, role);
    section(out, "participants", &s.participants, participant);
    section(out, "agenda", &s.agenda, item);
    section(out, "decisions", &s.decisions, decision);
    section(out, "ladder", &s.ladder, judgement);
    if !s.clock.is_empty() {
        clock(out, &s.clock);
    }
    one_line_items(out, "turns", "  - ", &s.turns, turn);
    if !s.stack.is_empty() {
        out.push_str("stack: ");
        flow_list(out, &s.stack);
    }
    one_line_items(out, "glossary", "  - ", &s.glossary, meaning);
    one_line_items(out, "cards", "  - ", &s.cards, card);
    one_line_items(out, "people_time", "  - ", &s.people_time, person_time);
    section(out, "rounds", &s.rounds, round);
}

fn card(out: &mut String, c: &Card) {
    out.push_str("{ at: ");
    push_time(out, &c.at);
    out.push_str(", card: ");
    out.push_str(c.card.id());
    if let Some(who) = &c.who {
        out.push_str(", who: ");
        scalar(out, who, Context::Flow, 0);
    }
    if let Some(word) = &c.word {
        out.push_str(", word: ");
        scalar(out, word, Context::Flow, 0);
    }
    out.push_str(" }");
}

fn person_time(out: &mut String, t: &PersonTime) {
    out.push_str("{ who: ");
    scalar(out, &t.who, Context::Flow, 0);
    for (key, minutes) in [
        ("preparation_minutes", t.preparation_minutes),
        ("travel_minutes", t.travel_minutes),
    ] {
        if let Some(minutes) = minutes {
            out.push_str(", ");
            out.push_str(key);
            out.push_str(": ");
            push_u64(out, u64::from(minutes));
        }
    }
    if let Some(takes) = t.takes {
        out.push_str(", takes: ");
        out.push_str(takes.id());
    }
    out.push_str(" }");
}

fn round(out: &mut String, r: &Round) {
    key(out, FIRST, "kind");
    out.push_str(r.kind.id());
    out.push('\n');
    key(out, REST, "order");
    out.push_str(r.order.id());
    out.push('\n');
    opt_time_field(out, REST, "from", Some(&r.from));
    opt_time_field(out, REST, "to", r.to.as_ref());
    if !r.called.is_empty() {
        key(out, REST, "called");
        flow_list(out, &r.called);
    }
    flow_map_field(
        out,
        "hands",
        &r.hands,
        |out, principle| out.push_str(principle.id()),
        |out, n| push_u64(out, u64::from(*n)),
    );
}

/// A one-line flow sequence of ids and a newline: `[ann, bev]`.
fn flow_list(out: &mut String, ids: &[String]) {
    out.push('[');
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        scalar(out, id, Context::Flow, 0);
    }
    out.push_str("]\n");
}

fn meaning(out: &mut String, m: &Meaning) {
    out.push_str("{ word: ");
    scalar(out, &m.word, Context::Flow, 0);
    out.push_str(", meaning: ");
    scalar(out, &m.meaning, Context::Flow, 0);
    out.push_str(" }");
}

/// A top-level block sequence of block mappings; each item function gets the
/// first line's prefix (`  - `) and the rest's (`    `).
fn section<T>(out: &mut String, name: &str, items: &[T], write: fn(&mut String, &T)) {
    if items.is_empty() {
        return;
    }
    out.push_str(name);
    out.push_str(":\n");
    for it in items {
        write(out, it);
    }
}

/// A one-line flow mapping field of a list item (`responses`, `votes`), so a
/// new answer or vote changes one line; left out when empty.
fn flow_map_field<K: PartialEq, V>(
    out: &mut String,
    name: &str,
    map: &OrderedMap<K, V>,
    write_key: fn(&mut String, &K),
    write_value: fn(&mut String, &V),
) {
    if map.is_empty() {
        return;
    }
    key(out, REST, name);
    out.push('{');
    for (i, (k, v)) in map.iter().enumerate() {
        out.push_str(if i == 0 { " " } else { ", " });
        write_key(out, k);
        out.push_str(": ");
        write_value(out, v);
    }
    out.push_str(" }\n");
}

/// A block sequence whose items are one line each (turns, breaks, actions),
/// so that adding one shows in git as one added line. `header` carries its
/// own indentation; each item follows `dash`.
fn one_line_items<T>(
    out: &mut String,
    header: &str,
    dash: &str,
    items: &[T],
    write: fn(&mut String, &T),
) {
    if items.is_empty() {
        return;
    }
    out.push_str(header);
    out.push_str(":\n");
    for item in items {
        out.push_str(dash);
        write(out, item);
        out.push('\n');
    }
}

const FIRST: &str = "  - ";
const REST: &str = "    ";
/// Literal block content under a sequence item's keys.
const ITEM_TEXT: usize = 6;

fn role(out: &mut String, r: &Role) {
    str_field(out, FIRST, "id", &r.id, ITEM_TEXT);
    str_field(out, REST, "label", &r.label, ITEM_TEXT);
    if let Some(t) = r.target {
        key(out, REST, "target");
        push_u64(out, u64::from(t));
        out.push('\n');
    }
    opt_bool_field(out, REST, "power", r.power);
}

fn participant(out: &mut String, p: &Participant) {
    str_field(out, FIRST, "id", &p.id, ITEM_TEXT);
    str_field(out, REST, "name", &p.name, ITEM_TEXT);
    str_field(out, REST, "role", &p.role, ITEM_TEXT);
    if let Some(k) = p.key {
        // Through `scalar` so that a digit key is quoted and stays a string.
        let mut buf = [0u8; 4];
        str_field(out, REST, "key", k.0.encode_utf8(&mut buf), ITEM_TEXT);
    }
    opt_bool_field(out, REST, "present", p.present);
    opt_str_field(out, REST, "needs", p.needs.as_deref(), ITEM_TEXT);
    opt_str_field(out, REST, "room_name", p.room_name.as_deref(), ITEM_TEXT);
    one_line_items(out, "    attendance", "      - ", &p.attendance, attendance);
}

fn attendance(out: &mut String, a: &Attendance) {
    let fields = [("arrived", a.arrived.as_ref()), ("left", a.left.as_ref())];
    out.push('{');
    let mut first = true;
    for (name, at) in fields {
        if let Some(at) = at {
            out.push_str(if first { " " } else { ", " });
            first = false;
            out.push_str(name);
            out.push_str(": ");
            push_time(out, at);
        }
    }
    out.push_str(" }");
}

fn wording(out: &mut String, w: &Wording) {
    out.push_str("{ proposal: ");
    scalar(out, &w.proposal, Context::Flow, 0);
    out.push_str(", until: ");
    push_time(out, &w.until);
    out.push_str(" }");
}

fn earlier_answer(out: &mut String, a: &EarlierAnswer) {
    out.push_str("{ who: ");
    scalar(out, &a.who, Context::Flow, 0);
    out.push_str(", answer: ");
    out.push_str(a.answer.id());
    if let Some(reason) = &a.reason {
        out.push_str(", reason: ");
        scalar(out, reason, Context::Flow, 0);
    }
    out.push_str(", until: ");
    push_time(out, &a.until);
    out.push_str(" }");
}

fn item(out: &mut String, i: &Item) {
    str_field(out, FIRST, "id", &i.id, ITEM_TEXT);
    str_field(out, REST, "title", &i.title, ITEM_TEXT);
    opt_str_field(out, REST, "lead", i.lead.as_deref(), ITEM_TEXT);
    key(out, REST, "minutes");
    push_u64(out, u64::from(i.minutes));
    out.push('\n');
    opt_time_field(out, REST, "started", i.started.as_ref());
    opt_time_field(out, REST, "ended", i.ended.as_ref());
    opt_str_field(out, REST, "notes", i.notes.as_deref(), ITEM_TEXT);
    if let Some(scope) = &i.scope {
        out.push_str("    scope:");
        if scope.is_empty() {
            out.push_str(" {}");
        }
        out.push('\n');
        let fields = [
            ("open", &scope.open),
            ("fixed", &scope.fixed),
            ("why", &scope.why),
        ];
        for (name, value) in fields {
            opt_str_field(out, "      ", name, value.as_deref(), ITEM_TEXT + 2);
        }
    }
    if let Some(a) = &i.action {
        key(out, REST, "action");
        action(out, a);
        out.push('\n');
    }
    opt_str_field(out, REST, "report", i.report.as_deref(), ITEM_TEXT);
}

fn decision(out: &mut String, d: &Decision) {
    str_field(out, FIRST, "id", &d.id, ITEM_TEXT);
    str_field(out, REST, "proposal", &d.proposal, ITEM_TEXT);
    str_field(out, REST, "proposed_by", &d.proposed_by, ITEM_TEXT);
    opt_str_field(out, REST, "item", d.item.as_deref(), ITEM_TEXT);
    key(out, REST, "state");
    out.push_str(d.state.id());
    out.push('\n');
    opt_time_field(out, REST, "opened", d.opened.as_ref());
    flow_map_field(
        out,
        "responses",
        &d.responses,
        |out, who: &String| flow_key(out, who),
        |out, answer| out.push_str(answer.id()),
    );
    flow_map_field(
        out,
        "reasons",
        &d.reasons,
        |out, who: &String| flow_key(out, who),
        |out, reason| scalar(out, reason, Context::Flow, 0),
    );
    opt_str_field(out, REST, "outcome", d.outcome.as_deref(), ITEM_TEXT);
    opt_time_field(out, REST, "decided", d.decided.as_ref());
    if let Some(review) = d.review {
        key(out, REST, "review");
        push_date(out, review);
        out.push('\n');
    }
    one_line_items(out, "    actions", "      - ", &d.actions, action);
    opt_str_field(
        out,
        REST,
        "rubber_stamp",
        d.rubber_stamp.as_deref(),
        ITEM_TEXT,
    );
    let note = d.rubber_stamp_note.as_deref();
    opt_str_field(out, REST, "rubber_stamp_note", note, ITEM_TEXT);
    one_line_items(out, "    wordings", "      - ", &d.wordings, wording);
    one_line_items(
        out,
        "    earlier_answers",
        "      - ",
        &d.earlier_answers,
        earlier_answer,
    );
    let from = d.carried_from.as_deref();
    opt_str_field(out, REST, "carried_from", from, ITEM_TEXT);
}

fn settings(out: &mut String, s: &Settings) {
    out.push_str("settings:\n");
    let counts = [
        ("warn_minutes", s.warn_minutes.map(u64::from)),
        ("alert_minutes", s.alert_minutes.map(u64::from)),
        ("long_turn_secs", s.long_turn_secs),
    ];
    for (name, value) in counts {
        if let Some(n) = value {
            key(out, "  ", name);
            push_u64(out, n);
            out.push('\n');
        }
    }
    if let Some(order) = s.stack_order {
        key(out, "  ", "stack_order");
        out.push_str(order.id());
        out.push('\n');
    }
    let later = [
        ("quick_agreement_secs", s.quick_agreement_secs),
        ("slip_secs", s.slip_secs),
        ("thinking_secs", s.thinking_secs),
    ];
    for (name, value) in later {
        if let Some(n) = value {
            key(out, "  ", name);
            push_u64(out, n);
            out.push('\n');
        }
    }
    opt_bool_field(out, "  ", "think_before_consent", s.think_before_consent);
    if let Some(n) = s.break_every_minutes {
        key(out, "  ", "break_every_minutes");
        push_u64(out, u64::from(n));
        out.push('\n');
    }
}

fn action(out: &mut String, a: &ActionPoint) {
    out.push_str("{ what: ");
    scalar(out, &a.what, Context::Flow, 0);
    out.push_str(", who: ");
    scalar(out, &a.who, Context::Flow, 0);
    if let Some(due) = a.due {
        out.push_str(", due: ");
        push_date(out, due);
    }
    if let Some(state) = a.state {
        out.push_str(", state: ");
        out.push_str(state.id());
    }
    out.push_str(" }");
}

fn judgement(out: &mut String, j: &Judgement) {
    key(out, FIRST, "at");
    push_time(out, &j.at);
    out.push('\n');
    opt_str_field(out, REST, "item", j.item.as_deref(), ITEM_TEXT);
    key(out, REST, "rung");
    out.push_str(j.rung.id());
    out.push('\n');
    flow_map_field(
        out,
        "votes",
        &j.votes,
        |out, rung| out.push_str(rung.id()),
        |out, n| push_u64(out, u64::from(*n)),
    );
    opt_str_field(out, REST, "note", j.note.as_deref(), ITEM_TEXT);
}

fn clock(out: &mut String, c: &Clock) {
    out.push_str("clock:\n");
    opt_time_field(out, "  ", "started", c.started.as_ref());
    one_line_items(out, "  breaks", "    - ", &c.breaks, pause);
    opt_time_field(out, "  ", "ended", c.ended.as_ref());
    one_line_items(out, "  thinking", "    - ", &c.thinking, thinking);
}

fn thinking(out: &mut String, t: &Thinking) {
    out.push_str("{ from: ");
    push_time(out, &t.from);
    out.push_str(", secs: ");
    push_u64(out, t.secs);
    if let Some(to) = &t.to {
        out.push_str(", to: ");
        push_time(out, to);
    }
    if let Some(before) = &t.before {
        out.push_str(", before: ");
        scalar(out, before, Context::Flow, 0);
    }
    out.push_str(" }");
}

fn pause(out: &mut String, b: &Break) {
    out.push_str("{ from: ");
    push_time(out, &b.from);
    if let Some(minutes) = b.minutes {
        out.push_str(", minutes: ");
        push_u64(out, u64::from(minutes));
    }
    if let Some(to) = &b.to {
        out.push_str(", to: ");
        push_time(out, to);
    }
    out.push_str(" }");
}

fn turn(out: &mut String, t: &Turn) {
    out.push_str("{ who: ");
    scalar(out, &t.who, Context::Flow, 0);
    out.push_str(", at: ");
    push_time(out, &t.at);
    if let Some(secs) = t.secs {
        out.push_str(", secs: ");
        push_u64(out, secs);
    }
    out.push_str(" }");
}

fn key(out: &mut String, prefix: &str, name: &str) {
    out.push_str(prefix);
    out.push_str(name);
    out.push_str(": ");
}

fn str_field(out: &mut String, prefix: &str, name: &str, value: &str, text_indent: usize) {
    key(out, prefix, name);
    scalar(out, value, Context::Block, text_indent);
    out.push('\n');
}

fn opt_str_field(out: &mut String, prefix: &str, name: &str, value: Option<&str>, indent: usize) {
    if let Some(v) = value {
        str_field(out, prefix, name, v, indent);
    }
}

fn opt_bool_field(out: &mut String, prefix: &str, name: &str, value: Option<bool>) {
    if let Some(v) = value {
        key(out, prefix, name);
        out.push_str(if v { "true" } else { "false" });
        out.push('\n');
    }
}

fn opt_time_field(out: &mut String, prefix: &str, name: &str, value: Option<&Time>) {
    if let Some(t) = value {
        key(out, prefix, name);
        push_time(out, t);
        out.push('\n');
    }
}

/// A key inside `{ }`. YAML only takes a key on trust for 1024 characters;
/// past that the `:` would not find it, so a long key is made explicit (`?`).
fn flow_key(out: &mut String, k: &str) {
    let start = out.len();
    scalar(out, k, Context::Flow, 0);
    if out.len() - start > 1000 {
        out.insert_str(start, "? ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_response_key_is_made_explicit() {
        let long = "k".repeat(1500);
        let mut out = String::from("{ ");
        flow_key(&mut out, &long);
        out.push_str(": agree }");
        assert!(out.starts_with("{ ? kkk"));
        let doc = format!("v: {out}\n");
        let value: serde_yaml::Value = serde_yaml::from_str(&doc).unwrap();
        assert_eq!(value["v"][long.as_str()].as_str(), Some("agree"));
    }
}
