use leptos::prelude::*;

/// Titles the document for the page `page` ("" for the home page). The
/// page drawn last sets it: a route's page is made as it opens, after the
/// one it replaces.
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
    set_title(title);
    view! {
        <header class="page-header" class:compact=compact>
            <h1>{heading}</h1>
            {children.map(|lede| view! { <p class="lede">{lede()}</p> })}
        </header>
    }
}
