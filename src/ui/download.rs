//! Files the user can save without a server: a link whose address holds the content.

use wasm_bindgen::JsCast;

/// A `data:` address holding JSON text, for an `<a download>` link.
pub fn data_url(json: &str) -> String {
    text_url("application/json", json)
}

/// A `data:` address holding text of a media type.
pub fn text_url(media_type: &str, text: &str) -> String {
    format!(
        "data:{media_type};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// A CSV file's address. The byte-order mark makes spreadsheet programs read it as UTF-8,
/// so "Geschäftsabwicklung" stays readable.
pub fn csv_url(csv: &str) -> String {
    text_url("text/csv", &format!("\u{feff}{csv}"))
}

/// Saves the content at `url` (a `data:` address) as a file named `name`, as a click on a
/// download link would.
pub fn save(name: &str, url: &str) {
    let Ok(link) = leptos::prelude::document().create_element("a") else {
        return;
    };
    let _ = link.set_attribute("href", url);
    let _ = link.set_attribute("download", name);
    if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
        link.click();
    }
}
