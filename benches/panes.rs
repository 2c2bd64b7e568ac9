//! Drawing each pane and the room view at 200x60 into a buffer, on `sample::large()` (budget
//! 1 ms) and `sample::huge()` (budget 3 ms).

mod common;

use std::hint::black_box;
use std::time::Duration;

use coproduce::session::sample;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::Block;

fn draw_panes(c: &mut Criterion) {
    let theme = common::theme();
    for (size, session) in [("large", sample::large()), ("huge", sample::huge())] {
        let mut group = c.benchmark_group(format!("draw 200x60 {size}"));
        group.measurement_time(Duration::from_secs(3));
        group.warm_up_time(Duration::from_secs(1));
        // What any frame costs at this size, whatever is on it: a blank
        // screen with a border, redrawn and compared cell by cell.
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        group.bench_function("empty frame (reference)", |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| {
                        let block = Block::bordered().title(black_box("coproduce"));
                        frame.render_widget(block, frame.area());
                    })
                    .map(drop)
                    .unwrap()
            })
        });
        for (name, app) in common::every_view(&session) {
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
            group.bench_function(name, |b| {
                b.iter(|| common::draw(&mut terminal, black_box(&app), &theme))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, draw_panes);
criterion_main!(benches);
