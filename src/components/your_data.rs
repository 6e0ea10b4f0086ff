//! Export, import and reset of the learner's progress.

use leptos::prelude::*;

use super::download::json_data_url;
use super::file_input::{read_text, take_chosen_file};
use super::modal::Modal;
use crate::clock;
use crate::study_store::use_study;

/// Progress files are small; a much larger file is not one.
const MAX_BYTES: f64 = 20_000_000.0;

#[component]
pub fn YourData() -> impl IntoView {
    let store = use_study();
    let message = RwSignal::new(None::<Result<String, String>>);
    let replace = RwSignal::new(false);
    let confirming_reset = RwSignal::new(false);
    let export_href = move || {
        // Re-read on every render so the link always holds the latest progress.
        store.with_progress(|_| ());
        json_data_url(&store.progress_json())
    };
    let export_name = move || {
        format!(
            "keydeck-progress-{}.json",
            keydeck_study::day::iso_date(clock::now().date_naive())
        )
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = take_chosen_file(&ev) else {
            return;
        };
        let name = file.name();
        if file.size() > MAX_BYTES {
            message.set(Some(Err(format!(
                "{name} is too large to be KeyDeck progress."
            ))));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = read_text(&file).await.unwrap_or_default();
            let how = if replace.get_untracked() {
                "replaced your progress"
            } else {
                "was merged into your progress"
            };
            message.set(Some(
                match store.import_progress(&text, replace.get_untracked()) {
                    Ok(()) => Ok(format!("{name} {how}.")),
                    Err(e) => Err(format!("{name} was not imported: {e}.")),
                },
            ));
        });
    };
    view! {
        <section class="panel your-data" aria-labelledby="data-title">
            <h2 id="data-title">"Your data"</h2>
            <p class="hint">"Progress lives only in this browser. Export it to keep a copy or to move to another device."</p>
            <div class="data-actions">
                <a class="button" href=export_href download=export_name>"Export progress"</a>
                <label class="button button-secondary file-button">
                    "Import progress"
                    <input type="file" accept=".json,application/json" class="visually-hidden" on:change=on_file/>
                </label>
            </div>
            <fieldset class="import-mode">
                <legend>"When importing"</legend>
                <label><input type="radio" name="import-mode" checked=move || !replace.get() on:change=move |_| replace.set(false)/> " Merge with what is here"</label>
                <label><input type="radio" name="import-mode" checked=move || replace.get() on:change=move |_| replace.set(true)/> " Replace what is here"</label>
            </fieldset>
            {move || message.get().map(|m| match m {
                Ok(text) => view! { <p class="data-message" role="status">{text}</p> }.into_any(),
                Err(text) => view! { <p class="data-message data-error" role="alert">{text}</p> }.into_any(),
            })}
            <div class="reset">
                <button type="button" class="text-button danger" on:click=move |_| confirming_reset.set(true)>
                    "Reset all progress…"
                </button>
                <Modal open=confirming_reset labelledby="reset-q" alert=true class="confirm-dialog">
                    <h2 id="reset-q">"Forget every review and start again?"</h2>
                    <p>"This cannot be undone; export first to keep a copy."</p>
                    <div class="dialog-actions">
                        <button type="button" class="button danger-button" on:click=move |_| {
                            message.set(Some(store.reset().map(|()| "Your progress was reset.".to_owned())));
                            confirming_reset.set(false);
                        }>"Yes, reset"</button>
                        <button type="button" class="button button-secondary" autofocus on:click=move |_| confirming_reset.set(false)>"Cancel"</button>
                    </div>
                </Modal>
            </div>
        </section>
    }
}
