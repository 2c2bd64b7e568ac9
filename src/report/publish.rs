//! The minutes as the command line asks for them: named or anonymised,
//! normal or easy read, Markdown or a web page.

use super::easy_read::easy_read;
use super::html;
use super::report;
use crate::session::Session;

/// What the minutes are written as (`--format md|html`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Markdown, for git hosts and websites that render it.
    #[default]
    #[value(name = "md")]
    Markdown,
    /// One self-contained accessible web page, to read or print.
    Html,
}

/// How `coproduce report` writes the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Each person as their role and a letter, no name left in any text.
    pub anonymise: bool,
    /// Easy read: short sentences, pictures, a glossary of hard words.
    pub easy_read: bool,
    pub format: Format,
}

/// Minutes written out, and notes for the facilitator that are not part
/// of them (long words from the file, in easy read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub text: String,
    pub notes: Vec<String>,
}

/// The minutes of `session` as `options` ask.
pub fn publish(session: &Session, options: &Options) -> Published {
    let title = format!("Minutes: {}", session.title);
    if !options.easy_read {
        let markdown = report(session, options.anonymise);
        let text = match options.format {
            Format::Markdown => markdown,
            Format::Html => html::page(&title, &html::from_markdown(&markdown)),
        };
        return Published {
            text,
            notes: Vec::new(),
        };
    }
    let easy = easy_read(session, options.anonymise);
    let text = match options.format {
        Format::Markdown => easy.markdown(),
        Format::Html => html::page(&format!("Easy read {title}"), &easy.html()),
    };
    let notes = if easy.long_words.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "easy read: long words from the file that you may want to explain or change: {}",
            easy.long_words.join(", ")
        )]
    };
    Published { text, notes }
}
