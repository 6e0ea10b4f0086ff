//! `/study`: the review loop. Space reveals, 1–4 grade, U undoes, ? shows
//! the keys. `?topic=<id>` narrows the session to one topic.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use wasm_bindgen::JsCast;

use keydeck_study::card::{markup, Card};
use keydeck_study::html;
use keydeck_study::queue::Scope;
use keydeck_study::review::{cram_choice, ReviewSession};
use keydeck_study::schedule::{Grade, Interval};
use keydeck_study::wording::count;

use crate::clock;
use crate::components::decks_panel::DecksPanel;
use crate::components::deferred::Deferred;
use crate::components::flashcard::Flashcard;
use crate::components::lab_links::LabLinks;
use crate::components::modal::Modal;
use crate::components::notice::Notice;
use crate::components::page_header::PageHeader;
use crate::components::progress_bar::ProgressBar;
use crate::components::study_settings::StudySettings;
use crate::keys::Focused;
use crate::lazy::ChunkMissing;
use crate::scroll::reveal_above;
use crate::study_store::{use_study, StudyStore};

/// Everything the page's controls act on.
#[derive(Clone, Copy)]
struct StudyActions {
    store: StudyStore,
    scope: Memo<Scope>,
    revealed: RwSignal<bool>,
    review: RwSignal<ReviewSession>,
    help: RwSignal<bool>,
    current: Memo<Option<Card>>,
    /// The views the page shows only on request, once fetched.
    more: RwSignal<Option<Result<More, ChunkMissing>>>,
    /// Where fetching them stands.
    asked: StoredValue<Asked>,
    /// A grade given before [`More`] came, given once it has.
    pending: StoredValue<Option<Grade>>,
}

/// How far fetching [`More`] has gone.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Asked {
    Not,
    Fetching,
    /// Asked for again while fetching.
    Again,
    Done,
}

/// What the study page needs only once a card is revealed, or on request:
/// grading (the scheduler, saving and undoing), the settings' controls,
/// the keys' help and a finished session. Their code is a chunk of its
/// own, fetched when the learner first points at or reveals a card, opens
/// the settings or the help, or runs out of cards, so a first visit's card
/// is readable without it.
#[derive(Clone, Copy)]
struct More {
    /// Each grade's next interval for a card, in [`Grade::ALL`]'s order.
    intervals: fn(StudyStore, &Card) -> [String; 4],
    /// Grades a card and saves.
    answer: fn(StudyActions, &Card, Grade),
    /// Takes back the last answer.
    undo: fn(StudyActions),
    settings: fn() -> AnyView,
    help: fn(RwSignal<bool>) -> AnyView,
    finished: fn(StudyActions) -> AnyView,
}

#[leptos::wasm_split::wasm_split(study_more, fallible, wasm_split_path = ::leptos::wasm_split)]
fn more() -> Result<More, ChunkMissing> {
    Ok(More {
        intervals: |store, card| {
            store
                .preview(card)
                .map(|o| Interval(o.interval).to_string())
        },
        answer: |study, card, grade| {
            let (outcome, undo) = study.store.answer(card, grade);
            study.review.update(|r| r.answered(&outcome, undo));
        },
        undo: |study| {
            let Some(last) = study
                .review
                .try_update(ReviewSession::take_last_answer)
                .flatten()
            else {
                return;
            };
            if study.store.undo(last.clone()) {
                study.review.update(|r| r.undone(&last));
                study.revealed.set(false);
            }
        },
        settings: || view! { <StudySettings/> }.into_any(),
        help: |open| view! { <KeyHelp open/> }.into_any(),
        finished: |study| view! { <Finished study/> }.into_any(),
    })
}

impl StudyActions {
    /// Fetches [`More`] once; after a failure, the next request tries
    /// again.
    ///
    /// A request while a fetch is under way that then fails (a settings
    /// panel closed and opened again as the connection came back) tries
    /// once more at once, as if it had come after the failure.
    fn want_more(self) {
        match self.asked.get_value() {
            Asked::Not => self.asked.set_value(Asked::Fetching),
            Asked::Fetching => {
                self.asked.set_value(Asked::Again);
                return;
            }
            Asked::Again | Asked::Done => return,
        }
        leptos::task::spawn_local(async move {
            let fetched = loop {
                let fetched = more().await;
                if fetched.is_ok() || self.asked.get_value() != Asked::Again {
                    break fetched;
                }
                self.asked.set_value(Asked::Fetching);
            };
            self.asked.set_value(if fetched.is_ok() {
                Asked::Done
            } else {
                Asked::Not
            });
            self.more.set(Some(fetched));
            if let Some(grade) = self.pending.try_update_value(Option::take).flatten() {
                self.grade(grade);
            }
        });
    }

