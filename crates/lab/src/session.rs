//! One lab's terminal: a seeded simulator, the virtual files, the command
//! history, and the log of everything typed or clicked, which rebuilds the
//! same state after a reload (see ARCHITECTURE.md, "Lab state").

use keydeck_sim::Simulator;
pub use keydeck_lab_protocol::{Entry, Output};

use crate::io::Vfs;

/// A lab's terminal and everything behind it.
pub struct Session {
    pub(crate) seed: u64,
    pub(crate) sim: Simulator,
    pub(crate) files: Vfs,
    pub(crate) history: Vec<String>,
    pub(crate) log: Vec<Entry>,
}
