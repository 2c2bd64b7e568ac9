//! The minutes' sections for co-production practice (issue #19, parts 3
//! and 5): what was open to change in each item, what the group heard
//! about the last meeting's actions, and the check-in and check-out
//! rounds with the group's own view against the six principles.

use std::fmt::Write;

use super::{Minutes, markdown, pct, words};
use crate::session::open_to_change::{mark_words, scope_lines};
use crate::session::round::{self, Principle, RoundOrder};

impl Minutes<'_> {
    /// Each item that said what the group could change and what was fixed.
    pub(super) fn open_to_change(&self, out: &mut String) {
        let items: Vec<_> = self
            .session
            .agenda
            .iter()
            .filter_map(|i| i.scope.as_ref().map(|s| (i, scope_lines(s))))
            .filter(|(_, lines)| !lines.is_empty())
            .collect();
        if items.is_empty() {
            return;
        }
        let _ = writeln!(out, "## What was open to change\n");
        for (item, lines) in items {
            let _ = writeln!(out, "**{}**\n", self.text(&item.title));
            for (label, text) in lines {
                let _ = writeln!(out, "- {label}: {}", self.text(text));
            }
            out.push('\n');
        }
    }

    /// Each "you said, we did" item's action and how it stands.
    pub(super) fn you_said(&self, out: &mut String) {
        let items: Vec<_> = self
            .session
            .agenda
            .iter()
            .filter_map(|i| i.action.as_ref().map(|a| (i, a)))
            .collect();
        if items.is_empty() {
            return;
        }
        let _ = writeln!(
            out,
            "## You said, we did\n\n| Action | Who | Due | Now | What we said |\n| --- | --- | --- | --- | --- |"
        );
        for (item, a) in items {
            let due = a.due.map_or_else(String::new, |d| d.to_string());
            // Unmarked on an item never reached: the group has not heard yet.
            let now = match (a.state, &item.report, item.started) {
                (None, None, None) => "not reached",
                (state, ..) => mark_words(state),
            };
            let said = item
                .report
                .as_deref()
                .map_or_else(String::new, |r| self.text(r));
            let _ = writeln!(
                out,
                "| {} | {} | {due} | {now} | {said} |",
                self.text(&a.what),
                self.person(&a.who),
            );
        }
        out.push('\n');
    }

    /// The rounds, who each called, and a check-out's hands per principle.
    pub(super) fn rounds(&self, out: &mut String) {
        let s = self.session;
        if s.rounds.is_empty() {
            return;
        }
        let _ = writeln!(out, "## Rounds\n");
        for (i, r) in s.rounds.iter().enumerate() {
            let order = match r.order {
                RoundOrder::Listed => "around the table",
                RoundOrder::LeastHeard => "least heard first",
            };
            let when = match r.to {
                Some(to) => format!("{} to {}", self.hm(r.from), self.hm(to)),
                None => format!(
                    "from {}, still going at the end of the record",
                    self.hm(r.from)
                ),
            };
            let secs: u64 = round::turns(s, i).filter_map(|t| t.secs).sum();
            let people: Vec<String> = r.called.iter().map(|id| self.person(id)).collect();
            let n = people.len();
            let _ = writeln!(
                out,
                "**{}**, {when}, {order}: {n} {} called in {} ({}).\n",
                r.kind.label(),
                if n == 1 { "person" } else { "people" },
                words::duration(secs),
                people.join(", ")
            );
            if r.hands.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "The group's own view of the meeting, by show of hands out of {n}:\n\n| Principle | Hands | Share |\n| --- | --- | --- |"
            );
            for (p, share) in round::shares(r) {
                let hands = r.hands.get(&p).copied().unwrap_or(0);
                let _ = writeln!(out, "| {} | {hands} | {} |", p.label(), pct(share));
            }
            let unasked: Vec<&str> = Principle::ALL
                .into_iter()
                .filter(|p| r.hands.get(p).is_none())
                .map(Principle::label)
                .collect();
            out.push('\n');
            if !unasked.is_empty() {
                let _ = writeln!(
                    out,
                    "{}\n",
                    markdown::line(&format!("Not asked: {}.", unasked.join(", ")))
                );
            }
        }
    }
}
