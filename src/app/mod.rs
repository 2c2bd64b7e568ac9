//! The app's state, the actions that change it, and the keymap. No terminal
//! code: the loop in `tui.rs` and `coproduce render` drive the same `update`.

pub mod agenda;
pub mod balance;
pub mod cards;
pub mod commands;
pub mod conflict;
pub mod decisions;
pub mod floor_key;
pub mod form;
pub mod keymap;
pub mod keys;
pub mod ladder;
#[cfg(test)]
mod offsets_tests;
pub mod peoples_time;
pub mod privacy;
pub mod resume;
pub mod round;
pub mod scope;
pub mod script;
#[cfg(test)]
pub mod testing;
pub mod undo;
mod update;
mod you_said;

pub use update::update;

use crate::session::{Session, Time, speaker_keys, stack};
use form::Form;
use keymap::Keymap;
use keys::Key;
use undo::UndoStack;

/// The four panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Agenda,
    Balance,
    Decisions,
    Ladder,
}

impl Pane {
    /// Every pane, in Tab order.
    pub const ALL: [Pane; 4] = [Pane::Agenda, Pane::Balance, Pane::Decisions, Pane::Ladder];

    /// The pane's name on screen.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Agenda => "Agenda",
            Pane::Balance => "Balance",
            Pane::Decisions => "Decisions",
            Pane::Ladder => "Ladder",
        }
    }

    /// The keymap scope of the pane's own commands.
    pub fn scope(self) -> keymap::Scope {
        match self {
            Pane::Agenda => keymap::Scope::Agenda,
            Pane::Balance => keymap::Scope::Balance,
            Pane::Decisions => keymap::Scope::Decisions,
            Pane::Ladder => keymap::Scope::Ladder,
        }
    }

    fn index(self) -> usize {
        Pane::ALL.iter().position(|&p| p == self).unwrap_or(0)
    }

    /// The pane `step` places on, wrapping around.
    pub fn step(self, step: isize) -> Pane {
        Pane::ALL[wrapped(self.index(), step, Pane::ALL.len())]
    }
}

/// `at` moved by `step` in a list of `len`, stopping at either end (0 when
/// the list is empty); how every selection moves with the arrows.
fn stepped(at: usize, step: isize, len: usize) -> usize {
    let last = len.saturating_sub(1);
    at.min(last).saturating_add_signed(step).min(last)
}

/// Where an entry at `at` moved by `step` goes in a list of `len`; `None`
/// when it is already at that end.
fn neighbour(at: usize, step: isize, len: usize) -> Option<usize> {
    at.checked_add_signed(step)
        .filter(|&to| to != at && to < len)
}

/// `at` moved by `step` in a list of `len` (not empty), going round from one
/// end to the other.
fn wrapped(at: usize, step: isize, len: usize) -> usize {
    (at as isize + step).rem_euclid(len as isize) as usize
}

/// Everything that can happen to the app: keys become actions through the
/// keymap; the clock ticking is an action too.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    NextPane,
    PrevPane,
    ToggleHelp,
    /// Scroll the help overlay by this many lines (negative: up).
    ScrollHelp(i32),
    /// Esc: close whatever is open.
    Close,
    Undo,
    Redo,
    NextTheme,
    /// Show or hide the room view, the screen for the projector.
    ToggleRoom,
    Quit,
    /// A signal (SIGTERM, SIGHUP) stops the app: close the open turn at the
    /// signal's time, then quit.
    Stop,
    /// Give the floor to the participant with this id.
    GiveFloor(String),
    /// Close the open turn: nobody has the floor.
    SilenceFloor,
    /// The floor key: the next key gives the floor from any pane (see
    /// [`floor_key`]).
    FloorKey,
    /// A key after the floor key that gives the floor to nobody.
    FloorCancel,
    /// Start a thinking time (a silent pause of the group's length), or end
    /// the one going on early.
    Think,
    /// The Agenda pane's own commands.
    Agenda(agenda::AgendaAction),
    /// Check-in and check-out rounds.
    Round(round::RoundAction),
    /// Mark the selected "you said, we did" item's action.
    YouSaid,
    /// The Balance pane's own commands.
    Balance(balance::BalanceAction),
    /// The Decisions pane's own commands.
    Decisions(decisions::DecisionAction),
    /// The Ladder pane's own commands.
    Ladder(ladder::LadderAction),
    /// A key typed into the open form.
    Type(Key),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The clock moved on; nothing else changed.
    Tick,
    /// A save did not reach the disk: tell the facilitator.
    SaveFailed(String),
    /// The meeting as saved nears what a session file may hold: tell the
    /// facilitator (the warning given at open, given again as it grows).
    SizeWarning(String),
    /// The file on disk: changed under the app, saved again, reloaded…
    Disk(conflict::DiskAction),
    /// The answer to "the record stopped long ago with things open".
    Resume(resume::Resume),
    /// A jargon card: a form for the word, logged against the floor.
    JargonCard,
    /// A slow-down card, logged against the floor.
    SlowDown,
    /// The earlier meetings in the folder, read off the UI thread once the
    /// first frame was drawn: the ladder's trend.
    EarlierMeetings(crate::session::trend::Trend),
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Read the session file again as it is on disk now.
    Reload,
    /// Write the meeting to a new file beside the session file.
    KeepMine,
    /// Write the meeting to this new file, then quit.
    WriteAndQuit(std::path::PathBuf),
}

