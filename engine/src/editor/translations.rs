//! Every text of a survey in every language: where each is, how complete each language is, and
//! one language as CSV for a translator, read back as one undoable edit.

use crate::editor::edit::{Op, Path, Step};
use crate::editor::write::rank;
use serde_json::{Map, Value};

/// A translation file larger than this is refused before it is read.
pub const MAX_CSV_BYTES: usize = 1024 * 1024;
/// Rows read from a translation file; a survey has a few hundred texts.
pub const MAX_ROWS: usize = 20_000;

fn is_language(key: &str) -> bool {
    let (code, region) = key.split_once('-').unwrap_or((key, ""));
    (2..=3).contains(&code.len())
        && code.bytes().all(|b| b.is_ascii_lowercase())
        && region.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// An object of texts by language ("en" among them).
fn is_text(object: &Map<String, Value>) -> bool {
    object.contains_key("en") && object.iter().all(|(k, v)| is_language(k) && v.is_string())
}

/// Every text of the survey, with its place, in the order the editor writes the file.
pub fn text_places(value: &Value) -> Vec<(Path, &Map<String, Value>)> {
    let mut found = Vec::new();
    let mut stack = vec![(Path::default(), value)];
    while let Some((at, node)) = stack.pop() {
        match node {
            Value::Object(object) if is_text(object) => found.push((at, object)),
            Value::Object(object) => {
                let mut keys: Vec<&String> = object.keys().collect();
                keys.sort_by_key(|key| rank(key));
                for key in keys.into_iter().rev() {
                    stack.push((at.key(key), &object[key]));
                }
            }
            Value::Array(entries) => {
                for (i, child) in entries.iter().enumerate().rev() {
                    stack.push((at.index(i), child));
                }
            }
            _ => {}
        }
    }
    found
}

/// How many of the survey's texts `language` has (not blank), of all of them.
pub fn completeness(value: &Value, language: &str) -> (usize, usize) {
    let places = text_places(value);
    let given = places
        .iter()
        .filter(|(_, texts)| {
            texts
                .get(language)
                .and_then(Value::as_str)
                .is_some_and(|t| !t.trim().is_empty())
        })
        .count();
    (given, places.len())
}

/// One language for a translator: each text's place, its English and its text in `language`
/// (blank where missing).
pub fn export_csv(value: &Value, language: &str) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(["place", "en", language]);
    for (at, texts) in text_places(value) {
        let text = |code: &str| {
            texts
                .get(code)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let _ = writer.write_record([at.to_string(), text("en"), text(language)]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Why a translation file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TranslationProblem {
    TooLarge(usize),
    /// Not CSV, or a row that is not; the reader's words.
    NotCsv(String),
    /// The first row is not `place,en,<language>`.
    NoHeader,
    TooManyRows,
}

/// What a translation file brings: its language, the edit that puts its texts in, how many
/// texts change, and how many rows were left out (a place the survey no longer has, or whose
/// English text has changed since the file was made).
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub language: String,
    pub ops: Vec<Op>,
    pub left_out: usize,
}

/// Reads `place` as the editor writes it (`areas[1].elements[0].label`).
pub fn parse_place(text: &str) -> Option<Path> {
    let mut steps = Vec::new();
    for part in text.split('.') {
        let (key, indices) = part
            .split_once('[')
            .map_or((part, ""), |(k, rest)| (k, rest));
        if key.is_empty() {
            return None;
        }
        steps.push(Step::Key(key.to_owned()));
        if !indices.is_empty() {
            for index in indices.trim_end_matches(']').split("][") {
                steps.push(Step::Index(index.parse().ok()?));
            }
        }
    }
    Some(Path(steps))
}

/// Reads a translation file against the survey `value`.
pub fn import_csv(value: &Value, text: &str) -> Result<Imported, TranslationProblem> {
    if text.len() > MAX_CSV_BYTES {
        return Err(TranslationProblem::TooLarge(text.len()));
    }
    // A spreadsheet's byte-order mark is not part of the first cell.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| TranslationProblem::NotCsv(e.to_string()))?
        .clone();
    let language = match (header.get(0), header.get(1), header.get(2)) {
        (Some("place"), Some("en"), Some(code)) if is_language(code) && code != "en" => {
            code.to_owned()
        }
        _ => return Err(TranslationProblem::NoHeader),
    };
    let mut ops = Vec::new();
    let mut left_out = 0;
    for (i, row) in reader.records().enumerate() {
        if i >= MAX_ROWS {
            return Err(TranslationProblem::TooManyRows);
        }
        let row = row.map_err(|e| TranslationProblem::NotCsv(e.to_string()))?;
        let (Some(place), Some(english), Some(translated)) = (row.get(0), row.get(1), row.get(2))
        else {
            left_out += 1;
            continue;
        };
        let texts =
            parse_place(place).and_then(|at| Some((at.get(value)?.as_object()?.clone(), at)));
        match texts {
            Some((texts, at))
                if is_text(&texts) && texts.get("en").and_then(Value::as_str) == Some(english) =>
            {
                let now = texts
                    .get(&language)
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                if !translated.is_empty() && translated != now {
                    ops.push(Op::Put {
                        at: at.key(&language),
                        value: Some(Value::String(translated.to_owned())),
                    });
                }
            }
            _ => left_out += 1,
        }
    }
    Ok(Imported {
        language,
        ops,
        left_out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn survey() -> Value {
        json!({
            "title": {"en": "Survey", "de": "Umfrage"},
            "id": "s",
            "areas": [{"id": "brand", "title": {"en": "Brand"}, "elements": [
                {"id": "reach", "label": {"en": "Reach, \"wide\"", "de": " "}}
            ]}],
            "ratings": {"importance": {"question": {"partner": {"en": "How important?", "de": "Wie wichtig?"}}}}
        })
    }

    #[test]
    fn every_text_is_found_with_its_place() {
        let value = survey();
        let places: Vec<String> = text_places(&value)
            .iter()
            .map(|(at, _)| at.to_string())
            .collect();
        assert_eq!(
            places,
            [
                "title",
                "ratings.importance.question.partner",
                "areas[0].title",
                "areas[0].elements[0].label"
            ]
        );
        // German: the title and the question; a blank text is missing.
        assert_eq!(completeness(&value, "de"), (2, 4));
        assert_eq!(completeness(&value, "en"), (4, 4));
    }

    #[test]
    fn a_language_goes_out_as_csv_and_comes_back_as_one_edit() {
        let value = survey();
        let csv = export_csv(&value, "de");
        assert_eq!(
            csv,
            "place,en,de\ntitle,Survey,Umfrage\nratings.importance.question.partner,How important?,Wie wichtig?\nareas[0].title,Brand,\nareas[0].elements[0].label,\"Reach, \"\"wide\"\"\", \n"
        );
        let translated = csv
            .replace("areas[0].title,Brand,", "areas[0].title,Brand,Marke")
            .replace("\"\"\", \n", "\"\"\",Reichweite\n")
            .replace(
                "How important?,Wie wichtig?",
                "How important?,Wie wichtig ist das?",
            );
        let imported = import_csv(
            &value,
            &format!("\u{feff}{translated}areas[9].title,Gone,Weg\ntitle,Old title,Alt\n"),
        )
        .unwrap();
        assert_eq!(imported.language, "de");
        assert_eq!(imported.left_out, 2);
        let places: Vec<String> = imported
            .ops
            .iter()
            .map(|op| match op {
                Op::Put { at, value } => format!("{at}={}", value.as_ref().unwrap()),
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            places,
            [
                "ratings.importance.question.partner.de=\"Wie wichtig ist das?\"",
                "areas[0].title.de=\"Marke\"",
                "areas[0].elements[0].label.de=\"Reichweite\""
            ]
        );
    }

    #[test]
    fn a_file_that_is_not_a_translation_is_refused() {
        let value = survey();
        assert_eq!(
            import_csv(&value, "a,b,c\n"),
            Err(TranslationProblem::NoHeader)
        );
        assert_eq!(
            import_csv(&value, "place,en,en\n"),
            Err(TranslationProblem::NoHeader)
        );
        let huge = "x".repeat(MAX_CSV_BYTES + 1);
        assert_eq!(
            import_csv(&value, &huge),
            Err(TranslationProblem::TooLarge(MAX_CSV_BYTES + 1))
        );
        assert_eq!(
            parse_place("areas[2].elements[10].label")
                .map(|p| p.to_string())
                .as_deref(),
            Some("areas[2].elements[10].label")
        );
        assert_eq!(parse_place("areas[x]"), None);
        assert_eq!(parse_place(".title"), None);
    }
}
