//! The one validating loader for survey files, used by the app, the CLI and the tests.
//!
//! It never panics: every problem becomes a `SurveyError` naming the JSON path of the bad
//! field, and all problems that can be found are reported together.

use crate::survey::definition::{
    Categories, ChoiceField, Condition, Element, Item, ProfileQuestion, Survey, FORMAT_MAJOR,
    FORMAT_MINOR,
};
use crate::survey::finding::Finding;
use crate::survey::reader::{read_survey, Reader};
use crate::survey::text::{Side, SidedText, Text};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Larger survey files are refused before parsing.
pub const MAX_SURVEY_BYTES: usize = 1024 * 1024;
/// Ids appear in share links and CSV headers, so they are kept short and plain.
pub const MAX_ID_LEN: usize = 64;
/// Scale points must lie in 0..=100: importance weighs the index, so it cannot be negative,
/// and a wider range is a typo, not a rating scale.
pub const SCALE_LIMIT: i32 = 100;

/// At most this many problems are reported, then one line says there are more: a file with
/// more is fixed in rounds anyway, and a crafted file must not produce megabytes of messages.
pub const MAX_ERRORS: usize = 50;
/// Values quoted in a message (an id, a choice, a key) are cut to this many characters.
const QUOTE_CHARS: usize = 40;

/// A value cut to a length that fits a message.
pub(crate) fn clip(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]).into(),
        None => text.into(),
    }
}

/// Adds a problem unless `MAX_ERRORS` are listed already; the first one past them says so.
pub(crate) fn push_error(errors: &mut Vec<SurveyError>, path: &str, finding: Finding) {
    match errors.len() {
        n if n < MAX_ERRORS => errors.push(SurveyError {
            path: path.to_owned(),
            finding,
        }),
        MAX_ERRORS => errors.push(SurveyError {
            path: String::new(),
            finding: Finding::TooMany,
        }),
        _ => {}
    }
}

/// One problem in a survey file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveyError {
    /// JSON path of the bad field, e.g. `areas[2].elements[4].id`; empty for the whole file.
    pub path: String,
    pub finding: Finding,
}

impl fmt::Display for SurveyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.finding)
        } else {
            write!(f, "{}: {}", self.path, self.finding)
        }
    }
}

/// Every problem found in a survey file, in file order as far as possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveyErrors(pub Vec<SurveyError>);

impl fmt::Display for SurveyErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SurveyErrors {}

fn whole_file(finding: Finding) -> SurveyErrors {
    SurveyErrors(vec![SurveyError {
        path: String::new(),
        finding,
    }])
}

/// Parses and validates a survey file.
pub fn load_survey(bytes: &[u8]) -> Result<Survey, SurveyErrors> {
    if bytes.len() > MAX_SURVEY_BYTES {
        return Err(whole_file(Finding::TooLarge { bytes: bytes.len() }));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let (line, column) = line_column(bytes, error.valid_up_to());
        whole_file(Finding::NotUtf8 { line, column })
    })?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
        whole_file(Finding::NotJson {
            detail: strip_position(&error.to_string()).to_owned(),
            line: error.line(),
            column: error.column(),
        })
    })?;
    check_value(&value)
}

/// Validates a survey already parsed from JSON, such as the survey editor's draft.
pub fn check_value(value: &serde_json::Value) -> Result<Survey, SurveyErrors> {
    check_format_version(value)?;
    let mut reader = Reader::default();
    let survey = read_survey(&mut reader, value);
    let mut errors = reader.errors;
    if reader.broken {
        return Err(SurveyErrors(errors));
    }
    for error in validate(&survey) {
        push_error(&mut errors, &error.path, error.finding);
    }
    if errors.is_empty() {
        Ok(survey)
    } else {
        Err(SurveyErrors(errors))
    }
}

/// serde_json appends " at line L column C"; the loader states the position its own way.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |at| &message[..at])
}

fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |newline| newline + 1);
    (line, offset - line_start + 1)
}

