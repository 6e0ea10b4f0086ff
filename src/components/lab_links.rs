use keydeck_lab_protocol::wording::lab_links;
use leptos::prelude::*;

/// Links to the guided labs that practise a topic or a walkthrough: the
/// line's words are markup ([`lab_links`]), and the line is hidden
/// without labs.
#[component]
pub fn LabLinks(#[prop(into)] labs: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <p
            class="lab-links"
            hidden=move || labs.with(Vec::is_empty)
            inner_html=move || labs.with(|labs| lab_links(labs))
        ></p>
    }
}
