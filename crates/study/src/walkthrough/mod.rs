//! Animated walkthroughs of AWS encryption processes, as data.
//!
//! A [`Walkthrough`] is a scene of [`Actor`]s laid out on a fixed
//! [`canvas`], and [`Step`]s that draw [`Arrow`]s, highlight actors, bring
//! actors in or out and [`Change`] their labels and badges, each with its
//! narration in Markdown. Nothing here draws: the web app renders a
//! [`SceneState`] as SVG and animates between two of them.
//!
//! - [`Walkthrough::state_at`] computes the canvas at any step from scratch,
//!   so a deep link (`/walkthroughs/<id>/<step>`, see [`Walkthrough::link`])
//!   opens any step directly; [`SceneState::next`] steps forward to the same
//!   picture.
//! - [`Layout`] says where the actors sit: [`Layout::landscape`] as
//!   written, on the 1200×675 canvas; [`Layout::portrait`], derived from
//!   the scene for a narrow screen; or [`Layout::presenter`], the scene as
//!   written with its empty room cut out, for a projector. Arrows and their
//!   labels are placed on any of them ([`Layout::arrow_shapes`]).
//! - [`Playhead`] holds the current step and the moves of the controls.
//! - [`Walkthrough::validate`] and [`validate_all`] report every problem:
//!   unknown actors, duplicate ids, empty narration, bad sources, crowded
//!   boxes, unknown cards, on all three layouts.
//! - [`Completions`] records which walkthroughs were watched to the end.
//! - [`builtin`] holds the walkthroughs that ship with KeyDeck.

pub mod builtin;
pub mod canvas;
mod completions;
pub mod layout;
mod model;
mod playhead;
mod state;
pub mod validate;

pub use canvas::Rect;
pub use completions::Completions;
pub use layout::{Layout, Orientation};
pub use model::{Actor, ActorKind, Arrow, ArrowStyle, Change, Step, Walkthrough};
pub use playhead::Playhead;
pub use state::{ActorState, SceneState};
pub use validate::{validate_all, Problem, Reference, WalkthroughError};
