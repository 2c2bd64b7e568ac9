//! The Decisions pane: the queue of proposals with their states; the
//! selected proposal with its consent round (answers by person, tally by
//! role, who has not answered), outcome and rubber-stamp flag; and the
//! meeting's actions with their owners and due dates.

use std::collections::HashSet;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};
use unicode_width::UnicodeWidthStr;

use super::parts::{fit_line, heading, name_of, scrolled_words, wrapped_rows};
use crate::app::App;
use crate::app::balance::BalanceView;
use crate::app::decisions::{cursor, selected_index};
use crate::app::keymap::Scope;
use crate::session::consent::{self, is_agreement, is_closed, state_words};
use crate::session::offsets::TimeOfDay;
use crate::session::rubber_stamp::{derived_with, rubber_stamp_with, shown};
use crate::session::{ActionPoint, Decision, DecisionState, Response, Session};
use crate::text::{fit, one_line, pad};
use crate::theme::Theme;

/// A state as a symbol and a word, so it never rests on colour alone.
fn state_span<'a>(state: DecisionState, theme: &Theme) -> Span<'a> {
    let (symbol, style) = match state {
        DecisionState::Queued => ("○", theme.text()),
        DecisionState::Open => ("▶", theme.accent()),
        DecisionState::Agreed => ("✓", theme.ok()),
        DecisionState::Amended => ("✓", theme.ok()),
        DecisionState::Deferred => ("→", theme.warn()),
        DecisionState::NotAgreed => ("✗", theme.alert()),
        DecisionState::Withdrawn => ("–", theme.muted()),
    };
    Span::styled(format!("{symbol} {}", state_words(state)), style)
}

fn response_span<'a>(response: Response, theme: &Theme) -> Span<'a> {
    let (symbol, style) = match response {
        Response::Agree => ("✓", theme.ok()),
        Response::Concern => ("!", theme.warn()),
        Response::Object => ("✗", theme.alert()),
        Response::Abstain => ("–", theme.muted()),
    };
    Span::styled(format!("{symbol} {}", response.id()), style)
}

/// A name with their role's label: `Jon Whitfield (Commissioners, power)`.
fn with_role(session: &Session, id: &str) -> String {
    let role = session
        .participant(id)
        .and_then(|p| session.roles.iter().find(|r| r.id == p.role));
    match role {
        Some(r) if r.has_power() => {
            format!("{} ({}, power)", name_of(session, id), one_line(&r.label))
        }
        Some(r) => format!("{} ({})", name_of(session, id), one_line(&r.label)),
        None => name_of(session, id),
    }
}

/// The widest "Proposed by" of the queue: each proposer worked out once,
/// however many proposals they made.
fn proposers_width(s: &Session) -> usize {
    let proposers: HashSet<&str> = s.decisions.iter().map(|d| d.proposed_by.as_str()).collect();
    let widths = proposers.into_iter().map(|id| with_role(s, id).width());
    widths.max().unwrap_or(0)
}

/// The queue: one row a proposal, the selected one marked.
fn queue(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let s = &app.session;
    let selected = selected_index(app);
    let by_width = proposers_width(s)
        .max(11)
        .min(usize::from(area.width) * 2 / 5);
    let text_width = usize::from(area.width).saturating_sub(13 + by_width + 2);
    // Only the rows under its heading that fit are made: from the top, or
    // a window around the selection when a long queue does not fit.
    let room = usize::from(area.height.saturating_sub(1));
    let total = s.decisions.len();
    let first = selected.map_or(0, |at| at.saturating_sub(room / 2));
    let first = first.min(total.saturating_sub(room));
    let shown = total.min(room);
    let heading = if shown < total {
        format!("Proposal ({}-{} of {total})", first + 1, first + shown)
    } else {
        "Proposal".to_owned()
    };
    let rows = s
        .decisions
        .iter()
        .enumerate()
        .skip(first)
        .take(room)
        .map(|(i, d)| {
            let mark = if selected == Some(i) { "›" } else { " " };
            let state = match selected == Some(i) {
                // The row's style is applied under its cells, so a state's own
                // colour would stay on the selection's background.
                true => state_span(d.state, theme).style(theme.selected()),
                false => state_span(d.state, theme),
            };
            let row = Row::new(vec![
                Cell::from(Line::from(vec![Span::raw(mark), state])),
                Cell::from(fit(&one_line(&d.proposal), text_width).into_owned()),
                Cell::from(fit(&with_role(s, &d.proposed_by), by_width).into_owned()),
            ]);
            if selected == Some(i) {
                row.style(theme.selected())
            } else {
                row
            }
        });
    let table = Table::new(
        rows,
        [
            Constraint::Length(13),
            Constraint::Fill(1),
            Constraint::Length(by_width as u16),
        ],
    )
    .header(Row::new([" State".to_owned(), heading, "Proposed by".to_owned()]).style(theme.title()))
    .column_spacing(1);
    frame.render_widget(table, area);
}

