//! The messages between KeyDeck's page and its labs worker.
//!
//! The page never links the simulator: it sends a [`Request`] as JSON text
//! with `postMessage`, and the worker answers with a [`Reply`] carrying the
//! same `id`. This crate holds only the shapes of those messages, so that
//! both sides agree on them at compile time.

use serde::{Deserialize, Serialize};
use serde_json::Value;

mod message;
mod saved;
mod scope;
pub mod wording;

pub use message::{FieldGroup, Inspection, MessageField};
pub use saved::{LabProgress, LabRecord, LabState, StateFull, LAB_STATE_LIMIT};

/// What changed a lab's state, in order. Replaying the entries on a
/// simulator with the same seed gives back the same state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Entry {
    /// A command line typed into the terminal.
    Line { line: String },
    /// An action taken in the console: an API call as a profile.
    Console {
        profile: String,
        region: String,
        service: String,
        operation: String,
        request: Value,
    },
}

/// What one command line printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// The exit status of the last command of the pipeline.
    pub status: i32,
    /// `clear` was run: the terminal empties its scrollback.
    pub clear: bool,
}

/// A message from the page to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Chosen by the page; the reply carries it back.
    pub id: u64,
    #[serde(flatten)]
    pub body: Ask,
}

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "ask", rename_all = "snake_case")]
pub enum Ask {
    /// Opens a lab: a fresh session with `seed`, then `log` replayed.
    Open {
        lab: String,
        seed: u64,
        log: Vec<Entry>,
    },
    /// Runs one command line in the open lab.
    Run { line: String },
    /// Tab completion at byte offset `cursor` of `line`.
    Complete { line: String, cursor: usize },
    /// A console action: one API call as a profile.
    Call {
        profile: String,
        region: String,
        service: String,
        operation: String,
        request: Value,
    },
    /// "Try a call": would `profile` be allowed `action` on `key_id`?
    Explain {
        profile: String,
        region: String,
        action: String,
        key_id: String,
        context: Option<Value>,
    },
    /// The byte viewer: `file` of the open lab read as an AWS Encryption
    /// SDK message (an empty name lists the files only).
    Inspect { file: String },
}

/// The worker's answer to one [`Request`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub id: u64,
    #[serde(flatten)]
    pub body: Answer,
}

/// A [`Reply`] read for its id alone: which request it answers. Reading
/// no more, it needs none of [`Answer`]'s reader, so a page that starts
/// the worker without asking it anything does not carry that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct ReplyId {
    pub id: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "answer", rename_all = "snake_case")]
pub enum Answer {
    /// The lab after `Open`, `Run` or `Call`.
    Lab(Box<LabStep>),
    Completion {
        start: usize,
        candidates: Vec<String>,
        common_prefix: String,
    },
    Explained {
        explanation: Value,
    },
    Inspected(Box<Inspection>),
    /// The request could not be served (no lab open, unknown lab, bad message).
    Failed {
        message: String,
    },
}

/// What the page shows after a step, and the entry to append to the saved
/// log when the state changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabStep {
    pub view: LabView,
    /// What the terminal printed, for `Run`.
    pub output: Option<Output>,
    /// A console call's result: the response or `{"__type", "message"}`.
    pub call: Option<Value>,
    pub appended: Option<Entry>,
}

/// A lab as `/labs` lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabSummary {
    pub id: String,
    pub number: u32,
    pub title: String,
    pub summary: String,
    pub minutes: u32,
    pub task_ids: Vec<String>,
}

/// An open lab: instructions, task status and the console's state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabView {
    pub summary: LabSummary,
    /// Markdown; the page renders it with the study crate's safe renderer.
    pub intro_markdown: String,
    pub cards: Vec<String>,
    pub walkthroughs: Vec<String>,
    pub sources: Vec<String>,
    pub tasks: Vec<TaskView>,
    pub history: Vec<String>,
    pub console: ConsoleView,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskView {
    pub id: String,
    pub title: String,
    pub body_markdown: String,
    pub hint_markdown: String,
    pub done: bool,
}

