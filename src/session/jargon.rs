//! The jargon buster: plain-English meanings of the words co-production
//! meetings use, looked up when someone holds up a jargon card. The
//! group's own `glossary:` in the session file comes first, so a group can
//! say a word its own way; then the plain-English list built in
//! ([`super::glossary`]), which the easy-read minutes use too.

use super::glossary::{self, key};
use super::model::{Meaning, Session};

/// Where a meaning came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The group's own `glossary:`.
    Group,
    /// The list built into coproduce.
    BuiltIn,
}

/// The meaning of `word` (any case, singular or plural, a hyphen the same
/// as a space), from the group's glossary first, else the built-in list.
pub fn lookup<'a>(session: &'a Session, word: &str) -> Option<(&'a str, Source)> {
    let word = key(word);
    if word.is_empty() {
        return None;
    }
    if let Some(own) = session.glossary.iter().find(|m| key(&m.word) == word) {
        return Some((own.meaning.as_str(), Source::Group));
    }
    glossary::lookup(&word).map(|term| (term.meaning, Source::BuiltIn))
}

/// Puts `meaning` for `word` in the group's glossary, replacing the
/// group's earlier meaning of the same word if there is one.
pub fn add(session: &mut Session, word: &str, meaning: &str) {
    let (word, meaning) = (word.trim(), meaning.trim());
    let same = |m: &&mut Meaning| key(&m.word) == key(word);
    match session.glossary.iter_mut().find(same) {
        Some(own) => own.meaning = meaning.to_owned(),
        None => session.glossary.push(Meaning {
            word: word.to_owned(),
            meaning: meaning.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(glossary: &str) -> Session {
        serde_yaml::from_str(&format!(
            "format: 1\ntitle: T\nboard: B\ndate: 2026-11-22\n{glossary}"
        ))
        .unwrap()
    }

    #[test]
    fn the_groups_own_meaning_comes_before_the_built_in_one() {
        let s = session("glossary:\n  - { word: Direct Payment, meaning: Our own words }\n");
        assert_eq!(
            lookup(&s, " direct payment "),
            Some(("Our own words", Source::Group))
        );
        let (meaning, source) = lookup(&s, "SAFEGUARDING").unwrap();
        assert_eq!(source, Source::BuiltIn);
        assert!(meaning.starts_with("Keeping people safe"));
        assert_eq!(lookup(&s, "ICB"), None);
    }

    #[test]
    fn a_typed_meaning_joins_the_glossary_once() {
        let mut s = session("");
        add(
            &mut s,
            " ICB ",
            "The NHS body that plans health services here.",
        );
        add(&mut s, "icb", "The local NHS planning body.");
        assert_eq!(s.glossary.len(), 1);
        assert_eq!(s.glossary[0].word, "ICB");
        assert_eq!(lookup(&s, "Icb").unwrap().0, "The local NHS planning body.");
    }
}
