//! Undo and redo: every change to the session through `update` can be taken
//! back with one key. Each step keeps the whole session as it was, so undo
//! gives back exactly the earlier file bytes.

use crate::session::Session;

/// How many changes can be taken back.
pub const UNDO_LIMIT: usize = 200;

/// A session as it was before a change, and what the change was.
#[derive(Debug, Clone)]
struct Step {
    label: String,
    session: Session,
}

/// The changes that can be undone and redone.
#[derive(Debug, Clone, Default)]
pub struct UndoStack {
    past: Vec<Step>,
    future: Vec<Step>,
}

impl UndoStack {
    /// Remembers `before`, the session as it was before the change `label`.
    /// A new change drops whatever could have been redone.
    pub fn record(&mut self, label: String, before: Session) {
        self.future.clear();
        self.past.push(Step {
            label,
            session: before,
        });
        if self.past.len() > UNDO_LIMIT {
            self.past.remove(0);
        }
    }

    /// Takes back the last change: returns the earlier session and the
    /// change's label, keeping `current` for redo.
    pub fn undo(&mut self, current: Session) -> Option<(Session, String)> {
        let step = self.past.pop()?;
        self.future.push(Step {
            label: step.label.clone(),
            session: current,
        });
        Some((step.session, step.label))
    }

    /// Makes the last undone change again.
    pub fn redo(&mut self, current: Session) -> Option<(Session, String)> {
        let step = self.future.pop()?;
        self.past.push(Step {
            label: step.label.clone(),
            session: current,
        });
        Some((step.session, step.label))
    }
}
