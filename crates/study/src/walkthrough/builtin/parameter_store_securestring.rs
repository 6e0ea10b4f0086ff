//! (g) Parameter Store SecureString parameters: PutParameter with a KMS key,
//! GetParameter WithDecryption, and the permission checks on both ssm and kms.

use crate::walkthrough::canvas::Rect;
use crate::walkthrough::model::ActorKind::*;
use crate::walkthrough::model::{Actor, Arrow, Change, Step, Walkthrough};

pub const WALKTHROUGH: Walkthrough = Walkthrough {
    id: "parameter-store-securestring",
    title: "SecureString parameters and AWS KMS",
    summary: "How Parameter Store encrypts a SecureString with a KMS key on PutParameter, \
              decrypts it on GetParameter WithDecryption, and which ssm and kms permissions \
              each call needs.",
    sources: &[
        "https://docs.aws.amazon.com/systems-manager/latest/userguide/secure-string-parameter-kms-encryption.html",
        "https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html",
        "https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html",
        "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html",
    ],
    labs: &["parameter-store"],
    related_cards: &[
        "param-securestring-key",
        "param-types",
        "param-tier-max-size",
        "param-advanced-downgrade",
        "kms-encryption-context-condition",
    ],
    actors: ACTORS,
    steps: STEPS,
};

const ACTORS: &[Actor] = &[
    Actor::new("writer", Role, "Writer role", Rect::new(40, 40, 240, 124))
        .badges(&["ssm:PutParameter", "kms:Encrypt"]),
    Actor::new(
        "key-policy",
        KeyPolicy,
        "Key policy",
        Rect::new(480, 40, 240, 100),
    )
    .badges(&["writer may encrypt", "reader may decrypt"]),
    Actor::new(
        "kms-key",
        Key,
        "Customer managed key",
        Rect::new(920, 40, 240, 100),
    ),
    Actor::new(
        "parameter-store",
        Service,
        "Parameter Store",
        Rect::new(480, 288, 240, 100),
    ),
    Actor::new(
        "parameter",
        Parameter,
        "/prod/db/password",
        Rect::new(920, 288, 240, 100),
    )
    .badges(&["SecureString", "standard tier"])
    .enters_later(),
    Actor::new("reader", Role, "Reader role", Rect::new(40, 535, 240, 100))
        .badges(&["ssm:GetParameter", "kms:Decrypt"]),
];

const STEPS: &[Step] = &[
    Step::new(
        "Put a SecureString parameter",
        "The writer calls PutParameter with Type SecureString and a KeyId naming a customer \
         managed key; without KeyId, Parameter Store uses the AWS managed key `aws/ssm`. \
         IAM first checks that the writer may call ssm:PutParameter on the parameter's \
         name. Parameter Store supports only symmetric encryption KMS keys.",
    )
    .arrows(&[Arrow::call("writer", "parameter-store", "ssm:PutParameter")])
    .highlight(&["writer"]),
    Step::new(
        "Standard tier: Parameter Store calls Encrypt",
        "A standard parameter value, at most 4 KB, is encrypted directly under the KMS key: \
         Parameter Store calls Encrypt with the value and the encryption context \
         `PARAMETER_ARN`, and no data key is involved. The call is made on the writer's \
         behalf, so the writer needs kms:Encrypt on the key, here allowed by the key policy. \
         Parameter Store stores only the ciphertext, under the plaintext name.",
    )
    .appear(&["parameter"])
    .arrows(&[
        Arrow::call("parameter-store", "kms-key", "kms:Encrypt"),
        Arrow::data("parameter-store", "parameter", "store ciphertext"),
    ])
    .highlight(&["key-policy", "writer"]),
    Step::new(
        "Advanced tier: envelope encryption instead",
        "An advanced parameter, up to 8 KB, is protected with envelope encryption by the AWS \
         Encryption SDK: a GenerateDataKey call returns a unique data key that encrypts the \
         value. For advanced parameters the writer needs kms:GenerateDataKey rather than \
         kms:Encrypt. A standard parameter can be changed to advanced, but never back.",
    )
    .changes(&[Change::add_badge("writer", "kms:GenerateDataKey")])
    .arrows(&[Arrow::call(
        "parameter-store",
        "kms-key",
        "kms:GenerateDataKey",
    )])
    .highlight(&["writer"]),
    Step::new(
        "GetParameter without decryption",
        "The reader calls GetParameter. Without WithDecryption, Parameter Store returns the \
         value still encrypted, and only ssm:GetParameter is checked.",
    )
    .arrows(&[
        Arrow::call("reader", "parameter-store", "ssm:GetParameter"),
        Arrow::data("parameter-store", "reader", "encrypted value"),
    ])
    .highlight(&["parameter"]),
    Step::new(
        "GetParameter WithDecryption",
        "With WithDecryption set to true, Parameter Store calls Decrypt on the reader's \
         behalf, with the same `PARAMETER_ARN` encryption context. AWS KMS decrypts the \
         value under the key that encrypted it, and the plaintext reaches the reader over \
         TLS.",
    )
    .arrows(&[
        Arrow::call("reader", "parameter-store", "WithDecryption: true"),
        Arrow::call("parameter-store", "kms-key", "kms:Decrypt"),
        Arrow::data("parameter-store", "reader", "plaintext value"),
    ])
    .highlight(&["kms-key"]),
    Step::new(
        "Two checks on every decrypted read",
        "Reading a SecureString in plaintext passes two checks: ssm:GetParameter on the \
         parameter, and kms:Decrypt on the KMS key. If either is missing the decrypted read \
         fails, and a reader with only the first sees nothing but ciphertext. A condition on \
         `kms:EncryptionContext:PARAMETER_ARN` can restrict kms:Decrypt to one parameter.",
    )
    .arrows(&[Arrow::grant("key-policy", "kms-key", "reader may decrypt")])
    .highlight(&["reader", "parameter"]),
];
