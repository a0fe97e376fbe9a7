//! The first page as the HTML carries it (`tools/prerender.mjs` writes it at build time, a
//! script in the page shows it: index.html's on a first visit, dashboard.html's top always).
//! The app draws its own page hidden, then takes the HTML page's place in one step, keeping
//! what the user typed or chose there meanwhile and where the focus was. Both are the same
//! markup (the HTML's may stop early), so the controls correspond one to one, in document
//! order.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// The HTML's first page, when shown.
const SHOWN: &str = "first-page";
/// The first module's own root.
const APP: &str = "app";
/// What takes part: form controls, and buttons for the focus.
const CONTROLS: &str = "input, select, textarea, button";

/// Where an app mounts: one wrapper for every module (the full app mounts beside the first
/// module's view, which then goes), hidden while the HTML's first page is shown
/// (`display: contents` in the stylesheet, so it changes no layout).
pub fn root() -> HtmlElement {
    let document = document();
    if let Some(root) = document.get_element_by_id(APP) {
        return root.unchecked_into();
    }
    let root: HtmlElement = document
        .create_element("div")
        .expect("a div can be made")
        .unchecked_into();
    root.set_id(APP);
    root.set_class_name("app-root");
    root.set_hidden(document.get_element_by_id(SHOWN).is_some());
    if let Some(body) = document.body() {
        let _ = body.append_child(&root);
    }
    root
}

/// A control's state that the partner may have changed.
enum Change {
    /// A radio button or checkbox the partner checked.
    Checked,
    /// A text, number or select value the partner entered.
    Value(String),
}

fn controls(root: &Element) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(CONTROLS) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

/// What the partner changed in a control of the HTML page, if anything.
fn change(control: &Element) -> Option<Change> {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        return match input.type_().as_str() {
            "radio" | "checkbox" => {
                (input.checked() && !input.default_checked()).then_some(Change::Checked)
            }
            _ => (input.value() != input.default_value()).then(|| Change::Value(input.value())),
        };
    }
    if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        let option = select.selected_index();
        let default = select
            .options()
            .item(option.max(0) as u32)
            .and_then(|o| o.get_attribute("selected"))
            .is_some();
        return (!default).then(|| Change::Value(select.value()));
    }
    None
}

/// Replays a change on the app's control, through the events the app listens to.
fn replay(control: &Element, change: Change) {
    let Some(element) = control.dyn_ref::<HtmlElement>() else {
        return;
    };
    let event = match change {
        Change::Checked => return element.click(),
        Change::Value(value) => {
            if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
                input.set_value(&value);
                "input"
            } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
                select.set_value(&value);
                "change"
            } else {
                return;
            }
        }
    };
    let init = EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = Event::new_with_event_init_dict(event, &init) {
        let _ = control.dispatch_event(&event);
    }
}

/// Whether two controls are the same question's: same tag, id, name and value attribute.
fn same(a: &Element, b: &Element) -> bool {
    let attr = |e: &Element, name: &str| e.get_attribute(name);
    a.tag_name() == b.tag_name()
        && a.id() == b.id()
        && attr(a, "name") == attr(b, "name")
        && attr(a, "value") == attr(b, "value")
}

/// Puts the app's page in place of the HTML's, with the partner's changes and focus. Does
/// nothing when no HTML page is shown.
pub fn take_over() {
    let document = document();
    let (Some(shown), Some(app)) = (
        document.get_element_by_id(SHOWN),
        document.get_element_by_id(APP),
    ) else {
        return;
    };
    let theirs = controls(&shown);
    let ours = controls(&app);
    let focused = document.active_element();
    let focus = theirs
        .iter()
        .position(|c| focused.as_ref() == Some(c))
        .and_then(|i| ours.get(i).filter(|o| same(o, &theirs[i])).cloned());
    let changes: Vec<(Element, Change)> = theirs
        .iter()
        .zip(&ours)
        .filter(|(theirs, ours)| same(theirs, ours))
        .filter_map(|(theirs, ours)| Some((ours.clone(), change(theirs)?)))
        .collect();
    shown.remove();
    let _ = app.remove_attribute("hidden");
    for (control, change) in changes {
        replay(&control, change);
    }
    if let Some(focus) = focus.and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
        let _ = focus.focus();
    }
}
