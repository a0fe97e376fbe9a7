//! Reading response files straight into scoring rows must never panic on any input.
#![no_main]

use engine::codec::response_rows::rows_from_json;
use engine::scoring::model::ScoringModel;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn survey() -> &'static engine::Survey {
    static SURVEY: OnceLock<engine::Survey> = OnceLock::new();
    SURVEY.get_or_init(|| {
        engine::load_survey(include_bytes!(
            "../../web/public/surveys/partner-experience.json"
        ))
        .expect("the default survey is valid")
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let model = ScoringModel::new(survey());
        let _ = rows_from_json(&model, text);
    }
});
