//! Saving text to a file on the learner's device, with no server involved.

/// A `data:` URL for a JSON document, for an `<a download>` link.
pub fn json_data_url(text: &str) -> String {
    data_url("application/json;charset=utf-8", text)
}

/// A `data:` URL for `text` of the media type `media_type` (which may carry
/// a `charset` parameter), for an `<a download>` link.
pub fn data_url(media_type: &str, text: &str) -> String {
    let media_type: String = media_type.split_whitespace().collect();
    format!("data:{media_type},{}", js_sys::encode_uri_component(text))
}
