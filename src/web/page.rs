//! The HTML of the room view: one page that reads in order without
//! styles or script, each part under its own heading, with the floor, the
//! timer and the file's status in polite live regions.
//!
//! No inline script or style anywhere (not even a `style` attribute), so a
//! Content-Security-Policy of `'self'` holds: the bars are SVG shapes
//! sized by their attributes and coloured from the style sheet.

use std::hash::{DefaultHasher, Hash, Hasher};

use ratatui::style::Color;

use super::RoomState;
use crate::theme::{TEXT_CONTRAST, Theme};
use crate::ui::percent;

/// Text from the file made safe for HTML: the minutes' own escaping.
pub use crate::report::html::escape;

/// Where the page finds its style sheet, script and event stream: `/` on
/// localhost, `/TOKEN/` when the token is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLinks {
    /// The path every link starts with, ending in `/`.
    pub base: String,
}

/// How fresh the state is, and what is wrong with the file, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// When the state shown was read from the file, as `10:42:07`.
    pub read_at: String,
    /// Why the file could not be read just now; the last good state stays.
    pub problem: Option<String>,
}

/// One part of the page a live page replaces: the id of its element, a
/// hash of its HTML (so the page replaces, and a screen reader announces,
/// only what changed) and the HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The element's id.
    pub id: &'static str,
    /// A hash of `html`, as hex.
    pub hash: String,
    /// The element's contents.
    pub html: String,
}

impl Section {
    fn new(id: &'static str, html: String) -> Section {
        let mut hasher = DefaultHasher::new();
        html.hash(&mut hasher);
        let hash = format!("{:016x}", hasher.finish());
        Section { id, hash, html }
    }
}

fn list(items: &[String], empty: &str) -> String {
    if items.is_empty() {
        return format!("<p class=\"muted\">{empty}</p>");
    }
    let rows: String = items.iter().map(|i| format!("<li>{i}</li>")).collect();
    format!("<ol>{rows}</ol>")
}

/// The live parts of the page for `state`, in page order.
pub fn sections(state: &RoomState, status: &Status) -> Vec<Section> {
    let item = &state.item;
    let mut item_html = format!(
        "<p class=\"muted\">{}</p><p class=\"big\">{}</p>",
        escape(&item.place),
        escape(&item.title)
    );
    if let Some(lead) = &item.lead {
        item_html.push_str(&format!("<p>Led by {}</p>", escape(lead)));
    }
    let floor_class = if state.long_turn { "big alert" } else { "big" };
    let hands: Vec<String> = state
        .hands
        .iter()
        .map(|h| {
            format!(
                "{} <span class=\"muted\">({})</span>",
                escape(&h.name),
                escape(&h.why)
            )
        })
        .collect();
    let hands_html = format!(
        "<p class=\"muted\">In calling order ({} order)</p>{}",
        escape(&state.order),
        list(&hands, "No hands raised")
    );
    let decided: Vec<String> = state
        .decided
        .iter()
        .map(|d| {
            let flag = if d.flagged {
                " <span class=\"alert\">⚑ flagged as a rubber stamp</span>"
            } else {
                ""
            };
            format!(
                "{} {}{flag}: {}",
                d.symbol,
                escape(d.words),
                escape(&d.proposal)
            )
        })
        .collect();
    let proposal_html = match &state.proposal {
        Some(p) => format!(
            "<p class=\"big\">{}</p><p>From {} · {} of {} present have answered</p>",
            escape(&p.text),
            escape(&p.from),
            p.answered,
            p.present
        ),
        None => "<p class=\"muted\">No proposal open</p>".into(),
    };
    let rung_html = match &state.rung {
        Some(r) => format!(
            "<p class=\"big\">{}</p><p>{}: {} ({})</p>",
            escape(r.label),
            escape(&r.about),
            escape(r.meaning),
            escape(r.band)
        ),
        None => "<p class=\"muted\">Not judged yet</p>".into(),
    };
    let notice = match &status.problem {
        Some(problem) => format!(
            "<p class=\"alert\">⚠ {}: showing the state read at {}</p>",
            escape(problem),
            escape(&status.read_at)
        ),
        None => format!("<p>Read from the file at {}</p>", escape(&status.read_at)),
    };
    vec![
        Section::new("item", item_html),
        Section::new(
            "timer",
            format!("<p class=\"big\">{}</p>", escape(&state.timer)),
        ),
        Section::new(
            "floor",
            format!("<p class=\"{floor_class}\">{}</p>", escape(&state.floor)),
        ),
        Section::new("hands", hands_html),
        Section::new("roles", roles_table(state)),
        Section::new("proposal", proposal_html),
        Section::new("decided", list(&decided, "Nothing yet")),
        Section::new("rung", rung_html),
        Section::new("notice", notice),
    ]
}

