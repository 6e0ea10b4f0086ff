use leptos::prelude::*;

use crate::components::icon::{Glyph, Icon};
use crate::components::page_header::PageHeader;
use crate::study_store::use_study;
use keydeck_study::plan::Plan;
use keydeck_study::queue::{Counts, Scope};

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
    // The frame is drawn once; only the words and numbers inside follow
    // the plan, each as a text of its own: a view drawn again whole would
    // put its code for redrawing into the first load.
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
    let text = move |f: fn(&Plan) -> String| move || plan.with(f);
    let number = move |f: fn(&Counts) -> usize| move || plan.with(|p| f(&p.counts));
    let kind = move |class: &'static str, f: fn(&Counts) -> usize| {
        move || {
            if plan.with(|p| f(&p.counts)) == 0 {
                format!("{class} zero")
            } else {
                class.to_owned()
            }
        }
    };
    let percent = move || plan.with(Plan::percent_done).to_string();
    view! {
        <section class="panel today" aria-labelledby="today-title">
            <h2 id="today-title">"Flashcards today"</h2>
            <p class="today-summary" data-testid="today-summary" data-live>{text(Plan::headline)}</p>
            <div class="goal-meter" data-live hidden=move || plan.with(|p| p.first_visit || p.goal() == 0)>
                <div class="bar" role="progressbar" aria-label="Today's goal" aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent>
                    <span style:width=move || format!("{}%", percent())></span>
                </div>
            </div>
            <p class="today-left" data-live>
                <span class="queue-counts" data-testid="queue-counts">
                    <span class=kind("count-new", |c| c.new)><strong>{number(|c| c.new)}</strong> " new"</span>
                    " · "
                    <span class=kind("count-learning", |c| c.learning)><strong>{number(|c| c.learning)}</strong> " learning"</span>
                    " · "
                    <span class=kind("count-review", |c| c.review)><strong>{number(|c| c.review)}</strong> " review"</span>
                </span>
            </p>
            // Empty lines are not shown (style/main.css).
            <p class="today-away" data-testid="today-away" data-live>{text(|p| p.away.clone().unwrap_or_default())}</p>
            <p class="today-missed" data-testid="today-missed" data-live>{text(|p| p.missed_words().unwrap_or_default())}</p>
            <p class="today-streak" data-testid="today-streak" data-live>{text(|p| if p.first_visit { String::new() } else { p.streak_words() })}</p>
            <p>
                <a href="/study" class="button" data-live data-testid="study-action">
                    {text(|p| p.action().to_owned())}
                </a>
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
                        let cells = [("count-new", c.new), ("count-learning", c.learning), ("count-review", c.review)]
                            .map(|(class, n)| view! { <td class=class class:zero=n == 0 data-live>{n}</td> });
                        view! {
                            <tr data-topic=id.clone()>
                                <th scope="row"><a href=format!("/study?topic={id}")>{title}</a></th>
                                {cells.into_iter().collect_view()}
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
    crate::boot::page_drawn();
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
                            <a href=a.href class="button">{a.action}</a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
