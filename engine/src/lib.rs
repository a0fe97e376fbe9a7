//! The pure engine: the survey model, answers, scoring, analysis and codecs of PartnerLens.
//!
//! It depends on serde and pure-Rust crates only (its Cargo.toml is the proof), so the web app,
//! the CLI and host tests share it. Each folder holds one concern:
//! - `survey`: the survey file's model, its reader and validation, the structure hash;
//! - `answers`: one respondent's answers, the stored assessment, the questionnaire's pages;
//! - `scoring`: tallies, statistics, importance-performance, the five Cs and the ranking;
//! - `analysis`: many partners at once: alignment, waves, the portfolio;
//! - `codec`: every file and link format: exports, imports, share links, CSV, data sets;
//! - `editor`: the survey editor's draft, its undoable edits and the file it writes;
//! - `layout`: chart geometry, so that the UI only paints;
//! - `locale`: how a language writes numbers and times.

pub mod analysis;
pub mod answers;
pub mod codec;
pub mod editor;
pub mod generate;
pub mod layout;
pub mod locale;
pub mod scoring;
pub mod survey;

pub use answers::response::{Dimension, Rating, Response};
pub use survey::definition::Survey;
pub use survey::load::{load_survey, SurveyError, SurveyErrors};
pub use survey::text::{Side, Text};

/// The default survey, for the engine's unit tests.
#[cfg(test)]
pub(crate) fn default_survey() -> Survey {
    load_survey(include_bytes!(
        "../../web/public/surveys/partner-experience.json"
    ))
    .expect("the default survey is valid")
}

/// A partner's response to the default survey from `region`, rating each (element,
/// importance, performance), for the engine's unit tests.
#[cfg(test)]
pub(crate) fn rated_response(id: &str, region: &str, ratings: &[(&str, i32, i32)]) -> Response {
    let mut response = Response::new(&default_survey());
    response.id = id.into();
    response.profile.region = Some(region.into());
    for &(element, importance, performance) in ratings {
        response.rate(element, Dimension::Importance, Some(importance));
        response.rate(element, Dimension::Performance, Some(performance));
    }
    response
}
