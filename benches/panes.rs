//! Drawing each pane at 200x60 into a buffer, on `sample::large()` (budget
//! 1 ms) and `sample::huge()` (budget 3 ms).

mod common;

use std::hint::black_box;
use std::time::Duration;

use coproduce::app::Pane;
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
                    .unwrap()
            })
        });
        for pane in Pane::ALL {
            let app = common::app_on(session.clone(), pane);
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
            group.bench_function(pane.title(), |b| {
                b.iter(|| common::draw(&mut terminal, black_box(&app), &theme))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, draw_panes);
criterion_main!(benches);
