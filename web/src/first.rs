//! The partner's first module (index.html's wasm) holds what the first page needs: the
//! survey, the questionnaire and autosave. Everything else a partner may reach (the review and
//! its results, the list of assessments, share links, import) is the full app, a second wasm
//! module loaded at idle once the first question is on screen. The first module hands over to
//! it with its state as JSON (`engine::handover`): at the review, at "All assessments", or at
//! once for a share link or a returning visitor.

use super::app::{App, SurveyText};
use super::first_page;
use super::full_app;
use super::link::{
    link_params, new_assessment, prefilled, reload_on_pasted_link, survey_source, LinkIgnored,
};
use super::paint::after_paint;
use super::questionnaire::{Opening, Questionnaire, ReviewContext};
use super::state::{use_app_state, use_survey};
use super::storage;
use engine::answers::assessment::Assessment;
use engine::answers::handover::{Handover, Target, HANDOVER_VERSION};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::any::Any;
use std::cell::RefCell;

thread_local! {
    /// The first module's mounted view, dropped (unmounted, its effects and listeners
    /// disposed) once the full app has taken over.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Mounts the first module's app on the page's body.
pub fn mount_first() {
    let handle = leptos::mount::mount_to(first_page::root(), || {
        // A survey that cannot be used is explained by the full app, which holds the words
        // for what can be wrong in a survey file: partners on a good link never load them.
        view! {
            <App
                screens=|| view! { <FirstHome/> }.into_any()
                failed=|_| view! { <main><HandOver target=Target::Start assessment=None/></main> }.into_any()
            />
        }
    });
    MOUNTED.with(|mounted| *mounted.borrow_mut() = Some(Box::new(handle)));
}

/// The questionnaire of a new assessment, or the hand-over to the full app.
#[component]
fn FirstHome() -> impl IntoView {
    let hash = window().location().hash().unwrap_or_default();
    // A share link or saved assessments: the full app's start screen decides. The page's loader
    // starts the full app alone in these cases; this is for when it could not tell.
    if hash.starts_with("#r=") || storage::has_entries() {
        return view! { <main><HandOver target=Target::Start assessment=None/></main> }.into_any();
    }
    let survey = use_survey();
    let params = link_params();
    let mut ignored = Vec::new();
    let assessment = prefilled(&survey, &params, &mut ignored)
        .unwrap_or_else(|| new_assessment(&survey, &survey_source(&params)));
    // A reload continues this assessment (in the full app, which finds it stored).
    storage::set_open_in_this_tab(Some(&assessment.response.id));
    let leaving = RwSignal::new(false);
    let on_leave = Callback::new(move |()| leaving.set(true));
    reload_on_pasted_link();
    if let Some(text) = use_context::<SurveyText>() {
        text.0.with_value(|text| full_app::preload(text));
    }
    view! {
        <main>
            <LinkIgnored ignored/>
            {move || if leaving.get() {
                view! { <HandOver target=Target::List assessment=None/> }.into_any()
            } else {
                view! {
                    <Questionnaire
                        assessment=assessment.clone()
                        opening=Opening::Top
                        on_leave
                        review=hand_over_review
                    />
                }
                .into_any()
            }}
        </main>
    }
    .into_any()
}

/// The first module's review slot: the review is the full app's, which opens at it.
fn hand_over_review() -> Callback<ReviewContext, AnyView> {
    Callback::new(|review: ReviewContext| {
        view! { <HandOver target=Target::Review assessment=Some(review.assessment)/> }.into_any()
    })
}

/// Loads the full app and starts it where `target` says; meanwhile a status line, and if it
/// cannot be loaded (offline, a deploy in between) why, with a way to try again.
#[component]
fn HandOver(target: Target, assessment: Option<StoredValue<Assessment>>) -> impl IntoView {
    let state = use_app_state();
    let survey = use_context::<SurveyText>().map(|text| text.0);
    let failed = RwSignal::new(false);
    let attempt = move || {
        failed.set(false);
        // Read now, while this module's state is alive; it is gone once the full app starts.
        let handover = Handover {
            version: HANDOVER_VERSION,
            target,
            survey: survey.map(|s| s.get_value()).unwrap_or_default(),
            assessment: assessment.map(|a| a.with_value(Assessment::to_json)),
            locale: state.locale.get_untracked().code().to_owned(),
            dark: state.dark.get_untracked(),
        }
        .to_json();
        spawn_local(async move {
            // "Opening…" is painted first: the full app's start is the heaviest task here.
            after_paint().await;
            match full_app::start(&handover).await {
                // The full app is on the page: this module's view goes.
                Ok(()) => drop(MOUNTED.with(|mounted| mounted.borrow_mut().take())),
                Err(_) => failed.set(true),
            }
        });
    };
    attempt();
    view! {
        <p role="status" class="loading" hidden=move || failed.get()>{move || state.strings().opening}</p>
        <p class="notice error" role="alert" hidden=move || !failed.get()>
            {move || state.strings().part_failed} " "
            <button type="button" on:click=move |_| attempt()>{move || state.strings().try_again}</button>
        </p>
    }
}
