//! The Agenda pane's commands: the meeting clock, items and their time boxes,
//! breaks, and the forms that add and edit items (issue #3).
//!
//! An item keeps one `started` and one `ended`. Starting an item ends the
//! running one; going back to an item that was done reopens it with its
//! `started` moved on by the time it was closed (see
//! [`timing::resume_start`]), so its time carries on and no minute counts for
//! two items. A break closes the open turn and is written as `{ from,
//! minutes }` (the agreed length); `to` is written when the facilitator
//! comes back.

use super::Purpose;
use super::form::{self, Choice, Form};
use super::keymap::Scope;
use super::scope::ScopeFields;
use super::undo::{Reach, Window};
use super::{Action, App};
use crate::session::ids::fresh_id;
use crate::session::offsets::TimeOfDay;
use crate::session::timing::{self, ItemState, item_state, item_used_secs, running_item};
use crate::session::{Break, Item, ItemScope, Session, Time};

/// The longest time box a form accepts, in minutes (a whole day).
pub const MAX_MINUTES: u32 = 600;
/// The longest break a form accepts, in minutes.
pub const MAX_BREAK_MINUTES: u32 = 240;
/// The break length the form offers.
pub const DEFAULT_BREAK_MINUTES: u32 = 10;

/// What the facilitator can do in the Agenda pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaAction {
    /// Move the selection by this many rows.
    Select(i8),
    /// Start the meeting; once started, start the selected item.
    Start,
    /// End the running item and start the one after it.
    Next,
    /// End the running item and go back to the one before it.
    Previous,
    /// Lengthen (or, negative, shorten) the current item's box by minutes.
    Adjust(i8),
    /// Take a break, or come back from the one going on.
    Break,
    /// End the meeting: the open turn, the running item and the clock; on
    /// an ended meeting, re-open it (the time it stood ended is a break).
    EndMeeting,
    /// Open the form for a new item.
    AddItem,
    /// Open the form for the selected item.
    EditItem,
    /// Delete the selected item (undo brings it back).
    DeleteItem,
    /// Move the selected item up (negative) or down the agenda.
    MoveItem(i8),
}

/// The forms the Agenda pane opens, and what each will change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaForm {
    /// A new item at the end of the agenda.
    AddItem,
    /// The item with this id.
    EditItem(String),
    /// A break of the length typed.
    Break,
}

/// What the Agenda pane has selected: kept in the app, drawn by `ui`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgendaView {
    /// The selected row; may run past the end after a deletion or an undo,
    /// so read it through [`AgendaView::selected`].
    pub row: usize,
}

impl AgendaView {
    /// Opens on the running item, else the first to come: where the
    /// facilitator will want to be, even in a file reopened mid-meeting.
    pub fn on(session: &Session) -> AgendaView {
        let row = running_item(session)
            .or_else(|| {
                session
                    .agenda
                    .iter()
                    .position(|i| item_state(i) == ItemState::ToCome)
            })
            .unwrap_or(0);
        AgendaView { row }
    }

    /// The selected item's index, kept inside the agenda.
    pub fn selected(&self, session: &Session) -> Option<usize> {
        session
            .agenda
            .len()
            .checked_sub(1)
            .map(|last| self.row.min(last))
    }
}

/// The pane's commands by their names in the keymap (`app/keymap.yaml`).
pub const COMMANDS: &[(&str, Action)] = &[
    ("start", Action::Agenda(AgendaAction::Start)),
    ("next_item", Action::Agenda(AgendaAction::Next)),
    ("previous_item", Action::Agenda(AgendaAction::Previous)),
    ("break", Action::Agenda(AgendaAction::Break)),
    ("one_minute_more", Action::Agenda(AgendaAction::Adjust(1))),
    ("one_minute_less", Action::Agenda(AgendaAction::Adjust(-1))),
    ("five_minutes_more", Action::Agenda(AgendaAction::Adjust(5))),
    (
        "five_minutes_less",
        Action::Agenda(AgendaAction::Adjust(-5)),
    ),
    ("end_meeting", Action::Agenda(AgendaAction::EndMeeting)),
    ("select_up", Action::Agenda(AgendaAction::Select(-1))),
    ("select_down", Action::Agenda(AgendaAction::Select(1))),
    ("add_item", Action::Agenda(AgendaAction::AddItem)),
    ("edit_item", Action::Agenda(AgendaAction::EditItem)),
    ("delete_item", Action::Agenda(AgendaAction::DeleteItem)),
    ("move_item_up", Action::Agenda(AgendaAction::MoveItem(-1))),
    ("move_item_down", Action::Agenda(AgendaAction::MoveItem(1))),
    ("you_said", Action::YouSaid),
];

