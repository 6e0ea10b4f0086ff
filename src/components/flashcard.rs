//! A flashcard that flips to its answer, by click, keyboard or touch. On a
//! touch screen a tap reveals; once revealed, a swipe right grades Good and a
//! swipe left grades Again.

use leptos::prelude::*;

use keydeck_study::card::{markup, Card};
use keydeck_study::queue::Queued;
use keydeck_study::schedule::Grade;
use keydeck_study::wording::decimal;

/// How far a finger must travel to count as a swipe, in CSS pixels.
const SWIPE: i32 = 80;

#[component]
pub fn Flashcard(
    card: Card,
    topic_title: String,
    /// Which of today's counts the card was drawn from, shown on it.
    queued: Option<Queued>,
    revealed: RwSignal<bool>,
    on_grade: Callback<Grade>,
) -> impl IntoView {
    let start_x = RwSignal::new(None::<i32>);
    let drag = RwSignal::new(0);
    let pointer_down = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() != "mouse" {
            start_x.set(Some(ev.client_x()));
        }
    };
    let pointer_move = move |ev: web_sys::PointerEvent| {
        if let (Some(x0), true) = (start_x.get_untracked(), revealed.get_untracked()) {
            drag.set(ev.client_x() - x0);
        }
    };
    let pointer_up = move |ev: web_sys::PointerEvent| {
        let Some(x0) = start_x.get_untracked() else {
            return;
        };
        start_x.set(None);
        drag.set(0);
        let dx = ev.client_x() - x0;
        if !revealed.get_untracked() {
            if dx.abs() < SWIPE / 4 {
                revealed.set(true);
            }
        } else if dx >= SWIPE {
            on_grade.run(Grade::Good);
        } else if dx <= -SWIPE {
            on_grade.run(Grade::Again);
        }
    };
    // Set through the CSS object model, never as a style attribute, which
    // the site's Content-Security-Policy refuses.
    let translate = move || {
        let dx = drag.get();
        (dx != 0).then(|| format!("{dx}px 0"))
    };
    let rotate = move || {
        let dx = drag.get();
        (dx != 0).then(|| format!("{}deg", decimal(f64::from(dx) / 40.0, 3)))
    };
    let swipe_hint = move || match drag.get() {
        d if d >= SWIPE => Some("Good"),
        d if d <= -SWIPE => Some("Again"),
        _ => None,
    };
    // Each face is one piece of markup (`keydeck_study::card::markup`):
    // the card's sides are HTML already.
    let front = markup::front(&card, &topic_title, queued);
    let back = move || markup::back(&card, &topic_title, revealed.get());
    view! {
        <div
            class="flashcard"
            class:flipped=move || revealed.get()
            style:translate=translate
            style:rotate=rotate
            on:pointerdown=pointer_down
            on:pointermove=pointer_move
            on:pointerup=pointer_up
            on:pointercancel=move |_| { start_x.set(None); drag.set(0); }
        >
            <div class="flashcard-inner">
                <section class="face front" aria-label="Question" aria-hidden=move || revealed.get().to_string() inner_html=front></section>
                <section class="face back" aria-label="Answer" aria-hidden=move || (!revealed.get()).to_string() inner_html=back></section>
            </div>
            <p class="swipe-hint" class:on=move || swipe_hint().is_some() aria-hidden="true">{swipe_hint}</p>
        </div>
    }
}
