use leptos::prelude::*;

use crate::components::page_header::PageHeader;

#[component]
pub fn Walkthroughs() -> impl IntoView {
    view! {
        <PageHeader title="Walkthroughs" heading="Walkthroughs">"Animated, step-by-step diagrams of how the AWS encryption services work together."</PageHeader>
    }
}
