//! Save then load gives the same session, and saving again the same bytes.

use chrono::{FixedOffset, NaiveDate, TimeZone};
use coproduce::session::write::to_yaml;
use coproduce::session::{
    ActionPoint, ActionState, Attendance, Break, Card, CardKind, Clock, Decision, DecisionState,
    EarlierAnswer, Item, ItemScope, Judgement, Meaning, OrderedMap, Participant, PersonTime,
    Principle, Response, Role, Round, RoundKind, RoundOrder, Rung, Session, Settings, SpeakerKey,
    StackOrder, Takes, Thinking, Time, Turn, Wording,
};
use proptest::prelude::*;

/// The example meeting from the design, also the `check` command's good file.
const DESIGN_EXAMPLE: &str = include_str!("fixtures/good.yaml");
const BUNDLED_EXAMPLE: &str = include_str!("../sessions/example.yaml");

fn reload(text: &str) -> Session {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// Pieces that each trouble some part of YAML's plain-scalar rules.
const TRICKY: &[&str] = &[
    " ",
    "  ",
    "\n",
    "\n\n",
    ": ",
    ":",
    "#",
    " #",
    "'",
    "\"",
    "\\",
    "-",
    "- ",
    "? ",
    ",",
    "[",
    "]",
    "{",
    "}",
    "|",
    ">",
    "!",
    "&",
    "*",
    "%",
    "@",
    "`",
    "<<",
    "=",
    "---",
    "...",
    "true",
    "no",
    "Yes",
    "y",
    "~",
    "null",
    "1e3",
    "0x1F",
    ".inf",
    "-.5",
    "007",
    "2026-11-22",
    "12:30",
    "0",
    "-1",
    "\r",
    "\t",
    "\0",
    "\u{7}",
    "\u{1b}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{a0}",
    "\u{2028}",
    "\u{202e}",
    "\u{2066}",
    "\u{200d}",
    "\u{feff}",
    "\u{ffff}",
    "é",
    "日本",
    "👩\u{200d}👩\u{200d}👧",
    "Beve",
    "Dulcie's",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[a-zA-Z]{1,6}",
        3 => prop::sample::select(TRICKY).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        6 => prop::collection::vec(piece, 0..6).prop_map(|v| v.concat()),
        1 => any::<String>(),
        1 => prop::sample::select(TRICKY).prop_map(String::from),
    ]
}

fn maybe_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn time() -> impl Strategy<Value = Time> {
    const OFFSETS: [i32; 11] = [0, 60, -60, 90, 330, -330, 345, -300, 540, 840, -720];
    (
        1_600_000_000i64..2_000_000_000,
        prop::sample::select(&OFFSETS[..]),
    )
        .prop_map(|(secs, minutes)| {
            FixedOffset::east_opt(minutes * 60)
                .unwrap()
                .timestamp_opt(secs, 0)
                .unwrap()
        })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0u64..20_000).prop_map(|days| {
        NaiveDate::from_ymd_opt(2000, 1, 1)
            .unwrap()
            .checked_add_days(chrono::Days::new(days))
            .unwrap()
    })
}

fn role() -> impl Strategy<Value = Role> {
    (text(), text(), any::<Option<u32>>(), any::<Option<bool>>()).prop_map(
        |(id, label, target, power)| Role {
            id,
            label,
            target,
            power,
        },
    )
}

fn speaker_key() -> impl Strategy<Value = SpeakerKey> {
    prop::sample::select(('a'..='z').chain('0'..='9').collect::<Vec<_>>()).prop_map(SpeakerKey)
}

fn participant() -> impl Strategy<Value = Participant> {
    (
        text(),
        text(),
        text(),
        prop::option::of(speaker_key()),
        any::<Option<bool>>(),
        maybe_text(),
        maybe_text(),
        prop::collection::vec((time(), any::<bool>()), 0..3),
    )
        .prop_map(
            |(id, name, role, key, present, needs, room_name, moves)| Participant {
                id,
                name,
                role,
                key,
                present,
                needs,
                room_name,
                attendance: moves
                    .into_iter()
                    .map(|(at, came)| Attendance {
                        arrived: came.then_some(at),
                        left: (!came).then_some(at),
                    })
                    .collect(),
            },
        )
}

