//! What changed since the file was opened or saved, entry by entry.

use super::Ed;
use crate::i18n::Strings;
use engine::editor::changes::{changes, Change};
use leptos::prelude::*;
use serde_json::Value;

/// A value short enough for a line: a text or a number as it is, anything larger left out.
fn shown(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(format!("“{}”", crate::i18n::short(text))),
        Value::Number(_) | Value::Bool(_) => Some(value.to_string()),
        _ => None,
    }
}

/// The list of changes, folded until asked for.
#[component]
pub fn Changes(ed: Ed) -> impl IntoView {
    let found = Memo::new(move |_| ed.draft.with(|d| changes(d.origin(), d.value())));
    let words = move || ed.state.locale.get().editor();
    let lines = move || {
        let w = words();
        found.with(|all| {
            all.iter()
                .map(|change| {
                    let what = match change {
                        Change::Added { .. } => w.editor_added.to_owned(),
                        Change::Removed { .. } => w.editor_removed.to_owned(),
                        Change::Reordered { .. } => w.editor_reordered.to_owned(),
                        Change::Changed { from, to, .. } => match (shown(from), shown(to)) {
                            (Some(from), Some(to)) => Strings::fill(w.editor_changed, &[("from", &from), ("to", &to)]),
                            _ => w.editor_changed_entry.to_owned(),
                        },
                    };
                    view! { <li><code dir="ltr">{change.place().to_owned()}</code> ": " {what}</li> }
                })
                .collect_view()
        })
    };
    view! {
        <details class="editor-changes">
            <summary>{move || Strings::fill(words().editor_changes, &[("count", &found.with(Vec::len).to_string())])}</summary>
            {move || found.with(Vec::is_empty).then(|| view! { <p>{words().editor_no_changes}</p> })}
            <ul>{lines}</ul>
        </details>
    }
}
