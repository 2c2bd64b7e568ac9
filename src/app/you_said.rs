//! "You said, we did" (issue #19, part 5; issue #17): on an agenda item
//! made by `coproduce new --from` for an earlier meeting's action, the
//! group hears what happened and the facilitator marks the action there:
//! done, not possible (with the reason) or still open. The marks are the
//! Decisions pane's (`mark_actions`): the same choices, read the same way.

use super::form::{self, Choice, Form};
use super::undo::{Reach, Window};
use super::{App, Purpose};
use crate::session::ActionState;
use crate::session::open_to_change::mark_words;
use crate::text::one_line;

/// The marks an action can take, valued as the file writes them; `open`
/// labels the unmarked one and `dropped` the dropped one.
pub(super) fn action_marks(open: &str, dropped: &str) -> Vec<Choice> {
    vec![
        Choice::new(TO_DO, open),
        Choice::new(ActionState::Done.id(), "done"),
        Choice::new(ActionState::Dropped.id(), dropped),
    ]
}

/// The value of the "still to do" mark: no state in the file.
const TO_DO: &str = "to-do";

/// The mark's value for an action in `state`, to select it in a form.
pub(super) fn mark_value(state: Option<ActionState>) -> &'static str {
    state.map_or(TO_DO, ActionState::id)
}

/// The state a chosen mark means (`None`: still to do).
pub(super) fn read_mark(value: &str) -> Option<ActionState> {
    [ActionState::Done, ActionState::Dropped]
        .into_iter()
        .find(|s| s.id() == value)
}

/// Opens the form for the selected item's action, or says why there is none.
pub(super) fn open(app: &mut App) {
    let Some(i) = app.agenda.selected(&app.session) else {
        app.status = Some("No item is selected".into());
        return;
    };
    let item = &app.session.agenda[i];
    let Some(action) = &item.action else {
        app.status = Some(format!(
            "'{}' is not a \"you said, we did\" item: `coproduce new --from` makes those for the last meeting's actions",
            one_line(&item.title)
        ));
        return;
    };
    let form = Form::new(
        format!("You said, we did: {}", one_line(&action.what)),
        Purpose::YouSaid(item.id.clone()),
    )
    .choice(
        "Action",
        "Left/Right",
        action_marks("still open", "not possible"),
        mark_value(action.state),
    )
    .line(
        "What we say",
        "why it was not possible, or what is still to do",
        item.report.as_deref().unwrap_or(""),
    );
    app.open_form(form);
}

/// Saves the mark on the item's action, or says why not.
pub(super) fn submit(app: &mut App, id: &str, form: &Form<Purpose>) -> Result<(), String> {
    let i = app
        .session
        .agenda
        .iter()
        .position(|item| item.id == id && item.action.is_some())
        .ok_or("That item is no longer on the agenda")?;
    let mark = read_mark(&form.value("Action"));
    let report = form::optional(&form.value("What we say"));
    if mark == Some(ActionState::Dropped) && report.is_none() {
        return Err("Say why it was not possible: the group is owed the reason".into());
    }
    let title = one_line(&app.session.agenda[i].title).into_owned();
    let reach = Reach::floor().agenda(Window::at(i));
    app.change_in(format!("mark the action of '{title}'"), reach, |s| {
        let item = &mut s.agenda[i];
        if let Some(action) = &mut item.action {
            action.state = mark;
        }
        item.report = report;
    });
    app.status = Some(format!("{title}: {}", mark_words(mark)));
    Ok(())
}

#[cfg(test)]
mod tests;
