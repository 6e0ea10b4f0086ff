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

/// The one line of a run's output that a `--query … --output text` printed.
fn text(ran: &Ran) -> &str {
    ran.output.stdout.trim()
}

/// The JSON a run printed.
fn json(ran: &Ran) -> serde_json::Value {
    serde_json::from_str(&ran.output.stdout).expect("JSON")
}

/// Solves a lab from its own instructions, checking each task ticks after
/// its commands; returns the one command line that exited non-zero.
fn solve_with_one_failure(lab_id: &str) -> String {
    let mut lab = LabRun::new(lab_id);
    let failed = lab.solve();
    let [(line, _)] = failures(&failed)[..] else {
        panic!("{lab_id}: expected one failing command: {failed:#?}");
    };
    line.to_owned()
}

#[test]
fn parameter_store_solution() {
    let mut lab = LabRun::new("parameter-store");
    for task in ["create-key", "hierarchy"] {
        lab.step(task);
    }
    let secure = lab.step("secure-string");
    let sealed = json(&secure[1]);
    assert_eq!(sealed["Parameter"]["Type"], "SecureString");
    assert_ne!(sealed["Parameter"]["Value"], "correct-horse-battery-staple");
    assert_eq!(text(&secure[2]), "correct-horse-battery-staple");

    let tree = lab.step("by-path");
    let tree = json(&tree[0]);
    let read: Vec<(&str, &str)> = tree["Parameters"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|p| Some((p["Name"].as_str()?, p["Value"].as_str()?)))
        .collect();
    assert_eq!(
        read,
        [
            ("/app/prod/db/host", "db.prod.internal"),
            ("/app/prod/db/password", "correct-horse-battery-staple"),
            ("/app/prod/db/port", "5432"),
        ]
    );

    let label = lab.step("label");
    let rollback = json(&label[2]);
    assert_eq!(rollback["Parameter"]["Value"], "db.prod.internal");
    assert_eq!(rollback["Parameter"]["Version"], 1);
    assert_eq!(rollback["Parameter"]["Selector"], ":rollback");

    let advanced = lab.step("advanced-expiration");
    let described = json(&advanced[1]);
    let promo = &described["Parameters"][0];
    assert_eq!(promo["Tier"], "Advanced");
    assert_eq!(promo["Policies"][0]["PolicyType"], "Expiration");
    assert_eq!(promo["Policies"][0]["PolicyStatus"], "Pending");

    let expired = lab.step("expire");
    assert_eq!(text(&expired[0]), "2026-01-09T00:00:00Z");
    assert_eq!(expired[1].output.status, 254);
    assert_eq!(
        expired[1].output.stderr.trim(),
        "An error occurred (ParameterNotFound) when calling the GetParameter operation:"
    );
    let host = lab
        .ok("aws ssm get-parameter --name /app/prod/db/host --query Parameter.Value --output text");
    assert_eq!(host, "db2.prod.internal\n");
}

#[test]
fn parameter_store_every_command_runs() {
    let line = solve_with_one_failure("parameter-store");
    assert_eq!(line, "aws ssm get-parameter --name /app/prod/promo/code");
}

/// A secret's version labels from `describe-secret --query
/// VersionIdsToStages`, as sorted label lists (version IDs are random).
fn stages(ran: &Ran) -> Vec<Vec<String>> {
    let map: std::collections::BTreeMap<String, Vec<String>> =
        serde_json::from_str(&ran.output.stdout).expect("JSON");
    let mut stages: Vec<Vec<String>> = map.into_values().collect();
    stages.sort();
    stages
}

