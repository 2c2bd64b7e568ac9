//! The Balance pane: who has the floor, large; speaking time by person and
//! by role against fair share; who has not spoken yet; the stack with the
//! reason for each place; first and most on each item; one figure for the
//! room; the cards held up by person and role; and each person's access
//! needs, which only the facilitator's screen ever shows.
//!
//! Below 160 columns the people take the full width with roles, the stack
//! and the items beneath; wider, the people fill the left and the rest runs
//! down the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, HighlightSpacing, Paragraph, Row, Table, TableState, Wrap};
use unicode_width::UnicodeWidthStr;

use super::parts::{
    against_fair, bar_scale, big_fit, big_text, column_widths, fit_cell, fit_line, hand_reasons,
    heading, name_of, percent, role_of, role_symbol, scrolled_words, share_bar, wrapped_rows,
};
use crate::app::App;
use crate::app::balance::BalanceView;
use crate::app::keymap::Scope;
use crate::session::balance::{Balance, ItemSpeakers, floor, long_turn, turn_secs};
use crate::session::timing::format_duration;
use crate::session::{Session, cards};
use crate::text::one_line;
use crate::theme::Theme;

/// From this width the pane runs in two columns.
const WIDE: u16 = 160;
/// Rows of the floor in large text on an ordinary screen.
const BIG_FLOOR: u16 = 4;
/// The fewest rows the people's table keeps: its heading, one person and
/// the line saying how many more there are.
const PEOPLE_MIN: u16 = 3;

/// What every part of the pane draws from, worked out once a frame.
struct View<'a> {
    app: &'a App,
    s: &'a Session,
    balance: Balance,
    /// Cards held up so far, by whoever had the floor.
    cards: cards::Tally,
    theme: &'a Theme,
    /// The screen is too short for the power line in full words.
    short_power: bool,
    /// The people table has no needs column, so a line under the roles
    /// lists them.
    needs_under_roles: bool,
}

/// The longest access needs a column shows whole; longer, the needs go in
/// a line under the roles, where they wrap.
const NEEDS_MOST: usize = 48;

/// The longest access need written, in columns (0 when nobody has one).
fn longest_needs(s: &Session) -> usize {
    s.participants
        .iter()
        .filter_map(|p| p.needs.as_deref())
        .map(|n| one_line(n).chars().count())
        .max()
        .unwrap_or(0)
}

/// Whether a people table `width` wide shows access needs in a column of
/// their own, whole: the other columns at their narrowest leave room.
fn needs_in_column(s: &Session, width: u16) -> bool {
    let longest = longest_needs(s);
    longest > 0 && longest <= NEEDS_MOST && usize::from(width) >= 110 + longest
}

/// A count for a table cell: blank for none, so the ones stand out.
fn count(n: u32) -> String {
    if n == 0 { String::new() } else { n.to_string() }
}

