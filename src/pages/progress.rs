//! `/progress`: the dashboard, from the review log in this browser, and the
//! learner's data (export, import, reset).

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

use keydeck_study::quiz::PASS_PERCENT;
use keydeck_study::stats::retention::MATURE_INTERVAL_DAYS;
use keydeck_study::stats::{Dashboard, Streak, Totals};
use keydeck_study::wording::count;

use crate::clock::{self, BrowserClock};
use crate::components::charts::{DueForecast, MasteryBars, RetentionTableView, ReviewHeatmap};
use crate::components::notice::Notice;
use crate::components::page_header::PageHeader;
use crate::components::your_data::YourData;
use crate::lazy::ChunkMissing;
use crate::quiz_session::{self, QuizRecord};
use crate::storage::{self, keys};
use crate::study_store::{use_study, StudyStore};
use crate::walkthrough_records;
use keydeck_lab_protocol::wording::lab_name;
use keydeck_lab_protocol::LabProgress;
use keydeck_study::walkthrough::{builtin, Completions};

/// What the learner kept: finished quizzes, walkthroughs watched to the
/// end, labs' tasks done.
#[derive(Default)]
struct Records {
    quizzes: Vec<QuizRecord>,
    walkthroughs: Completions,
    labs: LabProgress,
}

thread_local! {
    /// The records the route's `ready` read, taken as the page draws.
    static READ: RefCell<Option<Records>> = const { RefCell::new(None) };
    /// The dashboard's code, once fetched.
    static DASHBOARD: Cell<Option<DrawDashboard>> = const { Cell::new(None) };
}

/// Draws the dashboard (headline figures and charts) from the progress
/// stored, following it.
type DrawDashboard = fn(StudyStore) -> AnyView;

/// Reading the records needs the JSON reader and chrono's parser of dates:
/// a chunk of its own, which a learner who kept none never fetches.
#[leptos::wasm_split::wasm_split(progress_records, fallible, wasm_split_path = ::leptos::wasm_split)]
fn records_reader() -> Result<fn() -> Records, ChunkMissing> {
    Ok(|| Records {
        quizzes: quiz_session::history(),
        walkthroughs: walkthrough_records::completed(),
        labs: storage::lab_progress(),
    })
}

/// The statistics and the charts: a chunk of its own, fetched only once
/// there are reviews to draw them from.
#[leptos::wasm_split::wasm_split(dashboard, fallible, wasm_split_path = ::leptos::wasm_split)]
fn dashboard_code() -> Result<DrawDashboard, ChunkMissing> {
    Ok(|store| {
        let deck = store.deck();
        let d = store.with_progress(|p| Dashboard::new(&deck, p, clock::now(), &BrowserClock));
        view! { <Charts d/> }.into_any()
    })
}

/// Fetches the dashboard's code, once.
async fn load_dashboard() -> Result<DrawDashboard, ChunkMissing> {
    crate::lazy::kept(&DASHBOARD, dashboard_code).await
}

/// What the page needs before it draws: the records, read only when one
/// was kept, and the dashboard's code, only when there are reviews.
async fn ready() -> Result<(), ChunkMissing> {
    let store = use_study();
    let reviewed = untrack(|| store.with_progress(|p| !p.reviews.is_empty()));
    let records = async {
        let kept = [
            keys::QUIZ_HISTORY,
            keys::WALKTHROUGHS_COMPLETED,
            keys::LAB_PROGRESS,
        ]
        .into_iter()
        .any(|key| storage::load_text(key).is_some());
        let records = if kept {
            (records_reader().await?)()
        } else {
            Records::default()
        };
        READ.with(|r| *r.borrow_mut() = Some(records));
        Ok::<(), ChunkMissing>(())
    };
    let dashboard = async {
        if reviewed {
            load_dashboard().await.map(|_| ())
        } else {
            Ok(())
        }
    };
    let (records, dashboard) = futures_util::future::join(records, dashboard).await;
    records.and(dashboard)
}

