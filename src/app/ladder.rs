//! The Ladder pane's commands: recording where the group places itself on
//! the ladder of co-production (issue #6).
//!
//! A judgement is written to the file the moment it is started (`r`, at
//! `now`, on the selected rung) and every hand added or taken away, every
//! settling and every note changes that entry at once, each its own undo
//! step. While the settled rung is the one the hands give, it moves with the
//! hands; a rung settled over the hands (`Enter`) stays, with the hands kept
//! as they were raised.

use super::Purpose;
use super::form::{self, Choice, Form};
use super::keymap::Scope;
use super::undo::{Reach, Window};
use super::{Action, App};
use crate::session::judgement::too_many_hands;
use crate::session::timing::running_item;
use crate::session::trend::Trend;
use crate::session::{Judgement, OrderedMap, Rung, Session, Time};

/// What the facilitator can do in the Ladder pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LadderAction {
    /// Move the rung cursor one rung up (toward co-production).
    RungUp,
    /// Move the rung cursor one rung down.
    RungDown,
    /// One more hand for the cursor's rung on the shown judgement.
    AddHand,
    /// One hand fewer for the cursor's rung.
    TakeHand,
    /// Start a new judgement of the target, on the cursor's rung.
    Record,
    /// Settle the shown judgement on the cursor's rung, keeping the hands.
    Settle,
    /// Open the form for the shown judgement's note.
    Note,
    /// Open the form to edit what the shown judgement is about, its rung
    /// and its note.
    Edit,
    /// Delete the shown judgement.
    Delete,
    /// Cycle what a new judgement is about: the running item, each item,
    /// the meeting as a whole.
    NextTarget,
    /// Show the judgement before the shown one.
    Earlier,
    /// Show the judgement after the shown one.
    Later,
}

/// The forms the Ladder pane opens, and what each will change: the index
/// is the judgement's place in `ladder` (nothing else changes while a form
/// is open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LadderForm {
    /// The note, in the group's words.
    Note(usize),
    /// What it is about, its rung and its note.
    Edit(usize),
}

/// What a new judgement is about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Target {
    /// Whichever item is running when it is recorded (the meeting as a
    /// whole if none is).
    #[default]
    Running,
    /// This agenda item.
    Item(String),
    /// The meeting as a whole.
    Meeting,
}

/// What the Ladder pane has selected: kept in the app, drawn by `ui`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LadderView {
    /// The rung Up and Down move and hands are counted on.
    pub cursor: Rung,
    /// The judgement shown and changed, by its place in `ladder`; `None`
    /// (or a place no longer there, after an undo) shows [`current`].
    pub selected: Option<usize>,
    /// What the next judgement recorded is about.
    pub target: Target,
    /// Earlier sessions in the folder: read once when the meeting opens.
    pub trend: Trend,
    /// Whether they are still being read (the live app reads them after
    /// the first frame); the pane says so meanwhile.
    pub reading_earlier: bool,
}

impl Default for LadderView {
    fn default() -> Self {
        LadderView {
            // Hands are counted from the bottom up, and a judgement started
            // without moving starts low: the group never flatters itself.
            cursor: Rung::Coercion,
            selected: None,
            target: Target::Running,
            trend: Trend::default(),
            reading_earlier: false,
        }
    }
}

/// The pane's commands by their names in the keymap (`app/keymap.yaml`).
pub const COMMANDS: &[(&str, Action)] = &[
    ("record", Action::Ladder(LadderAction::Record)),
    ("rung_up", Action::Ladder(LadderAction::RungUp)),
    ("rung_down", Action::Ladder(LadderAction::RungDown)),
    ("add_hand", Action::Ladder(LadderAction::AddHand)),
    ("take_hand", Action::Ladder(LadderAction::TakeHand)),
    ("settle", Action::Ladder(LadderAction::Settle)),
    ("note", Action::Ladder(LadderAction::Note)),
    ("next_target", Action::Ladder(LadderAction::NextTarget)),
    ("earlier", Action::Ladder(LadderAction::Earlier)),
    ("later", Action::Ladder(LadderAction::Later)),
    ("edit", Action::Ladder(LadderAction::Edit)),
    ("delete", Action::Ladder(LadderAction::Delete)),
    (
        "principles",
        Action::Round(super::round::RoundAction::Hands),
    ),
];

