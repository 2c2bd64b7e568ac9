//! Undo and redo: every change to the session through `update` can be taken
//! back with one key, and undo gives back exactly the earlier file bytes.
//!
//! A step never copies the whole session. A change says which entries of
//! the session's long lists (people, items, proposals, judgements, the
//! speaking log) it may touch: its [`Reach`]. The step keeps the small rest
//! of the session (title, roles, clock, stack…) and, of each list, only the
//! entries the change replaced, so its cost follows the change, not the
//! meeting (a debug build checks that the change kept to its reach). Undo
//! and redo swap those entries back in place. The same steps, played
//! forward, are what the saver is handed (see [`Patch`]).

use std::collections::VecDeque;
use std::ops::Range;

use crate::session::{Session, Turn};

/// How many changes can be taken back.
pub const UNDO_LIMIT: usize = 200;

/// How many turns at the end of the speaking log an app's change may edit:
/// closing the open turn touches the last one; a few more are room to spare.
pub const EDITED_TURNS: usize = 8;

/// Which entries of a list a change may touch: those in `range` (clamped
/// to the list), and any it adds or removes there. `0..0` is none of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window(Range<usize>);

impl Window {
    /// None of the list.
    pub const NONE: Window = Window(0..0);
    /// The whole list.
    pub const ALL: Window = Window(0..usize::MAX);

    /// The entry at `at` only (or, at the end, one added there).
    pub fn at(at: usize) -> Window {
        Window(at..at.saturating_add(1))
    }

    /// The entry at `at`, if there is one to touch; else none.
    pub fn at_some(at: Option<usize>) -> Window {
        at.map_or(Window::NONE, Window::at)
    }

    /// The entries from `from` to the end, and any added after them.
    pub fn from(from: usize) -> Window {
        Window(from..usize::MAX)
    }

    /// The entries between `a` and `b`, both included (a swap).
    pub fn between(a: usize, b: usize) -> Window {
        Window(a.min(b)..a.max(b).saturating_add(1))
    }

    /// The last `last` entries of `len`, and any added after them.
    fn last(len: usize, last: usize) -> Window {
        Window::from(len.saturating_sub(last))
    }
}

/// What a change may touch of the session's long lists; everything else
/// (title, roles, clock, stack…) is small and always kept whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reach {
    pub participants: Window,
    pub agenda: Window,
    pub decisions: Window,
    pub ladder: Window,
    /// How many turns at the end of the log it may edit (and add after).
    pub last_turns: usize,
}

impl Reach {
    /// Any entry of any list, and the last [`EDITED_TURNS`] turns: for a
    /// rare change that is not worth saying more about.
    pub fn everything() -> Reach {
        Reach {
            participants: Window::ALL,
            agenda: Window::ALL,
            decisions: Window::ALL,
            ladder: Window::ALL,
            last_turns: EDITED_TURNS,
        }
    }

    /// Only the small rest of the session and the last [`EDITED_TURNS`]
    /// turns (the floor, the stack, the clock).
    pub fn floor() -> Reach {
        Reach {
            participants: Window::NONE,
            agenda: Window::NONE,
            decisions: Window::NONE,
            ladder: Window::NONE,
            last_turns: EDITED_TURNS,
        }
    }

    /// This reach, and the people in `window`.
    pub fn participants(self, window: Window) -> Reach {
        Reach {
            participants: window,
            ..self
        }
    }

    /// This reach, and the agenda items in `window`.
    pub fn agenda(self, window: Window) -> Reach {
        Reach {
            agenda: window,
            ..self
        }
    }

    /// This reach, and the proposals in `window`.
    pub fn decisions(self, window: Window) -> Reach {
        Reach {
            decisions: window,
            ..self
        }
    }

    /// This reach, and the ladder judgements in `window`.
    pub fn ladder(self, window: Window) -> Reach {
        Reach {
            ladder: window,
            ..self
        }
    }
}

/// Entries of one list: `entries` stand at `from`, in place of the
/// `replaced` entries there (or of all from there on, for the speaking log,
/// which a change only ever edits at its end).
#[derive(Debug, Clone)]
struct Splice<T> {
    from: usize,
    replaced: usize,
    to_end: bool,
    entries: Vec<T>,
}

/// A list as it was before a change: the entries in the change's window,
/// where they began and how long the list was.
struct Before<T> {
    from: usize,
    len: usize,
    entries: Vec<T>,
    to_end: bool,
    /// The whole list, to check the change kept to its window.
    #[cfg(debug_assertions)]
    whole: Vec<T>,
}

