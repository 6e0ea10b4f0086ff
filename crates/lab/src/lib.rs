//! KeyDeck's hands-on labs, as pure Rust that tests natively.
//!
//! - [`cli`]: the AWS CLI v2 over [`keydeck_sim::Simulator`]: kebab-case
//!   operations and options, blob and shorthand arguments, global options,
//!   output formats, `--query` (JMESPath), and the CLI's exact error texts.
//! - [`shell`]: a small shell around it: pipes, redirects, builtins, a
//!   virtual filesystem, history and Tab completion.
//! - [`session`]: one lab's terminal: a seeded simulator, the files, the
//!   history, and the log that rebuilds it all after a reload.
//! - [`labs`]: the guided labs, their tasks and the checks that decide
//!   when a task is done.
//! - [`console`]: what the console view shows, read from the same state.
//! - [`host`]: the labs worker's answers to the page, one open lab at a time.

pub mod cli;
pub mod console;
pub mod esdk;
pub mod host;
pub mod io;
pub mod labs;
pub mod session;
pub mod shell;

pub use io::{CommandOutput, Vfs};
pub use session::{Entry, Output, Session};
