use crate::common::*;
use crate::key_policy::key_with_policy;
use serde_json::json;

const ROOT_ADMIN: &str = r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["kms:DescribeKey","kms:PutKeyPolicy","kms:GetKeyPolicy","kms:DisableKey","kms:EnableKey"],"Resource":"*"}"#;

#[test]
fn values_are_sealed_with_a_data_key_under_the_aws_managed_key() {
    let mut s = Sm::new();
    let out = s.create("enc", "v");
    s.value("enc");
    let kms: Vec<_> = s
        .sim
        .events()
        .iter()
        .filter(|e| e.event_source == "kms.amazonaws.com")
        .collect();
    assert_eq!(kms.len(), 2);
    assert_eq!(kms[0].event_name, "GenerateDataKey");
    assert_eq!(kms[1].event_name, "Decrypt");
    let context = json!({"SecretARN": out["ARN"], "SecretVersionId": out["VersionId"]});
    for e in &kms {
        assert_eq!(e.request_parameters["encryptionContext"], context);
        assert_eq!(
            e.user_identity.invoked_by.as_deref(),
            Some("secretsmanager.us-east-1.amazonaws.com")
        );
        assert!(e.error_code.is_none());
    }
    assert_eq!(
        kms[0].request_parameters["keyId"],
        "alias/aws/secretsmanager"
    );
    // The AWS managed key works only through Secrets Manager.
    let direct = s.sim.call(
        "kms",
        "Encrypt",
        json!({"KeyId": "alias/aws/secretsmanager", "Plaintext": "aGk="}),
        &root(),
    );
    assert_eq!(direct.unwrap_err().code(), "AccessDeniedException");
}

#[test]
fn a_key_policy_without_generate_data_key_refuses_the_create() {
    let mut s = Sm::new();
    let key = key_with_policy(&mut s.sim, &root(), ROOT_ADMIN);
    let e = s.err(
        "CreateSecret",
        json!({"Name": "x", "SecretString": "v", "KmsKeyId": key}),
    );
    assert_error(&e, "AccessDeniedException", "Access to KMS is not allowed");
    let refused = s
        .sim
        .events()
        .iter()
        .find(|e| e.event_name == "GenerateDataKey")
        .unwrap();
    assert_eq!(refused.error_code.as_deref(), Some("AccessDeniedException"));
    assert_eq!(
        s.err("DescribeSecret", json!({"SecretId": "x"})).code(),
        "ResourceNotFoundException"
    );
}

#[test]
fn a_via_service_condition_must_name_secrets_manager() {
    let mut s = Sm::new();
    let allow = r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["kms:GenerateDataKey","kms:Decrypt"],"Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"ssm.us-east-1.amazonaws.com"}}}"#;
    let ssm_only = key_with_policy(&mut s.sim, &root(), &format!("{ROOT_ADMIN},{allow}"));
    let e = s.err(
        "CreateSecret",
        json!({"Name": "x", "SecretString": "v", "KmsKeyId": ssm_only}),
    );
    assert_error(&e, "AccessDeniedException", "Access to KMS is not allowed");
    let sm_only = key_with_policy(
        &mut s.sim,
        &root(),
        &format!("{ROOT_ADMIN},{}", allow.replace("ssm.", "secretsmanager.")),
    );
    s.ok(
        "CreateSecret",
        json!({"Name": "x", "SecretString": "v", "KmsKeyId": sm_only}),
    );
    assert_eq!(s.value("x"), "v");
    assert_eq!(s.describe("x")["KmsKeyId"], sm_only);
    // The same key refuses a direct call.
    let direct = s.sim.call(
        "kms",
        "GenerateDataKey",
        json!({"KeyId": sm_only, "KeySpec": "AES_256"}),
        &root(),
    );
    assert_eq!(direct.unwrap_err().code(), "AccessDeniedException");
}

#[test]
fn a_disabled_key_fails_reads_and_writes() {
    let mut s = Sm::new();
    let key = s.sim.call("kms", "CreateKey", json!({}), &root()).unwrap()["KeyMetadata"]["Arn"]
        .as_str()
        .unwrap()
        .to_owned();
    s.ok(
        "CreateSecret",
        json!({"Name": "x", "SecretString": "v", "KmsKeyId": key}),
    );
    s.sim
        .call("kms", "DisableKey", json!({"KeyId": key}), &root())
        .unwrap();
    let e = s.err("GetSecretValue", json!({"SecretId": "x"}));
    assert_eq!(e.code(), "DecryptionFailure");
    assert_eq!(
        e.message(),
        Some(format!("Secrets Manager can't decrypt the secret value: {key} is disabled. (Service: AWSKMS; Status Code: 400; Error Code: DisabledException)").as_str())
    );
    let e = s.err(
        "PutSecretValue",
        json!({"SecretId": "x", "SecretString": "w"}),
    );
    assert_eq!(e.code(), "EncryptionFailure");
}

#[test]
fn a_new_key_without_a_new_value_re_encrypts_the_labelled_versions() {
    let mut s = Sm::new();
    s.create("x", "one");
    s.ok(
        "PutSecretValue",
        json!({"SecretId": "x", "SecretString": "two"}),
    );
    let key = s.sim.call("kms", "CreateKey", json!({}), &root()).unwrap()["KeyMetadata"]["Arn"]
        .as_str()
        .unwrap()
        .to_owned();
    s.ok("UpdateSecret", json!({"SecretId": "x", "KmsKeyId": key}));
    let versions = s.ok("ListSecretVersionIds", json!({"SecretId": "x"}));
    for v in versions["Versions"].as_array().unwrap() {
        assert_eq!(v["KmsKeyIds"], json!([key]));
    }
    assert_eq!(s.value("x"), "two");
    let last = s
        .sim
        .events()
        .iter()
        .rev()
        .find(|e| e.event_name == "Decrypt")
        .unwrap();
    assert!(last.error_code.is_none());
}

#[test]
fn a_user_needs_an_iam_allow_on_the_secret() {
    let mut s = Sm::new();
    let arn = s.create("app/x", "v")["ARN"].as_str().unwrap().to_owned();
    let alice = user(A, "alice");
    let e = s
        .call_as(&alice, "GetSecretValue", json!({"SecretId": "app/x"}))
        .unwrap_err();
    assert_error(&e, "AccessDeniedException", &format!("User: arn:aws:iam::{A}:user/alice is not authorized to perform: secretsmanager:GetSecretValue on resource: {arn} because no identity-based policy allows the secretsmanager:GetSecretValue action"));
    let e = s.call_as(&alice, "ListSecrets", json!({})).unwrap_err();
    assert_error(&e, "AccessDeniedException", &format!("User: arn:aws:iam::{A}:user/alice is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action"));
    s.policy_for(
        &format!("arn:aws:iam::{A}:user/alice"),
        json!([{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
                "Resource": format!("arn:aws:secretsmanager:us-east-1:{A}:secret:app/*")}]),
    );
    let got = s
        .call_as(&alice, "GetSecretValue", json!({"SecretId": "app/x"}))
        .unwrap();
    assert_eq!(got["SecretString"], "v");
    let e = s
        .call_as(
            &alice,
            "PutSecretValue",
            json!({"SecretId": "app/x", "SecretString": "w"}),
        )
        .unwrap_err();
    assert_eq!(e.code(), "AccessDeniedException");
    // A name that does not exist is checked against its would-be ARN first.
    let e = s
        .call_as(&alice, "DescribeSecret", json!({"SecretId": "none"}))
        .unwrap_err();
    assert_eq!(e.code(), "AccessDeniedException");
}
