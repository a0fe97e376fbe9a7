//! Browser tests (wasm-bindgen-test in headless Chromium): the questionnaire mounts with the
//! default survey, shows the first question, and an answer survives a remount via localStorage.

use engine::load_survey;
use leptos::prelude::*;
use partnerlens_web::i18n::Locale;
use partnerlens_web::{provide_app_state, AppState, Home};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Where the first app version (stored format 0) kept the answers to the default survey.
const V0_KEY: &str = "partnerlens.assessment.partner-experience";

fn default_survey() -> Arc<engine::Survey> {
    let bytes = include_bytes!("../public/surveys/partner-experience.json");
    Arc::new(load_survey(bytes).expect("the default survey is valid"))
}

fn mount(survey: Arc<engine::Survey>) -> impl Drop {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.unchecked_into(), move || {
        provide_app_state(AppState {
            locale: RwSignal::new(Locale::default()),
            dark: RwSignal::new(false),
            printing: RwSignal::new(false),
        });
        // The survey as `App` provides it once loaded.
        provide_context(survey.clone());
        view! { <Home/> }
    })
}

fn radio(group: &str, value: i32) -> web_sys::HtmlInputElement {
    document()
        .query_selector(&format!(
            "fieldset[aria-label=\"{group}\"] input[type=radio][value=\"{value}\"]"
        ))
        .unwrap()
        .unwrap_or_else(|| panic!("no radio {value} in {group}"))
        .unchecked_into()
}

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

/// A fresh browser: nothing stored, nothing open in this tab.
fn clear_storage() {
    storage().clear().unwrap();
    window()
        .session_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

/// Clicks a button by its visible text.
async fn click_button(text: &str) {
    let buttons = document().query_selector_all("button").unwrap();
    let button: web_sys::HtmlElement = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .find(|b| b.text_content().as_deref() == Some(text))
        .unwrap_or_else(|| panic!("no button \"{text}\""))
        .unchecked_into();
    button.click();
    leptos::task::tick().await;
}

/// Every stored assessment as (key, blob).
fn assessments() -> Vec<(String, String)> {
    let store = storage();
    (0..store.length().unwrap())
        .filter_map(|i| store.key(i).unwrap())
        .filter(|key| key.starts_with("partnerlens.assessment."))
        .map(|key| {
            let blob = store.get_item(&key).unwrap().unwrap();
            (key, blob)
        })
        .collect()
}

/// Waits `ms` milliseconds of the browser's time.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Clicks "Previous" and waits for the new page: it is drawn in the task after the click's
/// own frame, and a tick later the inputs have their values.
async fn previous_page() {
    let previous: web_sys::HtmlElement = document()
        .query_selector("nav.pager button:first-of-type")
        .unwrap()
        .expect("a Previous button")
        .unchecked_into();
    let before = page_title();
    previous.click();
    for _ in 0..200 {
        if page_title() != before {
            break;
        }
        sleep(10).await;
    }
    leptos::task::tick().await;
}

fn page_title() -> String {
    document()
        .get_element_by_id("page-title")
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

/// The exact blob the first app version stored (format 0), with the profile filled in.
const PROFILE_DONE: &str = r#"{"survey_id":"partner-experience","profile":{"partner_name":"Acme","partner_type":"solution-reseller","region":"emea","program_tier":"gold","side":"partner","wave":"2026"}}"#;

#[wasm_bindgen_test]
async fn a_format_0_blob_migrates_and_an_answer_survives_a_remount() {
    clear_storage();
    storage().set_item(V0_KEY, PROFILE_DONE).unwrap();
    let survey = default_survey();

    let handle = mount(survey.clone());
    leptos::task::tick().await;
    // A returning visitor sees the list first; the profile is complete, so "Continue" picks
    // up at the first open question.
    let heading = document().query_selector("main h1").unwrap().unwrap();
    assert_eq!(heading.text_content().unwrap(), "Your assessments");
    let row = document().query_selector("tbody th").unwrap().unwrap();
    assert_eq!(row.text_content().unwrap(), "Acme");
    click_button("Continue").await;
    assert_eq!(page_title(), "Brand");
    // Migrated to format 1 under the assessment's own key, every answer kept with time 0.
    let stored = assessments();
    assert_eq!(stored.len(), 1, "{stored:?}");
    let (key, blob) = &stored[0];
    assert_ne!(key, V0_KEY);
    assert!(blob.starts_with(r#"{"storage_version":1,"#), "{blob}");
    assert!(blob.contains(r#""/profile/partner_name":0"#), "{blob}");
    assert!(blob.contains(r#""profile":{"partner_name":"Acme","partner_type":"solution-reseller","region":"emea","program_tier":"gold","side":"partner","wave":"2026"}"#), "{blob}");

    let first = radio("Reputation — importance", 4);
    assert!(!first.checked());
    first.click();
    leptos::task::tick().await;
    let saved = storage().get_item(key).unwrap().expect("saved at once");
    assert!(
        saved.contains(r#""reputation":{"importance":4}"#),
        "saved blob: {saved}"
    );
    assert!(
        !saved.contains(r#""/ratings/reputation/importance":0"#)
            && saved.contains(r#""/ratings/reputation/importance":"#),
        "the answer carries its change time: {saved}"
    );
    drop(handle);

    // A reload continues what this tab had open.
    let _again = mount(survey);
    leptos::task::tick().await;
    assert_eq!(page_title(), "Brand");
    assert!(radio("Reputation — importance", 4).checked());
    assert!(!radio("Reputation — importance", 3).checked());
    assert!(!radio("Reputation — performance", 4).checked());
    previous_page().await;
    let company: web_sys::HtmlInputElement = document()
        .get_element_by_id("profile-partner-name")
        .expect("the profile is the page before")
        .unchecked_into();
    assert_eq!(company.value(), "Acme");
}

#[wasm_bindgen_test]
async fn unreadable_saved_answers_are_set_aside_not_overwritten() {
    let store = storage();
    clear_storage();
    store.set_item(V0_KEY, "{this is not json").unwrap();
    let _handle = mount(default_survey());
    leptos::task::tick().await;
    let alert = document()
        .query_selector("[role=alert]")
        .unwrap()
        .expect("a notice");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("cannot be used by this version"));
    let kept = (0..store.length().unwrap())
        .filter_map(|i| store.key(i).unwrap())
        .filter(|key| key.starts_with("partnerlens.quarantine."))
        .filter_map(|key| store.get_item(&key).unwrap())
        .any(|value| value == "{this is not json");
    assert!(kept, "the unreadable blob is kept under a quarantine key");
    assert!(
        assessments().is_empty(),
        "and its key is free for a fresh start"
    );
}
