//! Minutes as one self-contained, accessible web page: the language set,
//! real headings, lists and tables with headers, large print and high
//! contrast on screen and on paper (print it to PDF for the paper copy).

use pulldown_cmark::{Event, Options, Parser, html};

use super::easy_read::{EasyRead, Part, Sentence, WORDS};
use crate::text::one_line;

/// The language of the app's words, for screen readers and hyphenation.
pub const LANG: &str = "en-GB";

/// Large print (14 pt at the least, on screen and on paper), black on
/// white, and pages that break between rows and ideas, not inside them.
const STYLE: &str = "
:root { color-scheme: light; }
body { font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; font-size: 16pt;
  line-height: 1.5; color: #000; background: #fff; max-width: 48em; margin: 0 auto; padding: 1em; }
h1 { font-size: 1.8em; line-height: 1.2; }
h2 { font-size: 1.4em; border-top: 3px solid #000; padding-top: 0.4em; margin-top: 1.5em; }
h3 { font-size: 1.2em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #000; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #e6e6e6; }
blockquote { border-left: 6px solid #000; margin: 1em 0; padding-left: 1em; }
code { font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: 1em; }
ul.ideas { list-style: none; padding: 0; }
ul.ideas li { display: flex; gap: 0.8em; align-items: flex-start; margin: 0 0 1.2em; }
.picture { flex: none; width: 2.6em; height: 2.6em; }
ul.ideas p { margin: 0 0 0.3em; }
@media print {
  body { font-size: 14pt; max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  tr, li, blockquote { break-inside: avoid; }
  @page { margin: 2cm; }
}
";

/// `text` safe anywhere in HTML text or a quoted attribute, on one line,
/// with control and bidi characters shown as visible escapes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A whole page titled `title` (file text) holding `body` (HTML).
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{LANG}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

/// The Markdown minutes as HTML. The Markdown is already safe (every text
/// from the file escaped), so the page holds no link, image or markup
/// from the file; share bars are hidden from screen readers, which read
/// the percentage beside them instead.
pub fn from_markdown(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, Options::ENABLE_TABLES).map(|event| match event {
        Event::Code(bar) => {
            Event::InlineHtml(format!("<code aria-hidden=\"true\">{}</code>", escape(&bar)).into())
        }
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out.replace("<th>", "<th scope=\"col\">")
}

impl EasyRead {
    /// The easy-read minutes as HTML: each idea a list item with its
    /// picture beside it and each sentence on a line of its own.
    pub fn html(&self) -> String {
        let mut out = format!(
            "<h1>What happened at the meeting: {}</h1>\n",
            escape(&self.title)
        );
        for section in &self.sections {
            out.push_str(&format!(
                "<h2>{}</h2>\n<ul class=\"ideas\">\n",
                section.heading
            ));
            for idea in &section.ideas {
                let sentences: String = idea
                    .sentences
                    .iter()
                    .map(|s| format!("<p>{}</p>", sentence(s)))
                    .collect();
                out.push_str(&format!(
                    "<li>{}<div>{sentences}</div></li>\n",
                    picture(idea.picture.symbol(), idea.picture.name())
                ));
            }
            out.push_str("</ul>\n");
        }
        out.push_str(&format!("<h2>{WORDS}</h2>\n<ul class=\"ideas\">\n"));
        for term in &self.glossary {
            out.push_str(&format!(
                "<li>{}<div><p><strong>{}</strong>: {}</p></div></li>\n",
                picture("📖", "words"),
                term.word,
                term.meaning
            ));
        }
        out.push_str("</ul>\n");
        out
    }
}

/// The picture slot: an image inside the page (the symbol drawn in a
/// framed square), so the page stays one file; decorative (`alt=""`) for a
/// screen reader, which reads the sentences beside it. A group can swap in
/// its own pictures by the class, `picture-NAME`.
fn picture(symbol: &str, name: &str) -> String {
    let svg = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 64'>\
         <rect x='2' y='2' width='60' height='60' rx='10' fill='white' stroke='black' stroke-width='3'/>\
         <text x='32' y='45' font-size='34' text-anchor='middle'>{symbol}</text></svg>"
    );
    format!(
        "<img class=\"picture picture-{name}\" alt=\"\" width=\"64\" height=\"64\" src=\"data:image/svg+xml,{}\">",
        percent_encoded(&svg)
    )
}

/// `text` safe inside a `data:` address: every byte but plain letters,
/// digits and a few marks written as `%XX`.
fn percent_encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b' ' | b'-' | b'.' | b'/' | b'=' | b':' => {
                char::from(b).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

fn sentence(sentence: &Sentence) -> String {
    sentence
        .0
        .iter()
        .map(|p| match p {
            Part::Own(t) => escape(t),
            Part::File(t) => escape(t),
        })
        .collect()
}