/// Refuses unknown major versions before anything else, so that a newer file gets one
/// clear message instead of a list of "unknown key" errors.
fn check_format_version(value: &serde_json::Value) -> Result<(), SurveyErrors> {
    let field = |finding: Finding| {
        SurveyErrors(vec![SurveyError {
            path: "format_version".into(),
            finding,
        }])
    };
    let Some(object) = value.as_object() else {
        return Err(whole_file(Finding::NotAnObject));
    };
    let version = match object.get("format_version") {
        Some(serde_json::Value::String(version)) => version,
        Some(_) => return Err(field(Finding::VersionNotText)),
        None => return Err(field(Finding::VersionMissing)),
    };
    let parsed = version
        .split_once('.')
        .and_then(|(major, minor)| Some((major.parse::<u32>().ok()?, minor.parse::<u32>().ok()?)));
    match parsed {
        None => Err(field(Finding::VersionMalformed {
            version: clip(version).into_owned(),
        })),
        Some((major, _)) if major != FORMAT_MAJOR => Err(field(Finding::OtherMajor {
            version: clip(version).into_owned(),
            major,
        })),
        Some((_, minor)) if minor > FORMAT_MINOR => {
            // A newer minor version may add keys this app does not know; say so up front.
            Err(field(Finding::NewerMinor {
                version: clip(version).into_owned(),
            }))
        }
        Some(_) => Ok(()),
    }
}

/// The checks beyond the shape of the file. Public so that a survey built in code can be checked too.
pub fn validate(survey: &Survey) -> Vec<SurveyError> {
    let mut check = Checker::default();
    check.id("id", &survey.id, false);
    check.text("title", &survey.title);
    check.optional_text("description", &survey.description);

    let scale = &survey.scale;
    if scale.min >= scale.max {
        check.error(
            "scale",
            Finding::ScaleOrder {
                min: scale.min,
                max: scale.max,
            },
        );
    } else if scale.min < 0 || scale.max > SCALE_LIMIT {
        check.error("scale", Finding::ScaleLimits);
    }
    // Label values are only worth checking against a scale that makes sense.
    let labels = if scale.min < scale.max {
        &scale.labels[..]
    } else {
        &[]
    };
    for (i, label) in labels.iter().enumerate() {
        let path = format!("scale.labels[{i}]");
        if !scale.contains(label.value) {
            check.error(
                &format!("{path}.value"),
                Finding::LabelOutsideScale {
                    value: label.value,
                    min: scale.min,
                    max: scale.max,
                },
            );
        }
        check.text(&format!("{path}.text"), &label.text);
    }
    for (name, prompt) in [
        ("importance", &survey.ratings.importance),
        ("performance", &survey.ratings.performance),
    ] {
        check.text(&format!("ratings.{name}.label"), &prompt.label);
        check.sided(&format!("ratings.{name}.question"), &prompt.question);
    }

    check_profile(&mut check, survey);

    if survey.areas.is_empty() {
        check.error("areas", Finding::NoAreas);
    }
    for (i, area) in survey.areas.iter().enumerate() {
        let path = format!("areas[{i}]");
        check.id(&format!("{path}.id"), &area.id, true);
        check.text(&format!("{path}.title"), &area.title);
        check.optional_text(&format!("{path}.description"), &area.description);
        check.weight(&format!("{path}.weight"), area.weight);
        check.conditions(&format!("{path}.show_if"), &area.show_if, survey);
        if area.elements.is_empty() {
            check.error(&format!("{path}.elements"), Finding::NoElements);
        }
        check.elements(&format!("{path}.elements"), &area.elements, survey);
    }

    check_sections(&mut check, survey);
    check_categories(&mut check, survey);
    check.errors
}

