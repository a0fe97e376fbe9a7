//! Reading response files straight into scoring rows must never panic on any input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnerlens::engine::model::ScoringModel;
use partnerlens::engine::response_rows::rows_from_json;
use std::sync::OnceLock;

fn survey() -> &'static partnerlens::engine::Survey {
    static SURVEY: OnceLock<partnerlens::engine::Survey> = OnceLock::new();
    SURVEY.get_or_init(|| {
        partnerlens::engine::load_survey(include_bytes!(
            "../../public/surveys/partner-experience.json"
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
