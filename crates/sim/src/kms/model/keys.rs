//! The KMS key model: key specs, usages, states and origins with their AWS
//! spellings, and the regional key record.
//!
//! Reference: <https://docs.aws.amazon.com/kms/latest/APIReference/API_KeyMetadata.html>.

use super::key_policy::KeyPolicy;
use crate::platform::account::{AccountId, Region};
use crate::platform::aws_enum::aws_enum;
use crate::platform::clock::Timestamp;
use std::collections::BTreeMap;

aws_enum!(
    /// The type of key material (`KeySpec`).
    KeySpec {
        Rsa2048 => "RSA_2048",
        EccNistP384 => "ECC_NIST_P384",
        EccNistP256 => "ECC_NIST_P256",
        EccNistP521 => "ECC_NIST_P521",
        Hmac384 => "HMAC_384",
        Rsa3072 => "RSA_3072",
        EccSecgP256k1 => "ECC_SECG_P256K1",
        Rsa4096 => "RSA_4096",
        SymmetricDefault => "SYMMETRIC_DEFAULT",
        Hmac256 => "HMAC_256",
        Hmac224 => "HMAC_224",
        Hmac512 => "HMAC_512",
    }
);

aws_enum!(
    /// The cryptographic operations a key can do (`KeyUsage`).
    KeyUsage {
        EncryptDecrypt => "ENCRYPT_DECRYPT",
        SignVerify => "SIGN_VERIFY",
        GenerateVerifyMac => "GENERATE_VERIFY_MAC",
    }
);

aws_enum!(
    /// `KeyState`.
    KeyState {
        Creating => "Creating",
        Enabled => "Enabled",
        Disabled => "Disabled",
        PendingDeletion => "PendingDeletion",
        PendingImport => "PendingImport",
        PendingReplicaDeletion => "PendingReplicaDeletion",
        Unavailable => "Unavailable",
        Updating => "Updating",
    }
);

aws_enum!(
    /// Where the key material came from (`Origin`).
    Origin {
        AwsKms => "AWS_KMS",
        External => "EXTERNAL",
    }
);

aws_enum!(
    /// `EncryptionAlgorithm`.
    EncryptionAlgorithm {
        SymmetricDefault => "SYMMETRIC_DEFAULT",
        RsaesOaepSha1 => "RSAES_OAEP_SHA_1",
        RsaesOaepSha256 => "RSAES_OAEP_SHA_256",
    }
);

aws_enum!(
    /// `SigningAlgorithm`.
    SigningAlgorithm {
        RsassaPssSha256 => "RSASSA_PSS_SHA_256",
        RsassaPssSha384 => "RSASSA_PSS_SHA_384",
        RsassaPssSha512 => "RSASSA_PSS_SHA_512",
        RsassaPkcs1V15Sha256 => "RSASSA_PKCS1_V1_5_SHA_256",
        RsassaPkcs1V15Sha384 => "RSASSA_PKCS1_V1_5_SHA_384",
        RsassaPkcs1V15Sha512 => "RSASSA_PKCS1_V1_5_SHA_512",
        EcdsaSha256 => "ECDSA_SHA_256",
        EcdsaSha384 => "ECDSA_SHA_384",
        EcdsaSha512 => "ECDSA_SHA_512",
    }
);

aws_enum!(
    /// `MacAlgorithm`.
    MacAlgorithm {
        HmacSha384 => "HMAC_SHA_384",
        HmacSha256 => "HMAC_SHA_256",
        HmacSha224 => "HMAC_SHA_224",
        HmacSha512 => "HMAC_SHA_512",
    }
);

impl KeySpec {
    pub fn is_rsa(self) -> bool {
        matches!(self, KeySpec::Rsa2048 | KeySpec::Rsa3072 | KeySpec::Rsa4096)
    }

    pub fn is_ecc(self) -> bool {
        matches!(
            self,
            KeySpec::EccNistP256
                | KeySpec::EccNistP384
                | KeySpec::EccNistP521
                | KeySpec::EccSecgP256k1
        )
    }

    pub fn is_hmac(self) -> bool {
        matches!(
            self,
            KeySpec::Hmac224 | KeySpec::Hmac256 | KeySpec::Hmac384 | KeySpec::Hmac512
        )
    }

