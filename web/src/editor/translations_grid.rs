//! Every text in every language side by side, the missing ones marked, how complete each
//! language is, and one language out to a translator as CSV and back.

use super::Ed;
use crate::download::save_csv;
use crate::file_picker::FileButton;
use crate::i18n::{Locale, Strings};
use engine::editor::edit::Path;
use engine::editor::translations::{
    completeness, export_csv, import_csv, text_places, TranslationProblem, MAX_CSV_BYTES, MAX_ROWS,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use wasm_bindgen_futures::JsFuture;

/// A language's name in itself, for a code the app knows; the code otherwise.
fn language_name(code: &str) -> String {
    Locale::from_code(code).map_or_else(|| code.to_owned(), |l| l.name().to_owned())
}

/// The name set apart from the sentence around it, so that an Arabic name in an English
/// sentence keeps the sentence's order.
fn in_sentence(code: &str) -> String {
    format!("\u{2068}{}\u{2069}", language_name(code))
}

/// The writing direction of a language's texts.
fn direction(code: &str) -> &'static str {
    Locale::from_code(code).map_or("ltr", Locale::dir)
}

/// A translation file's text, or why it cannot be read.
async fn read_text(file: &web_sys::File) -> Result<String, TranslationProblem> {
    let size = file.size() as usize;
    if size > MAX_CSV_BYTES {
        return Err(TranslationProblem::TooLarge(size));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| TranslationProblem::NotCsv(String::new()))?;
    Ok(text.as_string().unwrap_or_default())
}

/// The translations section, folded until asked for.
#[component]
pub fn Translations(ed: Ed) -> impl IntoView {
    let open = RwSignal::new(false);
    let words = move || ed.state.locale.get().editor();
    let codes: Vec<&'static str> = Locale::all().map(Locale::code).collect();
    let summary_codes = codes.clone();
    let summary = move || {
        let w = words();
        ed.draft.with(|d| {
            summary_codes
                .iter()
                .map(|code| {
                    let (given, total) = completeness(d.value(), code);
                    let line = Strings::fill(
                        w.editor_complete,
                        &[
                            ("language", &in_sentence(code)),
                            ("given", &given.to_string()),
                            ("total", &total.to_string()),
                        ],
                    );
                    view! { <li class:incomplete={given < total}>{line}</li> }
                })
                .collect_view()
        })
    };
    let csv_language = RwSignal::new(
        codes
            .iter()
            .find(|c| **c != "en")
            .copied()
            .unwrap_or("en")
            .to_owned(),
    );
    let download = move |_| {
        let language = csv_language.get_untracked();
        let (csv, id) = ed.draft.with_untracked(|d| {
            (
                export_csv(d.value(), &language),
                d.value()
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("survey")
                    .to_owned(),
            )
        });
        save_csv(&format!("{id}-{language}.csv"), &csv);
    };
    let import = move |files: Vec<web_sys::File>| {
        let Some(file) = files.into_iter().next() else {
            return;
        };
        let w = ed.state.locale.get_untracked().editor();
        spawn_local(async move {
            let name = file.name();
            let read = match read_text(&file).await {
                Ok(text) => ed.draft.with_untracked(|d| import_csv(d.value(), &text)),
                Err(problem) => Err(problem),
            };
            let line = match read {
                Ok(imported) => {
                    let count = imported.ops.len();
                    ed.act(imported.ops);
                    Strings::fill(
                        w.editor_csv_imported,
                        &[
                            ("count", &count.to_string()),
                            ("language", &in_sentence(&imported.language)),
                            ("name", &name),
                            ("left", &imported.left_out.to_string()),
                        ],
                    )
                }
                Err(TranslationProblem::TooLarge(_)) => {
                    Strings::fill(w.editor_csv_too_large, &[("name", &name)])
                }
                Err(TranslationProblem::NotCsv(detail)) => Strings::fill(
                    w.editor_csv_not_csv,
                    &[("name", &name), ("detail", &crate::i18n::short(&detail))],
                ),
                Err(TranslationProblem::NoHeader) => {
                    Strings::fill(w.editor_csv_no_header, &[("name", &name)])
                }
                Err(TranslationProblem::TooManyRows) => Strings::fill(
                    w.editor_csv_too_many,
                    &[("name", &name), ("limit", &MAX_ROWS.to_string())],
                ),
            };
            ed.notice.set(Some(line));
        });
    };
    // The texts' places, drawn again only when texts come or go.
    let places = Memo::new(move |_| {
        ed.draft.with(|d| {
            text_places(d.value())
                .into_iter()
                .map(|(at, _)| at)
                .collect::<Vec<Path>>()
        })
    });
    let grid_codes = codes.clone();
    let grid = move || {
        open.get().then(|| {
            let codes = grid_codes.clone();
            let head = codes.iter().map(|code| view! { <th scope="col" lang=*code>{language_name(code)}</th> }).collect_view();
            let rows = places
                .get()
                .into_iter()
                .map(|at| {
                    let place = at.to_string();
                    let cells = codes
                        .iter()
                        .map(|code| {
                            let code = code.to_string();
                            let read_at = at.key(&code);
                            let value = move || ed.read(&read_at, |v| v.and_then(Value::as_str).unwrap_or_default().to_owned());
                            let missing = {
                                let value = value.clone();
                                move || value().trim().is_empty()
                            };
                            let label = {
                                let place = place.clone();
                                let code = code.clone();
                                move || Strings::fill(words().editor_text_in, &[("place", &place), ("language", &language_name(&code))])
                            };
                            let write_at = at.clone();
                            let input_code = code.clone();
                            view! {
                                <td class:missing=missing.clone()>
                                    <input
                                        type="text"
                                        lang=code.clone()
                                        dir=direction(&code)
                                        aria-label=label
                                        placeholder=move || words().editor_missing
                                        prop:value=value
                                        on:input:target=move |ev| {
                                            let text = ev.target().value();
                                            ed.type_with(|d| d.text_ops(&write_at, &input_code, &text));
                                        }
                                    />
                                </td>
                            }
                        })
                        .collect_view();
                    view! { <tr><th scope="row"><code dir="ltr">{place.clone()}</code></th>{cells}</tr> }
                })
                .collect_view();
            view! {
                <div class="grid-scroll">
                    <table class="translations">
                        <caption>{move || words().editor_translations}</caption>
                        <thead><tr><th scope="col">{move || words().editor_place}</th>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    };
    let options = codes
        .iter()
        .filter(|c| **c != "en")
        .map(|code| view! { <option value=*code lang=*code>{language_name(code)}</option> })
        .collect_view();
    view! {
        <details class="editor-translations" on:toggle:target=move |ev| open.set(ev.target().open())>
            <summary>{move || words().editor_translations}</summary>
            <ul class="completeness">{summary}</ul>
            <div class="actions-row">
                <label for="csv-language">{move || words().editor_csv_language}</label>
                <select id="csv-language" prop:value=move || csv_language.get() on:change:target=move |ev| csv_language.set(ev.target().value())>
                    {options}
                </select>
                <button type="button" class="quiet" on:click=download>{move || words().editor_csv_download}</button>
                <FileButton
                    id="csv-import"
                    label=Signal::derive(move || words().editor_csv_import)
                    accept=".csv,text/csv"
                    on_files=Callback::new(import)
                />
            </div>
            {grid}
        </details>
    }
}