/// The consent round's answers, as [`answers`] lays them out.
struct Answers<'a> {
    lines: Vec<Line<'a>>,
    /// The line of each person's answer, in order.
    people: Vec<usize>,
    /// The line of the person at the cursor, while the round is open.
    cursor_line: Option<usize>,
}

impl<'a> Answers<'a> {
    /// The lines that fit `height` rows: the heading, then a window that
    /// keeps the cursor's person in view, and when some are out of view a
    /// last row saying how many and which keys move to them.
    fn window(mut self, height: usize, keys: &[String; 2], theme: &Theme) -> Vec<Line<'a>> {
        // Closed, the round has no cursor and the keys move nothing.
        let keys = self.cursor_line.map(|_| keys);
        if self.lines.len() <= height || height < 3 {
            return self.lines;
        }
        let rows = height - 2;
        let body = self.lines.split_off(1);
        let focus = self.cursor_line.map_or(0, |at| at - 1);
        // The cursor's line and its reason, kept whole in the window.
        let focus_end = self
            .people
            .iter()
            .find(|&&line| line > focus + 1)
            .map_or(body.len(), |&next| next - 1);
        let offset = (focus_end.saturating_sub(rows))
            .min(focus)
            .min(body.len() - rows);
        let above = self.people.iter().filter(|&&l| l - 1 < offset).count();
        let below = self.people.iter().filter(|&&l| l > offset + rows).count();
        let mut lines = self.lines;
        lines.extend(body.into_iter().skip(offset).take(rows));
        lines.push(Line::styled(
            scrolled_words(above, below, keys),
            theme.muted(),
        ));
        lines
    }
}

/// The answers by person: present people in file order (the cursor on
/// the one to answer next while the round is open), then any answer from
/// someone since marked absent, which is not counted.
/// With the lines, the index of each person's own line (not their
/// reason's) and which of them is the cursor's.
fn answers<'a>(app: &App, d: &Decision, width: usize, theme: &Theme) -> Answers<'a> {
    let s = &app.session;
    let at = (d.state == DecisionState::Open)
        .then(|| cursor(app, d))
        .flatten();
    let mut lines = vec![heading("Answers", theme)];
    let mut people = Vec::new();
    let mut cursor_line = None;
    let name_width = 18.min(width.saturating_sub(14));
    for p in &s.participants {
        let answer = d.responses.get(&p.id);
        if !p.is_present() && answer.is_none() {
            continue;
        }
        let here = at == Some(p.id.as_str());
        people.push(lines.len());
        if here {
            cursor_line = Some(lines.len());
        }
        let mark = if here { "› " } else { "  " };
        let name = fit(&one_line(&p.name), name_width).into_owned();
        let mut spans = vec![Span::styled(
            format!("{mark}{} ", pad(&name, name_width)),
            if here { theme.selected() } else { theme.text() },
        )];
        match answer {
            Some(r) if p.is_present() => spans.push(response_span(*r, theme)),
            Some(r) => spans.push(Span::styled(format!("absent · {}", r.id()), theme.muted())),
            None if d.state == DecisionState::Open => {
                spans.push(Span::styled("… not answered", theme.muted()))
            }
            None => spans.push(Span::styled("– no answer", theme.muted())),
        }
        lines.push(Line::from(spans));
        if let Some(reason) = d.reasons.get(&p.id) {
            // The reason under the answer, on up to three rows: it is the point.
            let quoted = format!("“{}”", one_line(reason));
            for row in wrap_words(&quoted, width.saturating_sub(4), 3) {
                lines.push(Line::styled(format!("    {row}"), theme.text()));
            }
        }
    }
    Answers {
        lines,
        people,
        cursor_line,
    }
}

