use leptos::prelude::*;

use crate::components::page_header::PageHeader;

#[component]
pub fn Study() -> impl IntoView {
    view! {
        <PageHeader title="Study" heading="Study">"Review the flashcards that are due today, then learn new ones."</PageHeader>
    }
}
