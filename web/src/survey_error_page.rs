//! What a visitor sees when the survey file is missing, unreachable or invalid.

use super::state::use_app_state;
use super::survey_fetch::{SurveyFailure, SurveyProblem};
use leptos::prelude::*;
use std::sync::Arc;

/// A readable page listing every problem with the survey file.
#[component]
pub fn SurveyErrorPage(failure: Arc<SurveyFailure>) -> impl IntoView {
    let state = use_app_state();
    let address = failure.address.clone();
    // Redrawn in the chosen language. A problem inside the file starts with its JSON path,
    // as code: it is the same in every language, and reads left to right in Arabic too.
    let problems = move || {
        let locale = state.locale.get();
        let (strings, file) = (locale.strings(), locale.file_words());
        failure
            .problems
            .iter()
            .map(|problem| {
                let path = match problem {
                    SurveyProblem::File(error) if !error.path.is_empty() => {
                        Some(error.path.clone())
                    }
                    _ => None,
                };
                view! {
                    <li>
                        {path.map(|path| view! { <code dir="ltr">{path}</code> ": " })}
                        {strings.survey_problem(file, problem, &failure.address)}
                    </li>
                }
            })
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

/// The error page as `App` shows it when the survey cannot be used.
pub fn survey_error_page(failure: Arc<SurveyFailure>) -> AnyView {
    view! { <SurveyErrorPage failure/> }.into_any()
}
