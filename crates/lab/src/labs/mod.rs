//! The guided labs: each a Markdown file in `content/labs/` (format in
//! `content/README.md`), parsed into a [`Lab`] of ordered [`Task`]s. A task
//! names a check, a function over the lab's [`Session`](crate::Session)
//! that decides from the simulator's state and event log when it is done.
//!
//! Nothing here renders HTML: the page renders the Markdown with
//! `keydeck_study::markdown::to_safe_html`.

mod builtin;
pub mod checks;
mod error;
mod fields;
mod parse;
mod status;
mod task;
mod text;

pub use builtin::LAB_FILES;
pub use error::LabError;
pub use parse::parse_lab;
pub use status::status;
pub use text::{LabText, TaskText};

use serde::{Deserialize, Serialize};

/// One guided lab. The labs worker receives them parsed, as JSON written
/// at build time, so the browser never links the Markdown parser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lab {
    /// The file name without its `NN-` order prefix and `.md`.
    pub id: String,
    pub title: String,
    /// One paragraph for the list of labs.
    pub summary: String,
    /// About how long the lab takes.
    pub minutes: u32,
    /// The deck topics (file stems of `content/decks/`) the lab practises.
    pub cards: Vec<String>,
    /// The walkthroughs the lab practises, by id.
    pub walkthroughs: Vec<String>,
    /// The AWS documentation pages the lab rests on.
    pub sources: Vec<String>,
    pub intro_markdown: String,
    pub tasks: Vec<Task>,
}

/// One step of a lab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: String,
    pub title: String,
    /// The instructions, with the commands to type.
    pub body_markdown: String,
    /// Markdown that helps without giving everything away.
    pub hint: String,
    /// The id of the check that decides when the task is done.
    pub check: String,
}

/// Parses every shipped lab, reporting every error of every file.
pub fn parse_all() -> Result<Vec<Lab>, Vec<LabError>> {
    let mut labs = Vec::new();
    let mut errors = Vec::new();
    for (file, text) in LAB_FILES {
        match parse_lab(file, text) {
            Ok(lab) => labs.push(lab),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(labs)
    } else {
        Err(errors)
    }
}

/// Every shipped lab, in order. The files are validated by tests, so an
/// error here is a build defect.
pub fn all() -> Vec<Lab> {
    parse_all().unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the shipped labs do not parse:\n{}", lines.join("\n"))
    })
}

/// A shipped lab by id.
pub fn find(id: &str) -> Option<Lab> {
    all().into_iter().find(|lab| lab.id == id)
}
