//! Writes a survey file's JSON tree the one way the editor always writes it: two-space indent,
//! keys in the format's reading order (the id and texts before the lists they head, English
//! before the other languages), so that a file the editor wrote reads back and writes again
//! byte for byte, and a diff of two versions shows only what changed.

use serde_json::Value;

/// Keys in the order a person reads a survey file; any other key follows, alphabetically.
const ORDER: &[&str] = &[
    "format_version",
    "en",
    "id",
    "version",
    "title",
    "label",
    "question",
    "text",
    "description",
    "help",
    "required",
    "value",
    "min",
    "max",
    "not_applicable",
    "labels",
    "scale",
    "ratings",
    "importance",
    "performance",
    "partner",
    "vendor",
    "profile",
    "partner_name",
    "partner_type",
    "functions",
    "types",
    "primary_value",
    "management",
    "region",
    "program_tier",
    "side",
    "wave",
    "revenue",
    "currency",
    "current",
    "potential",
    "choices",
    "weight",
    "show_if",
    "any_of",
    "none_of",
    "areas",
    "elements",
    "sections",
    "five_cs",
    "proposition",
    "journey",
    "maturity",
    "principles",
    "dimensions",
    "items",
    "phases",
    "criteria",
    "levels",
    "processes",
    "categories",
    "by",
    "bands",
];

/// Where `key` comes among an object's keys.
pub(crate) fn rank(key: &str) -> (usize, &str) {
    let at = ORDER.iter().position(|k| *k == key).unwrap_or(ORDER.len());
    (at, key)
}

/// The file's text, ending in a newline.
pub fn write(value: &Value) -> String {
    let mut out = String::new();
    node(&mut out, value, 0);
    out.push('\n');
    out
}

fn indent(out: &mut String, depth: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n("  ", depth));
}

fn node(out: &mut String, value: &Value, depth: usize) {
    match value {
        Value::Object(object) if !object.is_empty() => {
            let mut keys: Vec<&String> = object.keys().collect();
            keys.sort_by(|a, b| rank(a).cmp(&rank(b)));
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                out.push_str(&Value::String(key.clone()).to_string());
                out.push_str(": ");
                node(out, &object[key], depth + 1);
            }
            indent(out, depth);
            out.push('}');
        }
        Value::Array(entries) if !entries.is_empty() => {
            out.push('[');
            for (i, entry) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                node(out, entry, depth + 1);
            }
            indent(out, depth);
            out.push(']');
        }
        // Scalars, `{}` and `[]` as serde_json writes them.
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_come_in_reading_order_with_english_first() {
        let tree = json!({"areas": [], "title": {"fr": "T", "en": "T", "de": "T"}, "id": "s", "format_version": "1.0", "zz": 1});
        assert_eq!(
            write(&tree),
            "{\n  \"format_version\": \"1.0\",\n  \"id\": \"s\",\n  \"title\": {\n    \"en\": \"T\",\n    \"de\": \"T\",\n    \"fr\": \"T\"\n  },\n  \"areas\": [],\n  \"zz\": 1\n}\n"
        );
    }

    #[test]
    fn the_default_survey_written_reads_back_and_writes_again_the_same() {
        let text = include_str!("../../../web/public/surveys/partner-experience.json");
        let tree: Value = serde_json::from_str(text).unwrap();
        let once = write(&tree);
        let again: Value = serde_json::from_str(&once).unwrap();
        assert_eq!(again, tree);
        assert_eq!(write(&again), once);
        assert!(crate::load_survey(once.as_bytes()).is_ok());
    }
}
