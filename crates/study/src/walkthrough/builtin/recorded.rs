//! Each shipped walkthrough with its portrait and presenter layouts,
//! as `Layout::portrait` and `Layout::presenter` derive them, and its
//! narration as `markdown::to_safe_html` renders it, one static each;
//! then the list of them and the cards each one shows. Written by the
//! test `the_record_is_current` in `builtin/mod.rs`; do not edit.

use super::{Entry, Shipped};
use crate::walkthrough::canvas::Rect;

/// Copying an encrypted snapshot to another account
pub static SNAPSHOT_COPY: Shipped = Shipped {
    walkthrough: &super::snapshot_copy::WALKTHROUGH,
    portrait: (Rect::new(0, 0, 472, 524), &[
        ("account-a", Rect::new(8, 8, 456, 252)),
        ("account-b", Rect::new(8, 276, 456, 228)),
        ("volume-a", Rect::new(20, 48, 200, 72)),
        ("snapshot-a", Rect::new(252, 152, 200, 96)),
        ("cmk-a", Rect::new(252, 48, 200, 72)),
        ("policy-a", Rect::new(20, 152, 200, 96)),
        ("snapshot-b", Rect::new(20, 316, 200, 72)),
        ("volume-b", Rect::new(252, 316, 200, 72)),
        ("role-b", Rect::new(20, 420, 200, 72)),
        ("cmk-b", Rect::new(252, 420, 200, 72)),
    ]),
    presenter: (Rect::new(0, 0, 926, 276), &[
        ("account-a", Rect::new(8, 8, 462, 260)),
        ("account-b", Rect::new(486, 8, 432, 260)),
        ("volume-a", Rect::new(20, 48, 184, 96)),
        ("snapshot-a", Rect::new(244, 48, 214, 96)),
        ("cmk-a", Rect::new(20, 184, 184, 72)),
        ("policy-a", Rect::new(244, 184, 214, 72)),
        ("snapshot-b", Rect::new(498, 48, 184, 96)),
        ("volume-b", Rect::new(722, 48, 184, 96)),
        ("role-b", Rect::new(498, 184, 184, 72)),
        ("cmk-b", Rect::new(722, 184, 184, 72)),
    ]),
    narration: &[
        "<p>In account A, take a snapshot of the EBS volume. A snapshot of an encrypted volume is encrypted with the same KMS key, here the customer managed key CMK-A. Only snapshots encrypted with a customer managed key can be shared: the key policy of the AWS managed key <code>aws/ebs</code> cannot be changed to let another account in.</p>\n",
        "<p>Add account B to the key policy of CMK-A. Users of a shared snapshot's key need kms:DescribeKey, kms:CreateGrant, kms:GenerateDataKey, kms:GenerateDataKeyWithoutPlaintext, kms:ReEncrypt and kms:Decrypt. Cross-account access takes both halves: this key policy in account A, and an IAM policy in account B that passes the permissions on to its roles.</p>\n",
        "<p>Modify the snapshot's permissions (its createVolumePermission attribute) to add account B's ID. Encrypted snapshots can only be shared privately with chosen accounts, never made public. Sharing works within the snapshot's Region; to share it in another Region, copy it there first.</p>\n",
        "<p>In account B, copy the shared snapshot with CopySnapshot and give KmsKeyId as CMK-B, a customer managed key of account B. Reading the source needs the permission on CMK-A granted in step 2, and the copy is encrypted under CMK-B. Account B now owns a copy that no longer depends on account A's key or sharing.</p>\n",
        "<p>Create an EBS volume from the copied snapshot, in an Availability Zone of the same Region. The volume is encrypted with CMK-B, like the snapshot it comes from, and account B can attach it to its instances. Account A can now stop sharing and remove account B from its key policy without affecting the copy.</p>\n",
    ],
};

