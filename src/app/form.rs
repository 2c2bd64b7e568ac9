//! Forms: the facilitator types titles, names, time boxes and notes into
//! fields with real text entry (ratatui-textarea: cursor movement, word
//! keys, paste, Unicode). A form carries its purpose (`P`, the app's
//! `Purpose`: which pane asked and what it will change) without knowing the
//! panes: saving hands the form to that pane's `submit`, which reads its
//! fields by name into a typed struct and makes the change or says what is
//! wrong, and then the form stays open with the message and nothing is saved.

use chrono::NaiveDate;
use ratatui_textarea::{CursorMove, Input, Key as TextKey, TextArea};

use super::keys::{Key, KeyCode};
use crate::session::model::Session;

/// One of the values a choice field offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the pane's `submit` receives.
    pub value: String,
    /// What the facilitator reads.
    pub label: String,
}

impl Choice {
    /// A choice of `value`, read as `label`.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
        }
    }
}

/// Everyone in the meeting as choices, by name, valued by id.
pub(super) fn participant_choices(session: &Session) -> Vec<Choice> {
    session
        .participants
        .iter()
        .map(|p| Choice::new(p.id.as_str(), p.name.as_str()))
        .collect()
}

/// The agenda items as choices by title, valued by id, after an empty-valued
/// choice read as `none` for belonging to no item.
pub(super) fn item_choices(session: &Session, none: &str) -> Vec<Choice> {
    let items = session
        .agenda
        .iter()
        .map(|i| Choice::new(i.id.as_str(), i.title.as_str()));
    std::iter::once(Choice::new("", none))
        .chain(items)
        .collect()
}

/// How a field takes its value.
#[derive(Debug, Clone)]
pub enum FieldKind {
    /// One line of text; Enter saves the form.
    Line,
    /// Several lines (notes); Enter starts a new line.
    Lines,
    /// One of a fixed list, moved through with Left and Right.
    Choice {
        options: Vec<Choice>,
        selected: usize,
    },
}

/// A labelled field.
#[derive(Debug, Clone)]
pub struct Field {
    pub label: String,
    /// A word on what to type ("minutes", "YYYY-MM-DD, optional").
    pub hint: String,
    pub kind: FieldKind,
    pub text: TextArea<'static>,
}

impl Field {
    /// The field's value: the text with surrounding spaces trimmed (lines
    /// kept for notes), or the chosen option's value.
    pub fn value(&self) -> String {
        match &self.kind {
            FieldKind::Choice { options, selected } => options
                .get(*selected)
                .map(|c| c.value.clone())
                .unwrap_or_default(),
            FieldKind::Line => self.text.lines().join(" ").trim().to_owned(),
            FieldKind::Lines => self.text.lines().join("\n").trim().to_owned(),
        }
    }

    /// The label of the chosen option, for drawing.
    pub fn chosen_label(&self) -> Option<&str> {
        match &self.kind {
            FieldKind::Choice { options, selected } => {
                options.get(*selected).map(|c| c.label.as_str())
            }
            _ => None,
        }
    }
}

/// An open form, for `purpose`.
#[derive(Debug, Clone)]
pub struct Form<P> {
    pub title: String,
    pub fields: Vec<Field>,
    /// The field keys go to.
    pub focus: usize,
    /// Why the last save was refused, shown until the next key.
    pub error: Option<String>,
    pub purpose: P,
}

/// What a key did to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still typing.
    Stay,
    /// Save the values.
    Submit,
    /// Close without any change.
    Cancel,
}

/// The form's commands by their names in the keymap's `form` scope.
pub const COMMANDS: &[&str] = &[
    "save_field",
    "save",
    "next_field",
    "previous_field",
    "cancel",
];

impl<P> Form<P> {
    /// An empty form with `title`, for `purpose`.
    pub fn new(title: impl Into<String>, purpose: P) -> Form<P> {
        Form {
            title: title.into(),
            fields: Vec::new(),
            focus: 0,
            error: None,
            purpose,
        }
    }

    fn with_field(mut self, label: &str, hint: &str, kind: FieldKind, initial: &str) -> Form<P> {
        let lines: Vec<String> = match kind {
            FieldKind::Lines => initial.split('\n').map(str::to_owned).collect(),
            _ => vec![initial.replace('\n', " ")],
        };
        let mut text = TextArea::new(lines);
        text.move_cursor(CursorMove::Bottom);
        text.move_cursor(CursorMove::End);
        self.fields.push(Field {
            label: label.to_owned(),
            hint: hint.to_owned(),
            kind,
            text,
        });
        self
    }

    /// Adds a one-line text field holding `initial`.
    pub fn line(self, label: &str, hint: &str, initial: &str) -> Form<P> {
        self.with_field(label, hint, FieldKind::Line, initial)
    }