/// A participant's first name, for the big text and the narrow item table.
fn short_name(s: &Session, id: &str) -> String {
    let name = name_of(s, id);
    name.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

impl View<'_> {
    /// Who has the floor, large, with their role, the long-turn warning and
    /// the evenness figure beside it.
    fn floor(&self, frame: &mut Frame, area: Rect) {
        let (s, theme) = (self.s, self.theme);
        let turn = floor(s);
        let long = long_turn(s, self.app.now);
        let big = match turn {
            Some(t) => format!(
                "{} {}",
                short_name(s, &t.who),
                format_duration(turn_secs(s, t, self.app.now))
            ),
            None => "silent".to_owned(),
        };
        let big_style = match (turn, long) {
            (None, _) => theme.muted(),
            (Some(_), Some(_)) => theme.alert(),
            (Some(_), None) => theme.title(),
        };
        let details = self.floor_details(turn, long);
        if area.height < BIG_FLOOR {
            // Short screens: the floor, its time and the details on one
            // bold row, cut with `…` only after the warning.
            let mut spans = vec![
                Span::styled(big, big_style.add_modifier(Modifier::BOLD)),
                Span::raw("  "),
            ];
            for line in details {
                let style = line.style;
                spans.extend(
                    line.spans
                        .into_iter()
                        .map(|span| Span::styled(span.content, style.patch(span.style))),
                );
                spans.push(Span::raw("  "));
            }
            let line = fit_line(Line::from(spans), usize::from(area.width));
            frame.render_widget(Paragraph::new(line), area);
            return;
        }
        let width = big_fit(&big, area.width * 3 / 5, area.height)
            .map_or(big.chars().count() as u16, |(_, w, _)| w);
        let [big_area, details_area] =
            Layout::horizontal([Constraint::Length(width + 2), Constraint::Fill(1)])
                .spacing(2)
                .areas(area);
        big_text(frame, big_area, &big, big_style);
        let width = usize::from(details_area.width);
        let details: Vec<Line> = details.into_iter().map(|l| fit_line(l, width)).collect();
        frame.render_widget(Paragraph::new(details), details_area);
    }

    /// Beside the floor: the person and role (or how to give the floor),
    /// the long-turn warning or limit, and the evenness figure.
    fn floor_details(
        &self,
        turn: Option<&crate::session::Turn>,
        long: Option<u64>,
    ) -> Vec<Line<'static>> {
        let (s, theme) = (self.s, self.theme);
        let mut lines = Vec::with_capacity(4);
        match turn {
            Some(t) => {
                let person = s.participant(&t.who);
                let role = person.map(|p| role_of(s, p).1).unwrap_or_default();
                lines.push(Line::from(vec![
                    Span::styled(name_of(s, &t.who), theme.title()),
                    Span::styled(format!(" · {}", one_line(role)), theme.text()),
                ]));
                let limit = format_duration(s.settings.long_turn_secs());
                lines.push(match long {
                    Some(secs) => Line::styled(
                        format!("⚠ LONG TURN: {} (over {limit})", format_duration(secs)),
                        theme.alert(),
                    ),
                    None => Line::styled(format!("turn under {limit}"), theme.muted()),
                });
            }
            None => {
                lines.push(Line::styled("Nobody has the floor", theme.title()));
                lines.push(Line::styled(
                    match s.stack.first() {
                        Some(top) => format!(
                            "{} gives it to {}",
                            self.app.key_name(Scope::Balance, "call_next"),
                            name_of(s, top)
                        ),
                        None => "A person's key gives them the floor".to_owned(),
                    },
                    theme.muted(),
                ));
            }
        }
        lines.push(match self.balance.evenness {
            Some(e) => Line::from(vec![
                Span::styled(format!("Evenness {e:.2}"), theme.title()),
                Span::styled("  1 = all equal, 0 = one voice", theme.muted()),
            ]),
            None => Line::styled("Evenness: nobody has spoken yet", theme.muted()),
        });
        lines
    }

    fn people(&self, frame: &mut Frame, area: Rect) {
        let (s, theme) = (self.s, self.theme);
        // Narrow, names matter more than roles (the roles table has those).
        let with_role = area.width >= 96;
        let with_needs = needs_in_column(s, area.width);
        // Cards get a column once any is held up.
        let with_cards = !s.cards.is_empty();
        // The bar takes what the fixed columns, a readable name and any
        // needs leave.
        let needs_room = if with_needs { longest_needs(s) + 7 } else { 0 } as u16;
        let bar = area.width.saturating_sub(81 + needs_room).clamp(8, 24) as usize;
        let scale = bar_scale(self.balance.people.iter().map(|p| (p.share, p.fair)));
        // With a needs column, names take what the longest needs and the
        // needs the rest.
        let name_width = s
            .participants
            .iter()
            .map(|p| one_line(&p.name).chars().count() + 2)
            .max()
            .unwrap_or(4)
            .clamp(4, 22) as u16;
        let name = if with_needs {
            Constraint::Length(name_width)
        } else {
            Constraint::Fill(1)
        };
        let mut widths = vec![Constraint::Length(3), name];
        let mut header = vec!["Key", "Name"];
        optional_column(&mut widths, &mut header, with_role.then_some((18, "Role")));
        widths.extend([
            Constraint::Length(7),
            Constraint::Length(5),
            Constraint::Length(bar as u16 + 10),
            Constraint::Length(5),
            Constraint::Length(5),
            Constraint::Length(4),
        ]);
        header.extend([
            "Time",
            "Share",
            "Against fair share ┃",
            "Turns",
            "Avg",
            "Hand",
        ]);
        optional_column(&mut widths, &mut header, with_cards.then_some((5, "Cards")));
        if with_needs {
            widths.push(Constraint::Fill(1));
            header.push("◇ Needs (only you see these)");
        }
        // The highlight column takes two cells before the others.
        let columns = column_widths(&widths, area.width.saturating_sub(2), 1);
        let last = s.participants.len().checked_sub(1);
        let selected = last.map(|last| self.app.balance.selected.min(last));
        // When not everyone fits, the list scrolls to keep the selected
        // person in view and its last row says who is out of sight.
        let everyone = s.participants.len();
        let fits = usize::from(area.height.saturating_sub(1));
        let (area, more) = if everyone > fits && area.height >= 3 {
            let [table, more] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
            (table, Some(more))
        } else {
            (area, None)
        };
        let shown = usize::from(area.height.saturating_sub(1)).max(1);
        let offset = selected.map_or(0, |i| (i + 1).saturating_sub(shown));
        // Only the rows in view are made, however many people there are.
        let in_view = self.balance.people.iter().skip(offset).take(shown);
        let rows = in_view.map(|share| {
            let person = &s.participants[share.index];
            let (slot, role) = role_of(s, person);
            let key = person.key.map(|k| format!("[{}]", k.0)).unwrap_or_default();
            let status = if !person.is_present() {
                Span::styled("absent", theme.muted())
            } else if share.turns == 0 {
                Span::styled("○ not yet", theme.warn())
            } else {
                against_fair(share.share, share.fair, theme)
            };
            let mut cells = share_bar(share.share, share.fair, scale, bar, theme.role(slot), theme);
            cells.push(Span::raw(" "));
            cells.push(status);
            let hand = s.stack.iter().position(|w| *w == person.id);
            let name_style = if person.is_present() {
                theme.text()
            } else {
                theme.muted()
            };
            let needs = person.needs.as_deref().filter(|n| !n.trim().is_empty());
            // The mark first, so a name cut short never hides it.
            let mut name = Vec::with_capacity(2);
            let mut name_room = columns[1];
            if needs.is_some() && !with_needs {
                name.push(Span::styled("◇ ", theme.accent()));
                name_room = name_room.saturating_sub(2);
            }
            name.push(Span::styled(
                fit_cell(&one_line(&person.name), name_room),
                name_style,
            ));
            let mut row = vec![
                Cell::from(Span::styled(key, theme.footer_key())),
                Cell::from(Line::from(name)),
            ];
            if with_role {
                let role = format!("{} {}", role_symbol(slot), one_line(role));
                let role = fit_cell(&role, columns[2]);
                row.push(Cell::from(Span::styled(role, theme.role(slot))));
            }
            row.extend([
                Cell::from(format_duration(share.secs)),
                Cell::from(percent(share.share)),
                Cell::from(Line::from(cells)),
                Cell::from(share.turns.to_string()),
                Cell::from(if share.turns > 0 {
                    format_duration(share.average_secs())
                } else {
                    String::new()
                }),
                Cell::from(Span::styled(
                    hand.map(|i| format!("↑{}", i + 1)).unwrap_or_default(),
                    theme.accent(),
                )),
            ]);
            if with_cards {
                row.push(Cell::from(count(self.cards.people[share.index].total())));
            }
            if with_needs {
                let needs = one_line(needs.unwrap_or_default()).into_owned();
                row.push(Cell::from(Span::styled(needs, theme.accent())));
            }
            Row::new(row)
        });
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(theme.title()))
            .column_spacing(1)
            .row_highlight_style(theme.selected())
            .highlight_symbol("▸ ")
            .highlight_spacing(HighlightSpacing::Always);
        let mut state = TableState::default().with_selected(selected.map(|i| i - offset));
        frame.render_stateful_widget(table, area, &mut state);
        if let Some(more) = more {
            let above = offset;
            let below = everyone.saturating_sub(offset + shown);
            let keys = [
                self.app.key_name(Scope::Balance, "select_up"),
                self.app.key_name(Scope::Balance, "select_down"),
            ];
            let words = scrolled_words(above, below, Some(&keys));
            let line = fit_line(Line::styled(words, theme.muted()), usize::from(more.width));
            frame.render_widget(Paragraph::new(line), more);
        }
    }

    /// The roles table, then the roles with power together and who has not
    /// spoken yet.
    fn roles(&self, frame: &mut Frame, area: Rect) {
        let (s, theme) = (self.s, self.theme);
        let with_time = area.width >= 80;
        // Narrow, the role's name matters more than the headcount.
        let with_here = area.width >= 56;
        // Narrow, the label keeps its room and the cards line below counts.
        let with_cards = area.width >= 64 && !s.cards.is_empty();
        // Here, Share, Fair share and the verdict, with the spaces between
        // columns; the label keeps 18 cells and the bar takes the rest.
        let fixed = 5
            + 10
            + 8
            + 3
            + if with_time { 8 } else { 0 }
            + if with_here { 5 } else { 0 }
            + if with_cards { 6 } else { 0 };
        let bar = area.width.saturating_sub(fixed + 18).clamp(6, 30) as usize;
        let scale = bar_scale(self.balance.roles.iter().map(|r| (r.share, r.fair)));
        let mut widths = vec![Constraint::Fill(1)];
        let mut header = vec!["Role (◆ = power)"];
        optional_column(&mut widths, &mut header, with_here.then_some((4, "Here")));
        optional_column(&mut widths, &mut header, with_time.then_some((7, "Time")));
        widths.extend([
            Constraint::Length(5),
            Constraint::Length(10),
            Constraint::Length(bar as u16 + 8),
        ]);
        header.extend(["Share", "Fair share", "Against fair ┃"]);
        optional_column(&mut widths, &mut header, with_cards.then_some((5, "Cards")));
        let columns = column_widths(&widths, area.width, 1);
        let header: Vec<String> = header
            .iter()
            .zip(&columns)
            .map(|(h, &w)| fit_cell(h, w))
            .collect();
        let rows = self.balance.roles.iter().map(|share| {
            let role = &s.roles[share.index];
            let style = theme.role(share.index);
            let mut cells = share_bar(share.share, share.fair, scale, bar, style, theme);
            cells.push(Span::raw(" "));
            cells.push(against_fair(share.share, share.fair, theme));
            let fair = format!(
                "{} {}",
                percent(share.fair),
                if share.is_target { "target" } else { "fair" }
            );
            let mark = if role.has_power() { " ◆" } else { "" };
            let mut row = vec![
                // Cut before the power mark, which must stay in view.
                Cell::from(Span::styled(
                    format!(
                        "{} {}{mark}",
                        role_symbol(share.index),
                        fit_cell(
                            &one_line(&role.label),
                            columns[0].saturating_sub(2 + mark.width())
                        )
                    ),
                    style,
                )),
            ];
            if with_here {
                row.push(Cell::from(share.present.to_string()));
            }
            if with_time {
                row.push(Cell::from(format_duration(share.secs)));
            }
            row.extend([
                Cell::from(percent(share.share)),
                Cell::from(fair),
                Cell::from(Line::from(cells)),
            ]);
            if with_cards {
                row.push(Cell::from(count(self.cards.roles[share.index].total())));
            }
            Row::new(row)
        });
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(theme.title()))
            .column_spacing(1);

        let lines = self.power_and_quiet(area.width);
        let [table_area, lines_area] = Layout::vertical([
            Constraint::Length(s.roles.len() as u16 + 1),
            Constraint::Fill(1),
        ])
        .areas(area);
        frame.render_widget(table, table_area);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), lines_area);
    }

    /// Rows the roles table, the power line and the not-yet-spoken line
    /// (and the cards and needs lines) take `width` columns wide when
    /// nothing is cut.
    fn roles_rows(&self, width: u16) -> u16 {
        let lines = self.power_and_quiet(width);
        let lines: usize = lines.iter().map(|l| wrapped_rows(l, width)).sum();
        self.s.roles.len() as u16 + 1 + lines as u16
    }

    /// The power roles' share and who has not spoken, `width` columns
    /// wide: narrow on a short screen, the power line says the same in
    /// fewer words so it keeps to one row.
    fn power_and_quiet(&self, width: u16) -> Vec<Line<'static>> {
        let (s, theme) = (self.s, self.theme);
        let mut lines = Vec::new();
        let short = self.short_power && width < 70;
        if let Some(power) = &self.balance.power {
            let (over, within) = if short {
                ("⚠ OVER", "● within")
            } else {
                ("⚠ OVER their fair share", "● within their fair share")
            };
            let verdict = if power.is_over() {
                Span::styled(over, theme.alert())
            } else {
                Span::styled(within, theme.ok())
            };
            let (share, fair) = (percent(power.share), percent(power.fair));
            let words = if short {
                format!("◆ Power together {share} (fair {fair}) ")
            } else {
                format!("◆ Roles with power together: {share} of speaking time, fair share {fair} ")
            };
            lines.push(Line::from(vec![Span::styled(words, theme.text()), verdict]));
        }
        let quiet: Vec<String> = self
            .balance
            .people
            .iter()
            .filter(|p| p.turns == 0 && s.participants[p.index].is_present())
            .map(|p| one_line(&s.participants[p.index].name).into_owned())
            .collect();
        lines.push(if quiet.is_empty() {
            Line::styled("● Everyone present has spoken", theme.ok())
        } else {
            Line::from(vec![
                Span::styled(
                    format!("○ Not spoken yet ({}): ", quiet.len()),
                    theme.warn(),
                ),
                Span::styled(quiet.join(", "), theme.text()),
            ])
        });
        lines.extend(self.cards_line());
        if self.needs_under_roles {
            lines.extend(self.needs_line());
        }
        lines
    }

    /// The cards held up so far, when any were: how many of each, and how
    /// many while a role with power had the floor.
    fn cards_line(&self) -> Option<Line<'static>> {
        let (all, theme) = (self.cards.all, self.theme);
        if all.total() == 0 {
            return None;
        }
        let mut words = format!(
            "▣ Cards: {} jargon, {} slow down",
            all.jargon, all.slow_down
        );
        if self.balance.power.is_some() {
            words.push_str(&format!(
                "; {} while a role with power spoke",
                self.cards.power.total()
            ));
        }
        if self.cards.nobody.total() > 0 {
            words.push_str(&format!(
                "; {} with the floor silent",
                self.cards.nobody.total()
            ));
        }
        Some(Line::styled(words, theme.text()))
    }

    /// Everyone's access needs, for the facilitator, when the people
    /// table is too narrow for a column of them.
    fn needs_line(&self) -> Option<Line<'static>> {
        let (s, theme) = (self.s, self.theme);
        let needs: Vec<String> = s
            .participants
            .iter()
            .filter_map(|p| {
                let needs = p.needs.as_deref().filter(|n| !n.trim().is_empty())?;
                Some(format!("{}: {}", one_line(&p.name), one_line(needs)))
            })
            .collect();
        if needs.is_empty() {
            return None;
        }
        Some(Line::from(vec![
            Span::styled("◇ Needs (only you see these): ", theme.accent()),
            Span::styled(needs.join(" · "), theme.text()),
        ]))
    }

    /// The stack in calling order with the reason for each place, then who
    /// spoke first and most on each item.
    fn hands_and_items(&self, frame: &mut Frame, area: Rect, items: &[ItemSpeakers]) {
        let (s, theme) = (self.s, self.theme);
        let order = s.settings.stack_order();
        let why = hand_reasons(s, &self.balance);
        let hands = s.stack.len().max(1) as u16;
        let [title, list, _, items_area] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(hands),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(area);
        let order_words = format!("Raised hands, {} order", order.id());
        let width = usize::from(area.width);
        let title_line = fit_line(heading(&order_words, theme), width);
        frame.render_widget(Paragraph::new(title_line), title);
        if s.stack.is_empty() {
            let none = "none: Shift + a person's letter, or + then their key";
            let none = fit_line(Line::styled(none, theme.muted()), width);
            frame.render_widget(Paragraph::new(none), list);
        } else {
            // Narrow, first names leave the reasons room to be read whole.
            let name = |id: &str| {
                if area.width >= 60 {
                    name_of(s, id)
                } else {
                    short_name(s, id)
                }
            };
            let name_width = s
                .stack
                .iter()
                .map(|id| name(id).chars().count())
                .max()
                .unwrap_or(0)
                .min(20) as u16;
            let number_width = if s.stack.len() > 9 { 3 } else { 2 };
            let widths = [
                Constraint::Length(number_width),
                Constraint::Length(name_width),
                Constraint::Fill(1),
            ];
            let columns = column_widths(&widths, list.width, 1);
            let rows = s.stack.iter().zip(&why).enumerate().map(|(i, (id, why))| {
                Row::new(vec![
                    Cell::from(Span::styled(format!("{}.", i + 1), theme.accent())),
                    Cell::from(fit_cell(&name(id), columns[1])),
                    Cell::from(Span::styled(fit_cell(why, columns[2]), theme.muted())),
                ])
            });
            frame.render_widget(Table::new(rows, widths).column_spacing(1), list);
        }
        self.items(frame, items_area, items);
    }

    /// Who spoke first and most on each item; when the items do not all
    /// fit, the latest are kept and the heading says how many are not shown.
    fn items(&self, frame: &mut Frame, area: Rect, items: &[ItemSpeakers]) {
        let (s, theme) = (self.s, self.theme);
        let full = area.width >= 70;
        let who = |i: usize| {
            let id = &s.participants[i].id;
            if full {
                name_of(s, id)
            } else {
                short_name(s, id)
            }
        };
        // Narrow, who spoke first gives way to the item's title.
        let (first, most) = match area.width {
            70.. => (18, 24),
            40.. => (8, 12),
            _ => (0, 12),
        };
        let widths = [
            Constraint::Fill(1),
            Constraint::Length(first),
            Constraint::Length(most),
        ];
        let columns = column_widths(&widths, area.width, 1);
        let cell = |text: String, column: usize| Cell::from(fit_cell(&text, columns[column]));
        let none = || Cell::from(Span::styled("nobody yet", theme.muted()));
        // Too many to show: the latest, under a row saying how many
        // earlier ones are left out.
        let room = usize::from(area.height.saturating_sub(1));
        let skip = match items.len().saturating_sub(room) {
            0 => 0,
            n => n + 1,
        };
        let earlier = (skip > 0).then(|| {
            let words = format!("… {skip} earlier");
            Row::new([Cell::from(Span::styled(
                fit_cell(&words, columns[0]),
                theme.muted(),
            ))])
        });
        let rows = earlier.into_iter().chain(items.iter().skip(skip).map(|it| {
            Row::new(vec![
                cell(one_line(&s.agenda[it.item].title).into_owned(), 0),
                it.first.map_or_else(none, |i| cell(who(i), 1)),
                it.most.map_or_else(none, |(i, secs)| {
                    cell(format!("{} {}", who(i), format_duration(secs)), 2)
                }),
            ])
        }));
        let header = ["On each item", "First", "Most"]
            .iter()
            .zip(&columns)
            .map(|(h, &w)| fit_cell(h, w))
            .collect::<Vec<_>>();
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(theme.title()))
            .column_spacing(1);
        frame.render_widget(table, area);
    }
}

