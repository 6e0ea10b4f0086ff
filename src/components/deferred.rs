//! What a route shows below the fold or closed (settings, panels, the key
//! help), drawn one task after the rest of its page: a route's first view
//! is then two tasks, not one long one that holds up a phone's input. On
//! a deep link the page the build rendered stays in view until these
//! parts have drawn too (`crate::boot::Drawn`), so nothing visible moves.

use std::time::Duration;

use leptos::prelude::*;

/// Renders `children` in the task after the one that draws the page.
///
/// The timer starts when the page is drawn, not when its view is made: a
/// lazy route makes its view as soon as its code arrives, then waits for
/// its content, and a timer started then would have fired by the time the
/// page draws, drawing `children` in the same task after all.
#[component]
pub fn Deferred(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    // Runs as the page draws (nothing yet, and the timer starts), then once
    // more when the timer fires. It reads no other signal.
    move || {
        if ready.get() {
            Some(untrack(|| children()))
        } else {
            set_timeout(move || ready.set(true), Duration::ZERO);
            None
        }
    }
}
