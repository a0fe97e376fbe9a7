//! The last page: what is still unanswered, with links back, and a first look at the results.

use super::questionnaire::ReviewContext;
use super::results::{focus_results, ReportView, ResultsReport};
use super::state::{use_app_state, use_survey};
use engine::answers::questionnaire::{page_text, question_text, Page, Question};
use engine::codec::export::Envelope;
use engine::Response;
use leptos::prelude::*;
use std::time::Duration;

/// The questions still open, as links grouped by page; or that none is.
#[component]
pub fn Unanswered(
    response: RwSignal<Response>,
    /// The shown questions, as the progress bar counts them.
    #[prop(into)]
    questions: Signal<Vec<Question>>,
    /// Opens a page and focuses a question on it.
    go_to: Callback<(Page, String)>,
) -> impl IntoView {
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let code = locale.code();
    let side = response.with_untracked(Response::side);
    // Open questions under their page's title, in page order.
    let unanswered = move || {
        questions.with(|all| {
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
                    let title = page_text(&survey, page)
                        .map_or(strings.profile_title, |(title, _)| title.get(code))
                        .to_owned();
                    let links = list
                        .into_iter()
                        .map(|question| {
                            let anchor = question.anchor();
                            let target = (question.page, anchor.clone());
                            view! {
                                <li>
                                    <a
                                        href=format!("#{anchor}")
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            go_to.run(target.clone());
                                        }
                                    >
                                        {question_text(&survey, question, side, code)}
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
    let all_done = move || questions.with(|all| all.iter().all(Question::is_complete));
    move || {
        if all_done() {
            view! { <p class="all-done">{strings.nothing_unanswered}</p> }.into_any()
        } else {
            view! {
                <p>{strings.review_intro}</p>
                {unanswered()}
            }
            .into_any()
        }
    }
}

/// Unanswered questions as links grouped by page, then "See results".
#[component]
pub fn ReviewPage(
    response: RwSignal<Response>,
    /// The shown questions, as the progress bar counts them.
    #[prop(into)]
    questions: Signal<Vec<Question>>,
    /// Opens a page and focuses a question on it.
    go_to: Callback<(Page, String)>,
    /// Whether the results are open below the list, and their settings.
    report: ReportView,
    /// The assessment as an export.
    envelope: Callback<(), Envelope>,
) -> impl IntoView {
    let strings = use_app_state().locale.get_untracked().strings();
    // Only a click here moves focus to the results; a redraw (a new language) leaves it.
    let opened_here = StoredValue::new(false);
    view! {
        <Unanswered response questions go_to/>
        <button
            type="button"
            class="primary"
            on:click=move |_| {
                opened_here.set_value(true);
                if report.open.get_untracked() {
                    // Already open: go to it rather than drawing it again.
                    focus_results();
                } else {
                    // The click's own frame comes first; the report, the heaviest drawing of
                    // the partner's path, follows in the next task.
                    set_timeout(move || report.open.set(true), Duration::ZERO);
                }
            }
        >
            {strings.see_results}
        </button>
        {move || {
            report
                .open
                .get()
                .then(|| {
                    view! {
                        <ResultsReport
                            response
                            view=report
                            envelope=Some(envelope)
                            take_focus=opened_here.get_value()
                        />
                    }
                })
        }}
    }
}

/// The review page with the results report under it: the full app's review slot. The report's
/// state is made here, once per questionnaire, so the results stay open when the language
/// changes and the page is drawn again.
pub fn full_review() -> Callback<ReviewContext, AnyView> {
    let report = ReportView::new();
    Callback::new(move |c: ReviewContext| {
        view! {
            <ReviewPage
                response=c.response
                questions=c.questions
                go_to=c.go_to
                report
                envelope=c.envelope
            />
        }
        .into_any()
    })
}
