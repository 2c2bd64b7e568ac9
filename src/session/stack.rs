//! The stack of raised hands, kept in `session.stack` in calling order.
//!
//! Progressive order (the default) calls whoever has spoken least so far
//! first, ties by who raised first; first-come order calls in the order
//! hands went up. The file holds only the calling order, and that is
//! enough: a person's speaking time cannot change while their hand is up
//! (giving them the floor takes them off the stack, and a hand cannot go
//! up while its owner has the floor), so a new hand goes in after everyone
//! who has spoken as little or less, and among equals the stack is already
//! in raising order. Switching `stack_order` in the file takes the hands
//! already up in their calling order as their raising order.

use super::{Session, StackOrder};
use crate::session::timing::format_minutes;

/// Puts `who`'s hand up in `stack` (calling order) as `order` says;
/// `spoken` gives a participant's speaking seconds so far. Does nothing if
/// their hand is already up.
pub fn raise(stack: &mut Vec<String>, order: StackOrder, who: &str, spoken: impl Fn(&str) -> u64) {
    if stack.iter().any(|w| w == who) {
        return;
    }
    let at = match order {
        StackOrder::FirstCome => stack.len(),
        StackOrder::Progressive => {
            let secs = spoken(who);
            stack
                .iter()
                .position(|w| spoken(w) > secs)
                .unwrap_or(stack.len())
        }
    };
    stack.insert(at, who.to_owned());
}

/// Puts the hands in `stack` in the calling order `order` says, whatever
/// order the file listed them in: a file written by hand, or under the
/// other setting. Progressive order is a stable sort on time spoken, so
/// among equals the listed order stands for the raising order.
pub fn in_calling_order(stack: &mut [String], order: StackOrder, spoken: impl Fn(&str) -> u64) {
    if order == StackOrder::Progressive {
        stack.sort_by_cached_key(|who| spoken(who));
    }
}

/// A participant's speaking seconds by id, read from `secs` (by index in
/// `session.participants`; nobody listed has 0): the `spoken` that
/// [`raise`] and [`in_calling_order`] ask for.
pub fn spoken_by_id<'a>(session: &'a Session, secs: &'a [u64]) -> impl Fn(&str) -> u64 + 'a {
    move |id| {
        let i = session.participants.iter().position(|p| p.id == id);
        i.and_then(|i| secs.get(i)).copied().unwrap_or(0)
    }
}

/// Takes `who`'s hand down; says whether it was up.
pub fn lower(stack: &mut Vec<String>, who: &str) -> bool {
    let before = stack.len();
    stack.retain(|w| w != who);
    stack.len() != before
}

/// Why each hand in `stack` is where it is, in calling order, in the room's
/// words: "not spoken yet", "1 min so far", "raised first"; `spoken` as for
/// [`raise`].
pub fn reasons(stack: &[String], order: StackOrder, spoken: impl Fn(&str) -> u64) -> Vec<String> {
    match order {
        StackOrder::FirstCome => (0..stack.len())
            .map(|i| format!("raised {}", ordinal(i)))
            .collect(),
        StackOrder::Progressive => {
            let secs: Vec<u64> = stack.iter().map(|w| spoken(w)).collect();
            let mut out = Vec::with_capacity(stack.len());
            let mut i = 0;
            while i < secs.len() {
                let tied = secs[i..].iter().take_while(|&&s| s == secs[i]).count();
                let said = match secs[i] {
                    0 => "not spoken yet".to_owned(),
                    s => format!("{} so far", format_minutes(s)),
                };
                for k in 0..tied {
                    out.push(if tied > 1 {
                        format!("{said}, raised {}", ordinal(k))
                    } else {
                        said.clone()
                    });
                }
                i += tied;
            }
            out
        }
    }
}

/// `first`, `second`… for a place counted from 0.
fn ordinal(place: usize) -> String {
    const WORDS: [&str; 10] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ];
    WORDS.get(place).map_or_else(
        || {
            let n = place + 1;
            let suffix = match (n % 10, n % 100) {
                (1, 11) | (2, 12) | (3, 13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        },
        |w| (*w).to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Speaking time by id: a 0, b 60, c 0, d 200, e 60.
    fn secs(who: &str) -> u64 {
        match who {
            "b" | "e" => 60,
            "d" => 200,
            _ => 0,
        }
    }

    #[test]
    fn progressive_puts_least_spoken_first_and_ties_by_raising() {
        let order = StackOrder::Progressive;
        let mut s = Vec::new();
        for who in ["d", "b", "a", "e", "c"] {
            raise(&mut s, order, who, secs);
        }
        assert_eq!(s, ["a", "c", "b", "e", "d"]);
        assert_eq!(
            reasons(&s, order, secs),
            [
                "not spoken yet, raised first",
                "not spoken yet, raised second",
                "1 min so far, raised first",
                "1 min so far, raised second",
                "3 min so far",
            ]
        );
        raise(&mut s, order, "a", secs);
        assert_eq!(s.len(), 5, "a hand goes up once");
        assert!(lower(&mut s, "c"));
        assert!(!lower(&mut s, "c"));
        assert_eq!(reasons(&s, order, secs)[0], "not spoken yet");
    }

    #[test]
    fn first_come_keeps_raising_order() {
        let order = StackOrder::FirstCome;
        let mut s = Vec::new();
        for who in ["d", "b", "a"] {
            raise(&mut s, order, who, secs);
        }
        assert_eq!(s, ["d", "b", "a"]);
        assert_eq!(
            reasons(&s, order, secs),
            ["raised first", "raised second", "raised third"]
        );
    }

    #[test]
    fn ordinals_read_as_words_then_numbers() {
        let got: Vec<String> = [0, 9, 10, 11, 20, 21, 22].map(ordinal).to_vec();
        assert_eq!(
            got,
            ["first", "tenth", "11th", "12th", "21st", "22nd", "23rd"]
        );
    }
}