/// The tally by role, the total, who has not answered, and the outcome.
fn summary<'a>(app: &App, d: &Decision, theme: &Theme) -> Vec<Line<'a>> {
    let s = &app.session;
    let mut lines = vec![heading("By role (people present)", theme)];
    let tallies = consent::tally_by_role(s, d);
    let label_width = s
        .roles
        .iter()
        .map(|r| one_line(&r.label).width())
        .max()
        .unwrap_or(0)
        .min(18);
    let open = d.state == DecisionState::Open;
    let unanswered = if open { "not yet" } else { "no answer" };
    let counts = |counts: &[usize; 4], waiting: usize, all: bool| {
        let mut parts: Vec<String> = Response::ALL
            .iter()
            .zip(counts)
            .filter(|(_, n)| all || **n > 0)
            .map(|(r, n)| format!("{n} {}", r.id()))
            .collect();
        if waiting > 0 || (all && open) {
            parts.push(format!("{waiting} {unanswered}"));
        }
        parts.join(" · ")
    };
    let mut total = [0; 4];
    let mut waiting = 0;
    for (tally, role) in tallies.iter().zip(&s.roles) {
        for (t, n) in total.iter_mut().zip(tally.counts) {
            *t += n;
        }
        waiting += tally.waiting;
        let text = counts(&tally.counts, tally.waiting, false);
        if text.is_empty() {
            continue;
        }
        let label = fit(&one_line(&role.label), label_width).into_owned();
        lines.push(Line::from(vec![
            Span::styled(format!("{}  ", pad(&label, label_width)), theme.muted()),
            Span::raw(text),
        ]));
    }
    lines.push(Line::styled(
        format!("All: {}", counts(&total, waiting, true)),
        theme.text(),
    ));
    if d.state == DecisionState::Open {
        let not_yet: Vec<String> = s
            .participants
            .iter()
            .filter(|p| p.is_present() && d.responses.get(&p.id).is_none())
            .map(|p| one_line(&p.name).into_owned())
            .collect();
        lines.push(if not_yet.is_empty() {
            Line::styled("✓ Everyone present has answered", theme.ok())
        } else {
            Line::from(vec![
                Span::styled("○ Not answered yet: ", theme.warn()),
                Span::raw(not_yet.join(", ")),
            ])
        });
    }
    if let Some(outcome) = &d.outcome {
        lines.push(Line::raw(format!("Outcome: {}", one_line(outcome))));
    }
    let mut dates = Vec::new();
    let face = TimeOfDay::of(&app.session, app.now);
    if let Some(opened) = d.opened {
        dates.push(format!("opened {}", face.hm(opened)));
    }
    if let Some(decided) = d.decided {
        dates.push(format!("decided {}", face.hm(decided)));
    }
    if let Some(review) = d.review {
        dates.push(format!("review {}", review.format("%-d %b %Y")));
    }
    if !dates.is_empty() {
        lines.push(Line::styled(dates.join(" · "), theme.muted()));
    }
    lines
}

/// The width of the answers column: marker, name, answer.
const ANSWERS_WIDTH: u16 = 2 + 18 + 1 + 16;

