//! A vendor's personal link is text anyone can type: reading its parameters against the
//! default survey must never panic, and what it accepts must be one of the survey's choices.
#![no_main]

use engine::answers::prefill::prefill;
use engine::load_survey;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static SURVEY: OnceLock<engine::Survey> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let survey = SURVEY.get_or_init(|| {
        load_survey(include_bytes!(
            "../../web/public/surveys/partner-experience.json"
        ))
        .unwrap()
    });
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // name=value pairs separated by '&', as a query string holds them once decoded.
    let params: Vec<(&str, &str)> = text
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .collect();
    let got = prefill(survey, params.iter().copied());
    if let Some(region) = &got.profile.region {
        assert!(survey
            .profile
            .region
            .choices
            .iter()
            .any(|c| &c.id == region));
    }
    if let Some(kind) = &got.profile.partner_type {
        assert!(survey.function_of(kind).is_some());
    }
});
