//! What can be wrong at one place in a survey file, as data: the CLI prints it in English
//! through `Display`, and the app words it in the user's language.

use crate::survey::definition::{FORMAT_MAJOR, FORMAT_MINOR};
use crate::survey::load::{MAX_ERRORS, MAX_ID_LEN, MAX_SURVEY_BYTES, SCALE_LIMIT};
use std::fmt;

/// A kind of JSON value: what a key holds, or what it must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    Flag,
    Number,
    WholeNumber,
    Text,
    List,
    Object,
    /// An object of texts by language code.
    Texts,
}

impl Kind {
    /// The English words for the kind, as `partnerlens check` prints them.
    pub fn english(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Flag => "true or false",
            Kind::Number => "a number",
            Kind::WholeNumber => "a whole number",
            Kind::Text => "a string",
            Kind::List => "a list",
            Kind::Object => "an object",
            Kind::Texts => "an object of texts by locale, such as {\"en\": \"...\"}",
        }
    }
}

/// One thing wrong with a survey file. Quoted values are already cut to a message's length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// The file is larger than a survey may be.
    TooLarge {
        bytes: usize,
    },
    NotUtf8 {
        line: usize,
        column: usize,
    },
    /// The JSON parser's own words (English) and where it stopped.
    NotJson {
        detail: String,
        line: usize,
        column: usize,
    },
    NotAnObject,
    VersionNotText,
    VersionMissing,
    VersionMalformed {
        version: String,
    },
    /// A major version this app does not read.
    OtherMajor {
        version: String,
        major: u32,
    },
    /// A minor version newer than this app's.
    NewerMinor {
        version: String,
    },
    WrongKind {
        expected: Kind,
        found: Kind,
    },
    UnknownKey,
    Missing,
    /// A word outside a fixed list, such as the question a `show_if` names.
    NotOneOf {
        allowed: &'static str,
    },
    ScaleOrder {
        min: i32,
        max: i32,
    },
    ScaleLimits,
    LabelOutsideScale {
        value: i32,
        min: i32,
        max: i32,
    },
    NoAreas,
    NoElements,
    NoFunctions,
    NoTypes,
    NotTwoSides,
    Currency {
        code: String,
    },
    FewLevels,
    /// Categories by five-Cs score, in a survey without that section.
    NoFiveCs,
    BandMin {
        value: String,
    },
    /// The anonymity threshold is not a whole number of 1 or more.
    MinGroupSize {
        value: String,
    },
    Empty,
    IdEmpty,
    IdMalformed {
        id: String,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    DuplicateChoice {
        id: String,
    },
    NoEnglish,
    Weight {
        value: String,
    },
    EmptyCondition,
    UnknownChoice {
        choice: String,
        known: String,
    },
    /// More problems than are listed.
    TooMany,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (major, minor) = (FORMAT_MAJOR, FORMAT_MINOR);
        match self {
            Finding::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes; a survey may be at most 1 MB ({MAX_SURVEY_BYTES} bytes). \
                 Remove unused translations or split the survey."
            ),
            Finding::NotUtf8 { line, column } => write!(
                f,
                "the file is not valid UTF-8 (line {line}, column {column}). Save it as UTF-8."
            ),
            Finding::NotJson {
                detail,
                line,
                column,
            } => write!(
                f,
                "the file is not valid JSON: {detail} (line {line}, column {column})"
            ),
            Finding::NotAnObject => {
                f.write_str("a survey file must hold one JSON object, starting with {")
            }
            Finding::VersionNotText => f.write_str("must be a string such as \"1.0\""),
            Finding::VersionMissing => f.write_str("missing; add \"format_version\": \"1.0\""),
            Finding::VersionMalformed { version } => write!(
                f,
                "\"{version}\" is not of the form major.minor, such as \"1.0\""
            ),
            Finding::OtherMajor { version, major: theirs } => write!(
                f,
                "this survey uses format {version}, but this app reads format {major}.x only. \
                 Use an app version made for format {theirs}, or convert the survey."
            ),
            Finding::NewerMinor { version } => write!(
                f,
                "this survey uses format {version}, newer than the {major}.{minor} this app \
                 knows. Update the app, or remove the newer keys and set {major}.{minor}."
            ),
            Finding::WrongKind { expected, found } => write!(
                f,
                "must be {}, not {}",
                expected.english(),
                found.english()
            ),
            Finding::UnknownKey => {
                f.write_str("unknown key; check its spelling against docs/survey-format.md")
            }
            Finding::Missing => f.write_str("missing; this key is required"),
            Finding::NotOneOf { allowed } => write!(f, "must be one of {allowed}"),
            Finding::ScaleOrder { min, max } => {
                write!(f, "min ({min}) must be lower than max ({max})")
            }
            Finding::ScaleLimits => write!(
                f,
                "min and max must lie between 0 and {SCALE_LIMIT}, such as 1-5, 1-7 or 0-10"
            ),
            Finding::LabelOutsideScale { value, min, max } => {
                write!(f, "{value} is outside the scale {min}-{max}")
            }
            Finding::NoAreas => f.write_str("a survey needs at least one area"),
            Finding::NoElements => f.write_str("an area needs at least one element"),
            Finding::NoFunctions => f.write_str("list at least one partner function"),
            Finding::NoTypes => f.write_str("list at least one partner type"),
            Finding::NotTwoSides => {
                f.write_str("must list exactly the two sides, \"partner\" and \"vendor\"")
            }
            Finding::Currency { code } => write!(
                f,
                "\"{code}\" is not a three-letter currency code such as \"USD\""
            ),
            Finding::FewLevels => f.write_str("list at least two maturity levels, lowest first"),
            Finding::NoFiveCs => {
                f.write_str("grouping by five-Cs score needs a sections.five_cs section")
            }
            Finding::BandMin { value } => write!(f, "{value} is not a score from 0 to 100"),
            Finding::MinGroupSize { value } => write!(
                f,
                "{value} is not a group size; use a whole number of 1 or more"
            ),
            Finding::Empty => f.write_str("must not be empty"),
            Finding::IdEmpty => f.write_str("the id is empty"),
            Finding::IdMalformed { id } => write!(
                f,
                "\"{id}\" is not a valid id: use up to {MAX_ID_LEN} lowercase letters, digits, \
                 '_', '-' or '.', starting with a letter or digit"
            ),
            Finding::DuplicateId { id, first } => {
                write!(f, "duplicate id \"{id}\", already used at {first}")
            }
            Finding::DuplicateChoice { id } => {
                write!(f, "duplicate choice id \"{id}\" in this list")
            }
            Finding::NoEnglish => {
                f.write_str("missing English text; every text needs an \"en\" entry")
            }
            Finding::Weight { value } => {
                write!(f, "{value} is not a valid weight; use a number of 0 or more")
            }
            Finding::EmptyCondition => {
                f.write_str("give any_of or none_of, with at least one choice")
            }
            Finding::UnknownChoice { choice, known } => write!(
                f,
                "\"{choice}\" is not a choice of this question; known: {known}"
            ),
            Finding::TooMany => write!(
                f,
                "more problems were found than the {MAX_ERRORS} listed; fix these first, then check \
                 the file again"
            ),
        }
    }
}
