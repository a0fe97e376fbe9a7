//! The questionnaire: the profile, one page per area or section, and the review; every change
//! autosaved. Every question is one of three reused components (text box, choice group,
//! element card), because each distinct Leptos view type costs wasm bytes (docs/performance.md).

use super::choice_group::ChoiceGroup;
use super::download::save_json;
use super::element_card::ElementCard;
use super::focus::{focus_anchor, focus_soon};
use super::history;
use super::i18n::Locale;
use super::profile_page::ProfilePage;
use super::state::{use_app_state, use_survey};
use super::storage;
use engine::answers::assessment::{Assessment, Millis};
use engine::answers::questionnaire::{
    choice_questions, missing_profile, page_elements, page_text, pages, question_anchor,
    questions_on, resume_page, AnswerWords, Page, Place, ProfileField, Progress, Question,
};
use engine::codec::export::Envelope;
use engine::{Response, Survey};
use leptos::html::H2;
use leptos::prelude::window_event_listener;
use leptos::prelude::*;
use std::time::Duration;

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
                // A transform, not a width: the bar moves on every answer, and a transform is
                // neither laid out nor painted again.
                <div
                    class="fill"
                    style:transform=move || {
                        let percent = progress.get().percent();
                        format!("scaleX({}.{:02})", percent / 100, percent % 100)
                    }
                ></div>
            </div>
            <span class="percent" aria-hidden="true">{move || format!("{}%", progress.get().percent())}</span>
        </div>
    }
}

/// Where the questionnaire opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// At the profile, the first page.
    Top,
    /// At the first open question.
    Resume,
    /// At the review.
    Review,
    /// At the page that Back or Forward reached.
    At(Page),
}

/// What the review page works with.
#[derive(Clone)]
pub struct ReviewContext {
    pub response: RwSignal<Response>,
    /// The shown questions, as the progress bar counts them.
    pub questions: Signal<Vec<Question>>,
    /// Opens a page and focuses a question on it.
    pub go_to: Callback<(Page, String)>,
    /// The assessment as last saved.
    pub assessment: StoredValue<Assessment>,
    /// The assessment as an export.
    pub envelope: Callback<(), Envelope>,
}

/// Makes the review page's view, once per questionnaire (so what the review keeps, such as
/// open results, outlives a redraw in another language). The full app shows the review; the
/// partner's first module, which does not hold it, hands over to the full app.
pub type ReviewSlot = fn() -> Callback<ReviewContext, AnyView>;

