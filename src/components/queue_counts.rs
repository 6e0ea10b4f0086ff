use leptos::prelude::*;

use keydeck_study::queue::Counts;

/// What is left today by kind, as Anki shows it: "5 new · 1 learning ·
/// 3 review", each number in its kind's colour, the words always there.
#[component]
pub fn QueueCounts(#[prop(into)] counts: Signal<Counts>) -> impl IntoView {
    let part = move |class: &'static str, noun: &'static str, n: fn(&Counts) -> usize| {
        view! {
            <span class=class class:zero=move || n(&counts.get()) == 0>
                <strong>{move || n(&counts.get())}</strong> " " {noun}
            </span>
        }
    };
    view! {
        <span class="queue-counts" data-testid="queue-counts">
            {part("count-new", "new", |c| c.new)}
            " · "
            {part("count-learning", "learning", |c| c.learning)}
            " · "
            {part("count-review", "review", |c| c.review)}
        </span>
    }
}
