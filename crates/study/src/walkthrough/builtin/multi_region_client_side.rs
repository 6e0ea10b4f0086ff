//! (e) Multi-Region keys with client-side encryption: DynamoDB global tables
//! with the AWS Database Encryption SDK, then the Aurora Global Database
//! variant (cards `ddb-global-tables-mrk-client-side` and
//! `aurora-global-mrk-client-side`).

use crate::walkthrough::canvas::Rect;
use crate::walkthrough::model::ActorKind::*;
use crate::walkthrough::model::{Actor, Arrow, Change, Step, Walkthrough};

pub const WALKTHROUGH: Walkthrough = Walkthrough {
    id: "multi-region-client-side",
    title: "Multi-Region keys with client-side encryption",
    summary: "Data encrypted client-side under a multi-Region key in one Region is replicated \
              by DynamoDB global tables or Aurora Global Database, and decrypted in another \
              Region with the local replica key.",
    sources: &[
        "https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html",
        "https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html",
        "https://docs.aws.amazon.com/database-encryption-sdk/latest/devguide/use-kms-keyring.html",
        "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html",
        "https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/use-kms-keyring.html",
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html",
    ],
    labs: &["multi-region"],
    related_cards: &[
        "ddb-global-tables-mrk-client-side",
        "aurora-global-mrk-client-side",
        "kms-mrk-identical-keys",
        "kms-mrk-replicate-key",
        "ddb-global-tables",
        "aurora-global-database",
        "client-side-vs-at-rest",
    ],
    actors: ACTORS,
    steps: STEPS,
};

const ACTORS: &[Actor] = &[
    Actor::new("region-a", Region, "us-east-1", Rect::new(16, 16, 576, 643)),
    Actor::new(
        "region-b",
        Region,
        "eu-west-1",
        Rect::new(608, 16, 576, 643),
    ),
    Actor::new(
        "app-a",
        Application,
        "Application",
        Rect::new(40, 64, 240, 100),
    )
    .inside("region-a"),
    Actor::new(
        "key-a",
        Key,
        "mrk-1234abcd (primary)",
        Rect::new(328, 64, 240, 100),
    )
    .inside("region-a")
    .badges(&["multi-Region key"]),
    Actor::new(
        "table-a",
        Table,
        "Global table replica",
        Rect::new(328, 220, 240, 100),
    )
    .inside("region-a"),
    Actor::new(
        "aurora-a",
        Database,
        "Aurora primary cluster",
        Rect::new(40, 376, 240, 100),
    )
    .inside("region-a")
    .enters_later(),
    Actor::new(
        "key-b",
        Key,
        "mrk-1234abcd (replica)",
        Rect::new(632, 64, 240, 100),
    )
    .inside("region-b")
    .badges(&["multi-Region key"])
    .enters_later(),
    Actor::new(
        "app-b",
        Application,
        "Application",
        Rect::new(920, 64, 240, 100),
    )
    .inside("region-b"),
    Actor::new(
        "table-b",
        Table,
        "Global table replica",
        Rect::new(632, 220, 240, 100),
    )
    .inside("region-b"),
    Actor::new(
        "aurora-b",
        Database,
        "Aurora secondary",
        Rect::new(920, 376, 240, 100),
    )
    .inside("region-b")
    .enters_later(),
];

const STEPS: &[Step] = &[
    Step::new(
        "Replicate a multi-Region key",
        "Create a multi-Region primary key in us-east-1, then call ReplicateKey to create a \
         replica of it in eu-west-1, in the same account. Related multi-Region keys share \
         the key ID and the key material, so ciphertext from one can be decrypted by the \
         other. They are not global keys: each is its own KMS resource with its own key \
         policy, managed independently.",
    )
    .appear(&["key-b"])
    .arrows(&[Arrow::data("key-a", "key-b", "kms:ReplicateKey")])
    .highlight(&["key-a", "key-b"]),
    Step::new(
        "Encrypt attributes client-side",
        "The application in us-east-1 encrypts chosen attributes with the AWS Database \
         Encryption SDK before the item leaves it. Its AWS KMS keyring names the \
         multi-Region key, under which AWS KMS generates the data key \
         (kms:GenerateDataKey); the SDK encrypts and signs the item locally.",
    )
    .arrows(&[Arrow::call("app-a", "key-a", "kms:GenerateDataKey")])
    .highlight(&["app-a"]),
    Step::new(
        "Write the encrypted item",
        "The application writes the item to its global table replica in us-east-1. The \
         protected attributes reach DynamoDB already encrypted, so neither AWS nor anyone \
         who can read the table sees their plaintext.",
    )
    .changes(&[Change::add_badge("table-a", "item: encrypted attrs")])
    .arrows(&[Arrow::call("app-a", "table-a", "PutItem")])
    .highlight(&["table-a"]),
    Step::new(
        "Global tables replicate the item",
        "DynamoDB global tables replicate the item to the replica table in eu-west-1. The \
         protected attributes travel as they were written, still encrypted.",
    )
    .changes(&[Change::add_badge("table-b", "item: encrypted attrs")])
    .arrows(&[Arrow::data(
        "table-a",
        "table-b",
        "global table replication",
    )])
    .highlight(&["table-b"]),
    Step::new(
        "Decrypt with the local replica key",
        "The application in eu-west-1 reads the item from its local replica. Because the \
         replica key shares the key ID and key material, a multi-Region-aware keyring that \
         names it decrypts the data key with a low-latency kms:Decrypt call in eu-west-1, \
         with no cross-Region call and no re-encryption. Only callers allowed kms:Decrypt on that \
         key get the plaintext.",
    )
    .arrows(&[
        Arrow::call("app-b", "table-b", "GetItem"),
        Arrow::call("app-b", "key-b", "kms:Decrypt"),
    ])
    .highlight(&["key-b"]),
    Step::new(
        "The Aurora variant: encrypt fields before writing",
        "With an Aurora Global Database, the application encrypts chosen fields with the AWS \
         Encryption SDK, whose AWS KMS keyring names the same multi-Region key. It writes \
         the encrypted fields to the primary cluster, which takes all writes. Database \
         administrators see only ciphertext in those fields.",
    )
    .appear(&["aurora-a", "aurora-b"])
    .changes(&[Change::add_badge("aurora-a", "encrypted fields")])
    .arrows(&[
        Arrow::call("app-a", "key-a", "kms:GenerateDataKey"),
        Arrow::call("app-a", "aurora-a", "INSERT"),
    ])
    .highlight(&["aurora-a"]),
    Step::new(
        "Replicate to the secondary and decrypt there",
        "Aurora replicates the encrypted fields to the read-only secondary cluster in \
         eu-west-1 through its storage layer, usually with under a second of lag. The \
         application in eu-west-1 reads them there and decrypts with its local replica key, \
         again with an in-Region kms:Decrypt call.",
    )
    .changes(&[Change::add_badge("aurora-b", "encrypted fields")])
    .arrows(&[
        Arrow::data("aurora-a", "aurora-b", "storage replication"),
        Arrow::call("app-b", "aurora-b", "SELECT"),
        Arrow::call("app-b", "key-b", "kms:Decrypt"),
    ])
    .highlight(&["aurora-b", "key-b"]),
];
