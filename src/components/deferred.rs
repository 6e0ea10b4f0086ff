//! What a route shows below the fold or closed (settings, panels, the key
//! help), drawn one task after the rest of its page: a route's first view
//! is then two tasks, not one long one that holds up a phone's input. On
//! a deep link the page the build rendered stays in view until these
//! parts have drawn too (`crate::boot::Drawn`), so nothing visible moves.

use std::time::Duration;

use leptos::prelude::*;

/// Renders `children` in the task after the one that renders the page.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    set_timeout(move || ready.set(true), Duration::ZERO);
    view! { <Show when=move || ready.get()>{children()}</Show> }
}
