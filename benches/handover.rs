//! `update` plus the hand-over to the saver, on a meeting whose undo
//! history is full: 50,000 turns (`huge`), 200,000 turns (its log four
//! times over) and 3,200 proposals. Budget: under 100 µs on the first, and
//! within 1.5x of that on the other two (the cost must follow the change,
//! not the meeting).

mod common;

use std::hint::black_box;
use std::time::Duration;

use coproduce::app::decisions::DecisionAction;
use coproduce::app::undo::UNDO_LIMIT;
use coproduce::app::{Action, App, Pane, update};
use coproduce::session::{Response, Session, sample};
use criterion::{Criterion, criterion_group, criterion_main};

/// `session` with its proposals copied until there are `count`, each with
/// its own id.
fn more_proposals(mut session: Session, count: usize) -> Session {
    let first = session.decisions.clone();
    for n in 0.. {
        if session.decisions.len() >= count {
            break;
        }
        session.decisions.extend(first.iter().map(|d| {
            let mut d = d.clone();
            d.id = format!("{}-{n}", d.id);
            d
        }));
    }
    session.decisions.truncate(count);
    session
}

/// The ids of the first two people present.
fn two_present(app: &App) -> [String; 2] {
    let mut present = app.session.participants.iter().filter(|p| p.is_present());
    let mut next = || present.next().unwrap().id.clone();
    [next(), next()]
}

/// An app on `session` after `UNDO_LIMIT` floor changes, so the undo
/// history is full, with every change handed over.
fn with_full_history(session: Session, pane: Pane) -> App {
    let mut app = common::app_on(session, pane);
    let people = two_present(&app);
    let mut now = app.now;
    for n in 0..UNDO_LIMIT {
        now += chrono::Duration::seconds(20);
        update(&mut app, Action::GiveFloor(people[n % 2].clone()), now);
        app.handed_over();
    }
    app
}

fn handovers(c: &mut Criterion) {
    let cases = [
        ("50,000 turns", sample::huge()),
        ("200,000 turns", common::longer_log(sample::huge(), 4)),
        ("3,200 proposals", more_proposals(sample::huge(), 3_200)),
    ];
    for (size, session) in cases {
        let mut group = c.benchmark_group(format!("update and hand-over, {size}"));
        group.measurement_time(Duration::from_secs(3));
        group.warm_up_time(Duration::from_secs(1));
        group.sample_size(20);
        let floor = with_full_history(session.clone(), Pane::Balance);
        let people = two_present(&floor);
        let answer = with_full_history(session, Pane::Decisions);
        let cases = [
            (floor, Action::GiveFloor(people[0].clone()), "floor change"),
            (
                answer,
                Action::Decisions(DecisionAction::Answer(Response::Agree)),
                "consent answer",
            ),
        ];
        for (base, action, what) in cases {
            let mut check = base.clone();
            update(&mut check, action.clone(), base.now);
            assert_ne!(check.session, base.session, "{what} changes nothing");
            group.bench_function(what, |b| {
                common::timed_then_undone(b, &base, |app, now| {
                    update(app, black_box(action.clone()), now);
                    black_box(app.handed_over());
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, handovers);
criterion_main!(benches);