    fn toggle_help(self) {
        self.help.update(|h| *h = !*h);
        self.want_more();
    }

    fn grade(self, grade: Grade) {
        let Some(card) = self.current.get_untracked() else {
            return;
        };
        if !self.revealed.get_untracked() {
            return;
        }
        if self.review.with_untracked(ReviewSession::is_cramming) {
            self.review.update(|r| r.crammed(grade));
        } else if let Some(Ok(more)) = self.more.get_untracked() {
            (more.answer)(self, &card, grade);
        } else {
            // Grading's code is on its way: revealing the card fetched it.
            self.pending.set_value(Some(grade));
            self.want_more();
            return;
        }
        self.revealed.set(false);
    }

    /// An answer was given, so grading's code has come.
    fn undo(self) {
        if let Some(Ok(more)) = self.more.get_untracked() {
            (more.undo)(self);
        }
    }

    fn cramming(self) -> bool {
        self.review.with(ReviewSession::is_cramming)
    }

    fn on_key(self, ev: KeyboardEvent) {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || Focused::of(&ev).owns(&ev.key()) {
            return;
        }
        match ev.key().as_str() {
            " " | "Enter"
                if self.current.get_untracked().is_some() && !self.revealed.get_untracked() =>
            {
                ev.prevent_default();
                self.revealed.set(true);
            }
            "1" | "2" | "3" | "4" => {
                let key = ev.key().parse::<u8>().unwrap_or(0);
                if let Some(grade) = Grade::from_key(key) {
                    self.grade(grade);
                }
            }
            "u" | "U" => self.undo(),
            "?" => self.toggle_help(),
            "Escape" => self.help.set(false),
            _ => {}
        }
    }
}

crate::lazy::lazy_route!(
    StudyRoute,
    study,
    study_view,
    view! { <Study/> },
    style = "study",
    ready = crate::study_store::load_session()
);

#[component]
pub fn Study() -> impl IntoView {
    let store = use_study();
    let query = use_query_map();
    let scope = Memo::new(move |_| store.scope(query.with(|q| q.get("topic"))));
    let review = RwSignal::new(ReviewSession::new());
    let current = Memo::new(move |_| {
        let deck = store.deck();
        review.with(|r| r.card(&deck, || store.today(&scope.get(), |t| t.next_card())))
    });
    let study = StudyActions {
        store,
        scope,
        revealed: RwSignal::new(false),
        review,
        help: RwSignal::new(false),
        current,
        more: RwSignal::new(None),
        asked: StoredValue::new(Asked::Not),
        pending: StoredValue::new(None),
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| study.on_key(ev));
    on_cleanup(move || keys.remove());

    view! {
        <PageHeader title="Study" heading="Study">
            "Review the cards that are due, then learn new ones."
            <span class="key-legend">" Press " <kbd>"?"</kbd> " for the keys."</span>
        </PageHeader>
        <ScopePicker scope=scope/>
        // The session's bars a task after the topic menu, the card a task
        // after them, and the settings one more: a deep link's first render
        // is then four tasks, not one long one, and its rendered page stays
        // in view until all four have drawn (crate::boot).
        <Deferred>
            <SessionProgress study=study/>
        </Deferred>
        <Deferred>
            {move || match current.get() {
                Some(card) if crate::content::lacks_text(&card.topic) => {
                    view! { <CardText topic=card.topic store=store/> }.into_any()
                }
                Some(card) => view! { <CardView card=card study=study/> }.into_any(),
                None => view! { <FinishedWhenFetched study=study/> }.into_any(),
            }}
            <UndoButton study=study/>
        </Deferred>
        <Deferred>
            // Saving a setting needs the progress reader: fetched on opening.
            <details class="panel settings" on:toggle=move |_| {
                store.prepare_to_save();
                study.want_more();
            }>
                <summary>"Study settings"</summary>
                <Notice
                    class="problem"
                    role="alert"
                    text="The settings could not be loaded. Check your connection, then close and open them again."
                    when=Signal::derive(move || matches!(study.more.get(), Some(Err(ChunkMissing))))
                />
                {move || study.more.get().and_then(Result::ok).map(|more| (more.settings)())}
            </details>
            <DecksPanel/>
            {move || study.more.get().and_then(Result::ok).map(|more| (more.help)(study.help))}
        </Deferred>
    }
}

