//! `coproduce schema`: the JSON Schema generated from the session types
//! accepts every good session and refuses unknown fields and wrong values,
//! checked with a small validator of the keywords the schema uses (any
//! other keyword fails the test, so the check never passes by ignoring).

mod run;

use std::path::Path;

use serde_json::Value;

fn schema() -> Value {
    serde_json::from_str(&coproduce::session::schema::schema_json()).unwrap()
}

fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap()
}

/// Every way `value` breaks `schema`, as `path: what`.
fn validate(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(rules) = schema.as_object() else {
        panic!("{path}: a schema is an object: {schema}");
    };
    for (keyword, rule) in rules {
        match keyword.as_str() {
            "$schema" | "title" | "description" | "$defs" | "format" => {}
            "$ref" => {
                let name = rule.as_str().unwrap().strip_prefix("#/$defs/").unwrap();
                validate(root, &root["$defs"][name], value, path, errors);
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(t) => vec![t],
                    Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                    _ => panic!("{rule}"),
                };
                let fits = types.iter().any(|t| match *t {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "integer" => value.is_i64() || value.is_u64(),
                    "boolean" => value.is_boolean(),
                    "null" => value.is_null(),
                    other => panic!("type {other}"),
                });
                if !fits {
                    errors.push(format!("{path}: {value} is not {types:?}"));
                }
            }
            "enum" => {
                if !rule.as_array().unwrap().contains(value) {
                    errors.push(format!("{path}: {value} is not one of {rule}"));
                }
            }
            "const" => {
                if rule != value {
                    errors.push(format!("{path}: {value} is not {rule}"));
                }
            }
            "minimum" | "maximum" => {
                if let Some(n) = value.as_f64() {
                    let bound = rule.as_f64().unwrap();
                    if (keyword == "minimum" && n < bound) || (keyword == "maximum" && n > bound) {
                        errors.push(format!("{path}: {n} is past the {keyword} {bound}"));
                    }
                }
            }
            "maxLength" | "maxItems" | "maxProperties" => {
                let most = rule.as_u64().unwrap() as usize;
                let size = match keyword.as_str() {
                    "maxLength" => value.as_str().map(|s| s.chars().count()),
                    "maxItems" => value.as_array().map(Vec::len),
                    _ => value.as_object().map(serde_json::Map::len),
                };
                if let Some(size) = size.filter(|&n| n > most) {
                    errors.push(format!("{path}: {size} is past the {keyword} {most}"));
                }
            }
            "pattern" => {
                assert_eq!(rule, "^[a-z0-9]$", "the only pattern this checker knows");
                if let Some(s) = value.as_str() {
                    let mut chars = s.chars();
                    let ok = matches!((chars.next(), chars.next()),
                        (Some(c), None) if c.is_ascii_lowercase() || c.is_ascii_digit());
                    if !ok {
                        errors.push(format!("{path}: {s:?} does not match {rule}"));
                    }
                }
            }
            "anyOf" | "oneOf" => {
                let fitting = rule
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|option| {
                        let mut e = Vec::new();
                        validate(root, option, value, path, &mut e);
                        e.is_empty()
                    })
                    .count();
                if fitting == 0 || (keyword == "oneOf" && fitting > 1) {
                    errors.push(format!("{path}: {value} fits {fitting} of {keyword}"));
                }
            }
            "required" => {
                for field in rule.as_array().unwrap() {
                    let field = field.as_str().unwrap();
                    if value.is_object() && value.get(field).is_none() {
                        errors.push(format!("{path}: {field} is missing"));
                    }
                }
            }
            "properties" | "additionalProperties" => {
                let Some(object) = value.as_object() else {
                    continue;
                };
                let properties = rules.get("properties").and_then(Value::as_object);
                for (field, v) in object {
                    let at = format!("{path}.{field}");
                    let known = properties.and_then(|p| p.get(field));
                    match (keyword.as_str(), known, rules.get("additionalProperties")) {
                        ("properties", Some(s), _) => validate(root, s, v, &at, errors),
                        ("additionalProperties", None, Some(Value::Bool(false))) => {
                            errors.push(format!("{at}: unknown field"));
                        }
                        ("additionalProperties", None, Some(s @ Value::Object(_))) => {
                            validate(root, s, v, &at, errors);
                        }
                        _ => {}
                    }
                }
            }
            "items" => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    validate(root, rule, item, &format!("{path}[{i}]"), errors);
                }
            }
            other => panic!("{path}: the checker does not know the keyword {other}"),
        }
    }
}

