//! UI strings: one file per locale, one struct that every locale fills in full, so a missing
//! translation is a compile error. Survey text comes from the survey file, not from here.

mod de;
mod en;

use super::survey_fetch::SurveyProblem;
use engine::answers::assessment::StoredProblem;
use engine::codec::export::FileProblem;
use engine::locale::clock::Clock;

/// The languages the UI is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    #[default]
    En,
    De,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::De];

    /// BCP 47 code, also the key into survey texts.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
        }
    }

    /// The language's name in itself, for the language menu.
    pub fn name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::De => "Deutsch",
        }
    }

    /// Picks a locale from a code such as "de-CH"; unknown codes give None.
    pub fn from_code(code: &str) -> Option<Locale> {
        let language = code.split(['-', '_']).next().unwrap_or_default();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.code().eq_ignore_ascii_case(language))
    }

    /// A mean or a gap with one decimal, in this language's notation ("3.4", "3,4").
    /// Halves round away from zero (2.25 is "2.3"), as people round by hand, and a value
    /// that rounds to zero has no minus sign.
    pub fn decimal(self, value: f64) -> String {
        let tenths = (value * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let point = match self {
            Locale::En => '.',
            Locale::De => ',',
        };
        let tenths = tenths.unsigned_abs();
        format!("{sign}{}{point}{}", tenths / 10, tenths % 10)
    }

    /// A correlation with two decimals ("0.78", "0,78").
    pub fn hundredths(self, value: f64) -> String {
        let text = format!("{value:.2}");
        match self {
            Locale::En => text,
            Locale::De => text.replace('.', ","),
        }
    }

    /// A sum of money in whole units with this language's grouping ("1,250,000", "1.250.000").
    pub fn amount(self, value: f64) -> String {
        let whole = value.round() as i64;
        let digits = whole.unsigned_abs().to_string();
        let separator = match self {
            Locale::En => ',',
            Locale::De => '.',
        };
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if whole < 0 {
            grouped.push('-');
        }
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(separator);
            }
            grouped.push(digit);
        }
        grouped
    }

    /// How this language writes a time of day.
    pub fn clock(self) -> Clock {
        match self {
            Locale::En => Clock::TwelveHour,
            Locale::De => Clock::TwentyFourHour,
        }
    }

    /// A score with no decimals ("72").
    pub fn whole(value: f64) -> String {
        (value.round() as i64).to_string()
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Locale::En => &en::STRINGS,
            Locale::De => &de::STRINGS,
        }
    }

    /// The dashboard's strings (only the dashboard's wasm holds them).
    pub fn dash(self) -> &'static DashStrings {
        match self {
            Locale::En => &en::DASH,
            Locale::De => &de::DASH,
        }
    }
}

