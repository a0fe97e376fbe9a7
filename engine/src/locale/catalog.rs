//! A language's file of UI strings (web/locales/<code>.json), read and checked against the
//! English one. The web crate's build script runs this on every file, so a missing key, a
//! placeholder that differs or a bad setting stops the build with the file and key named; the
//! same check runs in host tests. Translators edit plain JSON that their tools read.

use super::clock::Clock;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The language every other one is checked against, and the default.
pub const REFERENCE: &str = "en";

/// The most a language file may hold: ten times today's English file.
pub const MAX_BYTES: usize = 256 * 1024;

/// One language's file.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub locale: Settings,
    /// The partner app's strings, by key.
    pub app: BTreeMap<String, String>,
    /// The vendor dashboard's strings, by key (only the dashboard's wasm holds them).
    pub dashboard: BTreeMap<String, String>,
    /// What the survey reader finds wrong in a survey file, by key: words for the survey's
    /// author, which the partner's first module does not carry.
    #[serde(default)]
    pub survey_file: BTreeMap<String, String>,
    /// The survey editor's strings, by key (only the editor's wasm holds them).
    #[serde(default)]
    pub editor: BTreeMap<String, String>,
}

/// How the language is written and named.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The language's name in itself, for the language menu ("Deutsch", "العربية").
    pub name: String,
    pub direction: Direction,
    /// The decimal mark.
    pub decimal: char,
    /// The thousands separator.
    pub group: String,
    pub clock: ClockSetting,
    /// Before a negative number (CLDR's minusSign): "-", or in a right-to-left language
    /// "\u200e-", whose left-to-right mark keeps the sign left of the digits.
    #[serde(default = "minus")]
    pub minus: String,
    /// Before a positive number shown with its sign, such as a change (CLDR's plusSign).
    #[serde(default = "plus")]
    pub plus: String,
}

fn minus() -> String {
    "-".to_owned()
}

fn plus() -> String {
    "+".to_owned()
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
pub enum ClockSetting {
    #[serde(rename = "12h")]
    TwelveHour,
    #[serde(rename = "24h")]
    TwentyFourHour,
}

impl From<ClockSetting> for Clock {
    fn from(setting: ClockSetting) -> Clock {
        match setting {
            ClockSetting::TwelveHour => Clock::TwelveHour,
            ClockSetting::TwentyFourHour => Clock::TwentyFourHour,
        }
    }
}

/// What is wrong with a language file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogProblem {
    /// The file name is not a language code (two or three lowercase letters, as "fr").
    BadCode,
    TooLarge(usize),
    /// Not JSON of the expected shape; the parser's message.
    Unreadable(String),
    /// The language's name is blank, or a separator is empty or longer than a few characters.
    BadSetting(&'static str),
    /// A key that is not lowercase letters, digits and underscores, starting with a letter.
    BadKey {
        section: &'static str,
        key: String,
    },
    /// A key of the English file that this one lacks.
    Missing {
        section: &'static str,
        key: String,
    },
    /// A key that the English file does not have (a typo, or one removed from English).
    Unknown {
        section: &'static str,
        key: String,
    },
    Blank {
        section: &'static str,
        key: String,
    },
    /// `{name}` placeholders that differ from the English text's.
    Placeholders {
        section: &'static str,
        key: String,
        expected: BTreeSet<String>,
        found: BTreeSet<String>,
    },
}

impl fmt::Display for CatalogProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogProblem::BadCode => {
                write!(f, "the file name must be a language code such as fr.json")
            }
            CatalogProblem::TooLarge(bytes) => {
                write!(f, "{bytes} bytes; a language file may hold {MAX_BYTES}")
            }
            CatalogProblem::Unreadable(detail) => write!(f, "not a language file: {detail}"),
            CatalogProblem::BadSetting(name) => write!(f, "locale.{name} is blank or too long"),
            CatalogProblem::BadKey { section, key } => write!(
                f,
                "{section}.{key:?} is not a key: use lowercase letters, digits and underscores"
            ),
            CatalogProblem::Missing { section, key } => {
                write!(f, "{section}.{key} is missing: translate the English text")
            }
            CatalogProblem::Unknown { section, key } => {
                write!(
                    f,
                    "{section}.{key} is not in en.json: remove it or add it there"
                )
            }
            CatalogProblem::Blank { section, key } => write!(f, "{section}.{key} is blank"),
            CatalogProblem::Placeholders {
                section,
                key,
                expected,
                found,
            } => write!(
                f,
                "{section}.{key} has placeholders {found:?}; the English text has {expected:?}"
            ),
        }
    }
}

