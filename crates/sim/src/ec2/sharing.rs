//! ModifySnapshotAttribute and DescribeSnapshotAttribute: sharing a
//! snapshot with other accounts through its `createVolumePermission`
//! (<https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html>).
//!
//! Both forms of the request are read: `Attribute`, `OperationType` and
//! `UserIds`/`GroupNames`, or `CreateVolumePermission {Add, Remove}`.
//! An encrypted snapshot cannot be made public, and one encrypted under
//! the AWS managed key `aws/ebs` cannot be shared at all: to find out which
//! key it is, EBS describes the key as the caller (so sharing an encrypted
//! snapshot needs `kms:DescribeKey` on its key too).

use crate::ec2::access::authorize;
use crate::ec2::encryption::describe;
use crate::ec2::input::{missing, Input};
use crate::ec2::operation::Operation;
use crate::ec2::resources::snapshot_arn;
use crate::ec2::store::{check_snapshot_id, Ec2};
use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use serde_json::{json, Value};

const ATTRIBUTES: &[&str] = &["productCodes", "createVolumePermission"];

/// Accounts and groups to add to, or remove from, `createVolumePermission`.
#[derive(Default)]
struct Change {
    add_users: Vec<String>,
    add_public: bool,
    remove_users: Vec<String>,
    remove_public: bool,
}

fn bad_attribute(value: &str) -> Error {
    Error::InvalidParameterValue(format!(
        "Value ({value}) for parameter attribute is invalid. Expected one of: [{}]",
        ATTRIBUTES.join(", ")
    ))
}

/// `[{"UserId": …} | {"Group": "all"}]` as users and whether `all` is in it.
fn permissions(list: Option<&Value>) -> Result<(Vec<String>, bool), Error> {
    let mut users = Vec::new();
    let mut public = false;
    for item in list.and_then(Value::as_array).into_iter().flatten() {
        if let Some(user) = item["UserId"].as_str() {
            users.push(user.to_owned());
        }
        match item["Group"].as_str() {
            None => {}
            Some("all") => public = true,
            Some(other) => return Err(bad_group(other)),
        }
    }
    Ok((users, public))
}

fn bad_group(group: &str) -> Error {
    Error::InvalidParameterValue(format!(
        "Value ({group}) for parameter group is invalid. Expected: 'all'."
    ))
}

fn read_change(input: &Input<'_>) -> Result<Change, Error> {
    if let Some(modifications) = input.raw("CreateVolumePermission") {
        let (add_users, add_public) = permissions(modifications.get("Add"))?;
        let (remove_users, remove_public) = permissions(modifications.get("Remove"))?;
        return Ok(Change {
            add_users,
            add_public,
            remove_users,
            remove_public,
        });
    }
    let attribute = input
        .string("Attribute")?
        .ok_or_else(|| missing("Attribute"))?;
    if attribute != "createVolumePermission" {
        return Err(bad_attribute(&attribute));
    }
    let users = input.strings("UserIds")?;
    let groups = input.strings("GroupNames")?;
    if let Some(g) = groups.iter().find(|g| *g != "all") {
        return Err(bad_group(g));
    }
    let public = !groups.is_empty();
    match input.string("OperationType")?.as_deref() {
        Some("add") => Ok(Change {
            add_users: users,
            add_public: public,
            ..Change::default()
        }),
        Some("remove") => Ok(Change {
            remove_users: users,
            remove_public: public,
            ..Change::default()
        }),
        Some(other) => Err(Error::InvalidParameterValue(format!(
            "Value ({other}) for parameter operationType is invalid. Expected one of: [add, remove]"
        ))),
        None => Err(missing("OperationType")),
    }
}

/// An account ID is 12 digits.
fn check_user(user: &str) -> Result<(), Error> {
    if user.len() == 12 && user.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Error::InvalidUserIdMalformed(format!(
            "User ID '{user}' is invalid"
        )))
    }
}

pub fn modify_snapshot_attribute(
    ec2: &mut Ec2,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let input = Input::new(request)?;
    let id = input.required("SnapshotId")?;
    let change = read_change(&input)?;
    change
        .add_users
        .iter()
        .chain(&change.remove_users)
        .try_for_each(|u| check_user(u))?;
    check_snapshot_id(&id)?;
    let region = env.caller.region.as_str();
    authorize(
        env,
        Operation::ModifySnapshotAttribute,
        &[snapshot_arn(region, &id)],
    )?;
    input.dry_run()?;
    let snapshot = ec2.own_snapshot_mut(env, &id)?;
    if let Some(e) = &snapshot.encryption {
        if change.add_public {
            return Err(Error::OperationNotPermitted(
                "Encrypted snapshots cannot be shared publicly.".to_owned(),
            ));
        }
        if !change.add_users.is_empty() {
            let (_, aws_managed) = describe(via, env, &e.key_arn)?;
            if aws_managed {
                return Err(Error::OperationNotPermitted(
                    "Encrypted snapshots with EBS default key cannot be shared".to_owned(),
                ));
            }
        }
    }
    let owner = snapshot.owner.clone();
    snapshot
        .shared_with
        .extend(change.add_users.into_iter().filter(|u| *u != owner));
    for user in &change.remove_users {
        snapshot.shared_with.remove(user);
    }
    snapshot.public = (snapshot.public || change.add_public) && !change.remove_public;
    Ok(json!({}))
}

pub fn describe_snapshot_attribute(
    ec2: &mut Ec2,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let input = Input::new(request)?;
    let attribute = input.required("Attribute")?;
    let id = input.required("SnapshotId")?;
    if !ATTRIBUTES.contains(&attribute.as_str()) {
        return Err(bad_attribute(&attribute));
    }
    check_snapshot_id(&id)?;
    let region = env.caller.region.as_str();
    authorize(
        env,
        Operation::DescribeSnapshotAttribute,
        &[snapshot_arn(region, &id)],
    )?;
    input.dry_run()?;
    let snapshot = ec2.own_snapshot_mut(env, &id)?;
    if attribute == "productCodes" {
        return Ok(json!({"SnapshotId": id, "ProductCodes": []}));
    }
    let mut permissions: Vec<Value> = Vec::new();
    if snapshot.public {
        permissions.push(json!({"Group": "all"}));
    }
    permissions.extend(snapshot.shared_with.iter().map(|u| json!({"UserId": u})));
    Ok(json!({"SnapshotId": id, "CreateVolumePermissions": permissions}))
}
