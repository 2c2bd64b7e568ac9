//! Keys as the facilitator types them, and the `<Tab>`-style notation that the
//! keymap and `coproduce render --keys` share.

use std::fmt;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    /// A printable character, already upper-case when Shift was held.
    Char(char),
    Tab,
    BackTab,
    Enter,
    Esc,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// A key press: a code with Ctrl and Alt. Shift is carried by the character
/// itself (`A`, `?`), or by `BackTab`, so one press has one spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// A key with no modifier.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// A plain character key.
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Ctrl with a character; the character is kept lower-case.
    pub fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c.to_ascii_lowercase()),
            ctrl: true,
            alt: false,
        }
    }
}

const NAMED: &[(&str, KeyCode)] = &[
    ("Tab", KeyCode::Tab),
    ("S-Tab", KeyCode::BackTab),
    ("Enter", KeyCode::Enter),
    ("CR", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Space", KeyCode::Char(' ')),
    ("BS", KeyCode::Backspace),
    ("Backspace", KeyCode::Backspace),
    ("Del", KeyCode::Delete),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("lt", KeyCode::Char('<')),
];

/// A key notation that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not a key: use a character or <Tab>, <S-Tab>, <Enter>, <Esc>, <Space>, <BS>, <Up>, <F1>, <C-q>, <lt>"
)]
pub struct BadKey(pub String);

/// Reads the inside of one `<...>`: `Tab`, `S-Tab`, `C-q`, `A-x`, `F5`.
pub fn parse_named(name: &str) -> Result<Key, BadKey> {
    let bad = || BadKey(format!("<{name}>"));
    if let Some((_, code)) = NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
        return Ok(Key::plain(*code));
    }
    if let Some(n) = name
        .strip_prefix(['F', 'f'])
        .and_then(|n| n.parse::<u8>().ok())
    {
        return (1..=12)
            .contains(&n)
            .then(|| Key::plain(KeyCode::F(n)))
            .ok_or_else(bad);
    }
    let (ctrl, alt, rest) = match name.split_at_checked(2) {
        Some(("C-" | "c-", rest)) => (true, false, rest),
        Some(("A-" | "a-" | "M-" | "m-", rest)) => (false, true, rest),
        _ => return Err(bad()),
    };
    let inner = match rest.chars().count() {
        1 => Key::char(rest.chars().next().ok_or_else(bad)?),
        _ => parse_named(rest)?,
    };
    let code = match inner.code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        code => code,
    };
    Ok(Key {
        code,
        ctrl: ctrl || inner.ctrl,
        alt: alt || inner.alt,
    })
}

/// Reads one key written as a user would: `?`, `x`, `<Tab>`, `<C-q>`.
pub fn parse_key(text: &str) -> Result<Key, BadKey> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(Key::char(c)),
        _ => match text.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
            Some(inner) => parse_named(inner),
            None => Err(BadKey(text.to_owned())),
        },
    }
}

impl fmt::Display for Key {
    /// The spelling the footer and help show: `Tab`, `Shift-Tab`, `Ctrl-Q`, `?`.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.ctrl || self.alt => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::F(n) => write!(f, "F{n}"),
            code => write!(f, "{code:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notation_reads_as_the_facilitator_writes_it() {
        for (text, key, shown) in [
            ("?", Key::char('?'), "?"),
            ("d", Key::char('d'), "d"),
            ("D", Key::char('D'), "D"),
            ("<Tab>", Key::plain(KeyCode::Tab), "Tab"),
            ("<S-Tab>", Key::plain(KeyCode::BackTab), "Shift-Tab"),
            ("<Enter>", Key::plain(KeyCode::Enter), "Enter"),
            ("<esc>", Key::plain(KeyCode::Esc), "Esc"),
            ("<Space>", Key::char(' '), "Space"),
            ("<C-q>", Key::ctrl('q'), "Ctrl-Q"),
            ("<C-Q>", Key::ctrl('q'), "Ctrl-Q"),
            ("<F12>", Key::plain(KeyCode::F(12)), "F12"),
            ("<lt>", Key::char('<'), "<"),
        ] {
            assert_eq!(parse_key(text), Ok(key), "{text}");
            assert_eq!(key.to_string(), shown, "{text}");
        }
        for bad in ["<F13>", "<Tabby>", "ab", "<C->", ""] {
            assert!(parse_key(bad).is_err(), "{bad}");
        }
    }
}

/// One step of a scripted session: a key, or the clock moving on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScriptStep {
    Key(Key),
    /// Seconds to move the clock forward.
    Wait(u64),
}

/// Reads `--keys` text: characters, `<Tab>`-style names and `<wait 90s>`
/// (`s`, `m` or `h`; a bare number is seconds).
pub fn parse_script(text: &str) -> Result<Vec<ScriptStep>, BadKey> {
    let mut steps = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let close = rest.find('>').filter(|_| c == '<' && rest.len() > 1);
        let (token, after) = match close {
            Some(end) if !rest[1..end].contains('<') => (&rest[..=end], &rest[end + 1..]),
            _ => rest.split_at(c.len_utf8()),
        };
        steps.push(match token.strip_prefix("<wait ") {
            Some(wait) => ScriptStep::Wait(
                parse_wait(wait.trim_end_matches('>')).ok_or_else(|| BadKey(token.into()))?,
            ),
            None => ScriptStep::Key(parse_key(token)?),
        });
        rest = after;
    }
    Ok(steps)
}

fn parse_wait(text: &str) -> Option<u64> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => text.split_at(at),
        None => (text, "s"),
    };
    let scale = match unit.trim() {
        "s" | "sec" | "secs" => 1,
        "m" | "min" => 60,
        "h" => 3600,
        _ => return None,
    };
    // A wait past a month is a typing slip, and far past it overflows the clock.
    number
        .parse::<u64>()
        .ok()?
        .checked_mul(scale)
        .filter(|secs| *secs <= MAX_WAIT_SECS)
}

/// The longest `<wait …>`: thirty days.
pub const MAX_WAIT_SECS: u64 = 30 * 24 * 3600;

#[cfg(test)]
mod script_tests {
    use super::*;

    #[test]
    fn scripts_mix_keys_waits_and_plain_characters() {
        let steps = parse_script("<Tab>d<wait 30s><Space><wait 2m>x<wait 5>").unwrap();
        assert_eq!(
            steps,
            vec![
                ScriptStep::Key(Key::plain(KeyCode::Tab)),
                ScriptStep::Key(Key::char('d')),
                ScriptStep::Wait(30),
                ScriptStep::Key(Key::char(' ')),
                ScriptStep::Wait(120),
                ScriptStep::Key(Key::char('x')),
                ScriptStep::Wait(5),
            ]
        );
        assert_eq!(
            parse_script("<").unwrap(),
            vec![ScriptStep::Key(Key::char('<'))]
        );
        assert!(parse_script("<wait soon>").is_err());
        assert!(parse_script("<wait 9223372036854775807s>").is_err());
        assert!(parse_script("<wait 720h>").is_ok());
        assert!(parse_script("<wait 721h>").is_err());
        assert!(parse_script("<Nope>").is_err());
    }
}
