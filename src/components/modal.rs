//! A modal dialog on the browser's `<dialog>`: while it is open the rest of
//! the page is inert, so Tab stays inside it; Escape closes it; and the focus
//! goes back to what opened it.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Modal(
    /// Shown while true; Escape, or a button that sets it false, closes it.
    open: RwSignal<bool>,
    /// The id of the dialog's title.
    labelledby: &'static str,
    /// A question the learner must answer first (`alertdialog`).
    #[prop(optional)]
    alert: bool,
    /// Classes beside `panel`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    // What had the focus when the dialog opened.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move || {
        let Some(dialog) = dialog.get() else {
            return;
        };
        if open.get() {
            if !dialog.open() {
                opener.set_value(
                    document()
                        .active_element()
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
                );
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
            give_focus_back(&dialog, opener);
        }
    });
    let on_close = move |_| {
        let Some(dialog) = dialog.get_untracked() else {
            return;
        };
        // The close event comes a task after the dialog closed, and a key
        // press can come first (the browser runs input first): one that
        // opened the dialog again. That close is over; the dialog stays.
        if dialog.open() {
            return;
        }
        open.set(false);
        give_focus_back(&dialog, opener);
    };
    // A click on the backdrop, outside the dialog's box, closes a dialog
    // that asks nothing.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(dialog) = dialog.get_untracked() else {
            return;
        };
        let r = dialog.get_bounding_client_rect();
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let outside = x < r.left() || x > r.right() || y < r.top() || y > r.bottom();
        if !alert && outside {
            open.set(false);
        }
    };
    // Tab and Shift+Tab go round the dialog's controls: the browser would
    // otherwise move past the last one to its own toolbar or the page.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Tab" {
            return;
        }
        let Some(dialog) = dialog.get_untracked() else {
            return;
        };
        let controls = focusable(&dialog);
        let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
            return;
        };
        let active = document().active_element();
        let at = |el: &web_sys::HtmlElement| {
            active
                .as_ref()
                .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
        };
        let wrap_to = if ev.shift_key() && (at(first) || !controls.iter().any(at)) {
            Some(last)
        } else if !ev.shift_key() && (at(last) || !controls.iter().any(at)) {
            Some(first)
        } else {
            None
        };
        if let Some(target) = wrap_to {
            ev.prevent_default();
            let _ = target.focus();
        }
    };
    view! {
        <dialog node_ref=dialog class=format!("panel modal {class}") role=alert.then_some("alertdialog")
            aria-labelledby=labelledby on:close=on_close on:click=on_click on:keydown=on_keydown>
            {children()}
        </dialog>
    }
}

/// Gives the focus back to what opened a dialog that has just closed, unless
/// it has already gone somewhere else: the browser may have given it back
/// itself, and the learner may have moved on before the `close` event, which
/// comes a task later.
fn give_focus_back(
    dialog: &web_sys::HtmlDialogElement,
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
) {
    let Some(opener) = opener.try_update_value(Option::take).flatten() else {
        return;
    };
    let lost = match document().active_element() {
        None => true,
        Some(active) => {
            document()
                .body()
                .is_some_and(|body| body.is_same_node(Some(&active)))
                || dialog.contains(Some(&active))
        }
    };
    if lost && opener.is_connected() {
        let _ = opener.focus();
    }
}

/// The dialog's controls that Tab stops at, in order.
fn focusable(dialog: &web_sys::HtmlDialogElement) -> Vec<web_sys::HtmlElement> {
    const SELECTOR: &str = "a[href], button:not([disabled]), input:not([disabled]), \
        select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";
    let Ok(list) = dialog.query_selector_all(SELECTOR) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}
