//! The only place that touches localStorage.
//!
//! Stored format version 0 (docs/storage-format.md): one key per survey,
//! `partnerlens.assessment.<survey id>`, holding the engine's `Response` as JSON.

use crate::engine::{Response, Survey};
use gloo_storage::{LocalStorage, Storage};

const LOCALE_KEY: &str = "partnerlens.locale";

fn assessment_key(survey_id: &str) -> String {
    format!("partnerlens.assessment.{survey_id}")
}

fn quarantine(key: &str, raw: &str) {
    let stamp = js_sys::Date::now() as u64;
    let _ = LocalStorage::raw().set_item(&format!("partnerlens.quarantine.{stamp}.{key}"), raw);
}

/// The saved answers for a survey. A blob that cannot be read is copied to a quarantine key
/// first, so that autosave never overwrites the only copy; the `Err` says so in words.
/// Answers given to an earlier structure of the survey are kept (scoring ignores ids that no
/// longer exist), re-stamped with the current structure, and the original is quarantined too.
pub fn load_response(survey: &Survey) -> Result<Option<Response>, String> {
    let key = assessment_key(&survey.id);
    let Ok(Some(raw)) = LocalStorage::raw().get_item(&key) else {
        return Ok(None);
    };
    let survey_id = &survey.id;
    let loaded = Response::from_json(&raw).and_then(|response| {
        if &response.survey_id == survey_id {
            Ok(response)
        } else {
            Err(format!(
                "the saved answers belong to survey \"{}\", not \"{survey_id}\"",
                response.survey_id
            ))
        }
    });
    match loaded {
        Ok(mut response) => {
            let hash = survey.structure_hash();
            if response.structure_hash != hash {
                if !response.structure_hash.is_empty() {
                    quarantine(&key, &raw);
                }
                response.structure_hash = hash;
            }
            Ok(Some(response))
        }
        Err(message) => {
            quarantine(&key, &raw);
            let _ = LocalStorage::raw().remove_item(&key);
            Err(message)
        }
    }
}

/// Saves the answers; false when the browser refused (private mode, quota, disabled storage).
pub fn save_response(response: &Response) -> bool {
    LocalStorage::raw()
        .set_item(&assessment_key(&response.survey_id), &response.to_json())
        .is_ok()
}

pub fn load_locale() -> Option<String> {
    LocalStorage::raw().get_item(LOCALE_KEY).ok().flatten()
}

pub fn save_locale(code: &str) {
    let _ = LocalStorage::raw().set_item(LOCALE_KEY, code);
}