/// What the console shows: the same state the terminal changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConsoleView {
    /// The simulated clock, ISO 8601.
    pub now: String,
    pub profiles: Vec<ProfileRow>,
    /// Every key in every account and Region, by account, Region, then ID.
    pub keys: Vec<KeyRow>,
    /// Every Parameter Store parameter, by account, Region, then name.
    pub parameters: Vec<ParameterRow>,
    /// Every secret, primaries and replicas, by account, Region, then name.
    pub secrets: Vec<SecretRow>,
    /// Every EBS snapshot, in the order they were made.
    pub snapshots: Vec<SnapshotRow>,
    /// Every EBS volume, in the order they were made.
    pub volumes: Vec<VolumeRow>,
    /// The CloudTrail-style event list, newest first.
    pub events: Vec<EventRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileRow {
    pub name: String,
    pub arn: String,
    pub account: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyRow {
    pub key_id: String,
    pub arn: String,
    pub account: String,
    pub region: String,
    pub aliases: Vec<String>,
    pub description: String,
    pub state: String,
    pub spec: String,
    pub usage: String,
    pub origin: String,
    pub manager: String,
    /// "Primary", "Replica" or empty for a single-Region key.
    pub multi_region: String,
    /// Automatic rotation: `None` where it cannot apply, else the period in days if enabled.
    pub rotation: RotationStatus,
    pub created: String,
    /// Set while the key waits for deletion.
    pub deletion_date: Option<String>,
    /// The key policy, pretty-printed JSON.
    pub policy: String,
    pub grants: Vec<GrantRow>,
    pub tags: Vec<(String, String)>,
    pub rotations: Vec<RotationRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RotationStatus {
    NotSupported,
    Disabled,
    Enabled { period_days: u32, next: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrantRow {
    pub grant_id: String,
    pub name: String,
    pub grantee: String,
    pub retiring: String,
    pub operations: Vec<String>,
    pub constraints: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RotationRow {
    pub date: String,
    /// "AUTOMATIC" or "ON_DEMAND".
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    pub time: String,
    pub principal: String,
    pub operation: String,
    pub region: String,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
}

/// A parameter as of its latest version. A SecureString's value is never
/// here, sealed or open: `value` says "(encrypted)".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParameterRow {
    pub name: String,
    pub arn: String,
    pub account: String,
    pub region: String,
    /// "String", "StringList" or "SecureString".
    pub kind: String,
    /// "Standard" or "Advanced".
    pub tier: String,
    pub version: u64,
    /// The KMS key of a SecureString, as the parameter names it.
    pub key_id: Option<String>,
    /// The value of a String or StringList; "(encrypted)" for a SecureString.
    pub value: String,
    pub description: String,
    pub last_modified: String,
    pub last_modified_user: String,
    /// Every version kept, newest first, with its labels.
    pub versions: Vec<ParameterVersionRow>,
    /// The latest version's policies.
    pub policies: Vec<ParameterPolicyRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParameterVersionRow {
    pub version: u64,
    pub labels: Vec<String>,
    pub last_modified: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParameterPolicyRow {
    /// "Expiration", "ExpirationNotification" or "NoChangeNotification".
    pub kind: String,
    /// "Pending" or "Finished".
    pub status: String,
    /// The policy as it was given, JSON.
    pub text: String,
}

/// A secret, without its value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecretRow {
    pub name: String,
    pub arn: String,
    pub account: String,
    pub region: String,
    pub description: String,
    /// The key new versions are sealed under (`alias/aws/secretsmanager`
    /// when the secret names none).
    pub kms_key_id: String,
    pub rotation: SecretRotationRow,
    pub created: String,
    pub last_changed: String,
    /// When DeleteSecret was called, and when the secret goes for good.
    pub deleted: Option<String>,
    pub deletion_date: Option<String>,
    /// Every version, newest first, with its staging labels.
    pub versions: Vec<SecretVersionRow>,
    /// For a replica, the Region of its primary.
    pub primary_region: Option<String>,
    /// For a primary, the Regions it replicates to.
    pub replicas: Vec<ReplicaRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecretRotationRow {
    pub enabled: bool,
    pub lambda_arn: Option<String>,
    /// The rules as the API gives them: `AutomaticallyAfterDays=30`,
    /// `ScheduleExpression=rate(10 days)`, `Duration=2h`, joined by ", ".
    pub rules: Option<String>,
    pub last_rotated: Option<String>,
    /// Set while rotation is enabled.
    pub next: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecretVersionRow {
    pub version_id: String,
    /// AWSCURRENT, AWSPENDING, AWSPREVIOUS and any labels of the learner's.
    pub stages: Vec<String>,
    pub created: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplicaRow {
    pub region: String,
    pub kms_key_id: String,
    /// "InSync", "Failed" or "InProgress".
    pub status: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotRow {
    pub snapshot_id: String,
    /// The account that owns it.
    pub owner: String,
    pub region: String,
    pub volume_id: String,
    pub volume_size: i64,
    pub description: String,
    /// "pending", "completed" or "error".
    pub state: String,
    /// Why a snapshot is in `error`, as EC2's StateMessage says it.
    pub state_message: Option<String>,
    pub encrypted: bool,
    /// The KMS key's ARN, for an encrypted snapshot.
    pub kms_key_id: Option<String>,
    /// The accounts in its `createVolumePermission`.
    pub shared_with: Vec<String>,
    /// `createVolumePermission` holds the group `all`.
    pub public: bool,
    pub started: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VolumeRow {
    pub volume_id: String,
    pub owner: String,
    pub region: String,
    pub zone: String,
    pub size: i64,
    pub volume_type: String,
    /// "creating", "available" or "error".
    pub state: String,
    pub encrypted: bool,
    pub kms_key_id: Option<String>,
    pub snapshot_id: Option<String>,
    pub created: String,
}
