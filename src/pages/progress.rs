//! `/progress`: the dashboard, from the review log in this browser, and the
//! learner's data (export, import, reset).

use leptos::prelude::*;
use leptos_router::components::A;

use keydeck_study::quiz::PASS_PERCENT;
use keydeck_study::stats::retention::MATURE_INTERVAL_DAYS;
use keydeck_study::stats::{Dashboard, Streak, Totals};
use keydeck_study::wording::count;

use crate::clock::{self, BrowserClock};
use crate::components::charts::{DueForecast, MasteryBars, RetentionTableView, ReviewHeatmap};
use crate::components::page_header::PageHeader;
use crate::components::your_data::YourData;
use crate::quiz_session;
use crate::storage;
use crate::study_store::use_study;
use crate::walkthrough_records;
use keydeck_lab_protocol::wording::lab_name;
use keydeck_study::walkthrough::builtin;

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
fn QuizHistory() -> impl IntoView {
    let records = quiz_session::history();
    if records.is_empty() {
        return view! {
            <p class="hint">"Quizzes and exams you finish are listed here."</p>
            <A href="/quiz">"Take a quiz"</A>
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
fn WalkthroughsDone() -> impl IntoView {
    let done = walkthrough_records::completed();
    let total = builtin::LIST.len();
    view! {
        <p data-testid="walkthroughs-done">{format!("{} of {total} walkthroughs watched to the end", done.len())}</p>
        <ul class="quiz-history">
            {builtin::LIST.iter().filter_map(|w| Some((w, done.completed_at(w.id)?))).map(|(w, at)| view! {
                <li><A href=w.href()>{w.title}</A><span>{clock::describe_past(at)}</span></li>
            }).collect_view()}
        </ul>
        <A href="/walkthroughs">"Browse the walkthroughs"</A>
    }
}

/// Labs with tasks done, from the lab progress saved in this browser.
#[component]
fn LabsDone() -> impl IntoView {
    let progress = storage::lab_progress();
    view! {
        <p data-testid="labs-done">{progress.summary()}</p>
        <ul class="quiz-history">
            {progress.0.iter().filter(|(_, r)| !r.done.is_empty()).map(|(id, r)| {
                let state = if r.is_complete() {
                    "completed".to_owned()
                } else {
                    format!("{} of {} tasks", r.done.len(), r.tasks)
                };
                view! { <li><A href=format!("/labs/{id}")>{format!("{} lab", lab_name(id))}</A><span>{state}</span></li> }
            }).collect_view()}
        </ul>
        <A href="/labs">"Open the labs"</A>
    }
}

crate::lazy::lazy_route!(
    ProgressRoute,
    progress,
    progress_view,
    view! { <Progress/> },
    style = "progress"
);

#[component]
pub fn Progress() -> impl IntoView {
    let store = use_study();
    let dashboard = move || {
        let deck = store.deck();
        store.with_progress(|p| Dashboard::new(&deck, p, clock::now(), &BrowserClock))
    };
    view! {
        <PageHeader title="Progress" heading="Your progress">
            "Reviews, retention and mastery, drawn from the history stored in this browser."
        </PageHeader>
        {move || {
            let d = dashboard();
            if d.totals.reviews == 0 {
                view! {
                    <section class="panel empty-state" data-live>
                        <h2>"No reviews yet"</h2>
                        <p>"Your calendar, forecast and retention appear here once you have studied a few cards."</p>
                        <A href="/study" attr:class="button">"Study your first cards"</A>
                    </section>
                }.into_any()
            } else {
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
                }.into_any()
            }
        }}
        <div class="dashboard-grid" data-live>
            <section class="panel" aria-labelledby="quiz-history-title">
                <h2 id="quiz-history-title">"Quiz history"</h2>
                <QuizHistory/>
            </section>
            <section class="panel" aria-labelledby="done-title">
                <h2 id="done-title">"Walkthroughs and labs"</h2>
                <WalkthroughsDone/>
                <LabsDone/>
            </section>
        </div>
        <YourData/>
    }
}
