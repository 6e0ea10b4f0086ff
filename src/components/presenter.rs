//! Presenter mode for a classroom: the site's navigation hidden and the
//! presented element full screen where the browser allows it.

use leptos::prelude::*;

/// Hides (or shows again) the site's top bar and navigation.
pub fn set_root_presenting(on: bool) {
    if let Some(root) = document().document_element() {
        let _ = if on {
            root.class_list().add_1("presenting")
        } else {
            root.class_list().remove_1("presenting")
        };
    }
}

/// Puts `element` full screen, or leaves full screen. Without the
/// Fullscreen API the page still fills the window.
pub fn toggle_fullscreen(element: Option<web_sys::Element>, on: bool) {
    if on {
        if let Some(el) = element {
            let _ = el.request_fullscreen();
        }
    } else if document().fullscreen_element().is_some() {
        document().exit_fullscreen();
    }
}
