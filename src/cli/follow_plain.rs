//! `coproduce follow FILE --plain`: follows the file as `follow` does, and
//! writes one plain sentence per change (see [`crate::ui::plain`]) instead
//! of drawing the room view, for a screen reader or a braille display.

use crate::session::offsets::TimeOfDay;
use std::io::{self, Write};
use std::time::Duration;

use super::follow::{Follower, POLL_MILLIS};
use crate::session::{Session, Time};
use crate::text::one_line;
use crate::ui::plain::sentences;

/// Writes the sentences for the file's state to `out` until a signal stops
/// it or `out` is closed; `now` reads the clock.
pub fn run(mut follower: Follower, out: &mut impl Write, now: impl Fn() -> Time) -> io::Result<()> {
    crate::terminal::signals::install();
    let mut said: Option<(Session, Time)> = None;
    let mut problem: Option<String> = None;
    loop {
        if crate::terminal::signals::stop_requested().is_some() {
            crate::terminal::signals::acknowledge_stop();
            return Ok(());
        }
        let at = now();
        follower.poll(at);
        let mut lines = sentences(said.as_ref().map(|(s, t)| (s, *t)), follower.session(), at);
        if follower.problem() != problem.as_deref() {
            problem = follower.problem().map(str::to_owned);
            if let Some(why) = &problem {
                lines.push(format!(
                    "{} The file cannot be followed just now: {}",
                    TimeOfDay::of(follower.session(), at).hm(at),
                    one_line(why)
                ));
            }
        }
        let written = lines
            .iter()
            .try_for_each(|line| writeln!(out, "{line}"))
            .and_then(|()| out.flush());
        match written {
            // The reader went away: nothing left to say it to.
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
            other => other?,
        }
        said = Some((follower.session().clone(), at));
        std::thread::sleep(Duration::from_millis(POLL_MILLIS as u64));
    }
}
