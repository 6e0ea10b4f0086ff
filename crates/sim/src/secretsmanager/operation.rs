//! The operations of the Secrets Manager API the simulator implements: the
//! one list of their names. The IAM action of each is
//! `secretsmanager:<name>`
//! (<https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_Operations.html>).

use crate::platform::aws_enum::aws_enum;

aws_enum!(
    /// A Secrets Manager operation the simulator implements.
    Operation {
        CreateSecret,
        GetSecretValue,
        PutSecretValue,
        UpdateSecret,
        DescribeSecret,
        ListSecrets,
        ListSecretVersionIds,
        UpdateSecretVersionStage,
        RotateSecret,
        CancelRotateSecret,
        DeleteSecret,
        RestoreSecret,
        ReplicateSecretToRegions,
        RemoveRegionsFromReplication,
        StopReplicationToReplica,
        GetRandomPassword,
        PutResourcePolicy,
        GetResourcePolicy,
        DeleteResourcePolicy,
    }
);

impl Operation {
    /// Whether the operation names no secret (IAM decides on `*`).
    pub fn names_no_secret(self) -> bool {
        matches!(self, Operation::ListSecrets | Operation::GetRandomPassword)
    }

    /// Whether the operation refuses a secret scheduled for deletion.
    pub fn refuses_deleted(self) -> bool {
        use Operation::*;
        matches!(
            self,
            GetSecretValue
                | PutSecretValue
                | UpdateSecret
                | UpdateSecretVersionStage
                | RotateSecret
                | CancelRotateSecret
                | ReplicateSecretToRegions
                | RemoveRegionsFromReplication
                | StopReplicationToReplica
                | PutResourcePolicy
                | DeleteResourcePolicy
        )
    }

    /// Whether the operation must be called in the primary secret's Region.
    pub fn primary_only(self) -> bool {
        use Operation::*;
        matches!(
            self,
            PutSecretValue
                | UpdateSecret
                | UpdateSecretVersionStage
                | RotateSecret
                | CancelRotateSecret
                | DeleteSecret
                | RestoreSecret
                | ReplicateSecretToRegions
                | RemoveRegionsFromReplication
                | PutResourcePolicy
                | DeleteResourcePolicy
        )
    }
}
