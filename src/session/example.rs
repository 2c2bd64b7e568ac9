//! The bundled example meeting, and moving a meeting in time so that it is
//! in progress now (what `coproduce demo` opens).

use chrono::Duration;

use crate::session::{Session, Time};

/// The bundled example meeting (`sessions/example.yaml`).
pub const EXAMPLE: &str = include_str!("../../sessions/example.yaml");

/// The latest moment the session records.
fn last_event(session: &Session) -> Option<Time> {
    let turns = session
        .turns
        .iter()
        .map(|t| t.at + Duration::seconds(t.secs.unwrap_or(0) as i64));
    let items = session
        .agenda
        .iter()
        .flat_map(|i| [i.started, i.ended])
        .flatten();
    let clock = &session.clock;
    let breaks = clock
        .breaks
        .iter()
        .flat_map(|b| [Some(b.from), b.to])
        .flatten();
    turns
        .chain(items)
        .chain(breaks)
        .chain([clock.started, clock.ended].into_iter().flatten())
        .max()
}

/// Moves every time and date in `session` so its last event is `now`.
pub fn move_to(session: &mut Session, now: Time) {
    let Some(last) = last_event(session) else {
        return;
    };
    let by = now - last;
    let days = chrono::Days::new(by.num_days().unsigned_abs());
    let shift_date = |d: chrono::NaiveDate| {
        if by.num_days() >= 0 {
            d.checked_add_days(days)
        } else {
            d.checked_sub_days(days)
        }
        .unwrap_or(d)
    };
    let shift = |t: &mut Time| *t = (*t + by).with_timezone(now.offset());
    session.date = now.date_naive();
    for item in &mut session.agenda {
        item.started
            .iter_mut()
            .chain(item.ended.iter_mut())
            .for_each(shift);
    }
    for decision in &mut session.decisions {
        decision.decided.iter_mut().for_each(shift);
        decision.review = decision.review.map(shift_date);
        for action in &mut decision.actions {
            action.due = action.due.map(shift_date);
        }
    }
    session.ladder.iter_mut().for_each(|j| shift(&mut j.at));
    let clock = &mut session.clock;
    clock
        .started
        .iter_mut()
        .chain(clock.ended.iter_mut())
        .for_each(shift);
    for b in &mut clock.breaks {
        shift(&mut b.from);
        b.to.iter_mut().for_each(shift);
    }
    session.turns.iter_mut().for_each(|t| shift(&mut t.at));
}

/// The example meeting, in progress at `now`.
pub fn example_now(now: Time) -> Result<Session, serde_yaml::Error> {
    let mut session: Session = serde_yaml::from_str(EXAMPLE)?;
    move_to(&mut session, now);
    Ok(session)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_meeting_is_in_progress_now() {
        let now = Time::parse_from_rfc3339("2030-03-04T15:00:00+01:00").unwrap();
        let mut session: Session = serde_yaml::from_str(EXAMPLE).unwrap();
        let before = session.clone();
        move_to(&mut session, now);
        assert_eq!(last_event(&session), Some(now));
        assert_eq!(session.date, now.date_naive());
        assert_eq!(session.turns.len(), before.turns.len());
        let gap = |s: &Session| s.turns[1].at - s.turns[0].at;
        assert_eq!(gap(&session), gap(&before), "durations are kept");
    }
}
