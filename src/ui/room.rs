//! The room view: what the projector shows everyone. The item and its
//! timer, who has the floor and the open proposal (or the rung the group
//! judged, or for a while the jargon or slow-down card just held up) in
//! large text; the raised hands, speaking by role against fair
//! share and the decisions taken so far beneath, in ordinary text.
//!
//! It draws from the session alone, so `coproduce follow` shows the same
//! screen. What is for the facilitator only never reaches it: no access
//! needs, and no free-text notes of any kind (item notes, judgement notes,
//! reasons, outcomes, rubber-stamp notes), because notes are written about
//! people under their full names, which `room_name` cannot reach. People
//! are named only through [`room_name_of`].

use crate::session::offsets::{TimeOfDay, utc_offset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

use super::agenda::{big_timer, time_left};
use super::cards::card_words;
use super::parts::{
    against_fair, big_block, big_heights, break_words, fit_line, hand_reasons, percent,
    role_symbol, room_name_of, wrapped_rows,
};
use crate::app::decisions::open_index;
use crate::app::ladder::{about, current};
use crate::session::balance::{Balance, Tally, floor, long_turn, turn_secs};
use crate::session::consent::{is_closed, present_answers, state_words};
use crate::session::timing::{
    current_break, format_duration, item_used_secs, meeting_elapsed_secs, running_item,
};
use crate::session::{DecisionState, Session, Time, thinking};
use crate::text::{fit, one_line};
use crate::theme::Theme;

/// The smallest screen the room view is laid out for.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 12;
/// The rows the lower part keeps however small the screen.
const LOWER_MIN: u16 = 4;
/// From this width the lower part runs in three columns.
const THREE_COLUMNS: u16 = 150;

/// What the room view draws from, worked out once a frame.
struct Room<'a> {
    s: &'a Session,
    now: Time,
    balance: Balance,
    theme: &'a Theme,
}

/// Draws the room view of `session` (its log tallied in `tally`, if it
/// has been) at `now` over the whole of `area`, with
/// `footer` (keys, status, how fresh the screen is) on its last row.
pub fn draw(
    session: &Session,
    tally: Option<&Tally>,
    now: Time,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    footer: Line<'_>,
) {
    frame.render_widget(ratatui::widgets::Block::new().style(theme.base()), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let size = (MIN_WIDTH, MIN_HEIGHT);
        super::too_small(frame, area, theme, "The room view", size, None);
        return;
    }
    let room = Room {
        s: session,
        now,
        // The app keeps the log's tally between frames; `follow` has none.
        balance: match tally {
            Some(tally) => Balance::with(session, tally, now),
            None => Balance::compute(session, now),
        },
        theme,
    };
    let [header, body, footer_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    room.header(frame, header);
    frame.render_widget(Paragraph::new(footer).style(theme.base()), footer_area);
    let body = body.inner(ratatui::layout::Margin::new(1, 0));
    // The lower part takes what its lists need, up to two fifths, and
    // less when the timer and the floor could not be large otherwise.
    let lower = room.lower_height(body.width).min(body.height * 2 / 5);
    // The round going on and what is open to change in the running item,
    // a line each, at most a fifth of the body.
    let practice = room_practice(session, now, theme);
    let practice_rows = (practice.len() as u16).min(body.height / 5);
    let needs = room.big_needs(body.width);
    let lower = lower.min(
        body.height
            .saturating_sub(needs + 1 + practice_rows)
            .max(lower.min(LOWER_MIN)),
    );
    let [big, practice_area, _, lower_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(practice_rows),
        Constraint::Length(1),
        Constraint::Length(lower),
    ])
    .areas(body);
    room.big(frame, big);
    frame.render_widget(Paragraph::new(practice), practice_area);
    room.lower(frame, lower_area);
}

/// The round going on, then the running item's scope and "you said, we
/// did" action: what the room reads under the large part.
fn room_practice(session: &Session, now: Time, theme: &Theme) -> Vec<Line<'static>> {
    let round =
        super::practice::round_line(session, now).map(|words| Line::styled(words, theme.accent()));
    let item = running_item(session)
        .map(|i| super::practice::item_lines(&session.agenda[i], theme))
        .unwrap_or_default();
    round.into_iter().chain(item).collect()
}

