//! Commitment policies (specification: `framework/commitment-policy.md`):
//! which suites a client may encrypt with and which messages it decrypts.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;
use crate::suite::{Suite, SuiteId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CommitmentPolicy {
    ForbidEncryptAllowDecrypt,
    RequireEncryptAllowDecrypt,
    /// The official SDKs' default.
    #[default]
    RequireEncryptRequireDecrypt,
}

impl CommitmentPolicy {
    pub fn name(self) -> &'static str {
        match self {
            CommitmentPolicy::ForbidEncryptAllowDecrypt => "ForbidEncryptAllowDecrypt",
            CommitmentPolicy::RequireEncryptAllowDecrypt => "RequireEncryptAllowDecrypt",
            CommitmentPolicy::RequireEncryptRequireDecrypt => "RequireEncryptRequireDecrypt",
        }
    }

    /// The suite used when the caller names none: 0x0578 when commitment
    /// is required, 0x0378 when it is forbidden, as the official SDKs do.
    pub fn default_suite(self) -> SuiteId {
        match self {
            CommitmentPolicy::ForbidEncryptAllowDecrypt => 0x0378,
            _ => 0x0578,
        }
    }

    pub fn check_encrypt(self, suite: &Suite) -> Result<(), Error> {
        let allowed = match self {
            CommitmentPolicy::ForbidEncryptAllowDecrypt => !suite.committing,
            _ => suite.committing,
        };
        if allowed {
            Ok(())
        } else {
            Err(Error::CommitmentPolicyEncrypt {
                policy: self.name(),
                suite: suite.id,
            })
        }
    }

    pub fn check_decrypt(self, suite: &Suite) -> Result<(), Error> {
        if self == CommitmentPolicy::RequireEncryptRequireDecrypt && !suite.committing {
            return Err(Error::CommitmentPolicyDecrypt {
                policy: self.name(),
                suite: suite.id,
            });
        }
        Ok(())
    }
}

impl fmt::Display for CommitmentPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for CommitmentPolicy {
    type Err = Error;

    /// The CLI's kebab-case names.
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "forbid-encrypt-allow-decrypt" => Ok(CommitmentPolicy::ForbidEncryptAllowDecrypt),
            "require-encrypt-allow-decrypt" => Ok(CommitmentPolicy::RequireEncryptAllowDecrypt),
            "require-encrypt-require-decrypt" => Ok(CommitmentPolicy::RequireEncryptRequireDecrypt),
            _ => Err(Error::InvalidArgument(format!(
                "unknown commitment policy {s:?}"
            ))),
        }
    }
}
