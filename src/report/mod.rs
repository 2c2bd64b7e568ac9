//! `coproduce report`: a session file as Markdown minutes a group can
//! approve as they are.
//!
//! The minutes read the file at the end of its record
//! ([`record_end`]): the clock's end, or the last moment written, so the
//! same file always gives the same minutes. Every number comes from the
//! same code the panes use (balance, timing, consent, judgement).

mod cards;
pub mod easy_read;
pub mod html;
pub mod markdown;
pub mod names;
pub mod payments;
mod practice;
pub mod publish;
pub mod trends;
pub mod words;

pub use publish::{Format, Options, Published, publish};

use std::fmt::Write;

use crate::session::attendance::{apologies, comings_and_goings, given_secs};
use crate::session::balance::spoken;
use crate::session::balance::{Balance, Standing, bar_cells, bar_scale};
use crate::session::consent::{agreed_count, counted, state_words, tally_by_role};
use crate::session::judgement::{Basis, meeting_rung};
use crate::session::offsets::{TimeOfDay, utc_offset};
use crate::session::rubber_stamp::shown_flag;
use crate::session::stack::{in_calling_order, spoken_by_id};
use crate::session::thinking;
use crate::session::timing::{
    ItemState, break_secs_within, item_state, item_used_secs, record_end,
};
use crate::session::{Decision, DecisionState, Response, Session, StackOrder, Time};
use names::{FACILITATOR, Names};

/// Cells in a share bar.
const BAR: usize = 20;

/// The minutes of `session` as Markdown; with `anonymise`, every person is
/// their role and a letter and no name is left in any text.
pub fn report(session: &Session, anonymise: bool) -> String {
    let names = Names::new(session, anonymise);
    let minutes = Minutes {
        session,
        names: &names,
        end: record_end(session),
        face: TimeOfDay::of_record(session),
    };
    let mut out = String::new();
    minutes.heading(&mut out);
    minutes.attendance(&mut out);
    minutes.time_given(&mut out);
    minutes.agenda(&mut out);
    minutes.balance(&mut out);
    minutes.hands(&mut out);
    minutes.decisions(&mut out);
    minutes.ladder(&mut out);
    minutes.cards(&mut out);
    minutes.open_to_change(&mut out);
    minutes.you_said(&mut out);
    minutes.rounds(&mut out);
    out
}

struct Minutes<'a> {
    session: &'a Session,
    names: &'a Names,
    /// The end of the record; `None` when nothing was recorded.
    end: Option<Time>,
    /// Whether times say their offset: the record spans a change of clocks.
    face: TimeOfDay,
}

/// Text from the file made safe for Markdown on one line: shown as
/// written, never as a link, image, heading, table cell or HTML.
pub(crate) fn md(text: &str) -> String {
    markdown::inline(text)
}

/// A fraction as a whole percentage: `0.25` is `25%`.
pub(crate) fn pct(fraction: f64) -> String {
    format!("{:.0}%", fraction * 100.0)
}

/// A share bar in text: `█` filled, `░` empty, `┃` the fair share.
fn bar(share: f64, fair: f64, scale: f64) -> String {
    let (filled, mark) = bar_cells(share, fair, scale, BAR);
    (0..BAR)
        .map(|i| match i {
            i if Some(i) == mark => '┃',
            i if i < filled => '█',
            _ => '░',
        })
        .collect()
}

