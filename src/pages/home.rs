use leptos::prelude::*;

use crate::components::icon::{Glyph, Icon};
use crate::components::page_header::PageHeader;
use crate::study_store::use_study;
use keydeck_study::plan::{topic_rows, Plan};
use keydeck_study::queue::Scope;

// A chunk of its own, as every route's, so that a deep link to another page
// does not carry today's plan. Its styles are the shell's.
crate::lazy::lazy_route!(HomeRoute, home, home_view, view! { <Home/> }, sheets = []);

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
    // the plan, each as a text of its own, and the counts and the topics'
    // rows as markup (`keydeck_study`): a view for each would cost the
    // route's code the building of each element.
    let plan = Memo::new(move |_| store.plan());
    let rows = move || {
        let deck = store.deck();
        topic_rows(deck.topics.iter().map(|t| {
            let counts = store.counts(&Scope::Topic(t.id.clone()));
            (t.id.as_str(), t.title.as_str(), counts)
        }))
    };
    let text = move |f: fn(&Plan) -> String| move || plan.with(f);
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
            <p class="today-left" data-live inner_html=move || plan.with(|p| p.counts.markup())></p>
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
                <tbody inner_html=rows></tbody>
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
                            <a href=a.href class="button">{a.action}</a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