fn item() -> impl Strategy<Value = Item> {
    (
        text(),
        text(),
        maybe_text(),
        any::<u32>(),
        prop::option::of(time()),
        prop::option::of(time()),
        maybe_text(),
        (
            prop::option::of((maybe_text(), maybe_text(), maybe_text())),
            prop::option::of(action()),
            maybe_text(),
        ),
    )
        .prop_map(
            |(id, title, lead, minutes, started, ended, notes, (scope, action, report))| Item {
                id,
                title,
                lead,
                minutes,
                started,
                ended,
                notes,
                scope: scope.map(|(open, fixed, why)| ItemScope { open, fixed, why }),
                action,
                report,
            },
        )
}

fn round() -> impl Strategy<Value = Round> {
    (
        prop::sample::select(&RoundKind::ALL[..]),
        prop::sample::select(&RoundOrder::ALL[..]),
        time(),
        prop::option::of(time()),
        prop::collection::vec(text(), 0..4),
        prop::collection::vec(
            (prop::sample::select(&Principle::ALL[..]), any::<u32>()),
            0..4,
        ),
    )
        .prop_map(|(kind, order, from, to, called, hands)| Round {
            kind,
            order,
            from,
            to,
            called,
            hands: hands.into_iter().collect(),
        })
}

fn action() -> impl Strategy<Value = ActionPoint> {
    let state =
        prop::sample::select(&[None, Some(ActionState::Done), Some(ActionState::Dropped)][..]);
    (text(), text(), prop::option::of(date()), state).prop_map(|(what, who, due, state)| {
        ActionPoint {
            what,
            who,
            due,
            state,
        }
    })
}

fn decision() -> impl Strategy<Value = Decision> {
    (
        (text(), text(), text(), maybe_text()),
        prop::sample::select(&DecisionState::ALL[..]),
        prop::collection::vec((text(), prop::sample::select(&Response::ALL[..])), 0..4),
        (
            maybe_text(),
            prop::option::of(time()),
            prop::option::of(date()),
        ),
        prop::collection::vec(action(), 0..3),
        (
            prop::option::of(time()),
            prop::collection::vec((text(), text()), 0..3),
            maybe_text(),
            maybe_text(),
        ),
        (
            prop::collection::vec((text(), time()), 0..3),
            prop::collection::vec(
                (
                    text(),
                    prop::sample::select(&Response::ALL[..]),
                    maybe_text(),
                    time(),
                ),
                0..3,
            ),
            maybe_text(),
        ),
    )
        .prop_map(
            |(
                (id, proposal, proposed_by, item),
                state,
                responses,
                (outcome, decided, review),
                actions,
                (opened, reasons, rubber_stamp, rubber_stamp_note),
                (wordings, earlier, carried_from),
            )| {
                Decision {
                    id,
                    proposal,
                    proposed_by,
                    item,
                    state,
                    opened,
                    responses: responses.into_iter().collect::<OrderedMap<_, _>>(),
                    reasons: reasons.into_iter().collect::<OrderedMap<_, _>>(),
                    outcome,
                    decided,
                    review,
                    actions,
                    rubber_stamp,
                    rubber_stamp_note,
                    wordings: wordings
                        .into_iter()
                        .map(|(proposal, until)| Wording { proposal, until })
                        .collect(),
                    earlier_answers: earlier
                        .into_iter()
                        .map(|(who, answer, reason, until)| EarlierAnswer {
                            who,
                            answer,
                            reason,
                            until,
                        })
                        .collect(),
                    carried_from,
                }
            },
        )
}

fn judgement() -> impl Strategy<Value = Judgement> {
    (
        time(),
        maybe_text(),
        prop::sample::select(&Rung::ALL[..]),
        prop::collection::vec((prop::sample::select(&Rung::ALL[..]), any::<u32>()), 0..4),
        maybe_text(),
    )
        .prop_map(|(at, item, rung, votes, note)| Judgement {
            at,
            item,
            rung,
            votes: votes.into_iter().collect(),
            note,
        })
}

fn clock() -> impl Strategy<Value = Clock> {
    let pause = (time(), any::<Option<u32>>(), prop::option::of(time()))
        .prop_map(|(from, minutes, to)| Break { from, minutes, to });
    let thinking = (time(), any::<u64>(), prop::option::of(time()), maybe_text()).prop_map(
        |(from, secs, to, before)| Thinking {
            from,
            secs,
            to,
            before,
        },
    );
    (
        prop::option::of(time()),
        prop::collection::vec(pause, 0..3),
        prop::option::of(time()),
        prop::collection::vec(thinking, 0..3),
    )
        .prop_map(|(started, breaks, ended, thinking)| Clock {
            started,
            breaks,
            ended,
            thinking,
        })
}