/// One block of the large part: a one-line label, then text drawn as
/// large as its rows allow.
struct Big<'a> {
    top: Vec<Span<'a>>,
    text: String,
    style: Style,
}

impl<'a> Big<'a> {
    fn new(top: Vec<Span<'a>>, text: &str, style: Style) -> Big<'a> {
        let text = one_line(text).into_owned();
        Big { top, text, style }
    }

    fn draw(self, frame: &mut Frame, area: Rect) {
        let [top, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        frame.render_widget(Paragraph::new(Line::from(self.top).centered()), top);
        big_block(frame, rest, &self.text, self.style);
    }
}

/// Half the large part's width, for the timer and the floor side by side.
fn half(width: u16) -> u16 {
    width.saturating_sub(2) / 2
}

/// How far a phase of [`Plan::grow`] lets a block grow.
#[derive(Clone, Copy)]
enum Step {
    /// To its first large size.
    FirstLarge,
    /// To its whole text in ordinary type.
    Whole,
    /// As large as it goes.
    Largest,
}

/// How the large part's blocks (item, timer, floor, proposal) share its
/// rows: the timer and the floor side by side or stacked, and the size
/// step each block's text is drawn at.
struct Plan {
    side_by_side: bool,
    /// Rows each block's text takes at each size step, smallest first.
    options: [Vec<u16>; 4],
    /// The step at which each block's text wraps whole in ordinary type;
    /// the steps after it are large, the one before it cut with `…`.
    plain_at: [usize; 4],
    level: [usize; 4],
    /// Blank rows kept between the blocks.
    gaps: u16,
}

impl Plan {
    fn new(texts: [&str; 4], width: u16, side_by_side: bool, gaps: u16) -> Plan {
        let narrow = if side_by_side { half(width) } else { width };
        let widths = [width, narrow, narrow, width];
        let mut plain_at = [0; 4];
        let options = std::array::from_fn(|i| {
            let mut heights = big_heights(texts[i], widths[i]);
            // Text that wraps may also be cut to one row ending in `…`.
            if heights[0] > 1 {
                heights.insert(0, 1);
                plain_at[i] = 1;
            }
            heights
        });
        Plan {
            side_by_side,
            options,
            plain_at,
            level: [0; 4],
            gaps,
        }
    }

    fn height(&self, i: usize) -> u16 {
        self.options[i][self.level[i]]
    }

    /// Rows taken with each block at `level`: labels, text and gaps.
    fn rows(&self, level: &[usize; 4]) -> u16 {
        let h = |i: usize| self.options[i][level[i]];
        let (labels, timers) = if self.side_by_side {
            (3, h(1).max(h(2)))
        } else {
            (4, h(1) + h(2))
        };
        labels + self.gaps + h(0) + timers + h(3)
    }

    /// Grows the blocks a step at a time while they fit `height`: every
    /// block to its whole text in ordinary type, then each as large as it
    /// can go in turn, the timer and the floor first. With `timers_first`,
    /// the timer and the floor take their first large size before anything
    /// else grows, which a small screen needs.
    fn grow(mut self, height: u16, timers_first: bool) -> Plan {
        let phases = [
            (&[1, 2][..], Step::FirstLarge),
            (&[1, 2, 0, 3][..], Step::Whole),
            (&[1, 2, 0, 3][..], Step::Largest),
        ];
        let skip = usize::from(!timers_first);
        for (blocks, limit) in phases.into_iter().skip(skip) {
            loop {
                let mut grew = false;
                for &i in blocks {
                    let mut next = self.level;
                    next[i] += 1;
                    if next[i] <= self.limit(i, limit)
                        && next[i] < self.options[i].len()
                        && self.rows(&next) <= height
                    {
                        self.level = next;
                        grew = true;
                    }
                }
                if !grew {
                    break;
                }
            }
        }
        self
    }

    /// The furthest step block `i` may grow to in a phase of `step`.
    fn limit(&self, i: usize, step: Step) -> usize {
        match step {
            Step::FirstLarge => self.plain_at[i] + 1,
            Step::Whole => self.plain_at[i],
            Step::Largest => self.options[i].len() - 1,
        }
    }

    /// How many of the timer and the floor are drawn large.
    fn large(&self) -> usize {
        [1, 2]
            .into_iter()
            .filter(|&i| self.level[i] > self.plain_at[i])
            .count()
    }

    /// The arrangement that draws most of the timer and the floor large:
    /// side by side with gaps, every block growing in turn, if that does
    /// as well as any; then the timer and the floor growing first; then
    /// stacked; then without gaps.
    fn best(texts: [&str; 4], area: Rect) -> Plan {
        let mut best: Option<Plan> = None;
        let tries = [
            (true, 2, false),
            (true, 2, true),
            (false, 2, true),
            (true, 0, true),
            (false, 0, true),
        ];
        for (side_by_side, gaps, timers_first) in tries {
            let plan =
                Plan::new(texts, area.width, side_by_side, gaps).grow(area.height, timers_first);
            if best.as_ref().is_none_or(|b| plan.large() > b.large()) {
                best = Some(plan);
            }
        }
        best.expect("four plans were made")
    }
}

impl Room<'_> {
    /// The meeting, the time of day and how long it has run, and any break.
    fn header(&self, frame: &mut Frame, area: Rect) {
        let (s, theme) = (self.s, self.theme);
        let face = TimeOfDay::of(s, self.now);
        let mut right = face.hm(self.now);
        if let Some(secs) = meeting_elapsed_secs(&s.clock, self.now) {
            right.push_str(&format!(" ({} in)", format_duration(secs)));
        }
        if let Some(pause) = current_break(&s.clock, self.now) {
            right.push_str(&format!(" │ {}", break_words(pause, face)));
        } else if let Some(ended) = s.clock.ended {
            right.push_str(&format!(" │ ended {}", face.hm(ended)));
        }
        let room = usize::from(area.width).saturating_sub(right.chars().count() + 5);
        let line = Line::from(vec![
            Span::raw(" "),
            Span::raw(fit(&one_line(&s.title), room).into_owned()),
            Span::raw(" │ "),
            Span::raw(right),
        ]);
        frame.render_widget(Paragraph::new(line).style(theme.header()), area);
    }

    /// The large part: the item, the timer and the floor, and the open
    /// proposal or the rung. The timer and the floor sit side by side, or
    /// one above the other when only that lets both be large (an 80x24
    /// screen); gaps between blocks go before either is drawn small. The
    /// rows are then shared out a size step at a time, the timer and the
    /// floor first, so every block grows as far as the screen allows.
    fn big(&self, frame: &mut Frame, area: Rect) {
        let blocks = [
            self.item(),
            self.timer(),
            self.floor(),
            self.card().unwrap_or_else(|| self.proposal_or_rung()),
        ];
        let texts = blocks.each_ref().map(|b| b.text.as_str());
        let plan = Plan::best(texts, area);
        let h = |i: usize| plan.height(i) + 1;
        let timers_height = if plan.side_by_side {
            h(1).max(h(2))
        } else {
            h(1) + h(2)
        };
        let [_, item, _, timers, _, proposal, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(h(0)),
            Constraint::Fill(1),
            Constraint::Length(timers_height),
            Constraint::Fill(1),
            Constraint::Length(h(3)),
            Constraint::Fill(1),
        ])
        .areas(area);
        let [timer, floor] = if plan.side_by_side {
            Layout::horizontal([Constraint::Length(half(area.width)), Constraint::Fill(1)])
                .spacing(2)
                .areas(timers)
        } else {
            Layout::vertical([Constraint::Length(h(1)), Constraint::Fill(1)]).areas(timers)
        };
        let [item_block, timer_block, floor_block, proposal_block] = blocks;
        item_block.draw(frame, item);
        timer_block.draw(frame, timer);
        floor_block.draw(frame, floor);
        proposal_block.draw(frame, proposal);
    }