#[test]
fn secrets_manager_solution() {
    let mut lab = LabRun::new("secrets-manager");
    lab.step("create-key");
    let created = lab.step("create-secret");
    let value = json(&created[1]);
    assert_eq!(
        value["SecretString"],
        r#"{"username":"app","password":"first-password-1"}"#
    );
    assert_eq!(value["VersionStages"], serde_json::json!(["AWSCURRENT"]));

    let rotated = lab.step("rotate");
    assert_eq!(rotated[0].output.status, 0);
    let described = json(&rotated[1]);
    assert_eq!(described["RotationEnabled"], true);
    assert_eq!(described["NextRotationDate"], "2026-01-31T00:00:00+00:00");

    let compared = lab.step("compare-versions");
    assert_eq!(
        text(&compared[1]),
        r#"{"username":"app","password":"first-password-1"}"#
    );
    let current: serde_json::Value = serde_json::from_str(text(&compared[2])).expect("JSON");
    let new_password = current["password"].as_str().expect("a password");
    assert_eq!(new_password.len(), 32);
    assert_ne!(new_password, "first-password-1");

    // The failing function: rotate-secret still answers at once, and the
    // failure shows in the labels and the log.
    let failed = lab.step("failed-rotation");
    assert_eq!(
        (failed[0].output.status, failed[0].output.stderr.as_str()),
        (0, "")
    );
    assert_eq!(
        stages(&failed[1]),
        [vec!["AWSCURRENT"], vec!["AWSPENDING"], vec!["AWSPREVIOUS"]]
    );
    let unhandled: Vec<(&str, &str)> = lab
        .session
        .sim()
        .events()
        .iter()
        .filter(|e| e.error_code.as_deref() == Some("Unhandled"))
        .map(|e| {
            (
                e.request_parameters["step"].as_str().unwrap_or(""),
                e.error_message.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        unhandled,
        [(
            "testSecret",
            "testSecret: the rotation function arn:aws:lambda:us-east-1:111122223333:function:rotate-app-db-fail-at-testSecret is set to fail at this step."
        )]
    );

    let recovered = lab.step("recover");
    assert_eq!(recovered[0].output.status, 254);
    assert_eq!(
        recovered[0].output.stderr.trim(),
        "An error occurred (InvalidRequestException) when calling the RotateSecret operation: \
         A previous rotation isn't complete. That rotation will be reattempted."
    );
    assert_eq!(
        stages(&recovered[1]),
        [vec!["AWSCURRENT"], vec!["AWSPREVIOUS"]]
    );

    let scheduled = lab.step("scheduled");
    assert_eq!(text(&scheduled[0]), "2026-02-01T00:00:00Z");
    let described = json(&scheduled[1]);
    assert_eq!(described["LastRotatedDate"], "2026-02-01T00:00:00+00:00");
}

#[test]
fn secrets_manager_every_command_runs() {
    let line = solve_with_one_failure("secrets-manager");
    assert!(line.ends_with("function:rotate-app-db"), "{line}");
}

#[test]
fn snapshot_copy_solution() {
    let mut lab = LabRun::new("snapshot-copy");
    let refused = lab.step("default-key");
    assert_eq!(refused[2].output.status, 254);
    assert_eq!(
        refused[2].output.stderr.trim(),
        "An error occurred (OperationNotPermitted) when calling the ModifySnapshotAttribute \
         operation: Encrypted snapshots with EBS default key cannot be shared"
    );

    let made = lab.step("encrypted-snapshot");
    let snapshot = json(&made[3]);
    let key_arn = format!("arn:aws:kms:us-east-1:111122223333:key/{}", lab.key_id());
    assert_eq!(snapshot["KmsKeyId"], key_arn.as_str());
    assert_eq!(snapshot["State"], "pending");

    let shared = lab.step("share");
    let seen = json(&shared[2]);
    assert_eq!(
        seen["Snapshots"][0]["SnapshotId"],
        lab.snapshot_id().as_str()
    );

    // The partner's first copy: the call succeeds, the copy fails.
    let first = lab.step("partner-copy-fails");
    assert_eq!(first[1].output.status, 0);
    let listed = json(&first[2]);
    let copy = &listed["Snapshots"][0];
    assert_eq!(
        (copy["State"].as_str(), copy["StateMessage"].as_str()),
        (Some("error"), Some("Given key ID is not accessible"))
    );
    let denied: Vec<(&str, &str)> = lab
        .session
        .sim()
        .events()
        .iter()
        .filter(|e| e.error_code.is_some())
        .map(|e| (e.event_name.as_str(), e.error_code.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        denied,
        [
            ("ModifySnapshotAttribute", "OperationNotPermitted"),
            ("Decrypt", "AccessDeniedException")
        ]
    );

    lab.step("key-policy");
    let second = lab.step("partner-copy-succeeds");
    let copy_id = json(&second[0])["SnapshotId"]
        .as_str()
        .expect("an ID")
        .to_owned();
    let completed = json(&second[1]);
    let completed = &completed["Snapshots"];
    assert_eq!(completed.as_array().map(Vec::len), Some(1), "{completed}");
    assert_eq!(completed[0]["SnapshotId"], copy_id.as_str());
    let partner_key_arn = format!(
        "arn:aws:kms:us-east-1:444455556666:key/{}",
        lab.partner_key_id()
    );
    assert_eq!(completed[0]["KmsKeyId"], partner_key_arn.as_str());
    assert_eq!(
        completed[0]["Description"],
        format!("[Copied {} from us-east-1]", lab.snapshot_id()).as_str()
    );

    let volume = lab.step("volume-from-copy");
    let volumes = json(&volume[1]);
    let volume = &volumes["Volumes"][0];
    assert_eq!(volume["SnapshotId"], copy_id.as_str());
    assert_eq!(volume["Encrypted"], true);
    assert_eq!(volume["KmsKeyId"], partner_key_arn.as_str());
    assert_eq!(volume["State"], "available");
}

#[test]
fn snapshot_copy_every_command_runs() {
    let line = solve_with_one_failure("snapshot-copy");
    assert!(line.contains("modify-snapshot-attribute"), "{line}");
}

#[test]
fn esdk_message_solution() {
    let mut lab = LabRun::new("esdk-message");
    let failed = lab.solve();
    let [(tampered, refused), (wrong, skipped)] = failures(&failed)[..] else {
        panic!("expected two failing commands: {failed:#?}");
    };
    assert!(tampered.contains(".flipped"), "{tampered}");
    // As the lab says: byte 60 is in the name of the public key's entry.
    assert_eq!(
        refused,
        "Encountered unexpected error: increase verbosity to see details.\n\
         SerializationError(\"algorithm suite 0x0578 signs, but the encryption \
         context has no aws-crypto-public-key\")\n"
    );
    assert!(wrong.contains("purpose=production"), "{wrong}");
    assert_eq!(
        skipped.trim(),
        "Skipping decrypt because discovered encryption context did not match required elements."
    );
    assert_eq!(
        lab.ok("cat secret.txt.encrypted.decrypted"),
        "Meet at the usual place at dawn.\n"
    );
    let listing = lab.ok("ls");
    assert!(!listing.contains("tampered.txt"), "{listing}");
    // The CLI's KMS calls are in the event log, as the default profile's.
    let events = lab.ok("keydeck events");
    assert!(
        events.contains("GenerateDataKey") && events.contains("Decrypt"),
        "{events}"
    );
}
