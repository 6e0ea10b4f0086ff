//! Every KMS operation the simulator implements has its `aws kms`
//! command, and typical arguments reach the simulator as the request the
//! CLI would send.

#[path = "cli_support.rs"]
mod support;

use keydeck_lab::cli;
use serde_json::{json, Value};
use support::Lab;

/// `(operation, words after "aws kms", expected request, expected status)`.
/// `{name}` stands for a value made by [`setup`]. Status 254 marks calls the
/// service refuses for reasons of state, not of the request's form.
const CASES: &[(&str, &str, &str, i32)] = &[
    ("CreateKey", "create-key --description lab --key-usage ENCRYPT_DECRYPT --key-spec SYMMETRIC_DEFAULT --tags TagKey=team,TagValue=blue --no-multi-region",
        r#"{"Description":"lab","KeyUsage":"ENCRYPT_DECRYPT","KeySpec":"SYMMETRIC_DEFAULT","Tags":[{"TagKey":"team","TagValue":"blue"}],"MultiRegion":false}"#, 0),
    ("DescribeKey", "describe-key --key-id alias/lab --grant-tokens {token}", r#"{"KeyId":"alias/lab","GrantTokens":["{token}"]}"#, 0),
    ("ListKeys", "list-keys --limit 5", r#"{"Limit":5}"#, 0),
    ("UpdateKeyDescription", "update-key-description --key-id {sym} --description 'new words'", r#"{"KeyId":"{sym}","Description":"new words"}"#, 0),
    ("DisableKey", "disable-key --key-id {sym2}", r#"{"KeyId":"{sym2}"}"#, 0),
    ("EnableKey", "enable-key --key-id {sym2}", r#"{"KeyId":"{sym2}"}"#, 0),
    ("ScheduleKeyDeletion", "schedule-key-deletion --key-id {del} --pending-window-in-days 7", r#"{"KeyId":"{del}","PendingWindowInDays":7}"#, 0),
    ("CancelKeyDeletion", "cancel-key-deletion --key-id {del}", r#"{"KeyId":"{del}"}"#, 0),
    ("CreateAlias", "create-alias --alias-name alias/lab2 --target-key-id {sym}", r#"{"AliasName":"alias/lab2","TargetKeyId":"{sym}"}"#, 0),
    ("UpdateAlias", "update-alias --alias-name alias/lab2 --target-key-id {sym2}", r#"{"AliasName":"alias/lab2","TargetKeyId":"{sym2}"}"#, 0),
    ("ListAliases", "list-aliases --key-id {sym}", r#"{"KeyId":"{sym}"}"#, 0),
    ("DeleteAlias", "delete-alias --alias-name alias/lab2", r#"{"AliasName":"alias/lab2"}"#, 0),
    ("Encrypt", "encrypt --key-id alias/lab --plaintext aGVsbG8= --encryption-context Dept=IT,Stage=test",
        r#"{"KeyId":"alias/lab","Plaintext":"aGVsbG8=","EncryptionContext":{"Dept":"IT","Stage":"test"}}"#, 0),
    ("Decrypt", "decrypt --ciphertext-blob fileb://secret.enc --encryption-context Dept=IT",
        r#"{"CiphertextBlob":"{ct}","EncryptionContext":{"Dept":"IT"}}"#, 0),
    ("ReEncrypt", "re-encrypt --ciphertext-blob fileb://secret.enc --source-encryption-context Dept=IT --destination-key-id {sym2}",
        r#"{"CiphertextBlob":"{ct}","SourceEncryptionContext":{"Dept":"IT"},"DestinationKeyId":"{sym2}"}"#, 0),
    ("GenerateDataKey", "generate-data-key --key-id alias/lab --key-spec AES_256 --encryption-context Dept=IT",
        r#"{"KeyId":"alias/lab","EncryptionContext":{"Dept":"IT"},"KeySpec":"AES_256"}"#, 0),
    ("GenerateDataKeyWithoutPlaintext", "generate-data-key-without-plaintext --key-id alias/lab --number-of-bytes 32",
        r#"{"KeyId":"alias/lab","NumberOfBytes":32}"#, 0),
    ("GenerateDataKeyPair", "generate-data-key-pair --key-id alias/lab --key-pair-spec ECC_NIST_P256",
        r#"{"KeyId":"alias/lab","KeyPairSpec":"ECC_NIST_P256"}"#, 0),
    ("GenerateDataKeyPairWithoutPlaintext", "generate-data-key-pair-without-plaintext --key-id alias/lab --key-pair-spec ECC_NIST_P256",
        r#"{"KeyId":"alias/lab","KeyPairSpec":"ECC_NIST_P256"}"#, 0),
    ("GenerateRandom", "generate-random --number-of-bytes 16", r#"{"NumberOfBytes":16}"#, 0),
    ("Sign", "sign --key-id {ecc} --message aGVsbG8= --message-type RAW --signing-algorithm ECDSA_SHA_256",
        r#"{"KeyId":"{ecc}","Message":"aGVsbG8=","MessageType":"RAW","SigningAlgorithm":"ECDSA_SHA_256"}"#, 0),
    ("Verify", "verify --key-id {ecc} --message aGVsbG8= --message-type RAW --signature {sig} --signing-algorithm ECDSA_SHA_256",
        r#"{"KeyId":"{ecc}","Message":"aGVsbG8=","MessageType":"RAW","Signature":"{sig}","SigningAlgorithm":"ECDSA_SHA_256"}"#, 0),
    ("GetPublicKey", "get-public-key --key-id {ecc}", r#"{"KeyId":"{ecc}"}"#, 0),
    ("GenerateMac", "generate-mac --key-id {hmac} --message aGVsbG8= --mac-algorithm HMAC_SHA_256",
        r#"{"Message":"aGVsbG8=","KeyId":"{hmac}","MacAlgorithm":"HMAC_SHA_256"}"#, 0),
    ("VerifyMac", "verify-mac --key-id {hmac} --message aGVsbG8= --mac {mac} --mac-algorithm HMAC_SHA_256",
        r#"{"Message":"aGVsbG8=","KeyId":"{hmac}","MacAlgorithm":"HMAC_SHA_256","Mac":"{mac}"}"#, 0),
    ("EnableKeyRotation", "enable-key-rotation --key-id {sym} --rotation-period-in-days 180",
        r#"{"KeyId":"{sym}","RotationPeriodInDays":180}"#, 0),
    ("GetKeyRotationStatus", "get-key-rotation-status --key-id {sym}", r#"{"KeyId":"{sym}"}"#, 0),
    ("DisableKeyRotation", "disable-key-rotation --key-id {sym}", r#"{"KeyId":"{sym}"}"#, 0),
    ("RotateKeyOnDemand", "rotate-key-on-demand --key-id {sym}", r#"{"KeyId":"{sym}"}"#, 0),
    ("ListKeyRotations", "list-key-rotations --key-id {sym}", r#"{"KeyId":"{sym}"}"#, 0),
    ("GetParametersForImport", "get-parameters-for-import --key-id {ext} --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_2048",
        r#"{"KeyId":"{ext}","WrappingAlgorithm":"RSAES_OAEP_SHA_256","WrappingKeySpec":"RSA_2048"}"#, 0),
    // The material is not wrapped with the import's public key, so KMS refuses it.
    ("ImportKeyMaterial", "import-key-material --key-id {ext} --import-token {itoken} --encrypted-key-material aGVsbG8= --valid-to 2027-01-01T00:00:00Z --expiration-model KEY_MATERIAL_EXPIRES",
        r#"{"KeyId":"{ext}","ImportToken":"{itoken}","EncryptedKeyMaterial":"aGVsbG8=","ValidTo":1798761600,"ExpirationModel":"KEY_MATERIAL_EXPIRES"}"#, 254),
    ("DeleteImportedKeyMaterial", "delete-imported-key-material --key-id {ext}", r#"{"KeyId":"{ext}"}"#, 0),
    ("ReplicateKey", "replicate-key --key-id {mrk} --replica-region eu-west-1 --description replica",
        r#"{"KeyId":"{mrk}","ReplicaRegion":"eu-west-1","Description":"replica"}"#, 0),
    ("UpdatePrimaryRegion", "update-primary-region --key-id {mrk} --primary-region eu-west-1",
        r#"{"KeyId":"{mrk}","PrimaryRegion":"eu-west-1"}"#, 0),
    ("PutKeyPolicy", "put-key-policy --key-id {sym} --policy-name default --policy file://policy.json",
        r#"{"KeyId":"{sym}","PolicyName":"default","Policy":"{policy}"}"#, 0),
    ("GetKeyPolicy", "get-key-policy --key-id {sym} --policy-name default", r#"{"KeyId":"{sym}","PolicyName":"default"}"#, 0),
    ("ListKeyPolicies", "list-key-policies --key-id {sym}", r#"{"KeyId":"{sym}"}"#, 0),
    ("CreateGrant", "create-grant --key-id {sym} --grantee-principal arn:aws:iam::111122223333:user/developer --operations Encrypt Decrypt --constraints EncryptionContextSubset={Dept=IT} --name g1",
        r#"{"KeyId":"{sym}","GranteePrincipal":"arn:aws:iam::111122223333:user/developer","Operations":["Encrypt","Decrypt"],"Constraints":{"EncryptionContextSubset":{"Dept":"IT"}},"Name":"g1"}"#, 0),
    ("ListGrants", "list-grants --key-id {sym}", r#"{"KeyId":"{sym}"}"#, 0),
    ("RevokeGrant", "revoke-grant --key-id {sym} --grant-id {grant2}", r#"{"KeyId":"{sym}","GrantId":"{grant2}"}"#, 0),
    ("RetireGrant", "retire-grant --grant-token {token}", r#"{"GrantToken":"{token}"}"#, 0),
    ("TagResource", "tag-resource --key-id {sym} --tags TagKey=a,TagValue=1 TagKey=b,TagValue=2",
        r#"{"KeyId":"{sym}","Tags":[{"TagKey":"a","TagValue":"1"},{"TagKey":"b","TagValue":"2"}]}"#, 0),
    ("UntagResource", "untag-resource --key-id {sym} --tag-keys a b", r#"{"KeyId":"{sym}","TagKeys":["a","b"]}"#, 0),
    ("ListResourceTags", "list-resource-tags --key-id {sym}", r#"{"KeyId":"{sym}"}"#, 0),
];

const POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Enable IAM policies","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}"#;

/// Keys, grants, blobs and files the cases refer to, by placeholder.
fn setup(lab: &mut Lab) -> Vec<(&'static str, String)> {
    let sym = lab.key("--description lab");
    lab.ok(&format!(
        "kms create-alias --alias-name alias/lab --target-key-id {sym}"
    ));
    let sym2 = lab.key("");
    let del = lab.key("");
    let ecc = lab.key("--key-spec ECC_NIST_P256 --key-usage SIGN_VERIFY");
    let hmac = lab.key("--key-spec HMAC_256 --key-usage GENERATE_VERIFY_MAC");
    let ext = lab.key("--origin EXTERNAL");
    let mrk = lab.key("--multi-region");
    let ct = lab.ok("kms encrypt --key-id alias/lab --plaintext aGVsbG8= --encryption-context Dept=IT --query CiphertextBlob --output text");
    let ct = ct.trim().to_owned();
    let raw = base64_decode(&ct);
    lab.file("secret.enc", &raw);
    lab.file("policy.json", POLICY.as_bytes());
    let grant = |lab: &mut Lab| {
        lab.json(&format!("kms create-grant --key-id {sym} --grantee-principal arn:aws:iam::111122223333:user/developer --retiring-principal arn:aws:iam::111122223333:role/Admin --operations Decrypt"))
    };
    let (g1, g2) = (grant(lab), grant(lab));
    let sig = lab.ok(&format!("kms sign --key-id {ecc} --message aGVsbG8= --signing-algorithm ECDSA_SHA_256 --query Signature --output text"));
    let mac = lab.ok(&format!("kms generate-mac --key-id {hmac} --message aGVsbG8= --mac-algorithm HMAC_SHA_256 --query Mac --output text"));
    let itoken = lab.ok(&format!("kms get-parameters-for-import --key-id {ext} --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_2048 --query ImportToken --output text"));
    vec![
        ("{sym}", sym),
        ("{sym2}", sym2),
        ("{del}", del),
        ("{ecc}", ecc),
        ("{hmac}", hmac),
        ("{ext}", ext),
        ("{mrk}", mrk),
        ("{ct}", ct),
        ("{token}", g1["GrantToken"].as_str().unwrap().to_owned()),
        ("{grant2}", g2["GrantId"].as_str().unwrap().to_owned()),
        ("{sig}", sig.trim().to_owned()),
        ("{mac}", mac.trim().to_owned()),
        ("{itoken}", itoken.trim().to_owned()),
        ("{policy}", POLICY.replace('"', "\\\"")),
    ]
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .unwrap()
}

fn fill(template: &str, values: &[(&str, String)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |t, (k, v)| t.replace(k, v))
}

#[test]
fn every_simulated_kms_operation_has_a_cli_command() {
    let commands = cli::operations("kms");
    for op in keydeck_sim::kms::Operation::ALL {
        assert!(CASES.iter().any(|c| c.0 == *op), "no case for {op}");
        let kebab = CASES
            .iter()
            .find(|c| c.0 == *op)
            .unwrap()
            .1
            .split(' ')
            .next()
            .unwrap();
        assert!(commands.contains(&kebab), "no command {kebab} for {op}");
    }
    assert_eq!(commands.len(), keydeck_sim::kms::Operation::ALL.len());
}

#[test]
fn every_operation_reaches_the_simulator_as_the_cli_request() {
    let mut lab = Lab::new();
    let values = setup(&mut lab);
    for (op, words, expected, status) in CASES {
        let line = fill(&format!("kms {words}"), &values);
        let expected: Value = serde_json::from_str(&fill(expected, &values)).unwrap();
        assert_eq!(lab.request(&line), expected, "{op}: {line}");
        let before = lab.sim.events().len();
        let out = lab.aws(&line);
        assert_eq!(out.status, *status, "{op}: {line}\n{}", out.stderr);
        let calls: Vec<&str> = lab.sim.events()[before..]
            .iter()
            .map(|e| e.event_name.as_str())
            .collect();
        assert!(
            calls.contains(op),
            "{op} did not reach the simulator: {calls:?}"
        );
        let errors: Vec<_> = lab.sim.events()[before..]
            .iter()
            .filter_map(|e| e.error_code.clone())
            .collect();
        if *status == 0 {
            assert!(errors.is_empty(), "{op}: {errors:?}");
        } else {
            assert!(
                !errors
                    .iter()
                    .any(|c| c == "ValidationException" || c == "SerializationException"),
                "{op}: {errors:?}"
            );
        }
    }
}

#[test]
fn members_are_sent_in_the_order_of_the_api_model() {
    let lab = Lab::new();
    let request = lab.request("kms encrypt --encryption-context a=b --plaintext aGk= --key-id k");
    let keys: Vec<&String> = request.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["KeyId", "Plaintext", "EncryptionContext"]);
    assert_eq!(
        request,
        json!({"KeyId": "k", "Plaintext": "aGk=", "EncryptionContext": {"a": "b"}})
    );
}
