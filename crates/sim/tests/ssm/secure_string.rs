use crate::common::*;
use crate::key_policy::key_with_policy;
use serde_json::json;

#[test]
fn a_secure_string_round_trips_under_the_aws_managed_key() {
    let mut s = Store::new();
    s.ok(
        "PutParameter",
        json!({"Name": "/db/pw", "Value": "hunter2", "Type": "SecureString"}),
    );
    let plain = s.get("/db/pw");
    assert_eq!(plain["Value"], "hunter2");
    let sealed = s.ok("GetParameter", json!({"Name": "/db/pw"}))["Parameter"].clone();
    assert_ne!(sealed["Value"], "hunter2");
    let meta = s.ok("DescribeParameters", json!({}));
    assert_eq!(meta["Parameters"][0]["KeyId"], "alias/aws/ssm");
}

#[test]
fn kms_calls_go_through_ssm_with_the_parameter_arn_context_and_are_trailed() {
    let mut s = Store::new();
    s.ok(
        "PutParameter",
        json!({"Name": "/db/pw", "Value": "x", "Type": "SecureString"}),
    );
    s.get("/db/pw");
    let kms: Vec<_> = s
        .sim
        .events()
        .iter()
        .filter(|e| e.event_source == "kms.amazonaws.com")
        .collect();
    assert_eq!(kms.len(), 2);
    assert_eq!(kms[0].event_name, "Encrypt");
    assert_eq!(kms[1].event_name, "Decrypt");
    assert_eq!(
        kms[0].user_identity.invoked_by.as_deref(),
        Some("ssm.us-east-1.amazonaws.com")
    );
    assert_eq!(
        kms[0].request_parameters["encryptionContext"]["PARAMETER_ARN"],
        "arn:aws:ssm:us-east-1:111122223333:parameter/db/pw"
    );
    let put = s
        .sim
        .events()
        .iter()
        .find(|e| e.event_name == "PutParameter")
        .unwrap();
    assert!(put.request_parameters.get("value").is_none());
}

const ROOT_ADMIN: &str = r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["kms:CreateKey","kms:DescribeKey","kms:PutKeyPolicy","kms:GetKeyPolicy"],"Resource":"*"}"#;

#[test]
fn a_key_policy_without_encrypt_denies_the_put_as_kms_words_it() {
    let mut s = Store::new();
    let key = key_with_policy(&mut s.sim, &root(), ROOT_ADMIN);
    let e = s.err(
        "PutParameter",
        json!({"Name": "/x", "Value": "v", "Type": "SecureString", "KeyId": key}),
    );
    assert_error(&e, "AccessDeniedException", Some(&format!("User: arn:aws:iam::111122223333:root is not authorized to perform: kms:Encrypt on resource: {key} because no resource-based policy allows the kms:Encrypt action")));
    assert_error(
        &s.err("GetParameter", json!({"Name": "/x"})),
        "ParameterNotFound",
        None,
    );
}

#[test]
fn a_via_service_condition_for_another_service_denies() {
    let mut s = Store::new();
    let allow = r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["kms:Encrypt","kms:Decrypt"],"Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"secretsmanager.us-east-1.amazonaws.com"}}}"#;
    let key = key_with_policy(&mut s.sim, &root(), &format!("{ROOT_ADMIN},{allow}"));
    let e = s.err(
        "PutParameter",
        json!({"Name": "/x", "Value": "v", "Type": "SecureString", "KeyId": key}),
    );
    assert_eq!(e.code(), "AccessDeniedException");

    let ssm_only = allow.replace("secretsmanager", "ssm");
    let key = key_with_policy(&mut s.sim, &root(), &format!("{ROOT_ADMIN},{ssm_only}"));
    s.ok(
        "PutParameter",
        json!({"Name": "/x", "Value": "v", "Type": "SecureString", "KeyId": key}),
    );
    assert_eq!(s.get("/x")["Value"], "v");
}

#[test]
fn reading_without_decrypt_permission_fails_only_with_decryption() {
    let mut s = Store::new();
    let key =
        s.sim.call("kms", "CreateKey", json!({}), &root()).unwrap()["KeyMetadata"]["Arn"].clone();
    s.ok(
        "PutParameter",
        json!({"Name": "/x", "Value": "v", "Type": "SecureString", "KeyId": key}),
    );
    let alice = alice();
    s.sim.call("keydeck", "PutPrincipalPolicy", json!({
        "PrincipalArn": "arn:aws:iam::111122223333:user/alice", "PolicyName": "p",
        "PolicyDocument": r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*"}]}"#
    }), &root()).unwrap();
    let sealed = s
        .sim
        .call("ssm", "GetParameter", json!({"Name": "/x"}), &alice);
    assert!(sealed.is_ok());
    let e = s
        .sim
        .call(
            "ssm",
            "GetParameter",
            json!({"Name": "/x", "WithDecryption": true}),
            &alice,
        )
        .unwrap_err();
    assert_eq!(e.code(), "AccessDeniedException");
}

#[test]
fn a_user_without_an_ssm_allow_is_denied_as_iam_words_it() {
    let mut s = Store::new();
    s.put("/app/x", "v");
    let e = s
        .sim
        .call("ssm", "GetParameter", json!({"Name": "/app/x:1"}), &alice())
        .unwrap_err();
    assert_error(&e, "AccessDeniedException", Some("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:111122223333:parameter/app/x because no identity-based policy allows the ssm:GetParameter action"));
    s.sim.call("keydeck", "PutPrincipalPolicy", json!({
        "PrincipalArn": "arn:aws:iam::111122223333:user/alice", "PolicyName": "p",
        "PolicyDocument": r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter*","Resource":["arn:aws:ssm:us-east-1:111122223333:parameter/app","arn:aws:ssm:us-east-1:111122223333:parameter/app/*"]}]}"#
    }), &root()).unwrap();
    assert!(s
        .sim
        .call("ssm", "GetParameter", json!({"Name": "/app/x"}), &alice())
        .is_ok());
    assert!(s
        .sim
        .call(
            "ssm",
            "GetParametersByPath",
            json!({"Path": "/app"}),
            &alice()
        )
        .is_ok());
    let e = s
        .sim
        .call(
            "ssm",
            "PutParameter",
            json!({"Name": "/app/x", "Value": "w", "Overwrite": true}),
            &alice(),
        )
        .unwrap_err();
    assert_eq!(e.code(), "AccessDeniedException");
    let e = s
        .sim
        .call("ssm", "DescribeParameters", json!({}), &alice())
        .unwrap_err();
    assert_error(&e, "AccessDeniedException", Some("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: ssm:DescribeParameters because no identity-based policy allows the ssm:DescribeParameters action"));
}
