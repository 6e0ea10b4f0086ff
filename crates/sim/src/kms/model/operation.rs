//! The operations of the KMS API, by name: the one list of them. The IAM
//! action of each is `kms:<name>`
//! (<https://docs.aws.amazon.com/kms/latest/APIReference/API_Operations.html>).

use crate::platform::aws_enum::aws_enum;

aws_enum!(
    /// An operation of the KMS API that the simulator implements.
    Operation {
        CreateKey,
        DescribeKey,
        ListKeys,
        UpdateKeyDescription,
        EnableKey,
        DisableKey,
        ScheduleKeyDeletion,
        CancelKeyDeletion,
        CreateAlias,
        UpdateAlias,
        DeleteAlias,
        ListAliases,
        Encrypt,
        Decrypt,
        ReEncrypt,
        GenerateDataKey,
        GenerateDataKeyWithoutPlaintext,
        GenerateDataKeyPair,
        GenerateDataKeyPairWithoutPlaintext,
        GenerateRandom,
        Sign,
        Verify,
        GetPublicKey,
        GenerateMac,
        VerifyMac,
        EnableKeyRotation,
        DisableKeyRotation,
        GetKeyRotationStatus,
        RotateKeyOnDemand,
        ListKeyRotations,
        GetParametersForImport,
        ImportKeyMaterial,
        DeleteImportedKeyMaterial,
        ReplicateKey,
        UpdatePrimaryRegion,
        PutKeyPolicy,
        GetKeyPolicy,
        ListKeyPolicies,
        CreateGrant,
        ListGrants,
        RetireGrant,
        RevokeGrant,
        TagResource,
        UntagResource,
        ListResourceTags,
    }
);
