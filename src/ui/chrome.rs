//! The one-line header and footer on every pane.

use crate::session::offsets::TimeOfDay;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::parts::{break_words, name_of};
use crate::app::decisions::open_index;
use crate::app::keymap::{Binding, Scope, keys_label};
use crate::app::{App, Pane};
use crate::session::balance::{floor, turn_secs};
use crate::session::thinking;
use crate::session::timing::{
    current_break, format_duration, item_used_secs, meeting_elapsed_secs, running_item,
};
use crate::text::{fit, one_line};
use crate::theme::Theme;

const GAP: &str = " │ ";
/// The fewest columns of the open proposal the header keeps.
const PROPOSAL_MIN: usize = 12;

/// Meeting, clock, current item, the open proposal and who has the floor.
/// The clock, the floor and the item's time always show; the item's title
/// and the proposal share what is left, and the meeting's title gives way.
pub fn header(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let s = &app.session;
    let face = TimeOfDay::of(s, app.now);
    let mut clock = face.hm(app.now);
    if let Some(secs) = meeting_elapsed_secs(&s.clock, app.now) {
        clock.push_str(&format!(" ({} in)", format_duration(secs)));
    }
    let thinking = thinking::current(&s.clock, app.now);
    let floor = match (thinking, floor(s)) {
        (Some(pause), _) => format!(
            "Thinking time {}",
            format_duration(thinking::secs_left(pause, app.now))
        ),
        (None, Some(turn)) => format!(
            "Floor: {} {}",
            fit(&name_of(s, &turn.who), 20),
            format_duration(turn_secs(s, turn, app.now))
        ),
        (None, None) => "Floor: silent".into(),
    };
    // A round going on says how far it has got, beside the floor it gives.
    let floor = match super::practice::round_short(s) {
        Some(round) => format!("{floor} · {round}"),
        None => floor,
    };
    // The running item: its title (which may shrink) and its time (which may
    // not), held still through a break, which is named after it.
    let (item_title, mut item_time) = match running_item(s) {
        Some(i) => {
            let item = &s.agenda[i];
            let used = item_used_secs(item, &s.clock, app.now).unwrap_or(0);
            let time = format!("{}/{}:00", format_duration(used), item.minutes);
            (one_line(&item.title).into_owned(), time)
        }
        None => (String::new(), String::new()),
    };
    let pause = current_break(&s.clock, app.now).map(|b| break_words(b, face));
    let ended = s.clock.ended.map(|t| format!("ended {}", face.hm(t)));
    if let Some(words) = pause.or(ended) {
        if !item_time.is_empty() {
            item_time.push(' ');
        }
        item_time.push_str(&words);
    }
    // The open proposal: at least a few words of it, more when there is room.
    let proposal = open_index(s).map(|i| one_line(&s.decisions[i].proposal).into_owned());
    let proposal_min = proposal.as_ref().map_or(0, |p| p.width().min(PROPOSAL_MIN));
    let proposal_cost = proposal.as_ref().map_or(0, |_| GAP.width() + 2);
    let width = usize::from(area.width);
    let fixed = |clock: &str| {
        2 + clock.width()
            + floor.width()
            + item_time.width()
            + 3 * GAP.width()
            + proposal_cost
            + proposal_min
    };
    // With a proposal open, the time since start goes before the item's
    // title and the proposal are squeezed to a word each.
    let wanted = if proposal.is_some() { 12 + 16 } else { 0 };
    if fixed(&clock) + wanted > width {
        // Narrow screens keep the time of day and drop the time since start.
        clock = face.hm(app.now);
    }
    let fixed = fixed(&clock);
    let spare = width.saturating_sub(fixed + 12);
    // The item's title and the proposal share what is left, half each
    // unless one needs less.
    let proposal_more = proposal.as_ref().map_or(0, |p| p.width() - proposal_min);
    let item_room = item_title
        .width()
        .min((spare / 2).max(spare.saturating_sub(proposal_more)));
    let item = match fit(&item_title, item_room) {
        // A title cut to a letter or two says nothing.
        title if title.is_empty() || (item_room < 6 && proposal.is_some()) => item_time,
        title => format!("{title} {item_time}"),
    };
    let mut right = vec![clock];
    if !item.is_empty() {
        right.push(item);
    }
    if let Some(proposal) = proposal {
        // On a screen too narrow for even the fewest words, the shortfall
        // comes out of the proposal, never the clock or the floor.
        let short = fixed.saturating_sub(width);
        let room = (proposal_min + spare - item_room.min(spare)).saturating_sub(short);
        if room >= 3 {
            right.push(format!("▶ {}", fit(&proposal, room)));
        }
    }
    right.push(floor);
    let right = right.join(GAP);
    let room = width.saturating_sub(right.width() + GAP.width() + 1);
    let line = Line::from(vec![
        Span::raw(" "),
        Span::styled(
            fit(&one_line(&s.title), room).into_owned(),
            theme.header().add_modifier(Modifier::BOLD),
        ),
        Span::raw(GAP),
        Span::raw(right),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.header()), area);
}

