//! The labs' Web Worker: [`keydeck_lab::host::LabHost`] behind
//! `postMessage`, in a wasm of its own, so that the page's wasm never links
//! the simulator and a slow call (RSA_4096 key generation) never blocks the
//! page.
//!
//! `sim-worker.js` (written by `cargo xtask`, see `xtask/src/worker.rs`)
//! loads this module and passes each message's JSON text to [`handle`].

use std::cell::RefCell;

use keydeck_lab::host::LabHost;
use keydeck_lab_protocol::{Answer, Reply, Request};

thread_local! {
    static HOST: RefCell<LabHost> = RefCell::new(LabHost::new());
}

/// Answers one request, given and returned as JSON text.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub fn handle(message: &str) -> String {
    let reply = match serde_json::from_str::<Request>(message) {
        Ok(Request { id, body }) => Reply {
            id,
            body: HOST.with(|h| h.borrow_mut().handle(body)),
        },
        Err(e) => Reply {
            id: request_id(message),
            body: Answer::Failed {
                message: format!("The labs worker could not read a message: {e}"),
            },
        },
    };
    serde_json::to_string(&reply).unwrap_or_else(|_| {
        format!(
            r#"{{"id":{},"answer":"failed","message":"The labs worker could not write its answer."}}"#,
            reply.id
        )
    })
}

/// The `id` of a message that is otherwise unreadable, so the page can
/// still match the failure to its request.
fn request_id(message: &str) -> u64 {
    serde_json::from_str::<serde_json::Value>(message)
        .ok()
        .and_then(|v| v.get("id")?.as_u64())
        .unwrap_or(0)
}
