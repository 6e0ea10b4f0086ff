//! Checks on the scene and its layouts: ids, parents, and boxes that stay
//! on the canvas, inside their parent, apart from each other and wide
//! enough for what they show, with arrow labels clear of them. The checks
//! of boxes and labels run on a [`Layout`], landscape or portrait alike.

use std::collections::{BTreeMap, HashSet};

use super::error::{Problem, Reference};
use crate::content_file::is_kebab_case;
use crate::walkthrough::canvas::{actor_height, text_width, Clash, Rect, GAP};
use crate::walkthrough::layout::{portrait, Layout, Orientation};
use crate::walkthrough::model::{Actor, Walkthrough};
use crate::walkthrough::state::Shown;

/// Problems with the actors' ids and parents.
pub fn check_actors(w: &Walkthrough) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for (i, actor) in w.actors.iter().enumerate() {
        if !is_kebab_case(actor.id) {
            problems.push(Problem::BadId(actor.id.to_owned()));
        }
        if !seen.insert(actor.id) {
            problems.push(Problem::DuplicateActor(actor.id.to_owned()));
        }
        if let Some(parent) = actor.parent {
            problems.extend(check_parent(w, i, actor, parent));
        }
    }
    problems
}

fn check_parent(w: &Walkthrough, index: usize, actor: &Actor, parent: &str) -> Option<Problem> {
    let Some(position) = w.actors.iter().position(|a| a.id == parent) else {
        return Some(Problem::UnknownActor {
            id: parent.to_owned(),
            at: Reference::Parent,
        });
    };
    let (id, parent) = (actor.id.to_owned(), parent.to_owned());
    if !w.actors[position].kind.is_container() {
        Some(Problem::ParentNotContainer { id, parent })
    } else if position > index {
        Some(Problem::ParentAfterChild { id, parent })
    } else {
        None
    }
}

/// Each actor's box in `layout`, in the order of the scene; `None` for an
/// actor the layout has no box for.
fn boxes(w: &Walkthrough, layout: &Layout) -> Vec<Option<Rect>> {
    w.actors
        .iter()
        .enumerate()
        .map(|(i, a)| layout.rect_at(i, a.id))
        .collect()
}

/// Problems with the layout's canvas: a portrait one larger than a phone
/// shows, and actors it has no box for.
pub fn check_canvas(w: &Walkthrough, layout: &Layout) -> Vec<Problem> {
    let mut problems = Vec::new();
    let canvas = layout.canvas;
    let too_large = canvas.width > portrait::WIDTH || canvas.height > portrait::MAX_HEIGHT;
    if layout.orientation == Orientation::Portrait && too_large {
        problems.push(Problem::CanvasTooLarge {
            width: canvas.width,
            height: canvas.height,
        });
    }
    for (actor, rect) in w.actors.iter().zip(boxes(w, layout)) {
        if rect.is_none() {
            problems.push(Problem::NotLaidOut(actor.id.to_owned()));
        }
    }
    problems
}

/// Problems with where the boxes sit in `layout`.
pub fn check_places(w: &Walkthrough, layout: &Layout) -> Vec<Problem> {
    let mut problems = Vec::new();
    let rects = boxes(w, layout);
    let placed = || {
        w.actors
            .iter()
            .zip(&rects)
            .filter_map(|(a, r)| Some((a, (*r)?)))
    };
    for (actor, rect) in placed() {
        if !layout.canvas.contains(rect) {
            problems.push(Problem::OutsideCanvas(actor.id.to_owned()));
        }
        let parent = actor
            .parent
            .and_then(|p| w.actors.iter().position(|a| a.id == p));
        let Some(p) = parent.filter(|&p| w.actors[p].kind.is_container()) else {
            continue;
        };
        let inside = rects[p]
            .and_then(Rect::content)
            .is_some_and(|c| c.contains(rect));
        if !inside {
            problems.push(Problem::OutsideParent {
                id: actor.id.to_owned(),
                parent: w.actors[p].id.to_owned(),
            });
        }
    }
    let placed: Vec<(&Actor, Rect)> = placed().collect();
    for (i, &(a, a_rect)) in placed.iter().enumerate() {
        for &(b, b_rect) in &placed[i + 1..] {
            let nested = is_within(w, a, b) || is_within(w, b, a);
            if !nested && a_rect.crowds(b_rect, GAP) {
                problems.push(Problem::Overlap {
                    a: a.id.to_owned(),
                    b: b.id.to_owned(),
                });
            }
        }
    }
    problems
}

/// Whether `inner` sits in `outer`, directly or through other boxes.
fn is_within(w: &Walkthrough, inner: &Actor, outer: &Actor) -> bool {
    let mut seen = HashSet::new();
    let mut current = inner.parent;
    while let Some(id) = current {
        if id == outer.id {
            return true;
        }
        if !seen.insert(id) {
            return false;
        }
        current = w.actor(id).and_then(|a| a.parent);
    }
    false
}

/// Labels and badges wider than their box in `layout`, and more badges
/// than it can hold.
pub fn check_room(
    w: &Walkthrough,
    layout: &Layout,
    shown: &BTreeMap<&'static str, Shown>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (actor, rect) in w.actors.iter().zip(boxes(w, layout)) {
        let (Some(shown), Some(rect)) = (shown.get(actor.id), rect) else {
            continue;
        };
        for text in &shown.texts {
            let needs = text_width(text);
            if needs > u32::from(rect.width) {
                problems.push(Problem::TextTooWide {
                    id: actor.id.to_owned(),
                    text: (*text).to_owned(),
                    needs,
                    has: rect.width,
                });
            }
        }
        let tall_enough = actor_height(shown.most_badges) <= u32::from(rect.height);
        if !actor.kind.is_container() && !tall_enough {
            problems.push(Problem::TooManyBadges {
                id: actor.id.to_owned(),
                badges: shown.most_badges,
            });
        }
    }
    problems
}

/// Arrow labels, placed in `layout` as the renderer places them, that
/// leave the canvas, cover a box or meet another label, with their step
/// (from 1).
pub fn check_labels(w: &Walkthrough, layout: &Layout) -> Vec<(Option<usize>, Problem)> {
    let mut found = Vec::new();
    for state in (0..w.steps.len()).filter_map(|i| w.state_at(i)) {
        let step = Some(state.step + 1);
        for (arrow, clash) in layout.label_clashes(&state) {
            let label = arrow.label.to_owned();
            found.push((
                step,
                match clash {
                    Clash::OffCanvas => Problem::LabelOffCanvas(label),
                    Clash::Covers(actor) => Problem::LabelCoversBox {
                        label,
                        id: actor.id.to_owned(),
                    },
                    Clash::Meets(other) => Problem::LabelsMeet(other.label.to_owned(), label),
                },
            ));
        }
    }
    found
}
