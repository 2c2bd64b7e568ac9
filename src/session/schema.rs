//! `coproduce schema`: the JSON Schema of a session file, generated from the
//! same Rust types the app reads, so an editor (through yaml-language-server)
//! checks a hand edit as the app would: field names, types, enums, and no
//! unknown field. Rules across fields (ids that must exist, times in order)
//! stay with `coproduce check`.

use crate::session::Session;

/// The schema as pretty JSON, ending in a newline.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Session);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
