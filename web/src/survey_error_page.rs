//! What a visitor sees when the survey file is missing, unreachable or invalid.

use super::state::use_app_state;
use super::survey_fetch::SurveyFailure;
use leptos::prelude::*;
use std::sync::Arc;

/// A readable page listing every problem with the survey file.
#[component]
pub fn SurveyErrorPage(failure: Arc<SurveyFailure>) -> impl IntoView {
    let state = use_app_state();
    let address = failure.address.clone();
    // Redrawn in the chosen language; the survey reader's own findings stay as it words them.
    let problems = move || {
        let strings = state.strings();
        failure
            .problems
            .iter()
            .map(|problem| view! { <li>{strings.survey_problem(problem, &failure.address)}</li> })
            .collect_view()
    };
    view! {
        <main class="survey-error">
            <h1>{move || state.strings().survey_error_title}</h1>
            <p>
                {move || state.strings().survey_error_intro} " " <code>{address}</code>
            </p>
            <ul class="problems">{problems}</ul>
            <p class="hint">{move || state.strings().survey_error_hint}</p>
        </main>
    }
}
