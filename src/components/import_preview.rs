//! What an import would save: the deck's title, its cards rendered as they
//! will be studied, and every problem at its file and line. Nothing is
//! saved until the learner says so, and only a deck with cards can be.

use leptos::prelude::*;

use keydeck_study::card::{Card, CardKind};
use keydeck_study::interchange::{Imported, Problem, Severity};

use super::markdown::Markdown;
use crate::study_store::use_study;
use keydeck_study::wording::{agreeing, count};

/// Enough cards to judge an import by, without rendering a whole deck.
const SHOWN_CARDS: usize = 30;

#[component]
pub fn ImportPreview(
    preview: Memo<Option<Imported>>,
    title: RwSignal<Option<String>>,
    on_saved: Callback<String>,
) -> impl IntoView {
    let store = use_study();
    let failed = RwSignal::new(Vec::<String>::new());
    let cards = move || {
        preview.with(|p| {
            p.as_ref()
                .and_then(|i| i.topic.as_ref())
                .map_or(0, |t| t.cards.len())
        })
    };
    let deck_title = move || {
        title.get().unwrap_or_else(|| {
            preview.with(|p| {
                p.as_ref()
                    .and_then(|i| i.topic.as_ref())
                    .map(|t| t.title.clone())
                    .unwrap_or_default()
            })
        })
    };
    let replaces = move || {
        let file = preview.with(|p| p.as_ref().map(|i| i.file.clone()))?;
        store
            .imported()
            .iter()
            .any(|d| d.file == file)
            .then_some(file)
    };
    let save = move |_| {
        failed.set(Vec::new());
        let Some(imported) = preview.get_untracked() else {
            return;
        };
        let result = imported
            .titled(&deck_title())
            .map_err(|errors| errors.iter().map(ToString::to_string).collect())
            .and_then(|text| store.import_deck(imported.file.clone(), text));
        match result {
            Ok(saved) => on_saved.run(format!(
                "Saved \"{saved}\": {}. Choose it under Topic to study it.",
                count(cards(), "card")
            )),
            Err(errors) => failed.set(errors),
        }
    };
    view! {
        <section class="import-preview" aria-labelledby="preview-title">
            <h3 id="preview-title">"Preview"</h3>
            <p class="preview-count" role="status">
                {move || match cards() {
                    0 => "Nothing to save: no card could be imported.".to_owned(),
                    n => format!("{} to import.", count(n, "card")),
                }}
            </p>
            <Problems problems=Signal::derive(move || preview.with(|p| p.as_ref().map(|i| i.problems.clone()).unwrap_or_default()))/>
            <Show when=move || cards() != 0>
                <div class="preview-save">
                    <label for="import-title-input">"Deck title"</label>
                    <input id="import-title-input" type="text" autocomplete="off"
                        prop:value=deck_title
                        on:input=move |ev| title.set(Some(event_target_value(&ev)))/>
                    {move || replaces().map(|file| view! {
                        <p class="hint">{format!("You already have a deck saved as {file}: saving replaces it. Cards that keep their ids keep their progress.")}</p>
                    })}
                    <button type="button" class="button" on:click=save>"Save deck"</button>
                </div>
            </Show>
            <Show when=move || !failed.with(Vec::is_empty)>
                <div class="import-errors" role="alert">
                    <p><strong>"The deck was not saved:"</strong></p>
                    <ul>{move || failed.get().into_iter().map(|e| view! { <li><code>{e}</code></li> }).collect_view()}</ul>
                </div>
            </Show>
            <ol class="preview-cards">
                {move || preview.with(|p| {
                    let topic = p.as_ref().and_then(|i| i.topic.as_ref());
                    topic.into_iter().flat_map(|t| t.cards.iter().take(SHOWN_CARDS).cloned()).map(|card| view! { <PreviewCard card/> }).collect_view()
                })}
            </ol>
            <Show when=move || SHOWN_CARDS.lt(&cards())>
                <p class="hint">{move || format!("… and {} more.", count(cards() - SHOWN_CARDS, "card"))}</p>
            </Show>
        </section>
    }
}

/// Every problem as `file:line: message`, its severity in words.
#[component]
fn Problems(problems: Signal<Vec<Problem>>) -> impl IntoView {
    let of = move |severity| problems.with(|p| p.iter().filter(|p| p.severity == severity).count());
    view! {
        <Show when=move || problems.with(|p| !p.is_empty())>
            <div class="import-problems">
                <p>
                    {move || match of(Severity::Error) {
                        0 => String::new(),
                        n => format!("{}: {} left out. ", count(n, "error"), agreeing(&n, "that row is", "those rows are")),
                    }}
                    {move || match of(Severity::Warning) {
                        0 => String::new(),
                        n => format!("{}: {} imported, but not quite as written.", count(n, "warning"), agreeing(&n, "that row is", "those rows are")),
                    }}
                </p>
                <ul>
                    {move || problems.get().into_iter().map(|p| {
                        let (class, label) = match p.severity {
                            Severity::Error => ("problem-error", "Error"),
                            Severity::Warning => ("problem-warning", "Warning"),
                        };
                        view! { <li class=class><strong>{label}</strong> " " <code>{p.to_string()}</code></li> }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

#[component]
fn PreviewCard(card: Card) -> impl IntoView {
    let reverse = (card.kind == CardKind::Term)
        .then_some(view! { <p class="hint">"Also asked in reverse."</p> });
    view! {
        <li class="preview-card">
            <div class="preview-side">
                <span class="side-label">"Front"</span>
                <Markdown source=card.prompt()/>
            </div>
            <div class="preview-side">
                <span class="side-label">"Back"</span>
                <Markdown source=card.answer()/>
                {reverse}
            </div>
        </li>
    }
}
