//! The rules of the practice fields (issue #19, parts 3 and 5): rounds
//! call people in the meeting, end after they start, one at a time, and
//! count no more hands than people; a "you said, we did" action belongs to
//! someone in the meeting.

use super::{Checker, Lists};
use crate::session::model::Session;
use crate::session::problem::quote;
use crate::session::round::RoundKind;

impl Checker<'_> {
    /// Check-in and check-out rounds, and the actions on agenda items.
    pub(super) fn practice(&mut self, session: &Session, known: &Lists) {
        let last = session.rounds.len().saturating_sub(1);
        let people = session.participants.len();
        for (i, r) in session.rounds.iter().enumerate() {
            let what = format!("the {} round", r.kind.id());
            let path = format!("rounds[{i}]");
            self.in_order(&what, Some(r.from), r.to, &format!("{path}.to"));
            if r.to.is_none() && session.clock.ended.is_some() {
                let message = format!(
                    "{what} has no end, but the meeting has ended; give it a `to:` no later than the meeting's end"
                );
                self.at(&format!("{path}.from"), message);
            } else if r.to.is_none() && i < last {
                let message = format!(
                    "{what} has no end, but a later round starts; only the last round can still be going on"
                );
                self.at(&format!("{path}.from"), message);
            }
            for (k, who) in r.called.iter().enumerate() {
                self.refers(
                    &known.people,
                    who,
                    || format!("called in {what}"),
                    |spans| spans.value_or_near(&format!("{path}.called[{k}]")),
                );
            }
            for (principle, hands) in r.hands.iter() {
                let at = format!("{path}.hands.{}", principle.id());
                if r.kind == RoundKind::CheckIn {
                    let message = format!(
                        "hands on {} are counted at a check-out, not a check-in",
                        quote(principle.id())
                    );
                    self.at(&at, message);
                } else if *hands as usize > people {
                    let message = format!(
                        "{hands} hands on {} is more than the {people} people in the meeting",
                        quote(principle.id())
                    );
                    self.at(&at, message);
                }
            }
        }
        for (i, item) in session.agenda.iter().enumerate() {
            if let Some(action) = &item.action {
                self.refers(
                    &known.people,
                    &action.who,
                    || format!("given the action of agenda item {}", quote(&item.id)),
                    |spans| spans.value_or_near(&format!("agenda[{i}].action.who")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::problems;

    #[test]
    fn a_round_still_going_in_an_ended_meeting_is_refused() {
        let text = "format: 1\ntitle: T\nboard: B\ndate: 2026-11-22
clock: { started: 2026-11-22T10:00:00+00:00, ended: 2026-11-22T11:00:00+00:00 }
rounds:
  - { kind: check-out, order: listed, from: 2026-11-22T10:50:00+00:00 }
";
        assert_eq!(
            problems(text),
            [
                "7:45: the check-out round has no end, but the meeting has ended; give it a `to:` no later than the meeting's end"
            ]
        );
    }

    #[test]
    fn rounds_and_actions_are_checked() {
        let text = "format: 1\ntitle: T\nboard: B\ndate: 2026-11-22
roles: [{ id: r, label: R }]
participants: [{ id: ann, name: Ann, role: r }]
agenda:
  - { id: a, title: A, minutes: 5, action: { what: Write, who: anne } }
rounds:
  - kind: check-in
    order: listed
    from: 2026-11-22T10:00:00+00:00
    called: [ann, bob]
    hands: { reciprocity: 1 }
  - kind: check-out
    order: least-heard
    from: 2026-11-22T11:00:00+00:00
    to: 2026-11-22T10:59:00+00:00
    hands: { peer-support: 2 }
";
        assert_eq!(
            problems(text),
            [
                "8:64: participant 'anne' given the action of agenda item 'a' is not in participants (did you mean 'ann'?)",
                "12:11: the check-in round has no end, but a later round starts; only the last round can still be going on",
                "13:19: participant 'bob' called in the check-in round is not in participants",
                "14:27: hands on 'reciprocity' are counted at a check-out, not a check-in",
                "18:9: the check-out round ends at 10:59:00, before it starts at 11:00:00",
                "19:28: 2 hands on 'peer-support' is more than the 1 people in the meeting",
            ]
        );
    }
}
