//! The live app: terminal setup and restore, the event loop and the saver.
//! The only place that reads the system clock or the keyboard.

use std::io::{Write, stdout};
use std::path::PathBuf;
use std::time::Duration;

use chrono::{Local, Timelike};
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEvent, KeyEventKind, KeyModifiers,
};
use ratatui::crossterm::execute;

use crate::app::keys::{Key, KeyCode};
use crate::app::{Action, App, Effect, update};
use crate::saver::Saver;
use crate::session::Time;
use crate::session::document::Document;
use crate::signals::Readiness;
use crate::theme::{Theme, Themes};

/// The time now, as the meeting records it.
pub fn now() -> Time {
    Local::now().fixed_offset()
}

/// Gives the terminal back however the loop ends.
pub(crate) struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        // Nothing here may panic or print with `eprintln!`: after a hang-up
        // every write to the terminal fails, and a panic in a drop aborts.
        let _ = execute!(stdout(), DisableBracketedPaste);
        let _ = ratatui::try_restore();
        // ratatui's restore leaves the cursor hidden.
        let _ = execute!(stdout(), Show);
    }
}

/// Shows the cursor and says where the session is when anything panics;
/// ratatui's own hook (installed by `init`) leaves raw mode and the
/// alternate screen first.
fn install_panic_note(path: PathBuf) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous(info);
        let _ = execute!(stdout(), Show);
        let _ = writeln!(
            std::io::stderr(),
            "coproduce stopped on an internal error. Every change saved before it is in {}",
            path.display()
        );
    }));
}

/// A crossterm key press as the keymap knows it.
pub fn key_from(event: KeyEvent) -> Option<Key> {
    use ratatui::crossterm::event::KeyCode as C;
    let code = match event.code {
        C::Char(c) => KeyCode::Char(c),
        C::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Backspace => KeyCode::Backspace,
        C::Delete => KeyCode::Delete,
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        C::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let code = match code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        code => code,
    };
    Some(Key {
        code,
        ctrl,
        alt: event.modifiers.contains(KeyModifiers::ALT),
    })
}

/// Waits for the next key, paste or whole second; a signal that cuts the
/// wait short is seen on the next turn of the loop.
fn next_action(app: &App) -> std::io::Result<Option<Action>> {
    // Events crossterm has already read come first.
    if !event::poll(Duration::ZERO)? {
        // Wake at the next whole second so the clocks on screen keep moving.
        let wait = 1_000 - i32::try_from(Local::now().nanosecond() / 1_000_000).unwrap_or(0);
        // The terminal is watched here rather than in crossterm's poll, which
        // spins without end on a terminal that has hung up.
        match crate::signals::wait_for_terminal(wait.clamp(1, 1_000)) {
            Readiness::Quiet => return Ok(Some(Action::Tick)),
            Readiness::Gone => return Ok(None),
            Readiness::Input => {}
        }
        if !event::poll(Duration::ZERO)? {
            return Ok(None);
        }
    }
    Ok(match event::read()? {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            key_from(k).and_then(|k| app.action_for(k))
        }
        Event::Paste(text) => Some(Action::Paste(text)),
        _ => None,
    })
}

/// Runs the meeting until the facilitator quits, saving every change.
/// Returns the problem with the last save, if it failed.
pub fn run(
    mut app: App,
    themes: &Themes,
    fallback: &Theme,
    document: Document,
) -> std::io::Result<Option<String>> {
    install_panic_note(document.path().to_path_buf());
    crate::signals::install();
    let saver = Saver::spawn(document);
    let result = {
        let mut terminal = ratatui::try_init()?;
        let _restore = Restore;
        // Pasted text arrives whole, not as keys that could save a form early.
        execute!(stdout(), EnableBracketedPaste)?;
        let result = event_loop(&mut terminal, &mut app, themes, fallback, &saver);
        // `Restore` shows the cursor; ratatui's own drop would try again and
        // panic printing its failure to a terminal that has hung up.
        std::mem::forget(terminal);
        result
    };
    let problem = saver.finish();
    result.map(|()| problem)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    themes: &Themes,
    fallback: &Theme,
    saver: &Saver,
) -> std::io::Result<()> {
    let mut saved = app.revision;
    let mut save_problem = None;
    loop {
        let stop = crate::signals::stop_requested();
        let action = match stop {
            Some(_) => Some(Action::Stop),
            None => {
                let theme = themes.get(app.theme_name()).unwrap_or(fallback);
                let drawn = terminal.draw(|frame| crate::ui::view(app, frame, theme));
                match drawn.and_then(|_| next_action(app)) {
                    Ok(action) => action,
                    // The terminal went with the hang-up: save and stop all the same.
                    Err(_) if crate::signals::stop_requested().is_some() => continue,
                    Err(e) => return Err(e),
                }
            }
        };
        // A signal's turn ends when the signal came, not when it was seen.
        let effect = action.map_or(Effect::None, |a| update(app, a, stop.unwrap_or_else(now)));
        if app.revision != saved {
            saver.save(app.session.clone());
            saved = app.revision;
        }
        let problem = saver.problem();
        if problem != save_problem {
            if let Some(message) = &problem {
                update(app, Action::SaveFailed(message.clone()), now());
            }
            save_problem = problem;
        }
        if effect == Effect::Quit {
            return Ok(());
        }
    }
}
