//! `update` for a floor change, a consent answer and a ladder vote on
//! `sample::large()` and `sample::huge()`: budget 100 µs, the same on both
//! (the cost must not grow with the speaking log).

mod common;

use std::hint::black_box;
use std::time::Duration;

use coproduce::app::decisions::DecisionAction;
use coproduce::app::ladder::LadderAction;
use coproduce::app::{Action, App, Pane, update};
use coproduce::session::{Response, Session, sample};
use criterion::{Criterion, criterion_group, criterion_main};

/// An app under way on `pane`, and the action to time on it. The action
/// must change the session (checked once, so the benchmark cannot time a
/// refusal).
fn case(session: &Session, what: &str) -> (App, Action) {
    match what {
        "floor change" => {
            let mut app = common::app_on(session.clone(), Pane::Balance);
            let present: Vec<String> = app
                .session
                .participants
                .iter()
                .filter(|p| p.is_present())
                .map(|p| p.id.clone())
                .take(2)
                .collect();
            // One change first, so the undo stack has seen the log as it
            // would have in a meeting under way.
            let now = app.now;
            update(&mut app, Action::GiveFloor(present[0].clone()), now);
            app.now = now + chrono::Duration::seconds(40);
            (app, Action::GiveFloor(present[1].clone()))
        }
        "consent answer" => (
            common::app_on(session.clone(), Pane::Decisions),
            Action::Decisions(DecisionAction::Answer(Response::Agree)),
        ),
        _ => (
            common::app_on(session.clone(), Pane::Ladder),
            Action::Ladder(LadderAction::AddHand),
        ),
    }
}

fn updates(c: &mut Criterion) {
    let cases = [
        ("large", sample::large()),
        (
            "large, log x5 (50,000 turns)",
            common::longer_log(sample::large(), 5),
        ),
        ("huge", sample::huge()),
    ];
    for (size, session) in cases {
        let mut group = c.benchmark_group(format!("update {size}"));
        group.measurement_time(Duration::from_secs(3));
        group.warm_up_time(Duration::from_secs(1));
        group.sample_size(50);
        for what in ["floor change", "consent answer", "ladder vote"] {
            let (base, action) = case(&session, what);
            let mut check = base.clone();
            for _ in 0..3 {
                update(&mut check, action.clone(), base.now);
                assert_ne!(check.session, base.session, "{what} changes nothing");
                update(&mut check, Action::Undo, base.now);
                assert_eq!(check.session, base.session, "{what} is not undone");
                check.decisions = base.decisions.clone();
                check.ladder = base.ladder.clone();
            }
            group.bench_function(what, |b| {
                common::timed_then_undone(b, &base, |app, now| {
                    update(app, black_box(action.clone()), now);
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, updates);
criterion_main!(benches);
