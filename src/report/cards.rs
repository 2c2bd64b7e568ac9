//! The minutes' account of the cards the room held up: how many of each,
//! against whom and which roles (who uses jargon is part of who holds
//! power), and every word asked about with its meaning.

use std::fmt::Write;

use super::Minutes;
use super::words::count;
use crate::session::cards::{Count, asked_words, tally};

/// A table row's two counts.
fn cells(c: Count) -> String {
    format!("{} | {}", c.jargon, c.slow_down)
}

impl Minutes<'_> {
    /// `## Cards`, left out when nobody held one up.
    pub(super) fn cards(&self, out: &mut String) {
        let s = self.session;
        let t = tally(s, None);
        if t.all.total() == 0 {
            return;
        }
        let _ = writeln!(out, "## Jargon and slow-down cards\n");
        let _ = writeln!(
            out,
            "{} and {} were held up, each counted against whoever had the floor.\n",
            count(u64::from(t.all.jargon), "jargon card"),
            count(u64::from(t.all.slow_down), "slow-down card")
        );
        let _ = writeln!(out, "| Role | Jargon | Slow down |\n| --- | --- | --- |");
        for (role, c) in s.roles.iter().zip(&t.roles) {
            let power = if role.has_power() { " (power)" } else { "" };
            let _ = writeln!(
                out,
                "| {}{power} | {} |",
                self.role_label(&role.id),
                cells(*c)
            );
        }
        if t.nobody.total() > 0 {
            let _ = writeln!(out, "| Nobody had the floor | {} |", cells(t.nobody));
        }
        if s.roles.iter().any(|r| r.has_power()) {
            let _ = writeln!(
                out,
                "\nRoles with power together: {} of the {} cards.",
                t.power.total(),
                t.all.total()
            );
        }
        let _ = writeln!(
            out,
            "\n| Person | Role | Jargon | Slow down |\n| --- | --- | --- | --- |"
        );
        for (person, c) in s.participants.iter().zip(&t.people) {
            if c.total() > 0 {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} |",
                    self.person(&person.id),
                    self.role_label(&person.role),
                    cells(*c)
                );
            }
        }
        let asked = asked_words(s);
        if !asked.is_empty() {
            let _ = writeln!(out, "\nWords asked about:\n");
            for word in asked {
                let meaning = word
                    .meaning
                    .map_or_else(|| "no meaning given yet".to_owned(), |m| self.text(m));
                let _ = writeln!(
                    out,
                    "- **{}** ({}): {meaning}",
                    self.text(word.word),
                    count(u64::from(word.cards), "card")
                );
            }
        }
        out.push('\n');
    }
}
