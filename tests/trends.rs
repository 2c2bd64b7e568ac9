//! `coproduce trends DIR`: a folder of sessions as a table, by date, in
//! text and CSV; a broken file is listed with its line and column and never
//! stops the table.

mod run;

use std::path::Path;
use std::process::Output;

use coproduce::report::trends::{Share, read};
use coproduce::session::Rung;

/// Runs `coproduce` in `tests/fixtures`, so the folder is named as a
/// person would type it, the same on every machine.
fn coproduce(args: &[&str]) -> Output {
    run::binary()
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn a_folder_as_a_table() {
    insta::assert_snapshot!("text", stdout(&coproduce(&["trends", "trends"])));
}

#[test]
fn a_folder_as_csv() {
    let csv = stdout(&coproduce(&["trends", "trends", "--format", "csv"]));
    // Every row has the header's columns, the broken file's too.
    let columns = |line: &str| {
        let mut quoted = false;
        1 + line
            .chars()
            .filter(|&c| {
                quoted ^= c == '"';
                c == ',' && !quoted
            })
            .count()
    };
    let header = columns(csv.lines().next().unwrap());
    for line in csv.lines() {
        assert_eq!(columns(line), header, "{line}");
    }
    insta::assert_snapshot!("csv", csv);
}

#[test]
fn the_figures_come_from_the_balance_consent_and_ladder_code() {
    let (rows, skipped) =
        read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trends"));
    let dates: Vec<String> = rows.iter().map(|r| r.date.to_string()).collect();
    assert_eq!(dates, ["2026-10-18", "2026-11-15", "2026-12-13"]);
    let october = &rows[0];
    // Alex (staff) spoke 15 of 25 minutes; staff are one of three present.
    let close = |a: Share, share: f64, fair: f64| {
        (a.share - share).abs() < 1e-9 && (a.fair - fair).abs() < 1e-9
    };
    assert!(close(october.power.unwrap(), 0.6, 1.0 / 3.0), "{october:?}");
    assert!(close(october.without_power.unwrap(), 0.4, 2.0 / 3.0));
    assert_eq!(
        (october.agreed, october.proposals, october.rubber_stamps),
        (1, 2, 1)
    );
    assert_eq!(october.rung.unwrap().rung, Rung::Consultation);
    assert_eq!(rows[1].without_power, None, "nobody has spoken yet");
    assert_eq!(skipped.len(), 1);
    assert!(
        skipped[0].line().starts_with("2026-09-20-typo.yaml:8:5: "),
        "{}",
        skipped[0].line()
    );
}

#[test]
fn a_missing_folder_is_an_error_and_a_bad_format_a_usage_error() {
    let out = coproduce(&["trends", "no-such-folder"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-folder is not a folder"));
    assert_eq!(
        coproduce(&["trends", "trends", "--format", "xml"])
            .status
            .code(),
        Some(2)
    );
}
