//! Issue #19 parts 1 and 4 through the binary: jargon and slow-down cards
//! held up with their keys in `coproduce render`, written to the file,
//! shown on the room view, counted in `report` and `trends`; access needs
//! on the facilitator's Balance pane and nowhere the room can see.

mod run;
mod web;

use std::io::{BufRead, BufReader};
use std::path::Path;

use run::{coproduce, render, render_with, scratch, succeeded};

const MEETING: &str = "cards/meeting.yaml";
/// Anil (staff) has had the floor since 10:04.
const TEN_TEN: &str = "2026-11-22T10:10:00+00:00";
/// The needs the fixture holds; none may reach anything the room sees.
const NEEDS: [&str; 2] = ["Hearing loop", "Papers a week before"];

/// The screen after `keys` from 10:10, at `size`, the file left as it was.
fn shown(path: &Path, keys: &str, size: &str) -> String {
    render_with(path, TEN_TEN, keys, &["--dry-run", "--size", size])
}

fn minutes(path: &Path, extra: &[&str]) -> String {
    let mut args = vec!["report", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    succeeded(&args, &coproduce(&args))
}

fn no_needs(what: &str, text: &str) {
    for needs in NEEDS {
        assert!(!text.contains(needs), "{what} shows {needs:?}:\n{text}");
    }
    assert!(
        !text.contains("break due"),
        "{what} shows the reminder:\n{text}"
    );
    assert!(!text.contains('◇'), "{what} marks needs:\n{text}");
}

/// A meeting with cards: a known word and a slow-down card against Anil,
/// then Joan given the floor and asked what "ASC" means, its meaning typed.
fn with_cards(path: &Path) {
    render(
        path,
        TEN_TEN,
        "<F4>icb<Enter><wait 20s><F5><Tab>j<wait 30s><F4>ASC<Enter>Adult social care.<Enter>",
    );
}

#[test]
fn cards_are_written_against_the_floor_and_the_typed_meaning_joins_the_glossary() {
    let (_dir, path) = scratch(MEETING);
    with_cards(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.ends_with(
            "glossary:
  - { word: ICB, meaning: The NHS body that plans health services here. }
  - { word: ASC, meaning: Adult social care. }
cards:
  - { at: 2026-11-22T10:10:00+00:00, card: jargon, who: anil, word: icb }
  - { at: 2026-11-22T10:10:20+00:00, card: slow-down, who: anil }
  - { at: 2026-11-22T10:10:50+00:00, card: jargon, who: joan, word: ASC }
"
        ),
        "{text}"
    );
    let args = ["check", path.to_str().unwrap()];
    succeeded(&args, &coproduce(&args));
}

#[test]
fn undo_takes_back_the_meaning_then_the_card() {
    let (_dir, path) = scratch(MEETING);
    let typed = "<F4>ASC<Enter>Adult social care.<Enter>";
    render(&path, TEN_TEN, &format!("{typed}<C-z>"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("Adult social care"), "{text}");
    assert!(text.ends_with("word: ASC }\n"), "{text}");
    let (_dir, path) = scratch(MEETING);
    render(&path, TEN_TEN, &format!("{typed}<C-z><C-z>"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("cards:"), "{text}");
}

#[test]
fn the_room_view_shows_the_word_and_its_meaning_or_asks_the_speaker() {
    let (_dir, path) = scratch(MEETING);
    let room = shown(&path, "<F4>ICB<Enter><F2>", "100x30");
    assert!(room.contains("▣ Jargon card: ICB"), "{room}");
    insta::assert_snapshot!("cards-room-meaning", room);
    // An unknown word, the meaning form left for later: the speaker is
    // asked, by the name the room knows them by.
    let room = shown(&path, "<Tab>j<F4>ASC<Enter><Esc><F2>", "100x30");
    assert!(
        room.contains("▣ Jargon card: ASC · no meaning yet: J., please explain it"),
        "{room}"
    );
    assert!(!room.contains("Joan"), "{room}");
    // 90 seconds on, the card has gone.
    let room = shown(&path, "<F5><F2><wait 89s>", "100x30");
    assert!(room.contains("▣ Slow-down card · Anil"), "{room}");
    let room = shown(&path, "<F5><F2><wait 90s>", "100x30");
    assert!(!room.contains("Slow-down card"), "{room}");
}

#[test]
fn the_forms_and_the_help_name_the_keys() {
    let (_dir, path) = scratch(MEETING);
    let form = shown(&path, "<F4>", "100x30");
    assert!(form.contains("Jargon card against Anil"), "{form}");
    let form = shown(&path, "<F4>ASC<Enter>", "100x30");
    assert!(form.contains("What does ASC mean?"), "{form}");
    assert!(
        form.contains("ASC has no meaning yet: the room view asks Anil to explain it"),
        "{form}"
    );
    let help = shown(&path, "?", "140x60");
    assert!(help.contains("jargon card: a word lost someone"), "{help}");
    assert!(help.contains("slow-down card: logged against"), "{help}");
}

#[test]
fn cards_count_by_person_and_role_in_balance_the_minutes_and_trends() {
    let (dir, path) = scratch(MEETING);
    with_cards(&path);
    let balance = render_with(
        &path,
        "2026-11-22T10:12:00+00:00",
        "<Tab>",
        &["--dry-run", "--size", "160x40"],
    );
    assert!(
        balance.contains("▣ Cards: 2 jargon, 1 slow down; 2 while a role with power spoke"),
        "{balance}"
    );
    insta::assert_snapshot!("cards-balance", balance);
    let report = minutes(&path, &[]);
    let section = &report[report.find("## Jargon and slow-down cards").expect(&report)..];
    insta::assert_snapshot!("cards-minutes", section);
    // Anonymised, Joan's name goes from the table; the words stay.
    let anonymous = minutes(&path, &["--anonymise"]);
    assert!(!anonymous.contains("Joan") && !anonymous.contains("Anil"));
    assert!(anonymous.contains("**ASC** (1 card): Adult social care."));
    let trends = coproduce(&["trends", dir.path().to_str().unwrap()]);
    let trends = succeeded(&["trends"], &trends);
    assert!(trends.contains("| 2 (1 power) | 1 (1 power) |"), "{trends}");
    let csv = coproduce(&["trends", dir.path().to_str().unwrap(), "--format", "csv"]);
    let csv = succeeded(&["trends"], &csv);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let row: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(header.len(), row.len(), "{csv}");
    let at = header.iter().position(|h| *h == "jargon_cards").unwrap();
    assert_eq!(row[at..at + 4], ["2", "1", "1", "1"], "{csv}");
}

#[test]
fn check_refuses_a_card_against_nobody_known_and_a_blank_word() {
    let (_dir, path) = scratch(MEETING);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!(
            "{text}cards:\n  - {{ at: 2026-11-22T10:05:00+00:00, card: jargon, who: anill, word: \" \" }}\nsettings: {{ break_every_minutes: 0 }}\n"
        ),
    )
    .unwrap();
    let out = coproduce(&["check", path.to_str().unwrap()]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    for wanted in [
        "participant 'anill' holding the floor for a card is not in participants (did you mean 'anil'?)",
        "this card's word is blank",
        "break_every_minutes is 0",
    ] {
        assert!(said.contains(wanted), "{wanted}: {said}");
    }
}

#[test]
fn needs_show_on_the_facilitators_balance_pane_with_a_quiet_break_reminder() {
    let (_dir, path) = scratch(MEETING);
    // 45 minutes after the start: Joan's need asks for a break.
    let balance = shown(&path, "<Tab><wait 2099s>", "160x40");
    assert!(!balance.contains("break due"), "{balance}");
    assert!(
        balance.contains("Hearing loop; a break every 45 minutes"),
        "{balance}"
    );
    assert!(
        balance.contains("Papers a week before, in large print"),
        "{balance}"
    );
    let balance = shown(&path, "<Tab><wait 2100s>", "160x40");
    assert!(
        balance.contains("◷ break due: 45 min since the last (every 45 min asked)"),
        "{balance}"
    );
    // Narrow, a mark by the name and a line under the roles.
    let narrow = shown(&path, "<Tab>", "80x30");
    assert!(narrow.contains("◇ Joan Price"), "{narrow}");
    assert!(
        narrow.contains("◇ Needs (only you see these): Joan Price:"),
        "{narrow}"
    );
    // A break taken ends the reminder, and it comes back 45 minutes after.
    let agenda = shown(
        &path,
        "<wait 2100s>b<Enter><wait 600s>b<wait 2699s>",
        "160x40",
    );
    assert!(!agenda.contains("break due"), "{agenda}");
    let agenda = shown(
        &path,
        "<wait 2100s>b<Enter><wait 600s>b<wait 2700s>",
        "160x40",
    );
    assert!(agenda.contains("◷ break due"), "{agenda}");
}

#[test]
fn needs_never_reach_the_room_view_the_minutes_or_follow_plain() {
    let (_dir, path) = scratch(MEETING);
    with_cards(&path);
    // Past the break interval, on every pane, with the room view up.
    for pane in ["", "<Tab>", "<Tab><Tab>", "<S-Tab>"] {
        for size in ["80x24", "160x40", "250x60"] {
            let keys = format!("{pane}<F2><wait 2100s>");
            let room = shown(&path, &keys, size);
            no_needs("the room view", &room);
        }
    }
    for flags in [
        &[][..],
        &["--easy-read"],
        &["--anonymise"],
        &["--format", "html"],
    ] {
        no_needs("the minutes", &minutes(&path, flags));
    }
    let (mut child, stdout) = run::follow_plain(&path);
    let mut said = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        let done = line.contains("Item 1");
        said.push(line);
        if done || said.len() > 40 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let said = said.join("\n");
    assert!(said.contains("Following Short breaks review"), "{said}");
    no_needs("follow --plain", &said);
}

#[test]
fn needs_never_reach_follow_or_serve() {
    let (_dir, path) = scratch(MEETING);
    with_cards(&path);
    // `follow` draws the room view from the file as it reads it.
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-22T10:56:00+00:00").unwrap();
    let follower = coproduce::cli::follow::Follower::open(&path, now).unwrap();
    let themes = coproduce::theme::Themes::builtin();
    let theme = themes.get("high-contrast-dark").unwrap();
    let keymap = coproduce::app::keymap::Keymap::default();
    for (w, h) in [(80, 24), (200, 60)] {
        let backend = ratatui::backend::TestBackend::new(w, h);
        let mut terminal = ratatui::Terminal::new(backend).unwrap();
        terminal
            .draw(|frame| follower.draw(frame, now, theme, &keymap))
            .unwrap();
        let text: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        no_needs("follow", &text);
    }
    let server = web::serve(&path, "127.0.0.1:0");
    let mut all = String::new();
    for file in ["/", "/style.css", "/live.js"] {
        all.push_str(&web::get(server.addr, file).body);
    }
    let mut viewer = web::Viewer::open(server.addr, &server.base);
    all.push_str(&viewer.next());
    assert!(all.contains("Short breaks"), "{all}");
    no_needs("serve", &all);
}

#[test]
fn follow_plain_says_the_card_and_the_meaning_once_typed() {
    let (_dir, path) = scratch(MEETING);
    render(&path, TEN_TEN, "<Tab>j<F4>ASC<Enter><Esc>");
    let parse =
        |path: &Path| coproduce::session::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    let at = |hms: &str| {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap()
    };
    let asked = parse(&path);
    let said = coproduce::ui::plain::sentences(None, &asked, at("10:10:30"));
    assert!(
        said.contains(
            &"10:10 Jargon card: ASC · no meaning yet: J., please explain it: What does ASC mean?"
                .to_owned()
        ),
        "{said:?}"
    );
    // The meaning typed: said once, then not again.
    let (_dir2, typed) = scratch(MEETING);
    render(
        &typed,
        TEN_TEN,
        "<Tab>j<F4>ASC<Enter>Adult social care.<Enter>",
    );
    let explained = parse(&typed);
    let said =
        coproduce::ui::plain::sentences(Some((&asked, at("10:10:30"))), &explained, at("10:10:40"));
    assert_eq!(said, ["10:10 Jargon card: ASC: Adult social care."]);
    let again = coproduce::ui::plain::sentences(
        Some((&explained, at("10:10:40"))),
        &explained,
        at("10:10:50"),
    );
    assert!(again.is_empty(), "{again:?}");
    no_needs("follow --plain", &said.join("\n"));
}

#[test]
fn the_break_reminder_is_quiet_in_every_theme_and_gives_way_to_warnings() {
    let text = std::fs::read_to_string(run::fixture(MEETING)).unwrap();
    let session = coproduce::session::parse(&text).unwrap();
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-22T10:45:00+00:00").unwrap();
    let themes = coproduce::theme::Themes::builtin();
    for name in themes.names() {
        let app = coproduce::app::App::new(session.clone(), at, vec![name.to_string()], 0);
        let theme = themes.get(name).unwrap();
        let buffer = coproduce::ui::screen::draw(&app, theme, 200, 40);
        let bar = coproduce::ui::screen::buffer_text(&buffer);
        let bar = bar.lines().nth(1).unwrap().to_owned();
        let start = bar.find("◷ break due").expect(&bar);
        let x = unicode_width::UnicodeWidthStr::width(&bar[..start]) as u16;
        let cell = &buffer[(x, 1)];
        assert_eq!(cell.fg, theme.accent().fg.unwrap_or(cell.fg), "{name}");
        assert_ne!(
            cell.style(),
            buffer[(x - 2, 1)].style(),
            "{name}: quiet, not an alert: {bar}"
        );
        // The warnings come first, and in the alert style.
        assert!(start > bar.find("⚠ long turn").expect(&bar), "{bar}");
    }
}
