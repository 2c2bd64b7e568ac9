//! The jargon buster: plain-English meanings of the words co-production
//! meetings use, looked up when someone holds up a jargon card. The
//! group's own `glossary:` in the session file comes first, so a group can
//! say a word its own way; then the short list built in here.

use super::model::{Meaning, Session};

/// Where a meaning came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The group's own `glossary:`.
    Group,
    /// The list built into coproduce.
    BuiltIn,
}

/// Words these meetings use, each with one short sentence of plain English.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "co-production",
        "People who use services, carers and staff working as equals, sharing power from start to finish.",
    ),
    (
        "commissioner",
        "Someone at the council or NHS who decides which services to pay for.",
    ),
    (
        "direct payment",
        "Money from the council paid to you, so you can arrange your own care and support.",
    ),
    (
        "personal budget",
        "The amount of money the council says your care and support will cost.",
    ),
    (
        "safeguarding",
        "Keeping people safe from abuse and neglect.",
    ),
    (
        "care act assessment",
        "The council's talk with you about what you need help with and what matters to you.",
    ),
    (
        "reablement",
        "Short-term help at home to get back skills and confidence, often after a hospital stay.",
    ),
    (
        "respite",
        "A break for a carer, while someone else looks after the person they care for.",
    ),
    (
        "lived experience",
        "Knowing something from living through it yourself, not from a job or a book.",
    ),
    (
        "consultation",
        "Being asked your views, while others make the decision.",
    ),
    (
        "co-design",
        "Shaping a plan together, though others still make the final decision.",
    ),
    (
        "engagement",
        "Having a say, while the people with power still decide.",
    ),
];

/// The meaning of `word` (any case, spaces trimmed), from the group's
/// glossary first, else the built-in list.
pub fn lookup<'a>(session: &'a Session, word: &str) -> Option<(&'a str, Source)> {
    let word = word.trim();
    let same = |other: &str| other.trim().eq_ignore_ascii_case(word);
    if let Some(own) = session.glossary.iter().find(|m| same(&m.word)) {
        return Some((own.meaning.as_str(), Source::Group));
    }
    BUILT_IN
        .iter()
        .find(|(w, _)| same(w))
        .map(|(_, meaning)| (*meaning, Source::BuiltIn))
}

/// Puts `meaning` for `word` in the group's glossary, replacing the
/// group's earlier meaning of the same word if there is one.
pub fn add(session: &mut Session, word: &str, meaning: &str) {
    let (word, meaning) = (word.trim(), meaning.trim());
    let same = |m: &&mut Meaning| m.word.trim().eq_ignore_ascii_case(word);
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

    #[test]
    fn every_built_in_word_is_one_short_sentence_and_listed_once() {
        for (i, (word, meaning)) in BUILT_IN.iter().enumerate() {
            assert_eq!(*word, word.to_lowercase(), "{word}");
            assert!(
                meaning.ends_with('.') && meaning.matches(". ").count() == 0,
                "{word}"
            );
            assert!(meaning.len() <= 100, "{word}: {} characters", meaning.len());
            assert!(
                !BUILT_IN[..i].iter().any(|(w, _)| w == word),
                "{word} twice"
            );
        }
    }
}
