//! The KeyDeck web app: a thin Leptos shell that renders pages and dispatches
//! to the pure `keydeck-study` and `keydeck-sim` crates.

mod boot;
mod clock;
mod components;
mod content;
mod idle;
mod keys;
mod lab_store;
mod lab_worker;
mod lazy;
mod pages;
mod pwa;
mod quiz_session;
mod scroll;
mod stamped;
mod storage;
mod study_store;
mod style;
mod theme;
mod walkthrough_chunks;
mod walkthrough_records;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};
use wasm_bindgen::JsCast;

use components::deferred::Deferred;
use components::nav::{MainNav, TopBar};
use components::storage_banner::StorageBanner;

/// The module's entry point, run once the wasm is instantiated.
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    // The deck is preloaded beside the wasm, so this rarely waits; the app
    // mounts with every page's data in hand, and nothing jumps. (Leptos
    // starts its executor when it mounts; until then, wasm-bindgen's.)
    wasm_bindgen_futures::spawn_local(async {
        let (decks, progress) =
            futures_util::future::join(study_store::load_decks(), study_store::load_progress())
                .await;
        // Reading the outline and mounting are two tasks, not one.
        lazy::next_task().await;
        mount(decks, progress);
    });
}

/// Mounts the app behind the page the build rendered, which gives way once
/// the route has drawn (`boot::page_drawn`).
fn mount(decks: study_store::Decks, progress: storage::LoadedProgress) {
    boot::mounting();
    leptos::mount::mount_to_body(move || view! { <App decks progress/> });
    // The service worker's install fetches the labs worker with everything
    // else; without one, fetch it when the browser is idle.
    if !pwa::precaches() {
        lab_worker::prefetch_when_idle();
    }
}

/// The router would treat `#main` as a navigation; move focus ourselves.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

#[component]
fn App(decks: study_store::Decks, progress: storage::LoadedProgress) -> impl IntoView {
    theme::provide();
    study_store::StudyStore::provide(decks, progress);
    pwa::provide();
    // True while a navigation waits, usually for a lazy route's code.
    let (routing, set_routing) = signal(false);
    view! {
        <Router set_is_routing=set_routing>
            <div class="route-loading" class:active=routing aria-hidden="true"></div>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            // The frame, the bars in it, and the banners with the route
            // each draw a task after the one before, so that mounting is
            // not one long task on a phone; the page the build rendered
            // stays in view until the route has drawn (crate::boot).
            <div class="shell">
                <Deferred>
                    <TopBar/>
                    <MainNav/>
                </Deferred>
                <main id="main" tabindex="-1">
                    <Deferred>
                        <pwa::UpdatePrompt/>
                        <StorageBanner/>
                        <Routes fallback=pages::not_found::NotFound>
                            <Route path=path!("/") view={Lazy::<pages::home::HomeRoute>::new()}/>
                            <Route path=path!("/study") view={Lazy::<pages::study::StudyRoute>::new()}/>
                            <Route path=path!("/quiz") view={Lazy::<pages::quiz::QuizRoute>::new()}/>
                            <Route path=path!("/walkthroughs") view={Lazy::<pages::walkthroughs::ListRoute>::new()}/>
                            <Route path=path!("/walkthroughs/:id") view={Lazy::<pages::walkthroughs::PlayerRoute>::new()}/>
                            <Route path=path!("/walkthroughs/:id/:step") view={Lazy::<pages::walkthroughs::PlayerRoute>::new()}/>
                            <Route path=path!("/labs") view={Lazy::<pages::labs::LabsRoute>::new()}/>
                            <Route path=path!("/labs/:id") view={Lazy::<pages::lab::LabRoute>::new()}/>
                            <Route path=path!("/progress") view={Lazy::<pages::progress::ProgressRoute>::new()}/>
                            <Route path=path!("/about") view={Lazy::<pages::about::AboutRoute>::new()}/>
                        </Routes>
                    </Deferred>
                </main>
            </div>
        </Router>
    }
}
