//! `coproduce themes` measures every theme a user would get, their own
//! included, and fails on one that falls short.

use std::process::Command;

fn themes_in(dir: &std::path::Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_coproduce"))
        .arg("themes")
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("no-config"))
        .output()
        .expect("the binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// One run of `coproduce themes` (it measures every screen of the tour in
/// every theme, the slow part) over the shipped themes and a washed-out one
/// beside them.
#[test]
fn the_shipped_themes_pass_and_a_washed_out_one_fails() {
    let dir = tempfile::tempdir().unwrap();
    let themes = dir.path().join("themes");
    std::fs::create_dir(&themes).unwrap();
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
    for file in std::fs::read_dir(shipped).unwrap() {
        let file = file.unwrap().path();
        std::fs::copy(&file, themes.join(file.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        themes.join("pale.yaml"),
        "background: \"#ffffff\"\ntext: \"#777777\"\n",
    )
    .unwrap();
    let (ok, report) = themes_in(dir.path());
    assert!(!ok, "{report}");
    for name in [
        "high-contrast-dark",
        "high-contrast-light",
        "yellow-on-black",
        "monochrome",
    ] {
        assert!(report.contains(&format!("{name}: ok")), "{report}");
    }
    assert!(report.contains("pale: FAILS"), "{report}");
    assert!(
        report.contains("text is 4.48:1 on its background, under 7:1"),
        "{report}"
    );
}
