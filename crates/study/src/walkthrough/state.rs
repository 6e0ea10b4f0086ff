//! What the canvas shows at a step, computed from the scene and the steps up
//! to it, so any step can be rendered on its own (a deep link opens it
//! directly) and stepping forward reaches the same picture.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::canvas::Rect;
use super::model::{Actor, ActorKind, Arrow, Change, Step, Walkthrough};

/// The whole canvas at one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SceneState {
    /// The 0-based index of the step shown.
    pub step: usize,
    /// Every actor of the scene in drawing order, present or not, so the
    /// renderer keeps one element per actor and only fades it in or out.
    pub actors: Vec<ActorState>,
    /// The arrows of this step.
    pub arrows: &'static [Arrow],
    /// The actors this step highlights.
    pub highlights: &'static [&'static str],
}

/// One actor as it stands at a step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorState {
    pub id: &'static str,
    pub kind: ActorKind,
    pub parent: Option<&'static str>,
    pub rect: Rect,
    pub label: &'static str,
    pub badges: Vec<&'static str>,
    pub present: bool,
}

impl Walkthrough {
    /// The canvas at the step with this 0-based index: every step up to it
    /// applied to the opening scene, with that step's arrows and highlights.
    /// `None` past the last step. On a walkthrough that fails validation,
    /// references to unknown actors are skipped.
    pub fn state_at(&self, index: usize) -> Option<SceneState> {
        let step = self.steps.get(index)?;
        let mut actors = opening(self);
        for earlier in &self.steps[..=index] {
            apply(&mut actors, earlier);
        }
        Some(SceneState {
            step: index,
            actors,
            arrows: step.arrows,
            highlights: step.highlights,
        })
    }

    /// The canvas at the first step (`None` for a walkthrough without steps).
    pub fn first_state(&self) -> Option<SceneState> {
        self.state_at(0)
    }
}

impl SceneState {
    pub fn actor(&self, id: &str) -> Option<&ActorState> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The actors on the canvas at this step, in drawing order.
    pub fn present(&self) -> impl Iterator<Item = &ActorState> {
        self.actors.iter().filter(|a| a.present)
    }

    pub fn is_highlighted(&self, id: &str) -> bool {
        self.highlights.contains(&id)
    }

    /// The diagram in words, for a screen reader: the title, the boxes on
    /// the canvas and each arrow with its label.
    pub fn description(&self, title: &str) -> String {
        let shown: Vec<&str> = self
            .present()
            .filter(|a| !a.kind.is_container())
            .map(|a| a.label)
            .collect();
        let moves: Vec<String> = self
            .arrows
            .iter()
            .filter_map(|a| {
                let (from, to) = (self.actor(a.from)?.label, self.actor(a.to)?.label);
                Some(format!("{from} to {to}: {}", a.label))
            })
            .collect();
        let moves = if moves.is_empty() {
            "none".to_owned()
        } else {
            moves.join("; ")
        };
        format!(
            "{title}. On the diagram: {}. Arrows: {moves}.",
            shown.join(", ")
        )
    }

    /// The canvas one step later, reached from this one; `None` at the end.
    pub fn next(&self, walkthrough: &Walkthrough) -> Option<SceneState> {
        let index = self.step + 1;
        let step = walkthrough.steps.get(index)?;
        let mut actors = self.actors.clone();
        apply(&mut actors, step);
        Some(SceneState {
            step: index,
            actors,
            arrows: step.arrows,
            highlights: step.highlights,
        })
    }
}

/// The scene before the first step.
pub(super) fn opening(walkthrough: &Walkthrough) -> Vec<ActorState> {
    walkthrough
        .actors
        .iter()
        .map(|a| ActorState {
            id: a.id,
            kind: a.kind,
            parent: a.parent,
            rect: a.rect,
            label: a.label,
            badges: a.badges.to_vec(),
            present: a.initially_present,
        })
        .collect()
}

/// Everything an actor shows over the whole walkthrough, for the layouts
/// to size its box by and the layout checks to measure.
#[derive(Debug, Default)]
pub(crate) struct Shown {
    pub texts: BTreeSet<&'static str>,
    pub most_badges: usize,
}

/// The widest of the texts `actor` ever shows (its label as written
/// included), each measured by `width`; 0 for none.
pub(crate) fn widest_text(
    shown: &BTreeMap<&'static str, Shown>,
    actor: &Actor,
    width: impl Fn(&str) -> u32,
) -> u32 {
    shown
        .get(actor.id)
        .into_iter()
        .flat_map(|s| s.texts.iter().copied())
        .chain([actor.label])
        .map(width)
        .max()
        .unwrap_or(0)
}

/// The most badges `actor` ever shows at once.
pub(crate) fn most_badges(shown: &BTreeMap<&'static str, Shown>, actor: &Actor) -> usize {
    shown
        .get(actor.id)
        .map_or(actor.badges.len(), |s| s.most_badges)
}

/// Adds what the actors show now to what they showed before.
pub(crate) fn record(actors: &[ActorState], shown: &mut BTreeMap<&'static str, Shown>) {
    for a in actors {
        let entry = shown.entry(a.id).or_default();
        entry.texts.insert(a.label);
        entry.texts.extend(a.badges.iter().copied());
        entry.most_badges = entry.most_badges.max(a.badges.len());
    }
}

/// What each actor shows from the opening scene to the last step.
pub(crate) fn shown_over(walkthrough: &Walkthrough) -> BTreeMap<&'static str, Shown> {
    let mut actors = opening(walkthrough);
    let mut shown = BTreeMap::new();
    record(&actors, &mut shown);
    for step in walkthrough.steps {
        apply(&mut actors, step);
        record(&actors, &mut shown);
    }
    shown
}

/// Applies a step's lasting effects: arrivals, then changes, then departures.
pub(super) fn apply(actors: &mut [ActorState], step: &Step) {
    for id in step.appear {
        if let Some(a) = find(actors, id) {
            a.present = true;
        }
    }
    for change in step.changes {
        apply_change(actors, change);
    }
    for id in step.disappear {
        if let Some(a) = find(actors, id) {
            a.present = false;
        }
    }
}

pub(super) fn apply_change(actors: &mut [ActorState], change: &Change) {
    match *change {
        Change::Relabel { actor, label } => {
            if let Some(a) = find(actors, actor) {
                a.label = label;
            }
        }
        Change::AddBadge { actor, badge } => {
            if let Some(a) = find(actors, actor) {
                if !a.badges.contains(&badge) {
                    a.badges.push(badge);
                }
            }
        }
        Change::RemoveBadge { actor, badge } => {
            if let Some(a) = find(actors, actor) {
                a.badges.retain(|b| *b != badge);
            }
        }
        Change::MoveBadge { badge, from, to } => {
            apply_change(actors, &Change::RemoveBadge { actor: from, badge });
            apply_change(actors, &Change::AddBadge { actor: to, badge });
        }
    }
}

fn find<'a>(actors: &'a mut [ActorState], id: &str) -> Option<&'a mut ActorState> {
    actors.iter_mut().find(|a| a.id == id)
}
