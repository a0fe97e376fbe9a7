//! Importing exported results: files chosen or dropped anywhere on the start screen, each
//! with its status. A newer copy of an assessment here replaces it only once the user
//! confirms; nothing else here is ever overwritten.

use super::file_picker::{take_dropped_files, FilePicker};
use super::focus::focus_soon;
use super::i18n::Strings;
use super::state::{use_app_state, use_survey};
use super::storage;
use engine::answers::assessment::{newest_first, Assessment, Millis};
use engine::codec::entries::FileProblem;
use engine::codec::export::{read_envelopes, Envelope, MAX_FILE_BYTES};
use engine::codec::import::{plan, Arrival, ImportCounts, ImportStatus};
use leptos::html::P;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

/// One envelope in the report; its status changes when the user decides on a newer copy.
#[derive(Clone)]
struct Row {
    envelope: Arc<Envelope>,
    status: RwSignal<ImportStatus>,
}

/// One file in the report: its envelopes, or why it could not be read.
struct FileRow {
    name: String,
    outcome: Result<Vec<Row>, FileProblem>,
}

/// A file's envelopes, read whole; a file over the limit is refused before it is read.
async fn read_file(file: web_sys::File) -> (String, Result<Vec<Envelope>, FileProblem>) {
    let size = file.size() as usize;
    let read = if size > MAX_FILE_BYTES {
        Err(FileProblem::TooLarge(size, MAX_FILE_BYTES))
    } else {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => read_envelopes(&js_sys::Uint8Array::new(&buffer).to_vec()),
            Err(_) => Err(FileProblem::Unreadable),
        }
    };
    (file.name(), read)
}

/// When this browser's copy of an assessment was last changed. An entry stored under the id
/// that cannot be read counts as the latest, so an import never overwrites it.
fn changed_here(id: &str) -> Option<Millis> {
    storage::stored_copy(id)
        .map(|assessment| assessment.updated_at)
        .or_else(|| storage::is_taken(id).then_some(Millis::MAX))
}

/// What an envelope's status means, for the user.
fn status_message(strings: &Strings, status: &ImportStatus) -> String {
    match status {
        ImportStatus::New => strings.import_new.to_owned(),
        ImportStatus::Duplicate => strings.import_duplicate.to_owned(),
        ImportStatus::Newer => strings.import_newer.to_owned(),
        ImportStatus::Older => strings.import_older.to_owned(),
        ImportStatus::WrongSurvey(survey) => {
            Strings::fill(strings.import_wrong_survey, &[("survey", survey)])
        }
        ImportStatus::Invalid(problem) => {
            format!(
                "{} {}",
                strings.import_invalid,
                strings.answer_problem(problem)
            )
        }
        ImportStatus::Replaced => strings.import_replaced.to_owned(),
        ImportStatus::KeptHere => strings.import_kept.to_owned(),
        ImportStatus::NotStored => strings.import_not_stored.to_owned(),
    }
}