/// The survey's pages with their questions, and the answers that survive a reload.
#[component]
pub fn Questionnaire(
    assessment: Assessment,
    /// Which page it opens at.
    opening: Opening,
    /// Back to the list of assessments.
    on_leave: Callback<()>,
    /// The review page.
    review: ReviewSlot,
    /// A preview of the survey editor's draft: answers are never stored.
    #[prop(optional)]
    preview: bool,
) -> impl IntoView {
    let state = use_app_state();
    let response = RwSignal::new(assessment.response.clone());
    let assessment = StoredValue::new(assessment);
    // When the answers were last stored, or None when the browser refused.
    let saved = RwSignal::new(None::<Option<Millis>>);

    // Copy, so every closure below can read the survey without its own clone.
    let survey = StoredValue::new(use_survey());
    let shown_pages = Memo::new(move |_| response.with(|r| survey.with_value(|s| pages(s, r))));
    let shown_questions = Memo::new(move |_| {
        shown_pages
            .with(|shown| response.with(|r| survey.with_value(|s| questions_on(s, r, shown))))
    });
    let progress = Memo::new(move |_| shown_questions.with(|q| Progress::of(q)));

    if !preview {
        keep_answers(assessment, response, progress, saved);
    }

    // `make bench` measures the time to this mark: the first question is on screen.
    Effect::new(move || {
        if let Some(performance) = window().performance() {
            let _ = performance.mark("first-question");
        }
    });

    // A returning respondent picks up at their first open question; a new one starts at the top.
    let first_page = match opening {
        Opening::Top => Page::Profile,
        Opening::Resume => shown_questions.with_untracked(|q| resume_page(q)),
        Opening::Review => Page::Review,
        Opening::At(page) => page,
    };
    let page = RwSignal::new(first_page);
    // Each page the partner moves to gets an entry in the browser's history, so Back and
    // Forward go through the pages; `from_history` marks a move that Back or Forward made.
    let me = assessment.with_value(|a| a.response.id.clone());
    let place = {
        let me = me.clone();
        move |page: Page| Place::Page {
            assessment: me.clone(),
            page,
        }
    };
    let here = history::current();
    let ours = matches!(&here, Some(Place::Page { assessment, .. }) if *assessment == me);
    match opening {
        // Back or Forward reached an entry that already names this page.
        Opening::At(_) => {}
        Opening::Review if here == Some(place(Page::Review)) => {
            history::replace(&place(first_page))
        }
        Opening::Review => history::push(&place(first_page)),
        // A page load, or a reload of this assessment: the entry becomes this page.
        _ if here.is_none() || ours => history::replace(&place(first_page)),
        _ => history::push(&place(first_page)),
    }
    let from_history = StoredValue::new(false);
    let invalid = RwSignal::new(Vec::<ProfileField>::new());
    let heading = NodeRef::<H2>::new();
    // A question to focus once its page is on screen (a review link), instead of the heading.
    let focus_target = StoredValue::new(None::<String>);
    let review = review();
    let envelope = Callback::new(move |()| {
        assessment.with_value(|a| survey.with_value(|s| Envelope::of(a, s)))
    });
    // The answers as an exported file, which the import reads back in any browser.
    let download = move |_| {
        let export = envelope.run(());
        save_json(&export.file_name(), &export.to_json());
    };
    // The page that "Next" or "Previous" asked for, drawn once the click's own frame has been
    // painted: building a page is the heaviest work while answering (about 12 ms unthrottled,
    // 50 at 4x CPU), and the pressed button should not wait for it. A click in between moves
    // on from the page asked for, so three quick clicks still go three pages.
    let pending = StoredValue::new(None::<Page>);
    let show = move |to: Page| {
        let scheduled = pending.try_update_value(|p| p.replace(to).is_some());
        if scheduled == Some(false) {
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if let Some(Some(to)) = pending.try_update_value(Option::take) {
                            page.set(to);
                        }
                    },
                    Duration::ZERO,
                );
            });
        }
    };
    // The page on screen, or the one about to be.
    let asked_for = move || pending.get_value().unwrap_or_else(|| page.get_untracked());
    let go_to = Callback::new(move |(to, anchor): (Page, String)| {
        pending.set_value(None);
        focus_target.set_value(Some(anchor));
        page.set(to);
    });

    let index_of =
        move |at: Page| shown_pages.with(|p| p.iter().position(|x| *x == at).unwrap_or(0));
    let position = move || index_of(page.get());
    // Moves `step` pages along the shown ones; handlers read without subscribing.
    let step = move |step: isize| {
        let at = untrack(|| index_of(asked_for()));
        let to = at
            .checked_add_signed(step)
            .and_then(|i| shown_pages.with_untracked(|p| p.get(i).copied()));
        if let Some(to) = to {
            show(to);
        }
    };
    let next = move || {
        if asked_for() == Page::Profile {
            let missing = response.with_untracked(|r| survey.with_value(|s| missing_profile(s, r)));
            invalid.set(missing.clone());
            if let Some(first) = missing.first() {
                focus_anchor(first.anchor());
                return;
            }
        }
        step(1);
    };
    Effect::watch(
        move || page.get(),
        move |to, _, _| {
            if !std::mem::take(&mut *from_history.write_value()) {
                history::push(&place(*to));
            }
        },
        false,
    );
    history::on_pop(move |reached| {
        let Some(Place::Page {
            assessment,
            page: to,
        }) = reached
        else {
            return;
        };
        let shown = shown_pages.with_untracked(|p| p.contains(&to));
        if assessment == me && shown && page.get_untracked() != to {
            pending.set_value(None);
            from_history.set_value(true);
            page.set(to);
        }
    });
    // After a page change, focus goes to the new page's heading (or the question a review
    // link names), so keyboard and screen-reader users start there. Runs after the render.
    Effect::watch(
        move || page.get(),
        move |_, _, _| match focus_target.try_update_value(Option::take).flatten() {
            Some(anchor) => focus_anchor(&anchor),
            None => {
                if let Some(heading) = heading.get_untracked() {
                    let _ = heading.focus();
                }
            }
        },
        false,
    );

    // Opened at the review (the first module handed over there): focus goes to its heading,
    // as after any page change.
    if opening == Opening::Review {
        focus_soon(heading);
    }

    let page_view = move || {
        let locale = state.locale.get();
        let strings = locale.strings();
        let code = locale.code();
        let current = page.get();
        let survey = survey.get_value();
        let side = response.with_untracked(Response::side);
        let (title, description) = page_text(&survey, current)
            .map(|(t, d)| (t.get(code).to_owned(), d.get(code).to_owned()))
            .unwrap_or_else(|| {
                let title = if current == Page::Review {
                    strings.review_title
                } else {
                    strings.profile_title
                };
                (title.to_owned(), String::new())
            });
        let body = match current {
            Page::Profile => {
                view! { <ProfilePage response invalid/> }.into_any()
            }
            Page::Review => review.run(ReviewContext {
                response,
                questions: shown_questions.into(),
                go_to,
                assessment,
                envelope,
            }),
            Page::Area(_) | Page::Principles => {
                let shown: Vec<_> = response.with_untracked(|r| {
                    page_elements(&survey, current, &r.facts(&survey)).into_iter().cloned().collect()
                });
                shown
                    .into_iter()
                    .map(|element| view! { <ElementCard element response/> })
                    .collect_view()
                    .into_any()
            }
            _ => choice_questions(&survey, current, side, code, AnswerWords {
                yes: strings.yes,
                no: strings.no,
                not_likely: strings.not_likely,
                extremely_likely: strings.extremely_likely,
            })
                .into_iter()
                .map(|question| {
                    let (read, write) = (question.slot.clone(), question.slot);
                    let id = question_anchor(read.id());
                    view! {
                        {question.group.map(|(title, description)| view! {
                            <h3>{title}</h3>
                            <p class="description">{description}</p>
                        })}
                        <ChoiceGroup
                            legend=question.text
                            group=id.clone()
                            id
                            options=question.options
                            selected=Signal::derive(move || response.with(|r| r.choice(&read)))
                            on_select=Callback::new(move |value: String| response.update(|r| r.choose(&write, &value)))
                        />
                    }
                })
                .collect_view()
                .into_any(),
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

    // Only a change between saved and refused redraws the alert, so it is announced once.
    let refused = Memo::new(move |_| saved.get() == Some(None));
    let kept_aside =
        assessment.with_value(|a| survey.with_value(|s| a.response.unknown_answers(s)));
    view! {
        <div class="questionnaire">
            <button type="button" class="quiet" on:click=move |_| on_leave.run(())>
                {move || state.strings().all_assessments}
            </button>
            <h1>{move || survey.with_value(|s| s.title.get(state.code()).to_owned())}</h1>
            <p class="description">{move || survey.with_value(|s| s.description.get(state.code()).to_owned())}</p>
            <p class="privacy">{move || state.strings().privacy_note}</p>
            <ProgressBar progress/>
            {(!kept_aside.is_empty())
                .then(|| {
                    let count = kept_aside.len();
                    view! {
                        <p class="notice">
                            {move || state.strings().unknown_answers(count)} " " {kept_aside.join(", ")} " "
                            <button type="button" class="quiet" on:click=download>{move || state.strings().download_assessment}</button>
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
                    Some(Some(at)) => {
                        state.strings().saved_at.replace("{time}", &time_of_day(at, state.locale.get()))
                    }
                    Some(None) | None => String::new(),
                }}
            </p>
            // Storage full, disabled or private: the answers live only in this page now.
            {move || {
                refused
                    .get()
                    .then(|| {
                        // The button exports the answers as they are at its click.
                        view! {
                            <p class="notice error" role="alert">
                                {state.strings().not_saved} " "
                                <button type="button" on:click=download>{state.strings().download_assessment}</button>
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// Keeps the answers in this browser, and takes in another tab's.
fn keep_answers(
    assessment: StoredValue<Assessment>,
    response: RwSignal<Response>,
    progress: Memo<Progress>,
    saved: RwSignal<Option<Option<Millis>>>,
) {
    // The text this tab stored last: while the stored copy still reads the same, no other tab
    // has saved since, and a save need not read it back and merge it.
    let written = StoredValue::new(None::<String>);
    // The one effect that syncs answers to the outside world: localStorage, on every change,
    // each changed answer stamped with the time. Another tab's newer answers are merged in
    // first, so a save never overwrites them.
    Effect::watch(
        move || response.track(),
        move |_, _, _| {
            let now = storage::now();
            let percent = progress.with_untracked(|p| p.percent() as u32);
            let outcome = assessment.try_update_value(|a| {
                let stored = written
                    .with_value(|ours| storage::stored_copy_since(&a.response.id, ours.as_deref()));
                let (_, merged) =
                    response.with_untracked(|current| a.save_change(current, now, stored.as_ref()));
                a.progress_percent = percent;
                let text = storage::store(a);
                let stored = text.is_some();
                written.set_value(text);
                (stored, merged.then(|| a.response.clone()))
            });
            let Some((stored, merged)) = outcome else {
                return;
            };
            saved.set(Some(stored.then_some(now)));
            if let Some(merged) = merged {
                response.set(merged);
            }
        },
        false,
    );

    // Two tabs on one assessment: another tab's save arrives as a `storage` event here.
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        let (Some(key), Some(value)) = (event.key(), event.new_value()) else {
            return;
        };
        let id = response.with_untracked(|r| r.id.clone());
        let Some(theirs) = storage::changed_elsewhere(&key, &value, &id) else {
            return;
        };
        let merged = assessment
            .try_update_value(|a| a.merge(&theirs).then(|| a.response.clone()))
            .flatten();
        if let Some(merged) = merged {
            response.set(merged);
        }
    });
    on_cleanup(move || listener.remove());
}

/// The labels of profile fields, for the "please fill in" message.
fn survey_field_names(survey: &Survey, fields: &[ProfileField], code: &str) -> String {
    fields
        .iter()
        .map(|field| field.label(survey).get(code).to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The time of day of `at` in the browser's time zone, as `locale` writes it.
fn time_of_day(at: Millis, locale: Locale) -> String {
    let date = js_sys::Date::new(&(at as f64).into());
    locale
        .clock()
        .time(date.get_hours(), date.get_minutes(), date.get_seconds())
}
