//! Waiting for the browser: to paint what is on the page, or to handle input, before going on
//! with long work, so that a click's own frame comes first.

use leptos::prelude::window;
use wasm_bindgen_futures::JsFuture;

/// Lets the browser paint and handle input before the next chunk.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// Waits until the browser has painted what is on the page now (two animation frames).
pub async fn after_paint() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().request_animation_frame(&resolve);
        });
        let _ = JsFuture::from(promise).await;
    }
}

/// Waits for an idle moment (`requestIdleCallback`; a task where the browser lacks it).
pub async fn idle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let resolve = move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        };
        if leptos::prelude::request_idle_callback_with_handle(resolve.clone()).is_err() {
            leptos::prelude::set_timeout(resolve, std::time::Duration::ZERO);
        }
    });
    let _ = JsFuture::from(promise).await;
}
