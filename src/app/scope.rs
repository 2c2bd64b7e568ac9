//! What is open to change in an agenda item: the item form's three scope
//! fields, written and read by name.

use super::Purpose;
use super::form::{self, Form};
use crate::session::ItemScope;

/// The scope fields' labels, with their hints: what can change, what is
/// fixed, and why.
pub const FIELDS: [(&str, &str); 3] = [
    ("Open to change", "what the group can change here, optional"),
    (
        "Fixed",
        "what is already decided or cannot change, optional",
    ),
    (
        "Why fixed",
        "who decided it, or what rule fixes it, optional",
    ),
];

/// Adds the scope fields to a form.
pub trait ScopeFields {
    /// The three scope fields, filled from `scope`.
    fn scope_fields(self, scope: Option<&ItemScope>) -> Self;
}

impl ScopeFields for Form<Purpose> {
    fn scope_fields(self, scope: Option<&ItemScope>) -> Self {
        let values = scope.map_or([None, None, None], |s| {
            [s.open.as_deref(), s.fixed.as_deref(), s.why.as_deref()]
        });
        FIELDS
            .into_iter()
            .zip(values)
            .fold(self, |form, ((label, hint), value)| {
                form.line(label, hint, value.unwrap_or(""))
            })
    }
}

/// The scope typed into a form with [`ScopeFields`]; `None` when all three
/// are empty.
pub fn read(form: &Form<Purpose>) -> Option<ItemScope> {
    let [open, fixed, why] = FIELDS.map(|(label, _)| form::optional(&form.value(label)));
    let scope = ItemScope { open, fixed, why };
    (!scope.is_empty()).then_some(scope)
}
