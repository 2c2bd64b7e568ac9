//! The Ladder pane: the seven rungs drawn bottom to top with their meanings
//! and bands, the judgement shown marked with `▶` and its show of hands as
//! bars, this meeting's judgements, and the rung over earlier sessions.

use crate::session::offsets::TimeOfDay;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

use super::parts::{heading, plain_rows};
use crate::app::App;
use crate::app::ladder::{Target, about, shown, target_item};
use crate::session::judgement::{Basis, MeetingRung, meeting_rung, most_voted};
use crate::session::{Judgement, Rung};
use crate::text::{fit, one_line};
use crate::theme::Theme;
use unicode_width::UnicodeWidthStr;

/// Cells of the longest show-of-hands bar.
const VOTE_BAR: usize = 8;
/// The hands column: a bar and a count of up to three digits.
const HANDS_WIDTH: u16 = VOTE_BAR as u16 + 4;
/// The rung column: `╟ 7 Co-production ╢`.
const RUNG_WIDTH: u16 = 19;
const BAND_WIDTH: u16 = 10;
/// The widest rung name, which the rung column is padded to.
const LABEL_WIDTH: usize = 13;

/// Draws the pane into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let s = &app.session;
    let judgement = shown(app).map(|i| &s.ladder[i]);
    let [title_area, ladder_area, _, lower] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1 + Rung::ALL.len() as u16),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let lines = title(app, judgement, usize::from(title_area.width), theme);
    frame.render_widget(Paragraph::new(lines), title_area);
    ladder(app, judgement, frame, ladder_area, theme);
    let [history_area, trend_area] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
            .spacing(2)
            .areas(lower);
    history(app, frame, history_area, theme);
    trend(app, frame, trend_area, theme);
}

/// What the judgement shown is about (cut to fit), its rung and hands, and
/// its note; or how to record one.
fn title<'a>(
    app: &App,
    judgement: Option<&Judgement>,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let s = &app.session;
    let Some(j) = judgement else {
        return vec![
            Line::styled("No judgement recorded yet", theme.muted()),
            Line::styled(
                fit(&format!("r records one on {}", target_words(app)), width).into_owned(),
                theme.muted(),
            ),
        ];
    };
    let mut rest = vec![Span::styled(
        format!("▶ {} ({})", j.rung.label(), j.rung.band().label()),
        theme.title(),
    )];
    let hands = j.hands();
    if hands > 0 {
        let plural = if hands == 1 { "hand" } else { "hands" };
        rest.push(Span::styled(format!(" · {hands} {plural}"), theme.text()));
    }
    if let Some(most) = most_voted(&j.votes).filter(|&most| most != j.rung) {
        rest.push(Span::styled(
            format!(" · most hands: {}", most.label()),
            theme.warn(),
        ));
    }
    let used: usize = rest.iter().map(Span::width).sum();
    let what = format!(
        "{}  {}",
        TimeOfDay::of(s, app.now).hm(j.at),
        one_line(&about(s, j.item.as_deref()))
    );
    // On a narrow screen the item keeps a few letters and the line is cut
    // at the right instead.
    let what = fit(&what, width.saturating_sub(used + 2).max(16)).into_owned();
    let mut first = vec![Span::styled(format!("{what}: "), theme.text())];
    first.extend(rest);
    let note = match &j.note {
        Some(note) => Line::styled(
            fit(&format!("“{}”", one_line(note)), width).into_owned(),
            theme.text(),
        ),
        None => Line::styled("No note yet", theme.muted()),
    };
    vec![Line::from(first), note]
}

/// How far up the ladder `rung` is, from 1 at the bottom.
fn rung_number(rung: Rung) -> usize {
    rung.index() + 1
}

/// The rung name on a ladder rung: `╟ 6 Co-design ────╢`.
fn rung_cell(rung: Rung) -> String {
    let number = rung_number(rung);
    let label = rung.label();
    let pad = "─".repeat(LABEL_WIDTH.saturating_sub(label.len()));
    format!("╟ {number} {label} {pad}╢")
}

