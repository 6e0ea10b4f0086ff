use leptos::prelude::*;

/// A line shown while `when` holds: a status or a problem in the place it
/// concerns. Its words are written in as it shows, so the live region its
/// role makes reads them out; it is hidden otherwise. One element whatever
/// the page's state, not a view for each, which would cost a page the
/// code that swaps them.
#[component]
pub fn Notice(
    class: &'static str,
    role: &'static str,
    text: &'static str,
    #[prop(into)] when: Signal<bool>,
) -> impl IntoView {
    view! {
        <p class=class role=role hidden=move || !when.get()>
            {move || when.get().then_some(text)}
        </p>
    }
}
