//! The Balance pane's form for a person's time (issue 19, part 6): their
//! preparation and travel, typed after the meeting, and whether they take a
//! payment, a voucher or nothing. The choice is theirs (a payment can
//! affect benefits), so nothing here is said where the room could see it:
//! the form never opens over the room view (see [`super::privacy`]) and the
//! message after saving leaves the choice out.

use super::balance::BalanceForm;
use super::form::{Choice, Form, whole_number};
use super::keymap::Scope;
use super::undo::Reach;
use super::{App, Purpose};
use crate::report::words::duration;
use crate::session::peoples_time::{entry, everyone, set};
use crate::session::validate::MAX_MINUTES;
use crate::session::{PersonTime, Takes};

/// The form's labels, read back by [`submit`].
const PREPARATION: &str = "Preparation";
const TRAVEL: &str = "Travel";
const TAKES: &str = "Takes";

/// Opens the form for the person selected in the Balance pane.
pub(super) fn open(app: &mut App) {
    let last = app.session.participants.len().saturating_sub(1);
    app.balance.selected = app.balance.selected.min(last);
    let everyone = everyone(&app.session);
    let Some(given) = everyone.get(app.balance.selected) else {
        app.status = Some(format!(
            "Nobody's time to record: add a latecomer with {}",
            app.key_name(Scope::Balance, "add_latecomer")
        ));
        return;
    };
    let person = given.person;
    let at_meeting = match given.apologies {
        true => "sent apologies".to_owned(),
        false => format!("{} at the meeting", duration(given.at_meeting_minutes * 60)),
    };
    let typed = entry(&app.session, &person.id);
    let shown = |m: Option<u32>| m.map_or_else(String::new, |m| m.to_string());
    let takes = std::iter::once(Choice::new("", "not asked yet"))
        .chain(Takes::ALL.map(|t| Choice::new(t.id(), takes_words(t))))
        .collect();
    let form = Form::new(
        format!("{}'s time ({at_meeting})", person.name),
        Purpose::Balance(BalanceForm::PeoplesTime(person.id.clone())),
    )
    .line(
        PREPARATION,
        "minutes (45) or hours:minutes (1:30); empty: none",
        &shown(typed.and_then(|t| t.preparation_minutes)),
    )
    .line(
        TRAVEL,
        "there and back, minutes or hours:minutes; empty: none",
        &shown(typed.and_then(|t| t.travel_minutes)),
    )
    .choice(
        TAKES,
        "their own choice: a payment can affect benefits",
        takes,
        typed.and_then(|t| t.takes).map_or("", Takes::id),
    );
    app.open_form(form);
}

/// What the form offers for `takes`.
fn takes_words(takes: Takes) -> &'static str {
    match takes {
        Takes::Payment => "a payment",
        Takes::Voucher => "a voucher",
        Takes::Nothing => "nothing",
    }
}

/// Saves the form for the participant `who`, or says what is wrong.
pub(super) fn submit(app: &mut App, who: &str, form: &Form<Purpose>) -> Result<(), String> {
    let preparation_minutes = typed_minutes(&form.value(PREPARATION), "The preparation time")?;
    let travel_minutes = typed_minutes(&form.value(TRAVEL), "The travel time")?;
    let takes = Takes::ALL.into_iter().find(|t| t.id() == form.value(TAKES));
    let Some(name) = app.session.participant(who).map(|p| p.name.clone()) else {
        return Err("That person is no longer in the meeting".into());
    };
    let typed = PersonTime {
        who: who.to_owned(),
        preparation_minutes,
        travel_minutes,
        takes,
    };
    app.change_in(format!("{name}'s time"), Reach::floor(), |s| set(s, typed));
    let all = everyone(&app.session);
    let total = all
        .iter()
        .find(|g| g.person.id == who)
        .map_or(0, |g| g.total_minutes());
    app.status = Some(format!(
        "Saved {name}'s time: {} in all",
        duration(total * 60)
    ));
    Ok(())
}

/// Reads a length typed as minutes (`45`) or hours and minutes (`1:30`);
/// empty is none. `what` names it in the message.
pub fn typed_minutes(value: &str, what: &str) -> Result<Option<u32>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let max = u32::try_from(MAX_MINUTES).unwrap_or(u32::MAX);
    let Some((hours, minutes)) = value.split_once(':') else {
        return whole_number(value, what, 0, max).map(Some);
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let parsed = (digits(hours) && digits(minutes))
        .then(|| (hours.parse::<u32>().ok(), minutes.parse::<u32>().ok()));
    match parsed {
        Some((Some(h), Some(m))) if m < 60 && h * 60 + m <= max => Ok(Some(h * 60 + m)),
        Some((Some(_), Some(m))) if m < 60 => Err(format!("{what} must be a day or less")),
        _ => Err(format!(
            "{what} must be minutes (such as 45) or hours:minutes (such as 1:30), not {value:?}"
        )),
    }
}

#[cfg(test)]
mod tests;
