//! Moving the focus to an element a view change brings or keeps, so that
//! keyboard and screen reader users are not left on a removed control.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element `id` once the view has caught up.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        let element = document().get_element_by_id(&id);
        if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}
