use leptos::prelude::*;

use crate::components::page_header::PageHeader;

#[component]
pub fn Progress() -> impl IntoView {
    view! {
        <PageHeader title="Progress" heading="Your progress">"Reviews, retention and mastery, drawn from the history stored in this browser."</PageHeader>
    }
}
