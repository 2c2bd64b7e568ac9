//! The prompt and the "not saved" form, through `update`; the loop's side
//! (the saver's answers) is tested in `saver.rs` and `session/document`.

use super::*;
use crate::app::testing::{app_on, at, session_yaml, type_keys};
use crate::app::{Pane, update};
use crate::theme::Themes;

/// Two people, after `session_yaml`'s header and roles.
const SESSION: &str = "participants:
  - { id: beve, name: Beve, role: lived, key: b }
  - { id: dulcie, name: Dulcie, role: lived, key: d }
";

fn screen(app: &App) -> String {
    let themes = Themes::builtin();
    let theme = themes.get("high-contrast-dark").unwrap();
    crate::ui::screen::screen_text(app, theme, 100, 30)
}

fn app() -> App {
    let mut app = app_on(&session_yaml(SESSION), "10:30:00");
    app.disk.file = Some(PathBuf::from("/meetings/board.yaml"));
    app.disk.rescue_folder = PathBuf::from("/home/facilitator");
    app
}

fn changed_on_disk(app: &mut App) {
    let message = "/meetings/board.yaml was changed on disk by something else".into();
    update(
        app,
        Action::Disk(DiskAction::ChangedOnDisk(message)),
        at("10:31:00"),
    );
}

#[test]
fn a_change_on_disk_opens_the_prompt_which_takes_only_its_own_keys() {
    let mut app = app();
    type_keys(&mut app, "<Tab>b", "10:30:30");
    changed_on_disk(&mut app);
    let shown = screen(&app);
    assert!(shown.contains("The file changed on disk"), "{shown}");
    assert!(shown.contains("reload"), "{shown}");
    assert!(shown.contains("keep mine"), "{shown}");
    assert!(shown.contains("NOT SAVED"), "{shown}");
    // A person's key, Tab and undo do nothing while the choice is open.
    let before = app.session.clone();
    let (_, effect) = type_keys(&mut app, "d<Tab><C-z>x", "10:31:10");
    assert_eq!(effect, Effect::None);
    assert_eq!(app.session, before);
    assert_eq!(app.pane, Pane::Balance);
    assert_eq!(type_keys(&mut app, "r", "10:31:20").1, Effect::Reload);
    assert_eq!(type_keys(&mut app, "m", "10:31:20").1, Effect::KeepMine);
}

#[test]
fn reloading_takes_the_file_and_forgets_what_cannot_be_undone() {
    let mut app = app();
    type_keys(&mut app, "<Tab>b", "10:30:30");
    changed_on_disk(&mut app);
    let revision = app.revision;
    let mut theirs: Session = crate::session::parse(&session_yaml(SESSION)).unwrap();
    theirs.title = "Pulled".into();
    update(
        &mut app,
        Action::Disk(DiskAction::Reloaded(Box::new(theirs.clone()))),
        at("10:31:30"),
    );
    assert_eq!(app.session.title, "Pulled");
    assert!(
        app.session.turns.is_empty(),
        "the app's own turn went with the reload"
    );
    assert!(app.disk.conflict.is_none() && app.disk.unsaved.is_none());
    assert_eq!(app.revision, revision, "nothing to save: the file holds it");
    assert_eq!(app.pane, Pane::Balance);
    assert_eq!(app.disk.file, Some(PathBuf::from("/meetings/board.yaml")));
    type_keys(&mut app, "<C-z>", "10:31:40");
    assert_eq!(app.status.as_deref(), Some("Nothing to undo"));
    assert_eq!(app.session.title, "Pulled");
    // The meeting goes on from the reloaded file.
    type_keys(&mut app, "d", "10:32:00");
    assert_eq!(app.session.turns.len(), 1);
}

#[test]
fn keeping_mine_carries_on_in_the_new_file() {
    let mut app = app();
    changed_on_disk(&mut app);
    let path = PathBuf::from("/meetings/board.mine-103140.yaml");
    update(
        &mut app,
        Action::Disk(DiskAction::KeptMine(path.clone())),
        at("10:31:40"),
    );
    assert!(app.disk.conflict.is_none() && app.disk.unsaved.is_none());
    assert_eq!(app.disk.file, Some(path));
    let status = app.status.clone().unwrap();
    assert!(status.contains("board.mine-103140.yaml") && status.contains("keeps the other change"));
}

#[test]
fn a_refused_reload_stays_in_the_prompt_with_the_reason() {
    let mut app = app();
    changed_on_disk(&mut app);
    let reason = "Cannot reload: board.yaml:3:1: did not find expected key".to_string();
    update(
        &mut app,
        Action::Disk(DiskAction::Refused(reason)),
        at("10:31:40"),
    );
    assert!(screen(&app).contains("Cannot reload: board.yaml:3:1"));
    assert_eq!(type_keys(&mut app, "m", "10:31:50").1, Effect::KeepMine);
}

#[test]
fn a_failing_disk_shows_on_every_pane_until_a_save_works() {
    let mut app = app();
    update(
        &mut app,
        Action::SaveFailed("Cannot save /meetings/board.yaml: Read-only file system".into()),
        at("10:31:00"),
    );
    for _ in Pane::ALL {
        assert!(
            screen(&app).contains("NOT SAVED: Cannot save"),
            "{:?}",
            app.pane
        );
        type_keys(&mut app, "<Tab>", "10:31:05");
    }
    // The app goes on: a turn is recorded in memory.
    type_keys(&mut app, "<Tab>b", "10:31:10");
    assert_eq!(app.session.turns.len(), 1);
    update(&mut app, Action::Disk(DiskAction::Saved), at("10:31:11"));
    assert!(!screen(&app).contains("NOT SAVED"));
    assert_eq!(type_keys(&mut app, "<C-q>", "10:31:12").1, Effect::Quit);
}

#[test]
fn quitting_unsaved_asks_where_to_write_first() {
    let mut app = app();
    update(
        &mut app,
        Action::SaveFailed("Cannot save: disk full".into()),
        at("10:31:00"),
    );
    assert_eq!(type_keys(&mut app, "<C-q>", "10:31:05").1, Effect::None);
    let form = app.form().expect("the form asks first");
    let offered = form.values()[0].clone();
    assert_eq!(
        offered,
        "/home/facilitator/board-unsaved-20261122-103105.yaml"
    );
    assert!(screen(&app).contains("Not saved!"));
    // Esc goes back to the meeting, still unsaved.
    type_keys(&mut app, "<Esc>", "10:31:06");
    assert!(app.overlay.is_none() && app.disk.unsaved.is_some());
    // Enter asks the loop to write where the form says.
    type_keys(&mut app, "<C-q>", "10:31:07");
    let (_, effect) = type_keys(&mut app, "<Enter>", "10:31:08");
    let expected = PathBuf::from("/home/facilitator/board-unsaved-20261122-103107.yaml");
    assert_eq!(effect, Effect::WriteAndQuit(expected));
    // The write failed: the form stays open with the reason.
    update(
        &mut app,
        Action::Disk(DiskAction::Refused("Cannot write it: File exists".into())),
        at("10:31:09"),
    );
    assert_eq!(
        app.form().unwrap().error.as_deref(),
        Some("Cannot write it: File exists")
    );
    // An empty path is refused, keeping the form open.
    let blank = Form::new("t", Purpose::Test).line("Write to", "", "  ");
    assert!(submit(&blank, "Ctrl-Q").is_err());
    // A second Ctrl-Q quits without saving.
    assert_eq!(type_keys(&mut app, "<C-q>", "10:31:12").1, Effect::Quit);
}