/// Applies one of the pane's actions.
pub(super) fn update(app: &mut App, action: AgendaAction, now: Time) {
    let now = timing::not_before_record(&app.session, now);
    let result = match action {
        AgendaAction::Select(step) => {
            select(app, step);
            Ok(())
        }
        AgendaAction::Start => start(app, now),
        AgendaAction::Next => next(app, now),
        AgendaAction::Previous => previous(app, now),
        AgendaAction::Adjust(minutes) => adjust(app, minutes),
        AgendaAction::Break => take_or_end_break(app, now),
        AgendaAction::EndMeeting if app.session.clock.ended.is_some() => reopen(app, now),
        AgendaAction::EndMeeting => end_meeting(app, now),
        AgendaAction::AddItem => {
            let form = item_form(&app.session, "Add an item", AgendaForm::AddItem, None);
            app.open_form(form);
            Ok(())
        }
        AgendaAction::EditItem => edit(app),
        AgendaAction::DeleteItem => delete(app),
        AgendaAction::MoveItem(step) => move_item(app, step),
    };
    // A refusal says why in the status line and changes nothing.
    if let Err(message) = result {
        app.status = Some(message);
    }
}

fn select(app: &mut App, step: i8) {
    if let Some(row) = app.agenda.selected(&app.session) {
        let len = app.session.agenda.len();
        app.agenda.row = super::stepped(row, isize::from(step), len);
    }
}

/// The item's title in quotes, for status lines and undo labels.
fn named(item: &Item) -> String {
    format!("'{}'", crate::text::one_line(&item.title))
}

/// Refuses anything that runs the meeting once it has ended.
fn not_ended(app: &App) -> Result<(), String> {
    match app.session.clock.ended {
        Some(_) => Err(super::update::ended(app)),
        None => Ok(()),
    }
}

/// `s`: the meeting's clock first, then the selected item.
fn start(app: &mut App, now: Time) -> Result<(), String> {
    not_ended(app)?;
    if app.session.clock.started.is_none() {
        app.change_in("start the meeting".into(), Reach::floor(), |s| {
            s.clock.started = Some(now)
        });
        app.status = Some(format!(
            "Meeting started at {} · s again starts the selected item",
            TimeOfDay::of(&app.session, now).hm(now)
        ));
        return Ok(());
    }
    let index = app
        .agenda
        .selected(&app.session)
        .ok_or("The agenda is empty: a adds an item")?;
    go_to(app, index, now)
}

/// `n`: the item after the running one, else the first still to come.
fn next(app: &mut App, now: Time) -> Result<(), String> {
    not_ended(app)?;
    let agenda = &app.session.agenda;
    match running_item(&app.session) {
        Some(r) if r + 1 < agenda.len() => go_to(app, r + 1, now),
        Some(r) => {
            let label = format!("end the item {}", named(&agenda[r]));
            let reach = Reach::floor().agenda(Window::at(r));
            app.change_in(label, reach, |s| s.agenda[r].ended = Some(now));
            app.status = Some("That was the last item · E ends the meeting".into());
            Ok(())
        }
        None => match agenda
            .iter()
            .position(|i| item_state(i) == ItemState::ToCome)
        {
            Some(i) => go_to(app, i, now),
            None if agenda.is_empty() => Err("The agenda is empty: a adds an item".into()),
            None => Err("Every item is done · E ends the meeting".into()),
        },
    }
}

