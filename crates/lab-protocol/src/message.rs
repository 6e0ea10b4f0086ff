//! An AWS Encryption SDK message as the lab's byte viewer shows it: its
//! bytes, and each byte range with its field, value, explanation and part
//! of the message.

use serde::{Deserialize, Serialize};

/// What [`crate::Ask::Inspect`] answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Inspection {
    /// Every file of the lab's terminal, by name, for the picker.
    pub files: Vec<String>,
    /// The file inspected; empty when none was asked for.
    pub file: String,
    pub bytes: Vec<u8>,
    /// The fields in order; they tile `bytes` when the message is well formed.
    pub fields: Vec<MessageField>,
    /// Why the parse stopped, naming the check, when it did.
    pub failure: Option<String>,
}

/// One field of a message: bytes `start .. start + len`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageField {
    pub start: usize,
    pub len: usize,
    /// "Version", "Encryption context 1 key", …
    pub name: String,
    /// The value in words ("0x02", "\"purpose\"", "4096").
    pub value: String,
    /// What the field is for, one or two sentences.
    pub explanation: String,
    pub group: FieldGroup,
}

/// The part of the message a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldGroup {
    Header,
    EncryptionContext,
    EncryptedDataKeys,
    Body,
    Footer,
}

impl FieldGroup {
    pub const ALL: [FieldGroup; 5] = [
        FieldGroup::Header,
        FieldGroup::EncryptionContext,
        FieldGroup::EncryptedDataKeys,
        FieldGroup::Body,
        FieldGroup::Footer,
    ];

    /// The group's name as the legend and the labels say it.
    pub fn label(self) -> &'static str {
        match self {
            FieldGroup::Header => "Header",
            FieldGroup::EncryptionContext => "Encryption context",
            FieldGroup::EncryptedDataKeys => "Encrypted data keys",
            FieldGroup::Body => "Body",
            FieldGroup::Footer => "Footer",
        }
    }

    /// A short tag shown on each row's first byte of a field, so colour is
    /// never the only cue.
    pub fn tag(self) -> &'static str {
        match self {
            FieldGroup::Header => "H",
            FieldGroup::EncryptionContext => "EC",
            FieldGroup::EncryptedDataKeys => "EDK",
            FieldGroup::Body => "B",
            FieldGroup::Footer => "F",
        }
    }

    /// The CSS class suffix: `esdk-group-header`, …
    pub fn class(self) -> &'static str {
        match self {
            FieldGroup::Header => "esdk-group-header",
            FieldGroup::EncryptionContext => "esdk-group-context",
            FieldGroup::EncryptedDataKeys => "esdk-group-keys",
            FieldGroup::Body => "esdk-group-body",
            FieldGroup::Footer => "esdk-group-footer",
        }
    }
}

impl MessageField {
    /// The accessible name: "Bytes 0 to 0: Version, 0x02".
    pub fn aria_label(&self) -> String {
        let last = (self.start + self.len).saturating_sub(1);
        format!(
            "Bytes {} to {last}: {}, {}",
            self.start, self.name, self.value
        )
    }

    /// The field that holds byte `offset`.
    pub fn at(fields: &[MessageField], offset: usize) -> Option<usize> {
        fields
            .iter()
            .position(|f| (f.start..f.start + f.len).contains(&offset))
    }
}
