//! Importing a deck: a file picked or text pasted, read as KeyDeck Markdown,
//! Anki's notes, Quizlet's export or CSV, then previewed before anything is
//! saved. Imported cards render like the shipped ones: safely.

use leptos::prelude::*;

use keydeck_study::interchange::{
    import, pasted_file_name, ImportFormat, RowSeparator, TermSeparator,
};

use super::file_input::{read_text, take_chosen_file};
use super::focus::focus_later;
use super::import_preview::ImportPreview;
use super::separator_choice::SeparatorChoice;

/// Decks are small text files; anything larger is almost surely the wrong file.
const MAX_BYTES: f64 = 512_000.0;

/// The format radio buttons; Quizlet's separators are chosen beside them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Anki,
    Quizlet,
    Csv,
    Markdown,
}

impl Kind {
    const ALL: [(Kind, &'static str); 4] = [
        (Kind::Anki, "Anki: Notes in Plain Text (.txt)"),
        (Kind::Quizlet, "Quizlet: the text of its Export"),
        (Kind::Csv, "CSV: front, back, tags (.csv)"),
        (Kind::Markdown, "KeyDeck Markdown (.md)"),
    ];

    fn of(format: &ImportFormat) -> Kind {
        match format {
            ImportFormat::Anki => Kind::Anki,
            ImportFormat::Quizlet { .. } => Kind::Quizlet,
            ImportFormat::Csv => Kind::Csv,
            ImportFormat::Markdown => Kind::Markdown,
        }
    }
}

/// What is being imported: a picked file (`name`), or pasted text.
#[derive(Debug, Clone, PartialEq)]
struct Source {
    name: Option<String>,
    text: String,
}

#[component]
pub fn DeckImport() -> impl IntoView {
    let kind = RwSignal::new(Kind::Anki);
    let terms = RwSignal::new(TermSeparator::Tab);
    let rows = RwSignal::new(RowSeparator::NewLine);
    let source = RwSignal::new(None::<Source>);
    // The title the learner typed, if any; pasted text is named after it.
    let title = RwSignal::new(None::<String>);
    let refused = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let format = move || match kind.get() {
        Kind::Anki => ImportFormat::Anki,
        Kind::Quizlet => ImportFormat::Quizlet {
            terms: terms.get(),
            rows: rows.get(),
        },
        Kind::Csv => ImportFormat::Csv,
        Kind::Markdown => ImportFormat::Markdown,
    };
    let preview = Memo::new(move |_| {
        let source = source.get()?;
        let name = source
            .name
            .unwrap_or_else(|| pasted_file_name(&title.get().unwrap_or_default()));
        Some(import(&format(), &name, &source.text))
    });
    let start = move |next: Option<Source>| {
        refused.set(None);
        saved.set(None);
        title.set(None);
        source.set(next);
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = take_chosen_file(&ev) else {
            return;
        };
        start(None);
        let name = file.name();
        match ImportFormat::for_file(&name, &untrack(format)) {
            Ok(format) => kind.set(Kind::of(&format)),
            Err(why) => return refused.set(Some(why)),
        }
        if file.size() > MAX_BYTES {
            return refused.set(Some(format!(
                "{name} is larger than 500 KB, which is too large for a deck."
            )));
        }
        leptos::task::spawn_local(async move {
            match read_text(&file).await {
                Some(text) => source.set(Some(Source {
                    name: Some(name),
                    text,
                })),
                None => refused.set(Some(format!("{name} could not be read as text."))),
            }
        });
    };
    let pasted = move || {
        source.with(|s| match s {
            Some(Source { name: None, text }) => text.clone(),
            _ => String::new(),
        })
    };
    let on_paste = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let next = (!text.trim().is_empty()).then_some(Source { name: None, text });
        if source.with_untracked(|s| s.as_ref().is_some_and(|s| s.name.is_some())) {
            start(next);
        } else {
            source.set(next);
        }
    };
    // The preview, and the Save button with it, goes: the focus moves to
    // what was saved.
    let on_saved = Callback::new(move |message: String| {
        start(None);
        saved.set(Some(message));
        focus_later("import-done".to_owned());
    });
    view! {
        <section class="deck-import" aria-labelledby="import-title">
            <h2 id="import-title">"Import a deck"</h2>
            <p class="hint">"You see the cards, and any problem, before anything is saved. Nothing in a deck can run as code."</p>
            <fieldset class="choice">
                <legend>"Format"</legend>
                {Kind::ALL.into_iter().map(|(k, label)| view! {
                    <label>
                        <input type="radio" name="import-format" prop:checked=move || kind.get() == k on:change=move |_| kind.set(k)/>
                        " " {label}
                    </label>
                }).collect_view()}
            </fieldset>
            <Show when=move || kind.get() == Kind::Quizlet>
                <div class="separators">
                    <SeparatorChoice legend="Between term and definition" name="quizlet-terms"
                        fixed=[("Tab", TermSeparator::Tab), ("Comma", TermSeparator::Comma)]
                        custom=TermSeparator::Custom value=terms/>
                    <SeparatorChoice legend="Between rows" name="quizlet-rows"
                        fixed=[("New line", RowSeparator::NewLine), ("Semicolon", RowSeparator::Semicolon)]
                        custom=RowSeparator::Custom value=rows/>
                </div>
            </Show>
            <div class="import-source">
                <label class="button file-button">
                    "Choose a file"
                    <input type="file" accept=".md,.txt,.tsv,.csv,text/plain,text/markdown,text/csv,text/tab-separated-values" class="visually-hidden" on:change=on_file/>
                </label>
                <label for="import-paste">"Or paste the text"</label>
                <p class="hint" id="import-paste-hint">"From Quizlet: open the set, choose Export, then Copy text."</p>
                <textarea id="import-paste" rows="4" spellcheck="false" aria-describedby="import-paste-hint"
                    prop:value=pasted on:input=on_paste></textarea>
            </div>
            {move || refused.get().map(|why| view! { <p class="import-errors" role="alert">{why}</p> })}
            <p class="import-done" id="import-done" role="status" tabindex="-1">{move || saved.get()}</p>
            <Show when=move || preview.with(Option::is_some)>
                <ImportPreview preview title on_saved/>
            </Show>
        </section>
    }
}
