//! The study page's decks panel: import a deck, export any deck, rename and
//! delete the learner's own. What the panel shows, and the code that reads
//! and writes deck files, is a chunk of its own, fetched the first time the
//! panel opens, with the text of every shipped topic (the export's): the
//! study page does not carry them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::deck_export::DeckExport;
use super::deck_import::DeckImport;
use super::notice::Notice;
use super::your_decks::YourDecks;
use crate::lazy::ChunkMissing;

/// Where the panel's content stands.
#[derive(Clone, Copy)]
enum Content {
    Closed,
    Loading,
    Ready(fn() -> AnyView),
    Missing,
}

/// The panel's content, cut into the `decks` chunk.
#[leptos::wasm_split::wasm_split(decks, fallible, wasm_split_path = ::leptos::wasm_split)]
fn decks_content() -> Result<fn() -> AnyView, ChunkMissing> {
    Ok(|| view! { <DeckImport/> <DeckExport/> <YourDecks/> }.into_any())
}

#[component]
pub fn DecksPanel() -> impl IntoView {
    let content = RwSignal::new(Content::Closed);
    // Exporting a shipped deck needs its cards' text.
    let store = crate::study_store::use_study();
    let on_toggle = move |ev: leptos::ev::Event| {
        let open = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|details| details.has_attribute("open"));
        if open && matches!(content.get_untracked(), Content::Closed | Content::Missing) {
            content.set(Content::Loading);
            leptos::task::spawn_local(async move {
                let (view, deck) =
                    futures_util::future::join(decks_content(), store.load_topics(None)).await;
                content.set(match deck.and(view) {
                    Ok(view) => Content::Ready(view),
                    Err(ChunkMissing) => Content::Missing,
                });
            });
        }
    };
    view! {
        <details class="panel decks" on:toggle=on_toggle>
            <summary>"Import and export decks"</summary>
            <Notice
                class="hint"
                role="status"
                text="Loading…"
                when=Signal::derive(move || matches!(content.get(), Content::Loading))
            />
            <Notice
                class="import-errors"
                role="alert"
                text="The import and export tools could not be downloaded. Check your connection, then close and open this panel again."
                when=Signal::derive(move || matches!(content.get(), Content::Missing))
            />
            {move || match content.get() {
                Content::Ready(view) => Some(view()),
                _ => None,
            }}
        </details>
    }
}
