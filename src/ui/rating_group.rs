//! A rating as a group of radio buttons, one per scale point.

use crate::engine::survey::Scale;
use crate::engine::{Dimension, Response};
use leptos::prelude::*;

/// One radio group: the scale's points with their labels, named for screen readers.
#[component]
pub fn RatingGroup(
    scale: Scale,
    /// Survey locale code for the scale labels.
    locale: &'static str,
    element_id: String,
    /// Accessible name, such as "Training — importance".
    name: String,
    /// The visible question.
    legend: String,
    dimension: Dimension,
    /// True while the element is marked not applicable.
    #[prop(into)]
    disabled: Signal<bool>,
    response: RwSignal<Response>,
) -> impl IntoView {
    let group = format!(
        "{element_id}-{}",
        match dimension {
            Dimension::Importance => "importance",
            Dimension::Performance => "performance",
        }
    );
    let points = scale
        .points()
        .map(|value| {
            let checked_id = element_id.clone();
            let rate_id = element_id.clone();
            let point_label = scale.label(value).map(|text| text.get(locale).to_owned());
            view! {
                <label class="point">
                    <input
                        type="radio"
                        name=group.clone()
                        value=value
                        prop:checked=move || {
                            response.with(|r| r.rating(&checked_id).get(dimension) == Some(value))
                        }
                        prop:disabled=disabled
                        on:change=move |_| response.update(|r| r.rate(&rate_id, dimension, Some(value)))
                    />
                    <span class="value">{value}</span>
                    {point_label.map(|text| view! { <span class="point-label">{text}</span> })}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="rating" role="radiogroup" aria-label=name prop:disabled=disabled>
            <legend>{legend}</legend>
            <div class="points">{points}</div>
        </fieldset>
    }
}
