//! The built-in jargon buster: a plain-English meaning, one short sentence,
//! for each hard word these meetings and this app use. The easy-read
//! minutes end with the meaning of every one of these words they use; a
//! group's own glossary can be laid over it, looked up the same way.

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_segmentation::UnicodeSegmentation;

/// A hard word and what it means in plain English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// The word as written in a sentence ("fair share").
    pub word: &'static str,
    /// What it means: one sentence of 15 words or fewer.
    pub meaning: &'static str,
}

const fn term(word: &'static str, meaning: &'static str) -> Term {
    Term { word, meaning }
}

/// Every built-in word, in alphabetical order.
pub const TERMS: &[Term] = [
    term("abstain", "To choose not to say yes or no to an idea."),
    term("agenda", "The list of things a meeting will talk about."),
    term(
        "amended",
        "An idea was changed, then the group agreed to the changed idea.",
    ),
    term(
        "apologies",
        "A message from someone to say they cannot come.",
    ),
    term(
        "care act assessment",
        "A meeting with the council to find out what care and support you need.",
    ),
    term(
        "carer",
        "Someone who helps a family member or friend, without being paid for it.",
    ),
    term(
        "co-design",
        "People who use services help plan something, but others make the final choice.",
    ),
    term(
        "co-production",
        "People who use services and staff work together as equals, from start to end.",
    ),
    term(
        "coercion",
        "People are made to take part and have no say at all.",
    ),
    term(
        "commissioner",
        "Someone at the council who decides which services to pay for.",
    ),
    term(
        "concern",
        "A worry about an idea that is not strong enough to stop it.",
    ),
    term(
        "consent round",
        "Everyone in turn says if they agree with an idea, or have a worry.",
    ),
    term(
        "consultation",
        "People are asked what they think, but others make the choice.",
    ),
    term(
        "deferred",
        "The group chose to decide about an idea at a later meeting.",
    ),
    term(
        "direct payment",
        "Money from the council paid to you, so you can choose and buy your support.",
    ),
    term(
        "educating",
        "People are told how things work so that they go along with them.",
    ),
    term(
        "engagement",
        "People have a say, but people with power still make the choice.",
    ),
    term(
        "evenness",
        "A score for how equal the speaking time was: 1 means everyone spoke equally.",
    ),
    term(
        "facilitator",
        "The person who runs the meeting and helps everyone take part.",
    ),
    term(
        "fair share",
        "The speaking time each person would get if time was shared equally.",
    ),
    term(
        "informing",
        "People are told about something after it has been decided.",
    ),
    term(
        "ladder of co-production",
        "A picture with steps that shows how much say people really have.",
    ),
    term(
        "minutes",
        "A written record of what was said and agreed at a meeting.",
    ),
    term(
        "object",
        "To say no to an idea because you think it would cause harm.",
    ),
    term(
        "personal budget",
        "The amount of money the council says your care and support will cost.",
    ),
    term(
        "power",
        "Having the right to make decisions, or control over money.",
    ),
    term("proposal", "An idea that the group is asked to agree to."),
    term(
        "raised hand",
        "A sign that someone wants to speak; they join the list to speak.",
    ),
    term(
        "reablement",
        "Short-term help at home to get your skills back after an illness.",
    ),
    term(
        "role",
        "The part a person plays in the group, like carer or staff.",
    ),
    term(
        "rubber stamp",
        "When a group agrees to something without really talking about it.",
    ),
    term("rung", "One step on the ladder of co-production."),
    term(
        "safeguarding",
        "Keeping people safe from abuse, harm and neglect.",
    ),
    term(
        "stack",
        "The list of people waiting for their turn to speak.",
    ),
    term(
        "time box",
        "The time the group planned to spend on one thing.",
    ),
    term(
        "withdrawn",
        "The person who suggested an idea took it back.",
    ),
]
.as_slice();

/// Words that after a number are a unit of time, not the glossary's word:
/// "26 minutes" is not the minutes of a meeting.
const UNITS: &[&str] = &["minutes"];

/// `word` as the glossary keys it: lower case, one space between words, a
/// hyphen the same as a space, and a plural read as its singular.
pub fn key(word: &str) -> String {
    let words: Vec<String> = word
        .split(|c: char| c.is_whitespace() || is_hyphen(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut key = words.join(" ");
    if let Some(singular) = singular(&key) {
        key = singular;
    }
    key
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}')
}

/// The singular of an English plural the glossary could hold, or `None`:
/// `direct payments`, `hands`, `abstains`; not `minutes` or `apologies`,
/// which the glossary holds as plurals, nor `process` or `status`.
fn singular(key: &str) -> Option<String> {
    if TERMS.iter().any(|t| t.word == key) {
        return None;
    }
    if let Some(stem) = key.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    if key.ends_with("ss") || key.ends_with("us") {
        return None;
    }
    key.strip_suffix('s').map(str::to_owned)
}

/// Every built-in word by its key, made once: the easy-read minutes look
/// up each word of every sentence.
static BY_KEY: LazyLock<HashMap<String, &'static Term>> =
    LazyLock::new(|| TERMS.iter().map(|t| (key(t.word), t)).collect());

/// The built-in meaning of `word`, in any case, singular or plural.
pub fn lookup(word: &str) -> Option<&'static Term> {
    BY_KEY.get(&key(word)).copied()
}

/// Every built-in word that `text` uses, in the order first used, each
/// once. A longer word wins over a word inside it ("ladder of
/// co-production" over "co-production").
pub fn used_in(text: &str) -> Vec<&'static Term> {
    let words: Vec<&str> = text.unicode_words().collect();
    let longest = BY_KEY.keys().map(|k| k.split(' ').count()).max();
    let mut found: Vec<&'static Term> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let after_number = i > 0 && words[i - 1].chars().all(|c| c.is_ascii_digit());
        let hit = (1..=longest.unwrap_or(1).min(words.len() - i))
            .rev()
            .find_map(|n| lookup(&words[i..i + n].join(" ")).map(|t| (n, t)))
            .filter(|(_, t)| !(after_number && UNITS.contains(&t.word)));
        match hit {
            Some((n, t)) => {
                if !found.contains(&t) {
                    found.push(t);
                }
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_in_any_case_and_number() {
        for (word, found) in [
            ("Commissioners", "commissioner"),
            ("DIRECT PAYMENTS", "direct payment"),
            ("direct-payment", "direct payment"),
            ("Care Act Assessments", "care act assessment"),
            ("raised hands", "raised hand"),
            ("Minutes", "minutes"),
            ("apologies", "apologies"),
            ("Co-Production", "co-production"),
            ("co production", "co-production"),
            ("rungs", "rung"),
        ] {
            assert_eq!(lookup(word).map(|t| t.word), Some(found), "{word}");
        }
        assert_eq!(lookup("process"), None);
        assert_eq!(lookup("minute"), None);
    }

    #[test]
    fn every_meaning_is_one_short_sentence() {
        for t in TERMS {
            let words = t.meaning.unicode_words().count();
            assert!(words <= 15, "{}: {words} words", t.word);
            assert!(t.meaning.ends_with('.'), "{}", t.word);
            assert_eq!(t.meaning.matches(". ").count(), 0, "{}", t.word);
        }
    }

    #[test]
    fn text_is_searched_for_the_longest_word() {
        assert!(used_in("We talked for 26 minutes.").is_empty());
        let used =
            used_in("The ladder of co-production put us on a rung. Commissioners abstained.");
        let words: Vec<&str> = used.iter().map(|t| t.word).collect();
        assert_eq!(words, ["ladder of co-production", "rung", "commissioner"]);
    }
}
