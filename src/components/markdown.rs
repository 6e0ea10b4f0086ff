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

/// HTML the study crate's renderer made earlier (a card's sides, rendered
/// when its deck was built or imported), or Markdown that never was,
/// shown as text.
#[derive(Clone)]
pub enum Rendered {
    Html(String),
    Text(String),
}

impl IntoRender for Rendered {
    type Output = AnyView;

    fn into_render(self) -> Self::Output {
        match self {
            Rendered::Html(html) => view! { <div class="md" inner_html=html></div> }.into_any(),
            Rendered::Text(text) => view! { <div class="md"><p>{text}</p></div> }.into_any(),
        }
    }
}
