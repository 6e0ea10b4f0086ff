//! What the build stamps into `index.html` for the app to find: the labs
//! worker's files, the content bundles and the build id.

use leptos::prelude::document;

/// `attribute` of the first element `selector` matches, if any.
pub fn attribute(selector: &str, attribute: &str) -> Option<String> {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute(attribute))
}

/// The content of `<meta name="{name}">`, if the page has one.
pub fn meta(name: &str) -> Option<String> {
    attribute(&format!(r#"meta[name="{name}"]"#), "content")
}