/// The seven rungs, top to bottom: `▶` marks the judgement's rung, `›` the
/// rung hands are being counted on.
fn ladder(app: &App, judgement: Option<&Judgement>, frame: &mut Frame, area: Rect, theme: &Theme) {
    let most = judgement.map_or(0, |j| j.votes.iter().map(|(_, &n)| n).max().unwrap_or(0));
    let fixed = 2 + RUNG_WIDTH + BAND_WIDTH + HANDS_WIDTH + 4;
    let meaning_width = usize::from(area.width.saturating_sub(fixed));
    let rows = Rung::ALL.iter().rev().map(|&rung| {
        let chosen = judgement.is_some_and(|j| j.rung == rung);
        let votes = judgement
            .and_then(|j| j.votes.get(&rung).copied())
            .unwrap_or(0);
        let bar = if votes == 0 {
            String::new()
        } else {
            let cells = (votes as usize * VOTE_BAR).div_ceil(most as usize);
            format!("{} {votes}", "█".repeat(cells))
        };
        let cursor = if app.ladder.cursor == rung {
            "›"
        } else {
            " "
        };
        let mark = if chosen { "▶" } else { " " };
        let (style, band) = if chosen {
            (theme.selected(), theme.selected())
        } else {
            (theme.text(), theme.muted())
        };
        Row::new(vec![
            Cell::from(Span::styled(format!("{cursor}{mark}"), style)),
            Cell::from(rung_cell(rung)),
            Cell::from(Span::styled(rung.band().label(), band)),
            Cell::from(fit(rung.meaning(), meaning_width).into_owned()),
            Cell::from(bar),
        ])
        .style(style)
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(2),
            Constraint::Length(RUNG_WIDTH),
            Constraint::Length(BAND_WIDTH),
            Constraint::Fill(1),
            Constraint::Length(HANDS_WIDTH),
        ],
    )
    .header(Row::new(["", "Rung", "Band", "What it means", "Hands"]).style(theme.title()))
    .column_spacing(1);
    frame.render_widget(table, area);
}

/// What `r` will judge, in words.
fn target_words(app: &App) -> String {
    let s = &app.session;
    let item = target_item(s, &app.ladder.target);
    let what = one_line(&about(s, item.as_deref())).into_owned();
    match (&app.ladder.target, item) {
        (Target::Running, Some(_)) => format!("{what}, the running item"),
        (Target::Running, None) => format!("{what} (no item is running)"),
        _ => what,
    }
}

/// This meeting's judgements, oldest first, each with its note below it;
/// the one shown is marked and scrolled into view.
fn history(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let s = &app.session;
    let width = usize::from(area.width);
    let mut lines = vec![
        heading("This meeting's judgements", theme),
        Line::styled(
            fit(&format!("Next (r): {}", target_words(app)), width).into_owned(),
            theme.muted(),
        ),
    ];
    if s.ladder.is_empty() {
        lines.push(Line::styled("None yet", theme.muted()));
    }
    let face = TimeOfDay::of(s, app.now);
    let shown = shown(app);
    let room = usize::from(area.height).saturating_sub(lines.len());
    // Each judgement on as many rows as it needs when they all fit, else
    // one row each (and one for its note) cut with `…`.
    let entry = |at: usize, j: &Judgement, wrap: bool| {
        let here = shown == Some(at);
        // The rung first, so that a long item title never hides it.
        let lead = format!("{} {} ", if here { "▶" } else { " " }, face.hm(j.at));
        let body = format!(
            "{}: {}",
            j.rung.label(),
            one_line(&about(s, j.item.as_deref()))
        );
        let style = if here { theme.selected() } else { theme.text() };
        let indent = " ".repeat(lead.width());
        let mut entry = Vec::new();
        let mut add = |first: &str, text: &str, style| {
            if wrap {
                let columns = u16::try_from(width.saturating_sub(indent.len())).unwrap_or(u16::MAX);
                let rows = plain_rows(text, columns, u16::MAX);
                for (i, row) in rows.into_iter().enumerate() {
                    let start = if i == 0 { first } else { indent.as_str() };
                    entry.push(Line::styled(format!("{start}{row}"), style));
                }
            } else {
                let line = format!("{first}{text}");
                entry.push(Line::styled(fit(&line, width).into_owned(), style));
            }
        };
        add(&lead, &body, style);
        if let Some(note) = &j.note {
            add(&indent, &format!("“{}”", one_line(note)), theme.muted());
        }
        entry
    };
    let wrapped: Vec<Vec<Line>> = s
        .ladder
        .iter()
        .enumerate()
        .map(|(at, j)| entry(at, j, true))
        .collect();
    let entries = if wrapped.iter().map(Vec::len).sum::<usize>() <= room {
        wrapped
    } else {
        s.ladder
            .iter()
            .enumerate()
            .map(|(at, j)| entry(at, j, false))
            .collect()
    };
    // The latest entries that fit up to the one shown, then as many after.
    let last = shown.unwrap_or(0);
    let mut first = last.min(entries.len());
    let mut used = entries.get(last).map_or(0, Vec::len);
    while first > 0 && used + entries[first - 1].len() <= room {
        first -= 1;
        used += entries[first].len();
    }
    lines.extend(entries.into_iter().skip(first).flatten().take(room));
    frame.render_widget(Paragraph::new(lines), area);
}

