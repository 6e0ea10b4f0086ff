//! The shipped decks and questions, fetched as the bundles the build writes
//! from `content/` (see `keydeck_study::bundle`): the deck's outline, each
//! topic's cards as text, and the questions as JSON. The deck's outline
//! (every card's id, topic and kind, but not its text) is preloaded by
//! `index.html` beside the wasm and read before the app mounts: it is all
//! the home page needs to count what is due. A page that shows cards
//! fetches the topics it shows and fills the outline with them; the quiz
//! fetches every topic, and the questions. The labs page reads the labs'
//! catalog (`content/labs.json`). All are precached by the service worker,
//! so they are there offline.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use keydeck_lab_protocol::LabSummary;
use keydeck_study::bundle::{self, BundleError};
use keydeck_study::deck::Deck;
use keydeck_study::quiz::QuestionBank;
use wasm_bindgen::JsCast;

use crate::stamped;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static OUTLINE: RefCell<Option<Arc<Deck>>> = const { RefCell::new(None) };
    /// The outline with the topics fetched so far filled in, once one is.
    static FILLED: RefCell<Option<Arc<Deck>>> = const { RefCell::new(None) };
    /// The topics filled in.
    static HAVE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static QUESTIONS: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The labs' catalog as fetched, read by the labs route's code.
    static LAB_CATALOG: RefCell<Option<String>> = const { RefCell::new(None) };
    static BANK: RefCell<Option<Rc<QuestionBank>>> = const { RefCell::new(None) };
    /// Topics' files whose download [`start_topics`] started, not yet read.
    static STARTED: RefCell<Vec<(String, JsFuture)>> = const { RefCell::new(Vec::new()) };
}

/// Starts downloading the files of those of `topics` whose text has not
/// come, before the code that reads them has: [`with_topics`] takes them
/// up. A download that fails is reported there.
pub fn start_topics(topics: &[String]) {
    let Some(folder) = stamped::meta("keydeck-deck") else {
        return;
    };
    STARTED.with(|started| {
        let mut started = started.borrow_mut();
        for topic in topics {
            if lacks_text(topic) && !started.iter().any(|(t, _)| t == topic) {
                if let Ok(download) = start_fetch(&topic_file(&folder, topic)) {
                    started.push((topic.clone(), download));
                }
            }
        }
    });
}

/// Where `topic`'s cards are, in the deck's `folder`.
fn topic_file(folder: &str, topic: &str) -> String {
    format!("{folder}{topic}.txt")
}

