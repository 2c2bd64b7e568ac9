//! A script of keys and waits played into the app on a fixed clock, as
//! `coproduce render` and the tests do: the same keymap and `update` as the
//! live loop, with every change handed to `save` as the live app saves it.

use std::io;

use super::keys::ScriptStep;
use super::{Action, App, Effect, update};
use crate::session::{Session, Time};

/// Plays `steps` into `app` starting at `now`, calling `save` after every
/// change to the session, as the live loop does. Stops at a quit key.
/// Returns the clock's time at the end.
pub fn play(
    app: &mut App,
    steps: &[ScriptStep],
    mut now: Time,
    mut save: impl FnMut(&Session) -> io::Result<()>,
) -> io::Result<Time> {
    let mut saved = app.revision;
    update(app, Action::Tick, now);
    for step in steps {
        let action = match *step {
            ScriptStep::Wait(secs) => {
                // Waits are bounded when parsed; the clock still never overflows.
                let step = chrono::Duration::try_seconds(i64::try_from(secs).unwrap_or(i64::MAX))
                    .unwrap_or(chrono::Duration::MAX);
                now = now.checked_add_signed(step).unwrap_or(now);
                Some(Action::Tick)
            }
            ScriptStep::Key(key) => app.action_for(key),
        };
        let effect = action.map_or(Effect::None, |a| update(app, a, now));
        if app.revision != saved {
            save(&app.session)?;
            saved = app.revision;
        }
        if effect == Effect::Quit {
            break;
        }
    }
    Ok(now)
}