fn errors(text: &str) -> Vec<String> {
    let schema = schema();
    let mut errors = Vec::new();
    validate(&schema, &schema, &yaml(text), "", &mut errors);
    errors
}

fn manifest(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

#[test]
fn the_schema_accepts_every_good_session() {
    for file in [
        "sessions/example.yaml",
        "tests/fixtures/good.yaml",
        "tests/fixtures/report/ended.yaml",
        "tests/fixtures/new/previous.yaml",
        "tests/fixtures/diffs/meeting.yaml",
    ] {
        assert_eq!(errors(&manifest(file)), Vec::<String>::new(), "{file}");
    }
}

#[test]
fn the_schema_refuses_unknown_fields_and_wrong_values() {
    let example = manifest("sessions/example.yaml");
    for (from, to, error) in [
        ("place:", "venue:", ".venue: unknown field"),
        (
            "    key: b\n",
            "    key: b\n    nickname: Bev\n",
            ".participants[0].nickname: unknown field",
        ),
        ("format: 1", "format: 2", ".format: 2 is past the maximum 1"),
        (
            "state: agreed",
            "state: passed",
            ".decisions[0].state: \"passed\" is not one of",
        ),
        (
            "rung: co-design",
            "rung: top",
            ".ladder[0].rung: \"top\" is not one of",
        ),
        (
            "    key: b\n",
            "    key: B\n",
            ".participants[0].key: \"B\" fits 0 of anyOf",
        ),
        (
            "co-production: 2",
            "co-op: 2",
            ".ladder[0].votes.co-op: unknown field",
        ),
        ("title: Home care", "titel: Home care", ": title is missing"),
    ] {
        assert!(example.contains(from), "{from}");
        let errors = errors(&example.replacen(from, to, 1));
        assert!(
            errors.iter().any(|e| e.starts_with(error)),
            "{to}: {errors:?}"
        );
    }
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    assert_eq!(
        manifest("docs/session.schema.json"),
        coproduce::session::schema::schema_json(),
        "run `cargo run -- schema > docs/session.schema.json`"
    );
    let out = run::binary().arg("schema").output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        coproduce::session::schema::schema_json()
    );
}

/// The limits the loader enforces are in the schema, so an editor warns
/// before the app refuses: a text too long to read, a turn longer than a
/// day, a show of hands past the bound; and `check` refuses them too.
#[test]
fn the_schema_carries_the_loaders_limits() {
    use coproduce::session::schema::MAX_TEXT_CHARS;
    let example = manifest("sessions/example.yaml");
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let cases = [
        (
            "title: Home care, equipment and carers' breaks\n",
            format!("title: {long}\n"),
            ".title: 262145 is past the maxLength",
        ),
        (
            "co-production: 2",
            "co-production: 100001".to_owned(),
            ".ladder[0].votes.co-production: 100001 is past the maximum 100000",
        ),
    ];
    for (from, to, error) in &cases {
        assert!(example.contains(from), "{from}");
        let errors = errors(&example.replacen(from, to, 1));
        assert!(errors.iter().any(|e| e.starts_with(error)), "{errors:?}");
    }
    let errors = errors(&example.replacen(
        "{ who: jon, at: 2026-11-22T11:40:20+00:00 }",
        "{ who: jon, at: 2026-11-22T11:40:20+00:00, secs: 86401 }",
        1,
    ));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("secs: 86401 is past the maximum 86400")),
        "{errors:?}"
    );
    let schema = schema();
    assert_eq!(schema["properties"]["turns"]["maxItems"], 800_000);
    assert_eq!(
        schema["$defs"]["Role"]["properties"]["target"]["maximum"],
        100
    );
}
