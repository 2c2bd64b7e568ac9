//! What the integration tests about written files share: the yamllint
//! rules of `.yamllint` checked in Rust (a fresh machine has only the Rust
//! toolchain), and a line diff that counts changes as `git diff --numstat`.
#![allow(dead_code)]

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

/// Lines added and deleted from `old` to `new`, as `git diff --numstat`
/// counts them: a changed line is one deleted and one added.
pub fn numstat(old: &str, new: &str) -> (usize, usize) {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // Common head and tail first: a meeting's file changes in one place.
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    // Longest common subsequence of what is left.
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let common = lcs[0][0];
    (b.len() - common, a.len() - common)
}

/// Every way `text` breaks the rules in `.yamllint`, as `line: rule: what`.
pub fn yamllint(text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    lines(text, &mut problems);
    keys_and_truthy(text, &mut problems);
    problems
}

/// new-lines, new-line-at-end-of-file, trailing-spaces, indentation.
fn lines(text: &str, problems: &mut Vec<String>) {
    if text.contains('\r') {
        problems.push("1: new-lines: wrong new line character: expected \\n".into());
    }
    if !text.is_empty() && !text.ends_with('\n') {
        problems.push(format!(
            "{}: new-line-at-end-of-file: no new line character at the end of file",
            text.lines().count()
        ));
    }
    // The indentation of the line that opened a block scalar, while in one.
    let mut block: Option<usize> = None;
    // How far the next line may be indented, and whether it must be: a
    // key that opens a block has its block two spaces in, sequences too.
    let (mut allowed, mut must) = (0, false);
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if line.ends_with([' ', '\t']) {
            problems.push(format!("{n}: trailing-spaces: trailing spaces"));
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(opener) = block {
            if line.is_empty() || indent > opener {
                continue;
            }
            block = None;
        }
        if line.trim().is_empty() {
            continue;
        }
        if line[indent..].starts_with('\t') {
            problems.push(format!("{n}: indentation: a tab in the indentation"));
        }
        if indent % 2 != 0 || indent > allowed || (must && indent != allowed) {
            problems.push(format!(
                "{n}: indentation: wrong indentation: expected {allowed} (or less, in steps of 2, after a closed block) but found {indent}"
            ));
        }
        let content = &line[indent..];
        // The content column of a sequence item (`- id: x` is at indent + 2).
        let item = if content.starts_with("- ") {
            indent + 2
        } else {
            indent
        };
        let opens = content.ends_with(':');
        (allowed, must) = if opens {
            (item + 2, true)
        } else {
            (item, false)
        };
        let value = content.rsplit_once(": ").map_or(content, |(_, v)| v);
        if value.starts_with(['|', '>']) && !value.contains(' ') {
            block = Some(indent);
        }
    }
}

/// key-duplicates and truthy (only `true` and `false`, keys too), read from
/// the YAML events so that quoted text and block scalars are left alone.
fn keys_and_truthy(text: &str, problems: &mut Vec<String>) {
    const TRUTHY: [&str; 20] = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
        "OFF", "True", "TRUE", "False", "FALSE",
    ];
    // Per open collection: for a mapping, its keys so far and whether the
    // next scalar is a key.
    enum Open {
        Map(HashMap<String, usize>, bool),
        Seq,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(next) => next,
            Err(e) => {
                problems.push(format!("{}: syntax: {}", e.marker().line(), e.info()));
                return;
            }
        };
        let line = mark.line();
        if let Event::StreamEnd = event {
            return;
        }
        if let Event::Scalar(value, TScalarStyle::Plain, _, _) = &event
            && TRUTHY.contains(&value.as_str())
        {
            problems.push(format!(
                "{line}: truthy: truthy value should be one of [false, true]: {value}"
            ));
        }
        // A node in a mapping is its key or its value, in turn.
        let key = match &event {
            Event::Scalar(value, ..) => Some(value.clone()),
            Event::MappingStart(..) => Some("{mapping}".to_owned()),
            Event::SequenceStart(..) => Some("[sequence]".to_owned()),
            _ => None,
        };
        if let (Some(Open::Map(keys, expecting_key)), Some(key)) = (stack.last_mut(), key) {
            if *expecting_key && let Some(first) = keys.insert(key.clone(), line) {
                problems.push(format!(
                    "{line}: key-duplicates: duplication of key \"{key}\" in mapping (first on line {first})"
                ));
            }
            *expecting_key = !*expecting_key;
        }
        match event {
            Event::MappingStart(..) => stack.push(Open::Map(HashMap::new(), true)),
            Event::SequenceStart(..) => stack.push(Open::Seq),
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            _ => {}
        }
    }
}

#[test]
fn the_lint_finds_what_it_is_meant_to() {
    let clean =
        "format: 1\nroles:\n  - id: a\n    power: true\nnotes: |\n  x\n\n     y\nmap: { a: 1 }\n";
    assert_eq!(yamllint(clean), Vec::<String>::new());
    let bad = "a: 1 \nb:\n   - x\nc: yes\nd: \"yes\"\na: 2\ne:\n- f\ng: 1";
    let problems = yamllint(bad);
    for rule in [
        "1: trailing-spaces",
        "3: indentation",
        "4: truthy",
        "6: key-duplicates",
        "8: indentation",
        "9: new-line-at-end-of-file",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(rule)),
            "{rule} in {problems:?}"
        );
    }
    assert_eq!(problems.len(), 6, "{problems:?}");
}

#[test]
fn numstat_counts_as_git_does() {
    assert_eq!(numstat("a\nb\nc\n", "a\nb\nc\n"), (0, 0));
    assert_eq!(numstat("a\nb\nc\n", "a\nB\nc\n"), (1, 1));
    assert_eq!(numstat("a\nc\n", "a\nb\nc\n"), (1, 0));
    assert_eq!(numstat("a\nb\nc\nd\n", "a\nd\n"), (0, 2));
    assert_eq!(numstat("x\na\nb\n", "a\nb\ny\n"), (1, 1));
}
