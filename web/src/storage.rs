//! The only place that touches localStorage.
//!
//! Stored format 1 (docs/storage-format.md): one key per assessment,
//! `partnerlens.assessment.<assessment id>`, holding an engine `Assessment` as JSON. A
//! version-0 blob (a bare `Response` under `partnerlens.assessment.<survey id>`) is migrated
//! on load.

use engine::answers::assessment::{newest_first, Assessment, Millis, StoredProblem};
use engine::answers::set_aside::{plan_set_aside, SET_ASIDE_PREFIX};
use engine::Survey;
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use leptos::prelude::window;

const ASSESSMENT_PREFIX: &str = "partnerlens.assessment.";
const LOCALE_KEY: &str = "partnerlens.locale";
const THEME_KEY: &str = "partnerlens.theme";
const OPEN_KEY: &str = "partnerlens.open";
/// The survey editor's draft (engine::editor::draft::Draft as JSON).
const DRAFT_KEY: &str = "partnerlens.editor.draft";

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

/// Every stored key that starts with `prefix`.
fn keys_with(storage: &web_sys::Storage, prefix: &str) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect()
}

/// Every key with `prefix` and its text.
fn entries_with(storage: &web_sys::Storage, prefix: &str) -> Vec<(String, String)> {
    keys_with(storage, prefix)
        .into_iter()
        .filter_map(|key| Some((key.clone(), storage.get_item(&key).ok().flatten()?)))
        .collect()
}

/// Copies a damaged entry aside (once, and no more than a few copies of it), then removes
/// it from its key so autosave never writes over the only copy. When the browser refuses
/// the copy (storage full), the entry stays where it is, unread; returns whether it moved.
fn set_aside(storage: &web_sys::Storage, key: &str, raw: &str) -> bool {
    let plan = plan_set_aside(&entries_with(storage, SET_ASIDE_PREFIX), key, raw, now());
    if let Some(copy) = &plan.write {
        if storage.set_item(copy, raw).is_err() {
            return false;
        }
    }
    for old in &plan.remove {
        let _ = storage.remove_item(old);
    }
    storage.remove_item(key).is_ok()
}

/// A stored entry that this version cannot use as it is.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    /// The key it is stored under: a set-aside key, or its own key when it stays in place.
    pub key: String,
    /// Why it cannot be read; None for a set-aside copy that reads now (an older version of
    /// the app set it aside), which can be restored.
    pub problem: Option<StoredProblem>,
    /// The entry exactly as it is, for download.
    pub raw: String,
}

impl SetAside {
    /// Left under its own key (saved by a newer version): the user cannot discard it here.
    pub fn in_place(&self) -> bool {
        self.key.starts_with(ASSESSMENT_PREFIX)
    }
}

/// Everything stored: the assessments that could be read (of any survey, newest first) and the
/// entries that could not.
pub struct Listing {
    pub assessments: Vec<Assessment>,
    pub set_aside: Vec<SetAside>,
}

/// Reads every stored assessment. A damaged entry is set aside (`set_aside`); one saved by a
/// newer version stays where it is and is listed, untouched. Older formats are migrated and
/// saved under their new key. Answers given to an earlier structure of `survey` are kept
/// (scoring ignores ids that no longer exist) and the entry is stamped with the new structure.
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
    for (key, raw) in entries_with(&storage, ASSESSMENT_PREFIX) {
        let mut assessment = match Assessment::from_json(&raw, &new_id(), now()) {
            Ok(assessment) => assessment,
            Err(problem @ StoredProblem::TooNew(_)) => {
                listing.set_aside.push(SetAside {
                    key,
                    problem: Some(problem),
                    raw,
                });
                continue;
            }
            Err(problem) => {
                if !set_aside(&storage, &key, &raw) {
                    listing.set_aside.push(SetAside {
                        key,
                        problem: Some(problem),
                        raw,
                    });
                }
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
            assessment.response.structure_hash = hash;
            save(&assessment);
        }
        listing.assessments.push(assessment);
    }
    for (key, raw) in entries_with(&storage, SET_ASIDE_PREFIX) {
        let problem = Assessment::from_json(&raw, "", 0).err();
        listing.set_aside.push(SetAside { key, problem, raw });
    }
    newest_first(&mut listing.assessments);
    listing
}

/// Brings a set-aside copy that reads now back among the assessments: merged answer by
/// answer into the assessment of its id when there is one, so that no later answer is lost.
/// The copy is removed once the assessment is stored; false when that failed.
pub fn restore_set_aside(key: &str) -> bool {
    let Some(storage) = local() else {
        return false;
    };
    let Some(raw) = storage.get_item(key).ok().flatten() else {
        return false;
    };
    let Ok(copy) = Assessment::from_json(&raw, &new_id(), now()) else {
        return false;
    };
    let restored = match stored_copy(&copy.response.id) {
        Some(mut here) => {
            here.merge(&copy);
            here
        }
        None if is_taken(&copy.response.id) => return false,
        None => copy,
    };
    save(&restored) && storage.remove_item(key).is_ok()
}

/// Deletes a set-aside copy, once the user has it (downloaded) or does not want it.
pub fn discard_set_aside(key: &str) -> bool {
    key.starts_with(SET_ASIDE_PREFIX) && local().is_some_and(|s| s.remove_item(key).is_ok())
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

/// Whether this browser holds any assessment entry, readable or not: a returning visitor,
/// whom the full app greets with the list.
pub fn has_entries() -> bool {
    local().is_some_and(|storage| {
        !keys_with(&storage, ASSESSMENT_PREFIX).is_empty()
            || !keys_with(&storage, SET_ASIDE_PREFIX).is_empty()
    })
}

/// The stored copy of an assessment, as another tab may have saved it.
pub fn stored_copy(id: &str) -> Option<Assessment> {
    stored_copy_since(id, None)
}

/// The stored copy of an assessment if another tab has saved it since this tab stored `ours`:
/// None while the stored text is still `ours`, which then need not be read again.
pub fn stored_copy_since(id: &str, ours: Option<&str>) -> Option<Assessment> {
    let raw = local()?
        .get_item(&format!("{ASSESSMENT_PREFIX}{id}"))
        .ok()
        .flatten()?;
    if ours == Some(raw.as_str()) {
        return None;
    }
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
    store(assessment).is_some()
}

/// Stores an assessment; the text stored, or None when the browser refused.
pub fn store(assessment: &Assessment) -> Option<String> {
    let text = assessment.to_json();
    local()?
        .set_item(
            &format!("{ASSESSMENT_PREFIX}{}", assessment.response.id),
            &text,
        )
        .ok()?;
    Some(text)
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

/// The survey editor's stored draft, as text.
pub fn load_draft() -> Option<String> {
    local()?.get_item(DRAFT_KEY).ok().flatten()
}

/// Whether a `storage` event's key is the survey editor's draft.
pub fn is_draft_key(key: &str) -> bool {
    key == DRAFT_KEY
}

/// Keeps the survey editor's draft; false when the browser refused (storage full or denied).
pub fn save_draft(text: &str) -> bool {
    local().is_some_and(|storage| storage.set_item(DRAFT_KEY, text).is_ok())
}
