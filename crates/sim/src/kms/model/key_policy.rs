//! The key policies KMS writes itself: the default policy and the policy
//! of an AWS managed key.

use crate::platform::account::{AccountId, Region};
use serde_json::json;

/// The default key policy, which gives the account's root user full access
/// and so lets IAM policies in the account allow use of the key
/// (<https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html>).
pub fn default_policy(account: &AccountId) -> String {
    json!({
        "Version": "2012-10-17",
        "Id": "key-default-1",
        "Statement": [{
            "Sid": "Enable IAM User Permissions",
            "Effect": "Allow",
            "Principal": {"AWS": account.root_arn()},
            "Action": "kms:*",
            "Resource": "*"
        }]
    })
    .to_string()
}

/// The policy of an AWS managed key: usable by principals of the account
/// only through the service, and readable by the account.
pub fn aws_managed(account: &AccountId, region: &Region, service: &str) -> String {
    json!({
        "Version": "2012-10-17",
        "Id": format!("auto-{service}-1"),
        "Statement": [{
            "Sid": format!("Allow access through {service} for all principals in the account that are authorized to use {service}"),
            "Effect": "Allow",
            "Principal": {"AWS": "*"},
            "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"],
            "Resource": "*",
            "Condition": {"StringEquals": {
                "kms:CallerAccount": account.as_str(),
                "kms:ViaService": format!("{service}.{region}.amazonaws.com")
            }}
        }, {
            "Sid": "Allow direct access to key metadata to the account",
            "Effect": "Allow",
            "Principal": {"AWS": account.root_arn()},
            "Action": ["kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"],
            "Resource": "*"
        }]
    })
    .to_string()
}
