//! The model's areas and their elements: add, edit, move, duplicate, delete.

use super::audience_field::AudienceField;
use super::fields::{field_id, Kind, PlaceProblems, PlainField, TextField};
use super::Ed;
use crate::i18n::{EditorStrings, Locale, Strings};
use engine::editor::edit::{Op, Path};
use leptos::prelude::*;
use serde_json::{json, Value};

/// How many areas there are, and elements in each: the form is drawn again when these
/// change, and otherwise only its fields follow the draft.
fn shape(value: &Value) -> Vec<usize> {
    value
        .get("areas")
        .and_then(Value::as_array)
        .map(|areas| {
            areas
                .iter()
                .map(|a| {
                    a.get("elements")
                        .and_then(Value::as_array)
                        .map_or(0, Vec::len)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The English text at `at`, to name an entry in labels; its id when it has none.
pub(super) fn name_at(ed: Ed, at: &Path, text_key: &str) -> String {
    ed.draft.with(|d| {
        let entry = at.get(d.value());
        entry
            .and_then(|e| e.get(text_key))
            .and_then(|t| t.get("en"))
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
            .or_else(|| entry.and_then(|e| e.get("id")).and_then(Value::as_str))
            .unwrap_or_default()
            .to_owned()
    })
}

/// The English words, for the texts of a new entry (every survey text needs English).
pub(super) fn english() -> &'static EditorStrings {
    Locale::default().editor()
}

/// Moves focus to the element with `id` once the form has been drawn again.
fn focus_soon(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                let _ = element.focus();
            }
        }
    });
}

/// Moves focus to a new entry's first text field, its placeholder text selected so that
/// typing replaces it.
pub(super) fn focus_new(id: String) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(&id) {
            if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(element)
            {
                let _ = input.focus();
                input.select();
            }
        }
    });
}

/// An entry's buttons: move up and down, duplicate, delete.
#[component]
pub(super) fn EntryTools(
    ed: Ed,
    list: Path,
    index: usize,
    count: usize,
    text_key: &'static str,
) -> impl IntoView {
    let at = list.index(index);
    let name = {
        let at = at.clone();
        Signal::derive(move || name_at(ed, &at, text_key))
    };
    let words = move || ed.state.locale.get().editor();
    let label = move |template: fn(&EditorStrings) -> &'static str| {
        move || Strings::fill(template(words()), &[("name", &name.get())])
    };
    let tool_id = |kind: &str, i: usize| format!("tool-{kind}-{}", list.index(i));
    let (up, down, copy, delete) = (
        tool_id("up", index),
        tool_id("down", index),
        tool_id("copy", index),
        tool_id("delete", index),
    );
    let after_up = tool_id("up", index.saturating_sub(1));
    let after_down = tool_id("down", index + 1);
    let after_copy = tool_id("copy", index + 1);
    let move_to = {
        let list = list.clone();
        move |to: usize, focus: String| {
            ed.act(vec![Op::Move {
                list: list.clone(),
                from: index,
                to,
            }]);
            focus_soon(focus);
        }
    };
    let move_up = move_to.clone();
    let duplicate = {
        let list = list.clone();
        let at = at.clone();
        move |_| {
            ed.act_with(|d| {
                let Some(mut copy) = at.get(d.value()).cloned() else {
                    return Vec::new();
                };
                d.give_new_ids(&mut copy);
                let name = name_at_value(&copy, text_key);
                copy[text_key]["en"] =
                    Value::String(Strings::fill(english().editor_copy_of, &[("name", &name)]));
                vec![Op::Insert {
                    list: list.clone(),
                    index: index + 1,
                    value: copy,
                }]
            });
            focus_soon(after_copy.clone());
        }
    };
    let remove = {
        let list = list.clone();
        move |_| {
            ed.act(vec![Op::Remove {
                list: list.clone(),
                index,
            }])
        }
    };
    view! {
        <div class="entry-tools">
            <button type="button" class="quiet" id=up disabled={index == 0} aria-label=label(|w| w.editor_move_up)
                on:click=move |_| move_up(index - 1, after_up.clone())>"↑"</button>
            <button type="button" class="quiet" id=down disabled={index + 1 >= count} aria-label=label(|w| w.editor_move_down)
                on:click=move |_| move_to(index + 1, after_down.clone())>"↓"</button>
            <button type="button" class="quiet" id=copy on:click=duplicate>{label(|w| w.editor_duplicate)}</button>
            <button type="button" class="quiet" id=delete on:click=remove>{label(|w| w.editor_delete)}</button>
        </div>
    }
}

/// The English text of an entry's `text_key`, or its id.
fn name_at_value(entry: &Value, text_key: &str) -> String {
    entry[text_key]["en"]
        .as_str()
        .or_else(|| entry["id"].as_str())
        .unwrap_or_default()
        .to_owned()
}