    /// The usages CreateKey accepts for this spec.
    pub fn usages(self) -> &'static [KeyUsage] {
        use KeyUsage::*;
        match self {
            KeySpec::SymmetricDefault => &[EncryptDecrypt],
            s if s.is_rsa() => &[EncryptDecrypt, SignVerify],
            s if s.is_ecc() => &[SignVerify],
            _ => &[GenerateVerifyMac],
        }
    }

    /// RSA modulus length in bytes.
    pub fn rsa_bytes(self) -> usize {
        match self {
            KeySpec::Rsa2048 => 256,
            KeySpec::Rsa3072 => 384,
            _ => 512,
        }
    }

    pub fn encryption_algorithms(self) -> &'static [EncryptionAlgorithm] {
        use EncryptionAlgorithm::*;
        match self {
            KeySpec::SymmetricDefault => &[SymmetricDefault],
            s if s.is_rsa() => &[RsaesOaepSha1, RsaesOaepSha256],
            _ => &[],
        }
    }

    pub fn signing_algorithms(self) -> &'static [SigningAlgorithm] {
        use SigningAlgorithm::*;
        match self {
            s if s.is_rsa() => &[
                RsassaPssSha256,
                RsassaPssSha384,
                RsassaPssSha512,
                RsassaPkcs1V15Sha256,
                RsassaPkcs1V15Sha384,
                RsassaPkcs1V15Sha512,
            ],
            KeySpec::EccNistP256 | KeySpec::EccSecgP256k1 => &[EcdsaSha256],
            KeySpec::EccNistP384 => &[EcdsaSha384],
            KeySpec::EccNistP521 => &[EcdsaSha512],
            _ => &[],
        }
    }

    pub fn mac_algorithm(self) -> Option<MacAlgorithm> {
        match self {
            KeySpec::Hmac224 => Some(MacAlgorithm::HmacSha224),
            KeySpec::Hmac256 => Some(MacAlgorithm::HmacSha256),
            KeySpec::Hmac384 => Some(MacAlgorithm::HmacSha384),
            KeySpec::Hmac512 => Some(MacAlgorithm::HmacSha512),
            _ => None,
        }
    }
}

impl SigningAlgorithm {
    /// The digest length the algorithm signs, which a `DIGEST` message must have.
    pub fn digest_len(self) -> usize {
        use SigningAlgorithm::*;
        match self {
            RsassaPssSha256 | RsassaPkcs1V15Sha256 | EcdsaSha256 => 32,
            RsassaPssSha384 | RsassaPkcs1V15Sha384 | EcdsaSha384 => 48,
            RsassaPssSha512 | RsassaPkcs1V15Sha512 | EcdsaSha512 => 64,
        }
    }
}

/// Who manages a key (`KeyManager`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyManager {
    Customer,
    Aws,
}

impl KeyManager {
    pub fn as_str(self) -> &'static str {
        match self {
            KeyManager::Customer => "CUSTOMER",
            KeyManager::Aws => "AWS",
        }
    }
}

/// The role of a key in a multi-Region set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MultiRegionRole {
    Primary,
    Replica,
}

/// Imported key material's lifetime (`ExpirationModel`, `ValidTo`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportedMaterial {
    pub valid_to: Option<Timestamp>,
}

/// One KMS key in one Region of one account.
#[derive(Debug, Clone)]
pub struct Key {
    pub id: String,
    pub account: AccountId,
    pub region: Region,
    pub description: String,
    pub creation_date: Timestamp,
    pub state: KeyState,
    pub deletion_date: Option<Timestamp>,
    pub pending_window_days: Option<i64>,
    pub spec: KeySpec,
    pub usage: KeyUsage,
    pub origin: Origin,
    pub manager: KeyManager,
    pub policy: KeyPolicy,
    pub tags: BTreeMap<String, String>,
    pub multi_region: Option<MultiRegionRole>,
    /// For `EXTERNAL` keys, the material currently imported in this Region.
    pub imported: Option<ImportedMaterial>,
}

impl Key {
    pub fn arn(&self) -> String {
        key_arn(&self.region, &self.account, &self.id)
    }

    /// Where the key's material lives, shared across a multi-Region set.
    pub fn backing_id(&self) -> String {
        format!("{}/{}", self.account, self.id)
    }

    pub fn is_symmetric(&self) -> bool {
        self.spec == KeySpec::SymmetricDefault
    }
}

pub fn key_arn(region: &Region, account: &AccountId, id: &str) -> String {
    format!("arn:aws:kms:{region}:{account}:key/{id}")
}

pub fn alias_arn(region: &Region, account: &AccountId, name: &str) -> String {
    format!("arn:aws:kms:{region}:{account}:{name}")
}
