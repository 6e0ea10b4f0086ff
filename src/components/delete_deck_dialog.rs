//! Asking before an imported deck is deleted: a modal dialog that takes the
//! focus, closes on Escape, and gives the focus back to the button that
//! opened it.

use leptos::html::Dialog;
use leptos::prelude::*;

use super::focus::focus_later;
use crate::study_store::use_study;

/// The deck the dialog asks about.
#[derive(Debug, Clone, PartialEq)]
pub struct Deleting {
    pub file: String,
    pub title: String,
    pub cards: usize,
    /// The id of the button that opened the dialog.
    pub opener: String,
}

#[component]
pub fn DeleteDeckDialog(
    deleting: RwSignal<Option<Deleting>>,
    message: RwSignal<Option<Result<String, String>>>,
) -> impl IntoView {
    let store = use_study();
    let dialog = NodeRef::<Dialog>::new();
    // Where the focus goes when the dialog closes.
    let return_to = StoredValue::new(None::<String>);
    Effect::new(move || {
        let Some(target) = deleting.get() else {
            return;
        };
        if let Some(dialog) = dialog.get() {
            return_to.set_value(Some(target.opener));
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    });
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let confirm = move |_| {
        let Some(target) = deleting.get_untracked() else {
            return;
        };
        message.set(Some(match store.remove_imported(&target.file) {
            Ok(()) => {
                // The deck's row, and the button that opened the dialog, are gone.
                return_to.set_value(Some("your-decks-title".to_owned()));
                Ok(format!(
                    "Deleted \"{}\". Its review history is still in your progress.",
                    target.title
                ))
            }
            Err(why) => Err(format!("The deck was not deleted: {why}")),
        }));
        close();
    };
    let on_close = move |_| {
        deleting.set(None);
        if let Some(id) = return_to.try_update_value(Option::take).flatten() {
            focus_later(id);
        }
    };
    let title = move || deleting.with(|d| d.as_ref().map(|d| format!("Delete \"{}\"?", d.title)));
    let text = move || {
        deleting.with(|d| {
            d.as_ref().map(|d| {
                format!(
                    "{} your topics. Your review history stays: progress is kept by card id, \
                     it stays in your progress export, and the cards find it again if you import the deck again.",
                    match d.cards {
                        1 => "Its card leaves".to_owned(),
                        n => format!("Its {n} cards leave"),
                    }
                )
            })
        })
    };
    view! {
        <dialog node_ref=dialog class="panel confirm-dialog" aria-labelledby="delete-deck-title"
            aria-describedby="delete-deck-text" on:close=on_close>
            <h2 id="delete-deck-title">{title}</h2>
            <p id="delete-deck-text">{text}</p>
            <div class="dialog-actions">
                <button type="button" class="button danger-button" on:click=confirm>"Delete deck"</button>
                <button type="button" class="button button-secondary" autofocus on:click=move |_| close()>"Cancel"</button>
            </div>
        </dialog>
    }
}
