//! Work that must not compete with the page a learner opened: once the
//! document has loaded, in the browser's next idle period.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The longest an idle callback may be put off, in milliseconds.
const IDLE_TIMEOUT_MS: u32 = 5_000;

/// Runs `f` once the `load` event has fired and the browser is idle (or
/// [`IDLE_TIMEOUT_MS`] after load, whichever comes first).
pub fn after_load(f: impl FnOnce() + 'static) {
    let window = web_sys::window().expect("a window");
    let when_idle = Closure::once_into_js(move || {
        let window = web_sys::window().expect("a window");
        let run = Closure::once_into_js(f);
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(IDLE_TIMEOUT_MS);
        if window
            .request_idle_callback_with_options(run.unchecked_ref(), &options)
            .is_err()
        {
            let _ = window.set_timeout_with_callback(run.unchecked_ref());
        }
    });
    if window
        .document()
        .is_some_and(|d| d.ready_state() == "complete")
    {
        let _ = window.set_timeout_with_callback(when_idle.unchecked_ref());
    } else {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            "load",
            when_idle.unchecked_ref(),
            &options,
        );
    }
}