/// The judgement shown when none is selected: the latest of the running
/// item, else the latest of all.
pub fn current(session: &Session) -> Option<usize> {
    let item = running_item(session).map(|i| session.agenda[i].id.as_str());
    let ladder = &session.ladder;
    item.and_then(|item| ladder.iter().rposition(|j| j.item.as_deref() == Some(item)))
        .or_else(|| ladder.len().checked_sub(1))
}

/// The place in `ladder` of the judgement the pane shows and changes.
pub fn shown(app: &App) -> Option<usize> {
    app.ladder
        .selected
        .filter(|&i| i < app.session.ladder.len())
        .or_else(|| current(&app.session))
}

/// The agenda item id a new judgement of `target` is about; `None` is the
/// meeting as a whole.
pub fn target_item(session: &Session, target: &Target) -> Option<String> {
    match target {
        Target::Running => running_item(session).map(|i| session.agenda[i].id.clone()),
        Target::Item(id) => Some(id.clone()),
        Target::Meeting => None,
    }
}

/// What a judgement of `item` is about, as the room reads it.
pub fn about(session: &Session, item: Option<&str>) -> String {
    match item {
        Some(id) => session
            .agenda
            .iter()
            .find(|i| i.id == id)
            .map_or(id, |i| i.title.as_str())
            .to_owned(),
        None => "the meeting as a whole".into(),
    }
}

/// The target after `target`: the running item, each item in turn, the
/// meeting as a whole, and round again.
fn next_target(session: &Session, target: &Target) -> Target {
    let items = &session.agenda;
    let first = || {
        items
            .first()
            .map_or(Target::Meeting, |i| Target::Item(i.id.clone()))
    };
    match target {
        Target::Running => first(),
        Target::Item(id) => match items.iter().position(|i| &i.id == id) {
            Some(at) if at + 1 < items.len() => Target::Item(items[at + 1].id.clone()),
            Some(_) => Target::Meeting,
            // The item went (an undo): start the round again.
            None => first(),
        },
        Target::Meeting => Target::Running,
    }
}

/// Applies one of the pane's actions.
pub(super) fn update(app: &mut App, action: LadderAction, now: Time) {
    let step_rung = |rung: Rung, up: bool| {
        let at = rung.index();
        Rung::ALL[super::stepped(at, if up { 1 } else { -1 }, Rung::ALL.len())]
    };
    match action {
        LadderAction::RungUp => app.ladder.cursor = step_rung(app.ladder.cursor, true),
        LadderAction::RungDown => app.ladder.cursor = step_rung(app.ladder.cursor, false),
        LadderAction::AddHand => change_hands(app, 1),
        LadderAction::TakeHand => change_hands(app, -1),
        LadderAction::Record => record(app, now),
        LadderAction::Settle => settle(app),
        LadderAction::Note | LadderAction::Edit => {
            let Some(at) = shown_or_say(app) else { return };
            let form = judgement_form(&app.session, at, action == LadderAction::Edit);
            app.open_form(form);
        }
        LadderAction::Delete => {
            let Some(at) = shown_or_say(app) else { return };
            let what = about_judgement(&app.session, at);
            let reach = Reach::floor().ladder(Window::from(at));
            app.change_in(format!("delete the judgement on {what}"), reach, |s| {
                s.ladder.remove(at);
            });
            // Back to the latest for the running item, which is also the
            // one an undo brings back when that was the one deleted.
            app.ladder.selected = None;
            app.status = Some(format!(
                "Deleted the judgement on {what}; {} brings it back",
                app.global_key("undo")
            ));
        }
        LadderAction::NextTarget => {
            app.ladder.target = next_target(&app.session, &app.ladder.target);
            let item = target_item(&app.session, &app.ladder.target);
            let running = if app.ladder.target == Target::Running {
                " (the running item)"
            } else {
                ""
            };
            app.status = Some(format!(
                "r now records a judgement on {}{running}",
                about(&app.session, item.as_deref())
            ));
        }
        LadderAction::Earlier | LadderAction::Later => {
            let Some(at) = shown_or_say(app) else { return };
            let to = match action {
                LadderAction::Earlier => at.checked_sub(1),
                _ => Some(at + 1).filter(|&to| to < app.session.ladder.len()),
            };
            match to {
                Some(to) => app.ladder.selected = Some(to),
                None => app.status = Some("No judgement further that way".into()),
            }
        }
    }
}

