//! Line icons drawn for KeyDeck on a 24×24 grid. Decorative: the text beside
//! each icon carries its meaning.

use leptos::prelude::*;

pub use keydeck_study::nav::Glyph;

#[component]
pub fn Icon(glyph: Glyph) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=glyph.path()/>
        </svg>
    }
}