fn check_profile(check: &mut Checker, survey: &Survey) {
    let profile = &survey.profile;
    for (name, field) in [
        ("partner_name", &profile.partner_name),
        ("wave", &profile.wave),
    ] {
        check.text(&format!("profile.{name}.label"), &field.label);
        check.optional_text(&format!("profile.{name}.help"), &field.help);
    }
    let types = &profile.partner_type;
    check.text("profile.partner_type.label", &types.label);
    check.optional_text("profile.partner_type.help", &types.help);
    if types.functions.is_empty() {
        check.error("profile.partner_type.functions", Finding::NoFunctions);
    }
    let mut type_ids = HashSet::new();
    let mut function_ids = HashSet::new();
    for (i, function) in types.functions.iter().enumerate() {
        let path = format!("profile.partner_type.functions[{i}]");
        check.choice_id(&format!("{path}.id"), &function.id, &mut function_ids);
        check.text(&format!("{path}.label"), &function.label);
        check.optional_text(&format!("{path}.primary_value"), &function.primary_value);
        check.optional_text(&format!("{path}.management"), &function.management);
        if function.types.is_empty() {
            check.error(&format!("{path}.types"), Finding::NoTypes);
        }
        for (j, kind) in function.types.iter().enumerate() {
            check.choice_id(&format!("{path}.types[{j}].id"), &kind.id, &mut type_ids);
            check.text(&format!("{path}.types[{j}].label"), &kind.label);
        }
    }
    for (name, field) in [
        ("region", &profile.region),
        ("program_tier", &profile.program_tier),
        ("side", &profile.side),
    ] {
        check.choice_field(&format!("profile.{name}"), field);
    }
    let sides = ids(&profile.side);
    if sides.len() != 2 || !Side::ALL.iter().all(|side| sides.contains(&side.id())) {
        check.error("profile.side.choices", Finding::NotTwoSides);
    }
    if let Some(revenue) = &profile.revenue {
        let code = &revenue.currency;
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            check.error(
                "profile.revenue.currency",
                Finding::Currency {
                    code: clip(code).into_owned(),
                },
            );
        }
        for (name, field) in [
            ("current", &revenue.current),
            ("potential", &revenue.potential),
        ] {
            check.text(&format!("profile.revenue.{name}.label"), &field.label);
            check.optional_text(&format!("profile.revenue.{name}.help"), &field.help);
        }
    }
}

fn check_sections(check: &mut Checker, survey: &Survey) {
    let sections = &survey.sections;
    for (name, section) in [
        ("five_cs", &sections.five_cs),
        ("proposition", &sections.proposition),
    ] {
        let Some(section) = section else { continue };
        let path = format!("sections.{name}");
        check.text(&format!("{path}.title"), &section.title);
        check.optional_text(&format!("{path}.description"), &section.description);
        check.conditions(&format!("{path}.show_if"), &section.show_if, survey);
        check.non_empty(&format!("{path}.dimensions"), section.dimensions.len());
        for (i, dimension) in section.dimensions.iter().enumerate() {
            let path = format!("{path}.dimensions[{i}]");
            check.id(&format!("{path}.id"), &dimension.id, true);
            check.text(&format!("{path}.label"), &dimension.label);
            check.optional_text(&format!("{path}.description"), &dimension.description);
            check.weight(&format!("{path}.weight"), dimension.weight);
            check.non_empty(&format!("{path}.items"), dimension.items.len());
            check.items(&format!("{path}.items"), &dimension.items);
        }
    }
    if let Some(journey) = &sections.journey {
        check.text("sections.journey.title", &journey.title);
        check.optional_text("sections.journey.description", &journey.description);
        check.conditions("sections.journey.show_if", &journey.show_if, survey);
        check.non_empty("sections.journey.phases", journey.phases.len());
        for (i, phase) in journey.phases.iter().enumerate() {
            let path = format!("sections.journey.phases[{i}]");
            check.id(&format!("{path}.id"), &phase.id, true);
            check.text(&format!("{path}.label"), &phase.label);
            check.optional_text(&format!("{path}.description"), &phase.description);
            check.non_empty(&format!("{path}.criteria"), phase.criteria.len());
            check.items(&format!("{path}.criteria"), &phase.criteria);
        }
    }
    if let Some(maturity) = &sections.maturity {
        check.text("sections.maturity.title", &maturity.title);
        check.optional_text("sections.maturity.description", &maturity.description);
        check.conditions("sections.maturity.show_if", &maturity.show_if, survey);
        if maturity.levels.len() < 2 {
            check.error("sections.maturity.levels", Finding::FewLevels);
        }
        let mut level_ids = HashSet::new();
        for (i, level) in maturity.levels.iter().enumerate() {
            let path = format!("sections.maturity.levels[{i}]");
            check.choice_id(&format!("{path}.id"), &level.id, &mut level_ids);
            check.text(&format!("{path}.label"), &level.label);
        }
        check.non_empty("sections.maturity.processes", maturity.processes.len());
        check.items("sections.maturity.processes", &maturity.processes);
    }
    if let Some(principles) = &sections.principles {
        check.text("sections.principles.title", &principles.title);
        check.optional_text("sections.principles.description", &principles.description);
        check.conditions("sections.principles.show_if", &principles.show_if, survey);
        check.non_empty("sections.principles.elements", principles.elements.len());
        check.elements("sections.principles.elements", &principles.elements, survey);
    }
    if let Some(overall) = &sections.overall {
        check.text("sections.overall.title", &overall.title);
        check.optional_text("sections.overall.description", &overall.description);
        check.conditions("sections.overall.show_if", &overall.show_if, survey);
        check.non_empty("sections.overall", survey.overall_items().count());
        for (key, item) in [
            ("recommend", &overall.recommend),
            ("satisfaction", &overall.satisfaction),
        ] {
            if let Some(item) = item {
                let path = format!("sections.overall.{key}");
                check.id(&format!("{path}.id"), &item.id, true);
                check.sided(&format!("{path}.text"), &item.text);
            }
        }
    }
}

