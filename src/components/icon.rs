//! Line icons drawn for KeyDeck on a 24×24 grid. Decorative: the text beside
//! each icon carries its meaning.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    Home,
    Cards,
    Quiz,
    Walkthrough,
    Lab,
    Chart,
    Info,
    Sun,
    Moon,
}

impl Glyph {
    fn path(self) -> &'static str {
        match self {
            Glyph::Home => "M3 11 12 4l9 7M5 9.5V20h5v-6h4v6h5V9.5",
            Glyph::Cards => "M4 8h12v12H4zM8 8V4h12v12h-4",
            Glyph::Quiz => "M4 4h16v16H4zM8 12.5l2.5 2.5L16 9.5",
            Glyph::Walkthrough => "M4 18h4v-4h4v-4h4V6h4M4 6l5 5",
            Glyph::Lab => "M9 3h6M10 3v6.5L4.6 18.4A1.7 1.7 0 0 0 6 21h12a1.7 1.7 0 0 0 1.4-2.6L14 9.5V3M7.5 15h9",
            Glyph::Chart => "M3 21h18M6 17v-5M11 17V6M16 17v-8M21 17v-3",
            Glyph::Info => "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 11v6M12 7.5v.5",
            Glyph::Sun => "M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4",
            Glyph::Moon => "M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5z",
        }
    }
}

#[component]
pub fn Icon(glyph: Glyph) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=glyph.path()/>
        </svg>
    }
}
