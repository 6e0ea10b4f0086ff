//! Plays the steps in order and checks each one against the canvas as it
//! stands: every reference names an actor that is there, arrivals and
//! departures make sense, badges exist before they move.

use std::collections::BTreeMap;

use super::error::{Problem, Reference};
use super::text::check_words;
use crate::walkthrough::canvas::MAX_ARROW_LABEL;
use crate::walkthrough::model::{Change, Step, Walkthrough};
use crate::walkthrough::state::{apply, apply_change, opening, record, ActorState, Shown};

/// A problem found while playing, with the step it belongs to (from 1).
pub type Found = (Option<usize>, Problem);

/// Plays the walkthrough; returns its problems and what each actor shows.
pub fn play(w: &Walkthrough) -> (Vec<Found>, BTreeMap<&'static str, Shown>) {
    let mut found = Vec::new();
    let mut actors = opening(w);
    let mut shown = BTreeMap::new();
    record(&actors, &mut shown);
    for problem in parents_absent(&actors) {
        found.push((None, problem));
    }
    for (i, step) in w.steps.iter().enumerate() {
        let mut problems = check_words(step.title, step.narration);
        problems.extend(check_step(&actors, step));
        apply(&mut actors, step);
        problems.extend(parents_absent(&actors));
        problems.extend(check_drawing(&actors, step));
        record(&actors, &mut shown);
        found.extend(problems.into_iter().map(|p| (Some(i + 1), p)));
    }
    (found, shown)
}

/// Checks the step's arrivals, changes and departures against the canvas
/// before it, in the order they apply.
fn check_step(before: &[ActorState], step: &Step) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut actors = before.to_vec();
    for &id in step.appear {
        match find(&mut actors, id) {
            None => problems.push(unknown(id, Reference::Appear)),
            Some(a) if a.present => problems.push(Problem::AlreadyPresent(id.to_owned())),
            Some(a) => a.present = true,
        }
    }
    for change in step.changes {
        problems.extend(check_change(&mut actors, change));
    }
    for &id in step.disappear {
        match find(&mut actors, id) {
            None => problems.push(unknown(id, Reference::Disappear)),
            Some(a) if !a.present => problems.push(Problem::AlreadyAbsent(id.to_owned())),
            Some(a) => a.present = false,
        }
    }
    problems
}

fn check_change(actors: &mut [ActorState], change: &Change) -> Vec<Problem> {
    let mut problems = Vec::new();
    for id in change.actors() {
        match find(actors, id) {
            None => problems.push(unknown(id, Reference::Change)),
            Some(a) if !a.present => problems.push(Problem::Absent {
                id: id.to_owned(),
                at: Reference::Change,
            }),
            Some(_) => {}
        }
    }
    if !problems.is_empty() {
        return problems;
    }
    let (losing, gaining, badge) = match *change {
        Change::Relabel { .. } => (None, None, ""),
        Change::AddBadge { actor, badge } => (None, Some(actor), badge),
        Change::RemoveBadge { actor, badge } => (Some(actor), None, badge),
        Change::MoveBadge { badge, from, to } => (Some(from), Some(to), badge),
    };
    if let Some(id) = losing {
        if !has_badge(actors, id, badge) {
            problems.push(Problem::BadgeMissing {
                id: id.to_owned(),
                badge: badge.to_owned(),
            });
        }
    }
    if let Some(id) = gaining {
        if has_badge(actors, id, badge) {
            problems.push(Problem::BadgeDuplicate {
                id: id.to_owned(),
                badge: badge.to_owned(),
            });
        }
    }
    apply_change(actors, change);
    problems
}

/// Checks the arrows and highlights against the canvas the step leaves.
fn check_drawing(after: &[ActorState], step: &Step) -> Vec<Problem> {
    let mut problems = Vec::new();
    for arrow in step.arrows {
        problems.extend(shown_actor(after, arrow.from, Reference::ArrowStart));
        problems.extend(shown_actor(after, arrow.to, Reference::ArrowEnd));
        if arrow.from == arrow.to {
            problems.push(Problem::ArrowToItself(arrow.from.to_owned()));
        }
        let length = arrow.label.trim().chars().count();
        if length == 0 || length > MAX_ARROW_LABEL {
            problems.push(Problem::ArrowLabel(arrow.label.to_owned()));
        }
    }
    for &id in step.highlights {
        problems.extend(shown_actor(after, id, Reference::Highlight));
    }
    if step.arrows.is_empty() && step.highlights.is_empty() {
        problems.push(Problem::NothingShown);
    }
    problems
}

/// Actors on the canvas whose Account or Region box is not.
fn parents_absent(actors: &[ActorState]) -> Vec<Problem> {
    actors
        .iter()
        .filter(|a| a.present)
        .filter_map(|a| {
            let parent = a.parent?;
            let parent_shown = actors.iter().any(|p| p.id == parent && p.present);
            (!parent_shown).then(|| Problem::ParentAbsent {
                id: a.id.to_owned(),
                parent: parent.to_owned(),
            })
        })
        .collect()
}

fn shown_actor(actors: &[ActorState], id: &str, at: Reference) -> Option<Problem> {
    match actors.iter().find(|a| a.id == id) {
        None => Some(unknown(id, at)),
        Some(a) if !a.present => Some(Problem::Absent {
            id: id.to_owned(),
            at,
        }),
        Some(_) => None,
    }
}

fn has_badge(actors: &[ActorState], id: &str, badge: &str) -> bool {
    actors
        .iter()
        .any(|a| a.id == id && a.badges.contains(&badge))
}

fn find<'a>(actors: &'a mut [ActorState], id: &str) -> Option<&'a mut ActorState> {
    actors.iter_mut().find(|a| a.id == id)
}

fn unknown(id: &str, at: Reference) -> Problem {
    Problem::UnknownActor {
        id: id.to_owned(),
        at,
    }
}
