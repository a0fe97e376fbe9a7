//! What-if weights of the five Cs, shared by a partner's report and the dashboard's ranking:
//! a slider per C and a reset. None in the signal means the survey's own weights.

use crate::i18n::{Locale, Strings};
use crate::state::{use_app_state, use_survey};
use engine::scoring::ranking::survey_weights;
use engine::Survey;
use leptos::prelude::*;

/// The highest weight a slider offers, unless the survey's own is higher.
const MOST: f64 = 3.0;

/// The weights in force: the what-if, else the survey's.
pub fn weights_in_force(survey: &Survey, what_if: Option<&Vec<f64>>) -> Vec<f64> {
    what_if.cloned().unwrap_or_else(|| survey_weights(survey))
}

/// "Contribution 2, Consumption 1, …" when a what-if is in force; None with the survey's.
pub fn what_if_note(survey: &Survey, locale: Locale, what_if: Option<&Vec<f64>>) -> Option<String> {
    let weights = what_if?;
    let section = survey.sections.five_cs.as_ref()?;
    let listed: Vec<String> = section
        .dimensions
        .iter()
        .zip(weights)
        .map(|(d, w)| format!("{} {}", d.label.get(locale.code()), locale.hundredths(*w)))
        .collect();
    Some(Strings::fill(
        locale.strings().what_if_used,
        &[("weights", &listed.join(", "))],
    ))
}

/// A slider per C and a reset to the survey's weights.
#[component]
pub fn WeightSliders(
    /// The what-if weights, one per C in survey order; None for the survey's.
    weights: RwSignal<Option<Vec<f64>>>,
    /// Keeps the sliders' ids apart where two sets could share a page.
    id: &'static str,
) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let code = locale.code();
    let defaults = survey_weights(&survey);
    let sliders = survey
        .sections
        .five_cs
        .iter()
        .flat_map(|s| s.dimensions.iter().enumerate())
        .map(|(i, dimension)| {
            let label = Strings::fill(strings.what_if_weight, &[("c", dimension.label.get(code))]);
            let input_id = format!("{id}-{}", dimension.id);
            let default = defaults[i];
            let value = move || weights.with(|w| w.as_ref().map_or(default, |w| w[i]));
            let defaults = defaults.clone();
            let set = move |text: String| {
                let Ok(new) = text.parse::<f64>() else { return };
                weights.update(|w| {
                    let mut all = w.clone().unwrap_or_else(|| defaults.clone());
                    all[i] = new;
                    // Back at the survey's weights, the what-if is gone.
                    *w = (all != defaults).then_some(all);
                });
            };
            view! {
                <div class="weight">
                    <label for=input_id.clone()>{label}</label>
                    <input
                        type="range"
                        id=input_id.clone()
                        min="0"
                        max=MOST.max(default).to_string()
                        step="0.25"
                        prop:value=move || value().to_string()
                        on:input:target=move |ev| set(ev.target().value())
                    />
                    <output for=input_id>{move || locale.hundredths(value())}</output>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="what-if">
            <legend>{strings.what_if_title}</legend>
            <p class="note">{strings.what_if_note}</p>
            {sliders}
            <button type="button" class="quiet" prop:disabled=move || weights.with(Option::is_none) on:click=move |_| weights.set(None)>
                {strings.what_if_reset}
            </button>
        </fieldset>
    }
}
