//! Contrast as drawn: every screen of the tour (every pane, overlay, form,
//! prompt, the room view and every warning state) in every theme, each
//! visible cell's colour measured against its own background; and again in
//! every colour profile, on the colours the terminal is then sent.

use coproduce::theme::profile::Profile;
use coproduce::theme::{CellContrast, Themes, measure_drawn};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

#[test]
fn every_drawn_cell_meets_its_contrast_in_every_theme_and_profile() {
    let mut failures = Vec::new();
    for profile in Profile::ALL {
        println!("in {} colours:", profile.name());
        measure_every_theme(&Themes::builtin().for_profile(profile), &mut failures);
    }
    // One line a screen and pair is enough to read; the count says the rest.
    let total = failures.len();
    failures.dedup_by(|a, b| a.split(": cell").next() == b.split(": cell").next());
    assert!(
        failures.is_empty(),
        "{total} cells short:\n{}",
        failures.join("\n")
    );
}

/// Measures every screen of the tour in every theme of `themes`, printing
/// each theme's lowest cell and adding each cell short of its contrast to
/// `failures`.
fn measure_every_theme(themes: &Themes, failures: &mut Vec<String>) {
    for name in themes.names() {
        let theme = themes.get(name).unwrap();
        let mut lowest: Option<(String, CellContrast)> = None;
        let mut measured = 0;
        for (screen, found) in coproduce::ui::tour::measure(themes, theme, None) {
            measured += found.measured;
            if let Some(cell) = found.lowest_text.clone()
                && lowest.as_ref().is_none_or(|(_, l)| cell.ratio < l.ratio)
            {
                lowest = Some((screen.clone(), cell));
            }
            failures.extend(
                found
                    .shortfalls
                    .iter()
                    .map(|cell| format!("{name}: {screen}: {cell}")),
            );
        }
        match lowest {
            Some((screen, cell)) => {
                println!("{name}: {measured} cells, lowest text {cell} on {screen}")
            }
            None => println!("{name}: the terminal's own colours, nothing to measure"),
        }
    }
}

#[test]
fn the_measurement_reads_reverse_video_defaults_and_a_profile() {
    let themes = Themes::builtin();
    let dark = themes.get("high-contrast-dark").unwrap();
    let mut buffer = Buffer::empty(ratatui::layout::Rect::new(0, 0, 4, 1));
    // White on black by default; grey text; yellow reversed on the screen.
    buffer.set_string(0, 0, "a", Style::new());
    buffer.set_string(1, 0, "b", Style::new().fg(Color::Rgb(0x77, 0x77, 0x77)));
    buffer.set_string(
        2,
        0,
        "c",
        Style::new()
            .fg(Color::Rgb(255, 255, 0))
            .add_modifier(Modifier::REVERSED),
    );
    let found = measure_drawn(&buffer, dark, None);
    assert_eq!(found.measured, 3);
    assert_eq!(found.shortfalls.len(), 1, "{:?}", found.shortfalls);
    let grey = &found.shortfalls[0];
    assert_eq!(
        (grey.x, grey.fg, grey.bg),
        (1, (0x77, 0x77, 0x77), (0, 0, 0))
    );
    assert_eq!(found.lowest_text.unwrap().symbol, "b");
    // A profile that turns everything black leaves nothing readable.
    let flat = |_: Color| Color::Indexed(16);
    let found = measure_drawn(&buffer, dark, Some(&flat));
    assert_eq!(found.shortfalls.len(), 3);
    assert!(
        found.shortfalls[0]
            .to_string()
            .contains("#000000 on #000000 is 1.00:1, needs 7:1"),
        "{}",
        found.shortfalls[0]
    );
}
