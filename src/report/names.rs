//! Who is called what in the minutes: real names, or with `--anonymise` a
//! role and a letter ("Carers B"), the same letter throughout, with every
//! name also taken out of the free text the group wrote.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

use crate::session::Session;
use crate::text::is_unsafe;

/// The names the minutes use, and the words to take out of free text.
pub struct Names {
    /// Participant id to the name shown.
    shown: HashMap<String, String>,
    /// Names and parts of names to take out of free text, as the keys of
    /// their atoms (see [`atoms`]), most atoms first, with what replaces
    /// them. Empty unless anonymising.
    scrub: Vec<(Vec<String>, String)>,
    anonymise: bool,
}

/// What the facilitator is called when the minutes are anonymised and they
/// are not a participant.
pub const FACILITATOR: &str = "the facilitator";

/// What replaces a part of a name two people share ("Smith" for two
/// Smiths): either alias would name the wrong person half the time.
pub const SHARED: &str = "(name taken out)";

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

/// A run of letters and digits inside a Unicode word, where a name can be
/// matched: "O’Neill's" is the atoms `o`, `neill`, `s`; a Han character is
/// an atom of its own.
struct Atom {
    start: usize,
    end: usize,
    key: String,
}

/// Whether `c` belongs to an atom: letters, digits, the marks that build
/// letters in many scripts, and the invisible characters that could be
/// slipped inside a name to hide it.
fn in_atom(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || (is_unsafe(c) && !c.is_control())
}

/// The atoms of `text`, found inside its Unicode words (UAX #29), so a
/// script without spaces between words still splits into characters.
fn atoms(text: &str) -> Vec<Atom> {
    let mut out = Vec::new();
    for (at, word) in text.split_word_bound_indices() {
        let mut run: Option<usize> = None;
        for (i, c) in word.char_indices().chain([(word.len(), ' ')]) {
            match (run, in_atom(c) && i < word.len()) {
                (None, true) => run = Some(i),
                (Some(from), false) => {
                    let (start, end) = (at + from, at + i);
                    out.push(Atom {
                        start,
                        end,
                        key: key(&text[start..end]),
                    });
                    run = None;
                }
                _ => {}
            }
        }
    }
    out
}

/// An atom as names are compared: case folded, accents and other marks
/// taken off (Siân is Sian, Zoë is Zoe), invisible characters dropped,
/// and letters that differ only by script convention made one (Greek
/// final sigma, German ß, Arabic and Urdu forms of yeh, heh and kaf).
fn key(atom: &str) -> String {
    let mut out = String::with_capacity(atom.len());
    for c in atom.to_lowercase().nfkd() {
        match c {
            // Tatweel stretches Arabic letters; a modifier apostrophe (ʼ) joins
            // O and Neill as the letters of one atom.
            c if is_combining_mark(c) || is_unsafe(c) || matches!(c, '\u{640}' | '\u{2BC}') => {}
            'ς' => out.push('σ'),
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            '\u{6CC}' | '\u{649}' => out.push('\u{64A}'),
            '\u{6C1}' | '\u{6D5}' => out.push('\u{647}'),
            '\u{6A9}' => out.push('\u{643}'),
            c => out.push(c),
        }
    }
    out
}

/// Whether `gap`, the text between two atoms, can sit inside a name:
/// nothing (Han), spaces, hyphens and dashes, apostrophes, a full stop.
fn joins_a_name(gap: &str) -> bool {
    gap.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '\u{2010}'
                    ..='\u{2015}'
                        | '\''
                        | '\u{2018}'
                        | '\u{2019}'
                        | '\u{2BC}'
                        | '`'
                        | '\u{B4}'
                        | '.'
            )
    })
}

