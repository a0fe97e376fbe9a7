//! The start screen for returning visitors: every assessment saved in this browser, with
//! continue, next wave, delete (confirmed, and undoable for ten seconds) and new.

use super::focus::focus_soon;
use super::state::{use_app_state, use_survey};
use super::storage;
use engine::answers::assessment::{newest_first, Assessment};
use leptos::html::{Button, Input};
use leptos::prelude::*;
use std::time::Duration;

/// What the user asked the start screen for.
#[derive(Clone, Debug)]
pub enum StartAction {
    New,
    Open(Box<Assessment>),
}

/// How long "Undo" stays after a delete.
const UNDO_FOR: Duration = Duration::from_secs(10);

/// Which of a row's three states is shown: its actions, the wave of a copy being made, or a
/// delete awaiting confirmation.
#[derive(Clone, Copy, Debug, PartialEq)]
enum RowForm {
    Closed,
    NextWave,
    ConfirmDelete,
}

/// The list of saved assessments and what can be done with them.
#[component]
pub fn StartScreen(
    /// Every readable assessment, newest first.
    assessments: RwSignal<Vec<Assessment>>,
    on_action: Callback<StartAction>,
) -> impl IntoView {
    // The survey this page has loaded; another survey's assessments continue on its page.
    let survey = use_survey();
    let locale = use_app_state().locale.get_untracked();
    let strings = locale.strings();
    let code = locale.code();
    // The last deleted assessment and its stored entry, while undo is offered.
    let deleted = RwSignal::new(None::<(Assessment, String)>);
    let undo_button = NodeRef::<Button>::new();
    let delete = move |assessment: Assessment| {
        let id = assessment.response.id.clone();
        if let Some(raw) = storage::delete(&id) {
            assessments.update(|all| all.retain(|a| a.response.id != id));
            deleted.set(Some((assessment, raw)));
            // The row and its focused button are gone; "Undo" is where the user goes next.
            focus_soon(undo_button);
            set_timeout(
                // The screen may be gone by then (the user moved on): the signal may be too.
                move || {
                    let still_this = deleted.try_with_untracked(|d| {
                        d.as_ref().is_some_and(|(a, _)| a.response.id == id)
                    });
                    if still_this == Some(true) {
                        deleted.try_set(None);
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
                    newest_first(all);
                });
            }
            deleted.set(None);
        }
    };
    let survey_id = survey.id.clone();
    // One fixed tree per row, its three states shown and hidden: every distinct Leptos view
    // type costs wasm bytes (docs/performance.md), and this way focus has a place to go.
    let rows = move || {
        let survey = survey.clone();
        assessments
            .get()
            .into_iter()
            .map(|assessment| {
                let form = RwSignal::new(RowForm::Closed);
                let wave = RwSignal::new(String::new());
                let (wave_input, confirm_button) = (NodeRef::<Input>::new(), NodeRef::<Button>::new());
                let (next_wave_button, delete_button) = (NodeRef::<Button>::new(), NodeRef::<Button>::new());
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
                let other_survey = assessment.response.survey_id != survey_id;
                let label = |action: &str| format!("{action} – {name}");
                let wave_id = format!("wave-{}", assessment.response.id);
                let survey = survey.clone();
                let assessment = StoredValue::new(assessment);
                let show = move |state: RowForm| move || form.get() != state;
                // Back to the row's actions, focus on the button that opened the form.
                let close = move |back: NodeRef<Button>| {
                    move |_| {
                        form.set(RowForm::Closed);
                        focus_soon(back);
                    }
                };
                view! {
                    <tr>
                        <td data-label=strings.col_survey>{assessment.with_value(|a| a.survey_title.get(code).to_owned())}</td>
                        <th scope="row">{name.clone()}</th>
                        <td data-label=strings.col_wave>{assessment.with_value(|a| a.response.profile.wave.clone())}</td>
                        <td data-label=strings.col_progress>{assessment.with_value(|a| format!("{}%", a.progress_percent))}</td>
                        <td data-label=strings.col_changed>{changed}</td>
                        <td class="actions">
                            <div hidden=show(RowForm::Closed)>
                                <button
                                    type="button"
                                    aria-label=label(strings.continue_assessment)
                                    on:click=move |_| on_action.run(StartAction::Open(Box::new(assessment.get_value())))
                                >
                                    {strings.continue_assessment}
                                </button>
                                <button
                                    type="button"
                                    class="quiet"
                                    prop:disabled=other_survey
                                    title=other_survey.then_some(strings.another_survey)
                                    aria-label=label(strings.next_wave)
                                    node_ref=next_wave_button
                                    on:click=move |_| {
                                        form.set(RowForm::NextWave);
                                        focus_soon(wave_input);
                                    }
                                >
                                    {strings.next_wave}
                                </button>
                                <button
                                    type="button"
                                    class="quiet"
                                    aria-label=label(strings.delete)
                                    node_ref=delete_button
                                    on:click=move |_| {
                                        form.set(RowForm::ConfirmDelete);
                                        focus_soon(confirm_button);
                                    }
                                >
                                    {strings.delete}
                                </button>
                            </div>
                            <form
                                hidden=show(RowForm::NextWave)
                                on:submit=move |ev| {
                                    ev.prevent_default();
                                    if other_survey || form.get_untracked() != RowForm::NextWave {
                                        return;
                                    }
                                    let next = assessment.with_value(|a| {
                                        a.next_wave(&survey, storage::new_id(), &wave.get_untracked(), storage::now())
                                    });
                                    // Saved at once: a copy with no answers yet is still the user's.
                                    storage::save(&next);
                                    on_action.run(StartAction::Open(Box::new(next)));
                                }
                            >
                                <label for=wave_id.clone()>{strings.wave_of_copy}</label>
                                <input
                                    type="text"
                                    id=wave_id
                                    required
                                    node_ref=wave_input
                                    on:input:target=move |ev| wave.set(ev.target().value())
                                />
                                <button type="submit">{strings.create_copy}</button>
                                <button
                                    type="button"
                                    class="quiet"
                                    on:click=close(next_wave_button)
                                >
                                    {strings.cancel}
                                </button>
                            </form>
                            <div hidden=show(RowForm::ConfirmDelete)>
                                <span role="alert">
                                    {move || (form.get() == RowForm::ConfirmDelete).then_some(strings.confirm_delete)}
                                </span>
                                <button type="button" node_ref=confirm_button on:click=move |_| delete(assessment.get_value())>
                                    {strings.delete}
                                </button>
                                <button
                                    type="button"
                                    class="quiet"
                                    on:click=close(delete_button)
                                >
                                    {strings.keep}
                                </button>
                            </div>
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
            <p class="start-actions">
                <a href=format!("dashboard.html{}", window().location().search().unwrap_or_default())>{strings.dash_link}</a>
            </p>
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
                            <button type="button" class="quiet" node_ref=undo_button on:click=undo>{strings.undo}</button>
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
