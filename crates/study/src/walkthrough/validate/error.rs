//! Validation errors, worded for whoever writes a walkthrough.

use std::fmt;

use crate::walkthrough::canvas::{GAP, MAX_ARROW_LABEL};
use crate::walkthrough::layout::portrait;

/// Something wrong with a walkthrough, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{walkthrough}{}: {problem}", step.map(|n| format!(", step {n}")).unwrap_or_default())]
pub struct WalkthroughError {
    pub walkthrough: String,
    /// The step, counted from 1 as in its deep link; `None` for the scene or
    /// the walkthrough as a whole.
    pub step: Option<usize>,
    pub problem: Problem,
}

/// Where an actor is referred to, to say which reference is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    Parent,
    ArrowStart,
    ArrowEnd,
    Highlight,
    Appear,
    Disappear,
    Change,
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Reference::Parent => "parent",
            Reference::ArrowStart => "arrow start",
            Reference::ArrowEnd => "arrow end",
            Reference::Highlight => "highlight",
            Reference::Appear => "appear list",
            Reference::Disappear => "disappear list",
            Reference::Change => "change",
        })
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// An id that is not lowercase kebab-case.
    BadId(String),
    DuplicateWalkthrough,
    DuplicateActor(String),
    /// A title, summary or narration with no text; names which.
    EmptyText(&'static str),
    /// Narration outside two to five sentences.
    NarrationLength(usize),
    NoSteps,
    NoSources,
    /// A source that breaks the one source rule
    /// ([`is_aws_source`](crate::content_file::is_aws_source)).
    BadSource(String),
    DuplicateSource(String),
    /// A related card id the shipped deck does not have.
    UnknownCard(String),
    /// A card whose `walkthrough:` field names this walkthrough, missing from
    /// its related cards.
    CardNotRelated(String),
    /// A card whose `walkthrough:` field names no walkthrough.
    CardNamesUnknownWalkthrough {
        card: String,
    },
    UnknownActor {
        id: String,
        at: Reference,
    },
    /// A parent that is not an Account or Region.
    ParentNotContainer {
        id: String,
        parent: String,
    },
    /// A parent listed after its child: containers are drawn first.
    ParentAfterChild {
        id: String,
        parent: String,
    },
    OutsideCanvas(String),
    OutsideParent {
        id: String,
        parent: String,
    },
    Overlap {
        a: String,
        b: String,
    },
    /// A label or badge wider than its box.
    TextTooWide {
        id: String,
        text: String,
        needs: u32,
        has: u16,
    },
    /// More badges at once than the box has lines for.
    TooManyBadges {
        id: String,
        badges: usize,
    },
    /// A reference to an actor that is not on the canvas at that moment.
    Absent {
        id: String,
        at: Reference,
    },
    AlreadyPresent(String),
    AlreadyAbsent(String),
    /// An actor on the canvas while its Account or Region box is not.
    ParentAbsent {
        id: String,
        parent: String,
    },
    BadgeMissing {
        id: String,
        badge: String,
    },
    BadgeDuplicate {
        id: String,
        badge: String,
    },
    ArrowToItself(String),
    /// An arrow label that is empty or longer than [`MAX_ARROW_LABEL`].
    ArrowLabel(String),
    /// A step with neither an arrow nor a highlight.
    NothingShown,
    /// An arrow label that, wherever along its arrow it is tried, leaves
    /// the canvas.
    LabelOffCanvas(String),
    /// An arrow label that, wherever along its arrow it is tried, covers a box.
    LabelCoversBox {
        label: String,
        id: String,
    },
    /// Two arrow labels of one step that, wherever they are tried, meet.
    LabelsMeet(String, String),
    /// A portrait canvas wider than [`portrait::WIDTH`] or taller than
    /// [`portrait::MAX_HEIGHT`].
    CanvasTooLarge {
        width: u16,
        height: u16,
    },
    /// An actor the layout has no box for.
    NotLaidOut(String),
    /// A problem of the portrait layout; the ones without this are of the
    /// landscape layout, or of no layout.
    InPortrait(Box<Problem>),
    /// A problem of the presenter layout.
    InPresenter(Box<Problem>),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::BadId(id) => write!(
                f,
                "\"{id}\" is not a kebab-case id (lowercase letters and digits joined by single hyphens)"
            ),
            Problem::DuplicateWalkthrough => f.write_str("another walkthrough has the same id"),
            Problem::DuplicateActor(id) => write!(f, "two actors have the id \"{id}\""),
            Problem::EmptyText(what) => write!(f, "the {what} is empty"),
            Problem::NarrationLength(n) => {
                write!(f, "the narration has {n} sentences; write 2 to 5")
            }
            Problem::NoSteps => f.write_str("the walkthrough has no steps"),
            Problem::NoSources => f.write_str("the walkthrough cites no AWS documentation"),
            Problem::BadSource(url) => write!(
                f,
                "source \"{url}\" must be {}",
                crate::content_file::AWS_SOURCE
            ),
            Problem::DuplicateSource(url) => write!(f, "\"{url}\" is cited twice"),
            Problem::UnknownCard(id) => write!(f, "related card \"{id}\" is not in the deck"),
            Problem::CardNotRelated(card) => write!(
                f,
                "card \"{card}\" names this walkthrough, which does not list it as related"
            ),
            Problem::CardNamesUnknownWalkthrough { card } => {
                write!(f, "card \"{card}\" names this walkthrough, which does not exist")
            }
            Problem::UnknownActor { id, at } => write!(f, "{at} \"{id}\" is not in the scene"),
            Problem::ParentNotContainer { id, parent } => write!(
                f,
                "\"{id}\" sits in \"{parent}\", which is not an Account or Region box"
            ),
            Problem::ParentAfterChild { id, parent } => write!(
                f,
                "\"{parent}\" must come before \"{id}\" in the scene, as it is drawn first"
            ),
            Problem::OutsideCanvas(id) => write!(f, "\"{id}\" does not fit on the canvas"),
            Problem::OutsideParent { id, parent } => write!(
                f,
                "\"{id}\" is not inside the content area of \"{parent}\" (below its title, within its padding)"
            ),
            Problem::Overlap { a, b } => write!(
                f,
                "\"{a}\" and \"{b}\" overlap or are closer than {GAP} units"
            ),
            Problem::TextTooWide { id, text, needs, has } => write!(
                f,
                "\"{text}\" needs {needs} units but \"{id}\" is {has} wide"
            ),
            Problem::TooManyBadges { id, badges } => {
                write!(f, "\"{id}\" is not tall enough for {badges} badges")
            }
            Problem::Absent { id, at } => {
                write!(f, "{at} \"{id}\" is not on the canvas at this step")
            }
            Problem::AlreadyPresent(id) => write!(f, "\"{id}\" appears but is already shown"),
            Problem::AlreadyAbsent(id) => write!(f, "\"{id}\" disappears but is not shown"),
            Problem::ParentAbsent { id, parent } => {
                write!(f, "\"{id}\" is shown while its parent \"{parent}\" is not")
            }
            Problem::BadgeMissing { id, badge } => {
                write!(f, "\"{id}\" has no badge \"{badge}\" to remove or move")
            }
            Problem::BadgeDuplicate { id, badge } => {
                write!(f, "\"{id}\" already has the badge \"{badge}\"")
            }
            Problem::ArrowToItself(id) => write!(f, "an arrow goes from \"{id}\" to itself"),
            Problem::ArrowLabel(label) => write!(
                f,
                "arrow label \"{label}\" must have 1 to {MAX_ARROW_LABEL} characters"
            ),
            Problem::NothingShown => f.write_str("the step draws no arrow and highlights nothing"),
            Problem::LabelOffCanvas(label) => {
                write!(f, "arrow label \"{label}\" does not fit on the canvas")
            }
            Problem::LabelCoversBox { label, id } => write!(
                f,
                "arrow label \"{label}\" covers \"{id}\" wherever it is placed along its arrow"
            ),
            Problem::LabelsMeet(a, b) => write!(
                f,
                "arrow labels \"{a}\" and \"{b}\" meet wherever they are placed along their arrows"
            ),
            Problem::CanvasTooLarge { width, height } => write!(
                f,
                "the canvas is {width}×{height} units, larger than the {}×{} a phone shows",
                portrait::WIDTH,
                portrait::MAX_HEIGHT
            ),
            Problem::NotLaidOut(id) => write!(f, "\"{id}\" has no box in the layout"),
            Problem::InPortrait(problem) => write!(f, "in the portrait layout, {problem}"),
            Problem::InPresenter(problem) => write!(f, "in the presenter layout, {problem}"),
        }
    }
}
