use super::*;
use crate::session::parse;

const GOOD: &str = include_str!("../../tests/fixtures/good.yaml");

fn at(hms: &str) -> Time {
    Time::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap()
}

fn status() -> Status {
    Status {
        read_at: "10:30:00".into(),
        problem: None,
    }
}

fn everything(s: &Session, now: Time) -> String {
    let state = RoomState::of(s, now);
    let links = PageLinks { base: "/".into() };
    let mut all = page(&state, &status(), &links);
    all.push_str(&event_data(&sections(&state, &status())));
    all
}

#[test]
fn the_room_state_counts_time_in_whole_minutes_on_the_clock_given() {
    let s = parse(GOOD).unwrap();
    let state = RoomState::of(&s, at("10:30:00"));
    assert_eq!(state.item.place, "Item 2 of 2");
    assert_eq!(state.item.lead.as_deref(), Some("Dulcie"));
    // Started 10:27:30 with 25 minutes: 2 min 30 s used.
    assert_eq!(state.timer, "22 min left of 25 min");
    // Alex has had the floor since 10:28:00: 2 min, at the limit.
    assert_eq!(state.floor, "Alex (✚ Staff) has the floor, 2 min");
    assert!(!state.long_turn);
    let names: Vec<&str> = state.hands.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(names, ["Dulcie", "B."]);
    assert_eq!(state.decided.len(), 1);
    assert_eq!(state.rung.as_ref().map(|r| r.label), Some("Co-design"));
    let later = RoomState::of(&s, at("10:55:00"));
    assert_eq!(later.timer, "2 min over its 25 min");
    assert_eq!(
        later.floor,
        "Alex (✚ Staff) has the floor: ⚠ long turn, 27 min (over 2:00)"
    );
    assert!(later.long_turn);
}

#[test]
fn nothing_private_reaches_the_page_or_the_events() {
    let mut s = parse(GOOD).unwrap();
    s.decisions[1].state = crate::session::DecisionState::Open;
    s.decisions[1]
        .reasons
        .insert("dulcie".into(), "Private reason".into());
    s.decisions[0].rubber_stamp_note = Some("Stamp note".into());
    let all = everything(&s, at("10:30:00"));
    for secret in [
        "Large print papers",
        "Wait times for beds",
        "Private reason",
        "Dulcie's concern",
        "We shaped the leaflet",
        "Stamp note",
        "Beve",
    ] {
        assert!(!all.contains(secret), "{secret}");
    }
    assert!(
        all.contains("From B. · 0 of 3 present have answered"),
        "{all}"
    );
}

#[test]
fn file_text_cannot_become_markup_or_hide_characters() {
    assert_eq!(
        escape("<b a=\"1\" b='2'>&</b>"),
        "&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;&lt;/b&gt;"
    );
    assert_eq!(escape("a\u{202e}b\x1b[2J\nc"), "a\\u{202e}b\\x1b[2J ⏎ c");
    let mut s = parse(GOOD).unwrap();
    s.participants[2].name = "<img src=x onerror=alert(1)>".into();
    let all = everything(&s, at("10:30:00"));
    assert!(!all.contains("<img"));
    assert!(all.contains("&lt;img src=x onerror=alert(1)&gt; (✚ Staff) has the floor"));
}

#[test]
fn a_part_keeps_its_hash_until_its_html_changes() {
    let s = parse(GOOD).unwrap();
    let one = sections(&RoomState::of(&s, at("10:30:00")), &status());
    let two = sections(&RoomState::of(&s, at("10:30:20")), &status());
    let three = sections(&RoomState::of(&s, at("10:31:00")), &status());
    let hash =
        |parts: &[Section], id: &str| parts.iter().find(|p| p.id == id).unwrap().hash.clone();
    assert_eq!(hash(&one, "timer"), hash(&two, "timer"));
    assert_ne!(hash(&one, "timer"), hash(&three, "timer"));
    assert_eq!(hash(&one, "decided"), hash(&three, "decided"));
}

#[test]
fn every_built_in_theme_gives_a_style_sheet_with_its_colours() {
    let themes = crate::theme::Themes::builtin();
    for name in themes.names() {
        let sheet = style_sheet(themes.get(name).unwrap());
        assert!(sheet.contains("html { background: #"), "{name}: {sheet}");
        assert!(sheet.contains(".fill5 {"), "{name}");
        assert!(!sheet.contains("Rgb"), "{name}");
    }
}
