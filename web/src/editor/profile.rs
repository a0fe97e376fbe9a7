//! The profile's choices: regions, program tiers, and the partner functions with their types.

use super::areas::{english, focus_new, name_at, EntryTools};
use super::fields::{field_id, Kind, PlaceProblems, PlainField, TextField};
use super::Ed;
use crate::i18n::{EditorStrings, Strings};
use engine::editor::edit::{Op, Path};
use engine::editor::places::CHOICE_QUESTIONS;
use leptos::prelude::*;
use serde_json::{json, Value};

/// A label of the editor's, following the language.
fn label(ed: Ed, pick: fn(&EditorStrings) -> &'static str) -> Signal<String> {
    Signal::derive(move || pick(ed.state.locale.get().editor()).to_owned())
}

/// How many entries the list at `at` has.
fn count_at(value: &Value, at: &Path) -> usize {
    at.get(value).and_then(Value::as_array).map_or(0, Vec::len)
}

/// One choice of a list (a region, a tier, a partner type): its label and id, and its buttons.
#[component]
fn ChoiceEntry(ed: Ed, list: Path, index: usize, count: usize) -> impl IntoView {
    let at = list.index(index);
    let name = {
        let at = at.clone();
        move || name_at(ed, &at, "label")
    };
    let legend = move || {
        let template = ed.state.locale.get().editor().editor_choice_n;
        Strings::fill(
            template,
            &[("n", &(index + 1).to_string()), ("name", &name())],
        )
    };
    view! {
        <fieldset class="choice-entry" id=field_id(&at.to_string()) tabindex="-1">
            <legend>{legend}</legend>
            <div class="row">
                <TextField ed at=at.key("label") label=label(ed, |w| w.editor_label)/>
                <PlainField ed at=at.key("id") label=label(ed, |w| w.editor_id) kind=Kind::Word/>
            </div>
            <PlaceProblems ed place=at.to_string()/>
            <EntryTools ed list index count text_key="label"/>
        </fieldset>
    }
}

/// The choices at `list`, and a button that adds one named `new_label` (in English).
#[component]
fn ChoiceList(
    ed: Ed,
    list: Path,
    owner: Signal<String>,
    add: fn(&EditorStrings) -> &'static str,
    new_label: &'static str,
) -> impl IntoView {
    let read = list.clone();
    let count = Memo::new(move |_| ed.draft.with(|d| count_at(d.value(), &read)));
    let draw = list.clone();
    let add_at = list.clone();
    let add_one = move |_| {
        let index = count.get_untracked();
        ed.act_with(|d| {
            let value = json!({"id": d.new_id(new_label), "label": {"en": new_label}});
            match add_at.get(d.value()) {
                Some(Value::Array(_)) => vec![Op::Insert {
                    list: add_at.clone(),
                    index,
                    value,
                }],
                _ => vec![Op::Put {
                    at: add_at.clone(),
                    value: Some(json!([value])),
                }],
            }
        });
        focus_new(field_id(&add_at.index(index).key("label").to_string()));
    };
    view! {
        <div class="choice-list" id=field_id(&list.to_string()) tabindex="-1">
            {move || {
                let count = count.get();
                (0..count).map(|i| view! { <ChoiceEntry ed list=draw.clone() index=i count/> }).collect_view()
            }}
            <PlaceProblems ed place=list.to_string()/>
            <button type="button" on:click=add_one>
                {move || Strings::fill(add(ed.state.locale.get().editor()), &[("name", &owner.get())])}
            </button>
        </div>
    }
}

/// A profile question's own texts: its wording and its help.
#[component]
fn QuestionTexts(ed: Ed, at: Path) -> impl IntoView {
    view! {
        <TextField ed at=at.key("label") label=label(ed, |w| w.editor_question)/>
        <TextField ed at=at.key("help") label=label(ed, |w| w.editor_help) long=true/>
        <PlaceProblems ed place=at.to_string()/>
    }
}

