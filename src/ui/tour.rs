//! A tour of everything the app draws: every pane, overlay, form, prompt,
//! the room view and every warning state, on the bundled example meeting
//! at a fixed time. The contrast test and `coproduce themes` measure these
//! screens cell by cell, so a theme is judged on what is drawn, not on its
//! list of colours.

use ratatui::buffer::Buffer;

use crate::app::conflict::DiskAction;
use crate::app::keys::{ScriptStep, parse_script};
use crate::app::{Action, App, update};
use crate::session::example::EXAMPLE;
use crate::session::{Session, Time};
use crate::theme::{DrawnContrast, Theme, Themes, measure_drawn};

/// A moment in the middle of the example meeting: a proposal open, the
/// power roles over their share, hands raised.
pub const NOW: &str = "2026-11-22T11:42:00+00:00";

/// Each stop of the tour: its name and the keys that reach it from the
/// Agenda pane (the same script `coproduce render --keys` takes).
pub const STOPS: &[(&str, &str)] = &[
    ("agenda", ""),
    ("balance", "<Tab>"),
    ("decisions", "<Tab><Tab>"),
    ("ladder", "<Tab><Tab><Tab>"),
    ("room view", "<F2>"),
    ("help on agenda", "?"),
    ("help on balance", "<Tab>?"),
    ("help scrolled", "?<PageDown><PageDown>"),
    ("agenda: add item form", "a"),
    ("agenda: edit item form", "e"),
    ("decisions: add form", "<Tab><Tab>a"),
    ("decisions: edit form", "<Tab><Tab>e"),
    ("decisions: agreed one selected", "<Tab><Tab><Up>"),
    ("ladder: note form", "<Tab><Tab><Tab>n"),
    ("status message after undo", "<Tab>b<C-z>"),
    ("long turn", "<wait 6m>"),
    ("long turn on balance", "<Tab><wait 6m>"),
    ("time box over", "<wait 15m>"),
    ("time box over in the room", "<F2><wait 15m>"),
    ("break", "b"),
    ("silent floor", "<Tab><Space>"),
];

/// The example meeting's app at [`NOW`] in the theme called `theme`.
fn example_app(themes: &Themes, theme: &str) -> App {
    let session: Session = serde_yaml::from_str(EXAMPLE).expect("the bundled example loads");
    let names: Vec<String> = themes.names().into_iter().map(str::to_owned).collect();
    let index = names.iter().position(|n| n == theme).unwrap_or(0);
    let now = now();
    let mut app = App::new(session, now, names, index);
    update(&mut app, Action::Tick, now);
    app
}

fn now() -> Time {
    Time::parse_from_rfc3339(NOW).expect("NOW is a valid time")
}

/// Plays a script into `app` from `now`, as `coproduce render` does.
fn play(app: &mut App, keys: &str) {
    let steps: Vec<ScriptStep> = parse_script(keys).expect("tour scripts parse");
    crate::app::script::play(app, &steps, now(), |_| Ok(())).expect("nothing is saved");
}

/// Every stop of the tour as an app, by name: [`STOPS`], then the states
/// a key cannot reach (a failed save, a conflict on disk, a rubber stamp).
pub fn apps(themes: &Themes, theme: &str) -> Vec<(String, App)> {
    let mut out = Vec::new();
    for (name, keys) in STOPS {
        let mut app = example_app(themes, theme);
        play(&mut app, keys);
        out.push(((*name).to_string(), app));
    }
    let at = now();
    let mut unsaved = example_app(themes, theme);
    update(&mut unsaved, Action::SaveFailed("disk full".into()), at);
    let mut unsaved_status = unsaved.clone();
    play(&mut unsaved_status, "<Tab>b");
    out.push(("not saved".into(), unsaved));
    out.push(("not saved, with a status".into(), unsaved_status));
    let mut conflict = example_app(themes, theme);
    let changed = DiskAction::ChangedOnDisk("meeting.yaml changed on disk".into());
    update(&mut conflict, Action::Disk(changed), at);
    out.push(("changed on disk".into(), conflict));
    let mut stamp = example_app(themes, theme);
    stamp.session.decisions[0].rubber_stamp = Some("agreed in 40 seconds".into());
    play(&mut stamp, "<Tab><Tab><Up>");
    out.push(("rubber stamp".into(), stamp));
    out
}

/// The sizes every stop is drawn at: a laptop, the smallest common
/// terminal, a projector.
pub const SIZES: [(u16, u16); 3] = [(100, 30), (80, 24), (160, 45)];

/// Every stop drawn at every size in `theme`, named "stop at WxH".
pub fn screens(themes: &Themes, theme: &Theme) -> Vec<(String, Buffer)> {
    let mut out = Vec::new();
    for (name, app) in apps(themes, &theme.name) {
        for (width, height) in SIZES {
            let buffer = crate::ui::screen::draw(&app, theme, width, height);
            out.push((format!("{name} at {width}x{height}"), buffer));
        }
    }
    out
}

/// Measures every screen of the tour in `theme` (after `map`, a colour
/// profile's conversion, if given): each screen's name with what was found.
pub fn measure(
    themes: &Themes,
    theme: &Theme,
    map: Option<crate::theme::ColourMap<'_>>,
) -> Vec<(String, DrawnContrast)> {
    screens(themes, theme)
        .into_iter()
        .map(|(name, buffer)| {
            let found = measure_drawn(&buffer, theme, map);
            (name, found)
        })
        .collect()
}

/// `coproduce themes`: every theme's colours, and every screen of the tour
/// drawn in it, measured; `true` when all pass.
pub fn themes_report(themes: &Themes) -> (String, bool) {
    crate::theme::check_all_drawn(themes, |theme| measure(themes, theme, None))
}
