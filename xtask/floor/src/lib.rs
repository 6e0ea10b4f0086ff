//! The size floor: the smallest Leptos app worth the name, built with
//! KeyDeck's release profile so `cargo xtask bench` can compare the two.

use leptos::prelude::*;

#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <h1>"Hello"</h1>
            <button on:click=move |_| *count.write() += 1>{count}</button>
        }
    });
}
