//! One element of the model (or a program principle) with its two ratings and "not applicable".

use super::choice_group::ChoiceGroup;
use super::state::{use_app_state, use_survey};
use engine::answers::questionnaire::{question_anchor, scale_options};
use engine::survey::definition::{Element, RatingPrompt};
use engine::{Dimension, Response};
use leptos::prelude::*;

/// An element's label, description, importance and performance ratings.
#[component]
pub fn ElementCard(
    element: Element,
    /// The answers, updated in place when the user rates.
    response: RwSignal<Response>,
) -> impl IntoView {
    let survey = use_survey();
    // Texts are read once: the page re-renders its cards when the locale changes.
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let locale = locale.code();
    let side = response.with_untracked(Response::side);
    let id = element.id.clone();
    let label = element.label.get(locale).to_owned();
    // A survey without "not applicable" ignores a stale flag from an earlier version of it.
    let offers_na = survey.scale.not_applicable;
    let not_applicable = {
        let id = id.clone();
        Memo::new(move |_| offers_na && response.with(|r| r.rating(&id).not_applicable))
    };
    let options = scale_options(&survey.scale, locale);
    let group = |dimension: Dimension, prompt: &RatingPrompt| {
        let (read_id, write_id) = (id.clone(), id.clone());
        let selected = Signal::derive(move || {
            response.with(|r| r.rating(&read_id).get(dimension).map(|v| v.to_string()))
        });
        let on_select = Callback::new(move |value: String| {
            if let Ok(value) = value.parse() {
                response.update(|r| r.rate(&write_id, dimension, Some(value)));
            }
        });
        let suffix = match dimension {
            Dimension::Importance => "importance",
            Dimension::Performance => "performance",
        };
        view! {
            <ChoiceGroup
                legend=prompt.question.get(side, locale).to_owned()
                name=format!("{label} — {}", prompt.label.get(locale))
                group=format!("{id}-{suffix}")
                options=options.clone()
                selected
                on_select
                disabled=not_applicable
            />
        }
    };
    let ratings = &survey.ratings;
    let importance = group(Dimension::Importance, &ratings.importance);
    let performance = group(Dimension::Performance, &ratings.performance);
    let na_id = format!("{id}-na");
    let toggle_id = id.clone();
    view! {
        <article class="element" class:not-applicable=not_applicable id=question_anchor(&id)>
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