fn turn() -> impl Strategy<Value = Turn> {
    (text(), time(), any::<Option<u64>>()).prop_map(|(who, at, secs)| Turn { who, at, secs })
}

fn card() -> impl Strategy<Value = Card> {
    let kind = prop::sample::select(&[CardKind::Jargon, CardKind::SlowDown][..]);
    (time(), kind, maybe_text(), maybe_text()).prop_map(|(at, card, who, word)| Card {
        at,
        card,
        who,
        word,
    })
}

fn settings() -> impl Strategy<Value = Settings> {
    let order = prop::sample::select(&[StackOrder::Progressive, StackOrder::FirstCome][..]);
    (
        any::<Option<u32>>(),
        any::<Option<u32>>(),
        any::<Option<u64>>(),
        prop::option::of(order),
        any::<Option<u64>>(),
        any::<Option<u64>>(),
        any::<Option<u64>>(),
        any::<Option<bool>>(),
        any::<Option<u32>>(),
    )
        .prop_map(
            |(warn, alert, long_turn, order, quick, slip, thinking, think_first, break_every)| {
                Settings {
                    warn_minutes: warn,
                    alert_minutes: alert,
                    long_turn_secs: long_turn,
                    stack_order: order,
                    quick_agreement_secs: quick,
                    slip_secs: slip,
                    thinking_secs: thinking,
                    think_before_consent: think_first,
                    break_every_minutes: break_every,
                }
            },
        )
}

fn session() -> impl Strategy<Value = Session> {
    (
        (
            any::<u32>(),
            text(),
            text(),
            date(),
            maybe_text(),
            maybe_text(),
            settings(),
        ),
        (
            prop::collection::vec(role(), 0..3),
            prop::collection::vec(participant(), 0..4),
            prop::collection::vec(item(), 0..3),
            prop::collection::vec(decision(), 0..3),
            prop::collection::vec(judgement(), 0..3),
        ),
        (
            clock(),
            prop::collection::vec(turn(), 0..6),
            prop::collection::vec(text(), 0..4),
            prop::collection::vec(
                (text(), text()).prop_map(|(word, meaning)| Meaning { word, meaning }),
                0..3,
            ),
            prop::collection::vec(card(), 0..3),
            prop::collection::vec(round(), 0..3),
        ),
        prop::collection::vec(person_time(), 0..3),
    )
        .prop_map(
            |(
                (format, title, board, date, place, facilitator, settings),
                (roles, participants, agenda, decisions, ladder),
                (clock, turns, stack, glossary, cards, rounds),
                people_time,
            )| Session {
                format,
                title,
                board,
                date,
                place,
                facilitator,
                settings,
                roles,
                participants,
                agenda,
                decisions,
                ladder,
                clock,
                turns,
                stack,
                glossary,
                cards,
                people_time,
                rounds,
            },
        )
}

fn person_time() -> impl Strategy<Value = PersonTime> {
    (
        text(),
        prop::option::of(any::<u32>()),
        prop::option::of(any::<u32>()),
        prop::option::of(prop::sample::select(Takes::ALL.to_vec())),
    )
        .prop_map(
            |(who, preparation_minutes, travel_minutes, takes)| PersonTime {
                who,
                preparation_minutes,
                travel_minutes,
                takes,
            },
        )
}

/// yaml-rust2's reading in serde_yaml's terms, to compare the two readers.
fn as_serde_value(y: &yaml_rust2::Yaml) -> serde_yaml::Value {
    use serde_yaml::Value;
    use yaml_rust2::Yaml;
    match y {
        Yaml::String(s) => Value::String(s.clone()),
        Yaml::Integer(i) => Value::Number((*i).into()),
        Yaml::Real(s) => match s.parse::<u64>() {
            Ok(n) => Value::Number(n.into()),
            Err(_) => Value::String(format!("real {s}")),
        },
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(items) => Value::Sequence(items.iter().map(as_serde_value).collect()),
        Yaml::Hash(pairs) => Value::Mapping(
            pairs
                .iter()
                .map(|(k, v)| (as_serde_value(k), as_serde_value(v)))
                .collect(),
        ),
        Yaml::Null => Value::Null,
        other => Value::String(format!("unexpected {other:?}")),
    }
}

