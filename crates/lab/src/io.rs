//! What every command reads and writes: the virtual files and the bytes a
//! command prints.

use std::collections::BTreeMap;

/// What one command printed. Standard output is bytes, so that
/// `base64 --decode > key.bin` keeps binary data intact.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommandOutput {
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub status: i32,
}

impl CommandOutput {
    pub fn ok(stdout: impl Into<Vec<u8>>) -> CommandOutput {
        CommandOutput {
            stdout: stdout.into(),
            stderr: String::new(),
            status: 0,
        }
    }

    /// A failure with a message on standard error and the given status.
    pub fn fail(status: i32, stderr: impl Into<String>) -> CommandOutput {
        CommandOutput {
            stdout: Vec::new(),
            stderr: stderr.into(),
            status,
        }
    }
}

/// The lab's files: a flat namespace of names to bytes, in name order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vfs {
    files: BTreeMap<String, Vec<u8>>,
}

impl Vfs {
    pub fn read(&self, name: &str) -> Option<&[u8]> {
        self.files.get(name).map(Vec::as_slice)
    }

    pub fn write(&mut self, name: &str, bytes: Vec<u8>) {
        self.files.insert(name.to_owned(), bytes);
    }

    /// Adds bytes to the end of a file, creating it if needed.
    pub fn append(&mut self, name: &str, bytes: &[u8]) {
        self.files
            .entry(name.to_owned())
            .or_default()
            .extend_from_slice(bytes);
    }

    pub fn remove(&mut self, name: &str) -> bool {
        self.files.remove(name).is_some()
    }

    /// Every file with its size, in name order.
    pub fn list(&self) -> impl Iterator<Item = (&str, usize)> {
        self.files.iter().map(|(n, b)| (n.as_str(), b.len()))
    }

    pub fn contains(&self, name: &str) -> bool {
        self.files.contains_key(name)
    }
}
