//! The current step of a walkthrough being watched, and the moves the
//! controls make (previous, next, restart, end, a dot of the indicator).
//! Moves stop at either end instead of wrapping.

use super::model::{Step, Walkthrough};
use super::state::SceneState;

/// Which step of a walkthrough is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Playhead {
    walkthrough: &'static Walkthrough,
    index: usize,
}

impl Playhead {
    /// At the first step; `None` for a walkthrough without steps.
    pub fn new(walkthrough: &'static Walkthrough) -> Option<Playhead> {
        Playhead::at(walkthrough, 0)
    }

    /// At a 0-based step index, if the walkthrough has it.
    pub fn at(walkthrough: &'static Walkthrough, index: usize) -> Option<Playhead> {
        (index < walkthrough.steps.len()).then_some(Playhead { walkthrough, index })
    }

    /// At the step a deep link names (`/walkthroughs/<id>/<step>`, counted from 1).
    pub fn from_link(walkthrough: &'static Walkthrough, number: &str) -> Option<Playhead> {
        Playhead::at(walkthrough, walkthrough.step_from_link(number)?)
    }

    pub fn walkthrough(&self) -> &'static Walkthrough {
        self.walkthrough
    }

    /// The 0-based index of the current step.
    pub fn index(&self) -> usize {
        self.index
    }

    pub fn step(&self) -> &'static Step {
        &self.walkthrough.steps[self.index]
    }

    pub fn is_first(&self) -> bool {
        self.index == 0
    }

    pub fn is_last(&self) -> bool {
        self.index + 1 == self.walkthrough.steps.len()
    }

    /// Moves one step on; false (and no move) at the last step.
    pub fn forward(&mut self) -> bool {
        self.go_to(self.index + 1)
    }

    /// Moves one step back; false (and no move) at the first step.
    pub fn back(&mut self) -> bool {
        self.index > 0 && self.go_to(self.index - 1)
    }

    /// Back to the first step.
    pub fn restart(&mut self) {
        self.index = 0;
    }

    /// To the last step.
    pub fn end(&mut self) {
        self.index = self.walkthrough.steps.len() - 1;
    }

    /// To a 0-based step index; false (and no move) if there is no such step.
    pub fn go_to(&mut self, index: usize) -> bool {
        let exists = index < self.walkthrough.steps.len();
        if exists {
            self.index = index;
        }
        exists
    }

    /// The canvas at the current step.
    pub fn state(&self) -> SceneState {
        self.walkthrough
            .state_at(self.index)
            .expect("a playhead always points at an existing step")
    }

    /// The deep link of the current step.
    pub fn link(&self) -> String {
        self.walkthrough.link(self.index)
    }
}