/// Envelope encryption with a KMS key
pub static ENVELOPE_ENCRYPTION: Shipped = Shipped {
    walkthrough: &super::envelope_encryption::WALKTHROUGH,
    portrait: (Rect::new(0, 0, 472, 320), &[
        ("app", Rect::new(252, 8, 212, 48)),
        ("kms-key", Rect::new(8, 88, 212, 72)),
        ("plaintext-key", Rect::new(8, 8, 212, 48)),
        ("data", Rect::new(252, 88, 212, 72)),
        ("encrypted-key", Rect::new(8, 192, 212, 96)),
        ("storage", Rect::new(252, 192, 212, 96)),
    ]),
    presenter: (Rect::new(0, 0, 918, 312), &[
        ("app", Rect::new(276, 8, 204, 72)),
        ("kms-key", Rect::new(686, 8, 224, 72)),
        ("plaintext-key", Rect::new(8, 120, 204, 48)),
        ("data", Rect::new(276, 120, 204, 48)),
        ("encrypted-key", Rect::new(686, 120, 224, 48)),
        ("storage", Rect::new(276, 208, 204, 96)),
    ]),
    narration: &[
        "<p>The application calls GenerateDataKey and names a symmetric encryption KMS key. AWS KMS returns one new data key in two forms: a plaintext copy to use right away, and a copy encrypted under the KMS key. The KMS key itself never leaves AWS KMS unencrypted.</p>\n",
        "<p>The application encrypts the data itself, outside AWS KMS, with the plaintext data key. The data never travels to AWS KMS, and a data key can encrypt any amount of it, while the Encrypt operation takes at most 4 KB.</p>\n",
        "<p>Store the encrypted data key with the encrypted data, for example in the same object or record. AWS KMS does not store, track or use data keys, so keeping this copy is the application's job. It is safe to store, because only the KMS key can decrypt it.</p>\n",
        "<p>Erase the plaintext data key from memory as soon as the data is encrypted. What is left is safe at rest: ciphertext that needs the data key, and a data key that needs the KMS key. Reading the data now takes permission to call kms:Decrypt.</p>\n",
        "<p>To read the data, pass the stored encrypted data key to Decrypt. For a symmetric KMS key, KeyId is optional because the ciphertext names its key, though giving it is recommended. AWS KMS checks that the caller may use the KMS key and returns the plaintext data key.</p>\n",
        "<p>The application decrypts the data with the plaintext data key, again outside AWS KMS. Then it erases the plaintext key from memory once more.</p>\n",
    ],
};

