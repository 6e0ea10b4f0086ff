//! A walkthrough as data: a scene of actors on the canvas, then steps that
//! draw arrows, highlight actors, bring actors in or out and change their
//! labels and badges. The `const fn` builders let each walkthrough be written
//! as one `const` value.

use serde::Serialize;
use std::fmt;

use super::canvas::Rect;

/// One animated walkthrough of an AWS process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Walkthrough {
    /// Kebab-case; the `<id>` of `/walkthroughs/<id>/<step>`.
    pub id: &'static str,
    pub title: &'static str,
    /// One or two plain sentences for the walkthrough list.
    pub summary: &'static str,
    /// The AWS documentation pages the walkthrough rests on.
    pub sources: &'static [&'static str],
    /// Ids of deck cards that this walkthrough shows.
    pub related_cards: &'static [&'static str],
    /// Ids of the guided labs that practise what it shows.
    pub labs: &'static [&'static str],
    /// The scene, in drawing order: a container comes before what it holds.
    pub actors: &'static [Actor],
    pub steps: &'static [Step],
}

/// The deep link of walkthrough `id`'s step `index` (0-based):
/// `/walkthroughs/<id>/<n>`, where `n` counts from 1.
pub fn step_link(id: &str, index: usize) -> String {
    format!("/walkthroughs/{id}/{}", index + 1)
}

impl Walkthrough {
    pub fn actor(&self, id: &str) -> Option<&'static Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The step at a 0-based index.
    pub fn step(&self, index: usize) -> Option<&'static Step> {
        self.steps.get(index)
    }

    /// The deep link of a step: `/walkthroughs/<id>/<n>`, where `n` counts
    /// from 1 as the step indicator does.
    pub fn link(&self, index: usize) -> String {
        step_link(self.id, index)
    }

    /// The 0-based index named by the `<step>` part of a deep link, if this
    /// walkthrough has that step.
    pub fn step_from_link(&self, number: &str) -> Option<usize> {
        let n: usize = number.trim().parse().ok()?;
        (1..=self.steps.len()).contains(&n).then(|| n - 1)
    }
}

/// What an actor stands for. The renderer picks the icon and box style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    /// An AWS account: a box that holds other actors.
    Account,
    /// An AWS Region: a box that holds other actors.
    Region,
    Key,
    KeyPolicy,
    Snapshot,
    Volume,
    Bucket,
    Object,
    Role,
    User,
    Service,
    /// A secret, or one version of a secret.
    Secret,
    Parameter,
    Table,
    Database,
    Application,
    DataKey,
    Ciphertext,
    Lambda,
    Ami,
    Instance,
}

impl ActorKind {
    /// Accounts and Regions are drawn as boxes that hold other actors.
    pub const fn is_container(self) -> bool {
        matches!(self, ActorKind::Account | ActorKind::Region)
    }

    pub fn name(self) -> &'static str {
        match self {
            ActorKind::Account => "account",
            ActorKind::Region => "region",
            ActorKind::Key => "key",
            ActorKind::KeyPolicy => "key-policy",
            ActorKind::Snapshot => "snapshot",
            ActorKind::Volume => "volume",
            ActorKind::Bucket => "bucket",
            ActorKind::Object => "object",
            ActorKind::Role => "role",
            ActorKind::User => "user",
            ActorKind::Service => "service",
            ActorKind::Secret => "secret",
            ActorKind::Parameter => "parameter",
            ActorKind::Table => "table",
            ActorKind::Database => "database",
            ActorKind::Application => "application",
            ActorKind::DataKey => "data-key",
            ActorKind::Ciphertext => "ciphertext",
            ActorKind::Lambda => "lambda",
            ActorKind::Ami => "ami",
            ActorKind::Instance => "instance",
        }
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One thing in the scene, at a fixed place on the canvas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// Kebab-case, unique within the walkthrough.
    pub id: &'static str,
    pub kind: ActorKind,
    /// The label before any step changes it.
    pub label: &'static str,
    /// The Account or Region box it sits in.
    pub parent: Option<&'static str>,
    pub rect: Rect,
    /// Badges (small tags under the label) before any step changes them.
    pub badges: &'static [&'static str],
    /// On the canvas before the first step; otherwise a step brings it in.
    pub initially_present: bool,
}

impl Actor {
    /// An actor on the canvas from the start, with no parent and no badge.
    pub const fn new(id: &'static str, kind: ActorKind, label: &'static str, rect: Rect) -> Actor {
        Actor {
            id,
            kind,
            label,
            parent: None,
            rect,
            badges: &[],
            initially_present: true,
        }
    }

    pub const fn inside(self, parent: &'static str) -> Actor {
        Actor {
            parent: Some(parent),
            ..self
        }
    }

