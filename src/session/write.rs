//! The deterministic YAML writer for session files.
//!
//! Hand-written rather than `serde_yaml::to_string`, which can only write
//! block style: here consent rounds, actions and turns are one line each, so
//! one action in the meeting is a one-line diff in git. Every string goes
//! through `scalar`, which writes it plain only when no YAML reader (1.1 or
//! 1.2) could take it for anything but that exact string.

use chrono::{Datelike, NaiveDate, SecondsFormat, Timelike};

use super::model::{
    ActionPoint, Break, Clock, Decision, Item, Judgement, Participant, Role, Session, Time, Turn,
};

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

/// Where a scalar sits decides which characters would end or change it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Context {
    /// A block mapping value: may become a literal block scalar.
    Block,
    /// Inside `{ }` or `[ ]`: commas and brackets are syntax, one line only.
    Flow,
}

const PAD: &str = "          ";

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
    section(out, "roles", &s.roles, role);
    section(out, "participants", &s.participants, participant);
    section(out, "agenda", &s.agenda, item);
    section(out, "decisions", &s.decisions, decision);
    section(out, "ladder", &s.ladder, judgement);
    if !s.clock.is_empty() {
        clock(out, &s.clock);
    }
    if !s.turns.is_empty() {
        out.push_str("turns:\n");
        for t in &s.turns {
            out.push_str("  - ");
            turn(out, t);
            out.push('\n');
        }
    }
    if !s.stack.is_empty() {
        out.push_str("stack: [");
        for (i, who) in s.stack.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            scalar(out, who, Context::Flow, 0);
        }
        out.push_str("]\n");
    }
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
}

