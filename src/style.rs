//! The pages' stylesheets. `/` needs only the shell's `main.css`. The
//! styles the lazy routes share (`pages.css`) and each route's own
//! (`study.css`, `quiz.css`, `walkthroughs.css`, `labs.css`,
//! `progress.css`) are linked when a route that needs them first opens,
//! and that route waits for them, so nothing shows unstyled. Each is
//! named by a `<meta name="keydeck-style-NAME">` the build stamps, and
//! linked as `<link data-style="NAME">`.

use std::cell::RefCell;

use js_sys::{Function, Promise};
use leptos::prelude::document;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

use crate::lazy::ChunkMissing;
use crate::stamped;

/// The sheet every lazy route but the home page links.
pub const SHARED: &str = "pages";

thread_local! {
    /// Each linked sheet, with a promise that settles when it has loaded
    /// or failed to.
    static LINKED: RefCell<Vec<(&'static str, Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Links each of a route's `sheets` once, and waits until they apply. A
/// sheet that cannot be fetched is unlinked, so that the next route tries
/// again.
pub async fn for_route(sheets: &'static [&'static str]) -> Result<(), ChunkMissing> {
    let loading = js_sys::Array::new();
    let mut names = Vec::new();
    for &name in sheets {
        // A build that does not name a sheet has its rules in main.css.
        if let Some(loaded) = loaded(name) {
            loading.push(&loaded);
            names.push(name);
        }
    }
    // Each settles with its link's `load` or `error` event (see `link`).
    let settled = JsFuture::from(Promise::all(&loading))
        .await
        .map(|settled| js_sys::Array::from(&settled))
        .unwrap_or_default();
    let mut missing = false;
    for (name, event) in names.into_iter().zip(settled.iter()) {
        let kind = js_sys::Reflect::get(&event, &"type".into()).ok();
        if kind.and_then(|k| k.as_string()).as_deref() == Some("error") {
            LINKED.with(|l| l.borrow_mut().retain(|(linked, _)| *linked != name));
            if let Some(link) = linked(name) {
                link.remove();
            }
            missing = true;
        }
    }
    if missing {
        Err(ChunkMissing)
    } else {
        Ok(())
    }
}

/// The promise that the sheet `name` has loaded, linking it first if no
/// route has yet.
fn loaded(name: &'static str) -> Option<Promise> {
    let linked = LINKED.with(|l| {
        l.borrow()
            .iter()
            .find(|(linked, _)| *linked == name)
            .map(|(_, loaded)| loaded.clone())
    });
    linked.or_else(|| link(name))
}

fn linked(name: &str) -> Option<web_sys::Element> {
    document()
        .query_selector(&format!(r#"link[data-style="{name}"]"#))
        .ok()
        .flatten()
}

/// Appends the `<link>` to the head; returns a promise of its `load` or
/// `error` event. A page the
/// build rendered beyond `/` links its sheets already, and they applied
/// before the first paint.
fn link(name: &'static str) -> Option<Promise> {
    let href = stamped::meta(&format!("keydeck-style-{name}"))?;
    if let Some(present) = linked(name) {
        let sheet = js_sys::Reflect::get(&present, &"sheet".into()).ok()?;
        if !sheet.is_null() && !sheet.is_undefined() {
            let loaded = Promise::resolve(&wasm_bindgen::JsValue::UNDEFINED);
            LINKED.with(|l| l.borrow_mut().push((name, loaded.clone())));
            return Some(loaded);
        }
        present.remove();
    }
    let document = document();
    let link: HtmlElement = document.create_element("link").ok()?.dyn_into().ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", &href).ok()?;
    link.set_attribute("data-style", name).ok()?;
    // Settles either way, with the event, so that the route learns which
    // of its sheets failed.
    let loaded = Promise::new(&mut |resolve: Function, _| {
        link.set_onload(Some(&resolve));
        link.set_onerror(Some(&resolve));
    });
    document
        .query_selector("head")
        .ok()??
        .append_child(&link)
        .ok()?;
    LINKED.with(|l| l.borrow_mut().push((name, loaded.clone())));
    Some(loaded)
}
