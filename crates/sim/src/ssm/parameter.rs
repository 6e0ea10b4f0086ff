//! A parameter and its versions: the type, the tier, the value (sealed by
//! KMS for a SecureString), labels, and the name rules of
//! <https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-su-create.html>.

use crate::platform::aws_enum::aws_enum;
use crate::platform::clock::Timestamp;
use crate::platform::error::Error;
use crate::ssm::policies::{self, Policy};
use serde_json::{json, Map, Value};

aws_enum!(
    /// `String`, `StringList` or `SecureString` (sealed by KMS).
    ParameterType {
        SecureString => "SecureString",
        StringList => "StringList",
        String => "String",
    }
);

aws_enum!(
    /// The parameter tier: Standard (4 KB values, 10,000 per account and
    /// Region, no policies), Advanced (8 KB, 100,000, policies), or
    /// Intelligent-Tiering (Standard unless the request needs Advanced).
    Tier {
        Standard => "Standard",
        Advanced => "Advanced",
        IntelligentTiering => "Intelligent-Tiering",
    }
);

aws_enum!(
    /// The data types a String parameter may declare.
    DataType {
        Text => "text",
        Ec2Image => "aws:ec2:image",
        SsmIntegration => "aws:ssm:integration",
    }
);

/// Parameter Store keeps the 100 most recent versions of a parameter.
pub const MAX_VERSIONS: usize = 100;
/// A parameter version carries at most 10 labels.
pub const MAX_LABELS_PER_VERSION: usize = 10;
/// Hierarchies are at most 15 levels deep.
pub const MAX_LEVELS: usize = 15;

/// One version of a parameter, as PutParameter made it.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub version: u64,
    pub kind: ParameterType,
    /// The value as stored: for a SecureString, the KMS ciphertext in base64.
    pub value: String,
    pub key_id: Option<String>,
    pub description: Option<String>,
    pub allowed_pattern: Option<String>,
    pub data_type: DataType,
    pub tier: Tier,
    pub labels: Vec<String>,
    pub policies: Vec<Policy>,
    pub last_modified: Timestamp,
    pub last_modified_user: String,
}

/// A named parameter: its versions, oldest first, and its tags.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub name: String,
    pub arn: String,
    pub versions: Vec<Version>,
    pub tags: Vec<(String, String)>,
}

impl Parameter {
    pub fn latest(&self) -> &Version {
        self.versions.last().expect("a parameter has a version")
    }

    pub fn version(&self, n: u64) -> Option<&Version> {
        self.versions.iter().find(|v| v.version == n)
    }

    pub fn labelled(&self, label: &str) -> Option<&Version> {
        self.versions
            .iter()
            .find(|v| v.labels.iter().any(|l| l == label))
    }

    /// The parameter's tier: that of its latest version.
    pub fn tier(&self) -> Tier {
        self.latest().tier
    }

    /// DescribeParameters' ParameterMetadata, as of version `v`.
    pub fn metadata(&self, v: &Version) -> Value {
        let mut m = Map::new();
        m.insert("Name".into(), json!(self.name));
        m.insert("ARN".into(), json!(self.arn));
        m.insert("Type".into(), json!(v.kind.as_str()));
        if let Some(k) = &v.key_id {
            m.insert("KeyId".into(), json!(k));
        }
        m.insert("LastModifiedDate".into(), json!(v.last_modified));
        m.insert("LastModifiedUser".into(), json!(v.last_modified_user));
        if let Some(d) = &v.description {
            m.insert("Description".into(), json!(d));
        }
        if let Some(a) = &v.allowed_pattern {
            m.insert("AllowedPattern".into(), json!(a));
        }
        m.insert("Version".into(), json!(v.version));
        m.insert("Tier".into(), json!(v.tier.as_str()));
        m.insert("Policies".into(), policies::view(&v.policies));
        m.insert("DataType".into(), json!(v.data_type.as_str()));
        Value::Object(m)
    }
}

/// The ARN of a parameter: `arn:aws:ssm:<region>:<account>:parameter/<name>`,
/// with one slash whether or not the name begins with one.
pub fn arn(region: &str, account: &str, name: &str) -> String {
    let name = name.strip_prefix('/').unwrap_or(name);
    format!("arn:aws:ssm:{region}:{account}:parameter/{name}")
}

/// The number of hierarchy levels in a name (`/a/b/c` has three).
pub fn levels(name: &str) -> usize {
    name.split('/').filter(|s| !s.is_empty()).count()
}

/// Checks a new parameter's name: allowed characters, the reserved `aws`
/// and `ssm` prefixes (messages as moto's tests record AWS's answers), and
/// at most 15 levels.
pub fn check_name(name: &str) -> Result<(), Error> {
    let lower = name.to_ascii_lowercase();
    let bare = lower.trim_start_matches('/');
    if bare.starts_with("aws") || bare.starts_with("ssm") {
        let is_path = name.matches('/').count() > 1;
        if lower.starts_with("/aws") && is_path {
            return Err(Error::AccessDeniedException(format!(
                "No access to reserved parameter name: {name}."
            )));
        }
        return Err(Error::ValidationException(if is_path {
            "Parameter name: can't be prefixed with \"ssm\" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_".to_owned()
        } else {
            "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive)."
                .to_owned()
        }));
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || "_.-/".contains(c);
    if !name.chars().all(allowed) {
        // The form of the message for a path in the wrong shape, as AWS words it.
        return Err(Error::ValidationException(
            "The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash \"/\".".to_owned(),
        ));
    }
    if levels(name) > MAX_LEVELS {
        return Err(hierarchy_too_deep());
    }
    Ok(())
}

/// AWS documents only the exception's description; it is the message here.
pub fn hierarchy_too_deep() -> Error {
    Error::HierarchyLevelLimitExceededException(
        "A hierarchy can have a maximum of 15 levels. For more information, see About requirements and constraints for parameter names in the Amazon Web Services Systems Manager User Guide.".to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns_have_one_slash_before_the_name() {
        assert_eq!(
            arn("us-east-1", "111122223333", "/app/db"),
            "arn:aws:ssm:us-east-1:111122223333:parameter/app/db"
        );
        assert_eq!(
            arn("us-east-1", "111122223333", "flat"),
            "arn:aws:ssm:us-east-1:111122223333:parameter/flat"
        );
    }

    #[test]
    fn names_count_their_levels() {
        assert_eq!(levels("/a/b/c"), 3);
        assert_eq!(levels("flat"), 1);
    }
}
