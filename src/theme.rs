//! Light and dark themes: the system preference by default, or the learner's
//! explicit choice, saved through the storage module.

use leptos::prelude::*;

use crate::storage::{self, keys};

/// Stored as the JSON string `"light"` or `"dark"`, which `index.html`
/// reads with `JSON.parse`; the two values are written and matched as they
/// are, so the first load links no JSON code for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn opposite(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }

    fn attr(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn stored(self) -> &'static str {
        match self {
            Theme::Light => r#""light""#,
            Theme::Dark => r#""dark""#,
        }
    }

    fn from_stored(text: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.stored() == text.trim())
    }
}

/// The theme in force: the saved choice, else the system's.
#[derive(Clone, Copy)]
pub struct ThemeState(RwSignal<Theme>);

impl ThemeState {
    pub fn get(self) -> Theme {
        self.0.get()
    }

    /// Switches to `theme`, paints it and remembers it across reloads.
    pub fn choose(self, theme: Theme) {
        self.0.set(theme);
        paint(Some(theme));
        // A browser that refuses storage still shows the theme for this visit.
        let _ = storage::save_text(keys::THEME, theme.stored());
    }
}

pub fn provide() {
    let saved = storage::load_text(keys::THEME).and_then(|t| Theme::from_stored(&t));
    paint(saved);
    let current = saved.unwrap_or_else(system_theme);
    provide_context(ThemeState(RwSignal::new(current)));
}

pub fn use_theme() -> ThemeState {
    expect_context::<ThemeState>()
}

fn system_theme() -> Theme {
    let dark = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    if dark {
        Theme::Dark
    } else {
        Theme::Light
    }
}

fn paint(theme: Option<Theme>) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = match theme {
        Some(theme) => root.set_attribute("data-theme", theme.attr()),
        None => root.remove_attribute("data-theme"),
    };
}
