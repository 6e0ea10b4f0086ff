//! Scrolling an element into the band of the window that the sticky bars
//! leave: below the top bar, above a bar or edge the caller names.

use leptos::prelude::*;

/// Room kept between the element and the bar it clears, in CSS pixels.
const MARGIN: f64 = 8.0;

/// Scrolls by as little as needed for `element` to show between the top
/// bar and `bottom` (a y in the window). Where it cannot all show, its top
/// wins: it never rises under the top bar.
pub fn reveal_above(element: &web_sys::Element, bottom: f64) {
    let top = document()
        .query_selector(".topbar")
        .ok()
        .flatten()
        .map_or(0.0, |bar| bar.get_bounding_client_rect().bottom().max(0.0));
    let rect = element.get_bounding_client_rect();
    let by = if rect.top() < top {
        rect.top() - top - MARGIN
    } else {
        (rect.bottom() - bottom + MARGIN)
            .min(rect.top() - top - MARGIN)
            .max(0.0)
    };
    if by != 0.0 {
        window().scroll_by_with_x_and_y(0.0, by);
    }
}
