//! The questionnaire: one page per area, autosaved on every change.

use super::element_card::ElementCard;
use super::state::use_app_state;
use super::storage;
use crate::engine::{Response, Survey};
use leptos::html::H2;
use leptos::prelude::*;
use std::sync::Arc;

/// The survey's pages with their questions, and the answers that survive a reload.
#[component]
pub fn Questionnaire(survey: Arc<Survey>) -> impl IntoView {
    let state = use_app_state();
    let (initial, recovered) = match storage::load_response(&survey.id) {
        Ok(saved) => (saved.unwrap_or_else(|| Response::new(&survey)), None),
        Err(problem) => (Response::new(&survey), Some(problem)),
    };
    let response = RwSignal::new(initial);
    let saved = RwSignal::new(None::<bool>);

    // The one effect that syncs answers to the outside world: localStorage, on every change.
    Effect::watch(
        move || response.get(),
        move |response, _, _| saved.set(Some(storage::save_response(response))),
        false,
    );

    // `make bench` measures the time to this mark: the first rating group is on screen.
    Effect::new(move || {
        if let Some(performance) = window().performance() {
            let _ = performance.mark("first-question");
        }
    });

    let page = RwSignal::new(0_usize);
    let pages = survey.areas.len();
    let heading = NodeRef::<H2>::new();
    let go = move |to: usize| page.set(to);
    // After a page change, focus goes to the new page's heading, so screen-reader and
    // keyboard users start at the top of it. Runs after the new page is rendered.
    Effect::watch(
        move || page.get(),
        move |_, _, _| {
            if let Some(heading) = heading.get_untracked() {
                let _ = heading.focus();
            }
        },
        false,
    );

    // Copy, so every closure below can read the survey without its own clone.
    let survey = StoredValue::new(survey);
    view! {
        <main class="questionnaire">
            <h1>{move || survey.with_value(|s| s.title.get(state.code()).to_owned())}</h1>
            <p class="description">{move || survey.with_value(|s| s.description.get(state.code()).to_owned())}</p>
            <p class="privacy">{move || state.strings().privacy_note}</p>
            {recovered
                .map(|problem| {
                    view! {
                        <p class="notice" role="alert">
                            {move || state.strings().storage_recovered} " (" {problem} ")"
                        </p>
                    }
                })}
            {move || {
                let locale = state.locale.get();
                let current = survey.get_value();
                let area = &current.areas[page.get().min(pages - 1)];
                let cards = area
                    .elements
                    .iter()
                    .map(|element| {
                        view! { <ElementCard survey=current.clone() element=element.clone() locale response/> }
                    })
                    .collect_view();
                view! {
                    <section class="page" aria-labelledby="page-title">
                        <h2 id="page-title" tabindex="-1" node_ref=heading>
                            {area.title.get(locale.code()).to_owned()}
                        </h2>
                        <p class="description">{area.description.get(locale.code()).to_owned()}</p>
                        {cards}
                    </section>
                }
            }}
            <nav class="pager" aria-label=move || state.strings().page_of(page.get() + 1, pages)>
                <button
                    type="button"
                    prop:disabled=move || page.get() == 0
                    on:click=move |_| go(page.get().saturating_sub(1))
                >
                    {move || state.strings().previous}
                </button>
                <span class="page-count">
                    {move || state.strings().page_of(page.get() + 1, pages)}
                </span>
                <button
                    type="button"
                    prop:disabled=move || { page.get() + 1 >= pages }
                    on:click=move |_| go((page.get() + 1).min(pages - 1))
                >
                    {move || state.strings().next}
                </button>
            </nav>
            <p class="save-status" role="status">
                {move || match saved.get() {
                    Some(true) => state.strings().saved,
                    _ => "",
                }}
            </p>
        </main>
    }
}
