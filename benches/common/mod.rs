//! What the benchmarks share: the sample meetings opened in an app as the
//! live loop opens them, and drawing a frame.

#![allow(dead_code)]

use std::time::{Duration, Instant};

use coproduce::app::{Action, App, Pane, update};
use coproduce::session::{Session, sample};
use coproduce::theme::{Theme, Themes};
use coproduce::ui::view;
use ratatui::Terminal;
use ratatui::backend::Backend;

/// An app on `session` at a time just after its last turn began, after the
/// first tick (as the live loop's first frame), on `pane`.
pub fn app_on(session: Session, pane: Pane) -> App {
    let now = sample::now_in(&session);
    let mut app = App::new(session, now, vec!["high-contrast-dark".into()], 0);
    app.pane = pane;
    update(&mut app, Action::Tick, now);
    app
}

/// An app on `session` for each pane and for the room view, by name.
pub fn every_view(session: &Session) -> Vec<(&'static str, App)> {
    let mut views: Vec<(&'static str, App)> = Pane::ALL
        .iter()
        .map(|&pane| (pane.title(), app_on(session.clone(), pane)))
        .collect();
    let mut room = app_on(session.clone(), Pane::Agenda);
    room.room = true;
    views.push(("Room view", room));
    views
}

/// The default theme.
pub fn theme() -> Theme {
    Themes::builtin()
        .get("high-contrast-dark")
        .expect("the default theme is built in")
        .clone()
}

/// Draws one frame of `app`.
pub fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &App, theme: &Theme) {
    terminal
        .draw(|frame| view(app, frame, theme))
        .map(|_| ())
        .unwrap_or_else(|_| panic!("drawing failed"));
}

/// `session` with its speaking log played `times` over, one after another:
/// the same meeting otherwise, to show the cost does not follow the log.
pub fn longer_log(mut session: Session, times: i32) -> Session {
    let turns = std::mem::take(&mut session.turns);
    let span = turns.last().unwrap().at - turns[0].at + chrono::Duration::hours(1);
    for k in 0..times {
        session.turns.extend(turns.iter().map(|t| {
            let mut t = t.clone();
            t.at += span * k;
            // Only the very last turn is open.
            t.secs = t.secs.or(Some(30));
            t
        }));
    }
    if let Some(last) = session.turns.last_mut() {
        last.secs = None;
    }
    session
}

/// Times `timed` (given the app and its clock) on a copy of `base`, over
/// and over, undoing each change untimed so every run meets the same log
/// and history, as a meeting under way would.
pub fn timed_then_undone(
    b: &mut criterion::Bencher,
    base: &App,
    mut timed: impl FnMut(&mut App, coproduce::session::Time),
) {
    let mut app = base.clone();
    b.iter_custom(|iters| {
        let mut spent = Duration::ZERO;
        for _ in 0..iters {
            let now = app.now;
            let start = Instant::now();
            timed(&mut app, now);
            spent += start.elapsed();
            update(&mut app, Action::Undo, now);
            app.handed_over();
            // Undo leaves the panes' cursors: put them back too.
            app.decisions = base.decisions.clone();
            app.ladder = base.ladder.clone();
        }
        spent
    })
}
