//! Every pane at the three sizes a room meets (80x24, 120x36, 200x60) with
//! every live warning up, as reviewed snapshots: the pane bar and the
//! warnings on each; no text from the meeting cut mid-word without `…`;
//! and the lines each pane must keep at the smallest size.

use coproduce::app::keys::{Key, KeyCode};
use coproduce::app::{Action, App, Pane, update};
use coproduce::session::example::EXAMPLE;
use coproduce::session::{Session, Time};
use coproduce::theme::Themes;
use coproduce::ui::screen::{buffer_text, draw};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 36), (200, 60)];

/// Fifteen minutes on from the middle of the example meeting, with a save
/// that failed: a long turn, the power roles over their share, the time
/// box passed and the meeting not saved, all at once.
fn warned_app() -> (App, Time) {
    let at = Time::parse_from_rfc3339("2026-11-22T11:42:00+00:00").unwrap();
    let session: Session = serde_yaml::from_str(EXAMPLE).unwrap();
    let themes = Themes::builtin();
    let names: Vec<String> = themes.names().into_iter().map(str::to_owned).collect();
    let mut app = App::new(session, at, names, 0);
    let later = at + chrono::Duration::minutes(15);
    update(&mut app, Action::Tick, later);
    update(&mut app, Action::SaveFailed("disk full".into()), later);
    (app, later)
}

fn text(app: &App, (width, height): (u16, u16)) -> String {
    let themes = Themes::builtin();
    buffer_text(&draw(
        app,
        themes.get(app.theme_name()).unwrap(),
        width,
        height,
    ))
}

#[test]
fn every_pane_at_every_size_with_every_warning() {
    let (mut app, _) = warned_app();
    for pane in Pane::ALL {
        app.pane = pane;
        for size in SIZES {
            let screen = text(&app, size);
            let bar = screen.lines().nth(1).unwrap();
            assert!(bar.contains(&format!("▶[{}]", pane.title())), "{bar}");
            for warning in ["⚠ NOT SAVED", "turn 16:40", "⚠ power", "+5:30"] {
                assert!(bar.contains(warning), "{pane:?} {size:?}: {warning}: {bar}");
            }
            let name = format!("{}-{}x{}", pane.title(), size.0, size.1);
            insta::assert_snapshot!(name, screen);
        }
    }
}

/// The meeting's own words, which are the texts a pane may have to cut.
fn meeting_texts() -> Vec<String> {
    let s: Session = serde_yaml::from_str(EXAMPLE).unwrap();
    let mut texts = vec![s.title.clone()];
    texts.extend(s.participants.iter().map(|p| p.name.clone()));
    texts.extend(s.roles.iter().map(|r| r.label.clone()));
    texts.extend(s.agenda.iter().map(|i| i.title.clone()));
    for d in &s.decisions {
        texts.push(d.proposal.clone());
        texts.extend(d.actions.iter().map(|a| a.what.clone()));
    }
    texts
}

/// Where `screen` shows the start of one of `texts` cut inside a word with
/// nothing to say so: the places, as "row: text".
fn silent_cuts(screen: &str, texts: &[String]) -> Vec<String> {
    let mut cuts = Vec::new();
    for (row, line) in screen.lines().enumerate() {
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            // The longest start of the text on this row, at least a word.
            for k in (4..chars.len()).rev() {
                let start: String = chars[..k].iter().collect();
                let Some(at) = line.find(&start) else {
                    continue;
                };
                let after = line[at + start.len()..].chars().next();
                let mid_word = chars[k - 1].is_alphanumeric() && chars[k].is_alphanumeric();
                if mid_word && after != Some('…') && after != Some(chars[k]) {
                    cuts.push(format!("{row}: {start:?} of {text:?}"));
                }
                break;
            }
        }
    }
    cuts
}

#[test]
fn nothing_from_the_meeting_is_cut_mid_word_without_an_ellipsis() {
    let texts = meeting_texts();
    let (mut app, at) = warned_app();
    let mut found = Vec::new();
    let mut screens = Vec::new();
    for pane in Pane::ALL {
        app.pane = pane;
        for size in SIZES {
            screens.push((format!("{pane:?} {size:?}"), text(&app, size)));
        }
    }
    update(&mut app, Action::ToggleRoom, at);
    assert!(app.room);
    for size in SIZES {
        screens.push((format!("room view {size:?}"), text(&app, size)));
    }
    for (what, screen) in &screens {
        for cut in silent_cuts(screen, &texts) {
            found.push(format!("{what} row {cut}"));
        }
    }
    assert!(found.is_empty(), "cut without …:\n{}", found.join("\n"));
    // The check finds what it looks for.
    let cut = silent_cuts(" ■ Lived e 21%", &["Lived experience".to_owned()]);
    assert_eq!(cut.len(), 1);
    assert!(silent_cuts(" ■ Lived e… 21%", &["Lived experience".to_owned()]).is_empty());
}

