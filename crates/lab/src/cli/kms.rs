//! `aws kms`: every KMS operation the simulator implements, with the
//! members, types and required members of the KMS API reference
//! (<https://docs.aws.amazon.com/kms/latest/APIReference/API_Operations.html>),
//! in the order `aws kms` lists them.

use super::model::{
    self, op, opt, req, Member, Operation, Service, Shape, INT1, MARKERS, STR, STR1,
};
use super::model::{STR1_LIST, STR_LIST};

const KEY_ID: Member = req("KeyId", STR1);
const OPT_KEY_ID: Member = opt("KeyId", STR1);
const CONTEXT: Member = opt("EncryptionContext", Shape::Map);
const GRANT_TOKENS: Member = opt("GrantTokens", STR1_LIST);
const DRY_RUN: Member = opt("DryRun", Shape::Bool);
const LIMIT: Member = opt("Limit", INT1);
const MARKER: Member = opt("Marker", STR1);
const POLICY: Member = opt("Policy", STR1);
const BYPASS: Member = opt("BypassPolicyLockoutSafetyCheck", Shape::Bool);
const DESCRIPTION: Member = opt("Description", STR);
const TAG: [Member; 2] = [req("TagKey", STR1), req("TagValue", STR)];
const TAGS: Shape = Shape::List(&Shape::Structure(&TAG));
const RECIPIENT_MEMBERS: [Member; 2] = [
    opt("KeyEncryptionAlgorithm", STR),
    opt("AttestationDocument", Shape::Blob),
];
const RECIPIENT: Member = opt("Recipient", Shape::Structure(&RECIPIENT_MEMBERS));
const CONSTRAINTS: [Member; 2] = [
    opt("EncryptionContextSubset", Shape::Map),
    opt("EncryptionContextEquals", Shape::Map),
];

const fn paged(
    name: &'static str,
    synopsis: &'static str,
    members: &'static [Member],
    result_key: &'static str,
) -> Operation {
    model::paged(name, synopsis, members, result_key, MARKERS)
}

pub const KMS: Service = Service {
    name: "kms",
    endpoint: "kms",
    operations: OPERATIONS,
};

