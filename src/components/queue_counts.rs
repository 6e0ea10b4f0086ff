use leptos::prelude::*;

use keydeck_study::queue::Counts;

/// What is left today by kind, as Anki shows it: "5 new · 1 learning ·
/// 3 review", each number in its kind's colour, the words always there.
/// Plain values: a page that updates the counts draws this again.
#[component]
pub fn QueueCounts(counts: Counts) -> impl IntoView {
    let parts = [
        ("count-new", "new", counts.new),
        ("count-learning", "learning", counts.learning),
        ("count-review", "review", counts.review),
    ];
    let last = parts.len() - 1;
    view! {
        <span class="queue-counts" data-testid="queue-counts">
            {parts.into_iter().enumerate().map(|(i, (class, noun, n))| view! {
                <span class=class class:zero=n == 0><strong>{n}</strong> " " {noun}</span>
                {(i < last).then_some(" · ")}
            }).collect_view()}
        </span>
    }
}
