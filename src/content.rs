//! The shipped decks and questions, fetched as the bundles the build writes
//! from `content/` (see `keydeck_study::bundle`): the deck's outline and
//! the whole deck as text, the questions as JSON. The deck's outline
//! (every card's id, topic and kind, but not its text) is preloaded by
//! `index.html` beside the wasm and read before the app mounts: it is all
//! the home page needs to count what is due. The whole deck is fetched when
//! a page that shows cards first opens, and the questions when a quiz does.
//! All are precached by the service worker, so they are there offline.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use keydeck_study::bundle::{self, BundleError};
use keydeck_study::deck::Deck;
use keydeck_study::quiz::QuestionBank;
use wasm_bindgen::JsCast;

use crate::lazy::ChunkMissing;
use crate::stamped;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static OUTLINE: RefCell<Option<Arc<Deck>>> = const { RefCell::new(None) };
    static WHOLE: RefCell<Option<Arc<Deck>>> = const { RefCell::new(None) };
    static QUESTIONS: RefCell<Option<String>> = const { RefCell::new(None) };
    static BANK: RefCell<Option<Rc<QuestionBank>>> = const { RefCell::new(None) };
}

/// The shipped deck's outline, fetched once. Fails with a sentence for the
/// learner.
pub async fn outline() -> Result<Arc<Deck>, String> {
    if let Some(deck) = OUTLINE.with(|d| d.borrow().clone()) {
        return Ok(deck);
    }
    let url = stamped::attribute(r#"link[id="keydeck-outline"]"#, "href").ok_or_else(unnamed)?;
    let text = fetch_text(&url).await?;
    keep(&OUTLINE, bundle::read_outline(&text))
}

/// The whole shipped deck, cards' text included, fetched once. Its reader
/// is a chunk of its own, fetched beside it.
pub async fn whole_deck() -> Result<Arc<Deck>, String> {
    if let Some(deck) = WHOLE.with(|d| d.borrow().clone()) {
        return Ok(deck);
    }
    let url = stamped::meta("keydeck-deck").ok_or_else(unnamed)?;
    let (read, text) = futures_util::future::join(deck_reader(), fetch_text(&url)).await;
    let read = read.map_err(|ChunkMissing| download_failed(&url))?;
    keep(&WHOLE, read(&text?))
}

fn keep(
    cache: &'static std::thread::LocalKey<RefCell<Option<Arc<Deck>>>>,
    read: Result<Deck, BundleError>,
) -> Result<Arc<Deck>, String> {
    let deck = Arc::new(read.map_err(|e| e.to_string())?);
    cache.with(|d| *d.borrow_mut() = Some(deck.clone()));
    Ok(deck)
}

/// The whole deck's reader, cut into its own chunk: the first page reads
/// only the outline, and its code is the first load's.
#[leptos::wasm_split::wasm_split(deck_reader, fallible, wasm_split_path = ::leptos::wasm_split)]
fn deck_reader() -> Result<DeckReader, ChunkMissing> {
    Ok(bundle::read_deck)
}

type DeckReader = fn(&str) -> Result<Deck, BundleError>;

/// The shipped deck as far as it has been fetched: whole once
/// [`whole_deck`] has run, else its outline (the app mounts only after
/// that), else empty.
pub fn shipped_now() -> Arc<Deck> {
    WHOLE
        .with(|d| d.borrow().clone())
        .or_else(|| OUTLINE.with(|d| d.borrow().clone()))
        .unwrap_or_default()
}

/// Fetches the shipped questions' bundle once, without reading it: the
/// quiz route runs this beside fetching its code, and the code reads it.
pub async fn fetch_questions() -> Result<(), String> {
    if QUESTIONS.with(|q| q.borrow().is_some()) {
        return Ok(());
    }
    let url = stamped::meta("keydeck-questions").ok_or_else(unnamed)?;
    let text = fetch_text(&url).await?;
    QUESTIONS.with(|q| *q.borrow_mut() = Some(text));
    Ok(())
}

/// The shipped questions and the shipped deck they are generated from,
/// built once, after [`fetch_questions`] and [`whole_deck`]. Only the quiz's code calls this,
/// so reading questions is part of its chunk, not of the first load.
pub fn bank() -> Rc<QuestionBank> {
    if let Some(bank) = BANK.with(|b| b.borrow().clone()) {
        return bank;
    }
    let questions = QUESTIONS
        .with(|q| q.borrow().as_deref().map(bundle::read_questions))
        .and_then(Result::ok)
        .unwrap_or_default();
    let bank = Rc::new(QuestionBank::new((*shipped_now()).clone(), questions));
    BANK.with(|b| *b.borrow_mut() = Some(bank.clone()));
    bank
}

fn unnamed() -> String {
    "This build of KeyDeck does not name its content files.".to_owned()
}

fn download_failed(url: &str) -> String {
    format!("KeyDeck could not download {url}. Check your connection, then reload.")
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let failed = || download_failed(url);
    let window = web_sys::window().ok_or_else(failed)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| failed())?
        .dyn_into()
        .map_err(|_| failed())?;
    if !response.ok() {
        return Err(failed());
    }
    let text = JsFuture::from(response.text().map_err(|_| failed())?)
        .await
        .map_err(|_| failed())?;
    text.as_string().ok_or_else(failed)
}
