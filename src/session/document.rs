//! A session file on disk: where it is and what was read from it, so that
//! saving gives back the file's own bytes whenever the session is as it was.

use std::io;
use std::path::{Path, PathBuf};

use super::Session;
use super::store::write_atomic;
use super::write::to_yaml;

/// The file a session is saved to.
#[derive(Debug, Clone)]
pub struct Document {
    path: PathBuf,
    original: Session,
    original_text: String,
}

impl Document {
    /// A document for `path`, as `text` was read from it into `session`.
    pub fn new(path: PathBuf, session: Session, text: String) -> Document {
        Document {
            path,
            original: session,
            original_text: text,
        }
    }

    /// Where the session is saved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The bytes `session` is saved as. A session undone back to what was
    /// opened gets the file's own text back, hand-written layout and all;
    /// any other keeps the comment lines the file starts with.
    pub fn text_for(&self, session: &Session) -> String {
        if *session == self.original {
            self.original_text.clone()
        } else {
            let mut text = leading_comments(&self.original_text).to_owned();
            text.push_str(&to_yaml(session));
            text
        }
    }

    /// Saves `session` atomically and durably.
    pub fn save(&self, session: &Session) -> io::Result<()> {
        write_atomic(&self.path, self.text_for(session).as_bytes())
    }
}

/// The whole comment lines a file starts with, such as the
/// `# yaml-language-server: $schema=…` line that points an editor at the
/// schema: the writer keeps no other comment, but these say what the file
/// is, so they stay.
pub fn leading_comments(text: &str) -> &str {
    let end = text
        .split_inclusive('\n')
        .take_while(|line| line.starts_with('#') && line.ends_with('\n'))
        .map(str::len)
        .sum();
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comment_lines_a_file_starts_with_are_kept() {
        let text = "# yaml-language-server: $schema=../docs/session.schema.json\n#\nformat: 1\ntitle: T\nboard: B\ndate: 2026-11-22\n# not this one\n";
        let mut session = crate::session::parse(text).unwrap();
        let doc = Document::new(PathBuf::from("s.yaml"), session.clone(), text.into());
        session.title = "U".into();
        assert_eq!(
            doc.text_for(&session),
            "# yaml-language-server: $schema=../docs/session.schema.json\n#\nformat: 1\ntitle: U\nboard: B\ndate: 2026-11-22\n"
        );
        assert_eq!(leading_comments("# no newline"), "");
        assert_eq!(leading_comments("format: 1\n# later\n"), "");
    }
}
