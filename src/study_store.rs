//! The learner's study state for the whole app: the shipped deck, reactive
//! progress, and the actions pages dispatch (answer, undo).

use leptos::prelude::*;
use std::sync::Arc;

use keydeck_study::card::Card;
use keydeck_study::deck::{topic_id, Deck, DeckError};
use keydeck_study::plan::Plan;
use keydeck_study::progress::{Progress, Settings, Undo};
use keydeck_study::queue::{Counts, Scope, Today};
use keydeck_study::schedule::{Grade, Outcome, Scheduler};

use crate::clock::{self, BrowserClock};
use crate::content;
use crate::lazy::ChunkMissing;
use crate::storage::{self, ImportedDeck, LoadedProgress, ProgressReader};

#[derive(Clone, Copy)]
pub struct StudyStore {
    /// The shipped deck's outline, with the text of the topics fetched so
    /// far ([`content::with_topics`]), then the learner's decks.
    deck: RwSignal<Arc<Deck>>,
    imported: RwSignal<Vec<ImportedDeck>>,
    progress: RwSignal<Progress>,
    /// A problem to tell the learner about: unreadable or unsaved progress.
    pub problem: RwSignal<Option<String>>,
}

/// The decks the app starts with: the shipped bundle, followed by the
/// learner's imported decks, and what went wrong loading them, if anything.
pub struct Decks {
    deck: Arc<Deck>,
    imported: Vec<ImportedDeck>,
    problem: Option<String>,
}

/// Fetches the shipped deck's outline and adds the imported decks. Deck
/// files are Markdown, and the Markdown parser is fetched only when there
/// are any, so a learner without imported decks never downloads it at
/// startup.
pub async fn load_decks() -> Decks {
    let (shipped, mut problem) = match content::outline().await {
        Ok(deck) => (deck, None),
        Err(e) => (Arc::default(), Some(e)),
    };
    let (deck, imported) = match with_stored_imports(shipped.clone()).await {
        Ok(both) => both,
        Err(ChunkMissing) => {
            problem.get_or_insert_with(|| {
                "Your imported decks could not be loaded. Check your connection, then reload."
                    .to_owned()
            });
            (shipped, Vec::new())
        }
    };
    Decks {
        deck,
        imported,
        problem,
    }
}

/// Gives the app the whole shipped deck, cards' text included: the `ready`
/// of the quiz's route. Runs in the route's reactive owner.
pub async fn load_whole_deck() -> Result<(), ChunkMissing> {
    use_study().load_topics(None).await
}

/// Gives the study page the text of the cards its session can show today,
/// in the scope its address names: its route's `ready`, run in the route's
/// reactive owner. Their files start downloading at once, beside the
/// route's code; the code that reads them comes with the route's own
/// ([`session_reader`]), so a deep link fetches no reader of its own.
pub async fn load_session() -> Result<(), ChunkMissing> {
    let store = use_study();
    let topic = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("topic"));
    // Untracked: the router runs this in its view's reactive context, and
    // a read of the deck there would draw the page anew when it changes.
    let topics: Vec<String> = untrack(|| {
        let scope = store.scope(topic);
        store.today(&scope, |t| {
            t.topics().into_iter().map(str::to_owned).collect()
        })
    });
    content::start_topics(&topics);
    (session_reader().await?)(store, Some(topics)).await
}

/// Reading topics' text and filling the deck in, in the study route's own
/// chunk (a second function of its split point): the study page reads its
/// session's topics with it, where other pages fetch the `deck_reader`
/// chunk. The code is in both, and in both their packs.
#[leptos::wasm_split::wasm_split(study, fallible, wasm_split_path = ::leptos::wasm_split)]
fn session_reader() -> Result<Filler, ChunkMissing> {
    Ok(|store, topics| Box::pin(store.fill_topics(topics)))
}

/// `shipped` followed by the imported decks in storage, and those decks.
/// Their stored text is read by the parser's chunk too, so a learner
/// without imported decks loads neither.
async fn with_stored_imports(
    shipped: Arc<Deck>,
) -> Result<(Arc<Deck>, Vec<ImportedDeck>), ChunkMissing> {
    let Some(text) = storage::imported_decks_text() else {
        return Ok((shipped, Vec::new()));
    };
    let parser = deck_parser().await?;
    let imported = (parser.read)(&text);
    let deck = (parser.combine)(&shipped, &imported).map_or(shipped, Arc::new);
    Ok((deck, imported))
}

