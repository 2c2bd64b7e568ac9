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
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, HighlightSpacing, Paragraph, Row, Table, TableState, Wrap};

use super::parts::{
    against_fair, bar_scale, big_fit, big_text, hand_reasons, heading, name_of, percent, role_of,
    role_symbol, share_bar,
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

/// What every part of the pane draws from, worked out once a frame.
struct View<'a> {
    app: &'a App,
    s: &'a Session,
    balance: Balance,
    /// Cards held up so far, by whoever had the floor.
    cards: cards::Tally,
    theme: &'a Theme,
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
        let width = big_fit(&big, area.width * 3 / 5, area.height)
            .map_or(big.chars().count() as u16, |(_, w, _)| w);
        let [big_area, details] =
            Layout::horizontal([Constraint::Length(width + 2), Constraint::Fill(1)])
                .spacing(2)
                .areas(area);
        big_text(frame, big_area, &big, big_style);

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
        frame.render_widget(Paragraph::new(lines), details);
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
        let rows = self.balance.people.iter().map(|share| {
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
            if needs.is_some() && !with_needs {
                name.push(Span::styled("◇ ", theme.accent()));
            }
            name.push(Span::styled(
                one_line(&person.name).into_owned(),
                name_style,
            ));
            let mut row = vec![
                Cell::from(Span::styled(key, theme.footer_key())),
                Cell::from(Line::from(name)),
            ];
            if with_role {
                let role = format!("{} {}", role_symbol(slot), one_line(role));
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
        if with_role {
            widths.push(Constraint::Length(18));
            header.push("Role");
        }
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
        if with_cards {
            widths.push(Constraint::Length(5));
            header.push("Cards");
        }
        if with_needs {
            widths.push(Constraint::Fill(1));
            header.push("◇ Needs (only you see these)");
        }
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(theme.title()))
            .column_spacing(1)
            .row_highlight_style(theme.selected())
            .highlight_symbol("▸ ")
            .highlight_spacing(HighlightSpacing::Always);
        let last = s.participants.len().checked_sub(1);
        let selected = last.map(|last| self.app.balance.selected.min(last));
        let mut state = TableState::default().with_selected(selected);
        frame.render_stateful_widget(table, area, &mut state);
    }

    /// The roles table, then the roles with power together and who has not
    /// spoken yet.
    fn roles(&self, frame: &mut Frame, area: Rect, needs_line: bool) {
        let (s, theme) = (self.s, self.theme);
        let with_time = area.width >= 80;
        // Narrow, the label keeps its room and the cards line below counts.
        let with_cards = area.width >= 64 && !s.cards.is_empty();
        // Here, Share, Fair share and the verdict, with the spaces between
        // columns; the label keeps 18 cells and the bar takes the rest.
        let fixed =
            4 + 5 + 10 + 8 + 4 + if with_time { 8 } else { 0 } + if with_cards { 6 } else { 0 };
        let bar = area.width.saturating_sub(fixed + 18).clamp(6, 30) as usize;
        let scale = bar_scale(self.balance.roles.iter().map(|r| (r.share, r.fair)));
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
                Cell::from(Span::styled(
                    format!(
                        "{} {}{mark}",
                        role_symbol(share.index),
                        one_line(&role.label)
                    ),
                    style,
                )),
                Cell::from(share.present.to_string()),
            ];
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
        let mut widths = vec![Constraint::Fill(1), Constraint::Length(4)];
        let mut header = vec!["Role (◆ = power)", "Here"];
        if with_time {
            widths.push(Constraint::Length(7));
            header.push("Time");
        }
        widths.extend([
            Constraint::Length(5),
            Constraint::Length(10),
            Constraint::Length(bar as u16 + 8),
        ]);
        header.extend(["Share", "Fair share", "Against fair ┃"]);
        if with_cards {
            widths.push(Constraint::Length(5));
            header.push("Cards");
        }
        let table = Table::new(rows, widths)
            .header(Row::new(header).style(theme.title()))
            .column_spacing(1);

        let lines = self.power_and_quiet(needs_line);
        let [table_area, lines_area] = Layout::vertical([
            Constraint::Length(s.roles.len() as u16 + 1),
            Constraint::Fill(1),
        ])
        .areas(area);
        frame.render_widget(table, table_area);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), lines_area);
    }

    fn power_and_quiet(&self, needs_line: bool) -> Vec<Line<'static>> {
        let (s, theme) = (self.s, self.theme);
        let mut lines = Vec::new();
        if let Some(power) = &self.balance.power {
            let verdict = if power.is_over() {
                Span::styled("⚠ OVER their fair share", theme.alert())
            } else {
                Span::styled("● within their fair share", theme.ok())
            };
            lines.push(Line::from(vec![
                Span::styled("◆ Roles with power together: ", theme.text()),
                Span::styled(
                    format!(
                        "{} of speaking time, fair share {} ",
                        percent(power.share),
                        percent(power.fair)
                    ),
                    theme.text(),
                ),
                verdict,
            ]));
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
        if needs_line {
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
        frame.render_widget(Paragraph::new(heading(&order_words, theme)), title);
        if s.stack.is_empty() {
            let none = "none: Shift + a person's letter, or + then their key";
            frame.render_widget(Paragraph::new(Line::styled(none, theme.muted())), list);
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
            let rows = s.stack.iter().zip(&why).enumerate().map(|(i, (id, why))| {
                Row::new(vec![
                    Cell::from(Span::styled(format!("{}.", i + 1), theme.accent())),
                    Cell::from(name(id)),
                    Cell::from(Span::styled(why.clone(), theme.muted())),
                ])
            });
            let number_width = if s.stack.len() > 9 { 3 } else { 2 };
            let widths = [
                Constraint::Length(number_width),
                Constraint::Length(name_width),
                Constraint::Fill(1),
            ];
            frame.render_widget(Table::new(rows, widths).column_spacing(1), list);
        }
        self.items(frame, items_area, items);
    }

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
        let none = || Cell::from(Span::styled("nobody yet", theme.muted()));
        let rows = items.iter().map(|it| {
            Row::new(vec![
                Cell::from(one_line(&s.agenda[it.item].title).into_owned()),
                it.first.map_or_else(none, |i| Cell::from(who(i))),
                it.most.map_or_else(none, |(i, secs)| {
                    Cell::from(format!("{} {}", who(i), format_duration(secs)))
                }),
            ])
        });
        let (first, most) = if full { (18, 24) } else { (8, 12) };
        let table = Table::new(
            rows,
            [
                Constraint::Fill(1),
                Constraint::Length(first),
                Constraint::Length(most),
            ],
        )
        .header(Row::new(["On each item", "First", "Most"]).style(theme.title()))
        .column_spacing(1);
        frame.render_widget(table, area);
    }
}