/// What a form is for: the pane that asked for it and what it will change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    Agenda(agenda::AgendaForm),
    Balance(balance::BalanceForm),
    Decisions(decisions::DecisionForm),
    Ladder(ladder::LadderForm),
    Round(round::RoundForm),
    /// The mark on the action of the agenda item with this id.
    YouSaid(String),
    /// Where to write a meeting that cannot be saved.
    Disk(conflict::DiskForm),
    /// The word on a jargon card, or its meaning.
    Cards(cards::CardForm),
    /// A form that changes nothing, for tests.
    #[cfg(test)]
    Test,
}

/// A layer drawn over the pane.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help,
    /// A form being filled in; boxed as it is much larger than `Help`.
    Form(Box<Form<Purpose>>),
}

/// The whole state of a running meeting.
#[derive(Debug, Clone)]
pub struct App {
    pub session: Session,
    pub pane: Pane,
    pub overlay: Option<Overlay>,
    /// The latest time `update` was given: what the screen shows.
    pub now: Time,
    /// Goes up with every change to the session (undo included); the saver
    /// writes whenever it differs from the last one saved.
    pub revision: u64,
    /// One line for the facilitator about the last key (undone, refused…).
    pub status: Option<String>,
    pub keymap: Keymap,
    /// Names of the themes to cycle through, and which one is in use.
    pub theme_names: Vec<String>,
    pub theme: usize,
    /// Whether the room view is shown instead of the pane.
    pub room: bool,
    /// How far the help overlay is scrolled down, in lines.
    pub help_scroll: u16,
    /// The floor key was pressed: the next key says who gets the floor.
    pub floor_key: bool,
    /// What each pane has selected.
    pub agenda: agenda::AgendaView,
    pub balance: balance::BalanceView,
    pub decisions: decisions::DecisionsView,
    pub ladder: ladder::LadderView,
    /// Saves that did not happen and what to do about them.
    pub disk: conflict::DiskState,
    /// The record stopped long ago with something open: asked on opening.
    pub resume: Option<resume::Stale>,
    undo: UndoStack,
}

impl App {
    /// An app on `session` at `now`. Participants without a key are given
    /// one; that is written to the file only with the first real change.
    pub fn new(session: Session, now: Time, theme_names: Vec<String>, theme: usize) -> App {
        App::with_keymap(session, now, theme_names, theme, Keymap::default())
    }

    /// An app on `session` at `now` whose keys are `keymap`.
    pub fn with_keymap(
        mut session: Session,
        now: Time,
        theme_names: Vec<String>,
        theme: usize,
        keymap: Keymap,
    ) -> App {
        speaker_keys::assign_missing(&mut session, |c| {
            commands::lookup(&keymap, Pane::Balance, Key::char(c)).is_some()
        });
        put_stack_in_order(&mut session, now);
        let agenda_view = agenda::AgendaView::on(&session);
        App {
            session,
            pane: Pane::Agenda,
            overlay: None,
            now,
            revision: 0,
            status: None,
            keymap,
            theme_names,
            theme,
            room: false,
            help_scroll: 0,
            floor_key: false,
            agenda: agenda_view,
            balance: Default::default(),
            decisions: Default::default(),
            ladder: Default::default(),
            disk: conflict::DiskState {
                rescue_folder: conflict::default_rescue_folder(),
                ..Default::default()
            },
            resume: None,
            undo: UndoStack::default(),
        }
    }

    /// The name of the theme in use.
    pub fn theme_name(&self) -> &str {
        self.theme_names.get(self.theme).map_or("", String::as_str)
    }

    /// The action a key means in `pane` by the keymap: the pane's own
    /// binding first, then a global one.
    pub fn lookup(&self, pane: Pane, key: Key) -> Option<Action> {
        commands::lookup(&self.keymap, pane, key)
    }

