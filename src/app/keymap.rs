//! Keys are data: each binding has the keys as a user would type them and a
//! description, so the footer and the help overlay can never drift from what
//! the keys really do. Bindings are looked up per pane, then global.

use super::keys::{Key, parse_key};
use super::{Action, Pane, agenda, balance, decisions, ladder};

/// Where a binding works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every pane.
    Global,
    /// One pane only.
    Pane(Pane),
}

/// One command with its keys and what it does, in the facilitator's words.
#[derive(Debug, Clone)]
pub struct Binding {
    pub scope: Scope,
    pub keys: Vec<Key>,
    pub action: Action,
    pub description: &'static str,
    /// Shown in the footer (else only in the help overlay).
    pub in_footer: bool,
}

/// A pane's own binding as its module writes it: keys as a user types
/// them, the action, what it does, and whether the footer shows it.
pub type PaneKey = (&'static [&'static str], Action, &'static str, bool);

/// Each pane's own bindings, kept beside the pane's commands.
const PANE_KEYS: [(Pane, &[PaneKey]); 4] = [
    (Pane::Agenda, agenda::KEYS),
    (Pane::Balance, balance::KEYS),
    (Pane::Decisions, decisions::KEYS),
    (Pane::Ladder, ladder::KEYS),
];

/// The bindings that work in every pane, written the way a user types keys.
/// They are never plain letters or digits: those belong to people in the
/// Balance pane.
const GLOBAL: &[(Scope, &[&str], Action, &str, bool)] = &[
    (
        Scope::Global,
        &["?", "<F1>"],
        Action::ToggleHelp,
        "help",
        true,
    ),
    (
        Scope::Global,
        &["<C-q>", "<C-c>"],
        Action::Quit,
        "quit",
        true,
    ),
    (
        Scope::Global,
        &["<Tab>"],
        Action::NextPane,
        "next pane",
        true,
    ),
    (
        Scope::Global,
        &["<S-Tab>"],
        Action::PrevPane,
        "previous pane",
        true,
    ),
    (Scope::Global, &["<C-z>"], Action::Undo, "undo", true),
    (Scope::Global, &["<C-y>"], Action::Redo, "redo", false),
    (
        Scope::Global,
        &["<C-t>"],
        Action::NextTheme,
        "next theme",
        false,
    ),
    (
        Scope::Global,
        &["<F2>", "<C-r>"],
        Action::ToggleRoom,
        "room view",
        true,
    ),
    (
        Scope::Global,
        &["<F3>"],
        Action::Think,
        "thinking time: a silent pause (again: end it early)",
        true,
    ),
    (
        Scope::Global,
        &["<Esc>"],
        Action::Close,
        "close / cancel",
        false,
    ),
];

/// The bindings in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let own = PANE_KEYS.iter().flat_map(|(pane, keys)| {
            keys.iter()
                .map(|(k, a, d, f)| (Scope::Pane(*pane), *k, a, *d, *f))
        });
        let global = GLOBAL.iter().map(|(s, k, a, d, f)| (*s, *k, a, *d, *f));
        let bindings = own
            .chain(global)
            .map(|(scope, keys, action, description, in_footer)| Binding {
                scope,
                keys: keys
                    .iter()
                    .map(|k| parse_key(k).expect("default keymap keys are valid"))
                    .collect(),
                action: action.clone(),
                description,
                in_footer,
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action a key means in `pane`: the pane's own binding first.
    pub fn lookup(&self, pane: Pane, key: Key) -> Option<Action> {
        let find = |scope: Scope| {
            self.bindings
                .iter()
                .find(|b| b.scope == scope && b.keys.contains(&key))
                .map(|b| b.action.clone())
        };
        find(Scope::Pane(pane)).or_else(|| find(Scope::Global))
    }

    /// The bindings that work in `pane`, the pane's own first.
    pub fn for_pane(&self, pane: Pane) -> impl Iterator<Item = &Binding> {
        let own = self
            .bindings
            .iter()
            .filter(move |b| b.scope == Scope::Pane(pane));
        own.chain(self.bindings.iter().filter(|b| b.scope == Scope::Global))
    }

    /// Every binding of a scope, for the help overlay.
    pub fn in_scope(&self, scope: Scope) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.scope == scope)
    }

    /// How many bindings there are.
    pub fn len(&self) -> usize {
        self.bindings.len()
    }

    /// Whether there are no bindings at all.
    pub fn is_empty(&self) -> bool {
        self.bindings.is_empty()
    }

    /// The keys of the first binding for `action` in `pane` or everywhere,
    /// as the footer shows them, for text that tells the facilitator a key.
    pub fn keys_for(&self, pane: Pane, action: &Action) -> String {
        self.for_pane(pane)
            .find(|b| b.action == *action)
            .map_or_else(String::new, keys_label)
    }

    /// Whether a key is taken by a command in `pane` or everywhere, so that
    /// people's keys never shadow one.
    pub fn is_taken(&self, pane: Pane, key: Key) -> bool {
        self.lookup(pane, key).is_some()
    }
}

/// The keys of a binding as the footer and help show them: `?/F1`.
pub fn keys_label(binding: &Binding) -> String {
    let names: Vec<String> = binding.keys.iter().map(Key::to_string).collect();
    names.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pane_bindings_come_before_global_ones() {
        let keymap = Keymap::default();
        assert_eq!(
            keymap.lookup(Pane::Balance, Key::char(' ')),
            Some(Action::SilenceFloor)
        );
        assert_eq!(keymap.lookup(Pane::Agenda, Key::char(' ')), None);
        assert_eq!(
            keymap.lookup(Pane::Ladder, Key::ctrl('c')),
            Some(Action::Quit)
        );
    }

    #[test]
    fn no_global_key_is_a_plain_letter_or_digit() {
        let keymap = Keymap::default();
        for binding in keymap.in_scope(Scope::Global) {
            for key in &binding.keys {
                let plain_alnum = matches!(key.code, super::super::keys::KeyCode::Char(c) if c.is_alphanumeric())
                    && !key.ctrl
                    && !key.alt;
                assert!(!plain_alnum, "{key} is global");
            }
        }
    }
}
