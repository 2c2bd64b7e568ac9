//! Keys are data: every command of every mode (the panes, forms, the help
//! overlay, the changed-on-disk prompt, `follow`) is bound in a YAML file
//! embedded in the binary (`keymap.yaml`), written as a user types keys. A
//! user's keymap file is laid over it, scope by scope. Every text that names
//! a key asks [`Keymap::label`], so a remap changes every hint at once.
//!
//! This module knows keys and command names only: which action a command
//! name means is `app::commands`' business.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_yaml::Value;

use super::keys::{Key, KeyCode, parse_key};
use crate::session::locate::{Pos, Spans, locate};
use crate::session::problem::printable_path;

/// The default keymap, as shipped.
pub const DEFAULT_KEYMAP: &str = include_str!("keymap.yaml");

/// Where a binding works: everywhere, one pane, or one mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Every pane (a pane's own binding of the same key comes first).
    Global,
    Agenda,
    Balance,
    Decisions,
    Ladder,
    /// While a form is open.
    Form,
    /// While the help overlay is open.
    Help,
    /// While the changed-on-disk question is asked.
    Prompt,
    /// While the question on a record that stopped long ago is asked.
    Resume,
    /// `coproduce follow`.
    Follow,
}

impl Scope {
    /// Every scope, in the order the file and `coproduce keys` list them.
    pub const ALL: [Scope; 10] = [
        Scope::Global,
        Scope::Agenda,
        Scope::Balance,
        Scope::Decisions,
        Scope::Ladder,
        Scope::Form,
        Scope::Help,
        Scope::Prompt,
        Scope::Resume,
        Scope::Follow,
    ];

    /// The scope's name in a keymap file.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::Agenda => "agenda",
            Scope::Balance => "balance",
            Scope::Decisions => "decisions",
            Scope::Ladder => "ladder",
            Scope::Form => "form",
            Scope::Help => "help",
            Scope::Prompt => "prompt",
            Scope::Resume => "resume",
            Scope::Follow => "follow",
        }
    }

    fn named(name: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether this scope's keys are looked up after a pane's own, so that
    /// a plain letter bound here would take a person's key in Balance.
    fn is_pane(self) -> bool {
        matches!(
            self,
            Scope::Agenda | Scope::Balance | Scope::Decisions | Scope::Ladder
        )
    }
}

/// One command with its keys and what it does, in the facilitator's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub scope: Scope,
    /// The command's name in the keymap file (`next_pane`).
    pub command: String,
    pub keys: Vec<Key>,
    pub description: String,
    /// What it does in full, for the help overlay and the README (the
    /// description when the keymap gives no more).
    pub about: String,
    /// Shown in the footer (else only in the help overlay).
    pub in_footer: bool,
}

/// A keymap file that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{}:{}: {message}", printable_path(file), at.line, at.col)]
pub struct KeymapError {
    /// The keymap file.
    pub file: PathBuf,
    /// Where in it.
    pub at: Pos,
    /// What is wrong, in words a facilitator knows.
    pub message: String,
}

/// The bindings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::defaults().expect("the embedded keymap is valid (a test loads it)")
    }
}

