//! (f) Secrets Manager rotation by a Lambda function: the four steps and the
//! staging labels moving between versions (card `sm-rotation-steps`).

use crate::walkthrough::canvas::Rect;
use crate::walkthrough::model::ActorKind::*;
use crate::walkthrough::model::{Actor, Arrow, Change, Step, Walkthrough};

pub const WALKTHROUGH: Walkthrough = Walkthrough {
    id: "secrets-rotation",
    title: "Rotating a secret in Secrets Manager",
    summary: "A Lambda rotation function runs createSecret, setSecret, testSecret and \
              finishSecret, and the staging labels AWSPENDING, AWSCURRENT and AWSPREVIOUS \
              move from version to version.",
    sources: &[
        "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_how.html",
        "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda-functions.html",
        "https://docs.aws.amazon.com/secretsmanager/latest/userguide/whats-in-a-secret.html",
        "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_UpdateSecretVersionStage.html",
        "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html",
    ],
    labs: &["secrets-manager"],
    related_cards: &[
        "sm-rotation-steps",
        "sm-staging-labels",
        "sm-awsprevious-move",
        "sm-get-secret-value-default",
        "secrets-manager-overview",
    ],
    actors: ACTORS,
    steps: STEPS,
};

const ACTORS: &[Actor] = &[
    Actor::new(
        "app",
        Application,
        "Application",
        Rect::new(40, 40, 240, 100),
    ),
    Actor::new(
        "secrets-manager",
        Service,
        "Secrets Manager",
        Rect::new(328, 40, 240, 100),
    ),
    Actor::new(
        "function",
        Lambda,
        "Rotation function",
        Rect::new(904, 40, 240, 100),
    ),
    Actor::new(
        "kms-key",
        Key,
        "KMS key of the secret",
        Rect::new(40, 288, 240, 100),
    ),
    Actor::new(
        "database",
        Database,
        "Database",
        Rect::new(904, 288, 240, 100),
    )
    .badges(&["password of version 2"]),
    Actor::new(
        "version-1",
        Secret,
        "Version 1",
        Rect::new(184, 535, 240, 100),
    )
    .badges(&["AWSPREVIOUS"]),
    Actor::new(
        "version-2",
        Secret,
        "Version 2",
        Rect::new(472, 535, 240, 100),
    )
    .badges(&["AWSCURRENT"]),
    Actor::new(
        "version-3",
        Secret,
        "Version 3",
        Rect::new(760, 535, 240, 100),
    )
    .badges(&["AWSPENDING"])
    .enters_later(),
];

const STEPS: &[Step] = &[
    Step::new(
        "Before rotation",
        "The secret has two versions: version 2 carries the staging label AWSCURRENT, and \
         version 1 carries AWSPREVIOUS, the last known good value. GetSecretValue without a \
         version or stage returns the AWSCURRENT version. Each value is encrypted under the \
         secret's KMS key with a data key of its own.",
    )
    .arrows(&[
        Arrow::call("app", "secrets-manager", "GetSecretValue"),
        Arrow::data("secrets-manager", "version-2", "returns AWSCURRENT"),
    ])
    .highlight(&["version-2"]),
    Step::new(
        "createSecret: a new version labelled AWSPENDING",
        "When rotation starts, on its schedule or through RotateSecret, Secrets Manager \
         invokes the rotation function with the step createSecret. The function generates a \
         new value and stores it with PutSecretValue as a new version labelled AWSPENDING. \
         Secrets Manager gets a new data key from AWS KMS to encrypt the new value.",
    )
    .appear(&["version-3"])
    .arrows(&[
        Arrow::call("secrets-manager", "function", "Step: createSecret"),
        Arrow::call("function", "secrets-manager", "PutSecretValue"),
        Arrow::call("secrets-manager", "kms-key", "kms:GenerateDataKey"),
    ])
    .highlight(&["version-3"]),
    Step::new(
        "setSecret: change the credentials in the database",
        "Secrets Manager invokes the function again with the step setSecret. The function \
         changes the credentials in the database to match the AWSPENDING version. Depending \
         on the rotation strategy, this step can instead create a new user with the same \
         permissions as the current one.",
    )
    .changes(&[
        Change::remove_badge("database", "password of version 2"),
        Change::add_badge("database", "password of version 3"),
    ])
    .arrows(&[Arrow::call("function", "database", "set the new password")])
    .highlight(&["database", "version-3"]),
    Step::new(
        "testSecret: try the new version",
        "With the step testSecret, the function signs in to the database with the \
         AWSPENDING version. The rotation function templates test read access; a custom \
         function can also test the other access the application needs.",
    )
    .arrows(&[Arrow::call(
        "function",
        "database",
        "sign in with AWSPENDING",
    )])
    .highlight(&["version-3"]),
    Step::new(
        "finishSecret: the staging labels move",
        "With the step finishSecret, the function moves AWSCURRENT from version 2 to \
         version 3, and the same call removes AWSPENDING from version 3. Secrets Manager \
         then moves AWSPREVIOUS to version 2, the version that AWSCURRENT left. Version 1 \
         keeps no staging label, so it is deprecated and Secrets Manager can delete it.",
    )
    .changes(&[
        Change::move_badge("AWSCURRENT", "version-2", "version-3"),
        Change::remove_badge("version-3", "AWSPENDING"),
        Change::move_badge("AWSPREVIOUS", "version-1", "version-2"),
        Change::relabel("version-1", "Version 1 (deprecated)"),
    ])
    .arrows(&[Arrow::call(
        "function",
        "secrets-manager",
        "UpdateSecretVersionStage",
    )])
    .highlight(&["version-1", "version-2", "version-3"]),
    Step::new(
        "After rotation",
        "GetSecretValue now returns version 3, the new AWSCURRENT, with no change to the \
         application. If the new value turns out to be wrong, version 2 still carries \
         AWSPREVIOUS as the last known good value.",
    )
    .arrows(&[
        Arrow::call("app", "secrets-manager", "GetSecretValue"),
        Arrow::data("secrets-manager", "version-3", "returns AWSCURRENT"),
    ])
    .highlight(&["version-3"]),
];
