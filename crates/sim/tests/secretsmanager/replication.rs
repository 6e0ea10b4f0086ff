use crate::common::*;
use serde_json::json;

const REPLICA_ONLY: &str =
    "Operation not permitted on a replica secret. Call must be made in primary secret's region.";

fn eu() -> keydeck_sim::Caller {
    in_region(root(), "eu-west-1")
}

#[test]
fn a_replica_is_readable_in_its_region_under_its_regions_key() {
    let mut s = Sm::new();
    let eu_key = s.sim.call("kms", "CreateKey", json!({}), &eu()).unwrap()["KeyMetadata"]["Arn"]
        .as_str()
        .unwrap()
        .to_owned();
    let out = s.ok(
        "CreateSecret",
        json!({"Name": "global", "SecretString": "v1",
               "AddReplicaRegions": [{"Region": "eu-west-1", "KmsKeyId": eu_key}, {"Region": "ap-south-1"}]}),
    );
    assert_eq!(
        out["ReplicationStatus"],
        json!([
            {"Region": "eu-west-1", "KmsKeyId": eu_key, "Status": "InSync", "StatusMessage": "Replication succeeded"},
            {"Region": "ap-south-1", "KmsKeyId": "alias/aws/secretsmanager", "Status": "InSync", "StatusMessage": "Replication succeeded"}
        ])
    );
    let replica = s
        .call_as(&eu(), "GetSecretValue", json!({"SecretId": "global"}))
        .unwrap();
    assert_eq!(replica["SecretString"], "v1");
    assert_eq!(
        replica["ARN"],
        out["ARN"]
            .as_str()
            .unwrap()
            .replace("us-east-1", "eu-west-1")
    );
    assert_eq!(replica["VersionId"], out["VersionId"]);
    let d = s
        .call_as(&eu(), "DescribeSecret", json!({"SecretId": "global"}))
        .unwrap();
    assert_eq!(d["PrimaryRegion"], "us-east-1");
    assert_eq!(d["KmsKeyId"], eu_key);
    // Each Region sealed its own copy, through its own endpoint.
    let sealed_in_eu = s.sim.events().iter().any(|e| {
        e.event_name == "GenerateDataKey"
            && e.aws_region == "eu-west-1"
            && e.user_identity.invoked_by.as_deref()
                == Some("secretsmanager.eu-west-1.amazonaws.com")
            && e.request_parameters["keyId"] == eu_key
    });
    assert!(sealed_in_eu);

    // The primary's changes reach the replica.
    s.ok(
        "PutSecretValue",
        json!({"SecretId": "global", "SecretString": "v2"}),
    );
    let replica = s
        .call_as(&eu(), "GetSecretValue", json!({"SecretId": "global"}))
        .unwrap();
    assert_eq!(replica["SecretString"], "v2");
    let prev = s
        .call_as(
            &eu(),
            "GetSecretValue",
            json!({"SecretId": "global", "VersionStage": "AWSPREVIOUS"}),
        )
        .unwrap();
    assert_eq!(prev["SecretString"], "v1");
}

#[test]
fn a_replica_refuses_changes_and_its_primary_refuses_deletion() {
    let mut s = Sm::new();
    let out = s.ok(
        "CreateSecret",
        json!({"Name": "global", "SecretString": "v1", "AddReplicaRegions": [{"Region": "eu-west-1"}]}),
    );
    let e = s
        .call_as(
            &eu(),
            "PutSecretValue",
            json!({"SecretId": "global", "SecretString": "x"}),
        )
        .unwrap_err();
    assert_error(&e, "InvalidParameterException", REPLICA_ONLY);
    assert_error(
        &s.err("DeleteSecret", json!({"SecretId": "global"})),
        "InvalidParameterException",
        &format!(
            "You can't delete secret {} that still has replica regions [eu-west-1].",
            out["ARN"].as_str().unwrap()
        ),
    );
    assert_error(
        &s.err(
            "ReplicateSecretToRegions",
            json!({"SecretId": "global", "AddReplicaRegions": [{"Region": "us-east-1"}]}),
        ),
        "InvalidParameterException",
        "Invalid replica region.",
    );
}

#[test]
fn regions_are_added_removed_and_a_replica_promoted() {
    let mut s = Sm::new();
    s.create("global", "v1");
    let out = s.ok(
        "ReplicateSecretToRegions",
        json!({"SecretId": "global", "AddReplicaRegions": [{"Region": "eu-west-1"}, {"Region": "us-west-2"}]}),
    );
    assert_eq!(out["ReplicationStatus"].as_array().unwrap().len(), 2);
    let removed = s.ok(
        "RemoveRegionsFromReplication",
        json!({"SecretId": "global", "RemoveReplicaRegions": ["us-west-2"]}),
    );
    assert_eq!(removed["ReplicationStatus"][0]["Region"], "eu-west-1");
    let west = in_region(root(), "us-west-2");
    assert_eq!(
        s.call_as(&west, "DescribeSecret", json!({"SecretId": "global"}))
            .unwrap_err()
            .code(),
        "ResourceNotFoundException"
    );
    let promoted = s
        .call_as(
            &eu(),
            "StopReplicationToReplica",
            json!({"SecretId": "global"}),
        )
        .unwrap();
    assert!(promoted["ARN"].as_str().unwrap().contains(":eu-west-1:"));
    assert!(s.describe("global").get("ReplicationStatus").is_none());
    s.call_as(
        &eu(),
        "PutSecretValue",
        json!({"SecretId": "global", "SecretString": "eu"}),
    )
    .unwrap();
    assert_eq!(s.value("global"), "v1");
    s.ok(
        "DeleteSecret",
        json!({"SecretId": "global", "ForceDeleteWithoutRecovery": true}),
    );
}

#[test]
fn a_name_taken_in_the_other_region_fails_unless_overwritten() {
    let mut s = Sm::new();
    s.call_as(
        &eu(),
        "CreateSecret",
        json!({"Name": "taken", "SecretString": "theirs"}),
    )
    .unwrap();
    let out = s.ok(
        "CreateSecret",
        json!({"Name": "taken", "SecretString": "ours", "AddReplicaRegions": [{"Region": "eu-west-1"}]}),
    );
    assert_eq!(out["ReplicationStatus"][0]["Status"], "Failed");
    assert_eq!(
        out["ReplicationStatus"][0]["StatusMessage"],
        "Replication failed: Secret name taken already exists in region eu-west-1."
    );
    s.ok(
        "RemoveRegionsFromReplication",
        json!({"SecretId": "taken", "RemoveReplicaRegions": ["eu-west-1"]}),
    );
    let theirs = s
        .call_as(&eu(), "GetSecretValue", json!({"SecretId": "taken"}))
        .unwrap();
    assert_eq!(theirs["SecretString"], "theirs");
    s.ok(
        "ReplicateSecretToRegions",
        json!({"SecretId": "taken", "AddReplicaRegions": [{"Region": "eu-west-1"}], "ForceOverwriteReplicaSecret": true}),
    );
    let now = s
        .call_as(&eu(), "GetSecretValue", json!({"SecretId": "taken"}))
        .unwrap();
    assert_eq!(now["SecretString"], "ours");
}
