//! The Decisions pane's commands: the queue of proposals, consent rounds
//! and their outcomes and actions (issue #5).

use super::keymap::PaneKey;
#[allow(unused_imports)]
use super::{Action, App};
use crate::session::Time;

/// What the facilitator can do in the Decisions pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionAction {}

/// The forms the Decisions pane opens, and what each will change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionForm {}

/// What the Decisions pane has selected: kept in the app, drawn by `ui`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionsView {}

/// The Decisions pane's own keys.
pub const KEYS: &[PaneKey] = &[];

/// Applies one of the pane's actions.
pub(super) fn update(_app: &mut App, action: DecisionAction, _now: Time) {
    match action {}
}

/// Saves a form's `values` (in field order), or says why not.
pub(super) fn submit(
    _app: &mut App,
    form: DecisionForm,
    _values: &[String],
    _now: Time,
) -> Result<(), String> {
    match form {}
}