#[component]
fn ScopePicker(scope: Memo<Scope>) -> impl IntoView {
    let store = use_study();
    let navigate = use_navigate();
    let selected = move || match scope.get() {
        Scope::All => String::new(),
        Scope::Topic(t) => t,
    };
    // The topics with their counts, as markup: rebuilt after each answer.
    let options = move || {
        let deck = store.deck();
        let all = store.counts(&Scope::All).label("All topics");
        let topics: Vec<(&str, String)> = deck
            .topics
            .iter()
            .map(|t| {
                let c = store.counts(&Scope::Topic(t.id.clone()));
                (t.id.as_str(), c.label(&t.title))
            })
            .collect();
        let items = std::iter::once(("", all.as_str()))
            .chain(topics.iter().map(|(id, label)| (*id, label.as_str())));
        html::options(items, &selected())
    };
    let labs = Signal::derive(move || {
        store
            .deck()
            .topic(&selected())
            .map(|t| t.labs.clone())
            .unwrap_or_default()
    });
    view! {
        <div class="study-toolbar">
            <label for="study-scope">"Topic"</label>
            <select
                id="study-scope"
                data-live
                inner_html=options
                prop:value=selected
                on:change=move |ev| {
                    let topic = event_target_value(&ev);
                    let url = if topic.is_empty() { "/study".to_owned() } else { format!("/study?topic={topic}") };
                    navigate(&url, Default::default());
                }
            ></select>
            <LabLinks labs=labs/>
        </div>
    }
}

#[component]
fn SessionProgress(study: StudyActions) -> impl IntoView {
    let counts = Memo::new(move |_| study.store.counts(&study.scope.get()));
    let remaining = move || counts.get().left();
    let done = move || study.review.with(|r| r.tally().total());
    let percent = move || study.review.with(|r| r.tally().percent_done(remaining()));
    view! {
        <div class="session-progress">
            <ProgressBar label="Session progress" percent=Signal::derive(move || percent() as u32)/>
            <p class="session-counts" data-live>
                <span data-testid="done-count">{done}</span> " done · "
                <span data-testid="left-count">{remaining}</span> " left today"
                <span class="last-answer" data-testid="last-answer" aria-live="polite">{move || study.review.with(|r| r.announcement().map(str::to_owned))}</span>
            </p>
            <p class="session-kinds" data-live inner_html=move || counts.get().markup()></p>
        </div>
    }
}

