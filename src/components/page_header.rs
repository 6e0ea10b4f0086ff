use leptos::prelude::*;

/// Titles the document for the page `page` ("" for the home page).
pub fn set_title(page: &str) {
    document().set_title(&keydeck_study::nav::document_title(page));
}

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
        // Set as the header is drawn, not as its page's view is made: a
        // lazy route makes its view as its code comes, and may wait for
        // its content after that, with the page before still in view.
        {move || set_title(title)}
        <header class="page-header" class:compact=compact>
            <h1>{heading}</h1>
            {children.map(|lede| view! { <p class="lede">{lede()}</p> })}
        </header>
    }
}
