//! The page's side of the labs worker: starts it on first use, sends each
//! [`Ask`] as JSON text and resolves the matching [`Answer`]. The worker's
//! files are named in `<meta name="keydeck-sim-worker">`, which the build
//! writes (`xtask/src/worker.rs`); the page never links the simulator.

use std::cell::RefCell;
use std::collections::HashMap;

use keydeck_lab_protocol::{Answer, Ask, Reply, ReplyId, Request};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const META: &str = "keydeck-sim-worker";

struct Client {
    worker: web_sys::Worker,
    next_id: u64,
    pending: HashMap<u64, js_sys::Function>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// The worker's files, entry script first; empty in a build without them.
fn worker_files() -> Vec<String> {
    crate::stamped::meta(META)
        .map(|c| c.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_default()
}

fn start() -> Result<Client, String> {
    let files = worker_files();
    let entry = files
        .first()
        .ok_or("This build of KeyDeck has no lab simulator.")?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(entry, &options)
        .map_err(|_| "Your browser could not start the lab simulator.".to_owned())?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        let Some(text) = ev.data().as_string() else {
            return;
        };
        let Ok(ReplyId { id }) = serde_json::from_str::<ReplyId>(&text) else {
            return;
        };
        let resolve = CLIENT.with(|c| c.borrow_mut().as_mut().and_then(|c| c.pending.remove(&id)));
        if let Some(resolve) = resolve {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&text));
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page.
    on_message.forget();
    Ok(Client {
        worker,
        next_id: 1,
        pending: HashMap::new(),
    })
}

fn failed(message: impl Into<String>) -> Answer {
    Answer::Failed {
        message: message.into(),
    }
}

/// Starts the worker ahead of its first request, so that its files are
/// on their way before a lab asks. A worker that cannot start is reported
/// by that first request.
pub fn start_early() {
    CLIENT.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = start().ok();
        }
    });
}

/// Sends one request to the worker (starting it if need be) and waits for
/// its answer. Requests are answered in the order they were sent.
pub async fn ask(body: Ask) -> Answer {
    let sent = CLIENT.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = Some(start()?);
        }
        let client = cell.as_mut().expect("just started");
        let id = client.next_id;
        client.next_id += 1;
        let text = serde_json::to_string(&Request { id, body })
            .map_err(|_| "KeyDeck could not write a message to the lab simulator.".to_owned())?;
        let mut resolver = None;
        let promise = js_sys::Promise::new(&mut |resolve, _reject| resolver = Some(resolve));
        client
            .pending
            .insert(id, resolver.expect("the executor runs at once"));
        client
            .worker
            .post_message(&JsValue::from_str(&text))
            .map_err(|_| "KeyDeck could not reach the lab simulator.".to_owned())?;
        Ok::<_, String>(promise)
    });
    let promise = match sent {
        Ok(p) => p,
        Err(message) => return failed(message),
    };
    match JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string())
    {
        Some(text) => serde_json::from_str::<Reply>(&text)
            .map(|r| r.body)
            .unwrap_or_else(|_| failed("The lab simulator sent an answer KeyDeck could not read.")),
        None => failed("The lab simulator did not answer."),
    }
}

/// Once the browser is idle after the first load, asks it to fetch the
/// worker's files at low priority, so that `/labs` opens at once later.
/// Only where no service worker precaches them (see `pwa::precaches`).
pub fn prefetch_when_idle() {
    crate::idle::after_load(|| {
        let head = document().head();
        for file in worker_files() {
            let Ok(link) = document().create_element("link") else {
                continue;
            };
            let _ = link.set_attribute("rel", "prefetch");
            let _ = link.set_attribute("href", &file);
            if let Some(head) = &head {
                let _ = head.append_child(&link);
            }
        }
    });
}
