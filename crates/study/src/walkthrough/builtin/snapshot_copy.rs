//! (a) Copying an encrypted EBS snapshot to another account: the seed's five
//! steps (card `ebs-snapshot-copy-steps`).

use crate::walkthrough::canvas::Rect;
use crate::walkthrough::model::ActorKind::*;
use crate::walkthrough::model::{Actor, Arrow, Change, Step, Walkthrough};

pub const WALKTHROUGH: Walkthrough = Walkthrough {
    id: "snapshot-copy",
    title: "Copying an encrypted snapshot to another account",
    summary: "Account A shares an EBS snapshot encrypted with its customer managed key; \
              account B copies it under a key of its own and creates a volume from the copy.",
    sources: &[
        "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html",
        "https://docs.aws.amazon.com/ebs/latest/userguide/share-kms-key.html",
        "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-copy-snapshot.html",
        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CopySnapshot.html",
        "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-creating-volume.html",
        "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html",
    ],
    labs: &["cross-account", "snapshot-copy"],
    related_cards: &[
        "ebs-snapshot-copy-steps",
        "ebs-snapshot-aws-managed-key",
        "ebs-snapshot-public-sharing",
        "ebs-snapshot-region",
        "ebs-shared-key-permissions",
        "ebs-copy-shared-snapshot-key",
        "kms-cross-account-access",
    ],
    actors: ACTORS,
    steps: STEPS,
};

const ACTORS: &[Actor] = &[
    Actor::new(
        "account-a",
        Account,
        "Account A (source)",
        Rect::new(16, 16, 576, 643),
    ),
    Actor::new(
        "account-b",
        Account,
        "Account B (target)",
        Rect::new(608, 16, 576, 643),
    ),
    Actor::new(
        "volume-a",
        Volume,
        "EBS volume",
        Rect::new(40, 140, 240, 100),
    )
    .inside("account-a")
    .badges(&["encrypted: CMK-A"]),
    Actor::new(
        "snapshot-a",
        Snapshot,
        "Snapshot",
        Rect::new(328, 140, 240, 100),
    )
    .inside("account-a")
    .badges(&["encrypted: CMK-A"])
    .enters_later(),
    Actor::new("cmk-a", Key, "KMS key CMK-A", Rect::new(40, 360, 240, 100))
        .inside("account-a")
        .badges(&["customer managed"]),
    Actor::new(
        "policy-a",
        KeyPolicy,
        "Key policy of CMK-A",
        Rect::new(328, 360, 240, 100),
    )
    .inside("account-a"),
    Actor::new(
        "snapshot-b",
        Snapshot,
        "Snapshot copy",
        Rect::new(632, 140, 240, 100),
    )
    .inside("account-b")
    .badges(&["encrypted: CMK-B"])
    .enters_later(),
    Actor::new(
        "volume-b",
        Volume,
        "EBS volume",
        Rect::new(920, 140, 240, 100),
    )
    .inside("account-b")
    .badges(&["encrypted: CMK-B"])
    .enters_later(),
    Actor::new("role-b", Role, "IAM role", Rect::new(632, 360, 240, 100)).inside("account-b"),
    Actor::new("cmk-b", Key, "KMS key CMK-B", Rect::new(920, 360, 240, 100))
        .inside("account-b")
        .badges(&["customer managed"]),
];

const STEPS: &[Step] = &[
    Step::new(
        "Create a snapshot encrypted with a customer managed key",
        "In account A, take a snapshot of the EBS volume. A snapshot of an encrypted volume \
         is encrypted with the same KMS key, here the customer managed key CMK-A. Only \
         snapshots encrypted with a customer managed key can be shared: the key policy of \
         the AWS managed key `aws/ebs` cannot be changed to let another account in.",
    )
    .appear(&["snapshot-a"])
    .arrows(&[Arrow::data("volume-a", "snapshot-a", "ec2:CreateSnapshot")])
    .highlight(&["snapshot-a", "cmk-a"]),
    Step::new(
        "Authorize account B in the key policy",
        "Add account B to the key policy of CMK-A. Users of a shared snapshot's key need \
         kms:DescribeKey, kms:CreateGrant, kms:GenerateDataKey, \
         kms:GenerateDataKeyWithoutPlaintext, kms:ReEncrypt and kms:Decrypt. Cross-account \
         access takes both halves: this key policy in account A, and an IAM policy in \
         account B that passes the permissions on to its roles.",
    )
    .changes(&[
        Change::add_badge("policy-a", "allows account B"),
        Change::add_badge("role-b", "may use CMK-A"),
    ])
    .arrows(&[Arrow::grant("policy-a", "role-b", "allow account B")])
    .highlight(&["cmk-a", "policy-a"]),
    Step::new(
        "Share the encrypted snapshot",
        "Modify the snapshot's permissions (its createVolumePermission attribute) to add \
         account B's ID. Encrypted snapshots can only be shared privately with chosen \
         accounts, never made public. Sharing works within the snapshot's Region; to share \
         it in another Region, copy it there first.",
    )
    .changes(&[Change::add_badge("snapshot-a", "shared with B")])
    .arrows(&[Arrow::grant(
        "snapshot-a",
        "role-b",
        "createVolumePermission",
    )])
    .highlight(&["snapshot-a"]),
    Step::new(
        "Copy the snapshot in account B under its own key",
        "In account B, copy the shared snapshot with CopySnapshot and give KmsKeyId as \
         CMK-B, a customer managed key of account B. Reading the source needs the \
         permission on CMK-A granted in step 2, and the copy is encrypted under CMK-B. \
         Account B now owns a copy that no longer depends on account A's key or sharing.",
    )
    .appear(&["snapshot-b"])
    .arrows(&[
        Arrow::data("snapshot-a", "snapshot-b", "copy, re-encrypted"),
        Arrow::call("role-b", "snapshot-b", "ec2:CopySnapshot"),
    ])
    .highlight(&["cmk-a", "cmk-b"]),
    Step::new(
        "Create a volume from the copy",
        "Create an EBS volume from the copied snapshot, in an Availability Zone of the same \
         Region. The volume is encrypted with CMK-B, like the snapshot it comes from, and \
         account B can attach it to its instances. Account A can now stop sharing and \
         remove account B from its key policy without affecting the copy.",
    )
    .appear(&["volume-b"])
    .arrows(&[Arrow::data("snapshot-b", "volume-b", "ec2:CreateVolume")])
    .highlight(&["volume-b", "cmk-b"]),
];
