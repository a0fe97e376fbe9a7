//! Files the user can save without a server. The content goes into a Blob, which a temporary
//! object URL names for a download link: unlike a `data:` URL (Chromium refuses those over
//! 2 MB) it takes any size, and it is revoked once the download has had time to start.

use leptos::prelude::{document, window};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// How long an object URL lives after its click: the browser has taken the file by then.
const REVOKE_AFTER_MS: i32 = 60_000;

/// Saves JSON text as a file named `name`.
pub fn save_json(name: &str, json: &str) {
    save_text(name, "application/json", json);
}

/// Saves CSV text as a file named `name`. The byte-order mark makes spreadsheet programs
/// read it as UTF-8, so "Geschäftsabwicklung" stays readable.
pub fn save_csv(name: &str, csv: &str) {
    save_text(name, "text/csv;charset=utf-8", &format!("\u{feff}{csv}"));
}

/// Saves text of a media type as a file named `name`.
fn save_text(name: &str, media_type: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        save_blob(name, &blob);
    }
}

/// Saves a Blob (a chart's PNG, say) as a file named `name`.
pub fn save_blob(name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    click_link(name, &url);
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
        revoke.unchecked_ref(),
        REVOKE_AFTER_MS,
    );
}

/// Saves what `url` names as `name`, as a click on a download link would.
fn click_link(name: &str, url: &str) {
    let Ok(link) = document().create_element("a") else {
        return;
    };
    let _ = link.set_attribute("href", url);
    let _ = link.set_attribute("download", name);
    if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
        link.click();
    }
}