/// The shown judgement, or a word on how to record one.
fn shown_or_say(app: &mut App) -> Option<usize> {
    let at = shown(app);
    if at.is_none() {
        app.status = Some("No judgement yet: r records one".into());
    }
    at
}

fn about_judgement(session: &Session, at: usize) -> String {
    about(session, session.ladder[at].item.as_deref())
}

fn record(app: &mut App, now: Time) {
    let item = target_item(&app.session, &app.ladder.target);
    let rung = app.ladder.cursor;
    let what = about(&app.session, item.as_deref());
    let judgement = Judgement {
        at: now,
        item,
        rung,
        votes: OrderedMap::new(),
        note: None,
    };
    let at = app.session.ladder.len();
    app.change_in(
        format!("record a judgement on {what}"),
        Reach::floor().ladder(Window::at(at)),
        |s| s.ladder.push(judgement),
    );
    app.ladder.selected = app.session.ladder.len().checked_sub(1);
    let key = |command| app.key_name(Scope::Ladder, command);
    app.status = Some(format!(
        "Judging {what}: {}/{} choose the rung, {}/{} count hands, {} settles, {} adds a note",
        key("rung_up"),
        key("rung_down"),
        key("add_hand"),
        key("take_hand"),
        key("settle"),
        key("note")
    ));
}

/// Adds (`by` 1) or takes away (`by` -1) a hand on the cursor's rung.
fn change_hands(app: &mut App, by: i32) {
    let Some(at) = shown_or_say(app) else { return };
    let rung = app.ladder.cursor;
    let had = app.session.ladder[at]
        .votes
        .get(&rung)
        .copied()
        .unwrap_or(0);
    let Some(count) = had.checked_add_signed(by) else {
        app.status = Some(format!("No hands on {} to take away", rung.label()));
        return;
    };
    let what = about_judgement(&app.session, at);
    let label = if by > 0 {
        format!("add a hand for {} on {what}", rung.label())
    } else {
        format!("take a hand from {} on {what}", rung.label())
    };
    app.change_in(label, Reach::floor().ladder(Window::at(at)), |s| {
        s.ladder[at].set_hands(rung, count)
    });
    if let Some((hands, present)) = too_many_hands(&app.session, &app.session.ladder[at]) {
        app.status = Some(format!(
            "⚠ {hands} hands, but only {present} {} present: check the count",
            if present == 1 {
                "person is"
            } else {
                "people are"
            }
        ));
    }
}

fn settle(app: &mut App) {
    let Some(at) = shown_or_say(app) else { return };
    let rung = app.ladder.cursor;
    if app.session.ladder[at].rung == rung {
        app.status = Some(format!("Already settled on {}", rung.label()));
        return;
    }
    let what = about_judgement(&app.session, at);
    app.change_in(
        format!("settle {what} on {}", rung.label()),
        Reach::floor().ladder(Window::at(at)),
        |s| {
            s.ladder[at].rung = rung;
        },
    );
}

