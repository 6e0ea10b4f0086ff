//! The service worker's registration (release builds only) and the "update
//! available" prompt: a new worker waits until the learner agrees.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

/// Whether a new version is installed and waiting, for the prompt.
#[derive(Clone, Copy)]
pub struct Updates {
    pub waiting: RwSignal<bool>,
    /// Set when the learner accepts; a worker taking over for the first time
    /// (clients.claim on first install) must not reload the page.
    accepted: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

impl Updates {
    /// Lets the waiting worker take over; the page reloads when it has.
    pub fn accept(&self) {
        let Some(reg) = self.registration.get_value() else {
            return;
        };
        self.accepted.set(true);
        if let Some(worker) = reg.waiting() {
            let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
        }
    }
}

pub fn provide() {
    let updates = Updates {
        waiting: RwSignal::new(false),
        accepted: RwSignal::new(false),
        registration: StoredValue::new_local(None),
    };
    provide_context(updates);
    // Development builds are rebuilt constantly; a worker would serve stale
    // files. Its install fetches every file of the build, so it waits until
    // the page the learner opened has drawn (its chunks fetched), the
    // document has loaded and the browser is idle.
    if cfg!(not(debug_assertions)) {
        WAITING.with(|w| w.set(Some(updates)));
    }
}

thread_local! {
    /// The updates the worker's registration will report to, until it starts.
    static WAITING: Cell<Option<Updates>> = const { Cell::new(None) };
}

/// Says the page the learner opened has drawn its content (through
/// `crate::boot::page_drawn`): the service worker registers once the
/// document has loaded and the browser is idle. Only the first call does
/// anything.
pub fn page_drawn() {
    if let Some(updates) = WAITING.with(Cell::take) {
        crate::idle::after_load(move || register(updates));
    }
}

/// Whether a service worker will precache every file of this build,
/// chunks and the labs worker included, once the first load is done.
pub fn precaches() -> bool {
    cfg!(not(debug_assertions))
        && web_sys::window().is_some_and(|w| {
            js_sys::Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false)
        })
}

pub fn use_updates() -> Updates {
    expect_context::<Updates>()
}

fn register(updates: Updates) {
    // A browser without service workers (some private windows) has no
    // container to register with: the site then runs online only.
    if !precaches() {
        return;
    }
    let Some(container) = web_sys::window().map(|w| w.navigator().service_worker()) else {
        return;
    };
    // Once the new worker controls the page, load the version it serves.
    let reload = Closure::<dyn Fn()>::new(move || {
        if updates.accepted.get_untracked() {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let had_controller = container.controller().is_some();
    leptos::task::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(container.register("/sw.js")).await
        else {
            return;
        };
        if reg.is_undefined() {
            return;
        }
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        updates.registration.set_value(Some(reg.clone()));
        if reg.waiting().is_some() && had_controller {
            updates.waiting.set(true);
        }
        let found_reg = reg.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = found_reg.installing() else {
                return;
            };
            let watched = worker.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                let controlled = web_sys::window()
                    .is_some_and(|w| w.navigator().service_worker().controller().is_some());
                if watched.state() == ServiceWorkerState::Installed && controlled {
                    updates.waiting.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// The build id `cargo xtask` stamps into `index.html`, shown on the About page.
pub fn build_id() -> Option<String> {
    crate::stamped::meta("keydeck-build")
}

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let updates = use_updates();
    let dismissed = RwSignal::new(false);
    view! {
        <Show when=move || updates.waiting.get() && !dismissed.get()>
            <div class="banner banner-info update-prompt" role="status">
                <p><strong>"Update available. "</strong> "A new version of KeyDeck is ready."</p>
                <div class="banner-actions">
                    <button type="button" class="button" on:click=move |_| updates.accept()>"Update now"</button>
                    <button type="button" class="text-button" on:click=move |_| dismissed.set(true)>"Later"</button>
                </div>
            </div>
        </Show>
    }
}