/// The download of `topic`'s file [`start_topics`] started, if any.
fn take_started(topic: &str) -> Option<JsFuture> {
    STARTED.with(|started| {
        let mut started = started.borrow_mut();
        let at = started.iter().position(|(t, _)| t == topic)?;
        Some(started.swap_remove(at).1)
    })
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

/// The shipped deck with the text of `topics` (of every topic, with
/// `None`), fetching those it lacks, all at once. `None` when it already
/// had them all. Only the `deck_reader` chunk calls this
/// (`crate::study_store`), so the first load carries neither the reading
/// nor the filling.
pub async fn with_topics(topics: Option<Vec<String>>) -> Result<Option<Arc<Deck>>, String> {
    let outline = outline().await?;
    let topics = topics.unwrap_or_else(|| outline.topics.iter().map(|t| t.id.clone()).collect());
    let wanted: Vec<String> = topics.into_iter().filter(|t| lacks_text(t)).collect();
    if wanted.is_empty() {
        return Ok(None);
    }
    let folder = stamped::meta("keydeck-deck").ok_or_else(unnamed)?;
    let urls: Vec<String> = wanted.iter().map(|t| topic_file(&folder, t)).collect();
    // Every download starts now, but for those started already, and they
    // are read in turn.
    let started: Vec<_> = urls
        .iter()
        .zip(&wanted)
        .map(|(url, topic)| take_started(topic).map_or_else(|| start_fetch(url), Ok))
        .collect();
    let texts = async {
        let mut texts = Vec::new();
        for (url, started) in urls.iter().zip(started) {
            texts.push(read_text(url, started?).await?);
        }
        Ok::<_, String>(texts)
    };
    let deck = Arc::new(filled(&shipped_now(), &texts.await?).map_err(|e| e.to_string())?);
    HAVE.with(|have| have.borrow_mut().extend(wanted));
    FILLED.with(|d| *d.borrow_mut() = Some(deck.clone()));
    Ok(Some(deck))
}

/// Whether `topic` is a shipped topic whose cards' text has not been
/// fetched: the learner's own topics always have theirs.
pub fn lacks_text(topic: &str) -> bool {
    OUTLINE.with(|o| {
        o.borrow()
            .as_ref()
            .is_some_and(|d| d.topic(topic).is_some())
    }) && !HAVE.with(|have| have.borrow().iter().any(|t| t == topic))
}

fn keep(
    cache: &'static std::thread::LocalKey<RefCell<Option<Arc<Deck>>>>,
    read: Result<Deck, BundleError>,
) -> Result<Arc<Deck>, String> {
    let deck = Arc::new(read.map_err(|e| e.to_string())?);
    cache.with(|d| *d.borrow_mut() = Some(deck.clone()));
    Ok(deck)
}

/// `deck` with the topics in these texts filled in.
fn filled(deck: &Deck, texts: &[String]) -> Result<Deck, BundleError> {
    let mut deck = deck.clone();
    for text in texts {
        deck.fill(bundle::read_deck(text)?);
    }
    Ok(deck)
}

/// The shipped deck as far as it has been fetched: its outline (the app
/// mounts only after that) with the topics [`with_topics`] fetched, else
/// empty.
pub fn shipped_now() -> Arc<Deck> {
    FILLED
        .with(|d| d.borrow().clone())
        .or_else(|| OUTLINE.with(|d| d.borrow().clone()))
        .unwrap_or_default()
}

/// Fetches the shipped questions' bundle once, without reading it: the
/// quiz route runs this beside fetching its code, and the code reads it.
pub async fn fetch_questions() -> Result<(), String> {
    fetch_once(&QUESTIONS, "keydeck-questions").await
}

/// Fetches the labs' catalog once, without reading it: the labs route runs
/// this beside fetching its code, and the code reads it ([`lab_catalog`]).
pub async fn fetch_lab_catalog() -> Result<(), String> {
    fetch_once(&LAB_CATALOG, "keydeck-labs").await
}

/// Fetches the file the meta tag `meta` names into `cell`, unless it holds
/// it already.
async fn fetch_once(
    cell: &'static std::thread::LocalKey<RefCell<Option<String>>>,
    meta: &str,
) -> Result<(), String> {
    if cell.with(|c| c.borrow().is_some()) {
        return Ok(());
    }
    let url = stamped::meta(meta).ok_or_else(unnamed)?;
    let text = fetch_text(&url).await?;
    cell.with(|c| *c.borrow_mut() = Some(text));
    Ok(())
}

/// Every shipped lab's summary, in order, read from the catalog
/// [`fetch_lab_catalog`] fetched. Only the labs route's code calls this.
pub fn lab_catalog() -> Result<Vec<LabSummary>, String> {
    LAB_CATALOG
        .with(|c| c.borrow().as_deref().map(serde_json::from_str))
        .ok_or_else(unnamed)?
        .map_err(|_| "The list of labs in this build of KeyDeck could not be read.".to_owned())
}

/// The shipped questions and the shipped deck they are generated from,
/// built once, after [`fetch_questions`] and [`with_topics`] of every topic. Only the quiz's code calls this,
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
    read_text(url, start_fetch(url)?).await
}

/// Starts downloading `url`.
fn start_fetch(url: &str) -> Result<JsFuture, String> {
    let window = web_sys::window().ok_or_else(|| download_failed(url))?;
    Ok(JsFuture::from(window.fetch_with_str(url)))
}

/// The text of a download [`start_fetch`] started.
async fn read_text(url: &str, started: JsFuture) -> Result<String, String> {
    let failed = || download_failed(url);
    let response: web_sys::Response = started
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
