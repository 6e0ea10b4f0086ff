//! Parameter values as the AWS CLI v2 reads them: base64 and `fileb://`
//! blobs, `file://` text, shorthand, JSON, integers, booleans, timestamps.

#[path = "cli_support.rs"]
mod support;

use serde_json::json;
use support::Lab;

#[test]
fn a_bare_blob_is_base64_and_is_sent_as_given() {
    let lab = Lab::new();
    let r = lab.request("kms encrypt --key-id k --plaintext aGVsbG8=");
    assert_eq!(r["Plaintext"], "aGVsbG8=");
    // Python's lenient decoder skips characters outside the alphabet.
    let r = lab.request("kms encrypt --key-id k --plaintext 'aGVs bG8='");
    assert_eq!(r["Plaintext"], "aGVsbG8=");
}

#[test]
fn fileb_reads_raw_bytes() {
    let mut lab = Lab::new();
    lab.file("key.bin", &[0, 159, 146, 150, 255]);
    let r = lab.request("kms encrypt --key-id k --plaintext fileb://key.bin");
    assert_eq!(r["Plaintext"], "AJ+Slv8=");
    let r = lab.request("kms encrypt --key-id k --plaintext fileb://./key.bin");
    assert_eq!(r["Plaintext"], "AJ+Slv8=");
}

#[test]
fn file_reads_text_that_a_blob_then_takes_as_base64() {
    let mut lab = Lab::new();
    lab.file("b64.txt", b"aGVsbG8=\n");
    let r = lab.request("kms encrypt --key-id k --plaintext file://b64.txt");
    assert_eq!(r["Plaintext"], "aGVsbG8=");
    lab.file("plain.txt", b"hello world\n");
    let (status, err) = lab.fails("kms encrypt --key-id k --plaintext file://plain.txt");
    assert_eq!(
        (status, err.as_str()),
        (255, "\nInvalid base64: \"hello world\n\"\n")
    );
}

#[test]
fn raw_in_base64_out_takes_bare_blobs_as_text() {
    let lab = Lab::new();
    let r = lab
        .request("kms encrypt --key-id k --plaintext hello --cli-binary-format raw-in-base64-out");
    assert_eq!(r["Plaintext"], "aGVsbG8=");
}

#[test]
fn file_reads_policies_for_string_members() {
    let mut lab = Lab::new();
    lab.file("policy.json", b"{\"Version\": \"2012-10-17\"}\r\n");
    let r = lab.request("kms put-key-policy --key-id k --policy file://policy.json");
    assert_eq!(r["Policy"], "{\"Version\": \"2012-10-17\"}\n");
}