/// Speaking by role as a table: the share and fair share in figures and
/// words, and a bar that repeats them for the eye only.
fn roles_table(state: &RoomState) -> String {
    let mut html = String::from(
        "<table><thead><tr><th scope=\"col\">Role (◆ power)</th><th scope=\"col\">Share</th>\
         <th scope=\"col\">Fair share</th><th scope=\"col\">Against fair</th>\
         <th scope=\"col\"><span class=\"visually-hidden\">Bar</span></th></tr></thead><tbody>",
    );
    for r in &state.roles {
        let mark = if r.power { " ◆" } else { "" };
        let fair = if r.is_target { "target" } else { "fair" };
        let (bar, at) = r.bar;
        html.push_str(&format!(
            "<tr><th scope=\"row\" class=\"role{slot}\">{} {}{mark}</th>\
             <td data-label=\"Share\">{}</td><td data-label=\"Fair share\">{} {fair}</td>\
             <td data-label=\"Against fair\">{}</td><td>\
             <svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" \
             aria-hidden=\"true\" focusable=\"false\">\
             <rect class=\"track\" x=\"0\" y=\"0\" width=\"100\" height=\"10\"/>\
             <rect class=\"fill{slot}\" x=\"0\" y=\"0\" width=\"{bar:.1}\" height=\"10\"/>\
             <rect class=\"fair\" x=\"{mark_at:.1}\" y=\"0\" width=\"1.5\" height=\"10\"/>\
             </svg></td></tr>",
            r.symbol,
            escape(&r.label),
            percent(r.share),
            percent(r.fair),
            escape(r.standing),
            slot = r.slot % 6,
            mark_at = (at - 0.75).clamp(0.0, 98.5),
        ));
    }
    html.push_str("</tbody></table>");
    if let Some(p) = &state.power {
        let verdict = if p.over {
            "<span class=\"alert\">⚠ over</span>"
        } else {
            "within"
        };
        html.push_str(&format!(
            "<p>◆ Roles with power together: {} (fair {}), {verdict}</p>",
            p.share, p.fair
        ));
    }
    html
}

/// The whole page for `state`: a snapshot that reads without script, and
/// goes live with `live.js` from the same place.
pub fn page(state: &RoomState, status: &Status, links: &PageLinks) -> String {
    let parts = sections(state, status);
    let part = |id: &str| {
        let s = parts
            .iter()
            .find(|s| s.id == id)
            .expect("every part is made");
        format!("id=\"{}\" data-hash=\"{}\">{}", s.id, s.hash, s.html)
    };
    let base = escape(&links.base);
    let title = escape(&state.title);
    format!(
        "<!doctype html>\n<html lang=\"en\" data-base=\"{base}\">\n<head>\n\
         <meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} · room view</title>\n\
         <link rel=\"stylesheet\" href=\"{base}style.css\">\n\
         <script src=\"{base}live.js\" defer></script>\n</head>\n<body>\n\
         <header><h1>{title}</h1><div role=\"status\" {}</div>\
         <p id=\"connection\">A snapshot: reload the page for the latest.</p></header>\n\
         <main>\n\
         <section aria-labelledby=\"h-item\"><h2 id=\"h-item\">Now</h2><div {}</div></section>\n\
         <div class=\"pair\">\
         <section aria-labelledby=\"h-timer\"><h2 id=\"h-timer\">Time</h2>\
         <div aria-live=\"polite\" {}</div></section>\n\
         <section aria-labelledby=\"h-floor\"><h2 id=\"h-floor\">The floor</h2>\
         <div aria-live=\"polite\" {}</div></section></div>\n\
         <section aria-labelledby=\"h-proposal\"><h2 id=\"h-proposal\">Proposal</h2><div {}</div></section>\n\
         <section aria-labelledby=\"h-hands\"><h2 id=\"h-hands\">Raised hands</h2><div {}</div></section>\n\
         <section aria-labelledby=\"h-roles\"><h2 id=\"h-roles\">Speaking by role</h2><div {}</div></section>\n\
         <section aria-labelledby=\"h-decided\"><h2 id=\"h-decided\">Decided so far</h2><div {}</div></section>\n\
         <section aria-labelledby=\"h-rung\"><h2 id=\"h-rung\">The ladder</h2><div {}</div></section>\n\
         </main>\n</body>\n</html>\n",
        part("notice"),
        part("item"),
        part("timer"),
        part("floor"),
        part("proposal"),
        part("hands"),
        part("roles"),
        part("decided"),
        part("rung"),
    )
}