    /// Adds a multi-line text field holding `initial`.
    pub fn lines(self, label: &str, hint: &str, initial: &str) -> Form<P> {
        self.with_field(label, hint, FieldKind::Lines, initial)
    }

    /// Adds a choice among `options`, on the one whose value is `selected`
    /// (else the first).
    pub fn choice(self, label: &str, hint: &str, options: Vec<Choice>, selected: &str) -> Form<P> {
        let selected = options
            .iter()
            .position(|c| c.value == selected)
            .unwrap_or(0);
        self.with_field(label, hint, FieldKind::Choice { options, selected }, "")
    }

    /// The value of the field labelled `label` (empty if the form has no
    /// such field: the typed readers' tests check every label they read).
    pub fn value(&self, label: &str) -> String {
        let field = self.fields.iter().find(|f| f.label == label);
        debug_assert!(field.is_some(), "the form has no field '{label}'");
        field.map(Field::value).unwrap_or_default()
    }

    /// Every field's value, in order.
    pub fn values(&self) -> Vec<String> {
        self.fields.iter().map(Field::value).collect()
    }

    fn focused(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    fn move_focus(&mut self, step: isize) {
        if !self.fields.is_empty() {
            self.focus = super::wrapped(self.focus, step, self.fields.len());
        }
    }

    /// Handles one key typed while the form is open; `command` is what the
    /// keymap's `form` scope binds the key to, if anything. In a field of
    /// several lines, plain Enter, Up and Down edit the text instead.
    pub fn key(&mut self, key: Key, command: Option<&str>) -> Outcome {
        self.error = None;
        let kind_is_lines = matches!(
            self.fields.get(self.focus).map(|f| &f.kind),
            Some(FieldKind::Lines)
        );
        let text_key = kind_is_lines
            && !key.ctrl
            && !key.alt
            && matches!(key.code, KeyCode::Enter | KeyCode::Up | KeyCode::Down);
        match command.filter(|_| !text_key) {
            Some("cancel") => return Outcome::Cancel,
            Some("save" | "save_field") => return Outcome::Submit,
            Some("next_field") => self.move_focus(1),
            Some("previous_field") => self.move_focus(-1),
            _ => {
                if let Some(field) = self.focused() {
                    field.take(key);
                }
            }
        }
        Outcome::Stay
    }

    /// Pastes `text` into the focused field; control characters are dropped
    /// (tabs become spaces) and a one-line field gets one line.
    pub fn paste(&mut self, text: &str) {
        self.error = None;
        if let Some(field) = self.focused() {
            let one_line = !matches!(field.kind, FieldKind::Lines);
            let clean: String = text
                .chars()
                .filter_map(|c| match c {
                    '\n' if one_line => Some(' '),
                    '\n' => Some('\n'),
                    '\t' => Some(' '),
                    '\r' => None,
                    c if c.is_control() => None,
                    c => Some(c),
                })
                .collect();
            if !matches!(field.kind, FieldKind::Choice { .. }) {
                field.text.insert_str(clean);
            }
        }
    }
}

impl Field {
    /// A key that edits the field.
    fn take(&mut self, key: Key) {
        if let FieldKind::Choice { options, selected } = &mut self.kind {
            let n = options.len().max(1);
            match key.code {
                KeyCode::Right | KeyCode::Char(' ') => *selected = (*selected + 1) % n,
                KeyCode::Left => *selected = (*selected + n - 1) % n,
                KeyCode::Char(c) if !key.ctrl && !key.alt => {
                    // Jump to the next option starting with the letter typed.
                    let c = c.to_lowercase().next().unwrap_or(c);
                    let starts = |o: &Choice| o.label.to_lowercase().starts_with(c);
                    if let Some(i) = (1..=n)
                        .map(|k| (*selected + k) % n)
                        .find(|&i| options.get(i).is_some_and(starts))
                    {
                        *selected = i;
                    }
                }
                _ => {}
            }
            return;
        }
        let Some(input) = text_input(key) else {
            return;
        };
        self.text.input(input);
        if matches!(self.kind, FieldKind::Line) && self.text.lines().len() > 1 {
            // A shortcut such as Ctrl-M split the line: a one-line field stays one.
            let joined = self.text.lines().join(" ");
            self.text = TextArea::new(vec![joined]);
            self.text.move_cursor(CursorMove::End);
        }
    }
}

/// A key as ratatui-textarea reads it.
fn text_input(key: Key) -> Option<Input> {
    let code = match key.code {
        KeyCode::Char(c) => TextKey::Char(c),
        KeyCode::Enter => TextKey::Enter,
        KeyCode::Backspace => TextKey::Backspace,
        KeyCode::Delete => TextKey::Delete,
        KeyCode::Up => TextKey::Up,
        KeyCode::Down => TextKey::Down,
        KeyCode::Left => TextKey::Left,
        KeyCode::Right => TextKey::Right,
        KeyCode::Home => TextKey::Home,
        KeyCode::End => TextKey::End,
        KeyCode::PageUp => TextKey::PageUp,
        KeyCode::PageDown => TextKey::PageDown,
        KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc | KeyCode::F(_) => return None,
    };
    Some(Input {
        key: code,
        ctrl: key.ctrl,
        alt: key.alt,
        shift: false,
    })
}

/// Reads a field that must not be empty; `what` names it in the message.
pub fn required(value: &str, what: &str) -> Result<String, String> {
    if value.trim().is_empty() {
        Err(format!("Give {what}: it cannot be empty"))
    } else {
        Ok(value.trim().to_owned())
    }
}

/// Reads an optional field: empty means none.
pub fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// Reads a whole number from `min` to `max`; `what` names it ("the time box
/// in minutes") in the message.
pub fn whole_number(value: &str, what: &str, min: u32, max: u32) -> Result<u32, String> {
    match value.trim().parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        Ok(n) => Err(format!("{what} must be from {min} to {max}, not {n}")),
        Err(_) => Err(format!(
            "{what} must be a whole number such as {}, not {:?}",
            min.max(10).min(max),
            value.trim()
        )),
    }
}

