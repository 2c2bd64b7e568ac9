//! The Agenda pane's commands: the meeting clock, items and their time boxes,
//! breaks, and the forms that add and edit items (issue #3).

use super::form::{self, Choice, Form, Purpose};
use super::keymap::PaneKey;
use super::{Action, App};
use crate::session::ids::fresh_id;
use crate::session::{Item, Session, Time};

/// The longest time box a form accepts, in minutes (a whole day).
pub const MAX_MINUTES: u32 = 600;

/// What the facilitator can do in the Agenda pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaAction {
    /// Open the form for a new item.
    AddItem,
}

/// The forms the Agenda pane opens, and what each will change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaForm {
    /// A new item at the end of the agenda.
    AddItem,
}

/// What the Agenda pane has selected: kept in the app, drawn by `ui`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgendaView {}

/// The Agenda pane's own keys.
pub const KEYS: &[PaneKey] = &[(
    &["a"],
    Action::Agenda(AgendaAction::AddItem),
    "add an item",
    true,
)];

/// Applies one of the pane's actions.
pub(super) fn update(app: &mut App, action: AgendaAction, _now: Time) {
    match action {
        AgendaAction::AddItem => {
            let form = item_form(&app.session, "Add an item", AgendaForm::AddItem, None);
            app.open_form(form);
        }
    }
}

/// The item form, filled from `item` when editing one.
fn item_form(session: &Session, title: &str, purpose: AgendaForm, item: Option<&Item>) -> Form {
    let mut leads = vec![Choice {
        value: String::new(),
        label: "nobody".into(),
    }];
    leads.extend(session.participants.iter().map(|p| Choice {
        value: p.id.clone(),
        label: p.name.clone(),
    }));
    let minutes = item.map_or("10".to_owned(), |i| i.minutes.to_string());
    Form::new(title, Purpose::Agenda(purpose))
        .line(
            "Title",
            "what the item is about",
            item.map_or("", |i| &i.title),
        )
        .choice(
            "Lead",
            "who leads it",
            leads,
            item.and_then(|i| i.lead.as_deref()).unwrap_or(""),
        )
        .line("Time box", "minutes", &minutes)
        .lines(
            "Notes",
            "optional",
            item.and_then(|i| i.notes.as_deref()).unwrap_or(""),
        )
}

/// Saves a form's `values` (in field order), or says why not.
pub(super) fn submit(
    app: &mut App,
    purpose: AgendaForm,
    values: &[String],
    _now: Time,
) -> Result<(), String> {
    let [title, lead, minutes, notes] = values else {
        return Err("The form lost a field; please open it again".into());
    };
    let title = form::required(title, "the item a title")?;
    let minutes = form::whole_number(minutes, "The time box in minutes", 1, MAX_MINUTES)?;
    match purpose {
        AgendaForm::AddItem => {
            let id = fresh_id(&title, "item", |id| {
                app.session.agenda.iter().any(|i| i.id == id)
            });
            let item = Item {
                id,
                title: title.clone(),
                lead: form::optional(lead),
                minutes,
                started: None,
                ended: None,
                notes: form::optional(notes),
            };
            app.change(format!("add the item {title}"), |s| s.agenda.push(item));
        }
    }
    Ok(())
}