    pub const fn badges(self, badges: &'static [&'static str]) -> Actor {
        Actor { badges, ..self }
    }

    /// Off the canvas until a step lists it in [`Step::appear`].
    pub const fn enters_later(self) -> Actor {
        Actor {
            initially_present: false,
            ..self
        }
    }
}

/// One step: what is said, and what changes on the canvas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Step {
    pub title: &'static str,
    /// Markdown, two to five sentences.
    pub narration: &'static str,
    /// Drawn during this step only, in this order. A request and its answer
    /// between the same two actors are two arrows; draw them apart.
    pub arrows: &'static [Arrow],
    /// Actors emphasized during this step only.
    pub highlights: &'static [&'static str],
    /// Actors that come onto the canvas at this step and stay.
    pub appear: &'static [&'static str],
    /// Actors that leave the canvas at this step.
    pub disappear: &'static [&'static str],
    /// Label and badge changes that last until a later step changes them.
    pub changes: &'static [Change],
}

impl Step {
    /// A step that only narrates; add what it shows with the builders.
    pub const fn new(title: &'static str, narration: &'static str) -> Step {
        Step {
            title,
            narration,
            arrows: &[],
            highlights: &[],
            appear: &[],
            disappear: &[],
            changes: &[],
        }
    }

    pub const fn arrows(self, arrows: &'static [Arrow]) -> Step {
        Step { arrows, ..self }
    }

    pub const fn highlight(self, highlights: &'static [&'static str]) -> Step {
        Step { highlights, ..self }
    }

    pub const fn appear(self, appear: &'static [&'static str]) -> Step {
        Step { appear, ..self }
    }

    pub const fn disappear(self, disappear: &'static [&'static str]) -> Step {
        Step { disappear, ..self }
    }

    pub const fn changes(self, changes: &'static [Change]) -> Step {
        Step { changes, ..self }
    }
}

/// How an arrow is drawn, after what it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArrowStyle {
    /// An API request, such as `kms:Decrypt`.
    Call,
    /// Data or key material moving, such as a copy or a replica.
    Data,
    /// A permission given, such as a key policy statement or a launch permission.
    Grant,
}

impl ArrowStyle {
    pub const ALL: [ArrowStyle; 3] = [ArrowStyle::Call, ArrowStyle::Data, ArrowStyle::Grant];

    /// The style's name in the stage's classes and marker ids.
    pub fn name(self) -> &'static str {
        match self {
            ArrowStyle::Call => "call",
            ArrowStyle::Data => "data",
            ArrowStyle::Grant => "grant",
        }
    }
}

/// An arrow from one actor to another, with a short label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Arrow {
    pub from: &'static str,
    pub to: &'static str,
    pub label: &'static str,
    pub style: ArrowStyle,
}

impl Arrow {
    pub const fn call(from: &'static str, to: &'static str, label: &'static str) -> Arrow {
        Arrow {
            from,
            to,
            label,
            style: ArrowStyle::Call,
        }
    }

    pub const fn data(from: &'static str, to: &'static str, label: &'static str) -> Arrow {
        Arrow {
            from,
            to,
            label,
            style: ArrowStyle::Data,
        }
    }

    pub const fn grant(from: &'static str, to: &'static str, label: &'static str) -> Arrow {
        Arrow {
            from,
            to,
            label,
            style: ArrowStyle::Grant,
        }
    }
}

/// A lasting change to an actor. Changes apply after the step's arrivals and
/// before its departures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    /// The actor's label becomes `label`.
    Relabel {
        actor: &'static str,
        label: &'static str,
    },
    AddBadge {
        actor: &'static str,
        badge: &'static str,
    },
    RemoveBadge {
        actor: &'static str,
        badge: &'static str,
    },
    /// A badge leaves one actor for another, as a staging label moves
    /// between secret versions; the renderer can animate the move.
    MoveBadge {
        badge: &'static str,
        from: &'static str,
        to: &'static str,
    },
}

impl Change {
    pub const fn relabel(actor: &'static str, label: &'static str) -> Change {
        Change::Relabel { actor, label }
    }

    pub const fn add_badge(actor: &'static str, badge: &'static str) -> Change {
        Change::AddBadge { actor, badge }
    }

    pub const fn remove_badge(actor: &'static str, badge: &'static str) -> Change {
        Change::RemoveBadge { actor, badge }
    }

    pub const fn move_badge(badge: &'static str, from: &'static str, to: &'static str) -> Change {
        Change::MoveBadge { badge, from, to }
    }

    /// The actors the change touches.
    pub fn actors(&self) -> Vec<&'static str> {
        match *self {
            Change::Relabel { actor, .. }
            | Change::AddBadge { actor, .. }
            | Change::RemoveBadge { actor, .. } => vec![actor],
            Change::MoveBadge { from, to, .. } => vec![from, to],
        }
    }
}