impl<T: Clone + PartialEq> Before<T> {
    fn of(list: &[T], window: &Window, to_end: bool) -> Before<T> {
        let from = window.0.start.min(list.len());
        let to = window.0.end.clamp(from, list.len());
        Before {
            from,
            len: list.len(),
            entries: list[from..to].to_vec(),
            to_end,
            #[cfg(debug_assertions)]
            whole: list.to_vec(),
        }
    }

    /// What the change did to `list`: the entries it replaced (the ends it
    /// left alone trimmed), or `None` if it left the list as it was.
    fn undoing(self, list: &[T], what: &str) -> Option<Splice<T>> {
        let Before {
            from,
            len,
            mut entries,
            to_end,
            ..
        } = self;
        let count = (entries.len() + list.len()).checked_sub(len);
        let new = count
            .and_then(|count| list.get(from..from + count))
            .unwrap_or_else(|| panic!("the change `{what}` removed entries outside its reach"));
        #[cfg(debug_assertions)]
        {
            let after = from + new.len();
            let later = len - from - entries.len();
            assert!(
                list[..from] == self.whole[..from] && list[after..] == self.whole[len - later..],
                "the change `{what}` touched entries outside its reach"
            );
        }
        let head = entries.iter().zip(new).take_while(|(a, b)| a == b).count();
        let tail = if to_end {
            0
        } else {
            entries[head..]
                .iter()
                .rev()
                .zip(new[head..].iter().rev())
                .take_while(|(a, b)| a == b)
                .count()
        };
        if head == entries.len() && head == new.len() {
            return None;
        }
        entries.truncate(entries.len() - tail);
        entries.drain(..head);
        Some(Splice {
            from: from + head,
            replaced: new.len() - head - tail,
            to_end,
            entries,
        })
    }
}

impl<T: Clone> Splice<T> {
    /// Puts these entries in `list`; returns the splice that takes them
    /// out again.
    fn apply(self, list: &mut Vec<T>) -> Splice<T> {
        let from = self.from.min(list.len());
        let to = match self.to_end {
            true => list.len(),
            false => (from + self.replaced).min(list.len()),
        };
        let replaced = self.entries.len();
        let entries = list.splice(from..to, self.entries).collect();
        Splice {
            from,
            replaced,
            to_end: self.to_end,
            entries,
        }
    }

    /// The splice that makes `list` from what it was before `self` was
    /// applied to it: the way forward, where `self` is the way back.
    fn forward(&self, list: &[T]) -> Splice<T> {
        let to = (self.from + self.replaced).min(list.len());
        Splice {
            from: self.from,
            replaced: self.entries.len(),
            to_end: self.to_end,
            entries: list[self.from.min(to)..to].to_vec(),
        }
    }
}

/// One change to a session, either way: the small rest of the session as
/// it becomes (its lists empty), and the entries of each list it puts in.
#[derive(Debug, Clone)]
struct Edit {
    rest: Session,
    participants: Option<Splice<crate::session::Participant>>,
    agenda: Option<Splice<crate::session::Item>>,
    decisions: Option<Splice<crate::session::Decision>>,
    ladder: Option<Splice<crate::session::Judgement>>,
    turns: Option<Splice<Turn>>,
}

/// `session` without its long lists, which are handed to `lists` and put
/// back after.
fn without_lists<R>(session: &mut Session, lists: impl FnOnce(&Session) -> R) -> R {
    let taken = (
        std::mem::take(&mut session.participants),
        std::mem::take(&mut session.agenda),
        std::mem::take(&mut session.decisions),
        std::mem::take(&mut session.ladder),
        std::mem::take(&mut session.turns),
    );
    let result = lists(session);
    (
        session.participants,
        session.agenda,
        session.decisions,
        session.ladder,
        session.turns,
    ) = taken;
    result
}

/// Applies `splice`, if any, to `list`, returning its inverse.
fn splice<T: Clone>(splice: Option<Splice<T>>, list: &mut Vec<T>) -> Option<Splice<T>> {
    splice.map(|s| s.apply(list))
}

/// The way forward of `back`, if any, from `list`.
fn forward<T: Clone>(back: &Option<Splice<T>>, list: &[T]) -> Option<Splice<T>> {
    back.as_ref().map(|s| s.forward(list))
}

