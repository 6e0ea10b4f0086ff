use leptos::prelude::*;
use leptos_meta::Title;

/// A page's document title, its one `<h1>` and the lede under it.
#[component]
pub fn PageHeader(
    /// The document title, before " · KeyDeck"; empty for the home page.
    title: &'static str,
    heading: &'static str,
    /// A smaller heading, for pages whose content needs the screen.
    #[prop(optional)]
    compact: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <Title text=title/>
        <header class="page-header" class:compact=compact>
            <h1>{heading}</h1>
            {children.map(|lede| view! { <p class="lede">{lede()}</p> })}
        </header>
    }
}
