//! Who is called what in the minutes: real names, or with `--anonymise` a
//! role and a letter ("Carers B"), the same letter throughout, with every
//! name also taken out of the free text the group wrote.

use std::collections::HashMap;

use crate::session::Session;

/// The names the minutes use, and the words to take out of free text.
pub struct Names {
    /// Participant id to the name shown.
    shown: HashMap<String, String>,
    /// Words to replace in free text, longest first (lower-cased chars),
    /// with what replaces them. Empty unless anonymising.
    scrub: Vec<(Vec<char>, String)>,
    anonymise: bool,
}

/// What the facilitator is called when the minutes are anonymised and they
/// are not a participant.
pub const FACILITATOR: &str = "the facilitator";

/// `A`…`Z`, then `AA`, `AB`…: a letter for the `n`th person of a role.
pub fn letter(n: usize) -> String {
    let mut n = n + 1;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    out.iter().rev().collect()
}

/// The label of role `id` (an unknown id as it is).
pub fn role_label<'a>(session: &'a Session, id: &'a str) -> &'a str {
    let role = session.roles.iter().find(|r| r.id == id);
    role.map_or(id, |r| r.label.as_str())
}

fn fold(text: &str) -> Vec<char> {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

impl Names {
    /// The names for `session`; with `anonymise`, a role and a letter each.
    pub fn new(session: &Session, anonymise: bool) -> Names {
        let mut shown = HashMap::new();
        let mut scrub: Vec<(Vec<char>, String)> = Vec::new();
        let mut per_role: HashMap<&str, usize> = HashMap::new();
        for p in &session.participants {
            if !anonymise {
                shown.insert(p.id.clone(), p.name.clone());
                continue;
            }
            let n = per_role.entry(p.role.as_str()).or_default();
            let alias = format!("{} {}", role_label(session, &p.role), letter(*n));
            *n += 1;
            for word in name_words(&p.name).chain(p.room_name.as_deref()) {
                scrub.push((fold(word), alias.clone()));
            }
            shown.insert(p.id.clone(), alias);
        }
        if anonymise && let Some(facilitator) = &session.facilitator {
            for word in name_words(facilitator) {
                scrub.push((fold(word), FACILITATOR.to_owned()));
            }
        }
        scrub.retain(|(word, _)| !word.is_empty());
        // Longest first, so a full name goes before the first name in it.
        scrub.sort_by_key(|(word, _)| std::cmp::Reverse(word.len()));
        Names {
            shown,
            scrub,
            anonymise,
        }
    }

    /// Whether the minutes are anonymised.
    pub fn anonymised(&self) -> bool {
        self.anonymise
    }

    /// The name shown for participant `id` (an unknown id as it is).
    pub fn person<'a>(&'a self, id: &'a str) -> &'a str {
        self.shown.get(id).map_or(id, String::as_str)
    }

    /// `text` with every whole-word occurrence of a name (any case) replaced
    /// by the person's alias; `text` as it is when not anonymising.
    pub fn text(&self, text: &str) -> String {
        if self.scrub.is_empty() {
            return text.to_owned();
        }
        let chars: Vec<char> = text.chars().collect();
        let folded = fold(text);
        let is_word = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            let found = self.scrub.iter().find(|(word, _)| {
                let end = i + word.len();
                folded.get(i..end) == Some(word.as_slice())
                    // A word edge is needed only where the name has a letter
                    // there: `B.` ends at its dot.
                    && !(word[0].is_alphanumeric() && i > 0 && is_word(i - 1))
                    && !(word[word.len() - 1].is_alphanumeric() && is_word(end))
            });
            match found {
                Some((word, alias)) => {
                    out.push_str(alias);
                    i += word.len();
                }
                None => {
                    out.push(chars[i]);
                    i += 1;
                }
            }
        }
        out
    }
}

/// The whole name and each part of it that could name the person alone: a
/// part of two letters or more that starts with a capital ("Doyle", not "de").
fn name_words(name: &str) -> impl Iterator<Item = &str> {
    let parts = name
        .split_whitespace()
        .filter(|w| w.chars().count() >= 2 && w.starts_with(char::is_uppercase));
    std::iter::once(name.trim()).chain(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SESSION: &str = "format: 1
title: Visit with Beve
board: B
date: 2026-11-22
facilitator: Sam Okafor
roles:
  - { id: lived, label: Lived experience }
  - { id: carer, label: Carers }
participants:
  - { id: beve, name: Beve Thompson, role: lived }
  - { id: ann, name: Ann de la Cruz, role: lived }
  - { id: tomasz, name: Tomasz Nowak, role: carer, room_name: Tom }
";

    fn names(anonymise: bool) -> Names {
        Names::new(&serde_yaml::from_str(SESSION).unwrap(), anonymise)
    }

    #[test]
    fn letters_run_past_z() {
        let got: Vec<String> = [0, 1, 25, 26, 27, 51, 52].map(letter).to_vec();
        assert_eq!(got, ["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
    }

    #[test]
    fn each_person_is_their_role_and_a_letter_in_the_roles_own_count() {
        let n = names(true);
        assert_eq!(n.person("beve"), "Lived experience A");
        assert_eq!(n.person("ann"), "Lived experience B");
        assert_eq!(n.person("tomasz"), "Carers A");
        assert_eq!(names(false).person("tomasz"), "Tomasz Nowak");
    }

    #[test]
    fn names_leave_free_text_whole_word_in_any_case() {
        let n = names(true);
        assert_eq!(
            n.text("Beve Thompson and BEVE's friend Tom (not Tomorrow) met Ms Nowak, de la Cruz and Sam."),
            "Lived experience A and Lived experience A's friend Carers A (not Tomorrow) met Ms Carers A, de la Lived experience B and the facilitator."
        );
        assert_eq!(names(false).text("Beve"), "Beve");
    }
}
