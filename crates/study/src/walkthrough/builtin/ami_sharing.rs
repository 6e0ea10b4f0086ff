//! (d) Sharing an AMI backed by KMS-encrypted snapshots with another account
//! (card `ec2-ami-sharing-kms`).

use crate::walkthrough::canvas::Rect;
use crate::walkthrough::model::ActorKind::*;
use crate::walkthrough::model::{Actor, Arrow, Change, Step, Walkthrough};

pub const WALKTHROUGH: Walkthrough = Walkthrough {
    id: "ami-sharing",
    title: "Sharing a KMS-encrypted AMI with another account",
    summary: "A launch permission shares the AMI, the key policy shares its KMS key, and the \
              target account's role gets the KMS permissions to launch, optionally \
              re-encrypting under its own key.",
    sources: &[
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-explicit.html",
        "https://docs.aws.amazon.com/ebs/latest/userguide/share-kms-key.html",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AMIEncryption.html",
        "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html",
    ],
    labs: &[],
    related_cards: &[
        "ec2-ami-sharing-kms",
        "ec2-ami-share-snapshots",
        "ec2-ami-aws-managed-key",
        "ec2-ami-launch-permission-command",
        "ec2-ami-regional",
        "kms-grant-is-for-aws-resource",
    ],
    actors: ACTORS,
    steps: STEPS,
};

const ACTORS: &[Actor] = &[
    Actor::new(
        "account-a",
        Account,
        "Account A (AMI owner)",
        Rect::new(16, 16, 576, 643),
    ),
    Actor::new(
        "account-b",
        Account,
        "Account B (target)",
        Rect::new(608, 16, 576, 643),
    ),
    Actor::new(
        "snapshot",
        Snapshot,
        "EBS snapshot",
        Rect::new(40, 120, 240, 100),
    )
    .inside("account-a")
    .badges(&["encrypted: CMK-A"]),
    Actor::new("ami", Ami, "AMI", Rect::new(328, 120, 240, 100)).inside("account-a"),
    Actor::new("cmk-a", Key, "KMS key CMK-A", Rect::new(328, 300, 240, 100))
        .inside("account-a")
        .badges(&["customer managed"]),
    Actor::new(
        "policy-a",
        KeyPolicy,
        "Key policy of CMK-A",
        Rect::new(328, 480, 240, 100),
    )
    .inside("account-a"),
    Actor::new(
        "instance",
        Instance,
        "EC2 instance",
        Rect::new(632, 120, 240, 100),
    )
    .inside("account-b")
    .enters_later(),
    Actor::new(
        "volume",
        Volume,
        "Root volume",
        Rect::new(920, 120, 240, 100),
    )
    .inside("account-b")
    .badges(&["encrypted: CMK-B"])
    .enters_later(),
    Actor::new("role-b", Role, "Launch role", Rect::new(632, 300, 240, 100)).inside("account-b"),
    Actor::new("cmk-b", Key, "KMS key CMK-B", Rect::new(920, 300, 240, 100))
        .inside("account-b")
        .badges(&["customer managed"]),
];

const STEPS: &[Step] = &[
    Step::new(
        "An AMI backed by encrypted snapshots",
        "The AMI in account A references an EBS snapshot encrypted with CMK-A, a customer \
         managed key. An AMI whose snapshots use the default AWS managed key can't be \
         shared; copy it under a customer managed key first. AMIs and KMS keys are Regional, \
         so the sharing happens in one Region.",
    )
    .arrows(&[Arrow::data("ami", "snapshot", "references")])
    .highlight(&["ami", "cmk-a"]),
    Step::new(
        "Add a launch permission for account B",
        "Modify the image attribute to add a launch permission for account B's ID \
         (`aws ec2 modify-image-attribute --launch-permission`). Only the AMI is shared: \
         the snapshots it references need no sharing of their own, because EC2 gives the \
         launch access to them. Account B now sees the AMI, but it can't launch it until \
         the key is shared too.",
    )
    .changes(&[Change::add_badge("ami", "launch permission: B")])
    .arrows(&[Arrow::grant("ami", "role-b", "launch permission")])
    .highlight(&["ami"]),
    Step::new(
        "Share the KMS key through its key policy",
        "Add account B, or a role in it, to the key policy of CMK-A. Launching reads the \
         encrypted snapshot, so it needs the key as much as the AMI. Cross-account use takes \
         permission on both sides: this key policy, and an IAM policy in account B.",
    )
    .changes(&[Change::add_badge("policy-a", "allows account B")])
    .arrows(&[Arrow::grant("policy-a", "role-b", "key policy: account B")])
    .highlight(&["policy-a", "cmk-a"]),
    Step::new(
        "Give the launching role its KMS permissions",
        "In account B, an IAM policy lets the launching role call kms:DescribeKey, \
         kms:ReEncrypt*, kms:CreateGrant and kms:Decrypt on CMK-A (the EBS guide adds \
         kms:GenerateDataKey and kms:GenerateDataKeyWithoutPlaintext). EC2 creates a grant \
         for the instance's volumes; limit kms:CreateGrant with kms:GrantIsForAWSResource.",
    )
    .changes(&[
        Change::add_badge("role-b", "DescribeKey, ReEncrypt*"),
        Change::add_badge("role-b", "CreateGrant, Decrypt"),
    ])
    .arrows(&[Arrow::call("role-b", "cmk-a", "uses CMK-A")])
    .highlight(&["role-b"]),
    Step::new(
        "Launch, re-encrypting under a key of account B",
        "Account B launches an instance from the shared AMI with RunInstances. In the block \
         device mapping it can set Encrypted and KmsKeyId to CMK-B, its own key, so the new \
         volumes are re-encrypted under it. Without those parameters, the AMI guide says a \
         volume restored from an encrypted snapshot that account B doesn't own is encrypted \
         under account B's default KMS key for EBS.",
    )
    .appear(&["instance", "volume"])
    .arrows(&[
        Arrow::call("role-b", "instance", "ec2:RunInstances"),
        Arrow::grant("cmk-b", "volume", "KmsKeyId: CMK-B"),
    ])
    .highlight(&["volume", "cmk-b"]),
];
