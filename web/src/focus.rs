//! Moving keyboard focus between questions, so that the questionnaire flows without a mouse.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Every question's focus target, in page order: radio groups and text boxes. The groups of
/// an element marked not applicable are disabled and cannot take focus, so they are skipped.
const QUESTIONS: &str = "main fieldset.choice:not(:disabled), main .field input";

/// The radio to focus in a group: the chosen one, else the first, as arrow keys expect.
fn entry_point(element: web_sys::Element) -> Option<web_sys::HtmlElement> {
    let target = if element.tag_name() == "INPUT" {
        Some(element)
    } else {
        element
            .query_selector("input:checked")
            .ok()
            .flatten()
            .or_else(|| element.query_selector("input").ok().flatten())
    };
    target.and_then(|t| t.dyn_into().ok())
}

/// Focuses a question by its DOM id (a review link's target).
pub fn focus_anchor(anchor: &str) {
    if let Some(target) = document().get_element_by_id(anchor).and_then(entry_point) {
        let _ = target.focus();
    }
}

/// Enter's job: focus the question after `current` (a radio group or a text box), or the
/// pager's "Next" button after the last one.
pub fn focus_next_question(current: &web_sys::Element) {
    let Ok(all) = document().query_selector_all(QUESTIONS) else {
        return;
    };
    let all: Vec<web_sys::Element> = (0..all.length())
        .filter_map(|i| all.item(i)?.dyn_into().ok())
        .collect();
    let after = all
        .iter()
        .position(|q| q == current)
        .and_then(|at| all.get(at + 1).cloned());
    let target = match after {
        Some(next) => entry_point(next),
        None => document()
            .query_selector("nav.pager button:last-of-type")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into().ok()),
    };
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// Focuses an element once it is shown (after the render that un-hides it).
pub fn focus_soon<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType + 'static,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    request_animation_frame(move || {
        if let Some(element) = node.get_untracked() {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}