/// Replicating SSE-KMS objects in Amazon S3
pub static S3_REPLICATION_SSE_KMS: Shipped = Shipped {
    walkthrough: &super::s3_replication_sse_kms::WALKTHROUGH,
    portrait: (Rect::new(0, 0, 472, 624), &[
        ("role", Rect::new(252, 496, 212, 96)),
        ("quotas", Rect::new(8, 496, 212, 96)),
        ("source-region", Rect::new(8, 8, 456, 228)),
        ("destination-region", Rect::new(8, 252, 456, 228)),
        ("source-bucket", Rect::new(252, 48, 200, 96)),
        ("source-key", Rect::new(252, 176, 200, 48)),
        ("sse-c-object", Rect::new(20, 176, 200, 48)),
        ("sse-kms-object", Rect::new(20, 48, 200, 96)),
        ("destination-key", Rect::new(20, 396, 204, 72)),
        ("destination-bucket", Rect::new(256, 396, 196, 72)),
        ("sse-c-replica", Rect::new(20, 292, 200, 72)),
        ("sse-kms-replica", Rect::new(252, 292, 200, 72)),
    ]),
    presenter: (Rect::new(0, 0, 1027, 372), &[
        ("role", Rect::new(377, 8, 214, 96)),
        ("quotas", Rect::new(793, 8, 164, 96)),
        ("source-region", Rect::new(8, 120, 468, 236)),
        ("destination-region", Rect::new(492, 120, 527, 236)),
        ("source-bucket", Rect::new(20, 248, 204, 96)),
        ("source-key", Rect::new(20, 160, 204, 72)),
        ("sse-c-object", Rect::new(240, 160, 184, 72)),
        ("sse-kms-object", Rect::new(240, 248, 184, 96)),
        ("destination-key", Rect::new(783, 160, 224, 72)),
        ("destination-bucket", Rect::new(783, 248, 224, 96)),
        ("sse-c-replica", Rect::new(529, 160, 214, 72)),
        ("sse-kms-replica", Rect::new(529, 248, 214, 96)),
    ]),
    narration: &[
        "<p>A replication rule copies new unencrypted, SSE-S3 and SSE-C objects with no KMS settings, and SSE-C needs no extra permissions. The seed said SSE-C objects are never replicated, but the current S3 guide lists them among the objects S3 Replication supports. Objects encrypted with SSE-KMS are skipped until you opt in.</p>\n",
        "<p>By default, Amazon S3 doesn't replicate objects encrypted with SSE-KMS. In the replication rule, add SourceSelectionCriteria with SseKmsEncryptedObjects set to Enabled to opt in.</p>\n",
        "<p>In the rule's destination, set ReplicaKmsKeyID to the KMS key that encrypts the replicas; it must be in the destination bucket's Region. Adapt that key's policy so the replication role may use it. If another account owns the key, its owner must grant that permission.</p>\n",
        "<p>Amazon S3 assumes the replication role to copy objects. Besides its S3 permissions, the role needs kms:Decrypt on the source key and kms:Encrypt on the destination key. Conditions on kms:ViaService and on the <code>aws:s3:arn</code> encryption context can keep those permissions to the buckets involved.</p>\n",
        "<p>New SSE-KMS objects now replicate. With the role's permissions, S3 decrypts each object under the source key and encrypts the replica under the destination key.</p>\n",
        "<p>Each replicated SSE-KMS object adds KMS requests in both Regions, and requests that S3 makes on your behalf count against your KMS request quotas. Adding many new objects after replication is enabled can exceed them, and replication is then throttled. Ask for a higher quota in Service Quotas, or open an AWS Support case where Service Quotas is not available.</p>\n",
        "<p>You can use multi-Region KMS keys with S3, but S3 currently treats them as single-Region keys and doesn't use their multi-Region features. Even when the two keys are related multi-Region keys, S3 still decrypts each object and encrypts it again for the replica. Plan the same permissions and KMS requests as for two unrelated keys.</p>\n",
    ],
};

