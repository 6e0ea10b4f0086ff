use crate::common::*;
use serde_json::json;

#[test]
fn describe_shows_the_secret_without_its_value() {
    let mut s = Sm::new();
    let created = s.ok(
        "CreateSecret",
        json!({"Name": "app/db", "SecretString": "v", "Description": "db creds",
               "Tags": [{"Key": "team", "Value": "blue"}]}),
    );
    let d = s.describe("app/db");
    assert_eq!(d["ARN"], created["ARN"]);
    assert_eq!(d["Description"], "db creds");
    assert_eq!(d["Tags"], json!([{"Key": "team", "Value": "blue"}]));
    assert_eq!(
        d["VersionIdsToStages"][created["VersionId"].as_str().unwrap()],
        json!(["AWSCURRENT"])
    );
    assert_eq!(d["CreatedDate"], s.now());
    // The AWS managed key is not shown, as AWS leaves it out.
    assert!(d.get("KmsKeyId").is_none());
    assert!(d.get("RotationEnabled").is_none());
    assert!(!d.to_string().contains("\"v\""));
}

#[test]
fn get_secret_value_by_version_id_and_stage() {
    let mut s = Sm::new();
    let v1 = s.create("sel", "one")["VersionId"]
        .as_str()
        .unwrap()
        .to_owned();
    s.ok(
        "PutSecretValue",
        json!({"SecretId": "sel", "SecretString": "two"}),
    );
    let one = s.ok(
        "GetSecretValue",
        json!({"SecretId": "sel", "VersionId": v1}),
    );
    assert_eq!(one["SecretString"], "one");
    let both = s.ok(
        "GetSecretValue",
        json!({"SecretId": "sel", "VersionId": v1, "VersionStage": "AWSPREVIOUS"}),
    );
    assert_eq!(both["SecretString"], "one");
    assert_error(
        &s.err(
            "GetSecretValue",
            json!({"SecretId": "sel", "VersionId": v1, "VersionStage": "AWSCURRENT"}),
        ),
        "InvalidRequestException",
        "You provided a VersionStage that is not associated to the provided VersionId.",
    );
    let missing = "99999999-9999-4999-8999-999999999999";
    assert_error(
        &s.err(
            "GetSecretValue",
            json!({"SecretId": "sel", "VersionId": missing}),
        ),
        "ResourceNotFoundException",
        &format!("Secrets Manager can't find the specified secret value for VersionId: {missing}"),
    );
    assert_error(
        &s.err(
            "GetSecretValue",
            json!({"SecretId": "sel", "VersionStage": "AWSPENDING"}),
        ),
        "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret value for staging label: AWSPENDING",
    );
}

#[test]
fn reading_sets_the_last_accessed_day() {
    let mut s = Sm::new();
    s.create("acc", "v");
    assert!(s.describe("acc").get("LastAccessedDate").is_none());
    s.control("AdvanceClock", json!({"Hours": 5}));
    s.value("acc");
    let day = s.now() - s.now() % 86_400;
    assert_eq!(s.describe("acc")["LastAccessedDate"], day);
}

#[test]
fn list_secrets_pages_and_filters() {
    let mut s = Sm::new();
    for name in ["prod/a", "prod/b", "dev/a", "prod/c"] {
        s.ok("CreateSecret", json!({"Name": name, "SecretString": "v", "Tags": [{"Key": "env", "Value": name.split('/').next().unwrap()}]}));
    }
    let mut names = Vec::new();
    let mut token = None;
    loop {
        let mut req = json!({"MaxResults": 3});
        if let Some(t) = &token {
            req["NextToken"] = json!(t);
        }
        let page = s.ok("ListSecrets", req);
        names.extend(
            page["SecretList"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["Name"].as_str().unwrap().to_owned()),
        );
        match page.get("NextToken") {
            Some(t) => token = Some(t.as_str().unwrap().to_owned()),
            None => break,
        }
    }
    // Made at the same time, they are listed by name.
    assert_eq!(names, ["dev/a", "prod/a", "prod/b", "prod/c"]);
    let prod = s.ok(
        "ListSecrets",
        json!({"Filters": [{"Key": "name", "Values": ["prod/"]}]}),
    );
    assert_eq!(prod["SecretList"].as_array().unwrap().len(), 3);
    let not_prod = s.ok(
        "ListSecrets",
        json!({"Filters": [{"Key": "tag-value", "Values": ["!prod"]}]}),
    );
    assert_eq!(not_prod["SecretList"][0]["Name"], "dev/a");
    let listed = &prod["SecretList"][0];
    assert!(listed["SecretVersionsToStages"].is_object());
    assert_error(
        &s.err("ListSecrets", json!({"NextToken": "nope"})),
        "InvalidNextTokenException",
        "The NextToken value isn't valid.",
    );
    let e = s.err(
        "ListSecrets",
        json!({"Filters": [{"Key": "colour", "Values": ["x"]}]}),
    );
    assert_eq!(e.code(), "ValidationException");
}

#[test]
fn list_secrets_hides_secrets_scheduled_for_deletion_unless_asked() {
    let mut s = Sm::new();
    s.create("keep", "v");
    s.create("gone", "v");
    s.ok("DeleteSecret", json!({"SecretId": "gone"}));
    let listed = s.ok("ListSecrets", json!({}));
    assert_eq!(listed["SecretList"].as_array().unwrap().len(), 1);
    let all = s.ok("ListSecrets", json!({"IncludePlannedDeletion": true}));
    assert_eq!(all["SecretList"].as_array().unwrap().len(), 2);
}

#[test]
fn list_secret_version_ids_skips_deprecated_versions_unless_asked() {
    let mut s = Sm::new();
    s.create("vers", "1");
    s.ok(
        "PutSecretValue",
        json!({"SecretId": "vers", "SecretString": "2"}),
    );
    s.ok(
        "PutSecretValue",
        json!({"SecretId": "vers", "SecretString": "3"}),
    );
    let listed = s.ok("ListSecretVersionIds", json!({"SecretId": "vers"}));
    assert_eq!(listed["Versions"].as_array().unwrap().len(), 2);
    assert_eq!(
        listed["Versions"][0]["VersionStages"],
        json!(["AWSCURRENT"])
    );
    assert_eq!(
        listed["Versions"][0]["KmsKeyIds"],
        json!(["alias/aws/secretsmanager"])
    );
    let all = s.ok(
        "ListSecretVersionIds",
        json!({"SecretId": "vers", "IncludeDeprecated": true, "MaxResults": 2}),
    );
    assert_eq!(all["Versions"].as_array().unwrap().len(), 2);
    assert!(all["NextToken"].is_string());
}
