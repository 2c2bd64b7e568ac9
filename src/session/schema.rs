//! `coproduce schema`: the JSON Schema of a session file, generated from the
//! same Rust types the app reads, so an editor (through yaml-language-server)
//! checks a hand edit as the app would: field names, types, enums, no
//! unknown field, and the limits the loader enforces (numbers in range, no
//! text or list longer than a session file may hold), so the editor warns
//! before the app refuses. Rules across fields (ids that must exist, times
//! in order) stay with `coproduce check`.

use serde_json::{Map, Value};

use crate::session::Session;
use crate::session::validate::{MAX_MINUTES, MAX_SECS, MAX_VOTES};
use crate::store::read::{MAX_KEYS, MAX_NODES, MAX_SCALAR_BYTES};

/// The longest text the schema allows, in characters: the loader refuses a
/// quoted text or a line of more than [`MAX_SCALAR_BYTES`] bytes, and a
/// character takes up to four, so any text within this is read whatever
/// its characters.
pub const MAX_TEXT_CHARS: usize = MAX_SCALAR_BYTES / 4;

/// The schema as pretty JSON, ending in a newline.
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(Session);
    // Changed in place: schemars writes its keywords in their usual order.
    if let Some(rules) = schema.as_object_mut() {
        let mut value = Value::Object(std::mem::take(rules));
        add_limits(&mut value, None);
        if let Value::Object(limited) = value {
            *rules = limited;
        }
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The most a number named `field` may be, as `check` bounds it.
fn number_limit(field: &str) -> Option<u64> {
    match field {
        "secs" | "long_turn_secs" | "quick_agreement_secs" => Some(MAX_SECS),
        "minutes" | "warn_minutes" | "alert_minutes" => Some(MAX_MINUTES),
        "target" => Some(100),
        _ => None,
    }
}

/// Adds the loader's limits to every schema under `schema`, which is the
/// schema of the field `field` (when it is one): a text's length, a list's
/// and a mapping's size, and the numbers `check` bounds.
fn add_limits(schema: &mut Value, field: Option<&str>) {
    match schema {
        Value::Array(options) => options.iter_mut().for_each(|s| add_limits(s, field)),
        Value::Object(rules) => {
            let types = types(rules);
            let mut add = |keyword: &str, most: u64| {
                rules.entry(keyword).or_insert(Value::from(most));
            };
            // Every entry of a list or mapping is at least one value.
            let nodes = MAX_NODES as u64;
            if types.contains(&"string") {
                add("maxLength", MAX_TEXT_CHARS as u64);
            }
            if types.contains(&"array") {
                add("maxItems", nodes);
            }
            if types.contains(&"object") {
                add("maxProperties", MAX_KEYS as u64);
            }
            if types.contains(&"integer")
                && let Some(most) = field.and_then(number_limit)
            {
                add("maximum", most);
            }
            for (keyword, value) in rules.iter_mut() {
                match keyword.as_str() {
                    "properties" => {
                        for (name, property) in value.as_object_mut().into_iter().flatten() {
                            add_limits(property, Some(name));
                        }
                    }
                    "$defs" => {
                        for def in value.as_object_mut().into_iter().flatten().map(|(_, d)| d) {
                            add_limits(def, None);
                        }
                    }
                    "items" | "additionalProperties" | "anyOf" | "oneOf" | "allOf" => {
                        add_limits(value, field);
                    }
                    _ => {}
                }
            }
            // The show of hands: every rung's count.
            if field == Some("votes") {
                let rungs = rules.get_mut("properties").and_then(Value::as_object_mut);
                for rung in rungs.into_iter().flatten().map(|(_, r)| r) {
                    if let Some(rung) = rung.as_object_mut() {
                        rung.insert("maximum".into(), Value::from(MAX_VOTES));
                    }
                }
            }
        }
        _ => {}
    }
}

/// The JSON types a schema names (`"type": "string"` or a list of them).
fn types(rules: &Map<String, Value>) -> Vec<&'static str> {
    let named = |t: &Value| match t.as_str() {
        Some("string") => Some("string"),
        Some("array") => Some("array"),
        Some("object") => Some("object"),
        Some("integer") => Some("integer"),
        _ => None,
    };
    match rules.get("type") {
        Some(Value::Array(ts)) => ts.iter().filter_map(named).collect(),
        Some(t) => named(t).into_iter().collect(),
        None => Vec::new(),
    }
}
