use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::icon::{Glyph, Icon};
use crate::components::page_header::PageHeader;
use crate::components::progress_bar::ProgressBar;
use crate::components::queue_counts::QueueCounts;
use crate::study_store::use_study;
use keydeck_study::queue::Scope;

struct Activity {
    href: &'static str,
    glyph: Glyph,
    title: &'static str,
    blurb: &'static str,
    action: &'static str,
}

const ACTIVITIES: [Activity; 4] = [
    Activity {
        href: "/study",
        glyph: Glyph::Cards,
        title: "Flashcards",
        blurb: "Spaced repetition keeps KMS, Parameter Store and Secrets Manager facts fresh in a few minutes a day.",
        action: "Study now",
    },
    Activity {
        href: "/quiz",
        glyph: Glyph::Quiz,
        title: "Quizzes and exams",
        blurb: "Exam-style questions with explanations that link to the AWS documentation.",
        action: "Take a quiz",
    },
    Activity {
        href: "/walkthroughs",
        glyph: Glyph::Walkthrough,
        title: "Walkthroughs",
        blurb: "Watch processes such as a cross-account snapshot copy play out step by step.",
        action: "Watch a walkthrough",
    },
    Activity {
        href: "/labs",
        glyph: Glyph::Lab,
        title: "Labs",
        blurb: "Call a faithful KMS simulator running in your browser, and read its real error messages.",
        action: "Open the labs",
    },
];

/// Today's plan, overall and per topic, with the way to continue.
/// `data-live` marks what depends on the learner's progress: the build's
/// rendering of this page (for a first-time visitor) keeps it hidden.
#[component]
fn TodayPanel() -> impl IntoView {
    let store = use_study();
    let plan = Memo::new(move |_| store.plan());
    let rows = move || {
        store
            .deck()
            .topics
            .iter()
            .map(|t| {
                (
                    t.id.clone(),
                    t.title.clone(),
                    store.counts(&Scope::Topic(t.id.clone())),
                )
            })
            .collect::<Vec<_>>()
    };
    let percent = move || plan.with(|p| p.percent_done());
    view! {
        <section class="panel today" aria-labelledby="today-title">
            <h2 id="today-title">"Flashcards today"</h2>
            <p class="today-summary" data-testid="today-summary" data-live>{move || plan.with(|p| p.headline())}</p>
            <Show when=move || plan.with(|p| !p.first_visit && p.goal() > 0)>
                <div class="goal-meter" data-live>
                    <ProgressBar label="Today's goal" percent=Signal::derive(percent)/>
                </div>
            </Show>
            <p class="today-left" data-live>
                <QueueCounts counts=Signal::derive(move || plan.with(|p| p.counts))/>
            </p>
            {move || plan.with(|p| p.away.clone()).map(|away| view! {
                <p class="today-away" data-testid="today-away" data-live>{away}</p>
            })}
            {move || plan.with(|p| p.missed_words()).map(|words| view! {
                <p class="today-missed" data-testid="today-missed" data-live>{words}</p>
            })}
            <Show when=move || plan.with(|p| !p.first_visit)>
                <p class="today-streak" data-testid="today-streak" data-live>{move || plan.with(|p| p.streak_words())}</p>
            </Show>
            <p>
                <A href="/study" attr:class="button" attr:data-live="" attr:data-testid="study-action">
                    {move || plan.with(|p| p.action())}
                </A>
            </p>
            <table class="topic-counts">
                <caption>"By topic"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Topic"</th>
                        <th scope="col" class="count-new">"New"</th>
                        <th scope="col" class="count-learning">"Learning"</th>
                        <th scope="col" class="count-review">"Review"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || rows().into_iter().map(|(id, title, c)| {
                        let cell = |class: &'static str, n: usize| view! {
                            <td class=class class:zero=n == 0 data-live>{n}</td>
                        };
                        view! {
                            <tr data-topic=id.clone()>
                                <th scope="row"><A href=format!("/study?topic={id}")>{title}</A></th>
                                {cell("count-new", c.new)}
                                {cell("count-learning", c.learning)}
                                {cell("count-review", c.review)}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <PageHeader title="" heading="Today">
            "Learn AWS KMS, the Encryption SDK, Parameter Store, Secrets Manager and ACM, "
            "with everything stored in this browser."
        </PageHeader>
        <TodayPanel/>
        <ul class="activity-grid">
            {ACTIVITIES
                .iter()
                .map(|a| {
                    view! {
                        <li class="panel activity">
                            <h2><Icon glyph=a.glyph/>{a.title}</h2>
                            <p>{a.blurb}</p>
                            <A href=a.href attr:class="button">{a.action}</A>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
