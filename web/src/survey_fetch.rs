//! Finds and fetches the survey file named by `?survey=`, or the default one.

use engine::survey::load::MAX_SURVEY_BYTES;
use engine::survey::source::survey_path;
use engine::{load_survey, Survey, SurveyError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why the survey is not available, shown on the error page in the page's language.
pub struct SurveyFailure {
    pub address: String,
    pub problems: Vec<SurveyProblem>,
}

/// One reason the survey file at the failure's address could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SurveyProblem {
    /// What the survey reader found at one place in the file, as `partnerlens check` lists it.
    File(SurveyError),
    /// The `?survey=` value is not a relative address (a scheme, `//`, spaces).
    NotRelative,
    /// The address points to another site.
    OtherSite,
    /// No answer from the server.
    Unreachable,
    /// Offline, and this device has no copy (the offline worker has never fetched it).
    NotSavedOffline,
    /// The server answered with an error status.
    Status(u16, String),
    /// The body goes past `MAX_SURVEY_BYTES`.
    TooLarge,
}

/// The survey address from the page's query, checked to stay on this origin.
pub fn survey_address() -> Result<String, SurveyFailure> {
    let fail = |address: &str, problem: SurveyProblem| SurveyFailure {
        address: address.to_owned(),
        problems: vec![problem],
    };
    let Some(window) = web_sys::window() else {
        return Err(fail("", SurveyProblem::Unreachable));
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let param = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|params| params.get("survey"));
    let path = survey_path(param.as_deref())
        .map_err(|_| fail(param.as_deref().unwrap_or(""), SurveyProblem::NotRelative))?;
    // The engine refuses schemes and other hosts; the browser's own URL parser has the last word.
    let href = location.href().unwrap_or_default();
    let same_origin = web_sys::Url::new_with_base(&path, &href)
        .ok()
        .is_some_and(|url| Some(url.origin()) == location.origin().ok());
    if same_origin {
        Ok(path)
    } else {
        Err(fail(&path, SurveyProblem::OtherSite))
    }
}

/// Fetches and reads the survey; also returns the file's text, which a hand-over to the full
/// app carries.
pub async fn fetch_survey(address: &str) -> Result<(Survey, String), SurveyFailure> {
    let fail = |problems: Vec<SurveyProblem>| SurveyFailure {
        address: address.to_owned(),
        problems,
    };
    let bytes = fetch_bytes(address).await.map_err(|e| fail(vec![e]))?;
    let survey = load_survey(&bytes)
        .map_err(|errors| fail(errors.0.into_iter().map(SurveyProblem::File).collect()))?;
    // The reader has accepted it as JSON, which is UTF-8.
    Ok((survey, String::from_utf8(bytes).unwrap_or_default()))
}

async fn fetch_bytes(address: &str) -> Result<Vec<u8>, SurveyProblem> {
    let unreachable = |_| SurveyProblem::Unreachable;
    let window = web_sys::window().ok_or(SurveyProblem::Unreachable)?;
    let response = JsFuture::from(window.fetch_with_str(address))
        .await
        .map_err(unreachable)?;
    let response: web_sys::Response = response.dyn_into().map_err(unreachable)?;
    // The offline worker (tools/offline.mjs) says so when it has no copy to answer with.
    let offline = response
        .headers()
        .get("X-PartnerLens-Offline")
        .ok()
        .flatten();
    if offline.as_deref() == Some("not-saved") {
        return Err(SurveyProblem::NotSavedOffline);
    }
    if !response.ok() {
        return Err(SurveyProblem::Status(
            response.status(),
            response.status_text(),
        ));
    }
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    // Read a chunk at a time, and stop at the limit: a huge or endless body is never
    // taken in whole.
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(unreachable)?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &JsValue::from_str(name));
        if field("done").ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            return Ok(bytes);
        }
        let value: js_sys::Uint8Array = field("value").map_err(unreachable)?.unchecked_into();
        let start = bytes.len();
        let end = start + value.length() as usize;
        if end > MAX_SURVEY_BYTES {
            let _ = reader.cancel();
            return Err(SurveyProblem::TooLarge);
        }
        bytes.resize(end, 0);
        value.copy_to(&mut bytes[start..]);
    }
}
