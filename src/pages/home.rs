use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::icon::{Glyph, Icon};
use crate::components::page_header::PageHeader;
use crate::study_store::use_study;
use keydeck_study::queue::Scope;
use keydeck_study::wording::count;

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

/// What is due today, overall and per topic, with the way to continue.
/// `data-live` marks what depends on the learner's progress: the build's
/// rendering of this page (for a first-time visitor) keeps it hidden.
#[component]
fn TodayPanel() -> impl IntoView {
    let store = use_study();
    let all = move || store.counts(&Scope::All);
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
    let summary = move || {
        let c = all();
        match (c.due, c.new) {
            (0, 0) => "Nothing is due. Come back tomorrow, or take a quiz.".to_owned(),
            (due, new) => format!(
                "{} due and {} to learn today.",
                count(due, "card"),
                count(new, "new card")
            ),
        }
    };
    view! {
        <section class="panel today" aria-labelledby="today-title">
            <h2 id="today-title">"Flashcards due today"</h2>
            <p class="today-summary" data-testid="today-summary" data-live>{summary}</p>
            <p>
                <A href="/study" attr:class="button" attr:data-live="">
                    {move || if all().due + all().new > 0 { "Continue studying" } else { "Open flashcards" }}
                </A>
            </p>
            <h3 class="topic-counts-title">"By topic"</h3>
            <ul class="topic-counts">
                {move || rows().into_iter().map(|(id, title, c)| view! {
                    <li data-topic=id.clone()>
                        <A href=format!("/study?topic={id}")>{title}</A>
                        <span class="counts" data-live>
                            <span class:zero=c.due == 0>{c.due} " due"</span>
                            " · "
                            <span class:zero=c.new == 0>{c.new} " new"</span>
                        </span>
                    </li>
                }).collect_view()}
            </ul>
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