/// `shipped` followed by the imported decks. Imported decks were checked on
/// import, so a failure to parse them here means tampered storage: then
/// `shipped` alone.
async fn with_imported(
    shipped: Arc<Deck>,
    imported: &[ImportedDeck],
) -> Result<Arc<Deck>, ChunkMissing> {
    if imported.is_empty() {
        return Ok(shipped);
    }
    let parser = deck_parser().await?;
    Ok((parser.combine)(&shipped, imported).map_or(shipped, Arc::new))
}

/// The deck parser and the reader of stored imports, cut into their own
/// chunk: only imported decks need them.
#[leptos::wasm_split::wasm_split(deck_parser, fallible, wasm_split_path = ::leptos::wasm_split)]
fn deck_parser() -> Result<Parser, ChunkMissing> {
    Ok(Parser {
        combine: combined,
        read: storage::read_imported_decks,
    })
}

struct Parser {
    combine: fn(&Deck, &[ImportedDeck]) -> Result<Deck, Vec<DeckError>>,
    read: fn(&str) -> Vec<ImportedDeck>,
}

/// Fetching topics' text, reading it and filling the deck in, cut into a
/// chunk of its own (fetched beside a route's code, and small, so the
/// topics' files follow it at once): the first load carries none of it.
#[leptos::wasm_split::wasm_split(deck_reader, fallible, wasm_split_path = ::leptos::wasm_split)]
fn topic_loader() -> Result<TopicLoader, ChunkMissing> {
    Ok(TopicLoader {
        topics: |store, topics| Box::pin(store.fill_topics(topics)),
    })
}

type Loading = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), ChunkMissing>>>>;

/// Fills the deck in with the text of some topics (all, with `None`).
type Filler = fn(StudyStore, Option<Vec<String>>) -> Loading;

struct TopicLoader {
    topics: Filler,
}

/// Reads the learner's progress. A first visit has none, and needs no
/// reader; saved progress of any schema is read by a chunk of its own,
/// fetched while the deck's outline downloads, so the first load of a
/// first-time visitor carries neither the reader nor the migrations.
pub async fn load_progress() -> LoadedProgress {
    let Some(text) = storage::progress_text() else {
        return LoadedProgress {
            progress: Progress::default(),
            problem: None,
        };
    };
    match reader().await {
        Ok(read) => storage::load_progress(text, read),
        // Saves merge what is stored, so starting afresh loses nothing.
        Err(ChunkMissing) => LoadedProgress {
            progress: Progress::default(),
            problem: Some(
                "Your saved progress could not be opened just now. Check your connection, then reload."
                    .to_owned(),
            ),
        },
    }
}

/// Reading progress of any schema, cut into its own chunk.
#[leptos::wasm_split::wasm_split(progress_reader, fallible, wasm_split_path = ::leptos::wasm_split)]
fn progress_reader() -> Result<ProgressReader, ChunkMissing> {
    Ok(Progress::from_json)
}

thread_local! {
    /// The reader, once its chunk is here: saves use it at once from then on.
    static READER: std::cell::Cell<Option<ProgressReader>> = const { std::cell::Cell::new(None) };
}

/// The progress reader, fetched once: to read saved progress at start, and
/// for a save after another tab has saved (fetched ahead of that, when a
/// card is revealed: [`StudyStore::prepare_to_save`]). So a page that
/// saves does not carry it.
async fn reader() -> Result<ProgressReader, ChunkMissing> {
    crate::lazy::kept(&READER, progress_reader).await
}

/// Taking in another tab's save, cut into its own chunk: a page that only
/// shows progress needs neither the merge nor the save.
#[leptos::wasm_split::wasm_split(other_tab, fallible, wasm_split_path = ::leptos::wasm_split)]
fn other_tab() -> Result<fn(StudyStore, &str), ChunkMissing> {
    Ok(take_other_tab)
}

fn take_other_tab(store: StudyStore, text: &str) {
    let Ok(theirs) = Progress::from_json(text) else {
        return;
    };
    let mut ahead = false;
    store.progress.update(|p| ahead = p.take_other_tab(&theirs));
    if ahead {
        store.persist();
    }
}

impl StudyStore {
    pub fn provide(decks: Decks, loaded: LoadedProgress) {
        let Decks {
            deck,
            imported,
            problem: deck_problem,
        } = decks;
        let store = StudyStore {
            deck: RwSignal::new(deck),
            imported: RwSignal::new(imported),
            progress: RwSignal::new(loaded.progress),
            problem: RwSignal::new(match (loaded.problem, deck_problem) {
                (Some(a), Some(b)) => Some(format!("{a} {b}")),
                (a, b) => a.or(b),
            }),
        };
        // Another tab saved: take it in, and write back what it lacks. If
        // the chunk cannot be fetched, the next save still merges it.
        storage::watch_progress(move |theirs| {
            leptos::task::spawn_local(async move {
                if let Ok(take) = other_tab().await {
                    take(store, &theirs);
                }
            });
        });
        provide_context(store);
    }

