//! A grant: a permission on one key for one grantee principal, limited to
//! listed operations and optionally to encryption contexts.
//!
//! A grant token here is base64 of `KDGT`, the 32-byte grant ID and 32
//! random bytes.

use super::blob::EncryptionContext;
use crate::platform::clock::Timestamp;
use crate::platform::error::Error;
use base64::Engine as _;
use serde_json::{json, Value};

/// The operations a grant can allow, as CreateGrant names them.
pub const GRANT_OPERATIONS: &[&str] = &[
    "Decrypt",
    "Encrypt",
    "GenerateDataKey",
    "GenerateDataKeyWithoutPlaintext",
    "ReEncryptFrom",
    "ReEncryptTo",
    "Sign",
    "Verify",
    "GetPublicKey",
    "CreateGrant",
    "RetireGrant",
    "DescribeKey",
    "GenerateDataKeyPair",
    "GenerateDataKeyPairWithoutPlaintext",
    "GenerateMac",
    "VerifyMac",
];

/// The first bytes of every grant token this simulator issues.
pub const TOKEN_PREFIX: &[u8] = b"KDGT";

/// `EncryptionContextSubset` / `EncryptionContextEquals`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Constraints {
    pub subset: Option<EncryptionContext>,
    pub equals: Option<EncryptionContext>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub id: String,
    pub token: String,
    pub key_arn: String,
    pub name: Option<String>,
    pub grantee: String,
    pub retiring: Option<String>,
    pub issuing_account: String,
    pub operations: Vec<String>,
    pub constraints: Option<Constraints>,
    pub created: Timestamp,
}

impl Grant {
    /// The grant as ListGrants shows it.
    pub fn to_json(&self) -> Value {
        let mut g = json!({
            "KeyId": self.key_arn,
            "GrantId": self.id,
            "CreationDate": self.created,
            "GranteePrincipal": self.grantee,
            "IssuingAccount": self.issuing_account,
            "Operations": self.operations,
        });
        if let Some(name) = &self.name {
            g["Name"] = json!(name);
        }
        if let Some(r) = &self.retiring {
            g["RetiringPrincipal"] = json!(r);
        }
        if let Some(c) = &self.constraints {
            let mut cj = json!({});
            if let Some(s) = &c.subset {
                cj["EncryptionContextSubset"] = json!(s);
            }
            if let Some(e) = &c.equals {
                cj["EncryptionContextEquals"] = json!(e);
            }
            g["Constraints"] = cj;
        }
        g
    }

    /// Whether the grant's constraints admit a call under `context`.
    pub fn permits(&self, context: Option<&EncryptionContext>) -> bool {
        let Some(c) = &self.constraints else {
            return true;
        };
        let empty = EncryptionContext::new();
        let context = context.unwrap_or(&empty);
        let subset_ok = c
            .subset
            .as_ref()
            .is_none_or(|s| s.iter().all(|(k, v)| context.get(k) == Some(v)));
        let equals_ok = c.equals.as_ref().is_none_or(|e| e == context);
        subset_ok && equals_ok
    }
}

/// Refuses grant tokens that this simulator could not have issued.
pub fn check_tokens(tokens: &[String]) -> Result<(), Error> {
    for t in tokens {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(t)
            .unwrap_or_default();
        if bytes.len() != 68 || !bytes.starts_with(TOKEN_PREFIX) {
            return Err(Error::InvalidGrantTokenException(
                "The grant token is invalid.".to_owned(),
            ));
        }
    }
    Ok(())
}