/// The note form, or with `whole` the edit form (what it is about, its
/// rung, its note), for the judgement at `at`.
fn judgement_form(session: &Session, at: usize, whole: bool) -> Form<Purpose> {
    let judgement = &session.ladder[at];
    let what = about(session, judgement.item.as_deref());
    let note = judgement.note.as_deref().unwrap_or("");
    if !whole {
        return Form::new(
            format!("Note on {what}"),
            Purpose::Ladder(LadderForm::Note(at)),
        )
        .lines("Note", "in the group's own words", note);
    }
    let items = form::item_choices(session, "the meeting as a whole");
    let rungs = Rung::ALL
        .iter()
        .rev()
        .map(|r| {
            Choice::new(
                r.id().to_owned(),
                format!("{} ({})", r.label(), r.band().label()),
            )
        })
        .collect();
    Form::new(
        format!("Edit the judgement on {what}"),
        Purpose::Ladder(LadderForm::Edit(at)),
    )
    .choice(
        "About",
        "an item, or the meeting",
        items,
        judgement.item.as_deref().unwrap_or(""),
    )
    .choice(
        "Rung",
        "where the group settled",
        rungs,
        judgement.rung.id(),
    )
    .lines("Note", "in the group's own words", note)
}

/// Saves a form of this pane, or says why not.
pub(super) fn submit(
    app: &mut App,
    purpose: LadderForm,
    form: &Form<Purpose>,
    _now: Time,
) -> Result<(), String> {
    let (LadderForm::Note(at) | LadderForm::Edit(at)) = purpose;
    if at >= app.session.ladder.len() {
        return Err(format!(
            "That judgement is no longer there; close the form ({})",
            app.key_name(Scope::Form, "cancel")
        ));
    }
    let what = about_judgement(&app.session, at);
    match purpose {
        LadderForm::Note(_) => {
            let note = form::optional(&form.value("Note"));
            app.change_in(
                format!("note on {what}"),
                Reach::floor().ladder(Window::at(at)),
                |s| s.ladder[at].note = note,
            );
        }
        LadderForm::Edit(_) => {
            let item = form::optional(&form.value("About"));
            if item
                .as_deref()
                .is_some_and(|id| !app.session.agenda.iter().any(|i| i.id == id))
            {
                return Err("Choose an item on the agenda, or the meeting".into());
            }
            let rung = form.value("Rung");
            let rung = Rung::ALL
                .into_iter()
                .find(|r| r.id() == rung)
                .ok_or("Choose one of the seven rungs")?;
            let note = form::optional(&form.value("Note"));
            app.change_in(
                format!("edit the judgement on {what}"),
                Reach::floor().ladder(Window::at(at)),
                |s| {
                    let j = &mut s.ladder[at];
                    j.item = item;
                    j.rung = rung;
                    j.note = note;
                },
            );
        }
    }
    app.ladder.selected = Some(at);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::{app_on, type_keys};

    const SESSION: &str = "format: 1
title: Test
board: Board
date: 2026-11-22
agenda:
  - { id: delivery, title: Delivery, minutes: 20, started: 2026-11-22T10:05:00+00:00, ended: 2026-11-22T10:25:00+00:00 }
  - { id: info, title: Information, minutes: 20, started: 2026-11-22T10:25:00+00:00 }
ladder:
  - { at: 2026-11-22T10:24:00+00:00, item: delivery, rung: co-design }
";

    fn ladder_app() -> App {
        let mut app = app_on(SESSION, "10:30:00");
        app.pane = crate::app::Pane::Ladder;
        app
    }

    #[test]
    fn a_judgement_is_written_when_started_and_follows_the_hands() {
        let mut app = ladder_app();
        assert_eq!(shown(&app), Some(0), "the latest judgement shows at first");
        // Consultation is three rungs up; two hands, then three for co-design.
        type_keys(&mut app, "<Up><Up><Up>r++<Up><Up>+++", "10:30:00");
        let j = &app.session.ladder[1];
        assert_eq!(j.item.as_deref(), Some("info"), "the running item");
        assert_eq!(j.at.to_rfc3339(), "2026-11-22T10:30:00+00:00");
        assert_eq!(j.rung, Rung::CoDesign);
        let votes: Vec<_> = j.votes.iter().map(|(r, n)| (r.id(), *n)).collect();
        assert_eq!(votes, [("co-design", 3), ("consultation", 2)]);
        // Every step was its own change: undo takes back one hand.
        type_keys(&mut app, "<C-z>", "10:30:00");
        assert_eq!(
            app.session.ladder[1].rung,
            Rung::Consultation,
            "a tie goes lower"
        );
        assert_eq!(app.session.ladder[1].hands(), 4);
    }

    #[test]
    fn settling_over_the_hands_keeps_the_spread() {
        let mut app = ladder_app();
        type_keys(
            &mut app,
            "<Up><Up><Up>r++<Up><Up>+++<Down><Down><Enter>",
            "10:30:00",
        );
        let j = &app.session.ladder[1];
        assert_eq!(j.rung, Rung::Consultation);
        assert_eq!(j.hands(), 5);
        // A late hand for co-design does not undo what the group settled.
        type_keys(&mut app, "<Up><Up>+", "10:30:00");
        assert_eq!(app.session.ladder[1].rung, Rung::Consultation);
        assert_eq!(app.session.ladder[1].votes.get(&Rung::CoDesign), Some(&4));
    }

    #[test]
    fn taking_a_hand_from_an_empty_rung_changes_nothing() {
        let mut app = ladder_app();
        let before = app.revision;
        type_keys(&mut app, "-", "10:30:00");
        assert_eq!(app.revision, before);
        assert_eq!(
            app.status.as_deref(),
            Some("No hands on Coercion to take away")
        );
    }

    #[test]
    fn the_target_cycles_items_then_the_meeting() {
        let mut app = ladder_app();
        let mut seen = vec![];
        for _ in 0..4 {
            type_keys(&mut app, "t", "10:30:00");
            seen.push(target_item(&app.session, &app.ladder.target));
        }
        assert_eq!(
            seen,
            [
                Some("delivery".into()),
                Some("info".into()),
                None,
                Some("info".into())
            ]
        );
        type_keys(&mut app, "tttr", "10:31:00");
        assert_eq!(app.session.ladder[1].item, None);
    }

    #[test]
    fn a_note_edit_and_delete_are_each_saved_and_undone() {
        let mut app = ladder_app();
        type_keys(&mut app, "nWe shaped it<C-s>", "10:30:00");
        assert_eq!(app.session.ladder[0].note.as_deref(), Some("We shaped it"));
        // Edit: about the meeting (Left from delivery), one rung down.
        type_keys(&mut app, "e<Left><Tab><Right><C-s>", "10:30:00");
        let j = &app.session.ladder[0];
        assert_eq!((j.item.as_deref(), j.rung), (None, Rung::Engagement));
        assert_eq!(j.note.as_deref(), Some("We shaped it"));
        type_keys(&mut app, "d", "10:30:00");
        assert!(app.session.ladder.is_empty());
        type_keys(&mut app, "<C-z><C-z>", "10:30:00");
        assert_eq!(app.session.ladder[0].rung, Rung::CoDesign);
        assert_eq!(app.session.ladder[0].note.as_deref(), Some("We shaped it"));
    }

    #[test]
    fn left_and_right_move_through_the_history() {
        let mut app = ladder_app();
        type_keys(&mut app, "r", "10:30:00");
        assert_eq!(shown(&app), Some(1));
        type_keys(&mut app, "<Left>", "10:30:00");
        assert_eq!(shown(&app), Some(0));
        type_keys(&mut app, "<Left>", "10:30:00");
        assert_eq!(app.status.as_deref(), Some("No judgement further that way"));
        type_keys(&mut app, "<Right>+", "10:30:00");
        assert_eq!(app.session.ladder[1].votes.get(&Rung::Coercion), Some(&1));
    }
}
