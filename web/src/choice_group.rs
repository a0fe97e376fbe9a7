//! A question answered by picking one option: a named group of radio buttons.

use super::focus::focus_next_question;
use engine::answers::questionnaire::AnswerOption;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A labelled radio group. Digit keys pick the option with that value (scales of single
/// digits); Enter moves to the next question, or to "Next" after the last.
#[component]
pub fn ChoiceGroup(
    /// The visible question.
    legend: String,
    /// The `name` shared by the radios; unique on the page.
    #[prop(into)]
    group: String,
    options: Vec<AnswerOption>,
    /// The chosen value, if any.
    #[prop(into)]
    selected: Signal<Option<String>>,
    on_select: Callback<String>,
    /// Accessible name when it should differ from the legend, such as "Training — importance".
    #[prop(optional, into)]
    name: Option<String>,
    /// DOM id, for links and focus.
    #[prop(optional, into)]
    id: Option<String>,
    /// A hint under the question, such as "Pick the closest."
    #[prop(default = None)]
    help: Option<String>,
    #[prop(into, default = Signal::stored(false))] disabled: Signal<bool>,
) -> impl IntoView {
    let values: Vec<String> = options.iter().map(|o| o.value.clone()).collect();
    let keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        let Some(group) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if key == "Enter" {
            ev.prevent_default();
            focus_next_question(&group);
        } else if key.len() == 1 && key.chars().all(|c| c.is_ascii_digit()) && values.contains(&key)
        {
            ev.prevent_default();
            on_select.run(key.clone());
            let selector = format!("input[value=\"{key}\"]");
            if let Some(input) = group
                .query_selector(&selector)
                .ok()
                .flatten()
                .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = input.focus();
            }
        }
    };
    // An 11-point question names its two ends once under the tiles on a phone, where the
    // tiles are too narrow for them (the stylesheet decides; the tiles keep them for readers).
    let ends = match (options.first(), options.last()) {
        (Some(first), Some(last)) if options.len() >= 11 => first
            .detail
            .as_ref()
            .zip(last.detail.as_ref())
            .map(|(low, high)| format!("{} = {low} · {} = {high}", first.label, last.label)),
        _ => None,
    };
    // The radios are drawn checked as the answer stands, and one effect for the group checks
    // another when the answer changes other than by a click (a digit key, another tab):
    // five reactive bindings per group were built on every page turn and run on every answer.
    // Every answer changes the response the selection is read from; only a change of this
    // question's own answer reaches its radios.
    let points = NodeRef::<Div>::new();
    Effect::watch(
        move || selected.get(),
        move |value, before, _| {
            if before != Some(value) {
                check(points, value.as_deref());
            }
        },
        false,
    );
    let radios = options
        .into_iter()
        .map(|option| {
            let checked = selected.with_untracked(|s| s.as_deref() == Some(option.value.as_str()));
            view! {
                <label class="point">
                    <input type="radio" name=group.clone() value=option.value prop:checked=checked/>
                    <span class="value">{option.label}</span>
                    {option.detail.map(|detail| view! { <span class="point-label">{detail}</span> })}
                </label>
            }
        })
        .collect_view();
    let help_id = help.as_ref().map(|_| format!("{group}-help"));
    let help = help.map(|text| view! { <p class="help" id=help_id.clone()>{text}</p> });
    view! {
        <fieldset
            class="choice"
            role="radiogroup"
            id=id
            aria-label=name
            aria-describedby=help_id.clone()
            prop:disabled=disabled
            on:keydown=keydown
            // One listener for the group's radios rather than one each: a page holds up to
            // eighty, and each listener is built on every page turn.
            on:change=move |ev| {
                if let Some(radio) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                {
                    on_select.run(radio.value());
                }
            }
        >
            <legend>{legend}</legend>
            {help}
            <div class="points" data-ends=ends node_ref=points>{radios}</div>
        </fieldset>
    }
}

/// Checks the radio for `value` among those in `points`, and only it (none for None).
fn check(points: NodeRef<Div>, value: Option<&str>) {
    let Some(radios) = points
        .get_untracked()
        .and_then(|p| p.query_selector_all("input").ok())
    else {
        return;
    };
    for radio in (0..radios.length()).filter_map(|i| radios.item(i)) {
        if let Ok(radio) = radio.dyn_into::<web_sys::HtmlInputElement>() {
            radio.set_checked(value == Some(radio.value().as_str()));
        }
    }
}