fn check_categories(check: &mut Checker, survey: &Survey) {
    let Categories::FiveCsScore { bands } = &survey.categories else {
        return;
    };
    if survey.sections.five_cs.is_none() {
        check.error("categories", Finding::NoFiveCs);
    }
    check.non_empty("categories.bands", bands.len());
    let mut band_ids = HashSet::new();
    for (i, band) in bands.iter().enumerate() {
        let path = format!("categories.bands[{i}]");
        check.choice_id(&format!("{path}.id"), &band.id, &mut band_ids);
        check.text(&format!("{path}.label"), &band.label);
        if !band.min.is_finite() || !(0.0..=100.0).contains(&band.min) {
            check.error(
                &format!("{path}.min"),
                Finding::BandMin {
                    value: number(band.min),
                },
            );
        }
    }
}

/// The choices a condition on one profile question may name.
struct Known {
    set: HashSet<String>,
    /// The first few, for a message.
    listed: String,
}

impl Known {
    /// Choices a message lists before it says there are more.
    const LISTED: usize = 10;

    fn of(survey: &Survey, question: ProfileQuestion) -> Known {
        let profile = &survey.profile;
        let ids: Vec<&str> = match question {
            ProfileQuestion::PartnerFunction => profile
                .partner_type
                .functions
                .iter()
                .map(|f| f.id.as_str())
                .collect(),
            ProfileQuestion::PartnerType => profile
                .partner_type
                .functions
                .iter()
                .flat_map(|f| f.types.iter().map(|t| t.id.as_str()))
                .collect(),
            ProfileQuestion::Region => ids(&profile.region),
            ProfileQuestion::ProgramTier => ids(&profile.program_tier),
            ProfileQuestion::Side => ids(&profile.side),
        };
        let mut listed: Vec<String> = ids
            .iter()
            .take(Self::LISTED)
            .map(|id| clip(id).into_owned())
            .collect();
        if ids.len() > Self::LISTED {
            listed.push("…".to_owned());
        }
        Known {
            set: ids.iter().map(|id| (*id).to_owned()).collect(),
            listed: listed.join(", "),
        }
    }
}

#[derive(Default)]
struct Checker {
    errors: Vec<SurveyError>,
    /// Survey-wide ids (areas, elements, items, ...) and where each was first seen.
    ids: HashMap<String, String>,
    /// The choices conditions may name, per profile question, once needed.
    known: [Option<Known>; 5],
}

impl Checker {
    fn error(&mut self, path: &str, finding: Finding) {
        push_error(&mut self.errors, path, finding);
    }

    fn non_empty(&mut self, path: &str, len: usize) {
        if len == 0 {
            self.error(path, Finding::Empty);
        }
    }

    fn id_shape(&mut self, path: &str, id: &str) -> bool {
        let plain = id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_-.".contains(&b));
        let starts_well = id
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if id.is_empty() {
            self.error(path, Finding::IdEmpty);
        } else if !plain || !starts_well || id.len() > MAX_ID_LEN {
            self.error(
                path,
                Finding::IdMalformed {
                    id: clip(id).into_owned(),
                },
            );
        } else {
            return true;
        }
        false
    }

    /// An id that answers are keyed by: unique across the whole survey when `survey_wide`.
    fn id(&mut self, path: &str, id: &str, survey_wide: bool) {
        if !self.id_shape(path, id) || !survey_wide {
            return;
        }
        if let Some(first) = self.ids.get(id) {
            let finding = Finding::DuplicateId {
                id: id.to_owned(),
                first: first.clone(),
            };
            self.error(path, finding);
        } else {
            self.ids.insert(id.to_owned(), path.to_owned());
        }
    }