/// Reads an optional date written YYYY-MM-DD; `what` names it.
pub fn optional_date(value: &str, what: &str) -> Result<Option<NaiveDate>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("{what} must be a date written YYYY-MM-DD, such as 2027-01-15"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keys::parse_key;

    fn ladder_form() -> Form<()> {
        Form::new("Test", ())
    }

    /// A key given to the form as the default keymap binds it.
    fn press(form: &mut Form<()>, key: Key) -> Outcome {
        let keymap = crate::app::keymap::Keymap::default();
        form.key(key, keymap.command(crate::app::keymap::Scope::Form, key))
    }

    fn typed(form: &mut Form<()>, keys: &str) -> Outcome {
        let mut outcome = Outcome::Stay;
        for step in crate::app::keys::parse_script(keys).unwrap() {
            if let crate::app::keys::ScriptStep::Key(k) = step {
                outcome = press(form, k);
            }
        }
        outcome
    }

    #[test]
    fn typing_editing_and_unicode_reach_the_value() {
        let mut form = ladder_form().line("Title", "", "").lines("Notes", "", "");
        assert_eq!(typed(&mut form, "Café<Left><BS>é ok"), Outcome::Stay);
        assert_eq!(form.values()[0], "Caé oké");
        typed(&mut form, "<Tab>one<Enter>two");
        assert_eq!(form.values()[1], "one\ntwo");
        assert_eq!(typed(&mut form, "<C-s>"), Outcome::Submit);
    }

    #[test]
    fn enter_saves_from_a_line_and_esc_cancels() {
        let mut form = ladder_form().line("Title", "", "Old");
        assert_eq!(
            press(&mut form, parse_key("<Enter>").unwrap()),
            Outcome::Submit
        );
        assert_eq!(
            press(&mut form, parse_key("<Esc>").unwrap()),
            Outcome::Cancel
        );
    }

    #[test]
    fn paste_drops_control_characters_and_keeps_one_line() {
        let mut form = ladder_form().line("Title", "", "").lines("Notes", "", "");
        form.paste("a\u{7}b\nc\u{202e}");
        assert_eq!(form.values()[0], "ab c\u{202e}");
        press(&mut form, Key::plain(KeyCode::Tab));
        form.paste("x\r\ny\tz");
        assert_eq!(form.values()[1], "x\ny z");
    }

    #[test]
    fn a_choice_moves_with_arrows_and_letters() {
        let options = ["agreed", "amended", "deferred"]
            .map(|v| Choice {
                value: v.into(),
                label: v.into(),
            })
            .to_vec();
        let mut form = ladder_form().choice("State", "", options, "amended");
        assert_eq!(form.values()[0], "amended");
        typed(&mut form, "<Right>");
        assert_eq!(form.values()[0], "deferred");
        typed(&mut form, "a");
        assert_eq!(form.values()[0], "agreed");
        typed(&mut form, "<Left>");
        assert_eq!(form.values()[0], "deferred");
    }

    #[test]
    fn numbers_and_dates_are_read_with_a_message() {
        assert_eq!(whole_number(" 15 ", "The time box", 1, 600), Ok(15));
        let err = whole_number("ten", "The time box", 1, 600).unwrap_err();
        assert!(err.contains("whole number"), "{err}");
        assert!(whole_number("0", "The time box", 1, 600).is_err());
        assert_eq!(optional_date("", "The review date"), Ok(None));
        assert!(optional_date("15/01/2027", "The review date").is_err());
        assert_eq!(
            required("  ", "a title").unwrap_err(),
            "Give a title: it cannot be empty"
        );
    }
}
