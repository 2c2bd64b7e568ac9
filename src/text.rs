//! Text from a session file made safe for the terminal.
//!
//! A name or note may hold escape sequences (`\x1b]0;…\x07` retitles a
//! terminal, `\x1b[2J` clears it) or bidirectional overrides that make text
//! read differently from what it is. Every such character is shown as a
//! visible escape instead, so the room sees what is really in the file.

use std::borrow::Cow;

/// Whether `c` must never reach the terminal or a document as it is: the
/// one list every output path asks (screens, messages, errors, paths,
/// theme and lock text, minutes, trends).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}'                // soft hyphen
            | '\u{034F}'              // combining grapheme joiner
            | '\u{061C}'              // Arabic letter mark (bidi)
            | '\u{115F}' | '\u{1160}' // Hangul fillers, drawn as nothing
            | '\u{17B4}' | '\u{17B5}' // Khmer inherent vowels, invisible
            | '\u{180B}'..='\u{180F}' // Mongolian selectors and vowel separator
            | '\u{200B}'..='\u{200F}' // zero-width spaces and joiners, LRM, RLM
            | '\u{2028}' | '\u{2029}' // line and paragraph separators
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, bidi isolates, deprecated formats
            | '\u{3164}' | '\u{FFA0}' // Hangul fillers
            | '\u{FEFF}'              // byte order mark
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotations
            | '\u{1BCA0}'..='\u{1BCA3}' // shorthand format controls
            | '\u{1D173}'..='\u{1D17A}' // musical format controls
            | '\u{E0000}'..='\u{E007F}' // tag characters
        )
}

/// `text` with every unsafe character written as a visible escape
/// (`\x1b`, `\u{202e}`); borrowed when there was nothing to escape.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !is_unsafe(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// `text` made safe for a terminal line by line: line breaks are kept,
/// every other unsafe character is escaped (for messages on stderr).
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let lines: Vec<Cow<str>> = text.split('\n').map(visible).collect();
    Cow::Owned(lines.join("\n"))
}

/// `text` made safe for standard output: line breaks and tabs are kept
/// (Markdown and tables need them), every other unsafe character escaped.
pub fn printable_output(text: &str) -> Cow<'_, str> {
    let kept = |c: char| c == '\n' || c == '\t';
    if !text.chars().any(|c| !kept(c) && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if kept(c) {
            out.push(c);
        } else {
            out.push_str(&visible(c.encode_utf8(&mut [0; 4])));
        }
    }
    Cow::Owned(out)
}

/// One line of `text` for a single-line cell: unsafe characters escaped and
/// line breaks shown as `⏎`, so a multi-line note cannot break a table row.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\r']) {
        return visible(text);
    }
    let joined = text
        .trim_end_matches(['\n', '\r'])
        .replace("\r\n", "\n")
        .replace('\n', " ⏎ ");
    Cow::Owned(visible(&joined).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible_text() {
        for (raw, shown) in [
            ("Beve", "Beve"),
            ("\x1b]0;owned\x07", "\\x1b]0;owned\\x07"),
            ("\x1b[2J", "\\x1b[2J"),
            ("a\u{202e}b", "a\\u{202e}b"),
            ("a\u{2066}b\u{2069}", "a\\u{2066}b\\u{2069}"),
            ("zero\u{200b}width", "zero\\u{200b}width"),
            ("del\u{7f}", "del\\x7f"),
            ("a\u{61c}\u{180e}\u{ad}b", "a\\u{61c}\\u{180e}\\xadb"),
            ("tag\u{e0041}", "tag\\u{e0041}"),
            ("c1\u{9b}", "c1\\x9b"),
            ("soft\u{ad}", "soft\\xad"),
            ("a\u{61c}\u{180e}b", "a\\u{61c}\\u{180e}b"),
            ("tag\u{e0041}\u{e007f}", "tag\\u{e0041}\\u{e007f}"),
            (
                "line\u{2028}\u{2029}\u{2060}\u{2064}",
                "line\\u{2028}\\u{2029}\\u{2060}\\u{2064}",
            ),
            ("李 👍", "李 👍"),
        ] {
            assert_eq!(visible(raw), shown, "{raw:?}");
        }
    }

    #[test]
    fn notes_fold_onto_one_line() {
        assert_eq!(one_line("first\nsecond\n"), "first ⏎ second");
        assert_eq!(one_line("a\r\nb"), "a ⏎ b");
        assert_eq!(one_line("tab\there"), "tab\\x09here");
    }
}

/// `text` cut to at most `width` columns, ending in `…` when cut; wide
/// characters are never split.
pub fn fit(text: &str, width: usize) -> Cow<'_, str> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    Cow::Owned(out)
}

/// `text` followed by spaces up to `width` columns. `format!`'s `{:<n}`
/// pads by characters: a name of one letter and fifteen combining marks
/// is one column wide but sixteen characters, and would push the column
/// after it out of line.
pub fn pad(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let mut out = text.to_owned();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(text.width())));
    out
}

#[cfg(test)]
mod fit_tests {
    use super::{fit, pad};

    #[test]
    fn padding_counts_columns_not_characters() {
        let marked = format!("A{}", "\u{301}".repeat(15));
        assert_eq!(pad(&marked, 4), format!("{marked}   "));
        assert_eq!(pad("李", 4), "李  ");
        assert_eq!(pad("Beve", 2), "Beve");
        assert_eq!(fit(&marked, 1), marked);
    }

    #[test]
    fn fitting_cuts_by_columns_not_bytes() {
        assert_eq!(fit("Beve", 10), "Beve");
        assert_eq!(fit("Delivery speeds", 9), "Delivery…");
        assert_eq!(fit("李李李李", 5), "李李…");
        assert_eq!(fit("abc", 0), "");
    }
}
