//! UI strings, read from one file per language (web/locales/<code>.json) at build time:
//! web/build.rs checks every file against English and writes `Strings` and `DashStrings` with
//! one field per key, so a key the code uses but English lacks is a compile error. Adding a
//! language is adding its file. Survey text comes from the survey file, not from here.

use super::survey_fetch::SurveyProblem;
use engine::answers::assessment::StoredProblem;
use engine::answers::response::Dimension;
use engine::answers::validation::{AnswerProblem, Revenue};
use engine::codec::entries::FileProblem;
use engine::locale::clock::Clock;
use engine::locale::numbers::NumberFormat;
use engine::survey::definition::{FORMAT_MAJOR, FORMAT_MINOR};
use engine::survey::finding::{Finding, Kind};
use engine::survey::load::{MAX_ERRORS, MAX_ID_LEN, MAX_SURVEY_BYTES, SCALE_LIMIT};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// One language's settings, from the "locale" object of its file.
struct Language {
    code: &'static str,
    name: &'static str,
    rtl: bool,
    numbers: NumberFormat,
    clock: Clock,
}

/// A language the UI is written in: an index into the languages found at build time, English
/// (the default) first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Locale(usize);

impl Locale {
    /// Every language, in the language menu's order.
    pub fn all() -> impl Iterator<Item = Locale> {
        (0..LANGUAGES.len()).map(Locale)
    }

    fn language(self) -> &'static Language {
        &LANGUAGES[self.0]
    }

    /// BCP 47 code, also the key into survey texts.
    pub fn code(self) -> &'static str {
        self.language().code
    }

    /// The language's name in itself, for the language menu.
    pub fn name(self) -> &'static str {
        self.language().name
    }

    /// The writing direction, for the page's `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self.language().rtl {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Picks a locale from a code such as "de-CH"; unknown codes give None.
    pub fn from_code(code: &str) -> Option<Locale> {
        let language = code.split(['-', '_']).next().unwrap_or_default();
        Locale::all().find(|locale| locale.code().eq_ignore_ascii_case(language))
    }

    /// A mean or a gap with one decimal, in this language's notation ("3.4", "3,4").
    pub fn decimal(self, value: f64) -> String {
        self.language().numbers.decimal(value)
    }

    /// A change or a score that can go either way, with its sign ("+1.5", "-0.3").
    pub fn signed(self, value: f64) -> String {
        self.language().numbers.signed(value)
    }

    /// A correlation with two decimals ("0.78", "0,78").
    pub fn hundredths(self, value: f64) -> String {
        self.language().numbers.hundredths(value)
    }

    /// A p-value with three decimals ("0.012"), or "< 0.001".
    pub fn p_value(self, p: f64) -> String {
        self.language().numbers.p_value(p)
    }

    /// A sum of money in whole units with this language's grouping ("1,250,000", "1.250.000").
    pub fn amount(self, value: f64) -> String {
        self.language().numbers.amount(value)
    }

    /// How this language writes a time of day.
    pub fn clock(self) -> Clock {
        self.language().clock
    }

    /// A score with no decimals ("72").
    pub fn whole(value: f64) -> String {
        NumberFormat::whole(value)
    }

    pub fn strings(self) -> &'static Strings {
        &STRINGS[self.0]
    }

    /// The dashboard's strings (only the dashboard's wasm holds them).
    pub fn dash(self) -> &'static DashStrings {
        &DASH[self.0]
    }

    /// The survey editor's strings (only the editor's wasm holds them).
    pub fn editor(self) -> &'static EditorStrings {
        &EDITOR[self.0]
    }

    /// What is wrong in a survey file, for its author (the partner's first module never
    /// shows it, and so does not hold these strings).
    pub fn file_words(self) -> &'static FileStrings {
        &FILE[self.0]
    }
}

/// A technical detail (a parser's message, which can quote much of its input) cut to a
/// sentence's length.
pub fn short(detail: &str) -> String {
    match detail.char_indices().nth(160) {
        Some((end, _)) => format!("{}…", &detail[..end]),
        None => detail.to_owned(),
    }
}

