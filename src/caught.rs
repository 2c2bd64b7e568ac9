//! Panics the app catches and reports itself, on a thread that is not
//! drawing: the terminal's panic hook must then leave the meeting's screen
//! alone (restoring the terminal mid-meeting, or printing over it, would
//! wreck the screen the room reads while the app goes on).

// The Windows build's clippy (Debian's rustc-web) asks for `const` on the
// thread-local below, which has it already.
#![allow(clippy::missing_const_for_thread_local)]

use std::cell::Cell;
use std::panic::{UnwindSafe, catch_unwind};

thread_local! {
    static CAUGHT: Cell<bool> = const { Cell::new(false) };
}

/// Runs `work`, turning a panic in it into `None`; while it runs, the
/// panic hook knows a panic here will be caught ([`is_caught`]).
pub fn catch<T>(work: impl FnOnce() -> T + UnwindSafe) -> Option<T> {
    let before = CAUGHT.replace(true);
    let done = catch_unwind(work).ok();
    CAUGHT.set(before);
    done
}

/// Whether a panic on this thread now would be caught by [`catch`].
pub fn is_caught() -> bool {
    CAUGHT.get()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_is_caught_and_known_to_be_only_while_inside() {
        assert!(!is_caught());
        assert_eq!(catch(is_caught), Some(true));
        assert_eq!(catch(|| -> u8 { panic!("inside") }), None);
        assert!(!is_caught());
    }
}
