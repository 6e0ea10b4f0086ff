//! The shipped decks and questions, fetched as the JSON bundles the build
//! writes from `content/` (see `keydeck_study::bundle`). The deck is
//! preloaded by `index.html` beside the wasm and read before the app
//! mounts; the questions are fetched when a quiz first opens. Both are
//! precached by the service worker, so they are there offline.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use keydeck_study::bundle;
use keydeck_study::deck::Deck;
use keydeck_study::quiz::QuestionBank;
use wasm_bindgen::JsCast;

use crate::stamped;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static SHIPPED: RefCell<Option<Arc<Deck>>> = const { RefCell::new(None) };
    static QUESTIONS: RefCell<Option<String>> = const { RefCell::new(None) };
    static BANK: RefCell<Option<Rc<QuestionBank>>> = const { RefCell::new(None) };
}

/// The shipped deck, fetched once. Fails with a sentence for the learner.
pub async fn shipped_deck() -> Result<Arc<Deck>, String> {
    if let Some(deck) = SHIPPED.with(|d| d.borrow().clone()) {
        return Ok(deck);
    }
    let url = stamped::attribute(r#"link[id="keydeck-deck"]"#, "href").ok_or_else(unnamed)?;
    let text = fetch_text(&url).await?;
    let deck = Arc::new(bundle::read_deck(&text).map_err(|e| e.to_string())?);
    SHIPPED.with(|d| *d.borrow_mut() = Some(deck.clone()));
    Ok(deck)
}

/// The shipped deck once [`shipped_deck`] has fetched it (the app mounts
/// only after that), else an empty deck.
pub fn shipped_now() -> Arc<Deck> {
    SHIPPED.with(|d| d.borrow().clone()).unwrap_or_default()
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
/// built once, after [`fetch_questions`]. Only the quiz's code calls this,
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

async fn fetch_text(url: &str) -> Result<String, String> {
    let failed =
        || format!("KeyDeck could not download {url}. Check your connection, then reload.");
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
