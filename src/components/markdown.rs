use leptos::prelude::*;

/// Card and explanation Markdown, rendered by the study crate's safe
/// renderer: raw HTML is text and only web and mail links survive.
#[component]
pub fn Markdown(#[prop(into)] source: String) -> impl IntoView {
    let html = keydeck_study::markdown::to_safe_html(&source);
    view! { <div class="md" inner_html=html></div> }
}

/// Markdown the same renderer made when the project was built (a shipped
/// walkthrough's narration), so that showing it parses nothing.
#[component]
pub fn RenderedMarkdown(html: &'static str) -> impl IntoView {
    view! { <div class="md" inner_html=html></div> }
}