impl Strings {
    /// Fills `{name}` placeholders in a string of this locale.
    pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
        values
            .iter()
            .fold(template.to_owned(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }

    /// One problem of the survey at `address`, for its error page; a problem in the file
    /// is worded (by `file`) without its path, which the page shows as code.
    pub fn survey_problem(
        &self,
        file: &FileStrings,
        problem: &SurveyProblem,
        address: &str,
    ) -> String {
        let template = match problem {
            SurveyProblem::File(error) => return file.finding(&error.finding),
            SurveyProblem::NotRelative => self.survey_not_relative,
            SurveyProblem::OtherSite => self.survey_other_site,
            SurveyProblem::Unreachable => self.survey_unreachable,
            SurveyProblem::NotSavedOffline => self.survey_not_saved_offline,
            SurveyProblem::Status(..) => self.survey_status,
            SurveyProblem::TooLarge => self.survey_too_large,
        };
        let status = match problem {
            SurveyProblem::Status(code, text) => format!("{code} {text}").trim_end().to_owned(),
            _ => String::new(),
        };
        Self::fill(template, &[("address", address), ("status", &status)])
    }

    pub fn page_of(&self, page: usize, pages: usize) -> String {
        Self::fill(
            self.page_of,
            &[("page", &page.to_string()), ("pages", &pages.to_string())],
        )
    }

    pub fn ratings_given(&self, given: usize, possible: usize) -> String {
        Self::fill(
            self.ratings_given,
            &[
                ("given", &given.to_string()),
                ("possible", &possible.to_string()),
            ],
        )
    }

    /// What a file problem means, for the user.
    pub fn file_problem(&self, locale: Locale, problem: &FileProblem) -> String {
        match problem {
            FileProblem::Unreadable => self.file_unreadable.to_owned(),
            FileProblem::Empty => self.file_empty.to_owned(),
            FileProblem::TooLarge(bytes, limit) => Strings::fill(
                self.file_too_large,
                &[
                    ("size", &locale.decimal(*bytes as f64 / 1_048_576.0)),
                    ("limit", &(limit / 1_048_576).to_string()),
                ],
            ),
            FileProblem::NotJson(detail) => format!("{} ({})", self.file_not_json, short(detail)),
            FileProblem::SurveyFile => self.file_survey.to_owned(),
            FileProblem::WrongShape(detail) => {
                format!("{} {}", self.file_wrong_shape, short(detail))
            }
            FileProblem::NewerFormat(version) => {
                Strings::fill(self.file_newer, &[("version", &version.to_string())])
            }
            FileProblem::TooManyEntries(limit) => Strings::fill(
                self.file_too_many,
                &[("limit", &locale.amount(*limit as f64))],
            ),
        }
    }

    /// Why answers do not fit the survey, for the user.
    pub fn answer_problem(&self, problem: &AnswerProblem) -> String {
        let scale = |template, name, id: &str, value: &i32, min: &i32, max: &i32| {
            let numbers = [value, min, max].map(ToString::to_string);
            Self::fill(
                template,
                &[
                    (name, id),
                    ("value", &numbers[0]),
                    ("min", &numbers[1]),
                    ("max", &numbers[2]),
                ],
            )
        };
        match problem {
            AnswerProblem::IdMismatch => self.answer_id_mismatch.to_owned(),
            AnswerProblem::ChangedBeforeCreated => self.answer_changed_before_created.to_owned(),
            AnswerProblem::RatingOutsideScale {
                element,
                dimension,
                value,
                min,
                max,
            } => {
                let template = match dimension {
                    Dimension::Importance => self.answer_importance_outside,
                    Dimension::Performance => self.answer_performance_outside,
                };
                scale(template, "element", element, value, min, max)
            }
            AnswerProblem::ItemOutsideScale {
                item,
                value,
                min,
                max,
            } => scale(self.answer_item_outside, "item", item, value, min, max),
            AnswerProblem::UnknownLevel { process, level } => Self::fill(
                self.answer_unknown_level,
                &[("process", process), ("level", level)],
            ),
            AnswerProblem::BadRevenue(Revenue::Current) => {
                self.answer_current_revenue_bad.to_owned()
            }
            AnswerProblem::BadRevenue(Revenue::Potential) => {
                self.answer_potential_revenue_bad.to_owned()
            }
        }
    }

    /// What is wrong with a stored entry, for the user; None is a set-aside copy that
    /// reads again now.
    pub fn stored_problem(&self, problem: Option<&StoredProblem>) -> String {
        match problem {
            None => self.restorable_entry.to_owned(),
            Some(StoredProblem::Unreadable(detail)) => {
                format!("{} ({})", self.unreadable_entry, short(detail))
            }
            Some(StoredProblem::TooNew(version)) => {
                Strings::fill(self.too_new_entry, &[("version", &version.to_string())])
            }
        }
    }

    pub fn unknown_answers(&self, count: usize) -> String {
        Self::fill(self.unknown_answers, &[("count", &count.to_string())])
    }

    pub fn answered_of(&self, answered: usize, total: usize) -> String {
        Self::fill(
            self.answered_of,
            &[
                ("answered", &answered.to_string()),
                ("total", &total.to_string()),
            ],
        )
    }
}

impl FileStrings {
    /// What is wrong at one place in a survey file.
    pub fn finding(&self, finding: &Finding) -> String {
        let known = format!("{FORMAT_MAJOR}.{FORMAT_MINOR}");
        let text = |template: &str| template.to_owned();
        match finding {
            Finding::TooLarge { bytes } => Strings::fill(
                self.finding_too_large,
                &[
                    ("bytes", &bytes.to_string()),
                    ("limit", &MAX_SURVEY_BYTES.to_string()),
                ],
            ),
            Finding::NotUtf8 { line, column } => Strings::fill(
                self.finding_not_utf8,
                &[("line", &line.to_string()), ("column", &column.to_string())],
            ),
            Finding::NotJson {
                detail,
                line,
                column,
            } => Strings::fill(
                self.finding_not_json,
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("detail", &short(detail)),
                ],
            ),
            Finding::NotAnObject => text(self.finding_not_object),
            Finding::VersionNotText => text(self.finding_version_not_text),
            Finding::VersionMissing => text(self.finding_version_missing),
            Finding::VersionMalformed { version } => {
                Strings::fill(self.finding_version_malformed, &[("version", version)])
            }
            Finding::OtherMajor { version, major } => Strings::fill(
                self.finding_other_major,
                &[
                    ("version", version),
                    ("known", &FORMAT_MAJOR.to_string()),
                    ("major", &major.to_string()),
                ],
            ),
            Finding::NewerMinor { version } => Strings::fill(
                self.finding_newer_minor,
                &[("version", version), ("known", &known)],
            ),
            Finding::WrongKind { expected, found } => Strings::fill(
                self.finding_wrong_kind,
                &[
                    ("expected", self.kind(*expected)),
                    ("found", self.kind(*found)),
                ],
            ),
            Finding::UnknownKey => text(self.finding_unknown_key),
            Finding::Missing => text(self.finding_missing),
            Finding::NotOneOf { allowed } => {
                Strings::fill(self.finding_not_one_of, &[("allowed", allowed)])
            }
            Finding::ScaleOrder { min, max } => Strings::fill(
                self.finding_scale_order,
                &[("min", &min.to_string()), ("max", &max.to_string())],
            ),
            Finding::ScaleLimits => Strings::fill(
                self.finding_scale_limits,
                &[("limit", &SCALE_LIMIT.to_string())],
            ),
            Finding::LabelOutsideScale { value, min, max } => Strings::fill(
                self.finding_label_outside,
                &[
                    ("value", &value.to_string()),
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
            Finding::NoAreas => text(self.finding_no_areas),
            Finding::NoElements => text(self.finding_no_elements),
            Finding::NoFunctions => text(self.finding_no_functions),
            Finding::NoTypes => text(self.finding_no_types),
            Finding::NotTwoSides => text(self.finding_not_two_sides),
            Finding::Currency { code } => Strings::fill(self.finding_currency, &[("code", code)]),
            Finding::FewLevels => text(self.finding_few_levels),
            Finding::NoFiveCs => text(self.finding_no_five_cs),
            Finding::BandMin { value } => Strings::fill(self.finding_band_min, &[("value", value)]),
            Finding::MinGroupSize { value } => {
                Strings::fill(self.finding_min_group_size, &[("value", value)])
            }
            Finding::Empty => text(self.finding_empty),
            Finding::IdEmpty => text(self.finding_id_empty),
            Finding::IdMalformed { id } => Strings::fill(
                self.finding_id_malformed,
                &[("id", id), ("limit", &MAX_ID_LEN.to_string())],
            ),
            Finding::DuplicateId { id, first } => {
                Strings::fill(self.finding_duplicate_id, &[("id", id), ("first", first)])
            }
            Finding::DuplicateChoice { id } => {
                Strings::fill(self.finding_duplicate_choice, &[("id", id)])
            }
            Finding::NoEnglish => text(self.finding_no_english),
            Finding::Weight { value } => Strings::fill(self.finding_weight, &[("value", value)]),
            Finding::EmptyCondition => text(self.finding_empty_condition),
            Finding::UnknownChoice { choice, known } => Strings::fill(
                self.finding_unknown_choice,
                &[("choice", choice), ("known", known)],
            ),
            Finding::TooMany => {
                Strings::fill(self.finding_too_many, &[("limit", &MAX_ERRORS.to_string())])
            }
        }
    }

    /// A kind of JSON value, as a finding names it.
    fn kind(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::Null => self.kind_null,
            Kind::Flag => self.kind_flag,
            Kind::Number => self.kind_number,
            Kind::WholeNumber => self.kind_whole_number,
            Kind::Text => self.kind_text,
            Kind::List => self.kind_list,
            Kind::Object => self.kind_object,
            Kind::Texts => self.kind_texts,
        }
    }
}
