//! A new version of the app, fetched in the background by the offline worker: the page offers
//! it and the user reloads when it suits them (every answer is saved already). The worker and
//! the page's loader (public/loader.js) do the rest.

use super::state::use_app_state;
use leptos::prelude::*;

/// Whether the loader has found a new version waiting (it may have before the app started).
fn waiting() -> bool {
    document()
        .document_element()
        .and_then(|root| root.get_attribute("data-update"))
        .is_some_and(|state| state == "ready")
}

/// "A new version is ready", with a button that reloads into it.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let state = use_app_state();
    let ready = RwSignal::new(waiting());
    let listener = window_event_listener_untyped("partnerlens:update", move |_| ready.set(true));
    on_cleanup(move || listener.remove());
    let reload = move |_| {
        if let Ok(event) = web_sys::Event::new("partnerlens:activate") {
            let _ = window().dispatch_event(&event);
        }
    };
    // The status region is always there, so its message is announced when it appears.
    view! {
        <div class="update" role="status">
            {move || {
                ready
                    .get()
                    .then(|| {
                        view! {
                            <p class="notice">
                                {move || state.strings().update_ready} " "
                                <button type="button" on:click=reload>{move || state.strings().update_reload}</button>
                            </p>
                        }
                    })
            }}
        </div>
    }
}
