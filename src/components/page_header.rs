use leptos::prelude::*;
use leptos_meta::Title;

/// A page's document title, its one `<h1>` and the lede under it.
#[component]
pub fn PageHeader(
    /// The document title, before " · KeyDeck"; empty for the home page.
    title: &'static str,
    heading: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <Title text=title/>
        <header class="page-header">
            <h1>{heading}</h1>
            <p class="lede">{children()}</p>
        </header>
    }
}