    /// The bindings that work in `pane`, the pane's own first.
    pub fn bindings_for(&self, pane: Pane) -> impl Iterator<Item = &keymap::Binding> {
        let own = self.keymap.in_scope(pane.scope());
        own.chain(self.keymap.in_scope(keymap::Scope::Global))
    }

    /// The key that does `command` (of `scope`), as messages name it.
    pub fn key_name(&self, scope: keymap::Scope, command: &str) -> String {
        self.keymap.label(scope, command)
    }

    /// The key that does a global command, as messages name it (`Ctrl-Z`).
    pub fn global_key(&self, command: &str) -> String {
        self.key_name(keymap::Scope::Global, command)
    }

    /// The action a key means here, if any: the keymap first, then, in the
    /// Balance pane, a participant's own key.
    pub fn action_for(&self, key: Key) -> Option<Action> {
        let quit = || (self.lookup(self.pane, key) == Some(Action::Quit)).then_some(Action::Quit);
        if let Some(Overlay::Form(_)) = self.overlay {
            // A form takes every key but quitting.
            return quit().or(Some(Action::Type(key)));
        }
        if self.disk.conflict.is_some() {
            return conflict::prompt_action(self, key);
        }
        if self.resume.is_some() {
            return resume::prompt_action(self, key);
        }
        if self.overlay.is_some() {
            // The help overlay is read, not typed into: its keys scroll it
            // and any other key closes it.
            let scroll = self.keymap.command(keymap::Scope::Help, key).and_then(|c| {
                commands::HELP
                    .iter()
                    .find(|(name, _)| *name == c)
                    .map(|(_, n)| *n)
            });
            if let Some(lines) = scroll {
                return Some(Action::ScrollHelp(lines));
            }
            return match self.lookup(self.pane, key) {
                Some(action @ (Action::ToggleHelp | Action::Close | Action::Quit)) => Some(action),
                _ => Some(Action::Close),
            };
        }
        if self.floor_key {
            // After the floor key, the next key is a person's, quitting aside.
            return match self.lookup(self.pane, key) {
                Some(Action::Quit) => Some(Action::Quit),
                _ => Some(floor_key::after_floor_key(self, key)),
            };
        }
        let balance = self.pane == Pane::Balance;
        if balance && self.balance.hand_next {
            // After `+`, the next key is a person's (or cancels), quitting aside.
            return quit().or_else(|| balance::person_key(self, key));
        }
        if let Some(action) = self.lookup(self.pane, key) {
            return Some(action);
        }
        balance.then(|| balance::person_key(self, key)).flatten()
    }

    /// The form being filled in, if one is open.
    pub fn form(&self) -> Option<&Form<Purpose>> {
        match &self.overlay {
            Some(Overlay::Form(form)) => Some(form),
            _ => None,
        }
    }

    /// Opens `form` over the pane.
    fn open_form(&mut self, form: Form<Purpose>) {
        self.overlay = Some(Overlay::Form(Box::new(form)));
    }

    /// Makes a change to the session that can be undone (`label` says what
    /// it was, in the status line after an undo), touching only what
    /// `reach` says of the session's long lists: the undo step and the
    /// saver's hand-over then cost what the change touched, however long
    /// the meeting.
    fn change_in(&mut self, label: String, reach: undo::Reach, edit: impl FnOnce(&mut Session)) {
        if self.undo.change(label, &mut self.session, reach, edit) {
            self.revision += 1;
        }
    }

    /// The changes to hand the saver since it was last handed them, to play
    /// on its copy; `None` when it must be handed the whole session.
    pub fn handed_over(&mut self) -> Option<Vec<undo::Patch>> {
        self.undo.handed_over()
    }
}

/// The stack as the setting orders it, whatever order the file lists it in,
/// so the pane shows and Enter calls the right person; like speaker keys,
/// written to the file only with the first real change.
fn put_stack_in_order(session: &mut Session, now: Time) {
    let (secs, _) = crate::session::balance::spoken(session, now);
    let mut hands = session.stack.clone();
    let spoken = stack::spoken_by_id(session, &secs);
    stack::in_calling_order(&mut hands, session.settings.stack_order(), spoken);
    session.stack = hands;
}

#[cfg(test)]
mod cards_tests;
#[cfg(test)]
mod earlier_tests;
#[cfg(test)]
mod keys_property;
#[cfg(test)]
mod practice_tests;
#[cfg(test)]
mod record_tests;
#[cfg(test)]
mod tests;
