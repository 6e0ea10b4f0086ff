//! (b) Envelope encryption: a data key from GenerateDataKey encrypts the
//! data locally, its encrypted copy is stored beside the data, and Decrypt
//! recovers it later.

use crate::walkthrough::canvas::Rect;
use crate::walkthrough::model::ActorKind::*;
use crate::walkthrough::model::{Actor, Arrow, Change, Step, Walkthrough};

pub const WALKTHROUGH: Walkthrough = Walkthrough {
    id: "envelope-encryption",
    title: "Envelope encryption with a KMS key",
    summary: "A data key from GenerateDataKey encrypts the data outside AWS KMS; only its \
              encrypted copy is kept, and Decrypt turns it back into a key when the data is read.",
    sources: &[
        "https://docs.aws.amazon.com/kms/latest/developerguide/data-keys.html",
        "https://docs.aws.amazon.com/kms/latest/APIReference/API_GenerateDataKey.html",
        "https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html",
        "https://docs.aws.amazon.com/encryption-sdk/latest/developer-guide/concepts.html",
    ],
    labs: &["envelope-encryption"],
    related_cards: &[
        "envelope-encryption",
        "envelope-why",
        "generate-data-key",
        "envelope-encrypt-workflow",
        "envelope-decrypt-workflow",
        "kms-does-not-store-data-keys",
        "kms-encrypt-size-limit",
        "kms-decrypt-key-id",
    ],
    actors: ACTORS,
    steps: STEPS,
};

const ACTORS: &[Actor] = &[
    Actor::new(
        "app",
        Application,
        "Your application",
        Rect::new(480, 40, 240, 100),
    ),
    Actor::new("kms-key", Key, "KMS key", Rect::new(880, 40, 280, 100))
        .badges(&["symmetric encryption"]),
    Actor::new(
        "plaintext-key",
        DataKey,
        "Plaintext data key",
        Rect::new(40, 288, 280, 100),
    )
    .enters_later(),
    Actor::new(
        "data",
        Object,
        "Plaintext data",
        Rect::new(480, 288, 240, 100),
    ),
    Actor::new(
        "encrypted-key",
        Ciphertext,
        "Encrypted data key",
        Rect::new(880, 288, 280, 100),
    )
    .enters_later(),
    Actor::new("storage", Bucket, "Storage", Rect::new(480, 535, 240, 100)),
];

const STEPS: &[Step] = &[
    Step::new(
        "Ask AWS KMS for a data key",
        "The application calls GenerateDataKey and names a symmetric encryption KMS key. \
         AWS KMS returns one new data key in two forms: a plaintext copy to use right away, \
         and a copy encrypted under the KMS key. The KMS key itself never leaves AWS KMS \
         unencrypted.",
    )
    .appear(&["plaintext-key", "encrypted-key"])
    .arrows(&[
        Arrow::call("app", "kms-key", "kms:GenerateDataKey"),
        Arrow::data("kms-key", "plaintext-key", "plaintext copy"),
        Arrow::data("kms-key", "encrypted-key", "encrypted copy"),
    ])
    .highlight(&["kms-key"]),
    Step::new(
        "Encrypt the data locally",
        "The application encrypts the data itself, outside AWS KMS, with the plaintext data \
         key. The data never travels to AWS KMS, and a data key can encrypt any amount of \
         it, while the Encrypt operation takes at most 4 KB.",
    )
    .changes(&[Change::relabel("data", "Encrypted data")])
    .arrows(&[Arrow::data("plaintext-key", "data", "encrypt locally")])
    .highlight(&["data"]),
    Step::new(
        "Store the encrypted data key beside the data",
        "Store the encrypted data key with the encrypted data, for example in the same \
         object or record. AWS KMS does not store, track or use data keys, so keeping this \
         copy is the application's job. It is safe to store, because only the KMS key can \
         decrypt it.",
    )
    .changes(&[
        Change::add_badge("storage", "encrypted data"),
        Change::add_badge("storage", "encrypted data key"),
    ])
    .arrows(&[
        Arrow::data("data", "storage", "store"),
        Arrow::data("encrypted-key", "storage", "store beside it"),
    ])
    .highlight(&["storage"]),
    Step::new(
        "Discard the plaintext data key",
        "Erase the plaintext data key from memory as soon as the data is encrypted. What is \
         left is safe at rest: ciphertext that needs the data key, and a data key that \
         needs the KMS key. Reading the data now takes permission to call kms:Decrypt.",
    )
    .disappear(&["plaintext-key"])
    .highlight(&["data", "encrypted-key"]),
    Step::new(
        "Decrypt the data key",
        "To read the data, pass the stored encrypted data key to Decrypt. For a symmetric \
         KMS key, KeyId is optional because the ciphertext names its key, though giving it \
         is recommended. AWS KMS checks that the caller may use the KMS key and returns the \
         plaintext data key.",
    )
    .appear(&["plaintext-key"])
    .arrows(&[
        Arrow::call("app", "kms-key", "kms:Decrypt"),
        Arrow::data("encrypted-key", "kms-key", "encrypted data key"),
        Arrow::data("kms-key", "plaintext-key", "plaintext data key"),
    ])
    .highlight(&["kms-key"]),
    Step::new(
        "Decrypt the data locally",
        "The application decrypts the data with the plaintext data key, again outside AWS \
         KMS. Then it erases the plaintext key from memory once more.",
    )
    .changes(&[Change::relabel("data", "Plaintext data")])
    .arrows(&[Arrow::data("plaintext-key", "data", "decrypt locally")])
    .highlight(&["data"]),
];