/// The records `ready` read (empty if called before it).
fn read_records() -> Records {
    READ.with(|r| r.borrow_mut().take()).unwrap_or_default()
}

#[component]
fn Headline(streak: Streak, totals: Totals) -> impl IntoView {
    let days = |n: usize| count(n, "day");
    view! {
        <dl class="headline">
            <div><dt>"Current streak"</dt><dd data-testid="streak">{days(streak.current)}</dd></div>
            <div><dt>"Longest streak"</dt><dd>{days(streak.longest)}</dd></div>
            <div><dt>"Reviews today"</dt><dd data-testid="reviews-today">{totals.reviews_today}</dd></div>
            <div><dt>"All reviews"</dt><dd data-testid="reviews-total">{totals.reviews}</dd></div>
            <div><dt>"Cards studied"</dt><dd>{totals.cards_studied}</dd></div>
        </dl>
    }
}

/// Finished quizzes and exams, newest first.
#[component]
fn QuizHistory(records: Vec<QuizRecord>) -> impl IntoView {
    if records.is_empty() {
        return view! {
            <p class="hint">"Quizzes and exams you finish are listed here."</p>
            <a href="/quiz">"Take a quiz"</a>
        }
        .into_any();
    }
    let passed = records.iter().filter(|r| r.passed).count();
    let summary = format!(
        "{} finished, {passed} at or above the {PASS_PERCENT}% pass line.",
        records.len()
    );
    view! {
        <p class="hint" data-testid="quiz-summary">{summary}</p>
        <ol class="quiz-history" reversed>
            {records.into_iter().rev().take(20).map(|r| view! {
                <li>
                    <span>{clock::describe_past(r.finished_at)} " · " {r.mode.title()}</span>
                    <a href=r.link.clone()>{format!("{}/{} ({}%)", r.right, r.total, r.percent)}</a>
                </li>
            }).collect_view()}
        </ol>
    }
    .into_any()
}

/// Walkthroughs watched to their last step.
#[component]
fn WalkthroughsDone(done: Completions) -> impl IntoView {
    let total = builtin::LIST.len();
    view! {
        <p data-testid="walkthroughs-done">{format!("{} of {total} walkthroughs watched to the end", done.len())}</p>
        <ul class="quiz-history">
            {builtin::LIST.iter().filter_map(|w| Some((w, done.completed_at(w.id)?))).map(|(w, at)| view! {
                <li><a href=w.href()>{w.title}</a><span>{clock::describe_past(at)}</span></li>
            }).collect_view()}
        </ul>
        <a href="/walkthroughs">"Browse the walkthroughs"</a>
    }
}

/// Labs with tasks done, from the lab progress saved in this browser.
#[component]
fn LabsDone(progress: LabProgress) -> impl IntoView {
    view! {
        <p data-testid="labs-done">{progress.summary()}</p>
        <ul class="quiz-history">
            {progress.0.iter().filter(|(_, r)| !r.done.is_empty()).map(|(id, r)| {
                let state = if r.is_complete() {
                    "completed".to_owned()
                } else {
                    format!("{} of {} tasks", r.done.len(), r.tasks)
                };
                view! { <li><a href=format!("/labs/{id}")>{format!("{} lab", lab_name(id))}</a><span>{state}</span></li> }
            }).collect_view()}
        </ul>
        <a href="/labs">"Open the labs"</a>
    }
}

crate::lazy::lazy_route!(
    ProgressRoute,
    progress,
    progress_view,
    view! { <Progress/> },
    style = "progress",
    ready = ready()
);