/// One partner function with its types.
#[component]
fn FunctionEntry(ed: Ed, list: Path, index: usize, count: usize) -> impl IntoView {
    let at = list.index(index);
    let name = {
        let at = at.clone();
        Signal::derive(move || name_at(ed, &at, "label"))
    };
    let legend = move || {
        let template = ed.state.locale.get().editor().editor_function_n;
        Strings::fill(
            template,
            &[("n", &(index + 1).to_string()), ("name", &name.get())],
        )
    };
    view! {
        <fieldset class="function-entry" id=field_id(&at.to_string()) tabindex="-1">
            <legend>{legend}</legend>
            <div class="row">
                <TextField ed at=at.key("label") label=label(ed, |w| w.editor_label)/>
                <PlainField ed at=at.key("id") label=label(ed, |w| w.editor_id) kind=Kind::Word/>
            </div>
            <PlaceProblems ed place=at.to_string()/>
            <EntryTools ed list index count text_key="label"/>
            <ChoiceList ed list=at.key("types") owner=name add=|w| w.editor_add_type new_label=english().editor_new_type/>
        </fieldset>
    }
}

/// Who is answering: the choices of the region, the program tier and the partner type.
#[component]
pub fn ProfileFields(ed: Ed) -> impl IntoView {
    let profile = Path::default().key("profile");
    let words = move || ed.state.locale.get().editor();
    let questions = CHOICE_QUESTIONS
        .map(|question| {
            let at = profile.key(question);
            let name = {
                let at = at.clone();
                Signal::derive(move || name_at(ed, &at, "label"))
            };
            view! {
                <fieldset class="question-entry" id=field_id(&at.to_string()) tabindex="-1">
                    <legend>{name}</legend>
                    <QuestionTexts ed at=at.clone()/>
                    <ChoiceList ed list=at.key("choices") owner=name add=|w| w.editor_add_choice new_label=english().editor_new_choice/>
                </fieldset>
            }
        })
        .into_iter()
        .collect_view();
    let types = profile.key("partner_type");
    let functions = types.key("functions");
    let read = functions.clone();
    let count = Memo::new(move |_| ed.draft.with(|d| count_at(d.value(), &read)));
    let type_name = {
        let at = types.clone();
        Signal::derive(move || name_at(ed, &at, "label"))
    };
    let draw = functions.clone();
    let add_at = functions.clone();
    let add_function = move |_| {
        let index = count.get_untracked();
        let (function, kind) = (english().editor_new_function, english().editor_new_type);
        ed.act_with(|d| {
            let value = json!({"id": d.new_id(function), "label": {"en": function}, "types": [{"id": d.new_id(kind), "label": {"en": kind}}]});
            match add_at.get(d.value()) {
                Some(Value::Array(_)) => vec![Op::Insert { list: add_at.clone(), index, value }],
                _ => vec![Op::Put { at: add_at.clone(), value: Some(json!([value])) }],
            }
        });
        focus_new(field_id(&add_at.index(index).key("label").to_string()));
    };
    view! {
        <section class="editor-profile" aria-labelledby="editor-profile-title" id=field_id("profile") tabindex="-1">
            <h2 id="editor-profile-title">{move || words().editor_profile}</h2>
            {questions}
            <fieldset class="question-entry" id=field_id(&types.to_string()) tabindex="-1">
                <legend>{type_name}</legend>
                <QuestionTexts ed at=types.clone()/>
                <div class="choice-list" id=field_id(&functions.to_string()) tabindex="-1">
                    {move || {
                        let count = count.get();
                        (0..count).map(|i| view! { <FunctionEntry ed list=draw.clone() index=i count/> }).collect_view()
                    }}
                    <PlaceProblems ed place=functions.to_string()/>
                    <button type="button" on:click=add_function>{move || words().editor_add_function}</button>
                </div>
            </fieldset>
            <PlaceProblems ed place="profile".to_owned()/>
        </section>
    }
}
