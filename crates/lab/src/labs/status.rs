//! Which tasks of a lab are done.
//!
//! Each task is checked on its own, not only once the tasks before it are
//! done: a learner who works out of order, or who did a step in the console
//! rather than the terminal, sees every finished task ticked. The order of
//! the tasks is the order the instructions suggest, not a gate.

use super::checks;
use super::Lab;
use crate::session::Session;

/// Task by task, whether its check holds on the session's state. A task
/// whose check id is unknown is never done (tests keep every id known).
pub fn status(lab: &Lab, session: &Session) -> Vec<bool> {
    lab.tasks
        .iter()
        .map(|task| checks::find(&task.check).is_some_and(|check| check(session)))
        .collect()
}
