//! The exported-results reader on any bytes, then the import check of whatever it accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnerlens::engine::export::read_envelopes;
use partnerlens::engine::import::status;
use partnerlens::engine::load_survey;
use std::sync::OnceLock;

static SURVEY: OnceLock<partnerlens::engine::Survey> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let survey = SURVEY.get_or_init(|| {
        load_survey(include_bytes!("../../public/surveys/partner-experience.json")).unwrap()
    });
    if let Ok(envelopes) = read_envelopes(data) {
        for envelope in &envelopes {
            let _ = status(envelope, survey, Some(envelope.updated_at));
        }
    }
});
