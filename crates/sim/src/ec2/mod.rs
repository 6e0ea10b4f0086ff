//! Amazon EBS through the EC2 API: encrypted volumes and snapshots,
//! sharing snapshots with other accounts, and copying them across
//! accounts and Regions
//! (<https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html>).
//!
//! EBS calls KMS as the caller, through [`ViaService`] with
//! `kms:ViaService` = `ec2.<region>.amazonaws.com`, so a key policy, an
//! IAM policy or a grant decides as it does in AWS, and the KMS calls are
//! in the trail with `invokedBy`.
//!
//! Every call is authorized first (`access`): the caller's IAM policies
//! must allow `ec2:<operation>` on the volumes and snapshots it names.
//!
//! This root parses the operation and holds the dispatch table; nothing
//! imports it but the simulator. The operations (`volumes`, `snapshots`,
//! `sharing`, `copy`) use `encryption`, `input`, `store` and `resources`;
//! what a call starts finishes at the next call or clock move
//! ([`Ec2::settle`]).

mod access;
mod copy;
mod encryption;
mod input;
pub mod operation;
pub mod resources;
mod sharing;
mod snapshots;
pub mod store;
mod volumes;

use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use operation::Operation;
use serde_json::Value;

pub use copy::KEY_NOT_ACCESSIBLE;
pub use store::Ec2;

type Handler = fn(&mut Ec2, &Env<'_>, &mut ViaService<'_>, &Value) -> Result<Value, Error>;

/// The function that answers `operation`; exhaustive, so an operation
/// without one does not compile.
fn handler(operation: Operation) -> Handler {
    use Operation::*;
    match operation {
        CreateVolume => volumes::create_volume,
        DescribeVolumes => volumes::describe_volumes,
        CreateSnapshot => snapshots::create_snapshot,
        DescribeSnapshots => snapshots::describe_snapshots,
        ModifySnapshotAttribute => sharing::modify_snapshot_attribute,
        DescribeSnapshotAttribute => sharing::describe_snapshot_attribute,
        CopySnapshot => copy::copy_snapshot,
        DeleteSnapshot => snapshots::delete_snapshot,
    }
}

impl Ec2 {
    /// Runs one EC2 operation, calling KMS through `via`, after finishing
    /// what earlier calls started. An operation the simulator does not
    /// know is EC2's `InvalidAction`.
    pub fn call(
        &mut self,
        env: &Env<'_>,
        via: &mut ViaService<'_>,
        operation: &str,
        request: &Value,
    ) -> Result<Value, Error> {
        self.settle();
        let operation = Operation::parse(operation).ok_or_else(|| {
            Error::InvalidAction(format!(
                "The action {operation} is not valid for this web service."
            ))
        })?;
        handler(operation)(self, env, via, request)
    }
}