#[component]
fn CardView(card: Card, study: StudyActions) -> impl IntoView {
    let store = study.store;
    let topic_title = store.deck().topic_title(&card.topic).to_owned();
    let revealed = study.revealed;
    let on_grade = Callback::new(move |g: Grade| study.grade(g));
    let previewed = card.clone();
    let cramming = move || study.cramming();
    // A revealed answer is scrolled up out from under the sticky grade
    // bar, as far as its start can go without passing under the top bar.
    let actions = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if revealed.get() {
            // The grade that follows is saved with what saving needs, and
            // the session's end may follow too.
            store.prepare_to_save();
            study.want_more();
            // The card may be answered and gone by the next frame.
            request_animation_frame(move || {
                let answer = document().query_selector(".flashcard .card-answer");
                if let (Some(Some(bar)), Ok(Some(answer))) = (actions.try_get_untracked(), answer) {
                    reveal_above(&answer, bar.get_bounding_client_rect().top());
                }
            });
        }
    });
    // Which count the card is from, as it was drawn; cramming draws
    // outside the queue.
    let queued = untrack(|| {
        (!study.cramming()).then(|| store.today(&study.scope.get(), |t| t.queued_as(&card)))
    });
    // Each grade's interval once grading's code has come; the buttons work
    // before that, their grade given as it comes.
    let intervals = Memo::new(move |_| match study.more.get() {
        Some(Ok(more)) if !cramming() => Some((more.intervals)(store, &previewed)),
        _ => None,
    });
    // The grade buttons are markup (`markup::grades`): a click on one
    // gives its grade, and each interval is written in once grading's code
    // has come.
    let grade_buttons = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let shown = intervals.get();
        let Some(Ok(spans)) = grade_buttons
            .get()
            .map(|b| b.query_selector_all(".grade-interval"))
        else {
            return;
        };
        for (i, span) in (0..spans.length())
            .filter_map(|i| spans.item(i))
            .enumerate()
        {
            span.set_text_content(
                shown
                    .as_ref()
                    .and_then(|all| all.get(i))
                    .map(String::as_str),
            );
        }
    });
    let on_grade_click = move |ev: leptos::ev::MouseEvent| {
        let grade = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-grade]").ok().flatten())
            .and_then(|button| button.get_attribute("data-grade"))
            .and_then(|key| key.parse().ok())
            .and_then(Grade::from_key);
        if let Some(grade) = grade {
            study.grade(grade);
        }
    };
    view! {
        // Shown in turn, as the notices are: no view to swap in.
        <p class="cram-banner" hidden=move || !cramming()>
            "Cram mode: your answers here do not change when cards are due. "
            <button type="button" class="text-button" on:click=move |_| study.review.update(ReviewSession::stop_cram)>"Stop cramming"</button>
        </p>
        <Flashcard card=card topic_title=topic_title queued=queued revealed=revealed on_grade=on_grade attr:data-live=""/>
        // The grades and "Show answer" each shown in turn, not drawn anew.
        <div class="study-actions" node_ref=actions>
            <div
                class="grades"
                role="group"
                aria-label="How well did you remember?"
                hidden=move || !revealed.get()
                node_ref=grade_buttons
                inner_html=markup::grades()
                on:click=on_grade_click
            ></div>
            <Notice
                class="problem"
                role="alert"
                text="Grading could not be downloaded. Check your connection, then choose a grade again."
                when=Signal::derive(move || revealed.get() && matches!(study.more.get(), Some(Err(ChunkMissing))))
            />
            // Pointing at the button fetches grading's code ahead of the click.
            <button
                type="button"
                class="button reveal"
                aria-keyshortcuts="Space"
                hidden=move || revealed.get()
                on:pointerenter=move |_| study.want_more()
                on:focus=move |_| study.want_more()
                on:click=move |_| revealed.set(true)
            >
                "Show answer" <kbd>"Space"</kbd>
            </button>
        </div>
    }
}

/// A card whose topic's text has not come: fetched now, and the card
/// drawn once it has (the route fetched its session's topics, so this is
/// a topic picked since, or a topic crammed).
#[component]
fn CardText(topic: String, store: StudyStore) -> impl IntoView {
    let missing = RwSignal::new(false);
    let fetch = move |topic: String| {
        missing.set(false);
        leptos::task::spawn_local(async move {
            if store.load_topics(Some(vec![topic])).await.is_err() {
                missing.set(true);
            }
        });
    };
    fetch(topic.clone());
    view! {
        <Notice
            class="route-loading"
            role="status"
            text="Loading the card…"
            when=Signal::derive(move || !missing.get())
        />
        <section class="panel problem" role="alert" hidden=move || !missing.get()>
            <p>"The cards of this topic could not be downloaded. Check your connection, then try again."</p>
            <button type="button" class="button" on:click=move |_| fetch(topic.clone())>"Try again"</button>
        </section>
    }
}

/// The finished session's view from [`More`], fetched now if it has not
/// been; until it comes, a line saying so.
#[component]
fn FinishedWhenFetched(study: StudyActions) -> impl IntoView {
    view! {
        <Notice
            class="route-loading"
            role="status"
            text="Loading…"
            when=Signal::derive(move || study.more.get().is_none())
        />
        {move || match study.more.get() {
            Some(Ok(more)) => Some((more.finished)(study)),
            Some(Err(ChunkMissing)) => Some(view! { <crate::lazy::ChunkMissingView/> }.into_any()),
            None => {
                study.want_more();
                None
            }
        }}
    }
}