/// `p`: the item before the running one, else the last one done.
fn previous(app: &mut App, now: Time) -> Result<(), String> {
    not_ended(app)?;
    let agenda = &app.session.agenda;
    let target = match running_item(&app.session) {
        Some(0) => return Err("This is the first item".into()),
        Some(r) => r - 1,
        None => agenda
            .iter()
            .rposition(|i| item_state(i) == ItemState::Done)
            .ok_or("No item has been done yet")?,
    };
    go_to(app, target, now)
}

/// Starts item `index` at `now` as one change: ends the running item, starts
/// the meeting's clock if need be, and reopens the item if it was done.
fn go_to(app: &mut App, index: usize, now: Time) -> Result<(), String> {
    let item = &app.session.agenda[index];
    let state = item_state(item);
    if state == ItemState::Running {
        app.agenda.row = index;
        return Err(format!("{} is already running", named(item)));
    }
    let verb = if state == ItemState::Done {
        "go back to"
    } else {
        "start"
    };
    let label = format!("{verb} the item {}", named(item));
    // The running item ends and `index` starts: both, and none between
    // them, change.
    let ends = running_item(&app.session).unwrap_or(index);
    let reach = Reach::floor().agenda(Window::between(ends, index));
    app.change_in(label, reach, |s| start_item(s, index, now));
    app.agenda.row = index;
    Ok(())
}

/// The session change behind [`go_to`].
fn start_item(s: &mut Session, index: usize, now: Time) {
    if let Some(r) = running_item(s) {
        s.agenda[r].ended = Some(now);
    }
    s.clock.started.get_or_insert(now);
    let used = item_used_secs(&s.agenda[index], &s.clock, now);
    let item = &mut s.agenda[index];
    item.started = Some(match (item.ended.take(), used) {
        (Some(_), Some(used)) => timing::resume_start(&s.clock, used, now),
        _ => now,
    });
}

/// The item `+`/`-` act on: the running one, else the selected one.
fn current(app: &App) -> Option<usize> {
    running_item(&app.session).or_else(|| app.agenda.selected(&app.session))
}

/// `+`, `-`, `]`, `[`: the time box, from 1 minute to [`MAX_MINUTES`].
fn adjust(app: &mut App, minutes: i8) -> Result<(), String> {
    let index = current(app).ok_or("The agenda is empty: a adds an item")?;
    let item = &app.session.agenda[index];
    let boxed = (i64::from(item.minutes) + i64::from(minutes)).clamp(1, i64::from(MAX_MINUTES));
    let boxed = u32::try_from(boxed).unwrap_or(1);
    if boxed == item.minutes {
        return Err(format!(
            "The time box of {} is already {} min, as far as it goes",
            named(item),
            item.minutes
        ));
    }
    let label = format!("make the time box of {} {boxed} min", named(item));
    let reach = Reach::floor().agenda(Window::at(index));
    app.change_in(label, reach, |s| s.agenda[index].minutes = boxed);
    Ok(())
}

/// The break still going on (no `to`), if any.
fn open_break(session: &Session) -> Option<usize> {
    session.clock.breaks.iter().rposition(|b| b.to.is_none())
}

/// `b`: back from the break going on, else the form for a new one.
fn take_or_end_break(app: &mut App, now: Time) -> Result<(), String> {
    not_ended(app)?;
    if app.session.clock.started.is_none() {
        return Err("The meeting has not started: s starts it".into());
    }
    if let Some(i) = open_break(&app.session) {
        let from = app.session.clock.breaks[i].from;
        app.change_in("come back from the break".into(), Reach::floor(), |s| {
            s.clock.breaks[i].to = Some(now);
        });
        let length = timing::format_duration(timing::secs_between(from, now));
        app.status = Some(format!("Back from a break of {length}"));
        return Ok(());
    }
    let form = Form::new("Take a break", Purpose::Agenda(AgendaForm::Break)).line(
        "Length",
        "minutes agreed with the room",
        &DEFAULT_BREAK_MINUTES.to_string(),
    );
    app.open_form(form);
    Ok(())
}