fn decision(out: &mut String, d: &Decision) {
    str_field(out, FIRST, "id", &d.id, ITEM_TEXT);
    str_field(out, REST, "proposal", &d.proposal, ITEM_TEXT);
    str_field(out, REST, "proposed_by", &d.proposed_by, ITEM_TEXT);
    opt_str_field(out, REST, "item", d.item.as_deref(), ITEM_TEXT);
    key(out, REST, "state");
    out.push_str(d.state.id());
    out.push('\n');
    if !d.responses.is_empty() {
        key(out, REST, "responses");
        out.push('{');
        for (i, (who, answer)) in d.responses.iter().enumerate() {
            out.push_str(if i == 0 { " " } else { ", " });
            flow_key(out, who);
            out.push_str(": ");
            out.push_str(answer.id());
        }
        out.push_str(" }\n");
    }
    opt_str_field(out, REST, "outcome", d.outcome.as_deref(), ITEM_TEXT);
    opt_time_field(out, REST, "decided", d.decided.as_ref());
    if let Some(review) = d.review {
        key(out, REST, "review");
        push_date(out, review);
        out.push('\n');
    }
    if !d.actions.is_empty() {
        out.push_str(REST);
        out.push_str("actions:\n");
        for a in &d.actions {
            out.push_str("      - ");
            action(out, a);
            out.push('\n');
        }
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
    if !j.votes.is_empty() {
        key(out, REST, "votes");
        out.push('{');
        for (i, (rung, n)) in j.votes.iter().enumerate() {
            out.push_str(if i == 0 { " " } else { ", " });
            out.push_str(rung.id());
            out.push_str(": ");
            push_u64(out, u64::from(*n));
        }
        out.push_str(" }\n");
    }
    opt_str_field(out, REST, "note", j.note.as_deref(), ITEM_TEXT);
}

fn clock(out: &mut String, c: &Clock) {
    out.push_str("clock:\n");
    opt_time_field(out, "  ", "started", c.started.as_ref());
    if !c.breaks.is_empty() {
        out.push_str("  breaks:\n");
        for b in &c.breaks {
            out.push_str("    - ");
            pause(out, b);
            out.push('\n');
        }
    }
    opt_time_field(out, "  ", "ended", c.ended.as_ref());
}

fn pause(out: &mut String, b: &Break) {
    out.push_str("{ from: ");
    push_time(out, &b.from);
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

/// Writes `s` as one YAML scalar in `context`: plain, literal block (content
/// at `text_indent` spaces) or double-quoted.
fn scalar(out: &mut String, s: &str, context: Context, text_indent: usize) {
    match style(s, context) {
        Style::Plain => out.push_str(s),
        Style::Literal => literal(out, s, text_indent),
        Style::Quoted => quoted(out, s),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Plain,
    Literal,
    Quoted,
}

fn style(s: &str, context: Context) -> Style {
    let flow = context == Context::Flow;
    let bytes = s.as_bytes();
    let mut plain = !bytes.is_empty();
    let mut newline = false;
    for (i, c) in s.char_indices() {
        match c {
            '\n' => newline = true,
            c if escaped(c) => return Style::Quoted,
            ',' | '[' | ']' | '{' | '}' if flow => plain = false,
            ':' if flow || matches!(bytes.get(i + 1), None | Some(b' ')) => plain = false,
            '#' if flow || (i > 0 && bytes[i - 1] == b' ') => plain = false,
            // Readers disagree on which Unicode spaces count as blanks.
            c if !c.is_ascii() && c.is_whitespace() => plain = false,
            _ => {}
        }
    }
    if newline {
        if context == Context::Block && literal_ok(s) {
            Style::Literal
        } else {
            Style::Quoted
        }
    } else if plain && plain_edges_ok(s, context) && !looks_typed(s) {
        Style::Plain
    } else {
        Style::Quoted
    }
}

/// Characters that are written as escapes: C0 and C1 controls, DEL, and
/// invisible characters (zero-width, bidi marks and overrides, byte order mark)
/// that would let a file read differently from what a reviewer sees. U+0085,
/// U+2028 and U+2029 are line breaks to a YAML 1.1 reader.
fn escaped(c: char) -> bool {
    matches!(c,
        '\0'..='\t' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{61c}'
        | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{fffe}' | '\u{ffff}')
}

/// A plain scalar may not start with these: YAML indicators, and `<<` (a
/// merge key) and `=` (a value key) to a YAML 1.1 reader.
const INDICATORS: &str = " -?:,[]{}#&*!|>'\"%@`<=";

/// Plain words that YAML 1.2 or 1.1 reads as null or a boolean.
const NOT_STRINGS: [&str; 26] = [
    "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "y", "Y",
    "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
];

fn plain_edges_ok(s: &str, context: Context) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().next_back()) else {
        return false;
    };
    // yaml-rust2 refuses a flow plain scalar ending ` -` before `,` or `]`.
    let bad_last = last == ' ' || (context == Context::Flow && last == '-');
    !INDICATORS.contains(first) && !bad_last && !s.starts_with("...")
}

/// Whether a plain scalar could be read as something other than a string by
/// some YAML reader: null, a YAML 1.1 boolean, a number in any base, infinity,
/// a date or time, a sexagesimal number. Anything starting like a number counts.
fn looks_typed(s: &str) -> bool {
    if NOT_STRINGS.contains(&s) {
        return true;
    }
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    if unsigned.eq_ignore_ascii_case(".inf") || unsigned.eq_ignore_ascii_case(".nan") {
        return true;
    }
    let digits = unsigned.strip_prefix('.').unwrap_or(unsigned);
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // With a space it can only be a YAML 1.1 timestamp (`2001-12-14 21:59:43.10 -5`).
    !s.contains(' ')
        || s.bytes()
            .all(|b| b.is_ascii_digit() || b" -+.:TtZz".contains(&b))
}

fn literal_ok(s: &str) -> bool {
    // A first line starting with a space would need an indentation indicator,
    // and `|+` for several final newlines; quoting is plainer than both.
    match s.bytes().find(|&b| b != b'\n') {
        None | Some(b' ') => false,
        Some(_) => !s.ends_with("\n\n"),
    }
}

fn literal(out: &mut String, s: &str, indent: usize) {
    let body = match s.strip_suffix('\n') {
        Some(body) => {
            out.push('|');
            body
        }
        None => {
            out.push_str("|-");
            s
        }
    };
    for line in body.split('\n') {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&PAD[..indent]);
            out.push_str(line);
        }
    }
}

