//! Undo and redo: every change to the session through `update` can be taken
//! back with one key, and undo gives back exactly the earlier file bytes.
//!
//! Each step keeps the whole session as it was except the speaking log,
//! which can run to thousands of turns and mostly grows at its end: a step
//! keeps only the turns the change replaced, and the stack keeps one copy
//! of the log as it stands to work out what a change did to it. So giving
//! the floor costs a few turns, not a copy of the whole log.

use crate::session::{Session, Turn};

/// How many changes can be taken back.
pub const UNDO_LIMIT: usize = 200;

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

/// The changes that can be undone and redone.
#[derive(Debug, Clone, Default)]
pub struct UndoStack {
    past: Vec<Step>,
    future: Vec<Step>,
    /// The speaking log as the last change, undo or redo left it.
    log: Vec<Turn>,
    /// How many turns at the start of the log the last change, undo or
    /// redo left as they were.
    kept: usize,
}

impl UndoStack {
    /// Makes sure the copy of the log is `turns`, the log before a change:
    /// cheap when it is (the usual case), a copy when the log was changed
    /// some other way.
    pub fn sync(&mut self, turns: &[Turn]) {
        if self.log != turns {
            self.log = turns.to_vec();
        }
    }

    /// Remembers the change `label` that turned `before` (the session as it
    /// was, its log emptied, the log given to [`UndoStack::sync`]) into
    /// `after` (the log emptied) with the log `turns`. Returns whether
    /// anything changed; a new change drops whatever could have been redone.
    pub fn record(
        &mut self,
        label: String,
        before: Session,
        after: &Session,
        turns: &[Turn],
    ) -> bool {
        let keep = common_prefix(&self.log, turns);
        if keep == self.log.len() && keep == turns.len() && before == *after {
            return false;
        }
        let tail = self.log.split_off(keep);
        self.log.extend_from_slice(&turns[keep..]);
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

    /// Takes back the last change: returns the earlier session and the
    /// change's label, keeping `current` for redo.
    pub fn undo(&mut self, current: Session) -> Option<(Session, String)> {
        let step = self.past.pop()?;
        let (session, back) = self.apply(step, current);
        let label = back.label.clone();
        self.future.push(back);
        Some((session, label))
    }

    /// Makes the last undone change again.
    pub fn redo(&mut self, current: Session) -> Option<(Session, String)> {
        let step = self.future.pop()?;
        let (session, back) = self.apply(step, current);
        let label = back.label.clone();
        self.past.push(back);
        Some((session, label))
    }

    /// The session `step` gives back from `current`, and the step that
    /// would return to `current`.
    fn apply(&mut self, step: Step, mut current: Session) -> (Session, Step) {
        let mut turns = std::mem::take(&mut current.turns);
        self.sync(&turns);
        let keep = step.keep.min(turns.len());
        let later = turns.split_off(keep);
        self.kept = keep;
        self.log.truncate(keep);
        self.log.extend_from_slice(&step.tail);
        turns.extend(step.tail);
        let mut session = step.rest;
        session.turns = turns;
        let back = Step {
            label: step.label,
            rest: current,
            keep,
            tail: later,
        };
        (session, back)
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

    /// Makes `edit` as `App::change` does.
    fn change(undo: &mut UndoStack, session: &mut Session, edit: impl FnOnce(&mut Session)) {
        let turns = std::mem::take(&mut session.turns);
        let before = session.clone();
        undo.sync(&turns);
        session.turns = turns;
        edit(session);
        let turns = std::mem::take(&mut session.turns);
        undo.record("edit".into(), before, session, &turns);
        session.turns = turns;
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
            let (back, _) = undo.undo(s.clone()).unwrap();
            s = back;
            assert_eq!(&s, expected);
        }
        assert!(undo.undo(s.clone()).is_none());
        for expected in seen.iter().skip(1) {
            let (again, _) = undo.redo(s.clone()).unwrap();
            s = again;
            assert_eq!(&s, expected);
        }
    }
}