    pub fn deck(&self) -> Arc<Deck> {
        self.deck.get()
    }

    /// The text of `topics` (every shipped topic, with `None`), fetched if
    /// it has not been, by the `deck_reader` chunk.
    pub async fn load_topics(self, topics: Option<Vec<String>>) -> Result<(), ChunkMissing> {
        (topic_loader().await?.topics)(self, topics).await
    }

    async fn fill_topics(self, topics: Option<Vec<String>>) -> Result<(), ChunkMissing> {
        let Some(shipped) = content::with_topics(topics)
            .await
            .map_err(|_| ChunkMissing)?
        else {
            return Ok(());
        };
        let imported = self.imported.get_untracked();
        let deck = with_imported(shipped, &imported).await?;
        self.deck.set(deck);
        // Reading the deck and drawing what waited for it are two tasks,
        // not one long one.
        crate::lazy::next_task().await;
        Ok(())
    }

    /// The scope `?topic=` names: that topic if the deck has it, else all.
    pub fn scope(&self, topic: Option<String>) -> Scope {
        match topic {
            Some(topic) if self.deck.with(|d| d.topic(&topic).is_some()) => Scope::Topic(topic),
            _ => Scope::All,
        }
    }

    pub fn imported(&self) -> Vec<ImportedDeck> {
        self.imported.get()
    }

    /// Adds a learner's deck file, or replaces the one saved under the same
    /// name (in its place), or says exactly what is wrong with it. Returns
    /// the deck's title.
    pub fn import_deck(&self, file: String, text: String) -> Result<String, Vec<String>> {
        let mut decks = stored_imports();
        match decks.iter_mut().find(|d| d.file == file) {
            Some(saved) => saved.text = text,
            None => decks.push(ImportedDeck {
                file: file.clone(),
                text,
            }),
        }
        let shipped = content::shipped_now();
        let deck = combined(&shipped, &decks)
            .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
        storage::save_imported_decks(&decks).map_err(|e| vec![e.0])?;
        let title = deck
            .topic(topic_id(&file))
            .map(|t| t.title.clone())
            .unwrap_or_default();
        self.imported.set(decks);
        self.deck.set(Arc::new(deck));
        Ok(title)
    }

    /// Deletes an imported deck. Its cards' progress stays: it is kept by
    /// card id, and comes back to life if the deck is imported again.
    pub fn remove_imported(&self, file: &str) -> Result<(), String> {
        let mut decks = stored_imports();
        decks.retain(|d| d.file != file);
        storage::save_imported_decks(&decks).map_err(|e| e.0)?;
        if let Ok(deck) = combined(&content::shipped_now(), &decks) {
            self.deck.set(Arc::new(deck));
        }
        self.imported.set(decks);
        Ok(())
    }

    /// Reads today's queue for `scope`; reactive on progress.
    pub fn today<R>(&self, scope: &Scope, f: impl FnOnce(&Today) -> R) -> R {
        let deck = self.deck();
        self.progress.with(|p| {
            f(&Today::new(
                &deck,
                p,
                scope.clone(),
                clock::now(),
                &BrowserClock,
            ))
        })
    }

    /// Today's plan for the home page; reactive on progress.
    pub fn plan(&self) -> Plan {
        let deck = self.deck();
        self.progress
            .with(|p| Plan::new(&deck, p, clock::now(), &BrowserClock))
    }

    pub fn counts(&self, scope: &Scope) -> Counts {
        self.today(scope, |t| t.counts())
    }

    /// The four outcomes for the grade buttons.
    pub fn preview(&self, card: &Card) -> [Outcome; 4] {
        self.progress
            .with(|p| scheduler(p).preview(p.memory(&card.id), clock::now()))
    }

    /// Grades a card, saves, and returns how to take it back.
    pub fn answer(&self, card: &Card, grade: Grade) -> (Outcome, Undo) {
        let now = clock::now();
        let mut result = None;
        self.progress.update(|p| {
            let outcome = scheduler(p).review(p.memory(&card.id), grade, now);
            let undo = p.record(&card.id, &outcome, now);
            result = Some((outcome, undo));
        });
        self.persist();
        if self.progress.with_untracked(|p| p.reviews.len() == 1) {
            storage::request_persistence();
        }
        result.expect("update ran")
    }

