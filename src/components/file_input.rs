//! Reading a file the learner picked, without any upload.

use wasm_bindgen_futures::JsFuture;

/// The file chosen in an `<input type=file>`. The input is cleared so that
/// choosing the same file again fires again.
pub fn take_chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = leptos::prelude::event_target(ev);
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// The file's contents as text, or `None` if the browser cannot read it.
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
}
