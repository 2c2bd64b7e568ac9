//! What the room is told about a jargon or slow-down card, in the same
//! words on the room view and in `follow --plain`.

use super::parts::room_name_of;
use crate::session::cards::{Showing, showing};
use crate::session::{Session, Time};
use crate::text::one_line;

/// What the room is told about the card held up at `now`, if one is still
/// shown: its name (`▣ Jargon card`), what follows it on the label line
/// (the word, the speaker asked by their room name), and the words to show
/// large (the meaning, or the question). The room view and `follow
/// --plain` both say it this way.
pub fn card_words(session: &Session, now: Time) -> Option<(&'static str, String, String)> {
    let (card, says) = showing(session, now)?;
    let who = card.who.as_deref().map(|id| room_name_of(session, id));
    let by = || {
        who.as_deref()
            .map(|w| format!(" · {w}"))
            .unwrap_or_default()
    };
    Some(match says {
        Showing::Meaning { word, meaning, .. } => (
            "▣ Jargon card",
            format!(": {}", one_line(word)),
            one_line(meaning).into_owned(),
        ),
        Showing::Explain { word } => (
            "▣ Jargon card",
            format!(
                ": {} · no meaning yet: {}, please explain it",
                one_line(word),
                who.as_deref().unwrap_or("speaker")
            ),
            format!("What does {} mean?", one_line(word)),
        ),
        Showing::PlainWords => (
            "▣ Jargon card",
            by(),
            "Please say that in plain words".to_owned(),
        ),
        Showing::SlowDown => ("▣ Slow-down card", by(), "Please slow down".to_owned()),
    })
}
