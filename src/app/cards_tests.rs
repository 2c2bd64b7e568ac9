//! Issue #19 parts 1 and 4 on a fixed clock: jargon and slow-down cards,
//! the jargon buster's meanings, and the break reminder access needs ask for.

use super::*;
use crate::app::testing::{app_on, at, session_yaml, type_keys};
use crate::session::cards::{Showing, showing, tally};
use crate::session::jargon::{Source, lookup};
use crate::session::needs::break_due;
use crate::session::{Card, CardKind};

/// Beve and Alex from 10:00; Alex speaking since 10:28.
const SESSION: &str = "participants:
  - { id: beve, name: Beve Smith, role: lived, key: b, needs: Large print; a break every 45 minutes, room_name: B. }
  - { id: alex, name: Alex, role: staff, key: x }
clock:
  started: 2026-11-22T10:00:00+00:00
turns:
  - { who: alex, at: 2026-11-22T10:28:00+00:00 }
glossary:
  - { word: ICB, meaning: The NHS body that plans health services here. }
";

fn app() -> App {
    app_on(&session_yaml(SESSION), "10:30:00")
}

fn card(at_: &str, card: CardKind, who: Option<&str>, word: Option<&str>) -> Card {
    Card {
        at: at(at_),
        card,
        who: who.map(str::to_owned),
        word: word.map(str::to_owned),
    }
}

#[test]
fn a_jargon_card_with_a_known_word_is_logged_against_the_floor_at_the_keys_time() {
    let mut app = app();
    // The word is typed over ten seconds; the card is the key's moment.
    type_keys(&mut app, "<F4><wait 10s>icb<Enter>", "10:30:00");
    assert_eq!(
        app.session.cards,
        [card(
            "10:30:00",
            CardKind::Jargon,
            Some("alex"),
            Some("icb")
        )]
    );
    assert!(app.overlay.is_none(), "a known word asks for nothing more");
    assert_eq!(
        app.status.as_deref(),
        Some("Jargon card against Alex: icb: The NHS body that plans health services here.")
    );
    let (_, says) = showing(&app.session, at("10:31:00")).unwrap();
    assert!(matches!(
        says,
        Showing::Meaning {
            source: Source::Group,
            ..
        }
    ));
    assert!(
        showing(&app.session, at("10:31:30")).is_none(),
        "for a while only"
    );
}

#[test]
fn an_unknown_word_asks_the_speaker_and_the_typed_meaning_joins_the_glossary() {
    let mut app = app();
    type_keys(&mut app, "<F4>ASC<Enter>", "10:30:00");
    assert_eq!(
        app.status.as_deref(),
        Some("ASC has no meaning yet: the room view asks Alex to explain it")
    );
    assert_eq!(
        showing(&app.session, at("10:30:05")).unwrap().1,
        Showing::Explain { word: "ASC" }
    );
    let title = app.form().map(|f| f.title.clone());
    assert_eq!(title.as_deref(), Some("What does ASC mean?"));
    // Saving it empty is refused and loses nothing.
    type_keys(&mut app, "<Enter>", "10:30:10");
    assert!(app.form().unwrap().error.is_some());
    type_keys(
        &mut app,
        "Adult social care at the council.<Enter>",
        "10:30:20",
    );
    assert_eq!(
        lookup(&app.session, "asc"),
        Some(("Adult social care at the council.", Source::Group))
    );
    assert!(matches!(
        showing(&app.session, at("10:30:21")).unwrap().1,
        Showing::Meaning { .. }
    ));
    // Undo takes back the meaning, then the card.
    type_keys(&mut app, "<C-z>", "10:30:30");
    assert_eq!(lookup(&app.session, "asc"), None);
    assert_eq!(app.session.cards.len(), 1);
    type_keys(&mut app, "<C-z>", "10:30:31");
    assert!(app.session.cards.is_empty());
    type_keys(&mut app, "<C-y><C-y>", "10:30:32");
    assert_eq!(app.session.cards.len(), 1);
    assert!(lookup(&app.session, "ASC").is_some());
}

#[test]
fn an_empty_word_is_fine_and_escape_logs_nothing() {
    let mut app = app();
    type_keys(&mut app, "<F4><Esc>", "10:30:00");
    assert!(app.session.cards.is_empty());
    type_keys(&mut app, "<F4><Enter>", "10:30:00");
    assert_eq!(
        app.session.cards,
        [card("10:30:00", CardKind::Jargon, Some("alex"), None)]
    );
    assert_eq!(
        showing(&app.session, at("10:30:00")).unwrap().1,
        Showing::PlainWords
    );
}

#[test]
fn a_slow_down_card_is_logged_at_once_and_counts_by_person_and_role() {
    let mut app = app();
    type_keys(
        &mut app,
        "<F5><Tab>b<wait 30s><F5><Space><F4><Enter>",
        "10:30:00",
    );
    let kinds: Vec<(CardKind, Option<&str>)> = app
        .session
        .cards
        .iter()
        .map(|c| (c.card, c.who.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        [
            (CardKind::SlowDown, Some("alex")),
            (CardKind::SlowDown, Some("beve")),
            (CardKind::Jargon, None),
        ]
    );
    let t = tally(&app.session, None);
    assert_eq!((t.roles[0].slow_down, t.roles[1].slow_down), (1, 1));
    assert_eq!((t.power.total(), t.nobody.jargon), (1, 1));
    // In every pane, the Balance pane's people keys included.
    assert_eq!(app.pane, Pane::Balance);
}

#[test]
fn under_the_room_view_a_card_is_logged_with_no_form_and_room_names() {
    let mut app = app();
    type_keys(&mut app, "<Tab>b<F2><F4>", "10:30:00");
    assert!(app.overlay.is_none());
    assert_eq!(app.session.cards[0].who.as_deref(), Some("beve"));
    let status = app.status.clone().unwrap();
    assert_eq!(
        status,
        "Jargon card against B., with no word: words are typed from the panes"
    );
    assert!(!status.contains("Beve"), "{status}");
}

#[test]
fn no_cards_once_the_meeting_has_ended() {
    let mut app = app();
    app.session.clock.ended = Some(at("10:29:00"));
    type_keys(&mut app, "<F4><F5>", "10:30:00");
    assert!(app.session.cards.is_empty() && app.overlay.is_none());
    assert_eq!(app.status.as_deref(), Some(update::ended(&app).as_str()));
}

#[test]
fn the_break_reminder_follows_the_needs_and_the_last_break() {
    let mut app = app();
    assert_eq!(break_due(&app.session, at("10:44:59")), None);
    assert_eq!(break_due(&app.session, at("10:45:00")).unwrap().every, 45);
    // A break taken and ended: the count starts again from its end.
    type_keys(&mut app, "b<Enter><wait 600s>b", "10:46:00");
    assert_eq!(break_due(&app.session, at("11:40:00")), None);
    assert!(break_due(&app.session, at("11:41:00")).is_some());
    // Beve marked absent: nobody present asks.
    type_keys(&mut app, "<Tab><C-p>", "11:41:00");
    assert_eq!(break_due(&app.session, at("11:41:00")), None);
}