pub struct Strings {
    pub app_name: &'static str,
    pub language: &'static str,
    pub loading_survey: &'static str,
    /// The offline worker has a new version: the notice and its button.
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    /// While the rest of the app loads (the review, the list of assessments).
    pub opening: &'static str,
    /// The rest of the app could not be loaded (offline, a deploy in between).
    pub part_failed: &'static str,
    pub try_again: &'static str,
    pub survey_error_title: &'static str,
    pub survey_error_intro: &'static str,
    pub survey_error_hint: &'static str,
    /// Why a survey file could not be had, with `{address}` (and `{status}`).
    pub survey_other_site: &'static str,
    pub survey_unreachable: &'static str,
    pub survey_not_saved_offline: &'static str,
    pub survey_status: &'static str,
    pub survey_too_large: &'static str,
    pub not_applicable: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    /// "Page {page} of {pages}".
    pub page_of: &'static str,
    pub privacy_note: &'static str,
    pub not_saved: &'static str,
    pub pages: &'static str,
    pub progress: &'static str,
    /// "{answered} of {total} answers given".
    pub answered_of: &'static str,
    pub profile_title: &'static str,
    pub required: &'static str,
    pub missing_fields: &'static str,
    pub dark_theme: &'static str,
    /// "Saved in this browser at {time}".
    pub saved_at: &'static str,
    pub review_title: &'static str,
    pub review_intro: &'static str,
    pub nothing_unanswered: &'static str,
    pub see_results: &'static str,
    pub results_title: &'static str,
    pub pxi_label: &'static str,
    pub completeness: &'static str,
    /// "{given} of {possible} ratings".
    pub ratings_given: &'static str,
    pub concentrate_here: &'static str,
    pub no_data: &'static str,
    pub yes: &'static str,
    pub all_assessments: &'static str,
    /// "{count} answers …".
    pub unknown_answers: &'static str,
    pub download_entry: &'static str,
    pub download_assessment: &'static str,
    pub unnamed: &'static str,
    pub another_survey: &'static str,
    pub continue_assessment: &'static str,
    pub next_wave: &'static str,
    pub delete: &'static str,
    pub wave_of_copy: &'static str,
    pub create_copy: &'static str,
    pub cancel: &'static str,
    pub confirm_delete: &'static str,
    pub keep: &'static str,
    pub your_assessments: &'static str,
    pub new_assessment: &'static str,
    pub deleted: &'static str,
    pub undo: &'static str,
    pub saved_here: &'static str,
    pub col_survey: &'static str,
    pub col_partner: &'static str,
    pub col_wave: &'static str,
    pub col_progress: &'static str,
    pub col_changed: &'static str,
    pub col_actions: &'static str,
    pub set_aside_intro: &'static str,
    pub link_ignored: &'static str,
    pub unreadable_entry: &'static str,
    /// "… (storage version {version}) …".
    pub too_new_entry: &'static str,
    pub restorable_entry: &'static str,
    pub restore_entry: &'static str,
    pub discard_entry: &'static str,
    pub confirm_discard: &'static str,
    pub restore_failed: &'static str,
    pub no: &'static str,
    pub report_intro: &'static str,
    pub crosshair: &'static str,
    pub data_centred: &'static str,
    pub scale_centred: &'static str,
    pub show_diagonal: &'static str,
    pub print_report: &'static str,
    /// "Download {chart} as PNG".
    pub download_png: &'static str,
    pub gap_chart_title: &'static str,
    /// "{mode} crosshair: importance {importance}, performance {performance}".
    pub crosshair_caption: &'static str,
    pub data_centred_short: &'static str,
    pub scale_centred_short: &'static str,
    pub quadrant_concentrate: &'static str,
    pub quadrant_keep_up: &'static str,
    pub quadrant_low_priority: &'static str,
    pub quadrant_overkill: &'static str,
    pub importance: &'static str,
    pub performance: &'static str,
    /// "… {count} elements … {mode} …{q0} … {q3} …".
    pub gap_chart_summary: &'static str,
    pub col_number: &'static str,
    pub col_element: &'static str,
    pub col_area: &'static str,
    pub col_gap: &'static str,
    pub col_quadrant: &'static str,
    pub col_rank: &'static str,
    pub col_score: &'static str,
    pub col_answers: &'static str,
    pub shared_point: &'static str,
    pub gap_bars_title: &'static str,
    /// "{first} … ({largest}) … {last} … ({smallest})".
    pub gap_bars_summary: &'static str,
    pub areas_title: &'static str,
    /// "{area} … {importance} … {performance}".
    pub areas_summary: &'static str,
    /// "… {score} … {best} ({high}) … {worst} ({low})".
    pub five_cs_summary: &'static str,
    pub overall: &'static str,
    pub category: &'static str,
    pub journey_placed: &'static str,
    pub journey_next: &'static str,
    pub journey_none: &'static str,
    pub maturity_level: &'static str,
    pub maturity_lowest: &'static str,
    pub maturity_deciding: &'static str,
    pub current_step: &'static str,
    /// "Improve {element}: … {importance} … {performance} (gap {gap})".
    pub action: &'static str,
    pub no_priorities: &'static str,
    pub management_title: &'static str,
    pub primary_value: &'static str,
    pub col_dimension: &'static str,
    pub shared_results_heading: &'static str,
    pub shared_title: &'static str,
    pub shared_read_only: &'static str,
    pub save_copy: &'static str,
    pub shared_older_survey: &'static str,
    pub shared_failed_title: &'static str,
    pub shared_other_survey: &'static str,
    pub share_invalid: &'static str,
    pub share_ask: &'static str,
    pub share_empty: &'static str,
    pub share_too_long: &'static str,
    pub share_not_base64: &'static str,
    pub share_truncated: &'static str,
    pub share_newer: &'static str,
    pub share_checksum: &'static str,
    pub share_corrupt: &'static str,
    pub share_too_large: &'static str,
    pub share_not_answers: &'static str,
    pub take_away_title: &'static str,
    pub take_away_intro: &'static str,
    pub download_json: &'static str,
    pub download_answers_csv: &'static str,
    pub download_results_csv: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub share_carries: &'static str,
    pub share_with_revenue: &'static str,
    pub share_with_dropped: &'static str,
    pub copy_by_hand: &'static str,
    pub share_link: &'static str,
    /// "{chart}: the data as a table".
    pub table_of: &'static str,
    pub import_title: &'static str,
    pub import_intro: &'static str,
    pub import_choose: &'static str,
    pub import_drop: &'static str,
    /// "Reading {count} files…".
    pub import_reading: &'static str,
    /// "Imported: {imported}. Unchanged: {unchanged}. …".
    pub import_summary: &'static str,
    pub import_report: &'static str,
    pub import_new: &'static str,
    pub import_duplicate: &'static str,
    pub import_newer: &'static str,
    pub import_older: &'static str,
    /// "… another survey ({survey}) …".
    pub import_wrong_survey: &'static str,
    pub import_invalid: &'static str,
    pub import_replaced: &'static str,
    pub import_kept: &'static str,
    pub import_not_stored: &'static str,
    pub import_replace: &'static str,
    pub import_keep_here: &'static str,
    /// "Replace all {count} …".
    pub import_replace_all: &'static str,
    /// "Assessment {id}", for one without a name or wave.
    pub import_unnamed: &'static str,
    pub file_unreadable: &'static str,
    pub file_empty: &'static str,
    /// "The file is {size} MB; …".
    /// "… {size} MB … {limit} MB …".
    pub file_too_large: &'static str,
    /// "… {limit} entries …".
    pub file_too_many: &'static str,
    pub file_not_json: &'static str,
    pub file_survey: &'static str,
    pub file_wrong_shape: &'static str,
    /// "… (format {version}) …".
    pub file_newer: &'static str,
    pub dash_link: &'static str,
    pub col_n: &'static str,
    pub col_sd_importance: &'static str,
    pub col_sd_performance: &'static str,
}