/// Sharing a KMS-encrypted AMI with another account
pub static AMI_SHARING: Shipped = Shipped {
    walkthrough: &super::ami_sharing::WALKTHROUGH,
    portrait: (Rect::new(0, 0, 472, 524), &[
        ("account-a", Rect::new(8, 8, 456, 228)),
        ("account-b", Rect::new(8, 252, 456, 252)),
        ("snapshot", Rect::new(20, 48, 196, 72)),
        ("ami", Rect::new(248, 48, 204, 72)),
        ("cmk-a", Rect::new(20, 152, 200, 72)),
        ("policy-a", Rect::new(252, 152, 200, 72)),
        ("instance", Rect::new(20, 292, 200, 72)),
        ("volume", Rect::new(252, 292, 200, 72)),
        ("role-b", Rect::new(20, 396, 231, 96)),
        ("cmk-b", Rect::new(283, 396, 169, 96)),
    ]),
    presenter: (Rect::new(0, 0, 968, 380), &[
        ("account-a", Rect::new(8, 8, 472, 364)),
        ("account-b", Rect::new(496, 8, 464, 364)),
        ("snapshot", Rect::new(20, 48, 184, 72)),
        ("ami", Rect::new(244, 48, 224, 72)),
        ("cmk-a", Rect::new(244, 160, 224, 96)),
        ("policy-a", Rect::new(244, 288, 224, 72)),
        ("instance", Rect::new(508, 48, 240, 72)),
        ("volume", Rect::new(764, 48, 184, 72)),
        ("role-b", Rect::new(508, 160, 240, 96)),
        ("cmk-b", Rect::new(764, 160, 184, 96)),
    ]),
    narration: &[
        "<p>The AMI in account A references an EBS snapshot encrypted with CMK-A, a customer managed key. An AMI whose snapshots use the default AWS managed key can't be shared; copy it under a customer managed key first. AMIs and KMS keys are Regional, so the sharing happens in one Region.</p>\n",
        "<p>Modify the image attribute to add a launch permission for account B's ID (<code>aws ec2 modify-image-attribute --launch-permission</code>). Only the AMI is shared: the snapshots it references need no sharing of their own, because EC2 gives the launch access to them. Account B now sees the AMI, but it can't launch it until the key is shared too.</p>\n",
        "<p>Add account B, or a role in it, to the key policy of CMK-A. Launching reads the encrypted snapshot, so it needs the key as much as the AMI. Cross-account use takes permission on both sides: this key policy, and an IAM policy in account B.</p>\n",
        "<p>In account B, an IAM policy lets the launching role call kms:DescribeKey, kms:ReEncrypt*, kms:CreateGrant and kms:Decrypt on CMK-A (the EBS guide adds kms:GenerateDataKey and kms:GenerateDataKeyWithoutPlaintext). EC2 creates a grant for the instance's volumes; limit kms:CreateGrant with kms:GrantIsForAWSResource.</p>\n",
        "<p>Account B launches an instance from the shared AMI with RunInstances. In the block device mapping it can set Encrypted and KmsKeyId to CMK-B, its own key, so the new volumes are re-encrypted under it. Without those parameters, the AMI guide says a volume restored from an encrypted snapshot that account B doesn't own is encrypted under account B's default KMS key for EBS.</p>\n",
    ],
};

/// Multi-Region keys with client-side encryption
pub static MULTI_REGION_CLIENT_SIDE: Shipped = Shipped {
    walkthrough: &super::multi_region_client_side::WALKTHROUGH,
    portrait: (Rect::new(0, 0, 472, 604), &[
        ("region-a", Rect::new(8, 8, 456, 332)),
        ("region-b", Rect::new(8, 356, 456, 228)),
        ("app-a", Rect::new(274, 152, 178, 72)),
        ("key-a", Rect::new(20, 152, 222, 72)),
        ("table-a", Rect::new(129, 48, 213, 72)),
        ("aurora-a", Rect::new(125, 256, 222, 72)),
        ("key-b", Rect::new(20, 396, 222, 72)),
        ("app-b", Rect::new(20, 500, 187, 72)),
        ("table-b", Rect::new(239, 500, 213, 72)),
        ("aurora-b", Rect::new(274, 396, 178, 72)),
    ]),
    presenter: (Rect::new(0, 0, 1064, 316), &[
        ("region-a", Rect::new(8, 8, 544, 300)),
        ("region-b", Rect::new(568, 8, 488, 300)),
        ("app-a", Rect::new(20, 48, 240, 72)),
        ("key-a", Rect::new(300, 48, 240, 72)),
        ("table-a", Rect::new(300, 152, 240, 72)),
        ("aurora-a", Rect::new(20, 224, 240, 72)),
        ("key-b", Rect::new(580, 48, 240, 72)),
        ("app-b", Rect::new(860, 48, 184, 72)),
        ("table-b", Rect::new(580, 152, 240, 72)),
        ("aurora-b", Rect::new(860, 224, 184, 72)),
    ]),
    narration: &[
        "<p>Create a multi-Region primary key in us-east-1, then call ReplicateKey to create a replica of it in eu-west-1, in the same account. Related multi-Region keys share the key ID and the key material, so ciphertext from one can be decrypted by the other. They are not global keys: each is its own KMS resource with its own key policy, managed independently.</p>\n",
        "<p>The application in us-east-1 encrypts chosen attributes with the AWS Database Encryption SDK before the item leaves it. Its AWS KMS keyring names the multi-Region key, under which AWS KMS generates the data key (kms:GenerateDataKey); the SDK encrypts and signs the item locally.</p>\n",
        "<p>The application writes the item to its global table replica in us-east-1. The protected attributes reach DynamoDB already encrypted, so neither AWS nor anyone who can read the table sees their plaintext.</p>\n",
        "<p>DynamoDB global tables replicate the item to the replica table in eu-west-1. The protected attributes travel as they were written, still encrypted.</p>\n",
        "<p>The application in eu-west-1 reads the item from its local replica. Because the replica key shares the key ID and key material, a multi-Region-aware keyring that names it decrypts the data key with a low-latency kms:Decrypt call in eu-west-1, with no cross-Region call and no re-encryption. Only callers allowed kms:Decrypt on that key get the plaintext.</p>\n",
        "<p>With an Aurora Global Database, the application encrypts chosen fields with the AWS Encryption SDK, whose AWS KMS keyring names the same multi-Region key. It writes the encrypted fields to the primary cluster, which takes all writes. Database administrators see only ciphertext in those fields.</p>\n",
        "<p>Aurora replicates the encrypted fields to the read-only secondary cluster in eu-west-1 through its storage layer, usually with under a second of lag. The application in eu-west-1 reads them there and decrypts with its local replica key, again with an in-Region kms:Decrypt call.</p>\n",
    ],
};