#[test]
fn balance_at_80x24_keeps_every_role_the_power_line_and_the_selected_person() {
    let (mut app, at) = warned_app();
    app.pane = Pane::Balance;
    let s = app.session.clone();
    let screen = text(&app, (80, 24));
    for (i, role) in s.roles.iter().enumerate() {
        let symbol = coproduce::ui::role_symbol(i);
        let row = screen
            .lines()
            .find(|l| l.starts_with(&format!(" {symbol} ")));
        let row = row.unwrap_or_else(|| panic!("{} is missing\n{screen}", role.label));
        // Its label, whole or cut with `…`, and the power mark on each.
        let label: String = role.label.chars().take(4).collect();
        assert!(row.contains(&label), "{row}");
        assert_eq!(row.contains('◆'), role.has_power(), "{row}");
    }
    assert!(screen.contains("◆ Power together"), "{screen}");
    // Every person is in view, or the list says who is not; the selected
    // one always is.
    let down = app.action_for(Key::plain(KeyCode::Down)).unwrap();
    for size in [(80, 24), (80, 20)] {
        let mut app = app.clone();
        for person in &s.participants {
            let screen = text(&app, size);
            let selected = screen.lines().find(|l| l.contains('▸')).unwrap();
            assert!(selected.contains(&person.name), "{size:?}\n{screen}");
            let shown = s.participants.iter().filter(|p| screen.contains(&p.name));
            let hidden = s.participants.len() - shown.count();
            if hidden > 0 {
                assert!(
                    screen.contains("below") || screen.contains("above"),
                    "{screen}"
                );
            }
            update(&mut app, down.clone(), at);
        }
    }
}

#[test]
fn the_person_answering_is_always_in_view_in_a_long_consent_round() {
    let (mut app, at) = warned_app();
    app.pane = Pane::Decisions;
    let present: Vec<String> = app
        .session
        .participants
        .iter()
        .filter(|p| p.is_present())
        .map(|p| p.name.clone())
        .collect();
    let down = app.action_for(Key::plain(KeyCode::Down)).unwrap();
    let up = app.action_for(Key::plain(KeyCode::Up)).unwrap();
    let at_cursor = |app: &App| {
        let screen = text(app, (80, 24));
        let row = screen
            .lines()
            .find(|l| l.starts_with(" › "))
            .map(str::to_owned);
        (
            row.unwrap_or_else(|| panic!("no cursor in view\n{screen}")),
            screen,
        )
    };
    let mut seen = Vec::new();
    for i in 0..present.len() {
        if i > 0 {
            update(&mut app, down.clone(), at);
        }
        let (row, screen) = at_cursor(&app);
        let who = present.iter().find(|n| row.contains(n.as_str()));
        seen.push(who.unwrap_or_else(|| panic!("{row}\n{screen}")).clone());
        // Some are out of view at 80x24, and the list says so.
        assert!(
            screen.contains("below") || screen.contains("above"),
            "{screen}"
        );
    }
    assert_eq!(seen, present);
    // And back up again.
    for name in present.iter().rev().skip(1) {
        update(&mut app, up.clone(), at);
        assert!(at_cursor(&app).0.contains(name.as_str()));
    }
}

#[test]
fn a_long_message_takes_the_footer_and_is_cut_with_an_ellipsis() {
    let (mut app, _) = warned_app();
    let message = "This proposal cannot be closed as agreed while an objection stands: \
         record an amendment or a deferral instead, or withdraw it and bring it back";
    app.status = Some(message.into());
    for pane in Pane::ALL {
        app.pane = pane;
        for size in SIZES {
            let screen = text(&app, size);
            let footer = screen.lines().last().unwrap();
            assert!(footer.contains("⚠ NOT SAVED"), "{footer}");
            // Whole, or cut with `…` at the end of the row.
            assert!(
                footer.contains("bring it back") || footer.ends_with('…'),
                "{footer}"
            );
        }
    }
    // Without one, moving between panes, help and quitting stay at 80x24.
    app.status = None;
    for pane in Pane::ALL {
        app.pane = pane;
        let screen = text(&app, (80, 24));
        let footer = screen.lines().last().unwrap();
        assert!(
            footer.contains("Tab next pane") && footer.contains("quit"),
            "{footer}"
        );
    }
}