/// Adds `column` (its width and heading), if there is one, to a table's
/// column widths and headings.
fn optional_column<'a>(
    widths: &mut Vec<Constraint>,
    header: &mut Vec<&'a str>,
    column: Option<(u16, &'a str)>,
) {
    if let Some((width, name)) = column {
        widths.push(Constraint::Length(width));
        header.push(name);
    }
}

/// Below WIDE: the roles on the left, the hands and items on the right.
fn narrow_columns(area: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(59), Constraint::Fill(1)])
        .spacing(2)
        .areas(area)
}

/// Draws the pane into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let balance = match BalanceView::tally(app) {
        Some(tally) => Balance::with(&app.session, tally, app.now),
        None => Balance::compute(&app.session, app.now),
    };
    let mut view = View {
        app,
        s: &app.session,
        balance,
        cards: cards::tally(&app.session, None),
        theme,
        short_power: false,
        // Below WIDE the people table is as wide as the pane.
        needs_under_roles: !needs_in_column(&app.session, area.width),
    };
    let people_height = app.session.participants.len() as u16 + 1;
    let cards_line = u16::from(!app.session.cards.is_empty());
    let roles_height = app.session.roles.len() as u16 + 1 + 3 + cards_line;
    // Below WIDE, from the top: the floor, the people, then roles beside
    // the hands. On a short screen the floor comes down to one row before
    // the people scroll, and the people scroll before the roles table or
    // the power line lose a row.
    let [roles_width, _] = narrow_columns(area);
    let narrow = area.width < WIDE;
    let everything =
        |view: &View| BIG_FLOOR + 1 + people_height + 1 + view.roles_rows(roles_width.width);
    view.short_power = narrow && area.height < everything(&view);
    let roles_needs = view.roles_rows(roles_width.width);
    let floor_height = if area.height >= 36 {
        8
    } else if !narrow || area.height >= everything(&view) {
        BIG_FLOOR
    } else {
        1
    };
    let gap = u16::from(floor_height > 1);
    let [floor_area, _, rest] = Layout::vertical([
        Constraint::Length(floor_height),
        Constraint::Length(gap),
        Constraint::Fill(1),
    ])
    .areas(area);
    view.floor(frame, floor_area);
    if area.width >= WIDE {
        let [left, right] = Layout::horizontal([Constraint::Percentage(58), Constraint::Fill(1)])
            .spacing(3)
            .areas(rest);
        view.people(frame, left);
        view.needs_under_roles = !needs_in_column(&app.session, left.width);
        // The lines under the roles table as they wrap (the needs line
        // too, when the people table has no column for them).
        let roles_height = roles_height.max(view.roles_rows(right.width));
        let [roles, _, hands] = Layout::vertical([
            Constraint::Length(roles_height),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(right);
        view.roles(frame, roles);
        view.hands_and_items(frame, hands, &view.balance.items);
    } else {
        let people_height =
            people_height.min(rest.height.saturating_sub(roles_needs + 1).max(PEOPLE_MIN));
        let [people, _, bottom] = Layout::vertical([
            Constraint::Length(people_height),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(rest);
        view.people(frame, people);
        let [roles, hands] = narrow_columns(bottom);
        view.roles(frame, roles);
        view.hands_and_items(frame, hands, &view.balance.items);
    }
}
