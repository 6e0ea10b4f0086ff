use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::icon::{Glyph, Icon};
use crate::components::page_header::PageHeader;

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

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <PageHeader title="" heading="Today">
            "Learn AWS KMS, the Encryption SDK, Parameter Store, Secrets Manager and ACM, "
            "with everything stored in this browser."
        </PageHeader>
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