/// Rotating a secret in Secrets Manager
pub static SECRETS_ROTATION: Shipped = Shipped {
    walkthrough: &super::secrets_rotation::WALKTHROUGH,
    portrait: (Rect::new(0, 0, 472, 400), &[
        ("app", Rect::new(8, 8, 211, 72)),
        ("secrets-manager", Rect::new(8, 112, 212, 48)),
        ("function", Rect::new(252, 112, 212, 48)),
        ("kms-key", Rect::new(251, 296, 213, 72)),
        ("database", Rect::new(251, 8, 213, 72)),
        ("version-1", Rect::new(242, 192, 222, 72)),
        ("version-2", Rect::new(8, 296, 211, 72)),
        ("version-3", Rect::new(8, 192, 202, 72)),
    ]),
    presenter: (Rect::new(0, 0, 971, 264), &[
        ("app", Rect::new(8, 8, 234, 48)),
        ("secrets-manager", Rect::new(326, 8, 174, 48)),
        ("function", Rect::new(729, 8, 234, 48)),
        ("kms-key", Rect::new(8, 96, 234, 72)),
        ("database", Rect::new(729, 96, 234, 72)),
        ("version-1", Rect::new(149, 184, 240, 72)),
        ("version-2", Rect::new(490, 184, 134, 72)),
        ("version-3", Rect::new(640, 184, 124, 72)),
    ]),
    narration: &[
        "<p>The secret has two versions: version 2 carries the staging label AWSCURRENT, and version 1 carries AWSPREVIOUS, the last known good value. GetSecretValue without a version or stage returns the AWSCURRENT version. Each value is encrypted under the secret's KMS key with a data key of its own.</p>\n",
        "<p>When rotation starts, on its schedule or through RotateSecret, Secrets Manager invokes the rotation function with the step createSecret. The function generates a new value and stores it with PutSecretValue as a new version labelled AWSPENDING. Secrets Manager gets a new data key from AWS KMS to encrypt the new value.</p>\n",
        "<p>Secrets Manager invokes the function again with the step setSecret. The function changes the credentials in the database to match the AWSPENDING version. Depending on the rotation strategy, this step can instead create a new user with the same permissions as the current one.</p>\n",
        "<p>With the step testSecret, the function signs in to the database with the AWSPENDING version. The rotation function templates test read access; a custom function can also test the other access the application needs.</p>\n",
        "<p>With the step finishSecret, the function moves AWSCURRENT from version 2 to version 3, and the same call removes AWSPENDING from version 3. Secrets Manager then moves AWSPREVIOUS to version 2, the version that AWSCURRENT left. Version 1 keeps no staging label, so it is deprecated and Secrets Manager can delete it.</p>\n",
        "<p>GetSecretValue now returns version 3, the new AWSCURRENT, with no change to the application. If the new value turns out to be wrong, version 2 still carries AWSPREVIOUS as the last known good value.</p>\n",
    ],
};

