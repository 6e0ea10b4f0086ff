//! Lab file errors: each names the file and the line that causes it.

use std::fmt;

/// A problem in a lab file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for LabError {}

/// Collects the errors of one file, so a parse reports all of them at once.
pub(super) struct Report<'a> {
    pub file: &'a str,
    pub errors: Vec<LabError>,
}

impl<'a> Report<'a> {
    pub fn new(file: &'a str) -> Report<'a> {
        Report {
            file,
            errors: Vec::new(),
        }
    }

    pub fn error(&mut self, line: usize, message: impl Into<String>) {
        self.errors.push(LabError {
            file: self.file.to_owned(),
            line,
            message: message.into(),
        });
    }
}
