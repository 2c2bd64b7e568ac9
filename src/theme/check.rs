//! `coproduce themes`: every theme measured as the tests measure it, so
//! someone making their own theme can check it without the source.

use super::contrast::{DrawnContrast, MUTED_CONTRAST, TEXT_CONTRAST};
use super::profile::Profile;
use super::vision::{ROLE_DISTANCE, Vision, closest_pair};
use super::{Theme, Themes};

/// What was measured of one theme: a line for each measure, and each one
/// that falls short.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThemeCheck {
    pub lines: Vec<String>,
    pub failures: Vec<String>,
}

/// Measures `theme`: the lowest contrast of its text colours and of
/// `muted`, and how close its two closest role colours come with each
/// kind of colour vision.
pub fn check(theme: &Theme) -> ThemeCheck {
    let mut out = ThemeCheck::default();
    // The palette a 256-colour terminal gets is measured as well: the
    // nearest of its colours can fall under the contrast the theme reaches,
    // or bring two role colours together.
    for profile in [Profile::TrueColour, Profile::Ansi256] {
        let theme = theme.for_profile(profile);
        measure_contrast(&theme, profile, &mut out);
        measure_sets(&theme, profile, &mut out);
    }
    out
}

/// Adds the lowest text and muted contrast of `theme` (already made for
/// `profile`) to `out`, and each pair that falls short.
fn measure_contrast(theme: &Theme, profile: Profile, out: &mut ThemeCheck) {
    let place = place(profile);
    let measured: Vec<_> = theme
        .contrast_pairs()
        .into_iter()
        .filter_map(|pair| Some((pair, pair.ratio()?)))
        .collect();
    for (required, what) in [(TEXT_CONTRAST, "text"), (MUTED_CONTRAST, "muted")] {
        let lowest = measured
            .iter()
            .filter(|(pair, _)| pair.required == required)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        out.lines.push(match lowest {
            Some((pair, ratio)) => format!(
                "{place}lowest {what} contrast {ratio:.2}:1 ({}), needs {required}:1",
                pair.what
            ),
            None => format!("{place}{what}: the terminal's own colours, not measured"),
        });
    }
    out.failures.extend(
        measured
            .iter()
            .filter(|(pair, ratio)| *ratio < pair.required)
            .map(|(pair, ratio)| {
                format!(
                    "{place}{} is {ratio:.2}:1 on its background, under {}:1",
                    pair.what, pair.required
                )
            }),
    );
}

/// Adds how close the two closest colours of each set that must be told
/// apart in `theme` (made for `profile`) come with each kind of colour
/// vision, and those too close.
fn measure_sets(theme: &Theme, profile: Profile, out: &mut ThemeCheck) {
    let place = place(profile);
    for (set, colours) in theme.colour_sets() {
        for vision in Vision::ALL {
            if let Some((a, b, d)) = closest_pair(&colours, vision) {
                out.lines.push(format!(
                    "{place}closest {set} with {} vision: {a} and {b}, {d:.3} apart, needs {ROLE_DISTANCE}",
                    vision.name()
                ));
                if d < ROLE_DISTANCE {
                    out.failures.push(format!(
                        "{place}{a} and {b} look alike with {} ({d:.3} apart)",
                        vision.name()
                    ));
                }
            }
        }
    }
}

/// How a measure's line starts: nothing for the theme as written, else
/// which profile it is measured in.
fn place(profile: Profile) -> String {
    match profile {
        Profile::TrueColour => String::new(),
        other => format!("in {} colours, ", other.name()),
    }
}

/// Adds what was measured on drawn screens (name, measurement) to `out`:
/// the lowest text and muted cell over them all, and every cell that falls
/// short, with its screen.
pub fn check_drawn(out: &mut ThemeCheck, screens: &[(String, DrawnContrast)]) {
    let lowest = |muted: bool| {
        screens
            .iter()
            .filter_map(|(name, found)| {
                let cell = if muted {
                    &found.lowest_muted
                } else {
                    &found.lowest_text
                };
                Some((name, cell.as_ref()?))
            })
            .min_by(|a, b| a.1.ratio.total_cmp(&b.1.ratio))
    };
    let measured: usize = screens.iter().map(|(_, found)| found.measured).sum();
    for (what, muted) in [("text", false), ("muted", true)] {
        if let Some((name, cell)) = lowest(muted) {
            out.lines.push(format!(
                "lowest drawn {what} contrast {:.2}:1 ({name}, {cell})",
                cell.ratio
            ));
        }
    }
    out.lines.push(format!(
        "{measured} drawn cells measured on {} screens",
        screens.len()
    ));
    for (name, found) in screens {
        // One line a screen and colour pair is enough to find it; the
        // count says how many cells share it.
        let mut seen: Vec<(&super::CellContrast, usize)> = Vec::new();
        for cell in &found.shortfalls {
            match seen
                .iter_mut()
                .find(|(first, _)| (first.fg, first.bg) == (cell.fg, cell.bg))
            {
                Some((_, count)) => *count += 1,
                None => seen.push((cell, 1)),
            }
        }
        out.failures.extend(
            seen.into_iter()
                .map(|(first, count)| format!("{name}: {first} ({count} cells)")),
        );
    }
}

/// Every theme's report, in cycle order; `true` when all pass.
pub fn check_all(themes: &Themes) -> (String, bool) {
    check_all_drawn(themes, |_| Vec::new())
}

/// [`check_all`] with the screens `drawn` gives for each theme measured too.
pub fn check_all_drawn(
    themes: &Themes,
    drawn: impl Fn(&Theme) -> Vec<(String, DrawnContrast)>,
) -> (String, bool) {
    let mut text = String::new();
    let mut ok = true;
    for theme in themes.names().into_iter().filter_map(|n| themes.get(n)) {
        let mut result = check(theme);
        check_drawn(&mut result, &drawn(theme));
        let verdict = if result.failures.is_empty() {
            "ok"
        } else {
            "FAILS"
        };
        text.push_str(&format!("{}: {verdict}\n", theme.name));
        for line in result.lines.iter().chain(&result.failures) {
            text.push_str(&format!("  {line}\n"));
        }
        ok &= result.failures.is_empty();
    }
    (text, ok)
}
