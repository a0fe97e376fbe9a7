//! The editor's fields: each edits one place of the survey's JSON tree, shows the problems the
//! survey reader finds there, and has the place's path in its id so the problem list can
//! jump to it.

use super::Ed;
use crate::i18n::Locale;
use engine::editor::edit::{Op, Path};
use leptos::prelude::*;
use serde_json::Value;

/// The element id of the field or group for the place `path` (written as the reader names it).
pub fn field_id(path: &str) -> String {
    format!("f-{path}")
}

/// The problems that show at `place`, worded; each a paragraph the field points to.
#[component]
pub fn PlaceProblems(ed: Ed, place: String) -> impl IntoView {
    let id = format!("p-{place}");
    let words = move || {
        let file = ed.state.locale.get().file_words();
        ed.problems_at(&place)
            .iter()
            .map(|error| file.finding(&error.finding))
            .collect::<Vec<_>>()
    };
    view! {
        <ul class="field-problems" id=id>
            {move || words().into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
        </ul>
    }
}

/// Whether any problem shows at `place`.
fn has_problems(ed: Ed, place: &str) -> Signal<bool> {
    let place = place.to_owned();
    Signal::derive(move || !ed.problems_at(&place).is_empty())
}

/// A text in the editing language, with the English text as a hint in other languages.
#[component]
pub fn TextField(
    ed: Ed,
    at: Path,
    label: Signal<String>,
    #[prop(optional)] long: bool,
) -> impl IntoView {
    let place = at.to_string();
    let id = field_id(&place);
    let value_at = at.clone();
    let value = move || {
        let language = ed.language.get();
        ed.read(&value_at.key(&language), |v| {
            v.and_then(Value::as_str).unwrap_or_default().to_owned()
        })
    };
    let hint_at = at.clone();
    let hint = move || {
        let language = ed.language.get();
        (language != "en")
            .then(|| {
                ed.read(&hint_at.key("en"), |v| {
                    v.and_then(Value::as_str).map(str::to_owned)
                })
            })
            .flatten()
    };
    let input = move |text: String| {
        let language = ed.language.get_untracked();
        ed.type_with(|d| d.text_ops(&at, &language, &text));
    };
    let invalid = has_problems(ed, &place);
    // Everything but the element: a line of text or a box of a few lines.
    let shared = view! {
        <{..}
            id=id.clone()
            lang=move || ed.language.get()
            dir=move || Locale::from_code(&ed.language.get()).map_or("ltr", Locale::dir)
            aria-describedby=format!("p-{place}")
            aria-invalid=move || invalid.get().then_some("true")
            placeholder=move || hint().unwrap_or_default()
            prop:value=value
            on:input=move |ev| input(event_target_value(&ev))
        />
    };
    let field = if long {
        view! { <textarea rows="2" {..shared}></textarea> }.into_any()
    } else {
        view! { <input type="text" {..shared}/> }.into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {field}
            <PlaceProblems ed place/>
        </div>
    }
}

/// What a plain field holds.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string, such as an id.
    Word,
    /// A whole number, such as a scale point.
    Whole,
    /// A number, such as a weight.
    Number,
}

/// A field of one string or number; what does not read as a number is kept as typed, so the
/// reader's finding says what is wrong.
#[component]
pub fn PlainField(ed: Ed, at: Path, label: Signal<String>, kind: Kind) -> impl IntoView {
    let place = at.to_string();
    let id = field_id(&place);
    let value_at = at.clone();
    let value = move || {
        ed.read(&value_at, |v| match v {
            Some(Value::String(text)) => text.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        })
    };
    let input = move |text: String| {
        let trimmed = text.trim();
        let value = match kind {
            Kind::Word => Some(Value::String(text.clone())),
            _ if trimmed.is_empty() => None,
            Kind::Whole => Some(
                trimmed
                    .parse::<i64>()
                    .map_or_else(|_| Value::String(text.clone()), Value::from),
            ),
            Kind::Number => Some(
                trimmed
                    .parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map_or_else(|| Value::String(text.clone()), Value::Number),
            ),
        };
        ed.type_with(|_| {
            vec![Op::Put {
                at: at.clone(),
                value,
            }]
        });
    };
    let invalid = has_problems(ed, &place);
    let described = format!("p-{place}");
    let mode = match kind {
        Kind::Word => "text",
        Kind::Whole => "numeric",
        Kind::Number => "decimal",
    };
    view! {
        <div class="field" class:short={kind != Kind::Word}>
            <label for=id.clone()>{label}</label>
            <input
                type="text"
                id=id
                inputmode=mode
                dir="ltr"
                autocomplete="off"
                spellcheck="false"
                aria-describedby=described
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=value
                on:input:target=move |ev| input(ev.target().value())
            />
            <PlaceProblems ed place/>
        </div>
    }
}

/// A yes-or-no field.
#[component]
pub fn FlagField(ed: Ed, at: Path, label: Signal<String>) -> impl IntoView {
    let place = at.to_string();
    let id = field_id(&place);
    let value_at = at.clone();
    let checked = move || ed.read(&value_at, |v| v.and_then(Value::as_bool).unwrap_or(false));
    view! {
        <div class="field flag">
            <input
                type="checkbox"
                id=id.clone()
                aria-describedby=format!("p-{place}")
                prop:checked=checked
                on:change:target=move |ev| {
                    ed.act(vec![Op::Put { at: at.clone(), value: Some(Value::Bool(ev.target().checked())) }]);
                }
            />
            <label for=id>{label}</label>
            <PlaceProblems ed place/>
        </div>
    }
}
