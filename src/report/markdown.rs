//! Text from a session file made safe for Markdown (CommonMark and GFM).
//!
//! Minutes are posted on council websites and in git hosts that render
//! Markdown, so a name, note or board name must render as the words
//! written and never as a link, image, heading, list, table cell or HTML.
//! Every character that can start a construct is written as a backslash
//! escape or an entity, which every CommonMark renderer reads back as the
//! character itself.

use crate::text::{one_line, visible};

/// One line of file text for anywhere in a line (a cell, a list item, a
/// heading): control and bidi characters shown, line breaks as `⏎`, and
/// every Markdown construct escaped.
pub fn inline(text: &str) -> String {
    escape(one_line(text).trim_start())
}

/// One line of a multi-line note, for the start of a quoted line: as
/// [`inline`], with leading spaces dropped so it cannot become code.
pub fn line(text: &str) -> String {
    escape(visible(text).trim_start())
}

/// `text` with every construct escaped. A character only special at the
/// start of a line (`#`, `-`, `+`, `=`, `1.`) is escaped there, so text
/// placed first on a line cannot make a heading or list.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            // A pipe as an entity: GFM splits table cells on `|` before it
            // reads escapes, and renderers disagree about `\|`.
            '|' => out.push_str("&#124;"),
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '>' | '~' | '$' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if i == digits && digits > 0 => {
                out.push('\\');
                out.push(c);
            }
            // GFM links bare addresses (`http://…`, `www.…`, `a@b.org`);
            // an escape in each breaks the pattern it looks for.
            '@' => out.push_str("\\@"),
            ':' if chars.get(i + 1..i + 3) == Some(&['/', '/']) => out.push_str("\\:"),
            '.' if i >= 3 && chars[i - 3..i].iter().all(|c| c.eq_ignore_ascii_case(&'w')) => {
                out.push_str("\\.");
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructs_are_escaped() {
        for (raw, safe) in [
            ("Beve Thompson", "Beve Thompson"),
            (
                "![x](http://e.invalid/t.png)",
                r"\!\[x\](http\://e.invalid/t.png)",
            ),
            ("[ref]: http://e.invalid", r"\[ref\]: http\://e.invalid"),
            (
                "www.e.invalid a@e.invalid 10:30",
                r"www\.e.invalid a\@e.invalid 10:30",
            ),
            ("# Heading", r"\# Heading"),
            ("a#b - c", "a#b - c"),
            ("- item", r"\- item"),
            ("12. item", r"12\. item"),
            ("1) item", r"1\) item"),
            ("Room 12.", "Room 12."),
            ("a\\|b", r"a\\&#124;b"),
            ("<b>&amp;", r"&lt;b\>&amp;amp;"),
            (
                "*em* _em_ ~~s~~ `c` $x$",
                r"\*em\* \_em\_ \~\~s\~\~ \`c\` \$x\$",
            ),
            ("    code", "code"),
            ("first\nsecond", "first ⏎ second"),
        ] {
            assert_eq!(inline(raw), safe, "{raw:?}");
        }
    }
}
