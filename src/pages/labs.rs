use leptos::prelude::*;

use crate::components::page_header::PageHeader;

#[component]
pub fn Labs() -> impl IntoView {
    view! {
        <PageHeader title="Labs" heading="Labs">"Hands-on exercises against a KMS simulator that runs in this page."</PageHeader>
    }
}
