//! Export, import and reset of the learner's progress.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlAnchorElement;

use super::download::json_data_url;
use super::file_input::{read_text, take_chosen_file};
use super::modal::Modal;
use crate::clock;
use crate::lazy::ChunkMissing;
use crate::study_store::{use_study, StudyStore};

/// Progress files are small; a much larger file is not one.
const MAX_BYTES: f64 = 20_000_000.0;

/// What the panel's actions do, each writing or reading the progress as
/// JSON (with the scheduler, to merge): a chunk of its own, fetched when
/// the learner first points at or moves into the panel, or acts in it.
#[derive(Clone, Copy)]
struct Actions {
    /// The progress as a `data:` URL to download.
    export: fn(StudyStore) -> String,
    import: fn(StudyStore, &str, bool) -> Result<(), String>,
    reset: fn(StudyStore) -> Result<(), String>,
}

#[leptos::wasm_split::wasm_split(your_data, fallible, wasm_split_path = ::leptos::wasm_split)]
fn actions() -> Result<Actions, ChunkMissing> {
    Ok(Actions {
        export: |store| json_data_url(&store.progress_json()),
        import: |store, text, replace| store.import_progress(text, replace),
        reset: |store| store.reset(),
    })
}

/// Said when the actions' code could not be fetched.
const MISSING: &str =
    "KeyDeck could not download what this needs. Check your connection, then try again.";

#[component]
pub fn YourData() -> impl IntoView {
    let store = use_study();
    let message = RwSignal::new(None::<Result<String, String>>);
    let replace = RwSignal::new(false);
    let confirming_reset = RwSignal::new(false);
    let loaded = StoredValue::new(None::<Actions>);
    // Fetches the actions' code, once it is asked for, and runs `then`
    // with it; says so if it cannot be fetched.
    let with_actions = move |then: Box<dyn FnOnce(Actions)>| {
        if let Some(actions) = loaded.get_value() {
            then(actions);
            return;
        }
        leptos::task::spawn_local(async move {
            match actions().await {
                Ok(actions) => {
                    loaded.set_value(Some(actions));
                    then(actions);
                }
                Err(_) => message.set(Some(Err(MISSING.to_owned()))),
            }
        });
    };
    let asked = StoredValue::new(false);
    let prefetch = move || {
        if !asked.get_value() && loaded.with_value(Option::is_none) {
            asked.set_value(true);
            with_actions(Box::new(|_| ()));
        }
    };
    // The file is written as the link is followed, so it holds the latest
    // progress; until the code that writes it has come, the link waits,
    // then is followed again.
    let on_export = move |ev: leptos::ev::MouseEvent| {
        let Some(link) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<HtmlAnchorElement>().ok())
        else {
            return;
        };
        link.set_download(&format!(
            "keydeck-progress-{}.json",
            keydeck_study::day::iso_date(clock::now().date_naive())
        ));
        match loaded.get_value() {
            Some(actions) => link.set_href(&(actions.export)(store)),
            None => {
                ev.prevent_default();
                with_actions(Box::new(move |actions| {
                    link.set_href(&(actions.export)(store));
                    link.click();
                }));
            }
        }
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
            let replacing = replace.get_untracked();
            let how = if replacing {
                "replaced your progress"
            } else {
                "was merged into your progress"
            };
            with_actions(Box::new(move |actions| {
                message.set(Some(match (actions.import)(store, &text, replacing) {
                    Ok(()) => Ok(format!("{name} {how}.")),
                    Err(e) => Err(format!("{name} was not imported: {e}.")),
                }));
            }));
        });
    };
    view! {
        <section class="panel your-data" aria-labelledby="data-title" on:pointerover=move |_| prefetch() on:focusin=move |_| prefetch()>
            <h2 id="data-title">"Your data"</h2>
            <p class="hint">"Progress lives only in this browser. Export it to keep a copy or to move to another device."</p>
            <div class="data-actions">
                <a class="button" href="#export" download on:click=on_export>"Export progress"</a>
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
                            with_actions(Box::new(move |actions| {
                                message.set(Some((actions.reset)(store).map(|()| "Your progress was reset.".to_owned())));
                            }));
                            confirming_reset.set(false);
                        }>"Yes, reset"</button>
                        <button type="button" class="button button-secondary" autofocus on:click=move |_| confirming_reset.set(false)>"Cancel"</button>
                    </div>
                </Modal>
            </div>
        </section>
    }
}
