//! The Ladder pane's commands: recording where the group places itself on
//! the ladder of co-production (issue #6).

use super::keymap::PaneKey;
#[allow(unused_imports)]
use super::{Action, App};
use crate::session::Time;

/// What the facilitator can do in the Ladder pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LadderAction {}

/// The forms the Ladder pane opens, and what each will change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LadderForm {}

/// What the Ladder pane has selected: kept in the app, drawn by `ui`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LadderView {}

/// The Ladder pane's own keys.
pub const KEYS: &[PaneKey] = &[];

/// Applies one of the pane's actions.
pub(super) fn update(_app: &mut App, action: LadderAction, _now: Time) {
    match action {}
}

/// Saves a form's `values` (in field order), or says why not.
pub(super) fn submit(
    _app: &mut App,
    form: LadderForm,
    _values: &[String],
    _now: Time,
) -> Result<(), String> {
    match form {}
}
