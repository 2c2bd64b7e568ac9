//! The loader against generated and mutated files: starting from every
//! fixture, bytes are flipped, files cut short, spliced together, lines
//! repeated and re-indented, anchors, aliases, tags, deep nesting and huge
//! numbers put in. No input may panic the loader, every refusal must say
//! where (line 1 or later), and none may take a second.
//!
//! `COPRODUCE_FUZZ_CASES` sets how many inputs: by default 100,000 with
//! `cargo test --release --test fuzz`, 20,000 in a debug build.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use coproduce::session::parse;
use coproduce::store::load::MAX_FILE_BYTES;
use coproduce::store::{LoadError, load};

/// The longest input generated: twice the largest fixture and more, but
/// bounded, so no case can grow without end as mutations pile up.
const MAX_INPUT: usize = 64 * 1024;
const SLOWEST: Duration = Duration::from_secs(1);

/// A small, fast, seeded generator: the same cases every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn fixtures() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = vec![
        root.join("sessions/example.yaml"),
        root.join("tests/fixtures/good.yaml"),
    ];
    for dir in ["tests/fixtures/broken", "tests/fixtures/agenda"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            paths.push(entry.unwrap().path());
        }
    }
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

const INSERTS: &[&str] = &[
    "&a ",
    "*a",
    "&anchor [1, 2, 3]",
    "<<: *a\n",
    "!!str ",
    "!!binary ",
    "!custom ",
    "? complex\n",
    "---\n",
    "...\n",
    "%YAML 1.2\n",
    "\"\\u202e\"",
    "\"\\e[2J\"",
    "'",
    "\"",
    "{",
    "}",
    "[",
    "]",
    ": ",
    "- ",
    "#",
    "\t",
    "\u{FEFF}",
    "\r",
    "\u{1}",
    "null",
    "~",
    "999999999999999999999999999999",
    "-1",
    "1e309",
    "0x7fffffffffffffff",
    "18446744073709551616",
    "2026-13-45T99:99:99+99:00",
    "9999-12-31",
    "李👍",
];

const HUGE: &[&str] = &[
    "999999999999999999999999999999",
    "-1",
    "1e309",
    "0x7fffffffffffffff",
    "18446744073709551616",
    "-9223372036854775809",
];