/// The rubber-stamp flag: a prompt for the room, not a verdict. For the
/// open proposal it says what agreeing now would look like; for a closed
/// one it shows the reason written at close and the facilitator's note.
fn flag<'a>(app: &App, d: &Decision, theme: &Theme) -> Vec<Line<'a>> {
    let s = &app.session;
    let mut lines = Vec::new();
    // Who spoke is read from the kept tally: no pass over the log a frame.
    let tally = BalanceView::tally(app);
    let stamp = match d.state {
        DecisionState::Open => rubber_stamp_with(s, tally, d, app.now, app.now),
        _ => derived_with(s, tally, d, app.now),
    };
    if d.state == DecisionState::Open {
        if let Some(reason) = stamp.flag() {
            lines.push(Line::styled(
                format!("⚑ If agreed now, a possible rubber stamp: {reason}"),
                theme.warn(),
            ));
        }
    } else if let Some(reason) = shown(d, &stamp) {
        lines.push(Line::styled(
            format!("⚑ POSSIBLE RUBBER STAMP: {}", one_line(&reason)),
            theme.alert(),
        ));
        lines.push(match &d.rubber_stamp_note {
            Some(note) => Line::raw(format!("Why it was fine: {}", one_line(note))),
            None => Line::styled(
                "A prompt, not a verdict: n notes why it was fine",
                theme.muted(),
            ),
        });
    } else if let Some(note) = &d.rubber_stamp_note {
        lines.push(Line::styled(
            format!("Note on a flag that no longer applies: {}", one_line(note)),
            theme.muted(),
        ));
    }
    if is_agreement(d.state) || d.state == DecisionState::Open {
        for unknown in &stamp.unknown {
            lines.push(Line::styled(
                format!("? Rubber-stamp check: {unknown}"),
                theme.muted(),
            ));
        }
    }
    lines
}

/// Every action agreed in the meeting, in order.
fn all_actions(s: &Session) -> impl Iterator<Item = &ActionPoint> {
    let closed = s.decisions.iter().filter(|d| is_closed(d.state));
    closed.flat_map(|d| &d.actions)
}

/// The rows the actions take in full: a heading and one row each, or
/// none when there are none.
fn actions_rows(s: &Session) -> usize {
    match all_actions(s).count() {
        0 => 0,
        n => n + 1,
    }
}