proptest! {
    // A few seconds in a debug build; PROPTEST_CASES=20000 for a long hunt.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(100)
    ))]

    #[test]
    fn save_then_load_gives_the_same_session(s in session()) {
        let text = to_yaml(&s);
        let back: Session = serde_yaml::from_str(&text)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &s, "{}", text);
        // Equal times may differ in offset: the bytes catch that.
        prop_assert_eq!(to_yaml(&back), text.clone());
        // The span-aware checker reads the same files with yaml-rust2.
        let docs = yaml_rust2::YamlLoader::load_from_str(&text)
            .map_err(|e| TestCaseError::fail(format!("yaml-rust2: {e}\n{text}")))?;
        let by_serde: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        prop_assert_eq!(as_serde_value(&docs[0]), by_serde, "{}", text);
    }
}

#[test]
fn the_design_example_reads_back_the_same_and_keeps_its_one_line_records() {
    let session = reload(DESIGN_EXAMPLE);
    let text = to_yaml(&session);
    assert_eq!(reload(&text), session);
    // The only change: breaks are one line each rather than one flow list.
    let expected = DESIGN_EXAMPLE.replace(
        "  breaks: [ { from: 2026-11-22T10:15:00+00:00, to: 2026-11-22T10:20:00+00:00 } ]\n",
        "  breaks:\n    - { from: 2026-11-22T10:15:00+00:00, to: 2026-11-22T10:20:00+00:00 }\n",
    );
    assert_eq!(text, expected);
    for line in [
        "    responses: { beve: agree, dulcie: concern, alex: agree }\n",
        "      - { what: Draft the easy read leaflet, who: dulcie, due: 2026-12-10 }\n",
        "    votes: { co-design: 2, consultation: 1 }\n",
        "  - { who: beve, at: 2026-11-22T10:06:12+00:00, secs: 88 }\n",
        "  - { who: alex, at: 2026-11-22T10:28:00+00:00 }\n",
        "stack: [dulcie, beve]\n",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn a_digit_key_stays_a_string() {
    let mut session = reload(DESIGN_EXAMPLE);
    session.participants[0].key = Some(SpeakerKey('7'));
    let text = to_yaml(&session);
    assert!(text.contains("    key: \"7\"\n"), "{text}");
    assert_eq!(reload(&text), session);
}

#[test]
fn example_saves_to_itself_byte_for_byte() {
    let parsed = reload(BUNDLED_EXAMPLE);
    assert_eq!(to_yaml(&parsed), BUNDLED_EXAMPLE);
}

#[test]
fn the_example_refers_only_to_what_it_defines() {
    let s = reload(BUNDLED_EXAMPLE);
    let role = |id: &str| s.roles.iter().any(|r| r.id == id);
    let person = |id: &str| s.participants.iter().any(|p| p.id == id);
    let present = |id: &str| s.participants.iter().any(|p| p.id == id && p.is_present());
    let item = |id: &str| s.agenda.iter().any(|i| i.id == id);
    assert!(s.participants.iter().all(|p| role(&p.role)));
    assert!(
        s.agenda
            .iter()
            .filter_map(|i| i.lead.as_deref())
            .all(person)
    );
    for d in &s.decisions {
        assert!(person(&d.proposed_by), "{}", d.id);
        assert!(d.item.as_deref().is_none_or(item), "{}", d.id);
        assert!(d.responses.iter().all(|(who, _)| present(who)), "{}", d.id);
        assert!(d.actions.iter().all(|a| person(&a.who)), "{}", d.id);
    }
    assert!(s.ladder.iter().filter_map(|j| j.item.as_deref()).all(item));
    assert!(s.turns.iter().all(|t| present(&t.who)));
    assert!(s.stack.iter().all(|who| present(who)));
}

#[test]
fn the_example_speaking_log_adds_up() {
    let s = reload(BUNDLED_EXAMPLE);
    let (last, closed) = s.turns.split_last().unwrap();
    assert!(s.turns.len() >= 40);
    assert_eq!(last.secs, None, "the last turn is still going");
    assert!(closed.iter().all(|t| t.secs.is_some()));
    let pause = &s.clock.breaks[0];
    let pause_end = pause.to.unwrap();
    assert!(
        s.turns
            .iter()
            .all(|t| t.at < pause.from || t.at >= pause_end)
    );
    for pair in s.turns.windows(2) {
        let end = pair[0].at + chrono::Duration::seconds(pair[0].secs.unwrap() as i64);
        if pair[0].at < pause.from && pair[1].at >= pause_end {
            assert!(end <= pause.from, "{:?} runs into the break", pair[0]);
        } else {
            assert_eq!(end, pair[1].at, "{:?} does not hand over", pair[0]);
        }
    }
    let silent = |id: &str| !s.turns.iter().any(|t| t.who == id);
    assert!(silent("aisha"), "one lived-experience voice not heard yet");
}
