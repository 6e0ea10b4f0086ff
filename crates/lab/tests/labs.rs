//! Each lab, solved by running its own instructions in a terminal session
//! with a fixed seed: every task is not done before its commands run and
//! done after, and the learner sees what the instructions promise.

mod labs_support;

use labs_support::{LabRun, Ran};

/// The commands of a solved lab that exited non-zero, as (line, stderr).
fn failures(failed: &[Ran]) -> Vec<(&str, &str)> {
    failed
        .iter()
        .map(|r| (r.line.as_str(), r.output.stderr.as_str()))
        .collect()
}

#[test]
fn first_key_solution() {
    let mut lab = LabRun::new("first-key");
    let failed = lab.solve();
    let [(line, stderr)] = failures(&failed)[..] else {
        panic!("expected one failing command: {failed:#?}");
    };
    assert!(
        line.contains("--encryption-context project=other"),
        "{line}"
    );
    assert_eq!(
        stderr.trim(),
        "An error occurred (InvalidCiphertextException) when calling the Decrypt operation:"
    );
    let plaintext = lab.ok(&lab.commands("decrypt")[0]);
    assert_eq!(plaintext, "The launch code is 0000\n");
}

#[test]
fn envelope_encryption_solution() {
    let mut lab = LabRun::new("envelope-encryption");
    let failed = lab.solve();
    assert!(failed.is_empty(), "{failed:#?}");
    assert_eq!(lab.ok("cat report.txt"), "Quarterly numbers: up 12%\n");
    let listing = lab.ok("ls");
    assert!(
        !listing.contains("datakey\n") && listing.contains("datakey.enc"),
        "{listing}"
    );
}

#[test]
fn cross_account_solution() {
    let mut lab = LabRun::new("cross-account");
    let failed = lab.solve();
    let [(line, stderr)] = failures(&failed)[..] else {
        panic!("expected one failing command: {failed:#?}");
    };
    assert!(line.contains("--profile partner-developer"), "{line}");
    let key_arn = format!("arn:aws:kms:us-east-1:111122223333:key/{}", lab.key_id());
    assert_eq!(
        stderr.trim(),
        format!(
            "An error occurred (AccessDeniedException) when calling the Decrypt operation: \
             User: arn:aws:iam::444455556666:user/developer is not authorized to perform: \
             kms:Decrypt on resource: {key_arn} because no resource-based policy allows the \
             kms:Decrypt action"
        )
    );
    let plaintext = lab.ok(&lab.commands("partner-decrypts")[0]);
    assert_eq!(plaintext, "Order 1042: 12 crates of oranges\n");
}

#[test]
fn grants_solution() {
    let mut lab = LabRun::new("grants");
    let failed = lab.solve();
    assert!(failed.is_empty(), "{failed:#?}");
    let grants = lab.ok(&format!("aws kms list-grants --key-id {}", lab.key_id()));
    let grants: serde_json::Value = serde_json::from_str(&grants).expect("JSON");
    assert_eq!(grants["Grants"], serde_json::json!([]));
}

#[test]
fn rotation_solution() {
    let mut lab = LabRun::new("rotation");
    let failed = lab.solve();
    assert!(failed.is_empty(), "{failed:#?}");
    let rotations = lab.ok(&lab.commands("list-rotations")[0]);
    let rotations: serde_json::Value = serde_json::from_str(&rotations).expect("JSON");
    let kinds: Vec<&str> = rotations["Rotations"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|r| r["RotationType"].as_str())
        .collect();
    assert_eq!(kinds, ["AUTOMATIC", "ON_DEMAND"]);
    let old = lab.ok(&lab.commands("decrypt-old")[0]);
    assert_eq!(old, "Written before the rotations\n");
}

#[test]
fn key_states_solution() {
    let mut lab = LabRun::new("key-states");
    let failed = lab.solve();
    let arn = format!("arn:aws:kms:us-east-1:111122223333:key/{}", lab.key_id());
    let seen: Vec<(&str, String)> = failed
        .iter()
        .map(|r| {
            (
                r.line.split(" --").next().unwrap_or(""),
                r.output.stderr.trim().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "aws kms decrypt",
                format!("An error occurred (DisabledException) when calling the Decrypt operation: {arn} is disabled.")
            ),
            (
                "aws kms decrypt",
                format!("An error occurred (KMSInvalidStateException) when calling the Decrypt operation: {arn} is pending deletion.")
            ),
            (
                "aws kms enable-key",
                format!("An error occurred (KMSInvalidStateException) when calling the EnableKey operation: {arn} is pending deletion.")
            ),
        ]
    );
    let failed_in_log: Vec<(&str, &str)> = lab
        .session
        .sim()
        .events()
        .iter()
        .filter_map(|e| Some((e.event_name.as_str(), e.error_code.as_deref()?)))
        .collect();
    assert_eq!(
        failed_in_log,
        [
            ("Decrypt", "DisabledException"),
            ("Decrypt", "KMSInvalidStateException"),
            ("EnableKey", "KMSInvalidStateException")
        ]
    );
}

#[test]
fn multi_region_solution() {
    let mut lab = LabRun::new("multi-region");
    let failed = lab.solve();
    assert!(failed.is_empty(), "{failed:#?}");
    let config = lab.ok(&lab.commands("update-primary")[1]);
    let config: serde_json::Value = serde_json::from_str(&config).expect("JSON");
    assert_eq!(config["MultiRegionKeyType"], "PRIMARY");
    assert_eq!(config["PrimaryKey"]["Region"], "us-west-2");
}

#[test]
fn asymmetric_solution() {
    let mut lab = LabRun::new("asymmetric");
    let failed = lab.solve();
    let [(line, stderr)] = failures(&failed)[..] else {
        panic!("expected one failing command: {failed:#?}");
    };
    assert!(line.contains("fileb://big.bin"), "{line}");
    assert_eq!(
        stderr.trim(),
        "An error occurred (ValidationException) when calling the Encrypt operation: \
         Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than 190 bytes."
    );
    let offline = lab.ok(&lab.commands("verify-offline")[1]);
    assert_eq!(offline, "Signature OK\n");
}