/// SecureString parameters and AWS KMS
pub static PARAMETER_STORE_SECURESTRING: Shipped = Shipped {
    walkthrough: &super::parameter_store_securestring::WALKTHROUGH,
    portrait: (Rect::new(0, 0, 472, 416), &[
        ("writer", Rect::new(8, 264, 212, 120)),
        ("key-policy", Rect::new(252, 8, 212, 96)),
        ("kms-key", Rect::new(8, 8, 212, 96)),
        ("parameter-store", Rect::new(8, 136, 212, 96)),
        ("parameter", Rect::new(252, 264, 212, 120)),
        ("reader", Rect::new(252, 136, 212, 96)),
    ]),
    presenter: (Rect::new(0, 0, 1115, 328), &[
        ("writer", Rect::new(8, 8, 214, 120)),
        ("key-policy", Rect::new(453, 8, 204, 96)),
        ("kms-key", Rect::new(883, 8, 224, 96)),
        ("parameter-store", Rect::new(453, 128, 204, 96)),
        ("parameter", Rect::new(883, 128, 224, 96)),
        ("reader", Rect::new(8, 224, 214, 96)),
    ]),
    narration: &[
        "<p>The writer calls PutParameter with Type SecureString and a KeyId naming a customer managed key; without KeyId, Parameter Store uses the AWS managed key <code>aws/ssm</code>. IAM first checks that the writer may call ssm:PutParameter on the parameter's name. Parameter Store supports only symmetric encryption KMS keys.</p>\n",
        "<p>A standard parameter value, at most 4 KB, is encrypted directly under the KMS key: Parameter Store calls Encrypt with the value and the encryption context <code>PARAMETER_ARN</code>, and no data key is involved. The call is made on the writer's behalf, so the writer needs kms:Encrypt on the key, here allowed by the key policy. Parameter Store stores only the ciphertext, under the plaintext name.</p>\n",
        "<p>An advanced parameter, up to 8 KB, is protected with envelope encryption by the AWS Encryption SDK: a GenerateDataKey call returns a unique data key that encrypts the value. For advanced parameters the writer needs kms:GenerateDataKey rather than kms:Encrypt. A standard parameter can be changed to advanced, but never back.</p>\n",
        "<p>The reader calls GetParameter. Without WithDecryption, Parameter Store returns the value still encrypted, and only ssm:GetParameter is checked.</p>\n",
        "<p>With WithDecryption set to true, Parameter Store calls Decrypt on the reader's behalf, with the same <code>PARAMETER_ARN</code> encryption context. AWS KMS decrypts the value under the key that encrypted it, and the plaintext reaches the reader over TLS.</p>\n",
        "<p>Reading a SecureString in plaintext passes two checks: ssm:GetParameter on the parameter, and kms:Decrypt on the KMS key. If either is missing the decrypted read fails, and a reader with only the first sees nothing but ciphertext. A condition on <code>kms:EncryptionContext:PARAMETER_ARN</code> can restrict kms:Decrypt to one parameter.</p>\n",
    ],
};

/// Every walkthrough above, in the order of `ALL`.
pub(super) static SHIPPED: &[&Shipped] = &[
    &SNAPSHOT_COPY,
    &ENVELOPE_ENCRYPTION,
    &S3_REPLICATION_SSE_KMS,
    &AMI_SHARING,
    &MULTI_REGION_CLIENT_SIDE,
    &SECRETS_ROTATION,
    &PARAMETER_STORE_SECURESTRING,
];

