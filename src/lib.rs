//! The KeyDeck web app: a thin Leptos shell that renders pages and dispatches
//! to the pure `keydeck-study` and `keydeck-sim` crates.

mod clock;
mod components;
mod lab_store;
mod lab_worker;
mod lazy;
mod pages;
mod pwa;
mod quiz_session;
mod storage;
mod study_store;
mod theme;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy};
use wasm_bindgen::JsCast;

use components::nav::{MainNav, TopBar};
use components::storage_banner::StorageBanner;

/// The module's entry point, run once the wasm is instantiated.
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    mount();
}

/// Mounts the app and removes the static loading message from `index.html`.
pub fn mount() {
    leptos::mount::mount_to_body(App);
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    lab_worker::prefetch_when_idle();
}

/// The router would treat `#main` as a navigation; move focus ourselves.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    theme::provide();
    study_store::StudyStore::provide();
    pwa::provide();
    // True while a navigation waits, usually for a lazy route's code.
    let (routing, set_routing) = signal(false);
    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { "KeyDeck".to_owned() } else { format!("{page} · KeyDeck") }
        }/>
        <Router set_is_routing=set_routing>
            <div class="route-loading" class:active=routing aria-hidden="true"></div>
            <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
            <div class="shell">
                <TopBar/>
                <MainNav/>
                <main id="main" tabindex="-1">
                    <pwa::UpdatePrompt/>
                    <StorageBanner/>
                    <Routes fallback=pages::not_found::NotFound>
                        <Route path=path!("/") view=pages::home::Home/>
                        <Route path=path!("/study") view={Lazy::<pages::study::StudyRoute>::new()}/>
                        <Route path=path!("/quiz") view={Lazy::<pages::quiz::QuizRoute>::new()}/>
                        <Route path=path!("/walkthroughs") view={Lazy::<pages::walkthroughs::ListRoute>::new()}/>
                        <Route path=path!("/walkthroughs/:id") view={Lazy::<pages::walkthroughs::PlayerRoute>::new()}/>
                        <Route path=path!("/walkthroughs/:id/:step") view={Lazy::<pages::walkthroughs::PlayerRoute>::new()}/>
                        <Route path=path!("/labs") view={Lazy::<pages::labs::LabsRoute>::new()}/>
                        <Route path=path!("/labs/:id") view={Lazy::<pages::labs::LabRoute>::new()}/>
                        <Route path=path!("/progress") view={Lazy::<pages::progress::ProgressRoute>::new()}/>
                        <Route path=path!("/about") view={Lazy::<pages::about::AboutRoute>::new()}/>
                    </Routes>
                </main>
            </div>
        </Router>
    }
}