/// A rung as a small bar, one cell a rung: `█████░░`.
fn rung_bar(rung: Rung) -> String {
    let up = rung_number(rung);
    format!("{}{}", "█".repeat(up), "░".repeat(Rung::ALL.len() - up))
}

/// One session's line in the trend chart.
fn trend_line<'a>(date: &str, rung: Option<MeetingRung>, width: usize, theme: &Theme) -> Line<'a> {
    let (text, style): (String, Style) = match rung {
        Some(MeetingRung { rung, basis }) => {
            let basis = match basis {
                Basis::Meeting => String::new(),
                Basis::Items(n) => format!(" (median of {n})"),
            };
            let text = format!("{date} {} {}{basis}", rung_bar(rung), rung.label());
            (text, theme.text())
        }
        None => (format!("{date} ······· not judged"), theme.muted()),
    };
    Line::styled(fit(&text, width).into_owned(), style)
}

/// The meeting-level rung of each earlier session in the folder, oldest
/// first, then this meeting's; and every file skipped, with why. When rows
/// run short the oldest sessions give way, never the skipped files' notes.
fn trend(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let trend = &app.ladder.trend;
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    let mut foot = vec![
        Line::styled("This meeting so far", theme.accent()),
        trend_line(
            &app.session.date.format("%Y-%m-%d").to_string(),
            meeting_rung(&app.session),
            width,
            theme,
        ),
    ];
    let skipped = &trend.skipped;
    // Each skipped file takes two rows: its name, then why.
    let limit = (height.saturating_sub(4) / 4).max(1);
    let said = if skipped.len() > limit {
        limit - 1
    } else {
        skipped.len()
    };
    for file in &skipped[..said] {
        let name = format!("⚠ skipped {}:", one_line(&file.file));
        let why = format!("  {}", one_line(&file.reason));
        for text in [name, why] {
            foot.push(Line::styled(fit(&text, width).into_owned(), theme.warn()));
        }
    }
    if said < skipped.len() {
        let more = skipped.len() - said;
        foot.push(Line::styled(
            format!("⚠ {more} more files skipped"),
            theme.warn(),
        ));
    }
    let mut lines = vec![heading("Earlier sessions in this folder", theme)];
    let room = height.saturating_sub(lines.len() + foot.len()).max(1);
    let points = &trend.points;
    if app.ladder.reading_earlier {
        lines.push(Line::styled("reading earlier meetings…", theme.muted()));
    } else if points.is_empty() {
        lines.push(Line::styled(
            "No earlier sessions in this folder",
            theme.muted(),
        ));
    }
    let shown_points = if points.len() > room {
        room - 1
    } else {
        points.len()
    };
    let hidden = points.len() - shown_points;
    if hidden > 0 {
        lines.push(Line::styled(
            format!("… {hidden} earlier not shown"),
            theme.muted(),
        ));
    }
    for point in &points[hidden..] {
        let date = point.date.format("%Y-%m-%d").to_string();
        lines.push(trend_line(&date, point.rung, width, theme));
    }
    lines.extend(foot);
    frame.render_widget(Paragraph::new(lines), area);
}
