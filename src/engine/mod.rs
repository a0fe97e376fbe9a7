//! The pure engine: survey model, validation, answers and codecs.
//!
//! It uses std and pure-Rust crates only, never a web crate and never `crate::ui`, so the
//! app, the CLI and host tests share it (`tests/engine_purity.rs` enforces this).

pub mod aggregate;
pub mod alignment;
pub mod assessment;
pub mod chart_layout;
pub mod clock;
pub mod dataset;
pub mod export;
pub mod generate;
pub mod handover;
pub mod import;
pub mod load;
pub mod model;
pub mod portfolio;
pub mod prefill;
pub mod questionnaire;
pub mod ranking;
pub mod report_csv;
pub mod response;
pub mod response_rows;
pub mod scorecard;
pub mod set_aside;
pub mod share_link;
pub mod stats;
pub mod structure;
pub mod survey;
pub mod survey_reader;
pub mod survey_source;
pub mod text;
pub mod waves;

pub use load::{load_survey, SurveyError, SurveyErrors};
pub use response::{Dimension, Rating, Response};
pub use survey::Survey;
pub use text::{Side, Text};

/// The default survey, for the engine's unit tests.
#[cfg(test)]
pub(crate) fn default_survey() -> Survey {
    load_survey(include_bytes!(
        "../../public/surveys/partner-experience.json"
    ))
    .expect("the default survey is valid")
}