    /// Takes back the last answer. Other tabs' reviews are folded in first,
    /// so that writing back cannot bring the undone review back to life
    /// (with the reader, which revealing the card fetched; another tab's
    /// saves are also taken in as they come, by `take_other_tab`).
    pub fn undo(&self, undo: Undo) -> bool {
        if let Some(stored) = READER.get().and_then(storage::stored_progress) {
            self.progress.update(|p| p.merge(&stored));
        }
        let mut undone = false;
        self.progress.update(|p| undone = p.undo(undo));
        if undone {
            if let Err(e) = self.progress.with_untracked(storage::replace_progress) {
                self.problem.set(Some(e.0));
            }
        }
        undone
    }

    pub fn settings(&self) -> Settings {
        self.progress.with(|p| p.settings.clone())
    }

    pub fn set_settings(&self, settings: Settings) {
        self.progress.update(|p| p.settings = settings);
        self.persist();
    }

    /// The whole progress, for export.
    pub fn progress_json(&self) -> String {
        self.progress.with_untracked(Progress::to_json)
    }

    /// Imports exported progress, merged into ours or replacing it.
    pub fn import_progress(&self, text: &str, replace: bool) -> Result<(), String> {
        let theirs = Progress::from_json(text).map_err(|e| e.to_string())?;
        let next = if replace {
            theirs
        } else {
            let mut ours = self.progress.get_untracked();
            ours.merge(&theirs);
            ours
        };
        storage::replace_progress(&next).map_err(|e| e.0)?;
        self.progress.set(next);
        Ok(())
    }

    /// Forgets every review and card memory; settings stay.
    pub fn reset(&self) -> Result<(), String> {
        let fresh = Progress {
            settings: self.settings(),
            ..Progress::default()
        };
        storage::replace_progress(&fresh).map_err(|e| e.0)?;
        self.progress.set(fresh);
        Ok(())
    }

    /// Makes the cards behind missed quiz questions due now.
    pub fn mark_missed(&self, cards: &[String]) {
        if cards.is_empty() {
            return;
        }
        let now = clock::now();
        self.progress.update(|p| p.mark_missed(cards, now));
        self.persist();
    }

    /// Reactive access for statistics.
    pub fn with_progress<R>(&self, f: impl FnOnce(&Progress) -> R) -> R {
        self.progress.with(f)
    }

    /// Starts fetching what saving needs, if it has not come yet: the study
    /// page calls this when a card is revealed, before its grade is saved.
    pub fn prepare_to_save(&self) {
        if READER.get().is_none() {
            leptos::task::spawn_local(async {
                let _ = reader().await;
            });
        }
    }

    /// Saves progress at once, unless another tab saved since this one
    /// last did and the reader of its save has not come yet: then once it
    /// has been fetched.
    fn persist(&self) {
        if self.persist_with(READER.get()) {
            return;
        }
        let store = *self;
        leptos::task::spawn_local(async move {
            match reader().await {
                Ok(read) => {
                    store.persist_with(Some(read));
                }
                Err(ChunkMissing) => store.problem.set(Some(
                    "Your progress could not be saved just now. Check your connection: it is saved with your next answer."
                        .to_owned(),
                )),
            }
        });
    }

    /// Saves progress with `read`, if it can; whether it could.
    fn persist_with(&self, read: Option<ProgressReader>) -> bool {
        let saved = self
            .progress
            .with_untracked(|p| storage::save_progress(p, read));
        match saved {
            Ok(None) => return false,
            // Only a merge that brought something new needs a redraw.
            Ok(Some(merged)) => {
                if self.progress.with_untracked(|p| *p != merged) {
                    self.progress.set(merged);
                }
            }
            Err(e) => self.problem.set(Some(e.0)),
        }
        true
    }
}

/// The shipped deck followed by the imported ones; ids must not clash.
/// The imported decks as stored, read afresh: if they could not be read
/// when the app started, an import or a removal must not drop them.
fn stored_imports() -> Vec<ImportedDeck> {
    storage::imported_decks_text()
        .map(|text| storage::read_imported_decks(&text))
        .unwrap_or_default()
}

fn combined(shipped: &Deck, imported: &[ImportedDeck]) -> Result<Deck, Vec<DeckError>> {
    shipped.with_imported(imported.iter().map(|d| (d.file.as_str(), d.text.as_str())))
}

fn scheduler(p: &Progress) -> Scheduler {
    Scheduler::new(p.settings.desired_retention)
}

pub fn use_study() -> StudyStore {
    expect_context::<StudyStore>()
}
