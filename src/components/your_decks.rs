//! The learner's imported decks: each can be renamed, and deleted after a
//! question. Deleting keeps the cards' review history.

use leptos::prelude::*;

use keydeck_study::deck::topic_id;
use keydeck_study::interchange::retitle;
use keydeck_study::wording::count;

use super::delete_deck_dialog::{DeleteDeckDialog, Deleting};
use super::focus::focus_later;
use crate::study_store::{use_study, StudyStore};

/// The title and card count of the deck saved as `file`.
fn described(store: StudyStore, file: &str) -> (String, usize) {
    store.deck().topic(topic_id(file)).map_or_else(
        || (file.to_owned(), 0),
        |t| (t.title.clone(), t.cards.len()),
    )
}

#[component]
pub fn YourDecks() -> impl IntoView {
    let store = use_study();
    let renaming = RwSignal::new(None::<String>);
    let deleting = RwSignal::new(None::<Deleting>);
    let message = RwSignal::new(None::<Result<String, String>>);
    let files = move || {
        store
            .imported()
            .into_iter()
            .map(|d| d.file)
            .collect::<Vec<_>>()
    };
    view! {
        <section class="your-decks" aria-labelledby="your-decks-title">
            <h2 id="your-decks-title" tabindex="-1">"Your decks"</h2>
            <Show when=move || store.imported().is_empty()>
                <p class="hint">"The decks you import are listed here, to rename or delete."</p>
            </Show>
            <ul class="deck-list">
                <For each=files key=|file| file.clone() let:file>
                    <DeckRow file renaming deleting message/>
                </For>
            </ul>
            <p class="data-message" role="status">{move || message.get().and_then(Result::ok)}</p>
            {move || message.get().and_then(Result::err).map(|text| view! {
                <p class="data-message data-error" role="alert">{text}</p>
            })}
            <DeleteDeckDialog deleting message/>
        </section>
    }
}

#[component]
fn DeckRow(
    file: String,
    renaming: RwSignal<Option<String>>,
    deleting: RwSignal<Option<Deleting>>,
    message: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let store = use_study();
    let id = topic_id(&file).to_owned();
    let (rename_id, delete_id) = (format!("rename-{id}"), format!("delete-{id}"));
    let key = file.clone();
    let is_renaming = move || renaming.with(|r| r.as_ref() == Some(&key));
    let shown = file.clone();
    let details = Memo::new(move |_| {
        let (title, cards) = described(store, &shown);
        (title, format!("{} · {shown}", count(cards, "card")))
    });
    let to_delete = file.clone();
    let delete = move |_| {
        message.set(None);
        let (title, cards) = described(store, &to_delete);
        deleting.set(Some(Deleting {
            file: to_delete.clone(),
            title,
            cards,
            opener: delete_id.clone(),
        }));
    };
    let to_rename = file.clone();
    let opener = rename_id.clone();
    let rename_field = title_field(&rename_id);
    view! {
        <li>
            <Show
                when=is_renaming.clone()
                fallback=move || view! {
                    <div class="deck-name">
                        <strong>{move || details.get().0}</strong>
                        <span class="hint">{move || details.get().1}</span>
                    </div>
                }
            >
                <RenameForm file=file.clone() renaming message opener=opener.clone()/>
            </Show>
            <div class="deck-actions" hidden=is_renaming>
                <button type="button" class="text-button" id=rename_id.clone()
                    on:click=move |_| {
                        message.set(None);
                        renaming.set(Some(to_rename.clone()));
                        focus_later(rename_field.clone());
                    }>
                    "Rename"
                </button>
                <button type="button" class="text-button danger" id=format!("delete-{id}") on:click=delete>
                    "Delete…"
                </button>
            </div>
        </li>
    }
}

/// Renames a deck in place: its file name, card ids and progress stay.
#[component]
fn RenameForm(
    file: String,
    renaming: RwSignal<Option<String>>,
    message: RwSignal<Option<Result<String, String>>>,
    opener: String,
) -> impl IntoView {
    let store = use_study();
    let (current, _) = described(store, &file);
    let title = RwSignal::new(current);
    let input_id = title_field(&opener);
    let done = move || {
        renaming.set(None);
        focus_later(opener.clone());
    };
    let done_on_escape = done.clone();
    let cancel = done.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(saved) = store.imported().into_iter().find(|d| d.file == file) else {
            return;
        };
        let result = retitle(&file, &saved.text, &title.get_untracked())
            .map_err(|errors| {
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .and_then(|text| {
                store
                    .import_deck(file.clone(), text)
                    .map_err(|e| e.join(" "))
            });
        match result {
            Ok(renamed) => {
                message.set(Some(Ok(format!("Renamed to \"{renamed}\"."))));
                done();
            }
            Err(why) => message.set(Some(Err(format!("The deck was not renamed: {why}")))),
        }
    };
    view! {
        <form class="rename" on:submit=submit>
            <label for=input_id.clone()>"New title"</label>
            <input id=input_id type="text" autocomplete="off"
                prop:value=move || title.get()
                on:input=move |ev| title.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Escape" { done_on_escape() }/>
            <button type="submit" class="button">"Save"</button>
            <button type="button" class="text-button" on:click=move |_| cancel()>"Cancel"</button>
        </form>
    }
}

/// The id of the title field that renaming with the button `rename_id` shows.
fn title_field(rename_id: &str) -> String {
    format!("{rename_id}-title")
}