/// Each shipped walkthrough's line in the list.
pub(super) static LIST: &[Entry] = &[
    Entry { id: "snapshot-copy", title: "Copying an encrypted snapshot to another account", summary: "Account A shares an EBS snapshot encrypted with its customer managed key; account B copies it under a key of its own and creates a volume from the copy.", steps: 5 },
    Entry { id: "envelope-encryption", title: "Envelope encryption with a KMS key", summary: "A data key from GenerateDataKey encrypts the data outside AWS KMS; only its encrypted copy is kept, and Decrypt turns it back into a key when the data is read.", steps: 6 },
    Entry { id: "s3-replication-sse-kms", title: "Replicating SSE-KMS objects in Amazon S3", summary: "What S3 replicates without KMS settings, and what SSE-KMS objects need: the opt-in, a destination key, the role's KMS permissions and enough KMS quota.", steps: 7 },
    Entry { id: "ami-sharing", title: "Sharing a KMS-encrypted AMI with another account", summary: "A launch permission shares the AMI, the key policy shares its KMS key, and the target account's role gets the KMS permissions to launch, optionally re-encrypting under its own key.", steps: 5 },
    Entry { id: "multi-region-client-side", title: "Multi-Region keys with client-side encryption", summary: "Data encrypted client-side under a multi-Region key in one Region is replicated by DynamoDB global tables or Aurora Global Database, and decrypted in another Region with the local replica key.", steps: 7 },
    Entry { id: "secrets-rotation", title: "Rotating a secret in Secrets Manager", summary: "A Lambda rotation function runs createSecret, setSecret, testSecret and finishSecret, and the staging labels AWSPENDING, AWSCURRENT and AWSPREVIOUS move from version to version.", steps: 6 },
    Entry { id: "parameter-store-securestring", title: "SecureString parameters and AWS KMS", summary: "How Parameter Store encrypts a SecureString with a KMS key on PutParameter, decrypts it on GetParameter WithDecryption, and which ssm and kms permissions each call needs.", steps: 6 },
];

/// Each shipped walkthrough's id, title and the cards it shows.
pub(super) static CARD_LINKS: &[(&str, &str, &[&str])] = &[
    ("snapshot-copy", "Copying an encrypted snapshot to another account", &["ebs-snapshot-copy-steps", "ebs-snapshot-aws-managed-key", "ebs-snapshot-public-sharing", "ebs-snapshot-region", "ebs-shared-key-permissions", "ebs-copy-shared-snapshot-key", "kms-cross-account-access"]),
    ("envelope-encryption", "Envelope encryption with a KMS key", &["envelope-encryption", "envelope-why", "generate-data-key", "envelope-encrypt-workflow", "envelope-decrypt-workflow", "kms-does-not-store-data-keys", "kms-encrypt-size-limit", "kms-decrypt-key-id"]),
    ("s3-replication-sse-kms", "Replicating SSE-KMS objects in Amazon S3", &["s3-replication-encryption", "s3-replication-sse-kms-setup", "s3-multi-region-keys", "kms-requests-on-your-behalf", "kms-quotas-adjustable", "kms-via-service"]),
    ("ami-sharing", "Sharing a KMS-encrypted AMI with another account", &["ec2-ami-sharing-kms", "ec2-ami-share-snapshots", "ec2-ami-aws-managed-key", "ec2-ami-launch-permission-command", "ec2-ami-regional", "kms-grant-is-for-aws-resource"]),
    ("multi-region-client-side", "Multi-Region keys with client-side encryption", &["ddb-global-tables-mrk-client-side", "aurora-global-mrk-client-side", "kms-mrk-identical-keys", "kms-mrk-replicate-key", "ddb-global-tables", "aurora-global-database", "client-side-vs-at-rest"]),
    ("secrets-rotation", "Rotating a secret in Secrets Manager", &["sm-rotation-steps", "sm-staging-labels", "sm-awsprevious-move", "sm-get-secret-value-default", "secrets-manager-overview"]),
    ("parameter-store-securestring", "SecureString parameters and AWS KMS", &["param-securestring-key", "param-types", "param-tier-max-size", "param-advanced-downgrade", "kms-encryption-context-condition"]),
];
