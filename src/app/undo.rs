//! Undo and redo: every change to the session through `update` can be taken
//! back with one key, and undo gives back exactly the earlier file bytes.
//!
//! Each step keeps the whole session as it was except the speaking log,
//! which can run to thousands of turns and mostly grows at its end: a step
//! keeps only the turns the change replaced. A change says from which turn
//! on it may have touched the log (the app's changes only touch the last
//! turns), so recording it costs those turns, never the whole log.

use crate::session::{Session, Turn};

/// How many changes can be taken back.
pub const UNDO_LIMIT: usize = 200;

/// How many turns at the end of the speaking log an app's change may edit:
/// closing the open turn touches the last one; a few more are room to spare.
pub const EDITED_TURNS: usize = 8;

/// A session as it was before a change, and what the change was.
#[derive(Debug, Clone)]
struct Step {
    label: String,
    /// The session as it was, with an empty speaking log.
    rest: Session,
    /// The log as it was is the first `keep` turns of the log now…
    keep: usize,
    /// …followed by these.
    tail: Vec<Turn>,
}

/// The speaking log before a change: its first `from` turns, which the
/// change leaves alone, are not copied; `tail` is the rest.
#[derive(Debug, Clone, Default)]
struct LogBefore {
    from: usize,
    tail: Vec<Turn>,
}

impl LogBefore {
    /// The log `turns`, of which a change may touch the last `last` turns
    /// (and add any after them).
    fn last(turns: &[Turn], last: usize) -> LogBefore {
        let from = turns.len().saturating_sub(last);
        LogBefore {
            from,
            tail: turns[from..].to_vec(),
        }
    }
}

/// The changes that can be undone and redone.
#[derive(Debug, Clone, Default)]
pub struct UndoStack {
    past: Vec<Step>,
    future: Vec<Step>,
    /// How many turns at the start of the log the last change, undo or
    /// redo left as they were.
    kept: usize,
}

impl UndoStack {
    /// Makes `edit` to `session` and remembers it as the change `label`.
    /// The edit may change only the last `last` turns of the speaking log
    /// and add turns after them (checked in debug builds); the rest of the
    /// log is neither copied nor compared, so the cost does not grow with
    /// the log. Returns whether anything changed.
    pub fn change(
        &mut self,
        label: String,
        session: &mut Session,
        last: usize,
        edit: impl FnOnce(&mut Session),
    ) -> bool {
        let turns = std::mem::take(&mut session.turns);
        let before = session.clone();
        let log = LogBefore::last(&turns, last);
        #[cfg(debug_assertions)]
        let untouched = turns[..log.from].to_vec();
        session.turns = turns;
        edit(session);
        let turns = std::mem::take(&mut session.turns);
        #[cfg(debug_assertions)]
        assert!(
            turns.get(..log.from) == Some(&untouched[..]),
            "the change `{label}` touched turns before the last {last}"
        );
        let changed = self.record(label, before, log, session, &turns);
        session.turns = turns;
        changed
    }

    /// Remembers the change `label` that turned `before` (the session as it
    /// was, its log emptied; its log was `log`) into `after` (the log
    /// emptied) with the log `turns`, whose first `log.from` turns must be
    /// as they were. Returns whether anything changed; a new change drops
    /// whatever could have been redone.
    fn record(
        &mut self,
        label: String,
        before: Session,
        log: LogBefore,
        after: &Session,
        turns: &[Turn],
    ) -> bool {
        let LogBefore { from, mut tail } = log;
        let old_len = from + tail.len();
        let keep = from + common_prefix(&tail, turns.get(from..).unwrap_or_default());
        if keep == old_len && keep == turns.len() && before == *after {
            return false;
        }
        let tail = tail.split_off(keep - from);
        self.kept = keep;
        self.future.clear();
        self.past.push(Step {
            label,
            rest: before,
            keep,
            tail,
        });
        if self.past.len() > UNDO_LIMIT {
            self.past.remove(0);
        }
        true
    }

    /// How many turns at the start of the log the last change, undo or
    /// redo left as they were: what is known about the log before them
    /// still holds for those.
    pub fn kept(&self) -> usize {
        self.kept
    }

    /// Takes back the last change in `session`, keeping what it was for
    /// redo. Returns the change's label, or `None` with nothing to undo.
    pub fn undo(&mut self, session: &mut Session) -> Option<String> {
        let step = self.past.pop()?;
        let back = self.apply(step, session);
        let label = back.label.clone();
        self.future.push(back);
        Some(label)
    }

    /// Makes the last undone change again in `session`.
    pub fn redo(&mut self, session: &mut Session) -> Option<String> {
        let step = self.future.pop()?;
        let back = self.apply(step, session);
        let label = back.label.clone();
        self.past.push(back);
        Some(label)
    }

    /// Puts `step`'s session in `session`; returns the step that would
    /// return to what `session` was.
    fn apply(&mut self, step: Step, session: &mut Session) -> Step {
        let mut turns = std::mem::take(&mut session.turns);
        let keep = step.keep.min(turns.len());
        let later = turns.split_off(keep);
        self.kept = keep;
        turns.extend(step.tail);
        let current = std::mem::replace(session, step.rest);
        session.turns = turns;
        Step {
            label: step.label,
            rest: current,
            keep,
            tail: later,
        }
    }
}

/// How many turns at the start of `a` and `b` are the same.
fn common_prefix(a: &[Turn], b: &[Turn]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Time;

    fn turn(who: &str, minute: i64, secs: Option<u64>) -> Turn {
        let at = Time::parse_from_rfc3339("2026-11-22T10:00:00+00:00").unwrap();
        Turn {
            who: who.into(),
            at: at + chrono::Duration::minutes(minute),
            secs,
        }
    }

    fn change(undo: &mut UndoStack, session: &mut Session, edit: impl FnOnce(&mut Session)) {
        undo.change("edit".into(), session, usize::MAX, edit);
    }

    #[test]
    fn any_edit_to_the_log_is_taken_back_and_made_again_exactly() {
        let mut s: Session =
            serde_yaml::from_str("format: 1\ntitle: t\nboard: b\ndate: 2026-11-22\n").unwrap();
        s.turns = (0..50).map(|m| turn("a", m, Some(60))).collect();
        let mut undo = UndoStack::default();
        let mut seen = vec![s.clone()];
        type Edit = Box<dyn FnOnce(&mut Session)>;
        let edits: Vec<Edit> = vec![
            Box::new(|s| s.turns.push(turn("b", 50, None))),
            Box::new(|s| {
                s.turns.last_mut().unwrap().secs = Some(30);
                s.turns.push(turn("c", 51, None));
                s.stack.push("a".into());
            }),
            Box::new(|s| s.turns[10].who = "z".into()),
            Box::new(|s| s.turns.truncate(5)),
            Box::new(|s| s.title = "New".into()),
            Box::new(|s| s.turns.clear()),
        ];
        for edit in edits {
            change(&mut undo, &mut s, edit);
            seen.push(s.clone());
        }
        // A change made behind the stack's back is still undone exactly.
        s.turns.push(turn("x", 70, None));
        seen.pop();
        seen.push(s.clone());
        change(&mut undo, &mut s, |s| s.turns.push(turn("y", 71, None)));
        seen.push(s.clone());
        for expected in seen.iter().rev().skip(1) {
            undo.undo(&mut s).unwrap();
            assert_eq!(&s, expected);
        }
        assert!(undo.undo(&mut s).is_none());
        for expected in seen.iter().skip(1) {
            undo.redo(&mut s).unwrap();
            assert_eq!(&s, expected);
        }
    }
}