/// One mutation of `input`, maybe borrowing from `other`.
fn mutate(rng: &mut Rng, input: &mut Vec<u8>, other: &[u8]) {
    let len = input.len();
    let at = rng.below(len + 1);
    match rng.below(10) {
        0 => {
            if len > 0 {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
        }
        1 => input.truncate(at),
        2 => {
            // Splice: this file's head onto another's tail.
            let from = rng.below(other.len() + 1);
            input.truncate(at);
            input.extend_from_slice(&other[from..]);
        }
        3 | 4 => {
            let all = lines(input);
            if !all.is_empty() {
                let (start, end) = all[rng.below(all.len())];
                let copy = input[start..end].to_vec();
                for _ in 0..1 + rng.below(3) {
                    input.splice(start..start, copy.iter().copied());
                }
            }
        }
        5 => {
            // Re-indent a line by a few spaces either way.
            let all = lines(input);
            if !all.is_empty() {
                let (start, _) = all[rng.below(all.len())];
                if rng.below(2) == 0 {
                    let n = 1 + rng.below(4);
                    input.splice(start..start, std::iter::repeat_n(b' ', n));
                } else {
                    while input.get(start) == Some(&b' ') && rng.below(3) > 0 {
                        input.remove(start);
                    }
                }
            }
        }
        6 | 7 => {
            let text = rng.pick(INSERTS).as_bytes();
            input.splice(at..at, text.iter().copied());
        }
        8 => {
            // Deep nesting, which a recursive parser would overflow on.
            let depth = 1 + rng.below(5000);
            let open = if rng.below(2) == 0 { b'[' } else { b'{' };
            input.splice(at..at, std::iter::repeat_n(open, depth));
        }
        _ => {
            // A run of digits becomes a huge number.
            if let Some(i) = (at..len).find(|&i| input[i].is_ascii_digit()) {
                let end = (i..len)
                    .find(|&j| !input[j].is_ascii_digit())
                    .unwrap_or(len);
                let huge = rng.pick(HUGE).as_bytes();
                input.splice(i..end, huge.iter().copied());
            }
        }
    }
    input.truncate(MAX_INPUT);
}

/// The byte ranges of the lines of `input`, line breaks included.
fn lines(input: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in input.iter().enumerate() {
        if b == b'\n' {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < input.len() {
        out.push((start, input.len()));
    }
    out
}

/// How many inputs: `COPRODUCE_FUZZ_CASES`, else `default`.
fn cases(default: usize) -> usize {
    std::env::var("COPRODUCE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// What one share of the cases found.
#[derive(Default)]
struct Tally {
    accepted: usize,
    refused: usize,
    slowest: Duration,
    parsing: Duration,
}

/// Runs `count` cases from the generator seeded with `seed`.
fn run_cases(seeds: &[Vec<u8>], seed: u64, count: usize) -> Tally {
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    for case in 0..count {
        let mut input = rng.pick(seeds).clone();
        for _ in 0..1 + rng.below(4) {
            let other = rng.pick(seeds).clone();
            mutate(&mut rng, &mut input, &other);
        }
        assert!(input.len() <= MAX_INPUT);
        let text = String::from_utf8_lossy(&input);
        let clock = Instant::now();
        let result = std::panic::catch_unwind(|| parse(&text));
        let took = clock.elapsed();
        tally.slowest = tally.slowest.max(took);
        tally.parsing += took;
        let Ok(result) = result else {
            panic!("case {case} of seed {seed:#x} panicked the loader on:\n{text}");
        };
        assert!(
            took < SLOWEST,
            "case {case} of seed {seed:#x} took {took:?}:\n{text}"
        );
        match result {
            Ok(_) => tally.accepted += 1,
            Err(problems) => {
                tally.refused += 1;
                assert!(!problems.is_empty(), "case {case}: refused with no problem");
                for p in &problems {
                    assert!(
                        p.line >= 1 && p.col >= 1,
                        "case {case}: {p:?} has no place\n{text}"
                    );
                }
            }
        }
    }
    tally
}

/// The everyday run: 1,000 inputs.
#[test]
fn no_input_panics_or_hangs_and_every_refusal_says_where() {
    fuzz(cases(1_000));
}

/// The soak tier (`.ci/run` runs it with `--include-ignored`): 100,000
/// inputs in an optimised build, 20,000 in a debug build, where the
/// loader's own checks take about 2 ms an input.
#[test]
#[ignore = "soak tier: the big fuzz run"]
fn the_big_fuzz_run_finds_no_panic_or_hang() {
    fuzz(cases(if cfg!(debug_assertions) {
        20_000
    } else {
        100_000
    }));
}

/// Feeds `total` mutated inputs to the loader on every core.
fn fuzz(total: usize) {
    let seeds = fixtures();
    let started = Instant::now();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let tallies: Vec<Tally> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let seeds = &seeds;
                let count = total / threads + usize::from(t < total % threads);
                let seed =
                    0x9E37_79B9_7F4A_7C15 ^ (t as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407);
                scope.spawn(move || run_cases(seeds, seed, count))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let accepted: usize = tallies.iter().map(|t| t.accepted).sum();
    let refused: usize = tallies.iter().map(|t| t.refused).sum();
    let slowest = tallies.iter().map(|t| t.slowest).max().unwrap_or_default();
    let parsing: Duration = tallies.iter().map(|t| t.parsing).sum();
    eprintln!(
        "{} inputs in {:?} on {threads} threads: {accepted} accepted, {refused} refused, slowest {slowest:?}, {parsing:?} of it parsing",
        accepted + refused,
        started.elapsed()
    );
    assert_eq!(accepted + refused, total);
    assert!(
        accepted > 0 && refused > 0,
        "the mutations should both keep and break files"
    );
}

/// A file over the cap is refused from its size, before any parsing,
/// and quickly; so is one that grows past the cap while it is read.
#[test]
fn an_oversized_file_is_refused_cheaply() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: the size is there without writing 16 MiB.
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let clock = Instant::now();
    let refused = load(&path);
    assert!(clock.elapsed() < Duration::from_millis(200));
    assert!(
        matches!(refused, Err(LoadError::TooLarge { .. })),
        "{refused:?}"
    );
}