impl Edit {
    /// Makes this edit to `session`; returns the edit that undoes it.
    fn apply(self, session: &mut Session) -> Edit {
        let mut rest = self.rest;
        // The lists stay where they are; only the small rest is swapped.
        std::mem::swap(&mut rest.participants, &mut session.participants);
        std::mem::swap(&mut rest.agenda, &mut session.agenda);
        std::mem::swap(&mut rest.decisions, &mut session.decisions);
        std::mem::swap(&mut rest.ladder, &mut session.ladder);
        std::mem::swap(&mut rest.turns, &mut session.turns);
        let old = std::mem::replace(session, rest);
        Edit {
            participants: splice(self.participants, &mut session.participants),
            agenda: splice(self.agenda, &mut session.agenda),
            decisions: splice(self.decisions, &mut session.decisions),
            ladder: splice(self.ladder, &mut session.ladder),
            turns: splice(self.turns, &mut session.turns),
            rest: old,
        }
    }

    /// The edit that made `session` as it is now, where `self` takes it
    /// back: what the saver's copy needs.
    fn forward(&self, session: &mut Session) -> Edit {
        Edit {
            rest: without_lists(session, Session::clone),
            participants: forward(&self.participants, &session.participants),
            agenda: forward(&self.agenda, &session.agenda),
            decisions: forward(&self.decisions, &session.decisions),
            ladder: forward(&self.ladder, &session.ladder),
            turns: forward(&self.turns, &session.turns),
        }
    }

    /// How many turns at the start of `turns` this edit leaves as they are.
    fn kept_turns(&self, turns: &[Turn]) -> usize {
        self.turns.as_ref().map_or(turns.len(), |s| s.from)
    }
}

/// A change, undo or redo played forward: what turns a copy of the session
/// as it was into the session as it is, costing what the change touched.
/// The saver keeps its own copy up to date with these.
#[derive(Debug, Clone)]
pub struct Patch(Edit);

impl Patch {
    /// Makes the change in `session`, a copy of the one it was made to.
    pub fn apply(self, session: &mut Session) {
        self.0.apply(session);
    }
}

/// A change that can be taken back, and what it was.
#[derive(Debug, Clone)]
struct Step {
    label: String,
    back: Edit,
}

/// The changes that can be undone and redone.
#[derive(Debug, Clone, Default)]
pub struct UndoStack {
    past: VecDeque<Step>,
    future: Vec<Step>,
    /// How many turns at the start of the log the last change, undo or
    /// redo left as they were.
    kept: usize,
    /// The changes made since the saver was last handed them, in order.
    outbox: Vec<Patch>,
    /// Whether the outbox misses a change (it grew too long, or a change
    /// came some other way): the saver needs the whole session then.
    outbox_lost: bool,
}

/// How many changes the outbox holds before the saver is better handed
/// the whole session.
const OUTBOX_LIMIT: usize = 64;

impl UndoStack {
    /// Makes `edit` to `session` and remembers it as the change `label`.
    /// The edit may touch only what `reach` says (checked in debug
    /// builds); nothing else is copied or compared, so the cost follows
    /// the change, not the meeting. Returns whether anything changed.
    pub fn change(
        &mut self,
        label: String,
        session: &mut Session,
        reach: Reach,
        edit: impl FnOnce(&mut Session),
    ) -> bool {
        let rest = without_lists(session, Session::clone);
        let participants = Before::of(&session.participants, &reach.participants, false);
        let agenda = Before::of(&session.agenda, &reach.agenda, false);
        let decisions = Before::of(&session.decisions, &reach.decisions, false);
        let ladder = Before::of(&session.ladder, &reach.ladder, false);
        let turns = Window::last(session.turns.len(), reach.last_turns);
        let turns = Before::of(&session.turns, &turns, true);
        edit(session);
        let back = Edit {
            participants: participants.undoing(&session.participants, &label),
            agenda: agenda.undoing(&session.agenda, &label),
            decisions: decisions.undoing(&session.decisions, &label),
            ladder: ladder.undoing(&session.ladder, &label),
            turns: turns.undoing(&session.turns, &label),
            rest,
        };
        let unchanged = [
            back.participants.is_none(),
            back.agenda.is_none(),
            back.decisions.is_none(),
            back.ladder.is_none(),
            back.turns.is_none(),
        ];
        if unchanged.iter().all(|&u| u) && without_lists(session, |s| *s == back.rest) {
            return false;
        }
        self.future.clear();
        self.went(back, session, |undo, back| {
            undo.past.push_back(Step { label, back });
            if undo.past.len() > UNDO_LIMIT {
                undo.past.pop_front();
            }
        });
        true
    }

