//! Site navigation: a side bar on wide screens, a bottom tab bar plus a top
//! bar on phones. The same links serve both; CSS decides where they sit.

use keydeck_study::nav::is_current;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::icon::{Glyph, Icon};
use crate::theme::{use_theme, Theme};

struct Destination {
    href: &'static str,
    /// Soft hyphens let the tab bar break a long label on a narrow phone.
    label: &'static str,
    glyph: Glyph,
    /// On phones, secondary destinations move from the tab bar to the top bar.
    primary: bool,
}

const DESTINATIONS: [Destination; 7] = [
    Destination {
        href: "/",
        label: "Home",
        glyph: Glyph::Home,
        primary: true,
    },
    Destination {
        href: "/study",
        label: "Study",
        glyph: Glyph::Cards,
        primary: true,
    },
    Destination {
        href: "/quiz",
        label: "Quiz",
        glyph: Glyph::Quiz,
        primary: true,
    },
    Destination {
        href: "/walkthroughs",
        label: "Walk\u{ad}throughs",
        glyph: Glyph::Walkthrough,
        primary: true,
    },
    Destination {
        href: "/labs",
        label: "Labs",
        glyph: Glyph::Lab,
        primary: true,
    },
    Destination {
        href: "/progress",
        label: "Progress",
        glyph: Glyph::Chart,
        primary: false,
    },
    Destination {
        href: "/about",
        label: "About",
        glyph: Glyph::Info,
        primary: false,
    },
];

/// `aria-current` for a link to `href`: "page" while the path is its. The
/// links are plain links (the router follows any same-site link), and all
/// of them read the router's one path, where a router `A` each would keep
/// a memo of its own.
fn aria_current(href: &'static str) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync {
    let path = use_location().pathname;
    move || path.with(|p| is_current(href, p)).then_some("page")
}

/// A destination's link, marked current on its pages.
fn link(d: &'static Destination) -> impl IntoView {
    view! {
        <li class:secondary=!d.primary>
            <a href=d.href aria-current=aria_current(d.href)>
                <Icon glyph=d.glyph/>
                <span class="label">{d.label}</span>
            </a>
        </li>
    }
}

/// The brand, the phone-only secondary links and the theme switch.
#[component]
pub fn TopBar() -> impl IntoView {
    view! {
        <header class="topbar">
            <a href="/" class="brand" aria-current=aria_current("/")>
                <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <rect x="3" y="7" width="20" height="16" rx="3"/>
                    <rect x="9" y="3" width="20" height="16" rx="3"/>
                    <circle cx="17" cy="11" r="3"/>
                    <path d="M19.2 13.2 24 18M22 16l-1.5 1.5"/>
                </svg>
                <span>"KeyDeck"</span>
            </a>
            <nav class="topnav" aria-label="More">
                <ul>{DESTINATIONS.iter().filter(|d| !d.primary).map(link).collect_view()}</ul>
            </nav>
            <ThemeSwitch/>
        </header>
    }
}

/// Every destination: the side bar on desktop, the tab bar on phones.
#[component]
pub fn MainNav() -> impl IntoView {
    view! {
        <nav class="mainnav" aria-label="Main">
            <ul>{DESTINATIONS.iter().map(link).collect_view()}</ul>
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
