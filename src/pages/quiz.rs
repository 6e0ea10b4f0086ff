use leptos::prelude::*;

use crate::components::page_header::PageHeader;

#[component]
pub fn Quiz() -> impl IntoView {
    view! {
        <PageHeader title="Quiz" heading="Quizzes and exams">"Practise on exam-style questions, or sit a timed exam."</PageHeader>
    }
}
