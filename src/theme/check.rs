//! `coproduce themes`: every theme measured as the tests measure it, so
//! someone making their own theme can check it without the source.

use super::contrast::{MUTED_CONTRAST, TEXT_CONTRAST};
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
                "lowest {what} contrast {ratio:.2}:1 ({}), needs {required}:1",
                pair.what
            ),
            None => format!("{what}: the terminal's own colours, not measured"),
        });
    }
    out.failures.extend(
        measured
            .iter()
            .filter(|(pair, ratio)| *ratio < pair.required)
            .map(|(pair, ratio)| {
                format!(
                    "{} is {ratio:.2}:1 on its background, under {}:1",
                    pair.what, pair.required
                )
            }),
    );
    let roles = theme.role_colours();
    for vision in Vision::ALL {
        if let Some((a, b, d)) = closest_pair(&roles, vision) {
            out.lines.push(format!(
                "closest roles with {} vision: {a} and {b}, {d:.3} apart, needs {ROLE_DISTANCE}",
                vision.name()
            ));
            if d < ROLE_DISTANCE {
                out.failures.push(format!(
                    "{a} and {b} look alike with {} ({d:.3} apart)",
                    vision.name()
                ));
            }
        }
    }
    out
}

/// Every theme's report, in cycle order; `true` when all pass.
pub fn check_all(themes: &Themes) -> (String, bool) {
    let mut text = String::new();
    let mut ok = true;
    for theme in themes.names().into_iter().filter_map(|n| themes.get(n)) {
        let result = check(theme);
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
