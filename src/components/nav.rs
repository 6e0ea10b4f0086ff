//! Site navigation: a side bar on wide screens, a bottom tab bar plus a top
//! bar on phones. The same links serve both; CSS decides where they sit.

use keydeck_study::nav::{is_current, link_items, BRAND};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use super::icon::{Glyph, Icon};
use crate::theme::{use_theme, Theme};

/// Marks the bars' links whose destination the current page is
/// (`aria-current="page"`), and follows the path as it changes. The links
/// are markup (`keydeck_study::nav::link_items`): one string set at once
/// costs a phone's first render far less than an element built at a time.
/// The bars are the app's (`body > .shell`), not those of the page the
/// build rendered, which stays in view behind `#boot` while the app mounts.
fn mark_current() {
    let path = use_location().pathname;
    Effect::new(move |_| {
        let path = path.get();
        let Ok(links) = document().query_selector_all(
            "body > .shell > .topbar a[href], body > .shell > .mainnav a[href]",
        ) else {
            return;
        };
        for link in (0..links.length()).filter_map(|i| links.item(i)) {
            let link = link.unchecked_into::<web_sys::Element>();
            let href = link.get_attribute("href").unwrap_or_default();
            let _ = if is_current(&href, &path) {
                link.set_attribute("aria-current", "page")
            } else {
                link.remove_attribute("aria-current")
            };
        }
    });
}

/// The brand, the phone-only secondary links and the theme switch.
#[component]
pub fn TopBar() -> impl IntoView {
    view! {
        <header class="topbar">
            <a href="/" class="brand" inner_html=BRAND></a>
            <nav class="topnav" aria-label="More">
                <ul inner_html=link_items(false)></ul>
            </nav>
            <ThemeSwitch/>
        </header>
    }
}

/// Every destination: the side bar on desktop, the tab bar on phones.
#[component]
pub fn MainNav() -> impl IntoView {
    // For both bars: the top bar is drawn with this one, just before it.
    mark_current();
    view! {
        <nav class="mainnav" aria-label="Main">
            <ul inner_html=link_items(true)></ul>
        </nav>
    }
}

#[component]
fn ThemeSwitch() -> impl IntoView {
    let theme = use_theme();
    let label = move || match theme.get() {
        Theme::Light => "Switch to dark theme",
        Theme::Dark => "Switch to light theme",
    };
    let glyph = move || match theme.get() {
        Theme::Light => view! { <Icon glyph=Glyph::Moon/> },
        Theme::Dark => view! { <Icon glyph=Glyph::Sun/> },
    };
    view! {
        <button
            type="button"
            class="icon-button theme-switch"
            aria-label=label
            title=label
            on:click=move |_| theme.choose(theme.get().opposite())
        >
            {glyph}
        </button>
    }
}
