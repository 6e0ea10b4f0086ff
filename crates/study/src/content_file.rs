//! The one reader of KeyDeck's Markdown content files (decks, question files
//! and labs), and the rules every piece of content keeps, the walkthroughs
//! (Rust data) included:
//!
//! - [`ContentFile`]: a file split into its `# Title`, its `##` sections and
//!   their `###` parts. Headings are found by pulldown-cmark, so a `#` inside
//!   a code block is not a heading.
//! - [`FileError`]: a problem located as `file:line`; [`LineIndex`] turns a
//!   byte offset into its line.
//! - [`lines_in`]: the lines of part of a file, for `key: value` field lines.
//! - [`is_kebab_case`] for ids, and [`FirstSeen`] for ids that must be
//!   unique across files.
//! - [`is_aws_source`]: the one rule for a cited page.
//!
//! What a section holds (a card's fields, a question's options, a task's
//! hint) and the words of each error stay with each format.

mod citation;
mod error;
mod headings;
mod ids;
mod lines;
mod split;

pub use citation::{is_aws_source, AWS_SOURCE};
pub use error::FileError;
pub use headings::{headings, Heading};
pub use ids::{is_kebab_case, FirstSeen};
pub use lines::{lines_in, Line, LineIndex};
pub use split::{ContentFile, Part, Section};