/// The `{name}` placeholders of a text.
pub fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .map(str::to_owned)
        .collect()
}

/// A key becomes a Rust field name, so it is an identifier.
fn is_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Reads the file of the language `code` (its file name without `.json`).
pub fn read(code: &str, text: &str) -> Result<Catalog, CatalogProblem> {
    let valid_code = (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase());
    if !valid_code {
        return Err(CatalogProblem::BadCode);
    }
    if text.len() > MAX_BYTES {
        return Err(CatalogProblem::TooLarge(text.len()));
    }
    let catalog: Catalog = serde_json::from_str(text)
        .map_err(|error| CatalogProblem::Unreadable(error.to_string()))?;
    let settings = &catalog.locale;
    if settings.name.trim().is_empty() {
        return Err(CatalogProblem::BadSetting("name"));
    }
    if settings.group.is_empty() || settings.group.chars().count() > 3 {
        return Err(CatalogProblem::BadSetting("group"));
    }
    // A sign is a sign, perhaps with a mark before it: anything longer would be a mistake.
    let sign = |text: &str, mark: char| text.ends_with(mark) && text.chars().count() <= 3;
    if !sign(&settings.minus, '-') && !sign(&settings.minus, '\u{2212}') {
        return Err(CatalogProblem::BadSetting("minus"));
    }
    if !sign(&settings.plus, '+') {
        return Err(CatalogProblem::BadSetting("plus"));
    }
    for (section, strings) in [
        ("app", &catalog.app),
        ("dashboard", &catalog.dashboard),
        ("survey_file", &catalog.survey_file),
        ("editor", &catalog.editor),
    ] {
        if let Some(key) = strings.keys().find(|key| !is_key(key)) {
            let key = key.clone();
            return Err(CatalogProblem::BadKey { section, key });
        }
    }
    Ok(catalog)
}

/// Everything `other` lacks or has wrong, measured against the English `reference`.
pub fn compare(reference: &Catalog, other: &Catalog) -> Vec<CatalogProblem> {
    let mut problems = Vec::new();
    for (section, theirs, ours) in [
        ("app", &reference.app, &other.app),
        ("dashboard", &reference.dashboard, &other.dashboard),
        ("survey_file", &reference.survey_file, &other.survey_file),
        ("editor", &reference.editor, &other.editor),
    ] {
        for (key, english) in theirs {
            let key = key.clone();
            match ours.get(&key) {
                None => problems.push(CatalogProblem::Missing { section, key }),
                Some(text) if text.trim().is_empty() => {
                    problems.push(CatalogProblem::Blank { section, key })
                }
                Some(text) => {
                    let (expected, found) = (placeholders(english), placeholders(text));
                    if expected != found {
                        problems.push(CatalogProblem::Placeholders {
                            section,
                            key,
                            expected,
                            found,
                        });
                    }
                }
            }
        }
        for key in ours.keys().filter(|key| !theirs.contains_key(*key)) {
            problems.push(CatalogProblem::Unknown {
                section,
                key: key.clone(),
            });
        }
    }
    problems
}

