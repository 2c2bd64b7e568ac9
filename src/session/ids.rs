//! New ids for things added in the meeting (items, people, proposals): made
//! from what the facilitator typed, so the file stays readable in review.

/// The longest id made from a title, so lines in the file stay short.
const MAX_LEN: usize = 24;

/// An id for `text` made of lowercase letters, digits and '-', that `taken`
/// does not already hold: `fallback` when nothing usable is left, and `-2`,
/// `-3`… added until it is free. A long one is cut after a whole word
/// (`direct-payments-carers`, not `direct-payments-carers-e`).
pub fn fresh_id(text: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            base.push(c);
        } else if let Some(plain) = unaccented(c) {
            base.push_str(plain);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
        // Past the cap only to see whether the word there ends.
        if base.len() > MAX_LEN {
            break;
        }
    }
    if base.len() > MAX_LEN {
        let cut = base[..=MAX_LEN]
            .rfind('-')
            .filter(|&at| at > 0)
            .unwrap_or(MAX_LEN);
        base.truncate(cut);
    }
    let base = match base.trim_end_matches('-') {
        "" => fallback.to_owned(),
        b => b.to_owned(),
    };
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("some number is free")
}

/// The plain letters for an accented Latin letter, so `Café` gives `cafe`.
fn unaccented(c: char) -> Option<&'static str> {
    const FOLDS: &[(&str, &str)] = &[
        ("àáâãäåā", "a"),
        ("æ", "ae"),
        ("çćč", "c"),
        ("ďđ", "d"),
        ("èéêëēęě", "e"),
        ("ìíîïī", "i"),
        ("łľ", "l"),
        ("ñńň", "n"),
        ("òóôõöøō", "o"),
        ("œ", "oe"),
        ("řŕ", "r"),
        ("śšş", "s"),
        ("ß", "ss"),
        ("ťţ", "t"),
        ("ùúûüūů", "u"),
        ("ýÿ", "y"),
        ("źżž", "z"),
    ];
    FOLDS
        .iter()
        .find(|(accented, _)| accented.contains(c))
        .map(|(_, plain)| *plain)
}

#[cfg(test)]
mod tests {
    use super::fresh_id;

    #[test]
    fn ids_are_readable_short_and_free() {
        assert_eq!(
            fresh_id("Carers' breaks: next steps!", "item", |_| false),
            "carers-breaks-next-steps"
        );
        assert_eq!(fresh_id("  ", "item", |_| false), "item");
        assert_eq!(fresh_id("Åsa Łukasz", "person", |_| false), "asa-lukasz");
        assert_eq!(fresh_id("小组", "person", |_| false), "person");
        let taken = ["review", "review-2"];
        assert_eq!(
            fresh_id("Review", "item", |id| taken.contains(&id)),
            "review-3"
        );
        let long = fresh_id(&"word ".repeat(20), "item", |_| false);
        assert!(long.len() <= 25 && !long.ends_with('-'), "{long}");
        // Cut after a whole word, never inside one.
        assert_eq!(
            fresh_id("Direct payments carers explained", "item", |_| false),
            "direct-payments-carers"
        );
        assert_eq!(
            fresh_id("Direct payments carer", "item", |_| false),
            "direct-payments-carer"
        );
        assert_eq!(
            fresh_id("Supercalifragilisticexpialidocious", "item", |_| false).len(),
            24,
            "one long word is cut where it must be"
        );
    }
}
