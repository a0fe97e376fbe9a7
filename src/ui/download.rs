//! Files the user can save without a server: a link whose address holds the content.

/// A `data:` address holding JSON text, for an `<a download>` link.
pub fn data_url(json: &str) -> String {
    format!(
        "data:application/json;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(json))
    )
}