#[rustfmt::skip]
const OPERATIONS: &[Operation] = &[
    op("CancelKeyDeletion", "Cancels the deletion of a KMS key; the key is left disabled.", &[KEY_ID]),
    op("CreateAlias", "Creates a friendly name (alias/...) for a KMS key.", &[req("AliasName", STR1), req("TargetKeyId", STR1)]),
    op("CreateGrant", "Adds a grant to a KMS key: a principal may use it for the listed operations.", &[
        KEY_ID, req("GranteePrincipal", STR1), opt("RetiringPrincipal", STR1), req("Operations", STR_LIST),
        opt("Constraints", Shape::Structure(&CONSTRAINTS)), GRANT_TOKENS, opt("Name", STR1), DRY_RUN,
    ]),
    op("CreateKey", "Creates a KMS key: symmetric by default, or asymmetric or HMAC with --key-spec.", &[
        POLICY, DESCRIPTION, opt("KeyUsage", STR), opt("CustomerMasterKeySpec", STR), opt("KeySpec", STR),
        opt("Origin", STR), opt("CustomKeyStoreId", STR1), BYPASS, opt("Tags", TAGS), opt("MultiRegion", Shape::Bool),
        opt("XksKeyId", STR1),
    ]),
    op("Decrypt", "Decrypts ciphertext that was encrypted by a KMS key.", &[
        req("CiphertextBlob", Shape::Blob), CONTEXT, GRANT_TOKENS, OPT_KEY_ID, opt("EncryptionAlgorithm", STR),
        RECIPIENT, DRY_RUN,
    ]),
    op("DeleteAlias", "Deletes an alias; the key it names is not affected.", &[req("AliasName", STR1)]),
    op("DeleteImportedKeyMaterial", "Deletes the key material imported into a KMS key.", &[KEY_ID, opt("KeyMaterialId", Shape::Str { min: 64 })]),
    op("DescribeKey", "Shows the metadata of a KMS key.", &[KEY_ID, GRANT_TOKENS]),
    op("DisableKey", "Disables a KMS key: it cannot be used in cryptographic operations.", &[KEY_ID]),
    op("DisableKeyRotation", "Turns off automatic rotation of a symmetric KMS key.", &[KEY_ID]),
    op("EnableKey", "Enables a disabled KMS key.", &[KEY_ID]),
    op("EnableKeyRotation", "Turns on automatic rotation of a symmetric KMS key.", &[KEY_ID, opt("RotationPeriodInDays", Shape::Int { min: 90 })]),
    op("Encrypt", "Encrypts up to 4096 bytes of plaintext under a KMS key.", &[
        KEY_ID, req("Plaintext", Shape::Blob), CONTEXT, GRANT_TOKENS, opt("EncryptionAlgorithm", STR), DRY_RUN,
    ]),
    op("GenerateDataKey", "Returns a data key in plaintext and encrypted under a KMS key.", &[
        KEY_ID, CONTEXT, opt("NumberOfBytes", INT1), opt("KeySpec", STR), GRANT_TOKENS, RECIPIENT, DRY_RUN,
    ]),
    op("GenerateDataKeyPair", "Returns an asymmetric data key pair, the private key also encrypted.", &[
        CONTEXT, KEY_ID, req("KeyPairSpec", STR), GRANT_TOKENS, RECIPIENT, DRY_RUN,
    ]),
    op("GenerateDataKeyPairWithoutPlaintext", "Returns an asymmetric data key pair with only the encrypted private key.", &[
        CONTEXT, KEY_ID, req("KeyPairSpec", STR), GRANT_TOKENS, DRY_RUN,
    ]),
    op("GenerateDataKeyWithoutPlaintext", "Returns a data key encrypted under a KMS key, without its plaintext.", &[
        KEY_ID, CONTEXT, opt("KeySpec", STR), opt("NumberOfBytes", INT1), GRANT_TOKENS, DRY_RUN,
    ]),
    op("GenerateMac", "Computes an HMAC of a message with an HMAC KMS key.", &[
        req("Message", Shape::Blob), KEY_ID, req("MacAlgorithm", STR), GRANT_TOKENS, DRY_RUN,
    ]),
    op("GenerateRandom", "Returns random bytes.", &[opt("NumberOfBytes", INT1), opt("CustomKeyStoreId", STR1), RECIPIENT]),
    op("GetKeyPolicy", "Returns the key policy of a KMS key.", &[KEY_ID, opt("PolicyName", STR1)]),
    op("GetKeyRotationStatus", "Shows whether automatic rotation is on, and when the key rotates next.", &[KEY_ID]),
    op("GetParametersForImport", "Returns a wrapping public key and an import token for importing key material.", &[
        KEY_ID, req("WrappingAlgorithm", STR), req("WrappingKeySpec", STR),
    ]),
    op("GetPublicKey", "Returns the public key of an asymmetric KMS key.", &[KEY_ID, GRANT_TOKENS]),
    op("ImportKeyMaterial", "Imports key material into a KMS key whose origin is EXTERNAL.", &[
        KEY_ID, req("ImportToken", Shape::Blob), req("EncryptedKeyMaterial", Shape::Blob), opt("ValidTo", Shape::Timestamp),
        opt("ExpirationModel", STR), opt("ImportType", STR), opt("KeyMaterialDescription", STR),
        opt("KeyMaterialId", Shape::Str { min: 64 }),
    ]),
    paged("ListAliases", "Lists the aliases in the account and Region, or of one KMS key.", &[OPT_KEY_ID, LIMIT, MARKER], "Aliases"),
    paged("ListGrants", "Lists the grants of a KMS key.", &[
        LIMIT, MARKER, KEY_ID, opt("GrantId", STR1), opt("GranteePrincipal", STR1),
    ], "Grants"),
    paged("ListKeyPolicies", "Lists the names of a KMS key's policies (always \"default\").", &[KEY_ID, LIMIT, MARKER], "PolicyNames"),
    paged("ListKeyRotations", "Lists the completed rotations of a KMS key.", &[
        KEY_ID, opt("IncludeKeyMaterial", STR), LIMIT, MARKER,
    ], "Rotations"),
    paged("ListKeys", "Lists the KMS keys in the account and Region.", &[LIMIT, MARKER], "Keys"),
    paged("ListResourceTags", "Lists the tags of a KMS key.", &[KEY_ID, LIMIT, MARKER], "Tags"),
    op("PutKeyPolicy", "Replaces the key policy of a KMS key.", &[KEY_ID, opt("PolicyName", STR1), req("Policy", STR1), BYPASS]),
    op("ReEncrypt", "Decrypts ciphertext and encrypts it again, under the same or another KMS key, inside KMS.", &[
        req("CiphertextBlob", Shape::Blob), opt("SourceEncryptionContext", Shape::Map), opt("SourceKeyId", STR1),
        req("DestinationKeyId", STR1), opt("DestinationEncryptionContext", Shape::Map),
        opt("SourceEncryptionAlgorithm", STR), opt("DestinationEncryptionAlgorithm", STR), GRANT_TOKENS, DRY_RUN,
    ]),
    op("ReplicateKey", "Creates a replica of a multi-Region primary key in another Region.", &[
        KEY_ID, req("ReplicaRegion", STR1), POLICY, BYPASS, DESCRIPTION, opt("Tags", TAGS),
    ]),
    op("RetireGrant", "Retires a grant: by its token, or by key and grant ID.", &[
        opt("GrantToken", STR1), OPT_KEY_ID, opt("GrantId", STR1), DRY_RUN,
    ]),
    op("RevokeGrant", "Deletes a grant of a KMS key.", &[KEY_ID, req("GrantId", STR1), DRY_RUN]),
    op("RotateKeyOnDemand", "Rotates the key material of a KMS key now.", &[KEY_ID]),
    op("ScheduleKeyDeletion", "Schedules the deletion of a KMS key after a waiting period of 7 to 30 days.", &[
        KEY_ID, opt("PendingWindowInDays", INT1),
    ]),
    op("Sign", "Signs a message or digest with an asymmetric KMS key.", &[
        KEY_ID, req("Message", Shape::Blob), opt("MessageType", STR), GRANT_TOKENS, req("SigningAlgorithm", STR), DRY_RUN,
    ]),
    op("TagResource", "Adds or replaces tags on a KMS key.", &[KEY_ID, req("Tags", TAGS)]),
    op("UntagResource", "Removes tags from a KMS key.", &[KEY_ID, req("TagKeys", STR1_LIST)]),
    op("UpdateAlias", "Points an alias at another KMS key.", &[req("AliasName", STR1), req("TargetKeyId", STR1)]),
    op("UpdateKeyDescription", "Replaces the description of a KMS key.", &[KEY_ID, req("Description", STR)]),
    op("UpdatePrimaryRegion", "Makes a replica of a multi-Region key the primary key.", &[KEY_ID, req("PrimaryRegion", STR1)]),
    op("Verify", "Verifies a signature made by an asymmetric KMS key.", &[
        KEY_ID, req("Message", Shape::Blob), opt("MessageType", STR), req("Signature", Shape::Blob),
        req("SigningAlgorithm", STR), GRANT_TOKENS, DRY_RUN,
    ]),
    op("VerifyMac", "Verifies an HMAC made with an HMAC KMS key.", &[
        req("Message", Shape::Blob), KEY_ID, req("MacAlgorithm", STR), req("Mac", Shape::Blob), GRANT_TOKENS, DRY_RUN,
    ]),
];
