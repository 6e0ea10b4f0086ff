//! The page the build rendered into `#boot` (`xtask/src/prerender.rs`)
//! stays in view, inert, until the app has drawn the route the learner
//! opened. A lazy route's code takes seconds to arrive on a slow phone;
//! taking the rendered page away as the app mounted left an empty page
//! for that long. Until then the app's own nodes are hidden
//! (`html[data-booting]` in `style/main.css`).

use std::time::Duration;

use leptos::prelude::*;

/// A route that never says it has drawn is shown anyway after this long,
/// however far its code has come.
const SHOW_ANYWAY: Duration = Duration::from_secs(10);

/// Called just before the app mounts: its nodes stay hidden behind the
/// rendered page until [`page_drawn`].
pub fn mounting() {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-booting", "");
    }
    set_timeout(page_drawn, SHOW_ANYWAY);
}

/// Says the page the learner opened has drawn its content: the rendered
/// page gives way to the app, and the service worker may register.
pub fn page_drawn() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    if let Some(root) = document().document_element() {
        let _ = root.remove_attribute("data-booting");
    }
    crate::pwa::page_drawn();
}

/// Placed after a route's view: calls [`page_drawn`] in the task after
/// the one that drew the view, once the parts it draws a task later
/// (`components::deferred::Deferred`, whose timers were set as the view
/// drew, before this one's) are in the document too.
#[component]
pub fn Drawn() -> impl IntoView {
    // Runs as it is drawn, after the view before it.
    move || set_timeout(page_drawn, Duration::ZERO)
}