/// Reads a keymap file's text: a mapping of scopes, each a mapping of
/// commands. `each` is given every command with its value and place.
fn read_scopes(
    text: &str,
    file: &Path,
    mut each: impl FnMut(Scope, &str, &Value, &Spans, &str) -> Result<(), KeymapError>,
) -> Result<(), KeymapError> {
    let error = |at: Pos, message: String| KeymapError {
        file: file.to_path_buf(),
        at,
        message,
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let spans = locate(text).map_err(|problems| {
        let first = problems.into_iter().next();
        let at = first.as_ref().map_or(Pos::START, |p| Pos {
            line: u32::try_from(p.line).unwrap_or(u32::MAX),
            col: u32::try_from(p.col).unwrap_or(u32::MAX),
        });
        error(at, first.map_or_else(String::new, |p| p.message))
    })?;
    let value: Value = serde_yaml::from_str(text).map_err(|e| {
        let at = e.location().map_or(Pos::START, |l| Pos {
            line: u32::try_from(l.line()).unwrap_or(u32::MAX),
            col: u32::try_from(l.column()).unwrap_or(u32::MAX),
        });
        error(at, e.to_string())
    })?;
    let scopes = match value {
        Value::Null => return Ok(()),
        Value::Mapping(scopes) => scopes,
        _ => {
            return Err(error(
                Pos::START,
                "a keymap file is a list of scopes: global, agenda, …".into(),
            ));
        }
    };
    for (name, commands) in &scopes {
        let name = name.as_str().unwrap_or_default();
        let scope = Scope::named(name).ok_or_else(|| {
            let known: Vec<&str> = Scope::ALL.iter().map(|s| s.name()).collect();
            error(
                spans.key_or_near(name),
                format!(
                    "'{}' is not a scope; use {}",
                    crate::text::one_line(name),
                    known.join(", ")
                ),
            )
        })?;
        let commands = match commands {
            Value::Null => continue,
            Value::Mapping(commands) => commands,
            _ => {
                return Err(error(
                    spans.value_or_near(name),
                    format!("'{name}' holds commands, each with its keys: next_pane: [\"<Tab>\"]"),
                ));
            }
        };
        for (command, value) in commands {
            let command = command.as_str().unwrap_or_default();
            let path = format!("{name}.{command}");
            each(scope, command, value, &spans, &path)?;
        }
    }
    Ok(())
}

/// The keys written at `path` (a list of strings), parsed.
fn keys_at(value: &Value, spans: &Spans, path: &str, file: &Path) -> Result<Vec<Key>, KeymapError> {
    let error = |at: Pos, message: String| KeymapError {
        file: file.to_path_buf(),
        at,
        message,
    };
    let Value::Sequence(list) = value else {
        return Err(error(
            spans.value_or_near(path),
            "write the keys as a list: [\"<F6>\"] or [\"?\", \"<F1>\"]".into(),
        ));
    };
    list.iter()
        .enumerate()
        .map(|(i, key)| {
            let at = spans.value_or_near(&format!("{path}[{i}]"));
            let text = key
                .as_str()
                .ok_or_else(|| error(at, "a key is written in quotes: \"<F6>\"".into()))?;
            parse_key(text).map_err(|e| error(at, crate::text::one_line(&e.to_string()).into()))
        })
        .collect()
}

impl Keymap {
    /// The embedded default keymap.
    ///
    /// # Errors
    /// Only if the shipped file is broken.
    pub fn defaults() -> Result<Keymap, KeymapError> {
        let file = Path::new("keymap.yaml");
        let mut bindings = Vec::new();
        read_scopes(
            DEFAULT_KEYMAP,
            file,
            |scope, command, value, spans, path| {
                let field = |name: &str| value.get(name);
                let keys = keys_at(
                    field("keys").unwrap_or(&Value::Null),
                    spans,
                    &format!("{path}.keys"),
                    file,
                )?;
                let description = field("desc").and_then(Value::as_str).unwrap_or(command);
                bindings.push(Binding {
                    scope,
                    command: command.to_owned(),
                    keys,
                    description: description.to_owned(),
                    about: field("about")
                        .and_then(Value::as_str)
                        .unwrap_or(description)
                        .to_owned(),
                    in_footer: field("footer").and_then(Value::as_bool).unwrap_or(false),
                });
                Ok(())
            },
        )?;
        let keymap = Keymap { bindings };
        keymap.check(&Spans::default(), file)?;
        Ok(keymap)
    }

    /// This keymap with the user's file `text` (read from `file`) laid over
    /// it: each command named there gets the keys written there instead.
    ///
    /// # Errors
    /// The file is not a keymap, names a scope or command that does not
    /// exist, writes a key that is not one, binds two commands of one scope
    /// to one key, or binds a plain letter or digit everywhere.
    pub fn with_user_file(mut self, text: &str, file: &Path) -> Result<Keymap, KeymapError> {
        let mut spans_seen = Spans::default();
        read_scopes(text, file, |scope, command, value, spans, path| {
            spans_seen = spans.clone();
            // The user's file may write the keys alone, or with `keys:`.
            let keys_value = match value {
                Value::Mapping(map) => map.get(Value::from("keys")).cloned().unwrap_or(Value::Null),
                other => other.clone(),
            };
            let keys_path = match value {
                Value::Mapping(_) => format!("{path}.keys"),
                _ => path.to_owned(),
            };
            let keys = keys_at(&keys_value, spans, &keys_path, file)?;
            let found = self
                .bindings
                .iter()
                .position(|b| b.scope == scope && b.command == command);
            let index = found.ok_or_else(|| {
                let known: Vec<&str> = self
                    .bindings
                    .iter()
                    .filter(|b| b.scope == scope)
                    .map(|b| b.command.as_str())
                    .collect();
                let hint = crate::session::problem::suggest(command, &known)
                    .map(|s| format!(" (did you mean '{s}'?)"))
                    .unwrap_or_default();
                KeymapError {
                    file: file.to_path_buf(),
                    at: spans.key_or_near(path),
                    message: format!(
                        "'{}' is not a command in {}{hint}; `coproduce keys` lists them",
                        crate::text::one_line(command),
                        scope.name()
                    ),
                }
            })?;
            self.bindings[index].keys = keys;
            Ok(())
        })?;
        self.check(&spans_seen, file)?;
        Ok(self)
    }

    /// Refuses two commands on one key in one scope (or a pane's key that
    /// hides a global one), and a plain letter or digit bound globally.
    fn check(&self, spans: &Spans, file: &Path) -> Result<(), KeymapError> {
        let at = |b: &Binding| spans.key_or_near(&format!("{}.{}", b.scope.name(), b.command));
        let error = |b: &Binding, message: String| KeymapError {
            file: file.to_path_buf(),
            at: at(b),
            message,
        };
        for (i, b) in self.bindings.iter().enumerate() {
            for key in &b.keys {
                if b.scope == Scope::Global && is_plain_alnum(*key) {
                    return Err(error(
                        b,
                        format!(
                            "global.{}: {key} is a plain letter or digit, which is a person's key in the Balance pane; use an F-key, Ctrl or punctuation",
                            b.command
                        ),
                    ));
                }
                let clash = self.bindings[..i].iter().find(|other| {
                    other.keys.contains(key)
                        && (other.scope == b.scope
                            || (other.scope == Scope::Global && b.scope.is_pane())
                            || (b.scope == Scope::Global && other.scope.is_pane()))
                });
                if let Some(other) = clash {
                    return Err(error(
                        b,
                        format!(
                            "{key} is bound to both {}.{} and {}.{}; one key does one thing",
                            other.scope.name(),
                            other.command,
                            b.scope.name(),
                            b.command
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// The command `key` means in `scope` itself (no fallback to global).
    pub fn command(&self, scope: Scope, key: Key) -> Option<&str> {
        self.bindings
            .iter()
            .find(|b| b.scope == scope && b.keys.contains(&key))
            .map(|b| b.command.as_str())
    }

    /// Every binding of a scope, in the file's order.
    pub fn in_scope(&self, scope: Scope) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.scope == scope)
    }

    /// The keys bound to `command` in `scope` (none if it is unbound).
    pub fn keys_for(&self, scope: Scope, command: &str) -> &[Key] {
        self.bindings
            .iter()
            .find(|b| b.scope == scope && b.command == command)
            .map_or(&[], |b| b.keys.as_slice())
    }

    /// The first key of `command` as messages name it (`Ctrl-Z`), or
    /// `(no key)` when the user's keymap leaves it unbound.
    pub fn label(&self, scope: Scope, command: &str) -> String {
        self.keys_for(scope, command)
            .first()
            .map_or_else(|| "(no key)".to_owned(), Key::to_string)
    }

    /// Every key of `command`, as the footer and help show them: `?/F1`.
    pub fn labels(&self, scope: Scope, command: &str) -> String {
        keys_label(self.keys_for(scope, command))
    }

    /// How many bindings there are.
    pub fn len(&self) -> usize {
        self.bindings.len()
    }

    /// Whether there are no bindings at all.
    pub fn is_empty(&self) -> bool {
        self.bindings.is_empty()
    }

    /// The keymap as a keymap file (every scope, command and key, with what
    /// each does), for `coproduce keys` and the README.
    pub fn to_file(&self) -> String {
        let mut out = String::new();
        for scope in Scope::ALL {
            out.push_str(scope.name());
            out.push_str(":\n");
            for b in self.in_scope(scope) {
                let keys: Vec<String> = b
                    .keys
                    .iter()
                    .map(|k| format!("{:?}", notation(*k)))
                    .collect();
                out.push_str(&format!(
                    "  {}: [{}]  # {}\n",
                    b.command,
                    keys.join(", "),
                    b.description
                ));
            }
        }
        out
    }

    /// The keymap as Markdown tables, one a scope, as the README shows it.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for scope in Scope::ALL {
            out.push_str(&format!(
                "#### `{}`\n\n| Keys | What it does |\n| --- | --- |\n",
                scope.name()
            ));
            for b in self.in_scope(scope) {
                let keys: Vec<String> =
                    b.keys.iter().map(|k| format!("`{}`", md_key(*k))).collect();
                out.push_str(&format!(
                    "| {} | {} |\n",
                    keys.join(" "),
                    b.about.replace('|', "\\|")
                ));
            }
            out.push('\n');
        }
        out
    }
}

fn is_plain_alnum(key: Key) -> bool {
    matches!(key.code, KeyCode::Char(c) if c.is_alphanumeric()) && !key.ctrl && !key.alt
}

/// A key in a Markdown table cell: the pipe would end the cell.
fn md_key(key: Key) -> String {
    key.to_string().replace('|', "\\|")
}

/// A key as a keymap file writes it: `<C-q>`, `?`, `<lt>`.
pub fn notation(key: Key) -> String {
    struct Notation(Key);
    impl fmt::Display for Notation {
        fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
            let key = self.0;
            let name = match key.code {
                KeyCode::Char('<') => Some("lt".to_owned()),
                KeyCode::Char(' ') => Some("Space".to_owned()),
                KeyCode::Char(c) if key.ctrl || key.alt => Some(c.to_string()),
                KeyCode::Char(c) => return write!(f, "{c}"),
                KeyCode::Tab => Some("Tab".into()),
                KeyCode::BackTab => Some("S-Tab".into()),
                KeyCode::Enter => Some("Enter".into()),
                KeyCode::Esc => Some("Esc".into()),
                KeyCode::Backspace => Some("BS".into()),
                KeyCode::Delete => Some("Del".into()),
                KeyCode::F(n) => Some(format!("F{n}")),
                code => Some(format!("{code:?}")),
            };
            let prefix = match (key.ctrl, key.alt) {
                (true, _) => "C-",
                (false, true) => "A-",
                _ => "",
            };
            write!(f, "<{prefix}{}>", name.unwrap_or_default())
        }
    }
    Notation(key).to_string()
}

/// The keys of a binding as the footer and help show them: `?/F1`.
pub fn keys_label(keys: &[Key]) -> String {
    let names: Vec<String> = keys.iter().map(Key::to_string).collect();
    names.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(text: &str) -> Result<Keymap, KeymapError> {
        Keymap::default().with_user_file(text, Path::new("keys.yaml"))
    }

    #[test]
    fn the_embedded_keymap_loads_and_round_trips_through_its_notation() {
        let keymap = Keymap::defaults().unwrap();
        assert!(keymap.len() > 60);
        for b in &keymap.bindings {
            assert!(
                !b.keys.is_empty(),
                "{}.{} has no key",
                b.scope.name(),
                b.command
            );
            for key in &b.keys {
                assert_eq!(parse_key(&notation(*key)), Ok(*key), "{key}");
            }
        }
        assert_eq!(keymap.label(Scope::Global, "undo"), "Ctrl-Z");
        assert_eq!(keymap.labels(Scope::Global, "help"), "?/F1");
    }

    #[test]
    fn a_user_file_rebinds_a_command_and_every_label_follows() {
        let keymap = user("global:\n  next_pane: [\"<F12>\"]\n").unwrap();
        assert_eq!(keymap.label(Scope::Global, "next_pane"), "F12");
        assert_eq!(
            keymap.command(Scope::Global, parse_key("<F12>").unwrap()),
            Some("next_pane")
        );
        assert_eq!(
            keymap.command(Scope::Global, parse_key("<Tab>").unwrap()),
            None
        );
        let keymap = user("form:\n  save: { keys: [\"<C-w>\"] }\n").unwrap();
        assert_eq!(keymap.labels(Scope::Form, "save"), "Ctrl-W");
    }

    #[test]
    fn a_conflicting_or_broken_file_is_refused_with_its_line() {
        let clash = user("# mine\nagenda:\n  next_item: [\"s\"]\n").unwrap_err();
        assert_eq!((clash.at.line, clash.at.col), (3, 3), "{clash}");
        assert!(
            clash
                .to_string()
                .starts_with("keys.yaml:3:3: s is bound to both agenda.start and agenda.next_item"),
            "{clash}"
        );
        let hides = user("global:\n  undo: [\"<Enter>\"]\n").unwrap_err();
        assert!(hides.to_string().contains("balance.call_next"), "{hides}");
        let letter = user("global:\n  help: [\"h\"]\n").unwrap_err();
        assert!(letter.to_string().contains("person's key"), "{letter}");
        let unknown = user("global:\n  nxt_pane: [\"<F6>\"]\n").unwrap_err();
        assert!(
            unknown.to_string().contains("did you mean 'next_pane'"),
            "{unknown}"
        );
        assert_eq!(unknown.at.line, 2);
        let bad_key = user("global:\n  help: [\"<Hyper-x>\"]\n").unwrap_err();
        assert_eq!((bad_key.at.line, bad_key.at.col), (2, 10), "{bad_key}");
        let scope = user("panes:\n  help: []\n").unwrap_err();
        assert!(scope.to_string().contains("is not a scope"), "{scope}");
        let syntax = user("global: [\n").unwrap_err();
        assert_eq!(syntax.at.line, 2, "{syntax}");
    }

    #[test]
    fn the_file_written_by_to_file_reads_back_as_the_same_keymap() {
        let keymap = user("global:\n  next_pane: [\"<F12>\", \"<lt>\"]\n").unwrap();
        assert_eq!(
            Keymap::default().with_user_file(&keymap.to_file(), Path::new("k")),
            Ok(keymap)
        );
    }
}
