//! Back and Forward without a router, the one place that talks to the History API. In the
//! partner app, moving to a page or screen pushes an entry whose state names the place
//! (`Place`), and `popstate` hands it back; the address stays as it is, so a share link's
//! fragment and a personal link's query are kept. The dashboard's views each have an address
//! (`push_address`).

use engine::answers::questionnaire::Place;
use leptos::prelude::{on_cleanup, window, window_event_listener};
use wasm_bindgen::JsValue;

/// The place the current entry names, if it is one of ours.
pub fn current() -> Option<Place> {
    let state = window().history().ok()?.state().ok()?;
    Place::from_state(&state.as_string()?)
}

/// A new entry for `place`, after the current one (Forward's entries are dropped).
pub fn push(place: &Place) {
    if let Ok(history) = window().history() {
        let _ = history.push_state(&JsValue::from_str(&place.to_state()), "");
    }
}

/// Names `place` in the current entry, as when a page load or a reload arrives there.
pub fn replace(place: &Place) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state(&JsValue::from_str(&place.to_state()), "");
    }
}

/// A new entry at this page's address with `hash` ("#waves"; "" for none), search kept.
pub fn push_address(hash: &str) {
    let location = window().location();
    let page = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&format!("{page}{hash}")));
    }
}

/// Calls `on_pop` with the place of every entry that Back or Forward reach (None for an entry
/// that is not ours), for as long as the calling component lives.
pub fn on_pop(on_pop: impl Fn(Option<Place>) + 'static) {
    let listener = window_event_listener(leptos::ev::popstate, move |event| {
        let place = event
            .state()
            .as_string()
            .and_then(|s| Place::from_state(&s));
        on_pop(place);
    });
    on_cleanup(move || listener.remove());
}
