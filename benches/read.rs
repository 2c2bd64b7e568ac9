//! The bounded reader on 16 MiB hostile files (issue 16): deep flow
//! nesting, `? ` repeated, long quoted and plain scalars, dashes nested on
//! one line, and dense files of keys or entries up to the caps. Each must be loaded or refused in under a second; serde_yaml
//! alone took over 15 minutes on 1 MB of `[`.

use std::hint::black_box;
use std::time::Duration;

use coproduce::store::load;
use coproduce::store::read::{MAX_NODES, check_shape};
use criterion::{Criterion, criterion_group, criterion_main};

const CAP: usize = 16 * 1024 * 1024;

fn fill(head: &str, unit: &str, tail: &str) -> String {
    let mut text = String::from(head);
    while text.len() + unit.len() + tail.len() <= CAP {
        text.push_str(unit);
    }
    text.push_str(tail);
    text
}

/// `head`, then `count` lines made by `line`, within the size cap.
fn lines(head: &str, count: usize, line: impl Fn(usize) -> String) -> String {
    let mut text = String::from(head);
    for i in 0..count {
        let next = line(i);
        if text.len() + next.len() > CAP {
            break;
        }
        text.push_str(&next);
    }
    text
}

fn hostile(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut group = c.benchmark_group("bounded reader, hostile files up to 16 MiB");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    for (name, text) in [
        ("deep [", fill("format: 1\ntitle: ", "[", "")),
        ("? repeated", fill("", "? ", "")),
        ("? a lines", fill("", "? a\n", "")),
        (
            "long quoted scalar",
            fill("format: 1\ntitle: \"", "x", "\"\n"),
        ),
        ("long plain scalar", fill("format: 1\ntitle: ", "x", "\n")),
        ("- nested", fill("", "- ", "")),
        // Dense files: each line a key or an entry, up to the caps.
        (
            "distinct keys",
            lines("format: 1\n", MAX_NODES, |i| format!("k{i}: 1\n")),
        ),
        (
            "distinct keys in a flow mapping",
            format!(
                "{}}}\n",
                lines("format: 1\nglossary: {\n", MAX_NODES / 3, |i| format!(
                    " k{i}: 1,\n"
                ))
            ),
        ),
        (
            "people of 98 unknown keys each, up to the cap of values",
            lines("format: 1\nparticipants:\n", MAX_NODES / 2 - 4000, |i| {
                if i % 99 == 0 {
                    format!("  - id: p{i}\n")
                } else {
                    format!("    k{}: 1\n", i % 99)
                }
            }),
        ),
        (
            "list entries up to the cap of values",
            lines("format: 1\nturns:\n", MAX_NODES / 3 - 2, |_| {
                "- a: 1\n".into()
            }),
        ),
    ] {
        let path = dir.path().join("hostile.yaml");
        std::fs::write(&path, &text).unwrap();
        group.bench_function(format!("load: {name}"), |b| {
            b.iter(|| load(black_box(&path)).unwrap_err())
        });
        group.bench_function(format!("shape pass alone: {name}"), |b| {
            b.iter(|| check_shape(black_box(&text)))
        });
        std::fs::remove_file(&path).unwrap();
    }
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
