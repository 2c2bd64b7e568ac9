//! Saving and loading `sample::large()`: the whole save (serialize, write,
//! sync, rename, sync the folder) and the whole load (read, check, parse),
//! with the writer against a bare `serde_yaml::to_string` of the same
//! session in the same run (budget: within 1.5x).

use std::hint::black_box;
use std::time::Duration;

use coproduce::session::sample;
use coproduce::session::write::to_yaml;
use coproduce::store::document::Document;
use coproduce::store::load;
use criterion::{Criterion, criterion_group, criterion_main};

fn save_and_load(c: &mut Criterion) {
    let session = sample::large();
    let mut group = c.benchmark_group("save large");
    group.measurement_time(Duration::from_secs(4));
    group.warm_up_time(Duration::from_secs(1));
    group.sample_size(30);
    group.bench_function("serde_yaml::to_string (baseline)", |b| {
        b.iter(|| serde_yaml::to_string(black_box(&session)).unwrap())
    });
    group.bench_function("session::write::to_yaml", |b| {
        b.iter(|| to_yaml(black_box(&session)))
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.yaml");
    let text = to_yaml(&session);
    std::fs::write(&path, &text).unwrap();
    // A changed session, so the document writes it afresh every time.
    let mut changed = session.clone();
    changed.title.push_str(" (changed)");
    let mut document = Document::new(path.clone(), session.clone(), text);
    group.bench_function(
        "Document::save (check disk, serialize, write, sync, rename)",
        |b| b.iter(|| document.save(black_box(&changed)).unwrap()),
    );
    group.bench_function("load (read, check, parse)", |b| {
        b.iter(|| load(black_box(&path)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, save_and_load);
criterion_main!(benches);