/// The headline figures and the charts.
#[component]
fn Charts(d: Dashboard) -> impl IntoView {
    view! {
        <Headline streak=d.streak totals=d.totals/>
        <section class="panel chart-panel" aria-labelledby="cal-title">
            <h2 id="cal-title">"Review calendar"</h2>
            <ReviewHeatmap heatmap=d.heatmap/>
        </section>
        <div class="dashboard-grid">
            <section class="panel chart-panel" aria-labelledby="forecast-title">
                <h2 id="forecast-title">"Due in the next 30 days"</h2>
                <DueForecast forecast=d.forecast/>
            </section>
            <section class="panel chart-panel" aria-labelledby="retention-title">
                <h2 id="retention-title">"True retention"</h2>
                <p class="hint">{format!("Share of reviews of learned cards you passed (Hard, Good or Easy), as Anki counts it. Young cards have intervals under {}.", count(MATURE_INTERVAL_DAYS, "day"))}</p>
                <RetentionTableView table=d.retention/>
            </section>
        </div>
        <section class="panel chart-panel" aria-labelledby="mastery-title">
            <h2 id="mastery-title">"Mastery by topic"</h2>
            <p class="hint">{format!("Bars: cards studied, and in the darker part, mature (interval of {} or more).", count(MATURE_INTERVAL_DAYS, "day"))}</p>
            <MasteryBars topics=d.mastery/>
        </section>
    }
}

#[component]
pub fn Progress() -> impl IntoView {
    let store = use_study();
    let reviewed = Memo::new(move |_| store.with_progress(|p| !p.reviews.is_empty()));
    // The dashboard's code: here already when the page opened with
    // reviews; fetched when reviews come while it is open (an import, or
    // another tab), and again by "Try again".
    let dashboard = RwSignal::new(DASHBOARD.get().map(Ok::<_, ChunkMissing>));
    let fetching = StoredValue::new(false);
    let fetch = move || {
        if fetching.get_value() {
            return;
        }
        fetching.set_value(true);
        dashboard.set(None);
        leptos::task::spawn_local(async move {
            let loaded = load_dashboard().await;
            fetching.set_value(false);
            dashboard.set(Some(loaded));
        });
    };
    Effect::new(move |_| {
        if reviewed.get() && dashboard.with_untracked(Option::is_none) {
            fetch();
        }
    });
    let missing = Signal::derive(move || reviewed.get() && matches!(dashboard.get(), Some(Err(_))));
    let loading = Signal::derive(move || reviewed.get() && dashboard.with(Option::is_none));
    // Drawn as the page mounts, once `ready` has read them.
    let records = move || {
        let Records {
            quizzes,
            walkthroughs,
            labs,
        } = read_records();
        view! {
            <section class="panel" aria-labelledby="quiz-history-title">
                <h2 id="quiz-history-title">"Quiz history"</h2>
                <QuizHistory records=quizzes/>
            </section>
            <section class="panel" aria-labelledby="done-title">
                <h2 id="done-title">"Walkthroughs and labs"</h2>
                <WalkthroughsDone done=walkthroughs/>
                <LabsDone progress=labs/>
            </section>
        }
    };
    view! {
        <PageHeader title="Progress" heading="Your progress">
            "Reviews, retention and mastery, drawn from the history stored in this browser."
        </PageHeader>
        <Notice class="hint" role="note" text="Loading your charts…" when=loading/>
        <Notice class="problem" role="alert" text="Your charts could not be loaded. Check your connection, then try again." when=missing/>
        <p hidden=move || !missing.get()>
            <button type="button" class="button" on:click=move |_| fetch()>"Try again"</button>
        </p>
        <section class="panel empty-state" data-live hidden=reviewed>
            <h2>"No reviews yet"</h2>
            <p>"Your calendar, forecast and retention appear here once you have studied a few cards."</p>
            <a href="/study" class="button">"Study your first cards"</a>
        </section>
        {move || match dashboard.get() {
            Some(Ok(draw)) if reviewed.get() => Some(draw(store)),
            _ => None,
        }}
        <div class="dashboard-grid" data-live>{records}</div>
        <YourData/>
    }
}
