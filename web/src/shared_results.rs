//! Answers opened from a share link (`#r=`): the report, read-only, with a way to keep a
//! copy; or, for a link that cannot be opened, why.

use super::i18n::{Locale, Strings};
use super::results::{ReportView, ResultsReport};
use super::state::{use_app_state, use_survey};
use engine::answers::validation::AnswerProblem;
use engine::codec::share_link::ShareProblem;
use engine::Response;
use leptos::prelude::*;

/// Why shared answers are not shown.
#[derive(Clone, Debug, PartialEq)]
pub enum SharedFailure {
    Link(ShareProblem),
    /// The answers belong to the survey with this id.
    OtherSurvey(String),
    /// The answers hold values this survey does not offer.
    Invalid(AnswerProblem),
}

impl SharedFailure {
    pub(crate) fn message(&self, strings: &Strings) -> String {
        let reason = match self {
            SharedFailure::OtherSurvey(id) => {
                return Strings::fill(strings.shared_other_survey, &[("survey", id)])
            }
            SharedFailure::Invalid(problem) => {
                return format!(
                    "{} ({}). {}",
                    strings.share_invalid,
                    strings.answer_problem(problem),
                    strings.share_ask
                )
            }
            SharedFailure::Link(problem) => match problem {
                ShareProblem::Empty => strings.share_empty,
                ShareProblem::TooLong(_) => strings.share_too_long,
                ShareProblem::NotBase64 => strings.share_not_base64,
                ShareProblem::Truncated => strings.share_truncated,
                ShareProblem::NewerFormat(_) => return strings.share_newer.to_owned(),
                ShareProblem::Checksum => strings.share_checksum,
                ShareProblem::Corrupt => strings.share_corrupt,
                ShareProblem::TooLarge => return strings.share_too_large.to_owned(),
                ShareProblem::NotAnswers(_) => strings.share_not_answers,
            },
        };
        format!("{reason} {}", strings.share_ask)
    }
}

/// The shared answers' report, or why the link does not open.
#[component]
pub fn SharedResults(
    opened: Result<Box<Response>, SharedFailure>,
    /// Keeps a copy of the answers in this browser and opens it.
    on_save: Callback<Response>,
    /// Back to this browser's own assessments, the link's fragment dropped.
    on_leave: Callback<()>,
) -> impl IntoView {
    let state = use_app_state();
    let leave = move |_| on_leave.run(());
    let mut response = match opened {
        Ok(response) => *response,
        Err(failure) => {
            return view! {
                <div class="shared">
                    <h1>{move || state.strings().shared_failed_title}</h1>
                    <p class="notice error" role="alert">{move || failure.message(state.strings())}</p>
                    <button type="button" class="primary" on:click=leave>
                        {move || state.strings().all_assessments}
                    </button>
                </div>
            }
            .into_any();
        }
    };
    let survey = use_survey();
    let unplaced = response.unknown_answers(&survey);
    let current = survey.structure_hash();
    let older = !response.structure_hash.is_empty() && response.structure_hash != current;
    // Scored against the survey as it is now: answers to questions it still has count, the
    // others are listed above and stay with the answers, unscored.
    response.structure_hash = current;
    // Whose answers: the heading between the page's and the report's.
    let who = response.profile.who();
    let kept = response.clone();
    let answers = RwSignal::new(response);
    let view = ReportView::new();
    view.open.set(true);
    let body = move || {
        let locale: Locale = state.locale.get();
        let strings = locale.strings();
        let kept = kept.clone();
        view! {
            <div class="shared">
                <h1>{strings.shared_title}</h1>
                <h2>{if who.is_empty() { strings.unnamed.to_owned() } else { who.clone() }}</h2>
                <p class="notice">{strings.shared_read_only}</p>
                {(older && !unplaced.is_empty()).then(|| view! {
                    <p class="notice">{strings.shared_older_survey} " " {unplaced.join(", ")}</p>
                })}
                <div class="actions-row">
                    <button type="button" class="primary" on:click=move |_| on_save.run(kept.clone())>
                        {strings.save_copy}
                    </button>
                    <button type="button" class="quiet" on:click=leave>{strings.all_assessments}</button>
                </div>
                <ResultsReport response=answers view envelope=None take_focus=false shared=true/>
            </div>
        }
    };
    body.into_any()
}