    /// An id unique within its own list of choices.
    fn choice_id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>) {
        if self.id_shape(path, id) && !seen.insert(id.to_owned()) {
            let finding = Finding::DuplicateChoice {
                id: clip(id).into_owned(),
            };
            self.error(path, finding);
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        if text.lacks_fallback() {
            self.error(path, Finding::NoEnglish);
        }
    }

    fn optional_text(&mut self, path: &str, text: &Text) {
        if !text.is_empty() {
            self.text(path, text);
        }
    }

    fn sided(&mut self, path: &str, text: &SidedText) {
        self.text(&format!("{path}.partner"), &text.partner);
        if let Some(vendor) = &text.vendor {
            self.text(&format!("{path}.vendor"), vendor);
        }
    }

    fn weight(&mut self, path: &str, weight: f64) {
        if !weight.is_finite() || weight < 0.0 {
            self.error(
                path,
                Finding::Weight {
                    value: number(weight),
                },
            );
        }
    }

    fn choice_field(&mut self, path: &str, field: &ChoiceField) {
        self.text(&format!("{path}.label"), &field.label);
        self.optional_text(&format!("{path}.help"), &field.help);
        self.non_empty(&format!("{path}.choices"), field.choices.len());
        let mut seen = HashSet::new();
        for (i, choice) in field.choices.iter().enumerate() {
            self.choice_id(&format!("{path}.choices[{i}].id"), &choice.id, &mut seen);
            self.text(&format!("{path}.choices[{i}].label"), &choice.label);
        }
    }

    fn elements(&mut self, path: &str, elements: &[Element], survey: &Survey) {
        for (j, element) in elements.iter().enumerate() {
            let path = format!("{path}[{j}]");
            self.id(&format!("{path}.id"), &element.id, true);
            self.text(&format!("{path}.label"), &element.label);
            self.optional_text(&format!("{path}.description"), &element.description);
            self.weight(&format!("{path}.weight"), element.weight);
            self.conditions(&format!("{path}.show_if"), &element.show_if, survey);
        }
    }

    fn items(&mut self, path: &str, items: &[Item]) {
        for (k, item) in items.iter().enumerate() {
            let path = format!("{path}[{k}]");
            self.id(&format!("{path}.id"), &item.id, true);
            self.sided(&format!("{path}.text"), &item.text);
            self.weight(&format!("{path}.weight"), item.weight);
        }
    }

    fn conditions(&mut self, path: &str, conditions: &[Condition], survey: &Survey) {
        for (i, condition) in conditions.iter().enumerate() {
            let path = format!("{path}[{i}]");
            let slot = match condition.question {
                ProfileQuestion::PartnerFunction => 0,
                ProfileQuestion::PartnerType => 1,
                ProfileQuestion::Region => 2,
                ProfileQuestion::ProgramTier => 3,
                ProfileQuestion::Side => 4,
            };
            // Built once per question: a survey of many conditions and many choices stays
            // linear to check.
            let known = self.known[slot]
                .take()
                .unwrap_or_else(|| Known::of(survey, condition.question));
            if condition.any_of.is_empty() && condition.none_of.is_empty() {
                self.error(&path, Finding::EmptyCondition);
            }
            for (list, name) in [
                (&condition.any_of, "any_of"),
                (&condition.none_of, "none_of"),
            ] {
                for (k, choice) in list.iter().enumerate() {
                    if !known.set.contains(choice.as_str()) {
                        self.error(
                            &format!("{path}.{name}[{k}]"),
                            Finding::UnknownChoice {
                                choice: clip(choice).into_owned(),
                                known: known.listed.clone(),
                            },
                        );
                    }
                }
            }
            self.known[slot] = Some(known);
        }
    }
}

/// Formats a number for a message through serde_json, whose float printer the app links
/// anyway; `{}` on an f64 would pull in core's float formatting (about 4 KB of wasm, gzipped).
fn number(value: f64) -> String {
    if value.is_nan() {
        "NaN".into()
    } else if value.is_infinite() {
        "infinity".into()
    } else {
        let text = serde_json::to_string(&value).unwrap_or_default();
        text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
    }
}

fn ids(field: &ChoiceField) -> Vec<&str> {
    field.choices.iter().map(|c| c.id.as_str()).collect()
}
