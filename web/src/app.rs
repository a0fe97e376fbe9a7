//! The root component: picks the survey, loads it, and shows the page's screens (the
//! partner's assessments, or the vendor's dashboard) or the error page.

use super::first_page;
use super::header::AppHeader;
use super::i18n::Locale;
use super::state::{provide_app_state, AppState};
use super::storage;
use super::survey_fetch::{fetch_survey, survey_address, SurveyFailure};
use super::update::UpdateNotice;
use engine::answers::handover::Handover;
use engine::{load_survey, Survey};
use leptos::context::Provider;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    /// The survey the first module will hand over, read while the partner answers (`prepare`),
    /// so that the hand-over at the review need not read it again.
    static PREPARED: std::cell::RefCell<Option<(String, Survey)>> = const { std::cell::RefCell::new(None) };
}

/// Reads the survey the first module is showing, ahead of its hand-over. A survey that cannot
/// be read is left for the hand-over to explain.
pub fn prepare(text: &str) {
    if let Ok(survey) = load_survey(text.as_bytes()) {
        PREPARED.with(|prepared| *prepared.borrow_mut() = Some((text.to_owned(), survey)));
    }
}

/// The survey in `text`: the one read ahead when it is the same text, else read now.
fn read_handed(text: &str) -> Option<Survey> {
    let prepared = PREPARED.with(|prepared| prepared.borrow_mut().take());
    match prepared {
        Some((read, survey)) if read == text => Some(survey),
        _ => load_survey(text.as_bytes()).ok(),
    }
}

#[derive(Clone)]
enum SurveyLoad {
    Loading,
    Ready(Arc<Survey>),
    Failed(Arc<SurveyFailure>),
}

/// The locale saved from an earlier visit, else the browser's language, else English.
fn initial_locale() -> Locale {
    let browser = web_sys::window().and_then(|w| w.navigator().language());
    storage::load_locale()
        .or(browser)
        .and_then(|code| Locale::from_code(&code))
        .unwrap_or_default()
}

/// The system's dark-mode query.
fn dark_query() -> Option<web_sys::MediaQueryList> {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// The theme saved from the toggle, else the system's preference, which is then followed
/// as it changes (at dusk, say) until the user picks one.
fn dark_theme() -> RwSignal<bool> {
    if let Some(theme) = storage::load_theme() {
        return RwSignal::new(theme == "dark");
    }
    let query = dark_query();
    let dark = RwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
    if let Some(query) = query {
        let follow = Closure::<dyn Fn()>::new(move || {
            if storage::load_theme().is_none() {
                dark.set(dark_query().is_some_and(|q| q.matches()));
            }
        });
        query.set_onchange(Some(follow.as_ref().unchecked_ref()));
        // The listener lives as long as the page.
        follow.forget();
    }
    dark
}

/// Follows print mode: the print dialog and print emulation both switch the `print` query.
fn printing() -> RwSignal<bool> {
    let printing = RwSignal::new(false);
    if let Ok(Some(query)) = window().match_media("print") {
        let follow = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |event: web_sys::MediaQueryListEvent| {
                printing.set(event.matches());
            },
        );
        query.set_onchange(Some(follow.as_ref().unchecked_ref()));
        // The listener lives as long as the page.
        follow.forget();
    }
    printing
}

/// The survey file's text as fetched, for a hand-over to the full app.
#[derive(Clone, Copy)]
pub struct SurveyText(pub StoredValue<String>);

/// The whole app around one page's screens.
#[component]
pub fn App(
    /// What the page shows once its survey has loaded, which it finds with `use_survey`.
    screens: fn() -> AnyView,
    /// What the page shows when the survey cannot be used.
    failed: fn(Arc<SurveyFailure>) -> AnyView,
    /// What the partner's first module handed over: the survey, language and theme it had.
    #[prop(default = None)]
    handover: Option<Handover>,
) -> impl IntoView {
    let state = AppState {
        locale: RwSignal::new(initial_locale()),
        dark: dark_theme(),
        printing: printing(),
    };
    if let Some(handover) = &handover {
        if let Some(locale) = Locale::from_code(&handover.locale) {
            state.locale.set(locale);
        }
        state.dark.set(handover.dark);
    }
    provide_app_state(state);
    let text = SurveyText(StoredValue::new(String::new()));
    provide_context(text);

    // Keeps <html lang dir> and the saved choice in step with the language menu.
    Effect::new(move || {
        let locale = state.locale.get();
        storage::save_locale(locale.code());
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", locale.code());
            let _ = root.set_attribute("dir", locale.dir());
        }
    });

    // The stylesheet's `light-dark()` colours follow `data-theme`.
    Effect::new(move || {
        if let Some(root) = document().document_element() {
            let theme = if state.dark.get() { "dark" } else { "light" };
            let _ = root.set_attribute("data-theme", theme);
        }
    });

    // A handed-over survey was read by the first module already: no fetch, no loading screen.
    let handed = handover.and_then(|h| Some((read_handed(&h.survey)?, h.survey)));
    let load = RwSignal::new(SurveyLoad::Loading);
    match (handed, survey_address()) {
        (Some((survey, raw)), _) => {
            text.0.set_value(raw);
            load.set(SurveyLoad::Ready(Arc::new(survey)));
        }
        (None, Ok(address)) => spawn_local(async move {
            load.set(match fetch_survey(&address).await {
                Ok((survey, raw)) => {
                    text.0.set_value(raw);
                    SurveyLoad::Ready(Arc::new(survey))
                }
                Err(failure) => SurveyLoad::Failed(Arc::new(failure)),
            });
        }),
        (None, Err(failure)) => load.set(SurveyLoad::Failed(Arc::new(failure))),
    }

    // The partner's first page may be on screen from the HTML already: the app's takes its
    // place once drawn, whatever it shows (the questionnaire, or why the survey failed). In
    // the next frame, so that the page's own effects (autosave) already watch what the
    // take-over replays.
    Effect::new(move || {
        if !matches!(load.get(), SurveyLoad::Loading) {
            request_animation_frame(first_page::take_over);
        }
    });

    let title = move || match load.get() {
        SurveyLoad::Ready(survey) => Some(survey.title.get(state.code()).to_owned()),
        _ => None,
    };
    // The tab title names the survey, so a partner with many tabs finds it.
    Effect::new(move || {
        let app = state.strings().app_name;
        document().set_title(&match title() {
            Some(title) => format!("{title} · {app}"),
            None => app.to_owned(),
        });
    });

    view! {
        <AppHeader/>
        <UpdateNotice/>
        {move || match load.get() {
            SurveyLoad::Loading => {
                view! { <main class="loading"><p role="status">{move || state.strings().loading_survey}</p></main> }
                    .into_any()
            }
            SurveyLoad::Ready(survey) => view! { <Provider value=survey>{screens()}</Provider> }.into_any(),
            SurveyLoad::Failed(failure) => failed(failure),
        }}
    }
}
