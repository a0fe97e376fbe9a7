//! The last page: what is still unanswered, with links back, and a first look at the results.

use super::i18n::Locale;
use crate::engine::aggregate::CrosshairMode;
use crate::engine::model::ScoringModel;
use crate::engine::questionnaire::{
    page_text, question_label, questions, Page, Progress, Question,
};
use crate::engine::scorecard::score;
use crate::engine::{Response, Survey};
use leptos::prelude::*;
use std::sync::Arc;

/// Unanswered questions as links, then "See results".
#[component]
pub fn ReviewPage(
    survey: Arc<Survey>,
    locale: Locale,
    response: RwSignal<Response>,
    /// Opens a page and focuses a question on it.
    go_to: Callback<(Page, String)>,
) -> impl IntoView {
    let strings = locale.strings();
    let code = locale.code();
    let open = {
        let survey = survey.clone();
        Memo::new(move |_| response.with(|r| questions(&survey, r)))
    };
    let list_survey = survey.clone();
    // Open questions grouped under their page's title, in page order.
    let unanswered = move || {
        let side = response.with_untracked(Response::side);
        open.with(|all| {
            let mut groups: Vec<(Page, Vec<&Question>)> = Vec::new();
            for question in all.iter().filter(|q| !q.is_complete()) {
                match groups.last_mut() {
                    Some((page, list)) if *page == question.page => list.push(question),
                    _ => groups.push((question.page, vec![question])),
                }
            }
            groups
                .into_iter()
                .map(|(page, list)| {
                    let title = page_text(&list_survey, page)
                        .map(|(title, _)| title.get(code).to_owned())
                        .unwrap_or_else(|| strings.profile_title.to_owned());
                    let links = list
                        .into_iter()
                        .map(|q| {
                            let target = (q.page, q.anchor());
                            view! {
                                <li>
                                    <a
                                        href=format!("#{}", q.anchor())
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            go_to.run(target.clone());
                                        }
                                    >
                                        {question_label(&list_survey, q, code, side)}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <h3>{title}</h3>
                        <ul class="unanswered">{links}</ul>
                    }
                })
                .collect_view()
        })
    };
    let progress = move || open.with(|all| Progress::of(all));
    let show_results = RwSignal::new(false);
    view! {
        <p>{move || strings.answered_of(progress().answered, progress().total)}</p>
        {move || {
            if progress().answered >= progress().total {
                view! { <p class="all-done">{strings.nothing_unanswered}</p> }.into_any()
            } else {
                view! {
                    <p>{strings.unanswered_intro}</p>
                    {unanswered()}
                }
                    .into_any()
            }
        }}
        <button type="button" class="primary" on:click=move |_| show_results.set(true)>
            {strings.see_results}
        </button>
        {move || show_results.get().then(|| view! { <ResultsSummary survey=survey.clone() locale response/> })}
    }
}

/// The headline results until the full report exists: the index, completeness, priorities.
#[component]
fn ResultsSummary(
    survey: Arc<Survey>,
    locale: Locale,
    response: RwSignal<Response>,
) -> impl IntoView {
    let strings = locale.strings();
    let code = locale.code();
    let card = move || {
        let model = ScoringModel::new(&survey);
        response.with(|r| score(&model, r, CrosshairMode::DataCentred).ok()).map(|card| {
            let label_of = |id: &str| {
                survey
                    .elements()
                    .find(|(_, e)| e.id == id)
                    .map(|(_, e)| e.label.get(code).to_owned())
                    .unwrap_or_else(|| id.to_owned())
            };
            let priorities: Vec<String> = card.summary.priorities.iter().map(|id| label_of(id)).collect();
            let pxi = card
                .summary
                .pxi
                .map(|p| (p.round() as i64).to_string())
                .unwrap_or_else(|| strings.no_data.to_owned());
            let completeness = strings.ratings_given(card.completeness.given, card.completeness.possible);
            view! {
                <dl class="summary">
                    <dt>{strings.pxi_label}</dt>
                    <dd class="headline">{pxi}</dd>
                    <dt>{strings.completeness}</dt>
                    <dd>{completeness}</dd>
                    <dt>{strings.concentrate_here}</dt>
                    <dd>
                        {if priorities.is_empty() { strings.no_data.to_owned() } else { priorities.join(", ") }}
                    </dd>
                </dl>
            }
        })
    };
    view! {
        <section class="results" aria-labelledby="results-title">
            <h3 id="results-title">{strings.results_title}</h3>
            {card}
        </section>
    }
}
