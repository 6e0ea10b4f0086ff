//! The pages' stylesheet. `/` needs only the shell's `main.css`; the styles
//! of the pages behind lazy routes (`pages.css`) are linked when the first
//! of them opens, and that route waits for them, so nothing shows unstyled.

use std::cell::RefCell;

use js_sys::{Function, Promise};
use leptos::prelude::document;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

use crate::lazy::ChunkMissing;
use crate::stamped;

thread_local! {
    /// Settles when the linked stylesheet has loaded, or failed to.
    static PAGES: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Links `pages.css` once, and waits until it applies. A stylesheet that
/// cannot be fetched is unlinked, so that the next route tries again.
pub async fn pages() -> Result<(), ChunkMissing> {
    let cached = PAGES.with(|p| p.borrow().clone());
    let Some(loaded) = cached.or_else(link_pages) else {
        // A build that does not name the stylesheet has it in main.css.
        return Ok(());
    };
    match JsFuture::from(loaded).await {
        Ok(_) => Ok(()),
        Err(_) => {
            PAGES.with(|p| p.borrow_mut().take());
            if let Ok(Some(link)) = document().query_selector(r#"link[data-style="pages"]"#) {
                link.remove();
            }
            Err(ChunkMissing)
        }
    }
}

/// Appends the `<link>` to the head; returns when it settles. A page the
/// build rendered beyond `/` links it already, and it applied before the
/// first paint.
fn link_pages() -> Option<Promise> {
    let href = stamped::meta("keydeck-pages-style")?;
    let document = document();
    if let Ok(Some(linked)) = document.query_selector(r#"link[data-style="pages"]"#) {
        let sheet = js_sys::Reflect::get(&linked, &"sheet".into()).ok()?;
        if !sheet.is_null() && !sheet.is_undefined() {
            let loaded = Promise::resolve(&wasm_bindgen::JsValue::UNDEFINED);
            PAGES.with(|p| *p.borrow_mut() = Some(loaded.clone()));
            return Some(loaded);
        }
        linked.remove();
    }
    let link: HtmlElement = document.create_element("link").ok()?.dyn_into().ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", &href).ok()?;
    link.set_attribute("data-style", "pages").ok()?;
    let loaded = Promise::new(&mut |resolve: Function, reject: Function| {
        link.set_onload(Some(&resolve));
        link.set_onerror(Some(&reject));
    });
    document
        .query_selector("head")
        .ok()??
        .append_child(&link)
        .ok()?;
    PAGES.with(|p| *p.borrow_mut() = Some(loaded.clone()));
    Some(loaded)
}
