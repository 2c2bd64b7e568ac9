//! Which action each command of the keymap means. The keymap binds keys to
//! command names; this is the one table from names to actions, so the
//! keymap and the forms stay leaves that know nothing of the panes.

use super::keymap::{Keymap, Scope};
use super::keys::Key;
use super::{Action, Pane, agenda, balance, decisions, ladder};

/// The commands that work in every pane.
pub const GLOBAL: &[(&str, Action)] = &[
    ("help", Action::ToggleHelp),
    ("quit", Action::Quit),
    ("next_pane", Action::NextPane),
    ("previous_pane", Action::PrevPane),
    ("floor_key", Action::FloorKey),
    ("undo", Action::Undo),
    ("redo", Action::Redo),
    ("next_theme", Action::NextTheme),
    ("think", Action::Think),
    ("jargon_card", Action::JargonCard),
    ("slow_down", Action::SlowDown),
    ("round", Action::Round(super::round::RoundAction::Next)),
    ("end_round", Action::Round(super::round::RoundAction::End)),
    ("room_view", Action::ToggleRoom),
    ("close", Action::Close),
];

/// How far each of the help overlay's commands scrolls it, in lines.
pub const HELP: &[(&str, i32)] = &[
    ("scroll_up", -1),
    ("scroll_down", 1),
    ("page_up", -10),
    ("page_down", 10),
    ("top", i32::MIN / 2),
    ("bottom", i32::MAX / 2),
];

/// The commands a scope's bindings name, and the actions they mean; modes
/// whose commands are not actions (forms, help, the prompt, `follow`) have
/// none here.
pub fn table(scope: Scope) -> &'static [(&'static str, Action)] {
    match scope {
        Scope::Global => GLOBAL,
        Scope::Agenda => agenda::COMMANDS,
        Scope::Balance => balance::COMMANDS,
        Scope::Decisions => decisions::COMMANDS,
        Scope::Ladder => ladder::COMMANDS,
        Scope::Form | Scope::Help | Scope::Prompt | Scope::Resume | Scope::Follow => &[],
    }
}

/// The action a command of `scope` means.
pub fn action(scope: Scope, command: &str) -> Option<Action> {
    table(scope)
        .iter()
        .find(|(name, _)| *name == command)
        .map(|(_, action)| action.clone())
}

/// The action `key` means in `pane`: the pane's own binding first, then a
/// global one.
pub fn lookup(keymap: &Keymap, pane: Pane, key: Key) -> Option<Action> {
    [pane.scope(), Scope::Global].into_iter().find_map(|scope| {
        keymap
            .command(scope, key)
            .and_then(|command| action(scope, command))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command the shipped keymap binds is one the app knows, and
    /// every command the app knows has a binding.
    #[test]
    fn the_keymap_and_the_commands_name_the_same_things() {
        let keymap = Keymap::default();
        let known = |scope: Scope| -> Vec<&str> {
            match scope {
                Scope::Form => super::super::form::COMMANDS.to_vec(),
                Scope::Help => HELP.iter().map(|(n, _)| *n).collect(),
                Scope::Prompt => super::super::conflict::COMMANDS.to_vec(),
                Scope::Resume => super::super::resume::COMMANDS.to_vec(),
                Scope::Follow => crate::cli::follow::COMMANDS.to_vec(),
                scope => table(scope).iter().map(|(n, _)| *n).collect(),
            }
        };
        for scope in Scope::ALL {
            let bound: Vec<&str> = keymap.in_scope(scope).map(|b| b.command.as_str()).collect();
            assert_eq!(bound, known(scope), "{}", scope.name());
        }
    }

    #[test]
    fn pane_bindings_come_before_global_ones() {
        let keymap = Keymap::default();
        assert_eq!(
            lookup(&keymap, Pane::Balance, Key::char(' ')),
            Some(Action::SilenceFloor)
        );
        assert_eq!(lookup(&keymap, Pane::Agenda, Key::char(' ')), None);
        assert_eq!(
            lookup(&keymap, Pane::Ladder, Key::ctrl('c')),
            Some(Action::Quit)
        );
    }
}
