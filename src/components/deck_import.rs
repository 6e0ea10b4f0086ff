//! Importing a deck file the learner wrote, in KeyDeck's Markdown format.
//! It is parsed and rendered exactly like the shipped decks: safely.

use super::file_input::{read_text, take_chosen_file};
use leptos::prelude::*;

use crate::study_store::use_study;

/// Decks are small text files; anything larger is almost surely the wrong file.
const MAX_BYTES: f64 = 512_000.0;

#[component]
pub fn DeckImport() -> impl IntoView {
    let store = use_study();
    let errors = RwSignal::new(Vec::<String>::new());
    let done = RwSignal::new(None::<String>);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = take_chosen_file(&ev) else {
            return;
        };
        errors.set(Vec::new());
        done.set(None);
        let name = file.name();
        if !name.ends_with(".md") {
            errors.set(vec![format!(
                "{name} is not a Markdown deck: choose a .md file."
            )]);
            return;
        }
        if file.size() > MAX_BYTES {
            errors.set(vec![format!(
                "{name} is larger than 500 KB, which is too large for a deck."
            )]);
            return;
        }
        leptos::task::spawn_local(async move {
            let text = read_text(&file).await;
            let Some(text) = text else {
                errors.set(vec![format!("{name} could not be read as text.")]);
                return;
            };
            match store.import_deck(name.clone(), text) {
                Ok(title) => done.set(Some(format!("Imported \"{title}\" from {name}."))),
                Err(list) => errors.set(list),
            }
        });
    };
    view! {
        <details class="panel deck-import">
            <summary>"Your own decks"</summary>
            <p class="hint">
                "Import a deck written in KeyDeck's Markdown format. Its cards join the topic list; "
                "nothing in it can run as code."
            </p>
            <label class="button file-button">
                "Import a deck (.md)"
                <input type="file" accept=".md,text/markdown" class="visually-hidden" on:change=on_file/>
            </label>
            <Show when=move || !errors.with(Vec::is_empty)>
                <div class="import-errors" role="alert">
                    <p><strong>"The deck was not imported:"</strong></p>
                    <ul>{move || errors.get().into_iter().map(|e| view! { <li><code>{e}</code></li> }).collect_view()}</ul>
                </div>
            </Show>
            <p class="import-done" role="status">{move || done.get()}</p>
            <ul class="imported">
                {move || store.imported().into_iter().map(|d| {
                    let file = d.file.clone();
                    view! {
                        <li>
                            <span>{d.file.clone()}</span>
                            <button type="button" class="text-button" on:click=move |_| store.remove_imported(&file)>
                                "Remove"
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}
