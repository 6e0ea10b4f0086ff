//! (c) S3 replication of SSE-KMS objects, following the seed's considerations
//! (card `s3-replication-encryption`), with its SSE-C point corrected.

use crate::walkthrough::canvas::Rect;
use crate::walkthrough::model::ActorKind::*;
use crate::walkthrough::model::{Actor, Arrow, Change, Step, Walkthrough};

pub const WALKTHROUGH: Walkthrough = Walkthrough {
    id: "s3-replication-sse-kms",
    title: "Replicating SSE-KMS objects in Amazon S3",
    summary: "What S3 replicates without KMS settings, and what SSE-KMS objects need: the \
              opt-in, a destination key, the role's KMS permissions and enough KMS quota.",
    sources: &[
        "https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/API/API_SourceSelectionCriteria.html",
        "https://docs.aws.amazon.com/AmazonS3/latest/API/API_EncryptionConfiguration.html",
        "https://docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html",
    ],
    labs: &[],
    related_cards: &[
        "s3-replication-encryption",
        "s3-replication-sse-kms-setup",
        "s3-multi-region-keys",
        "kms-requests-on-your-behalf",
        "kms-quotas-adjustable",
        "kms-via-service",
    ],
    actors: ACTORS,
    steps: STEPS,
};

const ACTORS: &[Actor] = &[
    Actor::new(
        "role",
        Role,
        "Replication role",
        Rect::new(480, 16, 240, 100),
    ),
    Actor::new(
        "quotas",
        Service,
        "Service Quotas",
        Rect::new(880, 16, 280, 100),
    )
    .enters_later(),
    Actor::new(
        "source-region",
        Region,
        "Source Region (us-east-1)",
        Rect::new(16, 132, 576, 527),
    ),
    Actor::new(
        "destination-region",
        Region,
        "Destination Region (eu-west-1)",
        Rect::new(608, 132, 576, 527),
    ),
    Actor::new(
        "source-bucket",
        Bucket,
        "Source bucket",
        Rect::new(40, 356, 240, 100),
    )
    .inside("source-region"),
    Actor::new(
        "source-key",
        Key,
        "Source KMS key",
        Rect::new(40, 188, 240, 100),
    )
    .inside("source-region"),
    Actor::new(
        "sse-c-object",
        Object,
        "Object (SSE-C)",
        Rect::new(328, 188, 240, 100),
    )
    .inside("source-region"),
    Actor::new(
        "sse-kms-object",
        Object,
        "Object (SSE-KMS)",
        Rect::new(328, 356, 240, 100),
    )
    .inside("source-region")
    .badges(&["source KMS key"]),
    Actor::new(
        "destination-key",
        Key,
        "Destination KMS key",
        Rect::new(920, 188, 240, 100),
    )
    .inside("destination-region"),
    Actor::new(
        "destination-bucket",
        Bucket,
        "Destination bucket",
        Rect::new(920, 356, 240, 100),
    )
    .inside("destination-region"),
    Actor::new(
        "sse-c-replica",
        Object,
        "Replica (SSE-C)",
        Rect::new(632, 188, 240, 100),
    )
    .inside("destination-region")
    .enters_later(),
    Actor::new(
        "sse-kms-replica",
        Object,
        "Replica (SSE-KMS)",
        Rect::new(632, 356, 240, 100),
    )
    .inside("destination-region")
    .badges(&["destination KMS key"])
    .enters_later(),
];

const STEPS: &[Step] = &[
    Step::new(
        "What replicates without KMS settings",
        "A replication rule copies new unencrypted, SSE-S3 and SSE-C objects with no KMS \
         settings, and SSE-C needs no extra permissions. The seed said SSE-C objects are \
         never replicated, but the current S3 guide lists them among the objects S3 \
         Replication supports. Objects encrypted with SSE-KMS are skipped until you opt in.",
    )
    .appear(&["sse-c-replica"])
    .changes(&[Change::add_badge("sse-kms-object", "skipped for now")])
    .arrows(&[Arrow::data("sse-c-object", "sse-c-replica", "replicated")])
    .highlight(&["sse-kms-object"]),
    Step::new(
        "Opt in to SSE-KMS replication",
        "By default, Amazon S3 doesn't replicate objects encrypted with SSE-KMS. In the \
         replication rule, add SourceSelectionCriteria with SseKmsEncryptedObjects set to \
         Enabled to opt in.",
    )
    .changes(&[Change::add_badge("source-bucket", "replicates SSE-KMS")])
    .highlight(&["source-bucket", "sse-kms-object"]),
    Step::new(
        "Choose the destination key",
        "In the rule's destination, set ReplicaKmsKeyID to the KMS key that encrypts the \
         replicas; it must be in the destination bucket's Region. Adapt that key's policy so \
         the replication role may use it. If another account owns the key, its owner must \
         grant that permission.",
    )
    .changes(&[Change::add_badge("destination-key", "ReplicaKmsKeyID")])
    .arrows(&[Arrow::grant(
        "destination-key",
        "role",
        "key policy: role may use",
    )])
    .highlight(&["destination-key"]),
    Step::new(
        "Give the replication role its KMS permissions",
        "Amazon S3 assumes the replication role to copy objects. Besides its S3 permissions, \
         the role needs kms:Decrypt on the source key and kms:Encrypt on the destination \
         key. Conditions on kms:ViaService and on the `aws:s3:arn` encryption context can \
         keep those permissions to the buckets involved.",
    )
    .changes(&[
        Change::add_badge("role", "Decrypt: source key"),
        Change::add_badge("role", "Encrypt: dest. key"),
    ])
    .arrows(&[
        Arrow::call("role", "source-key", "kms:Decrypt"),
        Arrow::call("role", "destination-key", "kms:Encrypt"),
    ])
    .highlight(&["role"]),
    Step::new(
        "Replicate: decrypt, then encrypt again",
        "New SSE-KMS objects now replicate. With the role's permissions, S3 decrypts each \
         object under the source key and encrypts the replica under the destination key.",
    )
    .appear(&["sse-kms-replica"])
    .changes(&[Change::remove_badge("sse-kms-object", "skipped for now")])
    .arrows(&[Arrow::data(
        "sse-kms-object",
        "sse-kms-replica",
        "decrypt, then encrypt",
    )])
    .highlight(&["source-key", "destination-key"]),
    Step::new(
        "Watch for KMS throttling",
        "Each replicated SSE-KMS object adds KMS requests in both Regions, and requests that \
         S3 makes on your behalf count against your KMS request quotas. Adding many new \
         objects after replication is enabled can exceed them, and replication is then \
         throttled. Ask for a higher quota in Service Quotas, or open an AWS Support case \
         where Service Quotas is not available.",
    )
    .appear(&["quotas"])
    .arrows(&[Arrow::grant(
        "quotas",
        "destination-key",
        "higher request quota",
    )])
    .highlight(&["source-key", "destination-key"]),
    Step::new(
        "Multi-Region keys are treated as independent keys",
        "You can use multi-Region KMS keys with S3, but S3 currently treats them as \
         single-Region keys and doesn't use their multi-Region features. Even when the two \
         keys are related multi-Region keys, S3 still decrypts each object and encrypts it \
         again for the replica. Plan the same permissions and KMS requests as for two \
         unrelated keys.",
    )
    .changes(&[
        Change::relabel("source-key", "Multi-Region key"),
        Change::relabel("destination-key", "Multi-Region replica"),
    ])
    .arrows(&[Arrow::data(
        "sse-kms-object",
        "sse-kms-replica",
        "still decrypt + encrypt",
    )])
    .highlight(&["source-key", "destination-key"]),
];
