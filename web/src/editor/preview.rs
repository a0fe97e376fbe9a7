//! The preview of the draft survey: the partners' own questionnaire, in a window of its own
//! (preview.html, a module of its own), so that it can be as narrow as a phone and follow its
//! own language menu. Answers there are never stored, and the window starts again from
//! the top whenever the editor's draft changes.

use super::Ed;
use crate::app::App;
use crate::i18n::{EditorStrings, Locale};
use crate::questionnaire::ReviewContext;
use crate::questionnaire::{Opening, Questionnaire};
use crate::review_page::Unanswered;
use crate::state::{use_app_state, use_survey};
use crate::storage;
use engine::answers::assessment::Assessment;
use engine::answers::handover::{Handover, Target, HANDOVER_VERSION};
use engine::editor::draft::Draft;
use engine::Side;
use leptos::prelude::*;
use std::time::Duration;

/// The preview's address: answering as `side` in `language`.
pub fn preview_address(side: Side, language: &str) -> String {
    format!("preview.html?as={}&lang={language}", side.id())
}

/// A parameter of this page's address.
fn parameter(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The draft's file text when partners' browsers would read it; else why not, in words.
fn draft_survey(words: &'static EditorStrings) -> Result<String, &'static str> {
    let draft = storage::load_draft()
        .and_then(|text| Draft::from_json(&text).ok())
        .ok_or(words.editor_preview_none)?;
    let text = draft.file();
    match engine::load_survey(text.as_bytes()) {
        Ok(_) => Ok(text),
        Err(_) => Err(words.editor_preview_broken),
    }
}

/// Mounts the preview in the page's root: the app around the draft survey, or why there is
/// none to show.
pub fn mount_preview() {
    let side = parameter("as")
        .and_then(|id| Side::from_id(&id))
        .unwrap_or_default();
    let language = parameter("lang")
        .and_then(|code| Locale::from_code(&code))
        .unwrap_or_default();
    // Typing in the editor changes the draft at every key: start again once it rests.
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().is_some_and(|key| storage::is_draft_key(&key)) {
            if let Some(handle) = pending.try_update_value(Option::take).flatten() {
                handle.clear();
            }
            let handle = set_timeout_with_handle(
                || {
                    let _ = window().location().reload();
                },
                Duration::from_millis(600),
            );
            pending.set_value(handle.ok());
        }
    });
    // The listener lives as long as the page.
    std::mem::forget(listener);
    let root = crate::first_page::root();
    let survey = match draft_survey(language.editor()) {
        Ok(survey) => survey,
        Err(why) => {
            leptos::mount::mount_to(root, move || {
                let words = language.editor();
                view! {
                    <main class="editor preview" lang=language.code() dir=language.dir()>
                        <h1>{words.editor_preview_title}</h1>
                        <p role="alert" class="notice warning">{why}</p>
                        <p><a href="editor.html">{words.editor_title}</a></p>
                    </main>
                }
            })
            .forget();
            return;
        }
    };
    let handover = Handover {
        version: HANDOVER_VERSION,
        target: Target::Start,
        survey,
        assessment: None,
        locale: language.code().to_owned(),
        dark: storage::load_theme().map_or_else(
            || {
                window()
                    .match_media("(prefers-color-scheme: dark)")
                    .ok()
                    .flatten()
                    .is_some_and(|query| query.matches())
            },
            |theme| theme == "dark",
        ),
    };
    leptos::mount::mount_to(root, move || {
        provide_context(side);
        view! { <App handover=Some(handover.clone()) screens=|| view! { <Preview/> }.into_any() failed=crate::survey_error_page::survey_error_page/> }
    })
    .forget();
}

/// The questionnaire of the draft survey, as the side the editor chose, under a line that says
/// this is a preview.
#[component]
fn Preview() -> impl IntoView {
    let state = use_app_state();
    let survey = use_survey();
    let side = use_context::<Side>().unwrap_or(Side::Partner);
    let mut assessment = Assessment::new(&survey, "preview".to_owned(), storage::now());
    assessment.response.profile.side = Some(side);
    let restart = Callback::new(|()| {
        let _ = window().location().reload();
    });
    view! {
        <main>
            <p class="notice preview-note" role="note">{move || state.locale.get().editor().editor_preview_note}</p>
            <Questionnaire assessment opening=Opening::Top on_leave=restart review=preview_review preview=true/>
        </main>
    }
}

/// The review page without the results report: the partners' report and its charts would
/// double the editor's module, and a preview is for the questions.
fn preview_review() -> Callback<ReviewContext, AnyView> {
    Callback::new(|c: ReviewContext| {
        let words = use_app_state().locale.get_untracked().editor();
        view! {
            <Unanswered response=c.response questions=c.questions go_to=c.go_to/>
            <p class="notice">{words.editor_preview_results}</p>
        }
        .into_any()
    })
}

/// The way into the preview: which side answers, whether at a phone's width, and the button.
#[component]
pub fn PreviewTools(ed: Ed) -> impl IntoView {
    let words = move || ed.state.locale.get().editor();
    let side = RwSignal::new(Side::Partner);
    let phone = RwSignal::new(true);
    let open = move |_| {
        // The preview reads the draft from storage: keep it there now, edited or not.
        ed.keep_now();
        let address = preview_address(side.get_untracked(), &ed.language.get_untracked());
        // A window of its own has a phone's width for real: the page's layout answers to it.
        let features = if phone.get_untracked() {
            "popup,width=360,height=760"
        } else {
            ""
        };
        let opened = window().open_with_url_and_target_and_features(
            &address,
            "partnerlens-preview",
            features,
        );
        if !matches!(opened, Ok(Some(_))) {
            ed.notice
                .set(Some(words().editor_preview_blocked.to_owned()));
        }
    };
    let radio =
        move |value: Side, label: fn(&'static crate::i18n::EditorStrings) -> &'static str| {
            let id = format!("preview-as-{}", value.id());
            view! {
                <span class="choice">
                    <input type="radio" id=id.clone() name="preview-as" prop:checked=move || side.get() == value on:change=move |_| side.set(value)/>
                    <label for=id>{move || label(words())}</label>
                </span>
            }
        };
    view! {
        <section class="editor-preview" aria-labelledby="editor-preview-title">
            <h2 id="editor-preview-title">{move || words().editor_preview}</h2>
            <p class="privacy">{move || words().editor_preview_intro}</p>
            <fieldset class="audience">
                <legend>{move || words().editor_preview_as}</legend>
                <div class="choices">
                    {radio(Side::Partner, |w| w.editor_preview_partner)}
                    {radio(Side::Vendor, |w| w.editor_preview_vendor)}
                </div>
            </fieldset>
            <div class="actions-row">
                <span class="field flag">
                    <input type="checkbox" id="preview-phone" prop:checked=move || phone.get() on:change:target=move |ev| phone.set(ev.target().checked())/>
                    <label for="preview-phone">{move || words().editor_preview_phone}</label>
                </span>
                <button type="button" on:click=open>{move || words().editor_preview_open}</button>
            </div>
        </section>
    }
}
