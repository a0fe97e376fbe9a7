//! One element of the model with its two ratings and "not applicable".

use super::i18n::Locale;
use super::rating_group::RatingGroup;
use crate::engine::survey::Element;
use crate::engine::{Dimension, Response, Survey};
use leptos::prelude::*;
use std::sync::Arc;

/// An element's label, description, importance and performance ratings.
#[component]
pub fn ElementCard(
    survey: Arc<Survey>,
    element: Element,
    /// Texts are read once: the page re-renders its cards when the locale changes.
    locale: Locale,
    /// The answers, updated in place when the user rates.
    response: RwSignal<Response>,
) -> impl IntoView {
    let strings = locale.strings();
    let locale = locale.code();
    let side = response.with_untracked(Response::side);
    let id = element.id.clone();
    let label = element.label.get(locale).to_owned();
    let not_applicable = {
        let id = id.clone();
        Signal::derive(move || response.with(|r| r.rating(&id).not_applicable))
    };
    let ratings = &survey.ratings;
    let group = |dimension: Dimension, prompt: &crate::engine::survey::RatingPrompt| {
        view! {
            <RatingGroup
                scale=survey.scale.clone()
                locale
                element_id=id.clone()
                name=format!("{label} — {}", prompt.label.get(locale))
                legend=prompt.question.get(side, locale).to_owned()
                dimension
                disabled=not_applicable
                response
            />
        }
    };
    let importance = group(Dimension::Importance, &ratings.importance);
    let performance = group(Dimension::Performance, &ratings.performance);
    let na_id = format!("{id}-na");
    let toggle_id = id.clone();
    view! {
        <article class="element" class:not-applicable=not_applicable>
            <h3>{label.clone()}</h3>
            <p class="description">{element.description.get(locale).to_owned()}</p>
            <div class="ratings">{importance} {performance}</div>
            {survey
                .scale
                .not_applicable
                .then(|| {
                    view! {
                        <div class="na">
                            <input
                                type="checkbox"
                                id=na_id.clone()
                                prop:checked=not_applicable
                                aria-label=format!("{label} — {}", strings.not_applicable)
                                on:change:target=move |ev| {
                                    let checked = ev.target().checked();
                                    response.update(|r| r.set_not_applicable(&toggle_id, checked));
                                }
                            />
                            <label for=na_id>{strings.not_applicable}</label>
                        </div>
                    }
                })}
        </article>
    }
}