/// The ways `name` can be written in free text, as atom keys: the whole
/// name, each word of it (Doe-Smith, O’Neill), and each atom that could
/// name the person alone (Smith, Neill). Particles written in lower case
/// in a name that has capitals ("de", "wa") are left, and so is a single
/// letter of a script with capitals; a Han character is kept.
fn name_forms(name: &str) -> Vec<Vec<String>> {
    let keys = |text: &str| -> Vec<String> { atoms(text).into_iter().map(|a| a.key).collect() };
    let mut forms = vec![keys(name)];
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let starts_lower = |w: &str| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase)
    };
    let has_capitals = words.iter().any(|w| !starts_lower(w));
    for word in words
        .into_iter()
        .filter(|w| !(has_capitals && starts_lower(w)))
    {
        let word_keys = keys(word);
        if word_keys.len() > 1 {
            // O’Neill is also written Oneill.
            forms.push(vec![word_keys.concat()]);
        }
        forms.push(word_keys);
        for atom in atoms(word) {
            let mut chars = atom.key.chars();
            let alone = match (chars.next(), chars.next()) {
                (Some(c), None) => !c.is_lowercase() && !c.is_uppercase() && !c.is_numeric(),
                (Some(_), Some(_)) => !atom.key.chars().all(char::is_numeric),
                (None, _) => false,
            };
            if alone {
                forms.push(vec![atom.key]);
            }
        }
    }
    forms.retain(|f| !f.is_empty() && f.iter().all(|k| !k.is_empty()));
    forms
}

impl Names {
    /// The names for `session`; with `anonymise`, a role and a letter each.
    pub fn new(session: &Session, anonymise: bool) -> Names {
        let mut shown = HashMap::new();
        let mut scrub: Vec<(Vec<String>, String)> = Vec::new();
        let mut add = |name: &str, alias: &str| {
            for form in name_forms(name) {
                match scrub.iter_mut().find(|(f, _)| *f == form) {
                    Some((_, other)) if other != alias => *other = SHARED.to_owned(),
                    Some(_) => {}
                    None => scrub.push((form, alias.to_owned())),
                }
            }
        };
        let mut per_role: HashMap<&str, usize> = HashMap::new();
        for p in &session.participants {
            if !anonymise {
                shown.insert(p.id.clone(), p.name.clone());
                continue;
            }
            let n = per_role.entry(p.role.as_str()).or_default();
            let alias = format!("{} {}", role_label(session, &p.role), letter(*n));
            *n += 1;
            add(&p.name, &alias);
            if let Some(room_name) = &p.room_name {
                add(room_name, &alias);
            }
            shown.insert(p.id.clone(), alias);
        }
        if anonymise && let Some(facilitator) = &session.facilitator {
            add(facilitator, FACILITATOR);
        }
        // Most atoms first, so a full name goes before the first name in it.
        scrub.sort_by_key(|(form, _)| {
            let chars: usize = form.iter().map(|k| k.chars().count()).sum();
            std::cmp::Reverse((form.len(), chars))
        });
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

    /// `text` with every name and part of a name replaced by the person's
    /// alias, matched as whole words in any case, with or without accents,
    /// in any script, across hyphens and apostrophes of every kind; `text`
    /// as it is when not anonymising.
    pub fn text(&self, text: &str) -> String {
        if self.scrub.is_empty() {
            return text.to_owned();
        }
        let atoms = atoms(text);
        let mut out = String::with_capacity(text.len());
        let (mut copied, mut i) = (0, 0);
        while i < atoms.len() {
            let found = self.scrub.iter().find(|(form, _)| {
                let Some(run) = atoms.get(i..i + form.len()) else {
                    return false;
                };
                run.iter().zip(form).all(|(atom, key)| atom.key == *key)
                    && run
                        .windows(2)
                        .all(|w| joins_a_name(&text[w[0].end..w[1].start]))
            });
            match found {
                Some((form, alias)) => {
                    out.push_str(&text[copied..atoms[i].start]);
                    out.push_str(alias);
                    copied = atoms[i + form.len() - 1].end;
                    i += form.len();
                }
                None => i += 1,
            }
        }
        out.push_str(&text[copied..]);
        out
    }
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

    #[test]
    fn a_shared_surname_names_neither_and_possessives_and_spellings_are_caught() {
        let yaml = SESSION.replace("Tomasz Nowak", "Tomasz Thompson");
        let n = Names::new(&serde_yaml::from_str(&yaml).unwrap(), true);
        assert_eq!(
            n.text("Thompson’s van, beve’s idea, TOMASZ, Tomasz-Thompson."),
            "(name taken out)’s van, Lived experience A’s idea, Carers A, Carers A."
        );
    }
}
