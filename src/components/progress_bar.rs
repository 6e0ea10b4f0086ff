use leptos::prelude::*;

/// A thin bar filled to a whole percentage, with its accessible name and,
/// if given, the words a screen reader says instead of the number.
#[component]
pub fn ProgressBar(
    label: &'static str,
    #[prop(into)] percent: Signal<u32>,
    #[prop(optional, into)] words: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <div
            class="bar"
            role="progressbar"
            aria-label=label
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=move || percent.get().to_string()
            aria-valuetext=move || words.map(|w| w.get())
        >
            <span style:width=move || format!("{}%", percent.get())></span>
        </div>
    }
}