    /// Rows the large part needs for the timer and the floor to be large
    /// with everything else on one row each, or 0 when no arrangement
    /// makes them large: the lower part gives way down to this.
    fn big_needs(&self, width: u16) -> u16 {
        let texts = [
            self.item().text,
            self.timer().text,
            self.floor().text,
            self.proposal_or_rung().text,
        ];
        let texts = texts.each_ref().map(String::as_str);
        [true, false]
            .into_iter()
            .filter_map(|side_by_side| {
                let mut plan = Plan::new(texts, width, side_by_side, 0);
                plan.level[1] = plan.plain_at[1] + 1;
                plan.level[2] = plan.plain_at[2] + 1;
                (plan.level[1] < plan.options[1].len() && plan.level[2] < plan.options[2].len())
                    .then(|| plan.rows(&plan.level))
            })
            .min()
            .unwrap_or(0)
    }

    fn item(&self) -> Big<'_> {
        let (s, theme) = (self.s, self.theme);
        match running_item(s) {
            Some(i) => {
                let item = &s.agenda[i];
                let mut words = format!("Item {} of {}", i + 1, s.agenda.len());
                if let Some(lead) = &item.lead {
                    words.push_str(&format!(" · led by {}", room_name_of(s, lead)));
                }
                Big::new(
                    vec![Span::styled(words, theme.muted())],
                    &item.title,
                    theme.title(),
                )
            }
            None => {
                let words = if s.clock.ended.is_some() {
                    "The meeting has ended"
                } else {
                    "No item running"
                };
                let top = vec![Span::styled(
                    crate::report::words::count(s.agenda.len() as u64, "item"),
                    theme.muted(),
                )];
                Big::new(top, words, theme.muted())
            }
        }
    }

    /// The running item's time left (or over), or the break, or the time.
    fn timer(&self) -> Big<'_> {
        let (s, theme) = (self.s, self.theme);
        if let Some(pause) = current_break(&s.clock, self.now) {
            let face = TimeOfDay::of(s, self.now);
            let top = vec![Span::styled(break_words(pause, face), theme.accent())];
            return Big::new(top, "BREAK", theme.title());
        }
        match running_item(s) {
            Some(i) => {
                let item = &s.agenda[i];
                let used = item_used_secs(item, &s.clock, self.now).unwrap_or(0);
                let boxed = u64::from(item.minutes) * 60;
                let left = time_left(used, boxed, &s.settings, theme);
                let style = left.style;
                let top = vec![
                    left,
                    Span::styled(format!(" of {} min", item.minutes), theme.text()),
                ];
                Big::new(top, &big_timer(used, boxed), style)
            }
            None => {
                // The big figures have no room for the offset: it goes above.
                let label = match TimeOfDay::of(self.s, self.now).shows_offsets() {
                    true => format!("Time now ({})", utc_offset(self.now)),
                    false => "Time now".to_owned(),
                };
                let top = vec![Span::styled(label, theme.muted())];
                Big::new(top, &self.now.format("%H:%M").to_string(), theme.text())
            }
        }
    }

    /// Who has the floor and for how long, with their role's symbol.
    fn floor(&self) -> Big<'_> {
        let (s, theme) = (self.s, self.theme);
        if let Some(pause) = thinking::current(&s.clock, self.now) {
            let left = format_duration(thinking::secs_left(pause, self.now));
            // The words above, the countdown as large as the floor's time.
            let top = vec![
                Span::styled("Thinking time:", theme.accent()),
                Span::styled(" quiet, nobody speaks", theme.text()),
            ];
            return Big::new(top, &left, theme.title());
        }
        let Some(turn) = floor(s) else {
            let top = vec![Span::styled("Nobody has the floor", theme.muted())];
            return Big::new(top, "silent", theme.muted());
        };
        let name = room_name_of(s, &turn.who);
        let mut top = Vec::new();
        if let Some((slot, role)) = self.role_of(&turn.who) {
            top.push(Span::styled(
                format!("{} {}", role_symbol(slot), one_line(role)),
                theme.role(slot),
            ));
            top.push(Span::raw(" · "));
        }
        let style = match long_turn(s, self.now) {
            Some(secs) => {
                let limit = format_duration(s.settings.long_turn_secs());
                top.push(Span::styled(
                    format!("⚠ LONG TURN {} (over {limit})", format_duration(secs)),
                    theme.alert(),
                ));
                theme.alert()
            }
            None => {
                top.push(Span::styled("has the floor", theme.text()));
                theme.title()
            }
        };
        let big = format!("{name} {}", format_duration(turn_secs(s, turn, self.now)));
        Big::new(top, &big, style)
    }

    /// The card held up in the last little while, in the open proposal's
    /// place: the word and its meaning, or the speaker asked to explain.
    fn card(&self) -> Option<Big<'_>> {
        let theme = self.theme;
        let (name, said, big) = card_words(self.s, self.now)?;
        let top = vec![
            Span::styled(name, theme.accent()),
            Span::styled(said, theme.text()),
        ];
        Some(Big::new(top, &big, theme.title()))
    }

    /// The open proposal, else the rung the group last judged.
    fn proposal_or_rung(&self) -> Big<'_> {
        let (s, theme) = (self.s, self.theme);
        if let Some(i) = open_index(s) {
            let decision = &s.decisions[i];
            let present = s.participants.iter().filter(|p| p.is_present()).count();
            let answered = present_answers(s, decision).count();
            let top = vec![
                Span::styled("▶ Proposal", theme.accent()),
                Span::styled(
                    format!(
                        " from {} · {answered} of {present} answered",
                        room_name_of(s, &decision.proposed_by)
                    ),
                    theme.text(),
                ),
            ];
            return Big::new(top, &decision.proposal, theme.text());
        }
        match current(s) {
            Some(j) => {
                let judgement = &s.ladder[j];
                let rung = judgement.rung;
                let top = vec![
                    Span::styled("Ladder: ", theme.muted()),
                    Span::styled(
                        one_line(&about(s, judgement.item.as_deref())).into_owned(),
                        theme.text(),
                    ),
                    Span::styled(
                        format!(" · {} ({})", rung.meaning(), rung.band().label()),
                        theme.muted(),
                    ),
                ];
                Big::new(top, rung.label(), theme.title())
            }
            None => Big::new(
                vec![Span::styled("No proposal open", theme.muted())],
                "",
                theme.muted(),
            ),
        }
    }

    /// The role slot and label of a participant.
    fn role_of(&self, id: &str) -> Option<(usize, &str)> {
        let person = self.s.participant(id)?;
        let slot = self.s.roles.iter().position(|r| r.id == person.role)?;
        Some((slot, self.s.roles[slot].label.as_str()))
    }

    /// The decisions taken so far: every closed round, oldest first.
    fn decided(&self) -> Vec<usize> {
        let d = &self.s.decisions;
        (0..d.len()).filter(|&i| is_closed(d[i].state)).collect()
    }

    /// Rows each list needs, so the lower part takes no more than that.
    fn lower_height(&self, width: u16) -> u16 {
        let roles = self.s.roles.len() as u16 + 1 + u16::from(self.balance.power.is_some());
        let hands = self.s.stack.len().max(1) as u16 + 1;
        let decided = self.decided().len().max(1) as u16 + 1;
        if width >= THREE_COLUMNS {
            roles.max(hands).max(decided)
        } else {
            roles.max(hands + 1 + decided)
        }
    }

    fn lower(&self, frame: &mut Frame, area: Rect) {
        if area.width >= THREE_COLUMNS {
            let [hands, roles, decided] = Layout::horizontal([
                Constraint::Percentage(25),
                Constraint::Percentage(40),
                Constraint::Fill(1),
            ])
            .spacing(3)
            .areas(area);
            self.hands(frame, hands);
            self.roles(frame, roles);
            self.decisions(frame, decided);
        } else {
            let [roles, right] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)])
                    .spacing(2)
                    .areas(area);
            self.roles(frame, roles);
            let hands = self.s.stack.len().max(1) as u16 + 1;
            let [hands_area, _, decided] = Layout::vertical([
                Constraint::Length(hands),
                Constraint::Length(1),
                Constraint::Fill(1),
            ])
            .areas(right);
            self.hands(frame, hands_area);
            self.decisions(frame, decided);
        }
    }

    /// The raised hands in calling order, with why each is where it is.
    fn hands(&self, frame: &mut Frame, area: Rect) {
        let (s, theme) = (self.s, self.theme);
        let order = s.settings.stack_order();
        let why = hand_reasons(s, &self.balance);
        let mut lines = vec![Line::styled(
            format!("Raised hands ({} order)", order.id()),
            theme.title(),
        )];
        if s.stack.is_empty() {
            lines.push(Line::styled("none", theme.muted()));
        }
        for (i, (id, why)) in s.stack.iter().zip(&why).enumerate() {
            let hand = Line::from(vec![
                Span::styled(format!("{}. ", i + 1), theme.accent()),
                Span::styled(room_name_of(s, id), theme.text()),
                Span::styled(format!("  {why}"), theme.muted()),
            ]);
            lines.push(fit_line(hand, usize::from(area.width)));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    /// Speaking time by role against fair share, each role with its symbol,
    /// and the roles with power together.
    fn roles(&self, frame: &mut Frame, area: Rect) {
        let (s, theme) = (self.s, self.theme);
        let rows = self.balance.roles.iter().map(|share| {
            let role = &s.roles[share.index];
            let mark = if role.has_power() { " ◆" } else { "" };
            let fair = if share.is_target { "target" } else { "fair" };
            Row::new(vec![
                Cell::from(Span::styled(
                    format!(
                        "{} {}{mark}",
                        role_symbol(share.index),
                        one_line(&role.label)
                    ),
                    theme.role(share.index),
                )),
                Cell::from(percent(share.share)),
                Cell::from(format!("{} {fair}", percent(share.fair))),
                Cell::from(against_fair(share.share, share.fair, theme)),
            ])
        });
        let header =
            Row::new(["By role (◆ power)", "Share", "Fair share", ""]).style(theme.title());
        let widths = [
            Constraint::Fill(1),
            Constraint::Length(5),
            Constraint::Length(10),
            Constraint::Length(7),
        ];
        let roles = s.roles.len() as u16 + 1;
        let [table_area, power_area] =
            Layout::vertical([Constraint::Length(roles), Constraint::Fill(1)]).areas(area);
        frame.render_widget(
            Table::new(rows, widths).header(header).column_spacing(1),
            table_area,
        );
        if let Some(power) = &self.balance.power {
            let verdict = if power.is_over() {
                Span::styled("⚠ OVER", theme.alert())
            } else {
                Span::styled("● within", theme.ok())
            };
            let line = Line::from(vec![
                Span::styled(
                    format!(
                        "◆ Power together {} (fair {}) ",
                        percent(power.share),
                        percent(power.fair)
                    ),
                    theme.text(),
                ),
                verdict,
            ]);
            frame.render_widget(Paragraph::new(line), power_area);
        }
    }

    /// The decisions taken so far, wrapped when they all fit, else one row
    /// each ending in `…`, the latest kept and the rest counted.
    fn decisions(&self, frame: &mut Frame, area: Rect) {
        let (s, theme) = (self.s, self.theme);
        let decided = self.decided();
        let mut items: Vec<Line> = decided
            .iter()
            .map(|&i| {
                let d = &s.decisions[i];
                let (symbol, style) = match d.state {
                    DecisionState::Agreed | DecisionState::Amended => ("✓", theme.ok()),
                    DecisionState::NotAgreed => ("✖", theme.warn()),
                    _ => ("·", theme.text()),
                };
                let mut spans = vec![Span::styled(
                    format!("{symbol} {}", state_words(d.state)),
                    style,
                )];
                if d.rubber_stamp.is_some() {
                    spans.push(Span::styled(" ⚑ flagged", theme.alert()));
                }
                spans.push(Span::styled(
                    format!(": {}", one_line(&d.proposal)),
                    theme.text(),
                ));
                Line::from(spans)
            })
            .collect();
        if items.is_empty() {
            items.push(Line::styled("nothing yet", theme.muted()));
        }
        let room = usize::from(area.height.saturating_sub(1));
        let wrapped: usize = items.iter().map(|l| wrapped_rows(l, area.width)).sum();
        if wrapped <= room {
            let [title, list] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
            let title_line = Line::styled("Decided so far", theme.title());
            frame.render_widget(Paragraph::new(title_line), title);
            frame.render_widget(Paragraph::new(items).wrap(Wrap { trim: true }), list);
            return;
        }
        let skip = items.len().saturating_sub(room);
        let title = if skip > 0 {
            format!("Decided so far ({skip} earlier not shown)")
        } else {
            "Decided so far".to_owned()
        };
        let width = usize::from(area.width);
        let mut lines = vec![fit_line(Line::styled(title, theme.title()), width)];
        lines.extend(items.into_iter().skip(skip).map(|l| fit_line(l, width)));
        frame.render_widget(Paragraph::new(lines), area);
    }
}