/// Reads every language's file, given as (code, text), and checks each against English. The
/// languages come back English first, then by code; the problems, each naming its file, when
/// any file has one.
pub fn read_all(files: Vec<(String, String)>) -> Result<Vec<(String, Catalog)>, Vec<String>> {
    let mut catalogs = BTreeMap::new();
    let mut problems = Vec::new();
    for (code, text) in files {
        match read(&code, &text) {
            Ok(catalog) => {
                catalogs.insert(code, catalog);
            }
            Err(problem) => problems.push(format!("{code}.json: {problem}")),
        }
    }
    let Some(reference) = catalogs.remove(REFERENCE) else {
        problems.push(format!("{REFERENCE}.json is missing"));
        return Err(problems);
    };
    for (code, catalog) in &catalogs {
        problems.extend(
            compare(&reference, catalog)
                .iter()
                .map(|problem| format!("{code}.json: {problem}")),
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(std::iter::once((REFERENCE.to_owned(), reference))
        .chain(catalogs)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(app: &str) -> String {
        format!(
            r#"{{"locale": {{"name": "Test", "direction": "ltr", "decimal": ",", "group": ".", "clock": "24h"}},
                "app": {app}, "dashboard": {{"title": "Dashboard"}}}}"#
        )
    }

    #[test]
    fn placeholders_are_the_braced_lowercase_names() {
        let found = placeholders("Page {page} of {pages}, {Not} {} {a-b} {count}");
        assert_eq!(
            found,
            BTreeSet::from(["page".into(), "pages".into(), "count".into()])
        );
    }

    #[test]
    fn a_complete_translation_has_no_problems() {
        let english = read(
            "en",
            &file(r#"{"next": "Next", "page_of": "Page {page} of {pages}"}"#),
        )
        .unwrap();
        let other = read(
            "fr",
            &file(r#"{"next": "Suivant", "page_of": "{pages} : page {page}"}"#),
        )
        .unwrap();
        assert_eq!(compare(&english, &other), vec![]);
        assert_eq!(other.locale.clock, ClockSetting::TwentyFourHour);
        assert_eq!(other.locale.decimal, ',');
    }

    #[test]
    fn missing_unknown_blank_and_changed_placeholders_are_each_named() {
        let english = read(
            "en",
            &file(
                r#"{"next": "Next", "previous": "Previous", "page_of": "Page {page} of {pages}"}"#,
            ),
        )
        .unwrap();
        let other = read(
            "fr",
            &file(r#"{"next": " ", "page_of": "Page {page} sur {total}", "nxt": "Suivant"}"#),
        )
        .unwrap();
        let problems: Vec<String> = compare(&english, &other)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            vec![
                "app.next is blank",
                "app.page_of has placeholders {\"page\", \"total\"}; the English text has {\"page\", \"pages\"}",
                "app.previous is missing: translate the English text",
                "app.nxt is not in en.json: remove it or add it there",
            ]
        );
    }

    #[test]
    fn the_survey_file_words_are_checked_like_the_rest() {
        let with = |words: &str| {
            file("{}").replace(
                "\"dashboard\"",
                &format!("\"survey_file\": {words}, \"dashboard\""),
            )
        };
        let english = read("en", &with(r#"{"finding_empty": "must not be empty"}"#)).unwrap();
        let other = read("fr", &file("{}")).unwrap();
        assert_eq!(
            compare(&english, &other),
            vec![CatalogProblem::Missing {
                section: "survey_file",
                key: "finding_empty".into()
            }]
        );
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        assert_eq!(read("French", &file("{}")), Err(CatalogProblem::BadCode));
        assert_eq!(read("f1", &file("{}")), Err(CatalogProblem::BadCode));
        assert!(matches!(
            read("fr", "{\"locale\": 1}"),
            Err(CatalogProblem::Unreadable(_))
        ));
        let unknown_setting = file("{}").replace("\"clock\": \"24h\"", "\"clock\": \"25h\"");
        assert!(matches!(
            read("fr", &unknown_setting),
            Err(CatalogProblem::Unreadable(_))
        ));
        let long_minus = file("{}").replace("\"clock\"", "\"minus\": \"minus\", \"clock\"");
        assert_eq!(
            read("fr", &long_minus),
            Err(CatalogProblem::BadSetting("minus"))
        );
        let no_plus = file("{}").replace("\"clock\"", "\"plus\": \"\", \"clock\"");
        assert_eq!(
            read("fr", &no_plus),
            Err(CatalogProblem::BadSetting("plus"))
        );
        let blank_name = file("{}").replace("\"Test\"", "\" \"");
        assert_eq!(
            read("fr", &blank_name),
            Err(CatalogProblem::BadSetting("name"))
        );
        let bad_key = read("fr", &file(r#"{"next page": "Suivant"}"#));
        let key = "next page".to_owned();
        assert_eq!(
            bad_key,
            Err(CatalogProblem::BadKey {
                section: "app",
                key
            })
        );
        let huge = " ".repeat(MAX_BYTES + 1);
        assert_eq!(
            read("fr", &huge),
            Err(CatalogProblem::TooLarge(MAX_BYTES + 1))
        );
    }

    #[test]
    fn all_files_come_back_english_first_or_every_problem_named() {
        let files = |list: &[(&str, &str)]| {
            list.iter()
                .map(|(code, app)| (code.to_string(), file(app)))
                .collect::<Vec<_>>()
        };
        let read = read_all(files(&[
            ("fr", r#"{"next": "Suivant"}"#),
            ("en", r#"{"next": "Next"}"#),
        ]));
        let codes: Vec<String> = read.unwrap().into_iter().map(|(code, _)| code).collect();
        assert_eq!(codes, ["en", "fr"]);
        let problems = read_all(files(&[
            ("en", r#"{"next": "Next"}"#),
            ("de", "{}"),
            ("Fr", "{}"),
        ]))
        .unwrap_err();
        assert_eq!(
            problems,
            [
                "Fr.json: the file name must be a language code such as fr.json",
                "de.json: app.next is missing: translate the English text",
            ]
        );
        assert_eq!(
            read_all(files(&[("de", "{}")])).unwrap_err(),
            ["en.json is missing"]
        );
    }
}
