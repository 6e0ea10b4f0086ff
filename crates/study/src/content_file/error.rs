//! A problem in a content file, located as `file:line`.

/// A problem in a content file, at the line that causes it. It reads
/// `file:line: message`, the form every format's errors take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct FileError {
    pub file: String,
    /// Counted from 1.
    pub line: usize,
    pub message: String,
}

impl FileError {
    pub fn new(file: &str, line: usize, message: impl Into<String>) -> FileError {
        FileError {
            file: file.to_owned(),
            line,
            message: message.into(),
        }
    }
}
