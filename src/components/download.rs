//! Saving text to a file on the learner's device, with no server involved.

/// A `data:` URL for a JSON document, for an `<a download>` link.
pub fn json_data_url(text: &str) -> String {
    format!(
        "data:application/json;charset=utf-8,{}",
        js_sys::encode_uri_component(text)
    )
}
