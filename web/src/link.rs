//! What the page's address asks for (the survey, a personal link's prefill), and addresses
//! built on it. Shared by the partner's first module and the full app.

use super::state::use_app_state;
use super::storage;
use engine::answers::assessment::Assessment;
use engine::answers::prefill::prefill;
use engine::answers::response::ProfileAnswers;
use engine::{Response, Survey};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Name-value pairs in the form of a query (`a=1&b=2`, with or without its `?` or `#`).
fn pairs(text: &str) -> Vec<(String, String)> {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(text) else {
        return Vec::new();
    };
    js_sys::Array::from(&params)
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Whether a fragment carries parameters (a personal link's `#partner=…`) rather than naming
/// a place on the page (the review's links to questions).
fn has_params(hash: &str) -> bool {
    hash.contains('=')
}

/// The page's parameters: the query's, then those of a personal link given in the fragment,
/// which no server ever sees. A share link's fragment (`#r=`) is not among them.
pub fn link_params() -> Vec<(String, String)> {
    let location = window().location();
    let mut params = pairs(&location.search().unwrap_or_default());
    let hash = location.hash().unwrap_or_default();
    // The survey is chosen by the query alone, as the page that fetched it read it.
    if has_params(&hash) && !hash.starts_with("#r=") {
        let fragment = pairs(hash.trim_start_matches('#'));
        params.extend(fragment.into_iter().filter(|(name, _)| name != "survey"));
    }
    params
}

/// Takes a link's parameters (a prefill, a share link's answers) out of the address bar,
/// keeping `?survey=`, so a reload never applies them again over the user's own answers and
/// shows this browser's own assessments.
pub fn forget_link_params(source: &str) {
    replace_address(&address_with_survey(source));
}

/// Changes the address bar without a new history entry or a reload.
fn replace_address(address: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(address));
    }
}

/// The `?survey=` value this page was opened with; empty for the default survey.
pub fn survey_source(params: &[(String, String)]) -> String {
    params
        .iter()
        .find(|(name, _)| name == "survey")
        .map(|(_, value)| value.clone())
        .unwrap_or_default()
}

/// A new, empty assessment of the survey this page shows (opened with `source`).
pub fn new_assessment(survey: &Survey, source: &str) -> Assessment {
    let mut assessment = Assessment::new(survey, storage::new_id(), storage::now());
    source.clone_into(&mut assessment.survey_source);
    assessment
}

/// This page's address with only `?survey=` kept (none for the default survey). It is built
/// on the whole current address, never on the path alone: a path such as `//other.host/`
/// would otherwise name another site.
pub fn address_with_survey(source: &str) -> String {
    let href = window().location().href().unwrap_or_default();
    let Ok(url) = web_sys::Url::new(&href) else {
        return "./".to_owned();
    };
    url.set_hash("");
    if source.is_empty() {
        url.set_search("");
    } else {
        url.set_search(&format!(
            "survey={}",
            String::from(js_sys::encode_uri_component(source))
        ));
    }
    url.href()
}

/// A personal link's new assessment, prefilled and saved, with its parameters taken out of the
/// address. Only a link that names something of the profile starts one; one that carries just
/// other parameters (a campaign tag, say) changes nothing. `ignored` gets what it could not use.
pub fn prefilled(
    survey: &Survey,
    params: &[(String, String)],
    ignored: &mut Vec<String>,
) -> Option<Assessment> {
    let source = survey_source(params);
    let link = prefill(survey, params.iter().map(|(n, v)| (n.as_str(), v.as_str())));
    *ignored = link.ignored;
    if link.profile == ProfileAnswers::default() {
        return None;
    }
    let mut assessment = new_assessment(survey, &source);
    let filled = Response {
        profile: link.profile,
        ..assessment.response.clone()
    };
    assessment.record(&filled, storage::now());
    storage::save(&assessment);
    forget_link_params(&source);
    Some(assessment)
}

/// A share link or a personal link pasted into this tab changes only the fragment: open it as
/// a new page. Listens as long as the calling component lives.
pub fn reload_on_pasted_link() {
    let pasted = window_event_listener(leptos::ev::hashchange, |_| {
        if has_params(&window().location().hash().unwrap_or_default()) {
            let _ = window().location().reload();
        }
    });
    on_cleanup(move || pasted.remove());
}

/// What a link named that this survey does not have; nothing when it named nothing such.
#[component]
pub fn LinkIgnored(ignored: Vec<String>) -> impl IntoView {
    let state = use_app_state();
    (!ignored.is_empty()).then(|| {
        let ignored = ignored.join(", ");
        view! { <p class="notice" role="alert">{move || state.strings().link_ignored} " " {ignored.clone()}</p> }
    })
}
