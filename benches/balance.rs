//! The Balance pane on `sample::large()` (40 people, 10,000 turns): drawing
//! it at 200x60 and handling a floor change must each stay under 1 ms.

use std::hint::black_box;

use coproduce::app::{Action, App, Pane, update};
use coproduce::session::sample;
use coproduce::theme::Themes;
use coproduce::ui::view;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app() -> App {
    let session = sample::large();
    let now = sample::now_in(&session);
    let mut app = App::new(session, now, vec!["high-contrast-dark".into()], 0);
    app.pane = Pane::Balance;
    // The first tick looks the turns' speakers up, as the live loop's does.
    update(&mut app, Action::Tick, now);
    app
}

fn draw(c: &mut Criterion) {
    let app = app();
    let themes = Themes::builtin();
    let theme = themes.get("high-contrast-dark").unwrap();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("balance pane draw 200x60, large", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| view(black_box(&app), frame, theme))
                .unwrap();
        })
    });
}

fn floor_change(c: &mut Criterion) {
    // The floor goes to Ann, then (measured) from her to Ben, each time on a
    // fresh copy: the log stays 10,000 turns long and the undo stack has
    // already seen it once, as in a meeting under way.
    let mut base = app();
    let present: Vec<String> = base
        .session
        .participants
        .iter()
        .filter(|p| p.is_present())
        .map(|p| p.id.clone())
        .take(2)
        .collect();
    let now = base.now;
    update(&mut base, Action::GiveFloor(present[0].clone()), now);
    let later = now + chrono::Duration::seconds(40);
    c.bench_function("balance floor change, large", |b| {
        b.iter_batched_ref(
            || base.clone(),
            |app| update(app, Action::GiveFloor(black_box(present[1].clone())), later),
            BatchSize::LargeInput,
        )
    });
}

criterion_group!(benches, draw, floor_change);
criterion_main!(benches);
