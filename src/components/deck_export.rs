//! Exporting any deck, shipped or imported, as KeyDeck Markdown, as a file
//! Anki imports, or as CSV: links that save the file, made in the page.

use leptos::prelude::*;

use keydeck_study::interchange::{export, ExportFormat};

use super::download::data_url;
use crate::study_store::use_study;

#[component]
pub fn DeckExport() -> impl IntoView {
    let store = use_study();
    let first = store
        .deck()
        .topics
        .first()
        .map(|t| t.id.clone())
        .unwrap_or_default();
    let chosen = RwSignal::new(first);
    // The chosen deck, or the first one if it was deleted.
    let topic = move || {
        let deck = store.deck();
        chosen.with(|id| deck.topic(id).or(deck.topics.first()).cloned())
    };
    let options =
        move || {
            let selected = chosen.get();
            store.deck().topics.iter().map(|t| {
            let is_selected = t.id == selected;
            view! { <option value=t.id.clone() selected=is_selected>{t.title.clone()}</option> }
        }).collect_view()
        };
    let links = move || {
        let topic = topic()?;
        Some(ExportFormat::ALL.map(|format| {
            let name = format.file_name(&topic.id);
            let href = data_url(format.media_type(), &export(&topic, format));
            view! {
                <a class="button button-secondary export-link" href=href download=name.clone()>
                    {format.title()} <span class="file-name">{name.clone()}</span>
                </a>
            }
        }).into_iter().collect_view())
    };
    view! {
        <section class="deck-export" aria-labelledby="export-title">
            <h2 id="export-title">"Export a deck"</h2>
            <p class="hint">
                "Any deck, yours or KeyDeck's. In Anki, import the .txt with File › Import; "
                "the cards keep their ids, so importing them here again keeps your progress."
            </p>
            <label for="export-topic">"Deck"</label>
            <select id="export-topic" on:change=move |ev| chosen.set(event_target_value(&ev))>
                {options}
            </select>
            <div class="export-links">{links}</div>
        </section>
    }
}
