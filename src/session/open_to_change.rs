//! What is open to change in an agenda item, and how a "you said, we did"
//! item's action stands, in the words every view and the minutes use.

use super::{ActionState, ItemScope};

/// The scope's parts that are said, each with its label: what is open to
/// change, what is fixed, and why.
pub fn scope_lines(scope: &ItemScope) -> Vec<(&'static str, &str)> {
    [
        ("Open to change", &scope.open),
        ("Fixed", &scope.fixed),
        ("Why fixed", &scope.why),
    ]
    .into_iter()
    .filter_map(|(label, text)| text.as_deref().map(|t| (label, t)))
    .collect()
}

/// How a "you said, we did" action stands, in words.
pub fn mark_words(state: Option<ActionState>) -> &'static str {
    match state {
        Some(ActionState::Done) => "done",
        Some(ActionState::Dropped) => "not possible",
        None => "still open",
    }
}
