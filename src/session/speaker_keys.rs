//! Giving speaker keys to participants who have none.
//!
//! The choice depends only on the file (a letter of the name if free, then the
//! alphabet, then digits), so the same file gives the same keys on every run.

use super::{Session, SpeakerKey};

/// Gives a free key to every participant without one, never a key for which
/// `reserved` says true. Returns how many keys were given.
pub fn assign_missing(session: &mut Session, reserved: impl Fn(char) -> bool) -> usize {
    let mut taken: Vec<char> = session
        .participants
        .iter()
        .filter_map(|p| p.key.map(|k| k.0))
        .collect();
    let mut given = 0;
    for participant in session.participants.iter_mut().filter(|p| p.key.is_none()) {
        let from_name = participant.name.chars().flat_map(char::to_lowercase);
        let mut candidates = from_name.chain('a'..='z').chain('0'..='9');
        let free =
            candidates.find(|&c| SpeakerKey::allowed(c) && !taken.contains(&c) && !reserved(c));
        if let Some(c) = free {
            participant.key = Some(SpeakerKey(c));
            taken.push(c);
            given += 1;
        }
    }
    given
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Participant;

    fn person(id: &str, name: &str, key: Option<char>) -> Participant {
        Participant {
            id: id.into(),
            name: name.into(),
            role: "lived".into(),
            key: key.map(SpeakerKey),
            present: None,
            needs: None,
            room_name: None,
            attendance: Vec::new(),
        }
    }

    fn session_of(people: Vec<Participant>) -> Session {
        let mut s: Session =
            serde_yaml::from_str("format: 1\ntitle: t\nboard: b\ndate: 2026-11-22\n").unwrap();
        s.participants = people;
        s
    }

    #[test]
    fn keys_come_from_names_are_unique_and_stable() {
        let people = vec![
            person("beve", "Beve", Some('b')),
            person("bob", "Bob", None),
            person("oona", "Öona", None),
            person("x", "", None),
        ];
        let mut first = session_of(people.clone());
        assert_eq!(assign_missing(&mut first, |c| c == 'a'), 3);
        let keys: Vec<char> = first
            .participants
            .iter()
            .map(|p| p.key.unwrap().0)
            .collect();
        assert_eq!(keys, vec!['b', 'o', 'n', 'c']);
        let mut again = session_of(people);
        assign_missing(&mut again, |c| c == 'a');
        assert_eq!(first, again);
    }

    #[test]
    fn more_people_than_keys_leaves_the_rest_without() {
        let people = (0..40)
            .map(|i| person(&format!("p{i}"), "", None))
            .collect();
        let mut s = session_of(people);
        assert_eq!(assign_missing(&mut s, |_| false), 36);
        assert!(s.participants[36..].iter().all(|p| p.key.is_none()));
    }
}