#[test]
fn maps_take_shorthand_or_json() {
    let lab = Lab::new();
    let short = lab
        .request("kms encrypt --key-id k --plaintext aGk= --encryption-context Dept=IT,Stage=test");
    let long = lab.request(r#"kms encrypt --key-id k --plaintext aGk= --encryption-context '{"Dept":"IT","Stage":"test"}'"#);
    assert_eq!(
        short["EncryptionContext"],
        json!({"Dept": "IT", "Stage": "test"})
    );
    assert_eq!(short, long);
    let quoted = lab.request(
        r#"kms encrypt --key-id k --plaintext aGk= --encryption-context 'purpose="a, b",x=y'"#,
    );
    assert_eq!(
        quoted["EncryptionContext"],
        json!({"purpose": "a, b", "x": "y"})
    );
}

#[test]
fn lists_take_words_or_json() {
    let lab = Lab::new();
    let r = lab.request("kms describe-key --key-id k --grant-tokens t1 t2");
    assert_eq!(r["GrantTokens"], json!(["t1", "t2"]));
    let r = lab.request(r#"kms describe-key --key-id k --grant-tokens '["t1","t2"]'"#);
    assert_eq!(r["GrantTokens"], json!(["t1", "t2"]));
    let r = lab.request("kms create-grant --key-id k --grantee-principal p --operations Encrypt Decrypt GenerateDataKey");
    assert_eq!(
        r["Operations"],
        json!(["Encrypt", "Decrypt", "GenerateDataKey"])
    );
}

#[test]
fn tags_take_shorthand_per_tag_or_json() {
    let lab = Lab::new();
    let expected = json!([{"TagKey": "a", "TagValue": "b"}, {"TagKey": "c", "TagValue": "d"}]);
    let r =
        lab.request("kms tag-resource --key-id k --tags TagKey=a,TagValue=b TagKey=c,TagValue=d");
    assert_eq!(r["Tags"], expected);
    let r = lab.request(r#"kms tag-resource --key-id k --tags '[{"TagKey":"a","TagValue":"b"},{"TagKey":"c","TagValue":"d"}]'"#);
    assert_eq!(r["Tags"], expected);
    let r = lab.request(r#"kms tag-resource --key-id k --tags '{"TagKey":"a","TagValue":"b"}' '{"TagKey":"c","TagValue":"d"}'"#);
    assert_eq!(r["Tags"], expected);
}

#[test]
fn structures_take_nested_shorthand() {
    let lab = Lab::new();
    let r = lab.request("kms create-grant --key-id k --grantee-principal p --operations Decrypt --constraints EncryptionContextSubset={Dept=IT,Stage=prod}");
    assert_eq!(
        r["Constraints"],
        json!({"EncryptionContextSubset": {"Dept": "IT", "Stage": "prod"}})
    );
    let r = lab.request(r#"kms create-grant --key-id k --grantee-principal p --operations Decrypt --constraints '{"EncryptionContextEquals":{"a":"b"}}'"#);
    assert_eq!(
        r["Constraints"],
        json!({"EncryptionContextEquals": {"a": "b"}})
    );
}

#[test]
fn integers_are_read_as_python_reads_them() {
    let lab = Lab::new();
    assert_eq!(
        lab.request("kms generate-random --number-of-bytes 32")["NumberOfBytes"],
        32
    );
    assert_eq!(
        lab.request("kms generate-random --number-of-bytes ' 1_024 '")["NumberOfBytes"],
        1024
    );
    assert_eq!(
        lab.request("kms generate-random --number-of-bytes=+8")["NumberOfBytes"],
        8
    );
}

#[test]
fn booleans_are_flags_with_a_no_form() {
    let lab = Lab::new();
    assert_eq!(
        lab.request("kms create-key --multi-region")["MultiRegion"],
        true
    );
    assert_eq!(
        lab.request("kms create-key --no-multi-region")["MultiRegion"],
        false
    );
    assert_eq!(
        lab.request("kms create-key --multi-region --no-multi-region")["MultiRegion"],
        false
    );
    let r = lab
        .request("kms put-key-policy --key-id k --policy p --bypass-policy-lockout-safety-check");
    assert_eq!(r["BypassPolicyLockoutSafetyCheck"], true);
    assert_eq!(lab.request("kms create-key"), json!({}));
}

#[test]
fn timestamps_are_sent_as_epoch_seconds() {
    let lab = Lab::new();
    let line = "kms import-key-material --key-id k --import-token aGk= --encrypted-key-material aGk= --valid-to";
    assert_eq!(
        lab.request(&format!("{line} 2027-01-01"))["ValidTo"],
        1_798_761_600
    );
    assert_eq!(
        lab.request(&format!("{line} 2027-01-01T02:00:00+02:00"))["ValidTo"],
        1_798_761_600
    );
    assert_eq!(
        lab.request(&format!("{line} 1798761600"))["ValidTo"],
        1_798_761_600
    );
}

#[test]
fn options_may_be_abbreviated_or_joined_with_equals() {
    let lab = Lab::new();
    let r = lab.request("kms encrypt --key k --plain=aGk=");
    assert_eq!(r, json!({"KeyId": "k", "Plaintext": "aGk="}));
    let r = lab.request("kms schedule-key-deletion --key-id=k --pending-window-in-days 07");
    assert_eq!(r, json!({"KeyId": "k", "PendingWindowInDays": 7}));
}

#[test]
fn global_options_may_stand_anywhere() {
    let lab = Lab::new();
    let line = "--region eu-west-1 kms encrypt --profile developer --key-id k --output text --plaintext aGk=";
    let r =
        keydeck_lab::cli::build_request(&lab.files, &lab.defaults, &support::words(line)).unwrap();
    assert_eq!(
        (r.profile.as_str(), r.region.as_str()),
        ("developer", "eu-west-1")
    );
    assert_eq!(r.body, json!({"KeyId": "k", "Plaintext": "aGk="}));
}