/// The event a live page reads: each part's id, hash and HTML, as JSON.
pub fn event_data(sections: &[Section]) -> String {
    let parts: Vec<serde_json::Value> = sections
        .iter()
        .map(|s| serde_json::json!({ "id": s.id, "hash": s.hash, "html": s.html }))
        .collect();
    serde_json::Value::Array(parts).to_string()
}

fn css(colour: Color, fallback: &str) -> String {
    match colour {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        _ => fallback.to_owned(),
    }
}

/// The style sheet in `theme`'s colours. Text sizes are in `rem` and the
/// layout wraps, so the page zooms to 400% with nothing cut off; a theme
/// colour that is the terminal's `default` becomes black on white's
/// counterpart (white text on black), which passes any contrast check.
pub fn style_sheet(theme: &Theme) -> String {
    let pairs = theme.contrast_pairs();
    let colour = |what: &str, fallback: &str| {
        pairs
            .iter()
            .find(|p| p.what == what)
            .map_or_else(|| fallback.to_owned(), |p| css(p.fg, fallback))
    };
    let background = pairs
        .first()
        .map_or_else(|| "#000000".to_owned(), |p| css(p.bg, "#000000"));
    let text = colour("text", "#ffffff");
    // Muted text need only reach 4.5:1 on the terminal; on the page every
    // text reaches 7:1, so a muted colour short of it gives way to the text
    // colour (italics still mark it as secondary).
    let muted = match pairs.iter().find(|p| p.what == "muted") {
        Some(p) if p.ratio().is_some_and(|r| r >= TEXT_CONTRAST) => css(p.fg, &text),
        _ => text.clone(),
    };
    let mut sheet = format!(
        "html {{ background: {background}; color: {text}; font-family: system-ui, sans-serif; \
         font-size: 100%; line-height: 1.5; }}\n\
         body {{ margin: 0 auto; padding: 1rem; max-width: 70rem; }}\n\
         h1 {{ font-size: 1.75rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }}\n\
         h2 {{ font-size: 1.25rem; margin: 1.25rem 0 0.25rem; color: {accent}; }}\n\
         p, li, td, th {{ overflow-wrap: anywhere; }}\n\
         p {{ margin: 0.25rem 0; }}\n\
         .big {{ font-size: 2rem; font-weight: bold; margin: 0; }}\n\
         .muted {{ color: {muted}; font-style: italic; }}\n\
         .alert {{ color: {alert}; font-weight: bold; }}\n\
         .pair {{ display: flex; flex-wrap: wrap; gap: 0 2rem; }}\n\
         .pair > section {{ flex: 1 1 16rem; }}\n\
         table {{ border-collapse: collapse; width: 100%; }}\n\
         th, td {{ text-align: left; padding: 0.25rem 0.5rem 0.25rem 0; vertical-align: middle; }}\n\
         svg.bar {{ width: 8rem; max-width: 100%; height: 1rem; display: block; }}\n\
         .track {{ fill: none; stroke: {muted}; stroke-width: 0.5; }}\n\
         .fair {{ fill: {text}; }}\n\
         .visually-hidden {{ position: absolute; width: 1px; height: 1px; overflow: hidden; \
         clip: rect(0 0 0 0); white-space: nowrap; }}\n\
         @media (max-width: 30rem) {{ table, thead, tbody, tr, th, td {{ display: block; }} \
         thead {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }} \
         tr {{ margin-bottom: 0.75rem; }} \
         td[data-label]::before {{ content: attr(data-label) \": \"; font-weight: bold; }} }}\n",
        accent = colour("accent", "#ffffff"),
        alert = colour("alert", "#ffffff"),
    );
    for (slot, (_, colour)) in pairs
        .iter()
        .filter(|p| p.what.starts_with("role"))
        .map(|p| (p.what, p.fg))
        .enumerate()
    {
        let c = css(colour, &text);
        sheet.push_str(&format!(
            ".role{slot} {{ color: {c}; }}\n.fill{slot} {{ fill: {c}; }}\n"
        ));
    }
    sheet
}
