//! The only place that touches localStorage.
//!
//! Stored format 1 (docs/storage-format.md): one key per assessment,
//! `partnerlens.assessment.<assessment id>`, holding an engine `Assessment` as JSON. A
//! version-0 blob (a bare `Response` under `partnerlens.assessment.<survey id>`) is migrated
//! on load.

use crate::engine::assessment::{Assessment, Millis};
use crate::engine::Survey;
use gloo_storage::{LocalStorage, Storage};

const ASSESSMENT_PREFIX: &str = "partnerlens.assessment.";
const LOCALE_KEY: &str = "partnerlens.locale";
const THEME_KEY: &str = "partnerlens.theme";

pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// A new assessment id: the time in hex and 24 random bits, unique enough within one browser.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * f64::from(1u32 << 24)) as u32;
    format!("{:x}{random:06x}", now())
}

/// Copies a blob aside; false when the browser refused, so the caller keeps the original.
fn quarantine(key: &str, raw: &str) -> bool {
    LocalStorage::raw()
        .set_item(&format!("partnerlens.quarantine.{}.{key}", now()), raw)
        .is_ok()
}

fn assessment_keys() -> Vec<String> {
    let storage = LocalStorage::raw();
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(ASSESSMENT_PREFIX))
        .collect()
}

/// The most recently changed assessment of this survey, if any, and a message for each blob
/// that could not be read. Such a blob is copied to a quarantine key before its own key is
/// removed, so autosave never overwrites the only copy. Older formats are migrated and saved
/// under the new key. Answers given to an earlier structure of the survey are kept (scoring
/// ignores ids that no longer exist) and re-stamped; the original is quarantined too.
pub fn load_latest(survey: &Survey) -> (Option<Assessment>, Vec<String>) {
    let storage = LocalStorage::raw();
    let mut latest: Option<Assessment> = None;
    let mut problems = Vec::new();
    for key in assessment_keys() {
        let Ok(Some(raw)) = storage.get_item(&key) else {
            continue;
        };
        let mut assessment = match Assessment::from_json(&raw, &new_id(), now()) {
            Ok(assessment) => assessment,
            Err(problem) => {
                // Without a copy aside (storage full), the blob stays where it is, unread.
                if quarantine(&key, &raw) {
                    let _ = storage.remove_item(&key);
                }
                problems.push(problem.to_string());
                continue;
            }
        };
        let own_key = format!("{ASSESSMENT_PREFIX}{}", assessment.response.id);
        if key != own_key && save(&assessment) {
            let _ = storage.remove_item(&key);
        }
        if assessment.response.survey_id != survey.id {
            continue;
        }
        let hash = survey.structure_hash();
        if assessment.response.structure_hash != hash {
            if !assessment.response.structure_hash.is_empty() {
                quarantine(&own_key, &raw);
            }
            assessment.response.structure_hash = hash;
            save(&assessment);
        }
        if latest
            .as_ref()
            .is_none_or(|l| assessment.updated_at > l.updated_at)
        {
            latest = Some(assessment);
        }
    }
    (latest, problems)
}

/// Saves an assessment; false when the browser refused (private mode, quota, disabled storage).
pub fn save(assessment: &Assessment) -> bool {
    LocalStorage::raw()
        .set_item(
            &format!("{ASSESSMENT_PREFIX}{}", assessment.response.id),
            &assessment.to_json(),
        )
        .is_ok()
}

pub fn load_locale() -> Option<String> {
    LocalStorage::raw().get_item(LOCALE_KEY).ok().flatten()
}

pub fn save_locale(code: &str) {
    let _ = LocalStorage::raw().set_item(LOCALE_KEY, code);
}

/// The theme the user chose with the toggle ("light" or "dark"); None follows the system.
pub fn load_theme() -> Option<String> {
    LocalStorage::raw().get_item(THEME_KEY).ok().flatten()
}

pub fn save_theme(theme: &str) {
    let _ = LocalStorage::raw().set_item(THEME_KEY, theme);
}