/// A technical detail (a parser's message, which can quote much of its input) cut to a
/// sentence's length.
pub fn short(detail: &str) -> String {
    match detail.char_indices().nth(160) {
        Some((end, _)) => format!("{}…", &detail[..end]),
        None => detail.to_owned(),
    }
}

/// The vendor dashboard's strings: apart from `Strings`, so that the partner app, which never
/// shows them, does not download them.
pub struct DashStrings {
    pub dash_back: &'static str,
    pub dash_title: &'static str,
    pub dash_intro: &'static str,
    /// "… ({reason}) …".
    pub dash_db_failed: &'static str,
    pub dash_sets: &'static str,
    pub dash_no_sets: &'static str,
    pub dash_set: &'static str,
    pub dash_new_set: &'static str,
    pub dash_set_name: &'static str,
    pub dash_rename: &'static str,
    pub dash_delete_set: &'static str,
    /// "… \"{name}\" … {count} responses …".
    pub dash_confirm_delete: &'static str,
    /// "{count} responses".
    pub dash_responses: &'static str,
    /// "Data set {n}".
    pub dash_default_name: &'static str,
    pub dash_add_title: &'static str,
    pub dash_add_files: &'static str,
    pub dash_links_label: &'static str,
    pub dash_add_links: &'static str,
    pub dash_add_saved: &'static str,
    /// "Reading {done} of {total} responses…".
    pub dash_reading: &'static str,
    /// "Added: {added}. …".
    pub dash_added: &'static str,
    /// "Link {n}".
    pub dash_link_n: &'static str,
    /// "{place}, entry {n}".
    pub dash_entry_n: &'static str,
    pub dash_not_answers: &'static str,
    /// "… {count} more …".
    pub dash_refused_more: &'static str,
    pub dash_busy: &'static str,
    pub dash_region: &'static str,
    pub dash_function: &'static str,
    pub dash_type: &'static str,
    pub dash_tier: &'static str,
    pub dash_side: &'static str,
    pub dash_filters: &'static str,
    pub dash_all: &'static str,
    pub dash_group_by: &'static str,
    pub dash_none: &'static str,
    /// "{count} of {total} responses match …".
    pub dash_matching: &'static str,
    pub dash_report_title: &'static str,
    pub dash_segments: &'static str,
    /// "Gaps by {by}".
    pub dash_compare_title: &'static str,
    /// "Gaps of {count} elements in {segments} …".
    pub dash_compare_summary: &'static str,
    pub dash_differs_title: &'static str,
    pub dash_differs_none: &'static str,
    pub dash_best_title: &'static str,
    /// "{element}: {segment} ({performance})".
    pub dash_best_item: &'static str,
    pub dash_ranking_title: &'static str,
    pub dash_ranking_pages: &'static str,
    pub dash_category: &'static str,
    /// "Open the results of {name}".
    pub dash_open_partner: &'static str,
    pub dash_back_to_dashboard: &'static str,
    pub dash_export_title: &'static str,
    pub dash_aggregate_csv: &'static str,
    pub dash_aggregate_json: &'static str,
    pub dash_ranking_csv: &'static str,
    pub dash_ranking_json: &'static str,
    pub dash_answers_csv: &'static str,
    pub dash_answers_json: &'static str,
    pub col_category_rank: &'static str,
    /// "{count} stored responses … no longer read …".
    pub dash_set_damaged: &'static str,
    pub waves_none: &'static str,
    pub portfolio_top_title: &'static str,
    pub dash_one_wave: &'static str,
    pub dash_view: &'static str,
    pub dash_view_results: &'static str,
    pub dash_view_alignment: &'static str,
    pub dash_view_waves: &'static str,
    pub dash_view_portfolio: &'static str,
    pub align_title: &'static str,
    pub align_no_vendor: &'static str,
    pub align_in_wave: &'static str,
    pub align_no_partners: &'static str,
    pub align_counts: &'static str,
    pub align_rho: &'static str,
    pub align_strong: &'static str,
    pub align_moderate: &'static str,
    pub align_weak: &'static str,
    pub align_opposed: &'static str,
    pub align_rho_none: &'static str,
    pub align_disagreements: &'static str,
    pub align_agree: &'static str,
    pub align_more_important: &'static str,
    pub align_less_important: &'static str,
    pub align_higher: &'static str,
    pub align_lower: &'static str,
    pub degree_far: &'static str,
    pub degree_slight: &'static str,
    pub align_chart_note: &'static str,
    pub align_chart_summary: &'static str,
    pub col_your_importance: &'static str,
    pub col_partner_importance: &'static str,
    pub col_delta_importance: &'static str,
    pub col_your_performance: &'static str,
    pub col_partner_performance: &'static str,
    pub col_delta_performance: &'static str,
    pub align_csv: &'static str,
    pub align_json: &'static str,
    pub waves_title: &'static str,
    pub waves_earlier_set: &'static str,
    pub waves_this_set: &'static str,
    pub waves_earlier: &'static str,
    pub waves_later: &'static str,
    pub waves_need_two: &'static str,
    pub waves_same: &'static str,
    pub waves_counts: &'static str,
    pub waves_chart_title: &'static str,
    pub waves_chart_note: &'static str,
    pub waves_chart_summary: &'static str,
    pub waves_moved_title: &'static str,
    pub waves_moved_none: &'static str,
    pub waves_moved_item: &'static str,
    pub waves_one_title: &'static str,
    pub waves_one_none: &'static str,
    pub waves_only_in: &'static str,
    pub col_performance_in: &'static str,
    pub col_gap_in: &'static str,
    pub col_delta_gap: &'static str,
    pub col_quadrants: &'static str,
    pub waves_csv: &'static str,
    pub waves_json: &'static str,
    pub waves_loading: &'static str,
    pub portfolio_title: &'static str,
    pub portfolio_counts: &'static str,
    pub portfolio_note: &'static str,
    pub portfolio_summary: &'static str,
    pub portfolio_other: &'static str,
    pub portfolio_none_category: &'static str,
    pub col_partners: &'static str,
    pub col_current: &'static str,
    pub col_potential: &'static str,
    pub col_headroom: &'static str,
    pub col_mean_score: &'static str,
    pub portfolio_missing_title: &'static str,
    pub portfolio_missing_more: &'static str,
    pub portfolio_missing_none: &'static str,
    pub portfolio_empty: &'static str,
    pub portfolio_csv: &'static str,
    pub portfolio_json: &'static str,
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

    /// One problem of the survey at `address`, for its error page.
    pub fn survey_problem(&self, problem: &SurveyProblem, address: &str) -> String {
        let template = match problem {
            SurveyProblem::Reader(text) => return text.clone(),
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
