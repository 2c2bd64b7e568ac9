//! The Balance pane's commands: the floor, presence, latecomers and the
//! stack of raised hands (issue #4).

use super::keymap::PaneKey;
#[allow(unused_imports)]
use super::{Action, App};
use crate::session::Time;

/// What the facilitator can do in the Balance pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BalanceAction {}

/// The forms the Balance pane opens, and what each will change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BalanceForm {}

/// What the Balance pane has selected: kept in the app, drawn by `ui`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BalanceView {}

/// The Balance pane's own keys.
pub const KEYS: &[PaneKey] = &[(
    &["<Space>"],
    Action::SilenceFloor,
    "silence the floor",
    true,
)];

/// Applies one of the pane's actions.
pub(super) fn update(_app: &mut App, action: BalanceAction, _now: Time) {
    match action {}
}

/// Saves a form's `values` (in field order), or says why not.
pub(super) fn submit(
    _app: &mut App,
    form: BalanceForm,
    _values: &[String],
    _now: Time,
) -> Result<(), String> {
    match form {}
}