/// `E`: closes the open turn, the running item and any break, then the clock.
fn end_meeting(app: &mut App, now: Time) -> Result<(), String> {
    not_ended(app)?;
    if app.session.clock.started.is_none() {
        return Err("The meeting has not started: s starts it".into());
    }
    let running = Window::at_some(running_item(&app.session));
    app.change_in(
        "end the meeting".into(),
        Reach::floor().agenda(running),
        |s| {
            timing::close_open_turn(s, now);
            if let Some(r) = running_item(s) {
                s.agenda[r].ended = Some(now);
            }
            if let Some(i) = open_break(s) {
                s.clock.breaks[i].to = Some(now);
            }
            crate::session::round::end(s, now);
            s.clock.ended = Some(now);
        },
    );
    app.status = Some(format!(
        "Meeting ended at {} ({} takes that back)",
        TimeOfDay::of(&app.session, now).hm(now),
        app.global_key("undo")
    ));
    Ok(())
}

/// `E` on an ended meeting: it goes on after all. The time it stood ended is kept as
/// a break, so it is nobody's speech and no item's time.
fn reopen(app: &mut App, now: Time) -> Result<(), String> {
    let Some(ended) = app.session.clock.ended else {
        return Err("The meeting has not ended, so there is nothing to re-open".into());
    };
    app.change_in("re-open the meeting".into(), Reach::floor(), |s| {
        s.clock.ended = None;
        if now > ended {
            s.clock.breaks.push(Break {
                from: ended,
                minutes: None,
                to: Some(now),
            });
        }
    });
    app.status = Some(format!(
        "Meeting re-opened at {}; the time since it ended counts as a break",
        TimeOfDay::of(&app.session, now).hm(now)
    ));
    Ok(())
}

fn edit(app: &mut App) -> Result<(), String> {
    let index = app
        .agenda
        .selected(&app.session)
        .ok_or("The agenda is empty: a adds an item")?;
    let item = &app.session.agenda[index];
    let purpose = AgendaForm::EditItem(item.id.clone());
    let form = item_form(&app.session, "Edit the item", purpose, Some(item));
    app.open_form(form);
    Ok(())
}

/// Deletes the selected item; refused while a decision or a judgement
/// refers to it, as the file would then name an item that is not there.
fn delete(app: &mut App) -> Result<(), String> {
    let s = &app.session;
    let index = app
        .agenda
        .selected(s)
        .ok_or("The agenda is empty: nothing to delete")?;
    let item = &s.agenda[index];
    let id = Some(item.id.as_str());
    if let Some(d) = s.decisions.iter().find(|d| d.item.as_deref() == id) {
        return Err(format!(
            "Not deleted: the proposal '{}' belongs to {}",
            crate::text::fit(&crate::text::one_line(&d.proposal), 30),
            named(item)
        ));
    }
    if s.ladder.iter().any(|j| j.item.as_deref() == id) {
        return Err(format!(
            "Not deleted: a ladder judgement was made on {}",
            named(item)
        ));
    }
    let title = named(item);
    let reach = Reach::floor().agenda(Window::from(index));
    app.change_in(format!("delete the item {title}"), reach, |s| {
        s.agenda.remove(index);
    });
    app.status = Some(format!(
        "Deleted {title} · {} brings it back",
        app.global_key("undo")
    ));
    Ok(())
}

/// `K`/`J`: swaps the selected item with its neighbour; the selection follows.
fn move_item(app: &mut App, step: i8) -> Result<(), String> {
    let index = app
        .agenda
        .selected(&app.session)
        .ok_or("The agenda is empty: a adds an item")?;
    let to = super::neighbour(index, isize::from(step), app.session.agenda.len()).ok_or(
        if step < 0 {
            "The item is already at the top"
        } else {
            "The item is already at the bottom"
        },
    )?;
    let direction = if step < 0 { "up" } else { "down" };
    let label = format!(
        "move the item {} {direction}",
        named(&app.session.agenda[index])
    );
    let reach = Reach::floor().agenda(Window::between(index, to));
    app.change_in(label, reach, |s| s.agenda.swap(index, to));
    app.agenda.row = to;
    Ok(())
}

