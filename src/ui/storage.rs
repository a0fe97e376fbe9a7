//! The only place that touches localStorage.
//!
//! Stored format 1 (docs/storage-format.md): one key per assessment,
//! `partnerlens.assessment.<assessment id>`, holding an engine `Assessment` as JSON. A
//! version-0 blob (a bare `Response` under `partnerlens.assessment.<survey id>`) is migrated
//! on load.

use crate::engine::assessment::{newest_first, Assessment, Millis, StoredProblem};
use crate::engine::Survey;
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use leptos::prelude::window;

const ASSESSMENT_PREFIX: &str = "partnerlens.assessment.";
const LOCALE_KEY: &str = "partnerlens.locale";
const THEME_KEY: &str = "partnerlens.theme";
const OPEN_KEY: &str = "partnerlens.open";

/// gloo-storage's localStorage handle, or None where the browser denies storage altogether
/// (site data blocked, some private modes): there gloo's `raw` would throw and stop the app.
fn local() -> Option<web_sys::Storage> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .map(|_| LocalStorage::raw())
}

/// The same for this tab's sessionStorage.
fn session() -> Option<web_sys::Storage> {
    window()
        .session_storage()
        .ok()
        .flatten()
        .map(|_| SessionStorage::raw())
}

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
    local().is_some_and(|storage| {
        storage
            .set_item(&format!("partnerlens.quarantine.{}.{key}", now()), raw)
            .is_ok()
    })
}

fn assessment_keys() -> Vec<String> {
    let Some(storage) = local() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(ASSESSMENT_PREFIX))
        .collect()
}

/// A stored entry that could not be used, now under a quarantine key.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    /// The key it was stored under, naming the assessment's id.
    pub key: String,
    /// Why it could not be read.
    pub problem: StoredProblem,
    /// The entry exactly as it was, for download.
    pub raw: String,
}

/// Everything stored: the assessments that could be read (of any survey, newest first) and the
/// entries that could not.
pub struct Listing {
    pub assessments: Vec<Assessment>,
    pub set_aside: Vec<SetAside>,
}

/// Reads every stored assessment. An entry that cannot be read is copied to a quarantine key
/// before its own key is removed, so autosave never overwrites the only copy; when even the
/// copy fails (storage full), it stays where it is, unread. Older formats are migrated and
/// saved under their new key. Answers given to an earlier structure of `survey` are kept
/// (scoring ignores ids that no longer exist) and re-stamped; the original is quarantined too.
/// `source` is this page's `?survey=` value: an assessment of this survey saved before the app
/// kept it learns it here, so the list can send the user back to it from another survey.
pub fn list(survey: &Survey, source: &str) -> Listing {
    let mut listing = Listing {
        assessments: Vec::new(),
        set_aside: Vec::new(),
    };
    let Some(storage) = local() else {
        return listing;
    };
    for key in assessment_keys() {
        let Ok(Some(raw)) = storage.get_item(&key) else {
            continue;
        };
        let mut assessment = match Assessment::from_json(&raw, &new_id(), now()) {
            Ok(assessment) => assessment,
            Err(problem) => {
                if quarantine(&key, &raw) {
                    let _ = storage.remove_item(&key);
                }
                listing.set_aside.push(SetAside { key, problem, raw });
                continue;
            }
        };
        let own_key = format!("{ASSESSMENT_PREFIX}{}", assessment.response.id);
        if key != own_key && save(&assessment) {
            let _ = storage.remove_item(&key);
        }
        if assessment.response.survey_id == survey.id
            && assessment.survey_source.is_empty()
            && !source.is_empty()
        {
            source.clone_into(&mut assessment.survey_source);
            save(&assessment);
        }
        let hash = survey.structure_hash();
        if assessment.response.survey_id == survey.id && assessment.response.structure_hash != hash
        {
            if !assessment.response.structure_hash.is_empty() {
                quarantine(&own_key, &raw);
            }
            assessment.response.structure_hash = hash;
            save(&assessment);
        }
        listing.assessments.push(assessment);
    }
    newest_first(&mut listing.assessments);
    listing
}

/// Removes an assessment and returns its stored entry, for an undo.
pub fn delete(id: &str) -> Option<String> {
    let key = format!("{ASSESSMENT_PREFIX}{id}");
    let storage = local()?;
    let raw = storage.get_item(&key).ok().flatten()?;
    storage.remove_item(&key).ok()?;
    Some(raw)
}

/// Puts back an entry that `delete` returned, unless another tab has saved the assessment
/// again since: its newer answers win, and nothing is overwritten.
pub fn restore(id: &str, raw: &str) -> bool {
    let key = format!("{ASSESSMENT_PREFIX}{id}");
    local().is_some_and(|storage| {
        matches!(storage.get_item(&key), Ok(None)) && storage.set_item(&key, raw).is_ok()
    })
}

/// Whether anything, readable or not, is stored under this assessment id.
pub fn is_taken(id: &str) -> bool {
    local().is_some_and(|storage| {
        storage
            .get_item(&format!("{ASSESSMENT_PREFIX}{id}"))
            .ok()
            .flatten()
            .is_some()
    })
}

/// The stored copy of an assessment, as another tab may have saved it.
pub fn stored_copy(id: &str) -> Option<Assessment> {
    let raw = local()?
        .get_item(&format!("{ASSESSMENT_PREFIX}{id}"))
        .ok()
        .flatten()?;
    Assessment::from_json(&raw, id, now()).ok()
}

/// Reads another tab's copy of an assessment from a `storage` event.
pub fn changed_elsewhere(key: &str, value: &str, id: &str) -> Option<Assessment> {
    if key != format!("{ASSESSMENT_PREFIX}{id}") {
        return None;
    }
    Assessment::from_json(value, id, now()).ok()
}

/// The assessment open in this tab, so that a reload continues it; other tabs and later
/// visits start from the list.
pub fn open_in_this_tab() -> Option<String> {
    session()?.get_item(OPEN_KEY).ok().flatten()
}

pub fn set_open_in_this_tab(id: Option<&str>) {
    let Some(session) = session() else {
        return;
    };
    let _ = match id {
        Some(id) => session.set_item(OPEN_KEY, id),
        None => session.remove_item(OPEN_KEY),
    };
}

/// Saves an assessment; false when the browser refused (private mode, quota, disabled storage).
pub fn save(assessment: &Assessment) -> bool {
    local().is_some_and(|storage| {
        storage
            .set_item(
                &format!("{ASSESSMENT_PREFIX}{}", assessment.response.id),
                &assessment.to_json(),
            )
            .is_ok()
    })
}

pub fn load_locale() -> Option<String> {
    local()?.get_item(LOCALE_KEY).ok().flatten()
}

pub fn save_locale(code: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(LOCALE_KEY, code);
    }
}

/// The theme the user chose with the toggle ("light" or "dark"); None follows the system.
pub fn load_theme() -> Option<String> {
    local()?.get_item(THEME_KEY).ok().flatten()
}

pub fn save_theme(theme: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(THEME_KEY, theme);
    }
}