/// The import: a file picker, a drop target the size of the window, and a report of what
/// each file held, with the choice to take newer copies.
#[component]
pub fn ImportPanel(
    /// This page's `?survey=` value, so the list can send the user back to this survey.
    source: String,
    /// The start screen's list, which imported assessments join.
    assessments: RwSignal<Vec<Assessment>>,
) -> impl IntoView {
    let state = use_app_state();
    let survey = StoredValue::new(use_survey());
    let source = StoredValue::new(source);
    let report = RwSignal::new(Vec::<FileRow>::new());
    // How many files are being read, while they are.
    let reading = RwSignal::new(None::<usize>);
    let dragging = RwSignal::new(false);
    let summary = NodeRef::<P>::new();

    // Stores an envelope's assessment and shows it in the list; false when the browser refused.
    let store = move |envelope: &Envelope| {
        let mut assessment = survey.with_value(|s| Assessment::from_envelope(envelope, s));
        assessment.survey_source = source.get_value();
        let stored = storage::save(&assessment);
        if stored {
            assessments.update(|all| {
                all.retain(|a| a.response.id != assessment.response.id);
                all.push(assessment);
                newest_first(all);
            });
        }
        stored
    };
    // What is stored may have changed since the report was made (another row replaced it, or
    // another tab saved): a copy that is no longer the newer one is not stored.
    let decide = move |row: &Row, replace: bool| {
        let here = changed_here(&row.envelope.id);
        row.status.set(match replace {
            false => ImportStatus::KeptHere,
            true if here.is_some_and(|at| at >= row.envelope.updated_at) => ImportStatus::Older,
            true if store(&row.envelope) => ImportStatus::Replaced,
            true => ImportStatus::NotStored,
        });
    };
    let import = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        reading.set(Some(files.len()));
        leptos::task::spawn_local(async move {
            let mut read = Vec::with_capacity(files.len());
            for file in files {
                read.push(read_file(file).await);
            }
            let planned = survey.with_value(|s| plan(read, s, changed_here, storage::now()));
            let rows = planned
                .into_iter()
                .map(|file| FileRow {
                    name: file.name,
                    outcome: file.outcome.map(|arrivals| {
                        arrivals
                            .into_iter()
                            .map(|Arrival { envelope, status }| {
                                let status = match status {
                                    ImportStatus::New if !store(&envelope) => {
                                        ImportStatus::NotStored
                                    }
                                    other => other,
                                };
                                Row {
                                    envelope: Arc::new(envelope),
                                    status: RwSignal::new(status),
                                }
                            })
                            .collect()
                    }),
                })
                .collect();
            reading.set(None);
            report.set(rows);
        });
    };

    // The whole window takes dropped files while the start screen shows.
    take_dropped_files(dragging, import);

    let rows = move || {
        report.with(|files| {
            files
                .iter()
                .flat_map(|f| f.outcome.iter().flatten().cloned())
                .collect::<Vec<_>>()
        })
    };
    let tally = move || {
        let unreadable = report.with(|files| files.iter().filter(|f| f.outcome.is_err()).count());
        let statuses: Vec<ImportStatus> = rows().iter().map(|row| row.status.get()).collect();
        ImportCounts::of(&statuses, unreadable)
    };
    let replace_all = move |_| {
        for row in rows() {
            if row.status.get_untracked() == ImportStatus::Newer {
                decide(&row, true);
            }
        }
        // The buttons are gone; the summary says what happened.
        focus_soon(summary);
    };
    // One fixed tree per row and per file, parts hidden rather than added: every distinct
    // Leptos view type costs wasm bytes (docs/performance.md).
    let row_view = move |row: Row| {
        let who = row.envelope.response.profile.who();
        let id = row.envelope.id.clone();
        let unknown = survey.with_value(|s| row.envelope.response.unknown_answers(s));
        let status = row.status;
        let (replace, keep) = (row.clone(), row);
        let message = move || {
            let strings = state.strings();
            let mut message = status.with(|s| status_message(strings, s));
            if !unknown.is_empty() {
                message = format!(
                    "{message} {} {}",
                    strings.unknown_answers(unknown.len()),
                    unknown.join(", ")
                );
            }
            message
        };
        let name = move || {
            if who.is_empty() {
                Strings::fill(state.strings().import_unnamed, &[("id", &id)])
            } else {
                who.clone()
            }
        };
        // Each row's buttons name their assessment, so a list of buttons tells them apart.
        let (replace_name, keep_name) = (name.clone(), name.clone());
        view! {
            <li>
                <strong>{name}</strong>
                ": " {message}
                <span hidden=move || { status.get() != ImportStatus::Newer }>
                    " "
                    <button
                        type="button"
                        aria-label=move || format!("{} – {}", state.strings().import_replace, replace_name())
                        on:click=move |_| decide(&replace, true)
                    >
                        {move || state.strings().import_replace}
                    </button>
                    " "
                    <button
                        type="button"
                        class="quiet"
                        aria-label=move || format!("{} – {}", state.strings().import_keep_here, keep_name())
                        on:click=move |_| decide(&keep, false)
                    >
                        {move || state.strings().import_keep_here}
                    </button>
                </span>
            </li>
        }
    };
    let file_view = move |file: &FileRow| {
        let problem = file.outcome.as_ref().err().cloned();
        let rows = file.outcome.clone().unwrap_or_default();
        let failed = problem.is_some();
        view! {
            <li>
                <span class="file-name">{file.name.clone()}</span>
                <p class="problem" hidden=!failed>
                    {move || problem.as_ref().map(|p| state.strings().file_problem(state.locale.get(), p))}
                </p>
                <ul hidden=failed>{rows.into_iter().map(row_view).collect_view()}</ul>
            </li>
        }
    };

    view! {
        <section class="import" class:dragging=move || dragging.get() aria-labelledby="import-title">
            <h2 id="import-title">{move || state.strings().import_title}</h2>
            <p>{move || state.strings().import_intro}</p>
            <p class="drop-hint" aria-hidden="true">{move || state.strings().import_drop}</p>
            <FilePicker
                id="import-files"
                label=Signal::derive(move || state.strings().import_choose)
                busy=Signal::derive(move || reading.get().is_some())
                on_files=Callback::new(import)
            />
            <p role="status" tabindex="-1" node_ref=summary>
                {move || match reading.get() {
                    Some(count) => Strings::fill(state.strings().import_reading, &[("count", &count.to_string())]),
                    None if report.with(Vec::is_empty) => String::new(),
                    None => {
                        let t = tally();
                        Strings::fill(state.strings().import_summary, &[
                            ("imported", &t.imported.to_string()),
                            ("unchanged", &t.unchanged.to_string()),
                            ("to_confirm", &t.to_confirm.to_string()),
                            ("refused", &t.refused.to_string()),
                        ])
                    }
                }}
            </p>
            <p hidden=move || { tally().to_confirm < 2 }>
                <button type="button" on:click=replace_all>
                    {move || Strings::fill(state.strings().import_replace_all, &[("count", &tally().to_confirm.to_string())])}
                </button>
            </p>
            <ul class="import-report" aria-label=move || state.strings().import_report hidden=move || report.with(Vec::is_empty)>
                {move || report.with(|files| files.iter().map(file_view).collect_view())}
            </ul>
        </section>
    }
}