/// The item form, filled from `item` when editing one.
fn item_form(
    session: &Session,
    title: &str,
    purpose: AgendaForm,
    item: Option<&Item>,
) -> Form<Purpose> {
    let mut leads = vec![Choice::new("", "nobody")];
    leads.extend(form::participant_choices(session));
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
        .scope_fields(item.and_then(|i| i.scope.as_ref()))
}

/// An item form's values, read and checked.
struct ItemFields {
    title: String,
    lead: Option<String>,
    minutes: u32,
    notes: Option<String>,
    scope: Option<ItemScope>,
}

impl ItemFields {
    /// Reads the item form's fields by name.
    fn read(form: &Form<Purpose>) -> Result<ItemFields, String> {
        Ok(ItemFields {
            title: form::required(&form.value("Title"), "the item a title")?,
            lead: form::optional(&form.value("Lead")),
            minutes: form::whole_number(
                &form.value("Time box"),
                "The time box in minutes",
                1,
                MAX_MINUTES,
            )?,
            notes: form::optional(&form.value("Notes")),
            scope: super::scope::read(form),
        })
    }
}

/// Saves a form of this pane, or says why not.
pub(super) fn submit(
    app: &mut App,
    purpose: AgendaForm,
    form: &Form<Purpose>,
    now: Time,
) -> Result<(), String> {
    let now = timing::not_before_record(&app.session, now);
    match purpose {
        AgendaForm::Break => start_break(app, &form.value("Length"), now),
        AgendaForm::AddItem => {
            let f = ItemFields::read(form)?;
            let id = fresh_id(&f.title, "item", |id| {
                app.session.agenda.iter().any(|i| i.id == id)
            });
            let label = format!("add the item '{}'", f.title);
            let item = Item {
                lead: f.lead,
                notes: f.notes,
                scope: f.scope,
                ..Item::planned(id, f.title, f.minutes)
            };
            let reach = Reach::floor().agenda(Window::at(app.session.agenda.len()));
            app.change_in(label, reach, |s| s.agenda.push(item));
            app.agenda.row = app.session.agenda.len() - 1;
            Ok(())
        }
        AgendaForm::EditItem(id) => {
            let f = ItemFields::read(form)?;
            let index = app
                .session
                .agenda
                .iter()
                .position(|i| i.id == id)
                .ok_or_else(|| {
                    format!(
                        "That item is no longer on the agenda; {} closes the form",
                        app.key_name(Scope::Form, "cancel")
                    )
                })?;
            let reach = Reach::floor().agenda(Window::at(index));
            app.change_in(format!("edit the item '{}'", f.title), reach, |s| {
                let item = &mut s.agenda[index];
                item.title = f.title;
                item.lead = f.lead;
                item.minutes = f.minutes;
                item.notes = f.notes;
                item.scope = f.scope;
            });
            Ok(())
        }
    }
}

/// Starts a break of `length` minutes: the open turn ends, as break time
/// counts for nobody.
fn start_break(app: &mut App, length: &str, now: Time) -> Result<(), String> {
    let minutes = form::whole_number(length, "The break in minutes", 1, MAX_BREAK_MINUTES)?;
    // The form may have stayed open across a change: check again.
    not_ended(app)?;
    if open_break(&app.session).is_some() {
        return Err(format!(
            "A break is already going on; {} closes the form",
            app.key_name(Scope::Form, "cancel")
        ));
    }
    app.change_in(
        format!("take a break of {minutes} min"),
        Reach::floor(),
        |s| {
            timing::close_open_turn(s, now);
            s.clock.breaks.push(Break {
                from: now,
                minutes: Some(minutes),
                to: None,
            });
        },
    );
    app.status = Some(format!("Break of {minutes} min · b when the room is back"));
    Ok(())
}

#[cfg(test)]
mod tests;