/// The keys that work here, from the keymap, after any status message.
pub fn footer(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut items: Vec<(String, String)> = Vec::new();
    let in_footer = |b: &&Binding| b.in_footer;
    let bindings: Vec<&Binding> = if app.form().is_some() {
        app.keymap.in_scope(Scope::Form).filter(in_footer).collect()
    } else {
        if app.pane == Pane::Balance {
            items.push(("[key]".into(), "give the floor".into()));
        }
        app.bindings_for(app.pane).filter(in_footer).collect()
    };
    // Moving between panes, help and quitting are kept at the end whatever
    // the width: the rest gives way first.
    let kept = |b: &Binding| {
        b.scope == Scope::Global && matches!(b.command.as_str(), "next_pane" | "help" | "quit")
    };
    let mut essentials: Vec<(String, String)> = Vec::new();
    for binding in bindings {
        let item = (keys_label(&binding.keys), binding.description.clone());
        if kept(binding) {
            essentials.push(item);
        } else {
            items.push(item);
        }
    }
    let essentials_width: usize = essentials
        .iter()
        .map(|(k, d)| k.width() + d.width() + 3)
        .sum();
    let mut spans: Vec<Span> = vec![Span::raw(" ")];
    // On every pane until a save works again: the meeting is only in memory.
    let mut messages: Vec<Span> = Vec::new();
    if let Some(why) = &app.disk.unsaved {
        let warning = format!("⚠ NOT SAVED: {}  ", one_line(why));
        messages.push(Span::styled(warning, theme.bar_alert()));
    }
    if let Some(status) = &app.status {
        let status = format!("{}  ", one_line(status));
        messages.push(Span::styled(status, theme.bar_message()));
    }
    // A message is read before the keys (which are in the help too): it
    // takes the row, and says with `…` where it was cut when longer. The
    // keys follow in the room left.
    let room = usize::from(area.width).saturating_sub(1);
    let mut messages = Line::from(messages);
    if messages.width() > room {
        messages = super::parts::fit_line(messages, room);
    }
    let mut used = 1 + messages.width();
    spans.extend(messages.spans);
    // The last item's two trailing spaces may fall off the edge.
    let width = usize::from(area.width) + 2;
    let key_spans = |spans: &mut Vec<Span>, keys: String, description: String| {
        spans.push(Span::styled(keys, theme.footer_key()));
        spans.push(Span::raw(format!(" {description}  ")));
    };
    for (keys, description) in items {
        let w = keys.width() + description.width() + 3;
        if used + w + essentials_width > width {
            break;
        }
        used += w;
        key_spans(&mut spans, keys, description);
    }
    for (keys, description) in essentials {
        let w = keys.width() + description.width() + 3;
        if used + w > width {
            break;
        }
        used += w;
        key_spans(&mut spans, keys, description);
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.footer()),
        area,
    );
}