impl Minutes<'_> {
    /// A time of day as the minutes say it (`10:05 am`), with its offset
    /// (`1:30 am (UTC+1)`) when the record's times do not share one.
    pub(super) fn hm(&self, time: Time) -> String {
        match self.face.shows_offsets() {
            true => format!("{} ({})", words::clock(time), utc_offset(time)),
            false => words::clock(time),
        }
    }

    /// `, arrived 10:20 am, left 11:20 am`: when someone came late or went
    /// early.
    fn comings(&self, p: &crate::session::Participant) -> String {
        comings_and_goings(p)
            .into_iter()
            .map(|(at, came)| {
                let what = if came { "arrived" } else { "left" };
                format!(", {what} {}", self.hm(at))
            })
            .collect()
    }

    /// A person's name (or alias), safe for Markdown.
    fn person(&self, id: &str) -> String {
        md(self.names.person(id))
    }

    /// Free text from the file, names taken out when anonymising.
    fn text(&self, text: &str) -> String {
        md(&self.names.text(text))
    }

    fn role_label(&self, role: &str) -> String {
        md(names::role_label(self.session, role))
    }

    fn role_of(&self, id: &str) -> String {
        let person = self.session.participant(id);
        person.map_or_else(String::new, |p| self.role_label(&p.role))
    }

    fn item_title(&self, id: &str) -> String {
        let item = self.session.agenda.iter().find(|i| i.id == id);
        self.text(item.map_or(id, |i| i.title.as_str()))
    }

    fn heading(&self, out: &mut String) {
        let s = self.session;
        let _ = writeln!(out, "# Minutes: {}\n", self.text(&s.title));
        let _ = writeln!(out, "| About | Details |\n| --- | --- |");
        let _ = writeln!(out, "| Board | {} |", self.text(&s.board));
        let _ = writeln!(out, "| Date | {} |", s.date.format("%A %-d %B %Y"));
        if let Some(place) = &s.place {
            let _ = writeln!(out, "| Place | {} |", self.text(place));
        }
        if let Some(facilitator) = &s.facilitator {
            let shown = if self.names.anonymised() {
                FACILITATOR.to_owned()
            } else {
                md(facilitator)
            };
            let _ = writeln!(out, "| Facilitator | {shown} |");
        }
        let _ = writeln!(out, "| Meeting | {} |", self.meeting_times());
        if self.names.anonymised() {
            let _ = writeln!(
                out,
                "\nAnonymised: each person is shown as their role and a letter, the same throughout, and names are taken out of everything written in the meeting."
            );
        }
        out.push('\n');
    }

    /// `10:00 to 11:45, breaks 11 min`, or why there is no time.
    fn meeting_times(&self) -> String {
        let clock = &self.session.clock;
        let (Some(started), Some(end)) = (clock.started, self.end) else {
            return "the meeting's clock was not started".into();
        };
        // Across the clocks changing, each time says its offset (see
        // `hm`): "12:30 am to 1 am" would hide 1 h 30.
        let mut words = format!("{} to {}", self.hm(started), self.hm(end));
        if clock.ended.is_none() {
            words.push_str(" (not ended in the file: the record runs to its last entry)");
        }
        let breaks = break_secs_within(clock, started, end, end);
        if breaks > 0 {
            let _ = write!(words, "; breaks {}", words::duration(breaks));
        }
        words
    }

    fn attendance(&self, out: &mut String) {
        let people = &self.session.participants;
        // Apologies are those who never came; anyone who was there at all
        // is present, with the times they came and went.
        let list = |came: bool| -> Vec<String> {
            people
                .iter()
                .filter(|p| apologies(p) != came)
                .map(|p| {
                    let who = match self.names.anonymised() {
                        // The alias already names the role.
                        true => self.person(&p.id),
                        false => format!("{} ({})", self.person(&p.id), self.role_label(&p.role)),
                    };
                    format!("{who}{}", self.comings(p))
                })
                .collect()
        };
        let (present, apologies) = (list(true), list(false));
        let _ = writeln!(out, "## Who came\n");
        let _ = writeln!(out, "- Present ({}): {}", present.len(), join(&present));
        let _ = writeln!(
            out,
            "- Apologies ({}): {}\n",
            apologies.len(),
            join(&apologies)
        );
    }

    /// Each person's time in the room, breaks included (people give their
    /// breaks to the meeting too), from their comings and goings.
    fn time_given(&self, out: &mut String) {
        let _ = writeln!(out, "## Time given\n");
        let (Some(started), Some(end)) = (self.session.clock.started, self.end) else {
            let _ = writeln!(
                out,
                "The meeting's clock was not started, so no time is recorded.\n"
            );
            return;
        };
        let _ = writeln!(
            out,
            "Worked out as each person's time in the room between the start of the meeting's clock ({}) and its end ({}), breaks included: from the start (or when they arrived) to the end (or when they left); people who sent apologies gave none.\n",
            self.hm(started),
            self.hm(end)
        );
        let _ = writeln!(out, "| Person | Role | Time given |\n| --- | --- | --- |");
        let mut total = 0;
        for p in &self.session.participants {
            let given = if apologies(p) {
                "apologies".to_owned()
            } else {
                let secs = given_secs(p, started, end);
                total += secs;
                words::duration(secs)
            };
            let _ = writeln!(
                out,
                "| {} | {} | {given} |",
                self.person(&p.id),
                self.role_label(&p.role),
            );
        }
        let _ = writeln!(out, "| All | | {} |\n", words::duration(total));
    }

    fn agenda(&self, out: &mut String) {
        let s = self.session;
        let _ = writeln!(out, "## Agenda\n");
        if s.agenda.is_empty() {
            let _ = writeln!(out, "No items.\n");
            return;
        }
        let _ = writeln!(
            out,
            "| # | Item | Lead | Planned | Actual | Against plan |\n| --- | --- | --- | --- | --- | --- |"
        );
        let (mut planned, mut actual) = (0, 0);
        for (n, item) in s.agenda.iter().enumerate() {
            let box_secs = u64::from(item.minutes) * 60;
            planned += box_secs;
            let used = self.end.and_then(|end| item_used_secs(item, &s.clock, end));
            actual += used.unwrap_or(0);
            let against = match (item_state(item), used) {
                (ItemState::ToCome, _) | (_, None) => "not reached".to_owned(),
                (ItemState::Running, Some(_)) => "still running at the end of the record".into(),
                (ItemState::Done, Some(used)) => against_box(used, box_secs),
            };
            let lead = item
                .lead
                .as_deref()
                .map_or_else(String::new, |l| self.person(l));
            let used = used.map_or_else(|| "-".to_owned(), words::duration);
            let _ = writeln!(
                out,
                "| {} | {} | {lead} | {} | {used} | {against} |",
                n + 1,
                self.text(&item.title),
                words::duration(box_secs),
            );
        }
        let _ = writeln!(
            out,
            "| | All items | | {} | {} | {} |\n",
            words::duration(planned),
            words::duration(actual),
            against_box(actual, planned)
        );
        for item in s.agenda.iter() {
            let Some(notes) = &item.notes else { continue };
            let _ = writeln!(out, "**{}**\n", self.text(&item.title));
            for line in self.names.text(notes).lines() {
                let _ = writeln!(out, "> {}", markdown::line(line));
            }
            out.push('\n');
        }
    }

    fn balance(&self, out: &mut String) {
        let s = self.session;
        let _ = writeln!(out, "## Balance\n");
        let Some(end) = self.end else {
            let _ = writeln!(out, "Nobody's speaking time was recorded.\n");
            return;
        };
        let b = Balance::compute(s, end);
        let even = b
            .evenness
            .map_or_else(|| "not known".to_owned(), |e| format!("{e:.2}"));
        let _ = writeln!(
            out,
            "Speaking time recorded: {} in {} turns. Evenness (1 is everyone who came equal, 0 one voice only: 1 minus the Gini coefficient, scaled so one voice is 0): {even}. Fair share is each person's share of the time everyone was in the room, or the group's target for a role; a bar's `┃` marks it.\n",
            words::duration(b.total_secs),
            b.people.iter().map(|p| p.turns).sum::<u32>()
        );
        let (pauses, quiet) = thinking::taken(&s.clock, end);
        if pauses > 0 {
            let before = s
                .clock
                .thinking
                .iter()
                .filter(|t| t.from < end && t.before.is_some());
            let _ = writeln!(
                out,
                "Thinking time: {pauses} silent {} ({} before a proposal), {} in all, counted as nobody's speaking time.\n",
                if pauses == 1 { "pause" } else { "pauses" },
                before.count(),
                words::duration(quiet)
            );
        }
        let scale = bar_scale(b.roles.iter().map(|r| (r.share, r.fair)));
        let _ = writeln!(
            out,
            "| Role | Present | Spoke | Share | Fair share | Against fair share | Bar |\n| --- | --- | --- | --- | --- | --- | --- |"
        );
        for r in &b.roles {
            let role = &s.roles[r.index];
            let fair = if r.is_target {
                format!("{} (target)", pct(r.fair))
            } else {
                pct(r.fair)
            };
            let power = if role.has_power() { " (power)" } else { "" };
            let _ = writeln!(
                out,
                "| {}{power} | {} | {} | {} | {fair} | {} | `{}` |",
                md(&role.label),
                r.present,
                words::duration(r.secs),
                pct(r.share),
                Standing::of(r.share, r.fair).words(),
                bar(r.share, r.fair, scale)
            );
        }
        if let Some(power) = &b.power {
            let _ = writeln!(
                out,
                "\nRoles with power together: {} of the speaking time against a fair share of {} ({}).",
                pct(power.share),
                pct(power.fair),
                Standing::of(power.share, power.fair).words()
            );
        }
        let scale = bar_scale(b.people.iter().map(|p| (p.share, p.fair)));
        let _ = writeln!(
            out,
            "\n| Person | Role | Turns | Spoke | Share | Fair share | Against fair share | Bar |\n| --- | --- | --- | --- | --- | --- | --- | --- |"
        );
        for p in &b.people {
            let person = &s.participants[p.index];
            let standing = if apologies(person) {
                "apologies"
            } else {
                Standing::of(p.share, p.fair).words()
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {standing} | `{}` |",
                self.person(&person.id),
                self.role_label(&person.role),
                p.turns,
                words::duration(p.secs),
                pct(p.share),
                pct(p.fair),
                bar(p.share, p.fair, scale)
            );
        }
        out.push('\n');
    }

    fn decisions(&self, out: &mut String) {
        let _ = writeln!(out, "## Decisions\n");
        let decisions = &self.session.decisions;
        if decisions.is_empty() {
            let _ = writeln!(out, "No proposals.\n");
        } else {
            let counts: Vec<String> = DecisionState::ALL
                .iter()
                .map(|&state| (state, decisions.iter().filter(|d| d.state == state).count()))
                .filter(|&(_, n)| n > 0)
                .map(|(state, n)| format!("{n} {}", state_words(state)))
                .collect();
            let agreed = agreed_count(decisions);
            let _ = writeln!(
                out,
                "{} proposals: {}. Agreed (as proposed or amended): {agreed}.\n",
                decisions.len(),
                counts.join(", ")
            );
        }
        for (n, d) in self.session.decisions.iter().enumerate() {
            self.decision(out, n + 1, d);
        }
    }

    fn decision(&self, out: &mut String, n: usize, d: &Decision) {
        let _ = writeln!(out, "### {n}. {}\n", self.text(&d.proposal));
        let mut state = state_words(d.state).to_owned();
        if let Some(decided) = d.decided {
            let _ = write!(state, ", decided at {}", self.hm(decided));
        }
        let _ = writeln!(out, "- State: {state}");
        let mut by = format!(
            "- Proposed by: {} ({})",
            self.person(&d.proposed_by),
            self.role_of(&d.proposed_by)
        );
        if let Some(item) = &d.item {
            let _ = write!(by, ", under {}", self.item_title(item));
        }
        let _ = writeln!(out, "{by}");
        if d.responses.is_empty() {
            if !matches!(d.state, DecisionState::Queued | DecisionState::Withdrawn) {
                let _ = writeln!(out, "- Consent: no answers recorded");
            }
        } else {
            self.consent(out, d);
        }
        if let Some(outcome) = &d.outcome {
            let _ = writeln!(out, "- Outcome: {}", self.text(outcome));
        }
        if !d.actions.is_empty() {
            let _ = writeln!(out, "- Actions:");
            for a in &d.actions {
                let due = a.due.map_or_else(String::new, |due| format!(", by {due}"));
                let _ = writeln!(
                    out,
                    "  - {} ({}{due})",
                    self.text(&a.what),
                    self.person(&a.who)
                );
            }
        }
        if let Some(review) = d.review {
            let _ = writeln!(out, "- Review: {review}");
        }
        self.rubber_stamp(out, d);
        self.history(out, d);
        out.push('\n');
    }

    /// Hands still up at the end of the record, in the order the stack's
    /// rule calls them, whatever order the file lists them in.
    fn hands(&self, out: &mut String) {
        let s = self.session;
        let (Some(end), false) = (self.end, s.stack.is_empty()) else {
            return;
        };
        let (secs, _) = spoken(s, end);
        let mut hands = s.stack.clone();
        let order = s.settings.stack_order();
        in_calling_order(&mut hands, order, spoken_by_id(s, &secs));
        let rule = match order {
            StackOrder::Progressive => "progressive order: least spoken first",
            StackOrder::FirstCome => "in the order hands went up",
        };
        let names: Vec<String> = hands.iter().map(|h| self.person(h)).collect();
        let _ = writeln!(
            out,
            "Hands still up at the end of the record ({rule}): {}.\n",
            names.join(", ")
        );
    }

    /// The rubber-stamp check as the record stands, whatever the file
    /// stored, and a note left on a flag that no longer applies.
    fn rubber_stamp(&self, out: &mut String, d: &Decision) {
        let now = self.end.unwrap_or(d.decided.unwrap_or_default());
        let flag = shown_flag(self.session, d, now);
        let note = d.rubber_stamp_note.as_deref().map(|n| self.text(n));
        match (flag, note) {
            (Some(flag), note) => {
                let _ = writeln!(out, "- ⚠ Possible rubber stamp: {}", self.text(&flag));
                let note = note.unwrap_or_else(|| "none".to_owned());
                let _ = writeln!(out, "  - Facilitator's note: {note}");
            }
            (None, Some(note)) => {
                let _ = writeln!(
                    out,
                    "- Facilitator's note on a rubber-stamp flag that no longer applies: {note}"
                );
            }
            (None, None) => {}
        }
    }

    /// Earlier wordings and changed answers: "Joan objected (reason), then
    /// agreed to the amended wording".
    fn history(&self, out: &mut String, d: &Decision) {
        for w in &d.wordings {
            let _ = writeln!(
                out,
                "- Earlier wording (until {}): {}",
                self.hm(w.until),
                self.text(&w.proposal)
            );
        }
        for e in &d.earlier_answers {
            let reason = e
                .reason
                .as_deref()
                .map_or_else(String::new, |r| format!(" ({})", self.text(r)));
            let amended = d.wordings.iter().any(|w| w.until <= e.until);
            let then = d.responses.get(&e.who).map_or_else(
                || "then gave no answer".to_owned(),
                |&r| {
                    let to = if amended {
                        " to the amended wording"
                    } else {
                        ""
                    };
                    format!("then {}{to}", answered(r))
                },
            );
            let _ = writeln!(
                out,
                "- {} {}{reason} until {}, {then}",
                self.person(&e.who),
                answered(e.answer),
                self.hm(e.until)
            );
        }
    }

    /// The tally of the people present (by role), who answered what, and
    /// the reasons for concerns and objections.
    fn consent(&self, out: &mut String, d: &Decision) {
        let s = self.session;
        let tally = tally_by_role(s, d);
        let mut totals = [0; 4];
        let mut waiting = 0;
        for t in &tally {
            for (total, count) in totals.iter_mut().zip(t.counts) {
                *total += count;
            }
            waiting += t.waiting;
        }
        // The total names every answer; a role only the answers it gave.
        let words = |counts: &[usize; 4], waiting: usize, every: bool| {
            let mut parts: Vec<String> = Response::ALL
                .iter()
                .zip(counts)
                .filter(|&(_, &n)| every || n > 0)
                .map(|(r, n)| format!("{n} {}", r.id()))
                .collect();
            if waiting > 0 {
                parts.push(format!("{waiting} not answered"));
            }
            parts.join(", ")
        };
        let _ = writeln!(out, "- Consent: {}", words(&totals, waiting, true));
        for t in tally
            .iter()
            .filter(|t| t.counts.iter().sum::<usize>() + t.waiting > 0)
        {
            let _ = writeln!(
                out,
                "  - {}: {}",
                self.role_label(&t.role),
                words(&t.counts, t.waiting, false)
            );
        }
        for response in Response::ALL {
            let who: Vec<String> = s
                .participants
                .iter()
                .filter(|p| d.responses.get(&p.id) == Some(&response))
                .map(|p| {
                    let absent = if counted(d, p) {
                        ""
                    } else {
                        " (not in the room: not counted)"
                    };
                    format!("{}{absent}", self.person(&p.id))
                })
                .collect();
            if !who.is_empty() {
                let _ = writeln!(out, "- {}: {}", capital(response.id()), join(&who));
            }
        }
        let raised: Vec<(&String, Response)> = d
            .responses
            .iter()
            .filter(|(_, r)| matches!(r, Response::Concern | Response::Object))
            .map(|(who, r)| (who, *r))
            .collect();
        if !raised.is_empty() {
            let _ = writeln!(out, "- Concerns and objections:");
            for (who, response) in raised {
                let reason = d
                    .reasons
                    .get(who)
                    .map_or_else(|| "no reason recorded".to_owned(), |r| self.text(r));
                let _ = writeln!(
                    out,
                    "  - {} ({}): {reason}",
                    self.person(who),
                    response.id()
                );
            }
        }
    }

    fn ladder(&self, out: &mut String) {
        let s = self.session;
        let _ = writeln!(out, "## Ladder of co-production\n");
        match meeting_rung(s) {
            None => {
                let _ = writeln!(out, "The meeting's rung was not judged.\n");
                return;
            }
            Some(m) => {
                // Short sentences: this one was 43 words, grade 16.5.
                let basis = match m.basis {
                    Basis::Meeting => {
                        "the group's last judgement of the meeting as a whole".to_owned()
                    }
                    Basis::Items(n) => format!(
                        "the judgements of {n} items: the middle of their latest rungs, or the lower of two middles. Nobody judged the meeting as a whole"
                    ),
                };
                let _ = writeln!(
                    out,
                    "The meeting's rung: **{}** ({}). It means: {}. It comes from {basis}.\n",
                    m.rung.label(),
                    m.rung.band().label(),
                    m.rung.meaning()
                );
            }
        }
        let _ = writeln!(
            out,
            "| Time | About | Rung | Hands | Note |\n| --- | --- | --- | --- | --- |"
        );
        for j in &s.ladder {
            let about = j.item.as_deref().map_or_else(
                || "the meeting as a whole".to_owned(),
                |i| self.item_title(i),
            );
            let hands: Vec<String> = j
                .votes
                .iter()
                .map(|(rung, n)| format!("{} {n}", rung.label()))
                .collect();
            let note = j.note.as_deref().map_or_else(String::new, |n| self.text(n));
            let _ = writeln!(
                out,
                "| {} | {about} | {} | {} | {note} |",
                self.hm(j.at),
                j.rung.label(),
                hands.join(", ")
            );
        }
        out.push('\n');
    }
}

/// `3 min over`, `2 min under` or `on time` (within a minute).
/// An answer as the minutes tell it: "objected", "agreed".
fn answered(response: Response) -> &'static str {
    match response {
        Response::Agree => "agreed",
        Response::Concern => "raised a concern",
        Response::Object => "objected",
        Response::Abstain => "abstained",
    }
}

fn against_box(used: u64, planned: u64) -> String {
    match used.abs_diff(planned) {
        0..60 => "on time".into(),
        diff if used > planned => format!("{} over", words::duration(diff)),
        diff => format!("{} under", words::duration(diff)),
    }
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn join(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}