fn quoted(out: &mut String, s: &str) {
    out.push('"');
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\t' => "\\t",
            '\r' => "\\r",
            '\0' => "\\0",
            c if escaped(c) => "",
            _ => continue,
        };
        out.push_str(&s[run..i]);
        run = i + c.len_utf8();
        if escape.is_empty() {
            push_hex_escape(out, c);
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&s[run..]);
    out.push('"');
}

fn push_hex_escape(out: &mut String, c: char) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let n = u32::from(c);
    let (tag, width) = if n < 0x100 {
        ('x', 2)
    } else if n < 0x1_0000 {
        ('u', 4)
    } else {
        ('U', 8)
    };
    out.push('\\');
    out.push(tag);
    for shift in (0..width).rev() {
        out.push(char::from(HEX[(n >> (shift * 4)) as usize & 0xF]));
    }
}

fn push_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[at..] {
        out.push(char::from(b));
    }
}

fn push_padded(out: &mut String, n: u32, width: u32) {
    for shift in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10u32.pow(shift) % 10) as u8));
    }
}

/// `2026-11-22`, as chrono writes and reads it.
fn push_date(out: &mut String, d: NaiveDate) {
    match u32::try_from(d.year()) {
        Ok(year) if year <= 9999 => {
            push_padded(out, year, 4);
            out.push('-');
            push_padded(out, d.month(), 2);
            out.push('-');
            push_padded(out, d.day(), 2);
        }
        _ => out.push_str(&d.to_string()),
    }
}

