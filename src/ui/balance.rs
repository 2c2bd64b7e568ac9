//! The Balance pane: who has the floor; speaking time by person and by role
//! against fair share; who has not spoken yet; the stack; one figure for
//! the room.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

use super::parts::{against_fair, bar_scale, name_of, percent, role_of, share_bar};
use crate::app::App;
use crate::session::balance::{Balance, floor, turn_secs};
use crate::session::timing::format_duration;
use crate::text::one_line;
use crate::theme::Theme;

const BAR_WIDTH: usize = 20;

fn floor_line<'a>(app: &App, theme: &Theme) -> Line<'a> {
    let s = &app.session;
    match floor(s) {
        Some(turn) => {
            let role = s
                .participants
                .iter()
                .find(|p| p.id == turn.who)
                .map(|p| role_of(s, p).1)
                .unwrap_or_default();
            Line::from(vec![
                Span::styled("Floor: ", theme.text()),
                Span::styled(name_of(s, &turn.who), theme.title()),
                Span::styled(format!(" ({})  ", one_line(role)), theme.text()),
                Span::styled(format_duration(turn_secs(s, turn, app.now)), theme.title()),
            ])
        }
        None => Line::styled("Floor: silent", theme.muted()),
    }
}

fn people_table<'a>(app: &App, balance: &Balance, theme: &Theme) -> Table<'a> {
    let s = &app.session;
    let scale = bar_scale(balance.people.iter().map(|p| (p.share, p.fair)));
    let rows = balance.people.iter().map(move |share| {
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
        let mut bar = share_bar(
            share.share,
            share.fair,
            scale,
            BAR_WIDTH,
            theme.role(slot),
            theme,
        );
        bar.push(Span::raw(" "));
        bar.push(status);
        Row::new(vec![
            Cell::from(Span::styled(key, theme.footer_key())),
            Cell::from(one_line(&person.name).into_owned()),
            Cell::from(Span::styled(one_line(role).into_owned(), theme.role(slot))),
            Cell::from(format_duration(share.secs)),
            Cell::from(percent(share.share)),
            Cell::from(Line::from(bar)),
            Cell::from(share.turns.to_string()),
            Cell::from(if share.turns > 0 {
                format_duration(share.average_secs())
            } else {
                String::new()
            }),
        ])
    });
    Table::new(
        rows,
        [
            Constraint::Length(3),
            Constraint::Fill(1),
            Constraint::Length(16),
            Constraint::Length(7),
            Constraint::Length(5),
            Constraint::Length(BAR_WIDTH as u16 + 11),
            Constraint::Length(5),
            Constraint::Length(7),
        ],
    )
    .header(
        Row::new([
            "Key",
            "Name",
            "Role",
            "Time",
            "Share",
            "Against fair share ┃",
            "Turns",
            "Avg",
        ])
        .style(theme.title()),
    )
    .column_spacing(1)
}

fn roles_table<'a>(app: &App, balance: &Balance, theme: &Theme) -> Table<'a> {
    let s = &app.session;
    let scale = bar_scale(balance.roles.iter().map(|r| (r.share, r.fair)));
    let rows = balance.roles.iter().map(move |share| {
        let role = &s.roles[share.index];
        let mut bar = share_bar(
            share.share,
            share.fair,
            scale,
            BAR_WIDTH,
            theme.role(share.index),
            theme,
        );
        bar.push(Span::raw(" "));
        bar.push(against_fair(share.share, share.fair, theme));
        let fair = format!(
            "{} {}",
            percent(share.fair),
            if share.is_target { "target" } else { "fair" }
        );
        let label = if role.has_power() {
            format!("{} (power)", one_line(&role.label))
        } else {
            one_line(&role.label).into_owned()
        };
        Row::new(vec![
            Cell::from(Span::styled(label, theme.role(share.index))),
            Cell::from(share.present.to_string()),
            Cell::from(format_duration(share.secs)),
            Cell::from(percent(share.share)),
            Cell::from(fair),
            Cell::from(Line::from(bar)),
        ])
    });
    Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(7),
            Constraint::Length(7),
            Constraint::Length(5),
            Constraint::Length(11),
            Constraint::Length(BAR_WIDTH as u16 + 11),
        ],
    )
    .header(
        Row::new([
            "Role",
            "Present",
            "Time",
            "Share",
            "Fair share",
            "Against fair share ┃",
        ])
        .style(theme.title()),
    )
    .column_spacing(1)
}

/// Power roles together, not-yet-spoken, the stack and the evenness figure.
fn summary<'a>(app: &App, balance: &Balance, theme: &Theme) -> Vec<Line<'a>> {
    let s = &app.session;
    let mut lines = Vec::new();
    if let Some(power) = &balance.power {
        let names: Vec<String> = s
            .roles
            .iter()
            .filter(|r| r.has_power())
            .map(|r| one_line(&r.label).into_owned())
            .collect();
        let text = format!(
            "Roles with power ({}): {} of speaking time, fair share {} ",
            names.join(" + "),
            percent(power.share),
            percent(power.fair)
        );
        let verdict = if power.is_over() {
            Span::styled("⚠ OVER their fair share", theme.alert())
        } else {
            Span::styled("● within fair share", theme.ok())
        };
        lines.push(Line::from(vec![Span::raw(text), verdict]));
    }
    let quiet: Vec<String> = balance
        .people
        .iter()
        .filter(|p| p.turns == 0 && s.participants[p.index].is_present())
        .map(|p| one_line(&s.participants[p.index].name).into_owned())
        .collect();
    if !quiet.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("○ Not spoken yet: ", theme.warn()),
            Span::raw(quiet.join(", ")),
        ]));
    }
    let stack: Vec<String> = s
        .stack
        .iter()
        .enumerate()
        .map(|(i, id)| format!("{}. {}", i + 1, name_of(s, id)))
        .collect();
    lines.push(Line::from(vec![
        Span::styled("Raised hands: ", theme.text()),
        Span::raw(if stack.is_empty() {
            "none".into()
        } else {
            stack.join("   ")
        }),
    ]));
    lines.push(Line::from(match balance.evenness {
        Some(e) => vec![
            Span::styled(format!("Evenness {e:.2}"), theme.title()),
            Span::styled(
                "  (1 = everyone present spoke equally, 0 = one voice; 1 − Gini)",
                theme.muted(),
            ),
        ],
        None => vec![Span::styled(
            "Evenness: nobody has spoken yet",
            theme.muted(),
        )],
    }));
    lines
}

/// Draws the pane into `area`.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let balance = Balance::compute(&app.session, app.now);
    let people = app.session.participants.len() as u16;
    let roles = app.session.roles.len() as u16;
    let [floor_area, people_area, _, roles_area, _, summary_area] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Max(people + 1),
        Constraint::Length(1),
        Constraint::Max(roles + 1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(floor_line(app, theme)), floor_area);
    frame.render_widget(people_table(app, &balance, theme), people_area);
    frame.render_widget(roles_table(app, &balance, theme), roles_area);
    frame.render_widget(
        Paragraph::new(summary(app, &balance, theme)).wrap(Wrap { trim: true }),
        summary_area,
    );
}