/// What areas and elements share: their text and description, id and weight, who sees them,
/// the problems found in them, and their buttons.
#[component]
fn EntryFields(
    ed: Ed,
    list: Path,
    index: usize,
    count: usize,
    /// The key of the entry's name: "title" for an area, "label" for an element.
    text_key: &'static str,
    text_label: Signal<String>,
) -> impl IntoView {
    let at = list.index(index);
    let label = |pick: fn(&EditorStrings) -> &'static str| {
        Signal::derive(move || pick(ed.state.locale.get().editor()).to_owned())
    };
    view! {
        <TextField ed at=at.key(text_key) label=text_label/>
        <TextField ed at=at.key("description") label=label(|w| w.editor_description) long=true/>
        <div class="row">
            <PlainField ed at=at.key("id") label=label(|w| w.editor_id) kind=Kind::Word/>
            <PlainField ed at=at.key("weight") label=label(|w| w.editor_weight) kind=Kind::Number/>
        </div>
        <AudienceField ed at=at.clone()/>
        <PlaceProblems ed place=at.to_string()/>
        <EntryTools ed list index count text_key/>
    }
}

/// One element of an area.
#[component]
fn ElementFields(ed: Ed, area: usize, index: usize, count: usize) -> impl IntoView {
    let list = Path::default().key("areas").index(area).key("elements");
    let at = list.index(index);
    let place = at.to_string();
    let name = {
        let at = at.clone();
        move || name_at(ed, &at, "label")
    };
    let legend = move || {
        Strings::fill(
            ed.state.locale.get().editor().editor_element_n,
            &[("n", &(index + 1).to_string()), ("name", &name())],
        )
    };
    let label = |pick: fn(&EditorStrings) -> &'static str| {
        Signal::derive(move || pick(ed.state.locale.get().editor()).to_owned())
    };
    view! {
        <fieldset class="element-entry" id=field_id(&place) tabindex="-1">
            <legend>{legend}</legend>
            <EntryFields ed list index count text_key="label" text_label=label(|w| w.editor_label)/>
        </fieldset>
    }
}

/// One area with its elements.
#[component]
fn AreaFields(ed: Ed, index: usize, count: usize, elements: usize) -> impl IntoView {
    let list = Path::default().key("areas");
    let at = list.index(index);
    let place = at.to_string();
    let name = {
        let at = at.clone();
        Signal::derive(move || name_at(ed, &at, "title"))
    };
    let words = move || ed.state.locale.get().editor();
    let legend = move || {
        Strings::fill(
            words().editor_area_n,
            &[("n", &(index + 1).to_string()), ("name", &name.get())],
        )
    };
    let label = |pick: fn(&EditorStrings) -> &'static str| {
        Signal::derive(move || pick(ed.state.locale.get().editor()).to_owned())
    };
    let elements_at = at.key("elements");
    let add_element = {
        let elements_at = elements_at.clone();
        move |_| {
            let label = english().editor_new_element;
            ed.act_with(|d| {
                let value = json!({"id": d.new_id(label), "label": {"en": label}});
                vec![Op::Insert {
                    list: elements_at.clone(),
                    index: elements,
                    value,
                }]
            });
            focus_soon(field_id(
                &elements_at.index(elements).key("label").to_string(),
            ));
        }
    };
    view! {
        <fieldset class="area-entry" id=field_id(&place) tabindex="-1">
            <legend>{legend}</legend>
            <EntryFields ed list index count text_key="title" text_label=label(|w| w.editor_title_field)/>
            <div class="elements" id=field_id(&elements_at.to_string()) tabindex="-1">
                {(0..elements).map(|j| view! { <ElementFields ed area=index index=j count=elements/> }).collect_view()}
                <PlaceProblems ed place=elements_at.to_string()/>
                <button type="button" on:click=add_element>
                    {move || Strings::fill(words().editor_add_element, &[("name", &name.get())])}
                </button>
            </div>
        </fieldset>
    }
}

/// Every area, drawn again when one is added, moved away or deleted.
#[component]
pub fn Areas(ed: Ed) -> impl IntoView {
    let shape = Memo::new(move |_| ed.draft.with(|d| shape(d.value())));
    let words = move || ed.state.locale.get().editor();
    let add_area = move |_| {
        let count = shape.with_untracked(Vec::len);
        let (title, element) = (english().editor_new_area, english().editor_new_element);
        ed.act_with(|d| {
            let area_id = d.new_id(title);
            let value = json!({"id": area_id, "title": {"en": title}, "elements": [{"id": d.new_id(element), "label": {"en": element}}]});
            let list = Path::default().key("areas");
            match d.value().get("areas") {
                Some(Value::Array(_)) => vec![Op::Insert { list, index: count, value }],
                _ => vec![Op::Put { at: list, value: Some(json!([value])) }],
            }
        });
        focus_new(field_id(&format!("areas[{count}].title")));
    };
    view! {
        <section class="editor-areas" aria-labelledby="editor-areas-title">
            <h2 id="editor-areas-title" tabindex="-1">{move || words().editor_areas}</h2>
            <div id=field_id("areas") tabindex="-1">
                {move || {
                    let counts = shape.get();
                    let count = counts.len();
                    counts
                        .into_iter()
                        .enumerate()
                        .map(|(i, elements)| view! { <AreaFields ed index=i count elements/> })
                        .collect_view()
                }}
                <PlaceProblems ed place="areas".to_owned()/>
            </div>
            <button type="button" class="primary" on:click=add_area>{move || words().editor_add_area}</button>
        </section>
    }
}
