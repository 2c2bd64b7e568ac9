use super::*;

const TEXT: &str = "format: 1\ntitle: t\nboard: b\ndate: 2026-11-22\n";

fn opened(dir: &Path) -> (Document, Session) {
    let path = dir.join("s.yaml");
    fs::write(&path, TEXT).unwrap();
    let session: Session = crate::session::parse(TEXT).unwrap();
    (Document::new(path, session.clone(), TEXT.into()), session)
}

fn titled(session: &Session, title: &str) -> Session {
    let mut next = session.clone();
    next.title = title.into();
    next
}

#[test]
fn saves_follow_each_other_while_nobody_else_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut doc, session) = opened(dir.path());
    for n in 0..5 {
        doc.save(&titled(&session, &format!("t{n}"))).unwrap();
    }
    assert!(
        fs::read_to_string(doc.path())
            .unwrap()
            .contains("title: t4")
    );
}

#[test]
fn a_change_on_disk_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (mut doc, session) = opened(dir.path());
    doc.save(&titled(&session, "mine")).unwrap();
    // Same length as what the app wrote, written in place: only the
    // content tells them apart once the metadata differs.
    let theirs = fs::read_to_string(doc.path())
        .unwrap()
        .replace("mine", "them");
    fs::write(doc.path(), &theirs).unwrap();
    let refused = doc.save(&titled(&session, "mine again"));
    assert!(
        matches!(refused, Err(SaveError::ChangedOnDisk { .. })),
        "{refused:?}"
    );
    assert_eq!(fs::read_to_string(doc.path()).unwrap(), theirs);
    // And again: the refusal holds until the facilitator chooses.
    assert!(doc.save(&titled(&session, "third")).is_err());
    assert_eq!(fs::read_to_string(doc.path()).unwrap(), theirs);
}

#[test]
fn a_change_before_the_first_save_is_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut doc, session) = opened(dir.path());
    fs::write(doc.path(), TEXT.replace("title: t", "title: pulled")).unwrap();
    assert!(matches!(
        doc.save(&titled(&session, "mine")),
        Err(SaveError::ChangedOnDisk { .. })
    ));
}

#[test]
fn the_same_bytes_written_again_are_not_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let (mut doc, session) = opened(dir.path());
    doc.save(&titled(&session, "mine")).unwrap();
    // A checkout that leaves the content as it was replaces the file.
    let same = fs::read(doc.path()).unwrap();
    fs::remove_file(doc.path()).unwrap();
    fs::write(doc.path(), same).unwrap();
    doc.save(&titled(&session, "next")).unwrap();
}

#[test]
fn reload_takes_the_file_as_it_is_and_saves_over_it_afterwards() {
    let dir = tempfile::tempdir().unwrap();
    let (mut doc, session) = opened(dir.path());
    let theirs = TEXT.replace("title: t", "title: pulled");
    fs::write(doc.path(), &theirs).unwrap();
    assert!(doc.save(&titled(&session, "mine")).is_err());
    let reloaded = doc.reload().unwrap();
    assert_eq!(reloaded.title, "pulled");
    // Unchanged, it is the file's own bytes.
    assert_eq!(doc.text_for(&reloaded), theirs);
    doc.save(&titled(&reloaded, "after")).unwrap();
    assert!(
        fs::read_to_string(doc.path())
            .unwrap()
            .contains("title: after")
    );
}

#[test]
fn keep_mine_writes_beside_and_never_over_anything() {
    let dir = tempfile::tempdir().unwrap();
    let (mut doc, session) = opened(dir.path());
    let original = doc.path().to_path_buf();
    let theirs = TEXT.replace("title: t", "title: pulled");
    fs::write(&original, &theirs).unwrap();
    let taken = dir.path().join("s.mine-104500.yaml");
    fs::write(&taken, "someone's").unwrap();
    let mine = titled(&session, "mine");
    let path = doc.keep_mine(&mine, "104500").unwrap();
    assert_eq!(path, dir.path().join("s.mine-104500-2.yaml"));
    assert_eq!(fs::read_to_string(&taken).unwrap(), "someone's");
    assert_eq!(fs::read_to_string(&original).unwrap(), theirs);
    assert_eq!(crate::store::load(&path).unwrap().session, mine);
    // The meeting carries on in the new file.
    doc.save(&titled(&session, "later")).unwrap();
    assert!(fs::read_to_string(&path).unwrap().contains("title: later"));
    assert_eq!(fs::read_to_string(&original).unwrap(), theirs);
}

#[test]
fn a_missing_folder_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone").join("s.yaml");
    let session: Session = crate::session::parse(TEXT).unwrap();
    let mut doc = Document::new(path, session.clone(), TEXT.into());
    let failed = doc.save(&titled(&session, "x"));
    assert!(matches!(failed, Err(SaveError::Io { .. })), "{failed:?}");
}

#[test]
fn the_comment_lines_a_file_starts_with_are_kept() {
    let text = "# yaml-language-server: $schema=../docs/session.schema.json\n#\nformat: 1\ntitle: T\nboard: B\ndate: 2026-11-22\n# not this one\n";
    let mut session = crate::session::parse(text).unwrap();
    let doc = Document::new(PathBuf::from("s.yaml"), session.clone(), text.into());
    session.title = "U".into();
    assert_eq!(
        doc.text_for(&session),
        "# yaml-language-server: $schema=../docs/session.schema.json\n#\nformat: 1\ntitle: U\nboard: B\ndate: 2026-11-22\n"
    );
    assert_eq!(leading_comments("# no newline"), "");
    assert_eq!(leading_comments("format: 1\n# later\n"), "");
}

#[test]
fn a_meeting_the_reader_would_refuse_is_never_written_and_is_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let (mut doc, session) = opened(dir.path());
    assert_eq!(size_warning(&session), None);
    // Past three quarters of the cap of values (a turn is ten): warned.
    let turn = crate::session::Turn {
        who: "ann".into(),
        at: crate::session::Time::parse_from_rfc3339("2026-11-22T10:00:00+00:00").unwrap(),
        secs: Some(5),
    };
    let mut many = session.clone();
    many.turns = vec![turn.clone(); MAX_NODES / 10 * 9 / 10];
    let warning = size_warning(&many).unwrap();
    assert!(
        warning.contains("start a new session file soon"),
        "{warning}"
    );
    // Saved, and the saver told so, as a meeting grows past the warning.
    doc.save(&session).unwrap();
    assert_eq!(doc.size_warning(), None);
    doc.save(&many).unwrap();
    assert!(
        doc.size_warning()
            .is_some_and(|w| w.contains("start a new session file soon"))
    );
    // Past the cap of values: refused, the file as it was.
    many.turns = vec![turn; MAX_NODES / 10 + 1];
    let before = fs::read(doc.path()).unwrap();
    let refused = doc.save(&many).unwrap_err();
    assert!(matches!(refused, SaveError::TooLarge { .. }), "{refused}");
    assert!(
        refused
            .to_string()
            .contains("more than a session file may hold")
    );
    assert!(size_warning(&many).unwrap().contains("NOT be saved"));
    assert_eq!(fs::read(doc.path()).unwrap(), before);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}