    /// Notes that `session` has just been changed one step, which `back`
    /// takes back, and files `back` with `file`.
    fn went(&mut self, back: Edit, session: &mut Session, file: impl FnOnce(&mut Self, Edit)) {
        self.kept = back.kept_turns(&session.turns);
        if self.outbox.len() < OUTBOX_LIMIT && !self.outbox_lost {
            self.outbox.push(Patch(back.forward(session)));
        } else {
            self.outbox.clear();
            self.outbox_lost = true;
        }
        file(self, back);
    }

    /// How many turns at the start of the log the last change, undo or
    /// redo left as they were: what is known about the log before them
    /// still holds for those.
    pub fn kept(&self) -> usize {
        self.kept
    }

    /// The changes made since the last call, in order, to play on a copy
    /// of the session as it was then; `None` when that is not enough and
    /// the copy must be replaced by the whole session.
    pub fn handed_over(&mut self) -> Option<Vec<Patch>> {
        let lost = std::mem::take(&mut self.outbox_lost);
        let patches = std::mem::take(&mut self.outbox);
        (!lost).then_some(patches)
    }

    /// Takes back the last change in `session`, keeping what it was for
    /// redo. Returns the change's label, or `None` with nothing to undo.
    pub fn undo(&mut self, session: &mut Session) -> Option<String> {
        let step = self.past.pop_back()?;
        Some(self.retrace(step, session, |undo, step| undo.future.push(step)))
    }

    /// Makes the last undone change again in `session`.
    pub fn redo(&mut self, session: &mut Session) -> Option<String> {
        let step = self.future.pop()?;
        Some(self.retrace(step, session, |undo, step| undo.past.push_back(step)))
    }

    /// Takes `step` in `session` and files its way back with `file`;
    /// returns its label.
    fn retrace(
        &mut self,
        step: Step,
        session: &mut Session,
        file: impl FnOnce(&mut Self, Step),
    ) -> String {
        let back = step.back.apply(session);
        let label = step.label;
        self.went(back, session, |undo, back| {
            let label = label.clone();
            file(undo, Step { label, back })
        });
        label
    }
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
        let reach = Reach {
            last_turns: usize::MAX,
            ..Reach::everything()
        };
        undo.change("edit".into(), session, reach, edit);
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

#[cfg(test)]
mod patch_tests {
    use super::*;
    use crate::session::sample;

    /// The saver's copy, kept up to date only by the patches handed over,
    /// is the session after every change, undo and redo; a reach that is
    /// too narrow is caught.
    #[test]
    fn a_copy_kept_by_the_patches_alone_is_the_session() {
        let mut session = sample::large();
        let mut copy = session.clone();
        let mut undo = UndoStack::default();
        let at = session.turns.last().unwrap().at;
        let mut check = |undo: &mut UndoStack, session: &Session| {
            for patch in undo.handed_over().expect("nothing was lost") {
                patch.apply(&mut copy);
            }
            assert!(copy == *session);
        };
        undo.change("floor".into(), &mut session, Reach::floor(), |s| {
            crate::session::timing::close_open_turn(s, at + chrono::Duration::seconds(30));
            s.stack.push("someone".into());
        });
        check(&mut undo, &session);
        let d = Reach::floor().decisions(Window::at(3));
        undo.change("outcome".into(), &mut session, d, |s| {
            s.decisions[3].outcome = Some("Agreed".into())
        });
        check(&mut undo, &session);
        let moved = Reach::floor().agenda(Window::between(2, 9));
        undo.change("swap".into(), &mut session, moved, |s| s.agenda.swap(9, 2));
        check(&mut undo, &session);
        let end = session.ladder.len();
        let add = Reach::floor().ladder(Window::at(end));
        undo.change("judge".into(), &mut session, add, |s| {
            let j = s.ladder[0].clone();
            s.ladder.push(j)
        });
        check(&mut undo, &session);
        undo.change(
            "latecomer gone".into(),
            &mut session,
            Reach::everything(),
            |s| {
                s.participants.remove(5);
            },
        );
        check(&mut undo, &session);
        while undo.undo(&mut session).is_some() {
            check(&mut undo, &session);
        }
        while undo.redo(&mut session).is_some() {
            check(&mut undo, &session);
        }
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "outside its reach")]
    fn a_change_outside_its_reach_is_caught() {
        let mut session = sample::large();
        let mut undo = UndoStack::default();
        let reach = Reach::floor().decisions(Window::at(3));
        undo.change("outcome".into(), &mut session, reach, |s| {
            s.decisions[4].outcome = Some("Agreed".into())
        });
    }
}
