//! Jargon and slow-down cards from any pane: the keys, the small form for
//! the word that lost people, and the meaning the facilitator types as the
//! speaker explains it, which joins the group's glossary.

use super::form::{self, Form};
use super::undo::Reach;
use super::update::refuse_if_ended;
use super::{App, Purpose};
use crate::session::balance::floor;
use crate::session::cards::hold_up;
use crate::session::timing::not_before_record;
use crate::session::{CardKind, Time, jargon};
use crate::text::{fit, one_line};

/// The forms cards open, and what each will change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardForm {
    /// The word on a jargon card held up at `at` (the key's time, not the
    /// time the word was typed).
    Word { at: Time },
    /// The meaning of `word`, typed as the speaker explains it.
    Meaning { word: String },
}

/// The label of the word field; the form's typed readers use it too.
const WORD: &str = "Word";
/// See [`WORD`].
const MEANING: &str = "Meaning";

/// Who has the floor, as the facilitator's messages name them.
fn speaker(app: &App) -> Option<String> {
    floor(&app.session)
        .and_then(|t| app.session.participant(&t.who))
        .map(|p| one_line(&p.name).into_owned())
}

/// "against Alex" or "while nobody has the floor".
fn against(app: &App) -> String {
    speaker(app).map_or_else(
        || "while nobody has the floor".to_owned(),
        |name| format!("against {name}"),
    )
}

/// The jargon card key: a form for the word; under the room view (where no
/// form opens) the card is logged with no word.
pub(super) fn jargon_card(app: &mut App, now: Time) {
    if refuse_if_ended(app) {
        return;
    }
    let at = not_before_record(&app.session, now);
    if app.room {
        let said = against(app);
        app.change_in("hold up a jargon card".into(), Reach::floor(), |s| {
            hold_up(s, CardKind::Jargon, at, None)
        });
        app.status = Some(format!(
            "Jargon card {said}, with no word: words are typed from the panes"
        ));
        return;
    }
    let title = format!("Jargon card {}", against(app));
    let form = Form::new(title, Purpose::Cards(CardForm::Word { at })).line(
        WORD,
        "the word that lost people; empty: none",
        "",
    );
    app.open_form(form);
}

/// The slow-down card key: logged there and then.
pub(super) fn slow_down(app: &mut App, now: Time) {
    if refuse_if_ended(app) {
        return;
    }
    let at = not_before_record(&app.session, now);
    let said = against(app);
    app.change_in("hold up a slow-down card".into(), Reach::floor(), |s| {
        hold_up(s, CardKind::SlowDown, at, None)
    });
    app.status = Some(format!(
        "Slow-down card {said}: the room view asks for a slower pace"
    ));
}

/// Saves a card form, or says why not.
pub(super) fn submit(app: &mut App, purpose: CardForm, form: &Form<Purpose>) -> Result<(), String> {
    match purpose {
        CardForm::Word { at } => {
            let word = form::optional(&form.value(WORD));
            let said = against(app);
            app.change_in("hold up a jargon card".into(), Reach::floor(), |s| {
                hold_up(s, CardKind::Jargon, at, word.as_deref())
            });
            let Some(word) = word else {
                app.status = Some(format!(
                    "Jargon card {said}: the room view asks for plain words"
                ));
                return Ok(());
            };
            let shown = fit(&one_line(&word), 30).into_owned();
            match jargon::lookup(&app.session, &word) {
                Some((meaning, _)) => {
                    app.status = Some(format!("Jargon card {said}: {shown}: {meaning}"));
                }
                None => {
                    let who = speaker(app).unwrap_or_else(|| "the speaker".into());
                    app.status = Some(format!(
                        "{shown} has no meaning yet: the room view asks {who} to explain it"
                    ));
                    let title = format!("What does {shown} mean?");
                    let form = Form::new(title, Purpose::Cards(CardForm::Meaning { word }))
                        .line(
                            MEANING,
                            "type it as it is explained, one short sentence; it joins the group's glossary (cancel: not now)",
                            "",
                        );
                    app.open_form(form);
                }
            }
        }
        CardForm::Meaning { word } => {
            let meaning = form::required(&form.value(MEANING), "the meaning")?;
            let shown = fit(&one_line(&word), 30).into_owned();
            app.change_in(
                format!("add {shown} to the glossary"),
                Reach::floor(),
                |s| jargon::add(s, &word, &meaning),
            );
            app.status = Some(format!("{shown} joins the group's glossary"));
        }
    }
    Ok(())
}