#[component]
fn Finished(study: StudyActions) -> impl IntoView {
    let store = study.store;
    let next_due = move || store.today(&study.scope.get(), |t| t.next_due());
    let tally = move || study.review.with(ReviewSession::tally);
    view! {
        <section class="panel finished" aria-live="polite" data-live>
            {move || {
                let t = tally();
                if t.total() > 0 {
                    view! {
                        <h2>"Session complete"</h2>
                        <p>{format!("You reviewed {}.", count(t.total(), "card"))}</p>
                        <ul class="tally">
                            {Grade::ALL.iter().map(|g| view! {
                                <li class=format!("tally-{}", g.label().to_ascii_lowercase())>
                                    <strong>{t.of(*g)}</strong> " " {g.label()}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                } else {
                    view! {
                        <h2>"Nothing is due"</h2>
                        <p>"You are up to date with this selection."</p>
                    }.into_any()
                }
            }}
            <Show when=move || study.cramming()>
                <p>"You went through every card of the topic. "
                    <button type="button" class="text-button" on:click=move |_| study.review.update(ReviewSession::stop_cram)>"Leave cram mode"</button>
                </p>
            </Show>
            <CramOffer study=study/>
            <p class="next-due">
                {move || match next_due() {
                    Some(due) => format!("The next card is due {}.", clock::describe_due(due, clock::now())),
                    None => "No studied cards yet: new cards appear here within your daily limit.".to_owned(),
                }}
            </p>
        </section>
    }
}

/// When nothing is due, offer to go through a topic anyway.
#[component]
fn CramOffer(study: StudyActions) -> impl IntoView {
    let deck = study.store.deck();
    let choice = RwSignal::new(cram_choice(&study.scope.get_untracked(), &deck));
    let topics: Vec<(String, String)> = deck
        .topics
        .iter()
        .map(|t| (t.id.clone(), t.title.clone()))
        .collect();
    view! {
        <Show when=move || !study.cramming()>
            <div class="cram-offer">
                <label for="cram-topic">"Cram a topic anyway"</label>
                <select id="cram-topic" on:change=move |ev| choice.set(event_target_value(&ev))>
                    {topics.iter().map(|(id, title)| {
                        let id = id.clone();
                        let selected = id == choice.get_untracked();
                        view! { <option value=id selected=selected>{title.clone()}</option> }
                    }).collect_view()}
                </select>
                <button type="button" class="button" on:click=move |_| {
                    study.revealed.set(false);
                    study.review.update(|r| r.start_cram(choice.get_untracked()));
                }>"Start cramming"</button>
            </div>
        </Show>
    }
}

#[component]
fn UndoButton(study: StudyActions) -> impl IntoView {
    view! {
        <button
            type="button"
            class="text-button undo"
            aria-keyshortcuts="U"
            hidden=move || !study.review.with(ReviewSession::can_undo)
            on:click=move |_| study.undo()
        >
            "Undo last answer" <kbd>"U"</kbd>
        </button>
    }
}

#[component]
fn KeyHelp(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <Modal open=open labelledby="help-title" class="help">
            <h2 id="help-title">"Keyboard shortcuts"</h2>
            <dl>
                <dt><kbd>"Space"</kbd></dt><dd>"Show the answer"</dd>
                <dt><kbd>"1"</kbd></dt><dd>"Again: forgotten"</dd>
                <dt><kbd>"2"</kbd></dt><dd>"Hard: recalled with effort"</dd>
                <dt><kbd>"3"</kbd></dt><dd>"Good: recalled"</dd>
                <dt><kbd>"4"</kbd></dt><dd>"Easy: recalled at once"</dd>
                <dt><kbd>"U"</kbd></dt><dd>"Undo the last answer"</dd>
                <dt><kbd>"?"</kbd></dt><dd>"Show or hide this help"</dd>
            </dl>
            <p>"On a touch screen, tap the card to reveal it, then swipe right for Good or left for Again."</p>
            <button type="button" class="button" autofocus on:click=move |_| open.set(false)>"Close"</button>
        </Modal>
    }
}
