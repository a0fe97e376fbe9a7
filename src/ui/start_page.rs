//! The start screen for returning visitors: every assessment saved in this browser, with
//! continue, next wave, delete (confirmed, and undoable for ten seconds) and new.

use super::i18n::Locale;
use super::storage;
use crate::engine::assessment::Assessment;
use crate::engine::Survey;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// What the user asked the start screen for.
#[derive(Clone, Debug)]
pub enum StartAction {
    New,
    Open(Box<Assessment>),
}

/// How long "Undo" stays after a delete.
const UNDO_FOR: Duration = Duration::from_secs(10);

/// A row's open form: the wave of a copy being made, or a delete awaiting confirmation.
#[derive(Clone, Debug, PartialEq)]
enum RowForm {
    Closed,
    NextWave(String),
    ConfirmDelete,
}

/// The list of saved assessments and what can be done with them.
#[component]
pub fn StartScreen(
    /// Every readable assessment, newest first.
    assessments: RwSignal<Vec<Assessment>>,
    /// The survey this page has loaded; others' assessments open with their own survey.
    survey: Arc<Survey>,
    locale: Locale,
    on_action: Callback<StartAction>,
) -> impl IntoView {
    let strings = locale.strings();
    let code = locale.code();
    // The last deleted assessment and its stored entry, while undo is offered.
    let deleted = RwSignal::new(None::<(Assessment, String)>);
    let delete = move |assessment: Assessment| {
        let id = assessment.response.id.clone();
        if let Some(raw) = storage::delete(&id) {
            assessments.update(|all| all.retain(|a| a.response.id != id));
            deleted.set(Some((assessment, raw)));
            set_timeout(
                move || {
                    if deleted
                        .with_untracked(|d| d.as_ref().is_some_and(|(a, _)| a.response.id == id))
                    {
                        deleted.set(None);
                    }
                },
                UNDO_FOR,
            );
        }
    };
    let undo = move |_| {
        if let Some((assessment, raw)) = deleted.get_untracked() {
            if storage::restore(&assessment.response.id, &raw) {
                assessments.update(|all| {
                    all.push(assessment);
                    all.sort_by_key(|a| std::cmp::Reverse(a.updated_at));
                });
            }
            deleted.set(None);
        }
    };
    let survey_id = survey.id.clone();
    let rows = move || {
        let survey = survey.clone();
        assessments
            .get()
            .into_iter()
            .map(|assessment| {
                let form = RwSignal::new(RowForm::Closed);
                let profile = &assessment.response.profile;
                let name = if profile.partner_name.trim().is_empty() {
                    strings.unnamed.to_owned()
                } else {
                    profile.partner_name.clone()
                };
                let changed = String::from(
                    js_sys::Date::new(&(assessment.updated_at as f64).into())
                        .to_locale_string(code, &wasm_bindgen::JsValue::UNDEFINED),
                );
                let this_survey = assessment.response.survey_id == survey_id;
                let (open, copy, remove) = (assessment.clone(), assessment.clone(), assessment.clone());
                let wave_id = format!("wave-{}", assessment.response.id);
                let survey = survey.clone();
                view! {
                    <tr>
                        <td data-label=strings.col_survey>{assessment.survey_title.get(code).to_owned()}</td>
                        <th scope="row">{name.clone()}</th>
                        <td data-label=strings.col_wave>{profile.wave.clone()}</td>
                        <td data-label=strings.col_progress>{format!("{}%", assessment.progress_percent)}</td>
                        <td data-label=strings.col_changed>{changed}</td>
                        <td class="actions">
                            {move || match form.get() {
                                RowForm::Closed => view! {
                                    <button
                                        type="button"
                                        prop:disabled=!this_survey
                                        title=(!this_survey).then_some(strings.another_survey)
                                        aria-label=format!("{} – {name}", strings.continue_assessment)
                                        on:click={
                                            let open = open.clone();
                                            move |_| on_action.run(StartAction::Open(Box::new(open.clone())))
                                        }
                                    >
                                        {strings.continue_assessment}
                                    </button>
                                    <button
                                        type="button"
                                        class="quiet"
                                        prop:disabled=!this_survey
                                        aria-label=format!("{} – {name}", strings.next_wave)
                                        on:click=move |_| form.set(RowForm::NextWave(String::new()))
                                    >
                                        {strings.next_wave}
                                    </button>
                                    <button
                                        type="button"
                                        class="quiet"
                                        aria-label=format!("{} – {name}", strings.delete)
                                        on:click=move |_| form.set(RowForm::ConfirmDelete)
                                    >
                                        {strings.delete}
                                    </button>
                                }
                                    .into_any(),
                                RowForm::NextWave(wave) => {
                                    let (copy, survey) = (copy.clone(), survey.clone());
                                    view! {
                                        <form on:submit=move |ev| {
                                            ev.prevent_default();
                                            if let RowForm::NextWave(wave) = form.get_untracked() {
                                                let next = copy.next_wave(&survey, storage::new_id(), &wave, storage::now());
                                                on_action.run(StartAction::Open(Box::new(next)));
                                            }
                                        }>
                                            <label for=wave_id.clone()>{strings.wave_of_copy}</label>
                                            <input
                                                type="text"
                                                id=wave_id.clone()
                                                required
                                                prop:value=wave
                                                on:input:target=move |ev| form.set(RowForm::NextWave(ev.target().value()))
                                            />
                                            <button type="submit">{strings.create_copy}</button>
                                            <button type="button" class="quiet" on:click=move |_| form.set(RowForm::Closed)>
                                                {strings.cancel}
                                            </button>
                                        </form>
                                    }
                                        .into_any()
                                }
                                RowForm::ConfirmDelete => {
                                    let remove = remove.clone();
                                    view! {
                                        <span role="alert">{strings.confirm_delete}</span>
                                        <button type="button" on:click=move |_| delete(remove.clone())>
                                            {strings.delete}
                                        </button>
                                        <button type="button" class="quiet" on:click=move |_| form.set(RowForm::Closed)>
                                            {strings.keep}
                                        </button>
                                    }
                                        .into_any()
                                }
                            }}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="start">
            <h1>{strings.your_assessments}</h1>
            <p class="privacy">{strings.privacy_note}</p>
            <p>
                <button type="button" on:click=move |_| on_action.run(StartAction::New)>
                    {strings.new_assessment}
                </button>
            </p>
            <p role="status">
                {move || {
                    deleted
                        .get()
                        .map(|_| view! {
                            {strings.deleted} " "
                            <button type="button" class="quiet" on:click=undo>{strings.undo}</button>
                        })
                }}
            </p>
            // Scrolls sideways on a phone; focusable so the keyboard can scroll it too.
            <div class="table-scroll" role="region" tabindex="0" aria-label=strings.saved_here>
                <table>
                    <caption>{strings.saved_here}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{strings.col_survey}</th>
                            <th scope="col">{strings.col_partner}</th>
                            <th scope="col">{strings.col_wave}</th>
                            <th scope="col">{strings.col_progress}</th>
                            <th scope="col">{strings.col_changed}</th>
                            <th scope="col">{strings.col_actions}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
