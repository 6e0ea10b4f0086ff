//! What the focused element does with a key press, so a page's shortcuts
//! leave the learner's typing and the browser's own controls alone.

use leptos::ev::KeyboardEvent;
use wasm_bindgen::JsCast;

/// The kind of element a key press went to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Focused {
    /// Takes typed characters: a text-like input, a select (type-ahead), a
    /// textarea or editable content. `multiline` ones use Enter themselves.
    TextEntry { multiline: bool },
    /// An input that takes no text (checkbox, radio, range, …): the browser
    /// gives it Space and the arrows.
    Choice,
    /// A button, link or summary: Space and Enter press it.
    Control,
    /// Anything else, the page itself included.
    Other,
}

impl Focused {
    /// Where `ev` was sent.
    pub fn of(ev: &KeyboardEvent) -> Self {
        let Some(element) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return Self::Other;
        };
        if element
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(web_sys::HtmlElement::is_content_editable)
        {
            return Self::TextEntry { multiline: true };
        }
        match element.tag_name().to_ascii_lowercase().as_str() {
            "textarea" => Self::TextEntry { multiline: true },
            "select" => Self::TextEntry { multiline: false },
            "input" => element
                .dyn_ref::<web_sys::HtmlInputElement>()
                .map_or(Self::TextEntry { multiline: false }, |input| {
                    input_kind(&input.type_())
                }),
            "button" | "a" | "summary" => Self::Control,
            _ => Self::Other,
        }
    }

    /// Whether the element uses `key` itself: everything typed into a field
    /// or a choice, Space and Enter on a control.
    pub fn owns(self, key: &str) -> bool {
        match self {
            Self::TextEntry { .. } | Self::Choice => true,
            Self::Control => matches!(key, " " | "Enter"),
            Self::Other => false,
        }
    }
}

/// An `<input>` by its `type`; unknown types are text, as browsers treat them.
fn input_kind(kind: &str) -> Focused {
    match kind.to_ascii_lowercase().as_str() {
        "checkbox" | "radio" | "range" | "color" | "file" => Focused::Choice,
        "button" | "submit" | "reset" | "image" => Focused::Control,
        _ => Focused::TextEntry { multiline: false },
    }
}
