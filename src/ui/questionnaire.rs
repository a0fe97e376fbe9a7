//! The questionnaire: the profile, then one page per area; every change autosaved.
//!
//! The section pages and the review (engine support in `engine::questionnaire`) come next;
//! each page kind must fit the partner download budget (docs/performance.md).

use super::element_card::ElementCard;
use super::profile_page::ProfilePage;
use super::state::use_app_state;
use super::storage;
use crate::engine::questionnaire::{
    missing_profile, page_text, pages, questions_on, Page, ProfileField, Progress,
};
use crate::engine::survey::visible;
use crate::engine::{Response, Survey};
use leptos::html::H2;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Focuses a question by its DOM id; a radio group gets focus on its chosen or first radio.
fn focus_anchor(anchor: &str) {
    let Some(element) = document().get_element_by_id(anchor) else {
        return;
    };
    let target = if element.tag_name() == "FIELDSET" || element.tag_name() == "ARTICLE" {
        element
            .query_selector("input:checked")
            .ok()
            .flatten()
            .or_else(|| element.query_selector("input").ok().flatten())
    } else {
        Some(element)
    };
    if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = target.focus();
    }
}

/// How far along the respondent is, counting only the questions shown to them.
#[component]
fn ProgressBar(#[prop(into)] progress: Signal<Progress>) -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="progress">
            <div
                class="bar"
                role="progressbar"
                aria-label=move || state.strings().progress
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || progress.get().percent()
                aria-valuetext=move || {
                    let p = progress.get();
                    state.strings().answered_of(p.answered, p.total)
                }
            >
                <div class="fill" style:width=move || format!("{}%", progress.get().percent())></div>
            </div>
            <span class="percent" aria-hidden="true">{move || format!("{}%", progress.get().percent())}</span>
        </div>
    }
}

/// The survey's pages with their questions, and the answers that survive a reload.
#[component]
pub fn Questionnaire(survey: Arc<Survey>) -> impl IntoView {
    let state = use_app_state();
    let (initial, recovered) = match storage::load_response(&survey) {
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

    // `make bench` measures the time to this mark: the first question is on screen.
    Effect::new(move || {
        if let Some(performance) = window().performance() {
            let _ = performance.mark("first-question");
        }
    });

    // Copy, so every closure below can read the survey without its own clone.
    let survey = StoredValue::new(survey);
    let shown_pages =
        Memo::new(move |_| response.with(|r| survey.with_value(|s| built_pages(pages(s, r)))));
    let progress = Memo::new(move |_| {
        shown_pages.with(|shown| {
            response.with(|r| survey.with_value(|s| Progress::of(&questions_on(s, r, shown))))
        })
    });
    let page = RwSignal::new(Page::Profile);
    let invalid = RwSignal::new(Vec::<ProfileField>::new());
    let heading = NodeRef::<H2>::new();

    let index_of =
        move |at: Page| shown_pages.with(|p| p.iter().position(|x| *x == at).unwrap_or(0));
    let position = move || index_of(page.get());
    // Moves `step` pages along the shown ones; handlers read without subscribing.
    let step = move |step: isize| {
        let at = untrack(position);
        let to = at
            .checked_add_signed(step)
            .and_then(|i| shown_pages.with_untracked(|p| p.get(i).copied()));
        if let Some(to) = to {
            page.set(to);
        }
    };
    let next = move || {
        if page.get_untracked() == Page::Profile {
            let missing = response.with_untracked(|r| survey.with_value(|s| missing_profile(s, r)));
            invalid.set(missing.clone());
            if let Some(first) = missing.first() {
                focus_anchor(first.anchor());
                return;
            }
        }
        step(1);
    };
    // After a page change, focus goes to the new page's heading, so keyboard and
    // screen-reader users start at its top. Runs after the new page is rendered.
    Effect::watch(
        move || page.get(),
        move |_, _, _| {
            if let Some(heading) = heading.get_untracked() {
                let _ = heading.focus();
            }
        },
        false,
    );

    let page_view = move || {
        let locale = state.locale.get();
        let strings = locale.strings();
        let code = locale.code();
        let current = page.get();
        let survey = survey.get_value();
        let (title, description, body) = match current {
            Page::Area(a) => {
                let shown: Vec<_> = response.with_untracked(|r| {
                    let facts = r.facts(&survey);
                    let elements = &survey.areas[a].elements;
                    elements
                        .iter()
                        .filter(|e| visible(&e.show_if, &facts))
                        .cloned()
                        .collect()
                });
                let cards = shown
                    .into_iter()
                    .map(|element| view! { <ElementCard survey=survey.clone() element locale response/> })
                    .collect_view();
                let (title, description) = page_text(&survey, current)
                    .map(|(t, d)| (t.get(code).to_owned(), d.get(code).to_owned()))
                    .unwrap_or_default();
                (title, description, cards.into_any())
            }
            _ => (
                strings.profile_title.to_owned(),
                String::new(),
                view! { <ProfilePage survey=survey.clone() locale response invalid/> }.into_any(),
            ),
        };
        view! {
            <section class="page" aria-labelledby="page-title">
                <h2 id="page-title" tabindex="-1" node_ref=heading>{title}</h2>
                {(!description.is_empty()).then(|| view! { <p class="description">{description}</p> })}
                {move || {
                    (current == Page::Profile && !invalid.with(Vec::is_empty))
                        .then(|| {
                            let names = invalid.with(|fields| {
                                survey_field_names(&survey, fields, code)
                            });
                            view! {
                                <p class="notice error" role="alert">{strings.missing_fields} " " {names}</p>
                            }
                        })
                }}
                {body}
            </section>
        }
    };

    view! {
        <main class="questionnaire">
            <h1>{move || survey.with_value(|s| s.title.get(state.code()).to_owned())}</h1>
            <p class="description">{move || survey.with_value(|s| s.description.get(state.code()).to_owned())}</p>
            <p class="privacy">{move || state.strings().privacy_note}</p>
            <ProgressBar progress/>
            {recovered
                .map(|problem| {
                    view! {
                        <p class="notice" role="alert">
                            {move || state.strings().storage_recovered} " (" {problem} ")"
                        </p>
                    }
                })}
            {page_view}
            <nav class="pager" aria-label=move || state.strings().pages>
                <button type="button" prop:disabled=move || position() == 0 on:click=move |_| step(-1)>
                    {move || state.strings().previous}
                </button>
                <span class="page-count">
                    {move || state.strings().page_of(position() + 1, shown_pages.with(Vec::len))}
                </span>
                <button
                    type="button"
                    prop:disabled=move || { position() + 1 >= shown_pages.with(Vec::len) }
                    on:click=move |_| next()
                >
                    {move || state.strings().next}
                </button>
            </nav>
            <p class="save-status" role="status">
                {move || match saved.get() {
                    Some(true) => state.strings().saved,
                    Some(false) => state.strings().not_saved,
                    None => "",
                }}
            </p>
        </main>
    }
}

/// The labels of profile fields, for the "please fill in" message.
fn survey_field_names(survey: &Survey, fields: &[ProfileField], code: &str) -> String {
    fields
        .iter()
        .map(|field| field.label(survey).get(code).to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The page kinds the app renders so far: the profile and the areas.
fn is_built(page: Page) -> bool {
    matches!(page, Page::Profile | Page::Area(_))
}

fn built_pages(all: Vec<Page>) -> Vec<Page> {
    all.into_iter().filter(|page| is_built(*page)).collect()
}