/// The actions agreed in the meeting that fit `rows` rows, with their
/// owners and due dates, under a heading counting them all; one past due
/// (before today's date) is marked with a symbol and a word.
fn actions<'a>(app: &App, rows: usize, theme: &Theme) -> Vec<Line<'a>> {
    let s = &app.session;
    let count = all_actions(s).count();
    if count == 0 || rows == 0 {
        return Vec::new();
    }
    let today = app.now.date_naive();
    let mut lines = vec![heading(&format!("Actions ({count})"), theme)];
    for action in all_actions(s).take(rows - 1) {
        let due = action
            .due
            .map(|d| format!(", by {}", d.format("%-d %b %Y")))
            .unwrap_or_default();
        let mut spans = vec![Span::raw(format!(
            "• {} — {}{due}",
            one_line(&action.what),
            name_of(s, &action.who)
        ))];
        if action.due.is_some_and(|due| due < today) {
            spans.push(Span::styled("  ⚠ past due", theme.alert()));
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// `text` word-wrapped to `width` columns on at most `max` rows, the last
/// cut with `…` when there is more.
fn wrap_words(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let mut words = text.split_whitespace();
    while let Some(word) = words.next() {
        let full = rows.len() == max;
        match rows.last_mut() {
            Some(row) if row.width() + 1 + word.width() <= width => {
                row.push(' ');
                row.push_str(word);
            }
            Some(row) if full => {
                let rest: Vec<&str> = std::iter::once(word).chain(words).collect();
                *row = fit(&format!("{row} {}", rest.join(" ")), width).into_owned();
                break;
            }
            _ => rows.push(fit(word, width).into_owned()),
        }
    }
    rows
}

/// Draws the pane into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let s = &app.session;
    let Some(index) = selected_index(app) else {
        let empty = Line::styled("No proposals yet: a adds one", theme.muted());
        frame.render_widget(Paragraph::new(empty), area);
        return;
    };
    let d = &s.decisions[index];
    // A long queue or list of actions gets a share of the pane, so that
    // the selected proposal's answers always have the rest.
    let queue_height = (s.decisions.len() + 1).min((usize::from(area.height) / 3).max(4));
    let actions_height = actions_rows(s).min((usize::from(area.height) / 4).max(3));
    let [queue_area, _, detail_area, actions_area] = Layout::vertical([
        Constraint::Max(queue_height as u16),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Max(actions_height as u16),
    ])
    .areas(area);
    queue(app, frame, queue_area, theme);

    let item = d
        .item
        .as_ref()
        .and_then(|id| s.agenda.iter().find(|i| &i.id == id))
        .map(|i| format!(" · item: {}", one_line(&i.title)))
        .unwrap_or_default();
    let head = vec![
        Line::from(vec![
            state_span(d.state, theme),
            Span::raw("  "),
            Span::styled(one_line(&d.proposal).into_owned(), theme.title()),
        ]),
        Line::raw(format!(
            "Proposed by {}{item}",
            with_role(s, &d.proposed_by)
        )),
    ];
    let head_height: usize = head
        .iter()
        .map(|l| wrapped_rows(l, detail_area.width))
        .sum();
    let head_height = (head_height as u16).min(detail_area.height);
    let head = Paragraph::new(head).wrap(Wrap { trim: true });
    let [head_area, _, round_area] = Layout::vertical([
        Constraint::Length(head_height),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(detail_area);
    frame.render_widget(head, head_area);

    let summary = summary(app, d, theme);
    let [left, right] =
        Layout::horizontal([Constraint::Length(ANSWERS_WIDTH), Constraint::Fill(1)])
            .spacing(2)
            .areas(round_area);
    let keys = [
        app.key_name(Scope::Decisions, "previous_person"),
        app.key_name(Scope::Decisions, "next_person"),
    ];
    let people = answers(app, d, usize::from(ANSWERS_WIDTH), theme).window(
        usize::from(left.height),
        &keys,
        theme,
    );
    let summary_rows: usize = summary.iter().map(|l| wrapped_rows(l, right.width)).sum();
    // The flag runs the full width, under whichever column is longer.
    let below = (people.len().max(summary_rows) as u16).min(round_area.height);
    frame.render_widget(Paragraph::new(people), left);
    frame.render_widget(Paragraph::new(summary).wrap(Wrap { trim: true }), right);
    let flag_area = Rect {
        y: round_area.y + below,
        height: round_area.height - below,
        ..round_area
    };
    let flag = Paragraph::new(flag(app, d, theme)).wrap(Wrap { trim: true });
    frame.render_widget(flag, flag_area);
    let width = usize::from(actions_area.width);
    let actions = actions(app, usize::from(actions_area.height), theme);
    let actions: Vec<Line> = actions.into_iter().map(|l| fit_line(l, width)).collect();
    frame.render_widget(Paragraph::new(actions), actions_area);
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::wrap_words;
    use crate::app::App;
    use crate::session::sample;
    use crate::theme::Themes;
    use crate::ui::screen::buffer_text;

    /// A meeting with 60 proposals and 34 actions: the queue and the
    /// actions take a share of the pane, and the selected proposal, far
    /// down the queue, is in view with its answers, at every size.
    #[test]
    fn a_long_queue_leaves_room_for_the_selected_proposal() {
        let session = sample::large();
        let now = sample::now_in(&session);
        let mut app = App::new(session, now, vec![], 0);
        app.decisions.selected = Some(40);
        let proposal = app.session.decisions[40].proposal.clone();
        let themes = Themes::builtin();
        let theme = themes.get("monochrome").unwrap();
        for (width, height) in [(200, 60), (120, 40), (80, 24)] {
            let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            let drawn = terminal.draw(|frame| {
                super::draw(&app, frame, frame.area(), theme);
            });
            assert!(drawn.is_ok());
            let text = buffer_text(terminal.backend().buffer());
            let lines: Vec<&str> = text.lines().collect();
            let in_queue = lines
                .iter()
                .position(|l| l.starts_with("›") && l.contains(&proposal));
            assert!(
                in_queue.is_some(),
                "{width}x{height}: selection not in the queue\n{text}"
            );
            assert!(
                text.contains("of 60)"),
                "{width}x{height}: the queue says it is cut\n{text}"
            );
            let detail = lines.iter().position(|l| l.starts_with("Proposed by"));
            assert!(detail > in_queue, "{width}x{height}: no detail\n{text}");
            assert!(
                text.contains("Answers"),
                "{width}x{height}: no answers\n{text}"
            );
        }
    }

    #[test]
    fn reasons_wrap_by_words_and_are_cut_on_the_last_row() {
        assert_eq!(wrap_words("a bb ccc", 4, 3), ["a bb", "ccc"]);
        assert_eq!(
            wrap_words("one two three four five", 9, 2),
            ["one two", "three fo…"]
        );
        assert_eq!(wrap_words("", 9, 2), Vec::<String>::new());
        assert_eq!(wrap_words("unbreakable", 4, 2), ["unb…"]);
    }
}
