use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::page_header::PageHeader;

#[component]
pub fn NotFound() -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <PageHeader title="Page not found" heading="Page not found">
            "There is no page at " <code>{path}</code> "."
        </PageHeader>
        // A plain link, which the router follows.
        <p><a href="/" class="button">"Go to today's overview"</a></p>
        <crate::boot::Drawn/>
    }
}
