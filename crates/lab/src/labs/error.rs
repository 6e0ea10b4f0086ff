//! Lab file errors: each names the file and the line that causes it.

use keydeck_study::content_file::FileError;

/// A problem in a lab file, read `file:line: message` as in every content
/// file.
pub type LabError = FileError;

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
        self.errors.push(LabError::new(self.file, line, message));
    }
}
