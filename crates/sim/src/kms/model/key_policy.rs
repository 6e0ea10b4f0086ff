//! A key's policy, parsed once when it is stored, and the policies KMS
//! writes itself: the default policy and the policy of an AWS managed key.

use crate::platform::account::{AccountId, Region};
use crate::platform::error::Error;
use crate::platform::policy::PolicyDocument;
use serde_json::json;

/// A key policy as stored: the text as written, which GetKeyPolicy
/// returns, and its statements, parsed when the policy was put so that no
/// call parses it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPolicy {
    text: String,
    document: PolicyDocument,
}

impl KeyPolicy {
    /// Parses a key policy, refusing it as AWS does
    /// (MalformedPolicyDocumentException).
    pub fn parse(text: &str) -> Result<KeyPolicy, Error> {
        Ok(KeyPolicy {
            document: PolicyDocument::parse_key_policy(text)?,
            text: text.to_owned(),
        })
    }

    /// A policy KMS itself writes, which always parses.
    fn written_by_kms(text: String) -> KeyPolicy {
        KeyPolicy {
            document: PolicyDocument::parse_key_policy(&text).unwrap_or_default(),
            text,
        }
    }

    /// The policy as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The policy's statements.
    pub fn document(&self) -> &PolicyDocument {
        &self.document
    }
}

/// The default key policy, which gives the account's root user full access
/// and so lets IAM policies in the account allow use of the key
/// (<https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html>).
pub fn default_policy(account: &AccountId) -> KeyPolicy {
    KeyPolicy::written_by_kms(
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
        .to_string(),
    )
}

/// The policy of an AWS managed key: usable by principals of the account
/// only through the service, and readable by the account.
pub fn aws_managed(account: &AccountId, region: &Region, service: &str) -> KeyPolicy {
    // EBS is part of EC2's endpoint: `aws/ebs` is used through `ec2.<region>`.
    let endpoint = match service {
        "ebs" => "ec2",
        other => other,
    };
    KeyPolicy::written_by_kms(json!({
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
                "kms:ViaService": format!("{endpoint}.{region}.amazonaws.com")
            }}
        }, {
            "Sid": "Allow direct access to key metadata to the account",
            "Effect": "Allow",
            "Principal": {"AWS": account.root_arn()},
            "Action": ["kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"],
            "Resource": "*"
        }]
    })
    .to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policies_kms_writes_parse() {
        let account: AccountId = "111122223333".parse().unwrap();
        let region: Region = "us-east-1".parse().unwrap();
        for policy in [
            default_policy(&account),
            aws_managed(&account, &region, "ssm"),
        ] {
            assert_eq!(KeyPolicy::parse(policy.text()).as_ref(), Ok(&policy));
            assert!(!policy.document().statements.is_empty());
        }
    }
}
