//! Tells the learner when their data is at risk: storage refused, progress
//! unreadable (with the damaged copy to download), or a save that failed.

use leptos::prelude::*;

use super::download::json_data_url;
use crate::storage::{self, Backend};
use crate::study_store::use_study;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let store = use_study();
    let memory_only = storage::backend() == Backend::Memory;
    let backups = RwSignal::new(storage::backups());
    view! {
        {memory_only.then(|| view! {
            <div class="banner banner-warning" role="alert">
                <p>
                    <strong>"Nothing can be saved in this browser. "</strong>
                    "Storage is turned off or unavailable, so your progress lasts only until this tab closes. "
                    "Allow site data for this page, or export your progress before leaving."
                </p>
            </div>
        })}
        <Show when=move || store.problem.with(Option::is_some)>
            <div class="banner banner-warning" role="alert">
                <p>{move || store.problem.get()}</p>
                <ul class="banner-actions">
                    {move || backups.get().into_iter().map(|(key, text)| {
                        let stamp = key.trim_start_matches(storage::keys::PROGRESS_BACKUP_PREFIX).to_owned();
                        view! {
                            <li>
                                <a class="button" href=json_data_url(&text) download=format!("keydeck-damaged-progress-{stamp}.json")>
                                    "Download the damaged data"
                                </a>
                            </li>
                        }
                    }).collect_view()}
                    <li>
                        <button type="button" class="text-button" on:click=move |_| store.problem.set(None)>"Dismiss"</button>
                    </li>
                </ul>
            </div>
        </Show>
    }
}
