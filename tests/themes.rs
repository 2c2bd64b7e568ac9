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

#[test]
fn the_shipped_themes_pass_and_a_washed_out_one_fails() {
    let (ok, report) = themes_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(ok, "{report}");
    for name in [
        "high-contrast-dark",
        "high-contrast-light",
        "yellow-on-black",
        "monochrome",
    ] {
        assert!(report.contains(&format!("{name}: ok")), "{report}");
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("themes")).unwrap();
    std::fs::write(
        dir.path().join("themes/pale.yaml"),
        "background: \"#ffffff\"\ntext: \"#777777\"\n",
    )
    .unwrap();
    let (ok, report) = themes_in(dir.path());
    assert!(!ok, "{report}");
    assert!(report.contains("pale: FAILS"), "{report}");
    assert!(
        report.contains("text is 4.48:1 on its background, under 7:1"),
        "{report}"
    );
}