/// Draws the pane into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let balance = match BalanceView::tally(app) {
        Some(tally) => Balance::with(&app.session, tally, app.now),
        None => Balance::compute(&app.session, app.now),
    };
    let view = View {
        app,
        s: &app.session,
        balance,
        cards: cards::tally(&app.session, None),
        theme,
    };
    let floor_height = if area.height >= 36 { 8 } else { 4 };
    let [floor_area, _, rest] = Layout::vertical([
        Constraint::Length(floor_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    view.floor(frame, floor_area);
    let people_height = app.session.participants.len() as u16 + 1;
    let cards_line = u16::from(!app.session.cards.is_empty());
    let roles_height = app.session.roles.len() as u16 + 1 + 3 + cards_line;
    // The needs line wraps: rows for it when the people table has no column.
    let needs_rows = |people_width: u16, lines_width: u16| {
        let longest = longest_needs(&app.session);
        if longest == 0 || needs_in_column(&app.session, people_width) {
            return 0;
        }
        let all: usize = app
            .session
            .participants
            .iter()
            .filter_map(|p| p.needs.as_deref())
            .map(|n| one_line(n).chars().count() + 20)
            .sum();
        (all / usize::from(lines_width.max(20)) + 1).min(6) as u16
    };
    if area.width >= WIDE {
        let [left, right] = Layout::horizontal([Constraint::Percentage(58), Constraint::Fill(1)])
            .spacing(3)
            .areas(rest);
        view.people(frame, left);
        let needs_line = !needs_in_column(&app.session, left.width);
        let roles_height = roles_height + needs_rows(left.width, right.width);
        let [roles, _, hands] = Layout::vertical([
            Constraint::Length(roles_height),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(right);
        view.roles(frame, roles, needs_line);
        view.hands_and_items(frame, hands, &view.balance.items);
    } else {
        let [people, _, bottom] = Layout::vertical([
            Constraint::Max(people_height),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(rest);
        view.people(frame, people);
        let needs_line = !needs_in_column(&app.session, people.width);
        let [roles, hands] = Layout::horizontal([Constraint::Percentage(59), Constraint::Fill(1)])
            .spacing(2)
            .areas(bottom);
        view.roles(frame, roles, needs_line);
        view.hands_and_items(frame, hands, &view.balance.items);
    }
}
