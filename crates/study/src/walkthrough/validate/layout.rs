//! Checks on the scene's layout: ids, parents, and boxes that stay on the
//! canvas, inside their parent, apart from each other and wide enough for
//! what they show.

use std::collections::{BTreeMap, HashSet};

use super::error::{Problem, Reference};
use super::script::Shown;
use crate::content_file::is_kebab_case;
use crate::walkthrough::canvas::{
    actor_height, arrow_shapes, label_obstacles, text_width, CANVAS, GAP,
};
use crate::walkthrough::model::{Actor, Walkthrough};

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

/// Problems with where the boxes sit.
pub fn check_places(w: &Walkthrough) -> Vec<Problem> {
    let mut problems = Vec::new();
    for actor in w.actors {
        if !CANVAS.contains(actor.rect) {
            problems.push(Problem::OutsideCanvas(actor.id.to_owned()));
        }
        let parent = actor.parent.and_then(|p| w.actor(p));
        if let Some(parent) = parent.filter(|p| p.kind.is_container()) {
            let inside = parent
                .rect
                .content()
                .is_some_and(|c| c.contains(actor.rect));
            if !inside {
                problems.push(Problem::OutsideParent {
                    id: actor.id.to_owned(),
                    parent: parent.id.to_owned(),
                });
            }
        }
    }
    for (i, a) in w.actors.iter().enumerate() {
        for b in &w.actors[i + 1..] {
            let nested = is_within(w, a, b) || is_within(w, b, a);
            if !nested && a.rect.crowds(b.rect, GAP) {
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

/// Labels and badges wider than their box, and more badges than it can hold.
pub fn check_room(w: &Walkthrough, shown: &BTreeMap<&'static str, Shown>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for actor in w.actors {
        let Some(shown) = shown.get(actor.id) else {
            continue;
        };
        for text in &shown.texts {
            let needs = text_width(text);
            if needs > u32::from(actor.rect.width) {
                problems.push(Problem::TextTooWide {
                    id: actor.id.to_owned(),
                    text: (*text).to_owned(),
                    needs,
                    has: actor.rect.width,
                });
            }
        }
        let tall_enough = actor_height(shown.most_badges) <= u32::from(actor.rect.height);
        if !actor.kind.is_container() && !tall_enough {
            problems.push(Problem::TooManyBadges {
                id: actor.id.to_owned(),
                badges: shown.most_badges,
            });
        }
    }
    problems
}

/// Arrow labels, placed as the renderer places them, that leave the canvas,
/// cover a box or meet another label, with their step (from 1).
pub fn check_labels(w: &Walkthrough) -> Vec<(Option<usize>, Problem)> {
    let mut found = Vec::new();
    for state in (0..w.steps.len()).filter_map(|i| w.state_at(i)) {
        let step = Some(state.step + 1);
        let shapes = arrow_shapes(&state);
        for (n, (arrow, shape)) in shapes.iter().enumerate() {
            // An arrow to itself has no line to place a label on; it is reported as such.
            if arrow.from == arrow.to {
                continue;
            }
            let label = arrow.label.to_owned();
            if !shape.label.is_on_canvas() {
                found.push((step, Problem::LabelOffCanvas(label.clone())));
            }
            for actor in label_obstacles(&state).filter(|a| shape.label.covers(a.rect)) {
                let id = actor.id.to_owned();
                let label = label.clone();
                found.push((step, Problem::LabelCoversBox { label, id }));
            }
            for (other, _) in shapes[..n]
                .iter()
                .filter(|(_, s)| s.label.meets(shape.label))
            {
                let pair = (other.label.to_owned(), label.clone());
                found.push((step, Problem::LabelsMeet(pair.0, pair.1)));
            }
        }
    }
    found
}
