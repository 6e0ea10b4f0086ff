//! `aws secretsmanager`: the Secrets Manager operations the simulator
//! implements, with the members, types and required members of the
//! Secrets Manager API reference
//! (<https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_Operations.html>),
//! in the order `aws secretsmanager` lists them. The list operations page
//! by the service's own `NextToken` and `MaxResults`.

use super::model::{
    self, op, opt, req, Member, Operation, Service, Shape, INT1, NEXT_TOKEN, STR, STR1, STR1_LIST,
};

const SECRET_ID: Member = req("SecretId", STR1);
const TOKEN: Member = opt("ClientRequestToken", STR1);
const DESCRIPTION: Member = opt("Description", STR);
const KMS_KEY_ID: Member = opt("KmsKeyId", STR);
const SECRET_STRING: Member = opt("SecretString", STR);
const SECRET_BINARY: Member = opt("SecretBinary", Shape::Blob);
const MAX_RESULTS: Member = opt("MaxResults", INT1);
const NEXT: Member = opt("NextToken", STR1);
const TAG: [Member; 2] = [opt("Key", STR1), opt("Value", STR)];
const REPLICA: [Member; 2] = [opt("Region", STR1), opt("KmsKeyId", STR)];
const REPLICAS: Member = opt(
    "AddReplicaRegions",
    Shape::List(&Shape::Structure(&REPLICA)),
);
const FORCE_OVERWRITE: Member = opt("ForceOverwriteReplicaSecret", Shape::Bool);
const RULES: [Member; 3] = [
    opt("AutomaticallyAfterDays", INT1),
    opt("Duration", STR1),
    opt("ScheduleExpression", STR1),
];
const FILTER: [Member; 2] = [opt("Key", STR1), opt("Values", STR1_LIST)];

pub const SECRETS_MANAGER: Service = Service {
    name: "secretsmanager",
    endpoint: "secretsmanager",
    operations: OPERATIONS,
};

#[rustfmt::skip]
const OPERATIONS: &[Operation] = &[
    op("CancelRotateSecret", "Turns off a secret's automatic rotation.", &[SECRET_ID]),
    op("CreateSecret", "Creates a secret, with a first version labelled AWSCURRENT if a value is given.", &[
        req("Name", STR1), TOKEN, DESCRIPTION, KMS_KEY_ID, SECRET_BINARY, SECRET_STRING,
        opt("Tags", Shape::List(&Shape::Structure(&TAG))), REPLICAS, FORCE_OVERWRITE,
    ]),
    op("DeleteResourcePolicy", "Deletes a secret's resource policy.", &[SECRET_ID]),
    op("DeleteSecret", "Schedules a secret's deletion after a recovery window (7 to 30 days), or deletes it at once.", &[
        SECRET_ID, opt("RecoveryWindowInDays", INT1), opt("ForceDeleteWithoutRecovery", Shape::Bool),
    ]),
    op("DescribeSecret", "Shows a secret's details and version labels, never its value.", &[SECRET_ID]),
    op("GetRandomPassword", "Generates a random password.", &[
        opt("PasswordLength", INT1), opt("ExcludeCharacters", STR), opt("ExcludeNumbers", Shape::Bool),
        opt("ExcludePunctuation", Shape::Bool), opt("ExcludeUppercase", Shape::Bool),
        opt("ExcludeLowercase", Shape::Bool), opt("IncludeSpace", Shape::Bool),
        opt("RequireEachIncludedType", Shape::Bool),
    ]),
    op("GetResourcePolicy", "Shows a secret's resource policy.", &[SECRET_ID]),
    op("GetSecretValue", "Reads a secret's value: AWSCURRENT, or a --version-stage or --version-id.", &[
        SECRET_ID, opt("VersionId", STR1), opt("VersionStage", STR1),
    ]),
    model::paged("ListSecretVersionIds", "Lists a secret's versions and their labels.", &[
        SECRET_ID, MAX_RESULTS, NEXT, opt("IncludeDeprecated", Shape::Bool),
    ], "Versions", NEXT_TOKEN),
    model::paged("ListSecrets", "Lists the secrets in the account and Region.", &[
        opt("IncludePlannedDeletion", Shape::Bool), MAX_RESULTS, NEXT,
        opt("Filters", Shape::List(&Shape::Structure(&FILTER))), opt("SortOrder", STR1),
    ], "SecretList", NEXT_TOKEN),
    op("PutResourcePolicy", "Attaches a resource policy to a secret.", &[
        SECRET_ID, req("ResourcePolicy", STR1), opt("BlockPublicPolicy", Shape::Bool),
    ]),
    op("PutSecretValue", "Stores a new version of a secret's value, labelled AWSCURRENT unless --version-stages says otherwise.", &[
        SECRET_ID, TOKEN, SECRET_BINARY, SECRET_STRING, opt("VersionStages", STR1_LIST),
    ]),
    op("RemoveRegionsFromReplication", "Stops replicating a secret to Regions and deletes those replicas.", &[
        SECRET_ID, req("RemoveReplicaRegions", STR1_LIST),
    ]),
    op("ReplicateSecretToRegions", "Replicates a secret to other Regions.", &[
        SECRET_ID, REPLICAS, FORCE_OVERWRITE,
    ]),
    op("RestoreSecret", "Cancels a secret's scheduled deletion.", &[SECRET_ID]),
    op("RotateSecret", "Configures rotation and rotates a secret with its rotation function.", &[
        SECRET_ID, TOKEN, opt("RotationLambdaARN", STR), opt("RotationRules", Shape::Structure(&RULES)),
        opt("RotateImmediately", Shape::Bool),
    ]),
    op("StopReplicationToReplica", "Makes a replica a standalone secret (call it in the replica's Region).", &[SECRET_ID]),
    op("UpdateSecret", "Changes a secret's description or key, or stores a new AWSCURRENT value.", &[
        SECRET_ID, TOKEN, DESCRIPTION, KMS_KEY_ID, SECRET_BINARY, SECRET_STRING,
    ]),
    op("UpdateSecretVersionStage", "Moves or removes a staging label.", &[
        SECRET_ID, req("VersionStage", STR1), opt("RemoveFromVersionId", STR1), opt("MoveToVersionId", STR1),
    ]),
];