/// RFC 3339 with the offset as `+00:00`, exactly as chrono's
/// `to_rfc3339_opts(SecondsFormat::AutoSi, false)` writes it, without its
/// allocation; rare shapes (leap second, odd years, offsets with seconds) go
/// to chrono.
fn push_time(out: &mut String, t: &Time) {
    let local = t.naive_local();
    let offset = t.offset().local_minus_utc();
    let nanos = local.nanosecond();
    let year = local.year();
    if !(0..=9999).contains(&year) || nanos >= 1_000_000_000 || offset % 60 != 0 {
        out.push_str(&t.to_rfc3339_opts(SecondsFormat::AutoSi, false));
        return;
    }
    push_date(out, local.date());
    out.push('T');
    push_padded(out, local.hour(), 2);
    out.push(':');
    push_padded(out, local.minute(), 2);
    out.push(':');
    push_padded(out, local.second(), 2);
    if nanos != 0 {
        out.push('.');
        if nanos.is_multiple_of(1_000_000) {
            push_padded(out, nanos / 1_000_000, 3);
        } else if nanos.is_multiple_of(1_000) {
            push_padded(out, nanos / 1_000, 6);
        } else {
            push_padded(out, nanos, 9);
        }
    }
    out.push(if offset < 0 { '-' } else { '+' });
    let minutes = offset.unsigned_abs() / 60;
    push_padded(out, minutes / 60, 2);
    out.push(':');
    push_padded(out, minutes % 60, 2);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, NaiveDateTime, TimeZone};

    /// What a YAML reader makes of `text`: serde_yaml and yaml-rust2 must agree.
    fn read_back(text: &str, flow: bool) -> String {
        let doc = if flow {
            format!("v: [{text}]\n")
        } else {
            format!("v: {text}\n")
        };
        let value: serde_yaml::Value = serde_yaml::from_str(&doc).expect(&doc);
        let got = if flow { &value["v"][0] } else { &value["v"] };
        let by_serde = got
            .as_str()
            .unwrap_or_else(|| panic!("not a string: {doc}"));
        let docs = yaml_rust2::YamlLoader::load_from_str(&doc).expect(&doc);
        let node = if flow {
            &docs[0]["v"][0]
        } else {
            &docs[0]["v"]
        };
        let yaml_rust2::Yaml::String(by_rust2) = node else {
            panic!("yaml-rust2 reads {node:?} from {doc}");
        };
        assert_eq!(by_serde, by_rust2, "{doc}");
        by_serde.to_owned()
    }

    fn written(s: &str, context: Context) -> String {
        let mut out = String::new();
        scalar(&mut out, s, context, 2);
        out
    }

    #[test]
    fn tricky_scalars() {
        // (string, as a block value, inside a flow collection)
        let cases: &[(&str, &str, &str)] = &[
            ("Beve", "Beve", "Beve"),
            ("Dulcie's concern", "Dulcie's concern", "Dulcie's concern"),
            ("3 bedrooms", "3 bedrooms", "3 bedrooms"),
            ("日本語", "日本語", "日本語"),
            (r"back\slash", r"back\slash", r"back\slash"),
            ("a...", "a...", "a..."),
            ("", r#""""#, r#""""#),
            (" lead", r#"" lead""#, r#"" lead""#),
            ("trail ", r#""trail ""#, r#""trail ""#),
            ("a: b", r#""a: b""#, r#""a: b""#),
            ("a:b", "a:b", r#""a:b""#),
            ("ends:", r#""ends:""#, r#""ends:""#),
            ("a #b", r#""a #b""#, r#""a #b""#),
            ("a#b", "a#b", r#""a#b""#),
            ("a, b", "a, b", r#""a, b""#),
            ("a -", "a -", r#""a -""#),
            ("x [y]", "x [y]", r#""x [y]""#),
            ("x {y}", "x {y}", r#""x {y}""#),
            ("#x", r##""#x""##, r##""#x""##),
            ("- item", r#""- item""#, r#""- item""#),
            ("-x", r#""-x""#, r#""-x""#),
            ("? x", r#""? x""#, r#""? x""#),
            (":x", r#"":x""#, r#"":x""#),
            ("[x]", r#""[x]""#, r#""[x]""#),
            ("{x}", r#""{x}""#, r#""{x}""#),
            ("!tag", r#""!tag""#, r#""!tag""#),
            ("&anchor", r#""&anchor""#, r#""&anchor""#),
            ("*alias", r#""*alias""#, r#""*alias""#),
            ("|x", r#""|x""#, r#""|x""#),
            (">x", r#"">x""#, r#"">x""#),
            ("'x'", r#""'x'""#, r#""'x'""#),
            ("%x", r#""%x""#, r#""%x""#),
            ("@x", r#""@x""#, r#""@x""#),
            ("`x", r#""`x""#, r#""`x""#),
            ("<<", r#""<<""#, r#""<<""#),
            ("=", r#""=""#, r#""=""#),
            ("---", r#""---""#, r#""---""#),
            ("...", r#""...""#, r#""...""#),
            ("true", r#""true""#, r#""true""#),
            ("False", r#""False""#, r#""False""#),
            ("no", r#""no""#, r#""no""#),
            ("Yes", r#""Yes""#, r#""Yes""#),
            ("y", r#""y""#, r#""y""#),
            ("off", r#""off""#, r#""off""#),
            ("~", r#""~""#, r#""~""#),
            ("null", r#""null""#, r#""null""#),
            ("NULL", r#""NULL""#, r#""NULL""#),
            ("1e3", r#""1e3""#, r#""1e3""#),
            ("0x1F", r#""0x1F""#, r#""0x1F""#),
            ("0o17", r#""0o17""#, r#""0o17""#),
            ("007", r#""007""#, r#""007""#),
            ("+1", r#""+1""#, r#""+1""#),
            ("-2.5", r#""-2.5""#, r#""-2.5""#),
            (".5", r#"".5""#, r#"".5""#),
            (".inf", r#"".inf""#, r#"".inf""#),
            ("-.INF", r#""-.INF""#, r#""-.INF""#),
            (".NaN", r#"".NaN""#, r#"".NaN""#),
            ("1_000", r#""1_000""#, r#""1_000""#),
            ("12:30", r#""12:30""#, r#""12:30""#),
            ("3rd", r#""3rd""#, r#""3rd""#),
            ("2026-11-22", r#""2026-11-22""#, r#""2026-11-22""#),
            (
                "2001-12-14 21:59:43.10 -5",
                r#""2001-12-14 21:59:43.10 -5""#,
                r#""2001-12-14 21:59:43.10 -5""#,
            ),
            ("\"hi\"", r#""\"hi\"""#, r#""\"hi\"""#),
            ("say \"hi\"", "say \"hi\"", "say \"hi\""),
            ("tab\there", r#""tab\there""#, r#""tab\there""#),
            ("bell\u{7}", r#""bell\x07""#, r#""bell\x07""#),
            ("nul\0", r#""nul\0""#, r#""nul\0""#),
            ("esc\u{1b}[31m", r#""esc\x1B[31m""#, r#""esc\x1B[31m""#),
            ("del\u{7f}", r#""del\x7F""#, r#""del\x7F""#),
            ("nel\u{85}", r#""nel\x85""#, r#""nel\x85""#),
            ("csi\u{9b}", r#""csi\x9B""#, r#""csi\x9B""#),
            ("\u{202e}evil", r#""\u202Eevil""#, r#""\u202Eevil""#),
            (
                "iso\u{2066}late",
                r#""iso\u2066late""#,
                r#""iso\u2066late""#,
            ),
            ("lrm\u{200e}", r#""lrm\u200E""#, r#""lrm\u200E""#),
            ("zw\u{200b}sp", r#""zw\u200Bsp""#, r#""zw\u200Bsp""#),
            (
                "ls\u{2028}ps\u{2029}",
                r#""ls\u2028ps\u2029""#,
                r#""ls\u2028ps\u2029""#,
            ),
            ("\u{feff}bom", r#""\uFEFFbom""#, r#""\uFEFFbom""#),
            (
                "nonchar\u{ffff}",
                r#""nonchar\uFFFF""#,
                r#""nonchar\uFFFF""#,
            ),
            ("nb\u{a0}sp", "\"nb\u{a0}sp\"", "\"nb\u{a0}sp\""),
            ("cr\r\nlf", r#""cr\r\nlf""#, r#""cr\r\nlf""#),
            ("line\nnext", "|-\n  line\n  next", r#""line\nnext""#),
            ("line\n", "|\n  line", r#""line\n""#),
            ("\nline", "|-\n\n  line", r#""\nline""#),
            ("a\n\nb: #c\n", "|\n  a\n\n  b: #c", r#""a\n\nb: #c\n""#),
            (
                "a\n  indented",
                "|-\n  a\n    indented",
                r#""a\n  indented""#,
            ),
            ("a\n ", "|-\n  a\n   ", r#""a\n ""#),
            (" lead\nx", r#"" lead\nx""#, r#"" lead\nx""#),
            ("\n lead", r#""\n lead""#, r#""\n lead""#),
            ("a\n\n", r#""a\n\n""#, r#""a\n\n""#),
            ("\n", r#""\n""#, r#""\n""#),
            ("tab\n\tline", r#""tab\n\tline""#, r#""tab\n\tline""#),
        ];
        for &(s, block, flow) in cases {
            assert_eq!(written(s, Context::Block), block, "block {s:?}");
            assert_eq!(written(s, Context::Flow), flow, "flow {s:?}");
            assert_eq!(read_back(block, false), s, "block {s:?}");
            assert_eq!(read_back(flow, true), s, "flow {s:?}");
        }
    }

    #[test]
    fn times_are_written_as_chrono_writes_them() {
        let day = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap();
        let cases = [
            ("2026-11-22 10:00:00", 0),
            ("2026-11-22 10:06:12", 3600),
            ("2026-11-22 23:59:59", -(5 * 3600 + 1800)),
            ("2026-01-02 03:04:05.5", 14 * 3600),
            ("2026-01-02 03:04:05.000250", -12 * 3600),
            ("2026-01-02 03:04:05.000000007", 345 * 60),
            ("0099-03-04 00:00:00", 0),
            ("2026-11-22 10:00:00", 3600 + 17),
        ];
        for (local, offset) in cases {
            let zone = FixedOffset::east_opt(offset).unwrap();
            let t = zone.from_local_datetime(&day(local)).unwrap();
            let mut out = String::new();
            push_time(&mut out, &t);
            assert_eq!(out, t.to_rfc3339_opts(SecondsFormat::AutoSi, false));
        }
    }

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
