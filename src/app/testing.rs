//! Helpers for the unit tests of `update`: an app on a small session at a
//! fixed time, and keys typed the way `coproduce render --keys` takes them.

use super::keys::{ScriptStep, parse_script};
use super::{App, Effect, update};
use crate::session::{Session, Time};

/// 10:mm:ss style times on the test day, in UTC.
pub fn at(hms: &str) -> Time {
    Time::parse_from_rfc3339(&format!("2026-11-22T{hms}+00:00")).unwrap()
}

/// A small session: the header every unit test shares (`Test`, `Board`,
/// the test day) and its two roles, `lived` (lived experience) and `staff`
/// (who hold power), then `rest`, which starts with the test's people.
pub fn session_yaml(rest: &str) -> String {
    format!(
        "format: 1
title: Test
board: Board
date: 2026-11-22
roles:
  - {{ id: lived, label: Lived experience }}
  - {{ id: staff, label: Staff, power: true }}
{rest}"
    )
}

/// An app on the session written in `yaml`, at `now`.
pub fn app_on(yaml: &str, now: &str) -> App {
    let session: Session = serde_yaml::from_str(yaml).unwrap();
    App::new(session, at(now), vec!["a".into(), "b".into()], 0)
}

/// Types `script` (`<Tab>`, `<wait 90s>`, plain characters) starting at
/// `now`; returns the time the script ends at and the last effect.
pub fn type_keys(app: &mut App, script: &str, now: &str) -> (Time, Effect) {
    let mut now = at(now);
    let mut effect = Effect::None;
    for step in parse_script(script).unwrap() {
        match step {
            ScriptStep::Key(key) => {
                if let Some(action) = app.action_for(key) {
                    effect = update(app, action, now);
                }
            }
            ScriptStep::Wait(secs) => {
                now += chrono::Duration::seconds(i64::try_from(secs).unwrap());
                update(app, super::Action::Tick, now);
            }
        }
    }
    (now, effect)
}
