//! Wrong turns a learner takes: each leaves the right task undone, and the
//! terminal says why in AWS's words.

mod labs_support;

use labs_support::LabRun;

#[test]
fn first_key_decrypting_without_the_context_is_not_a_decrypt_with_context() {
    let mut lab = LabRun::new("first-key");
    for task in ["create-key", "create-alias", "encrypt"] {
        lab.do_task(task);
    }
    let stderr = lab.fails("aws kms decrypt --ciphertext-blob fileb://message.enc");
    assert_eq!(
        stderr.trim(),
        "An error occurred (InvalidCiphertextException) when calling the Decrypt operation:"
    );
    assert!(!lab.done("decrypt"));
    assert!(lab.done("wrong-context"));
}

#[test]
fn envelope_keeping_any_copy_of_the_plaintext_key_is_not_discarding_it() {
    let mut lab = LabRun::new("envelope-encryption");
    lab.do_task("generate-data-key");
    lab.do_task("encrypt-locally");
    lab.ok("rm datakey report.txt");
    assert!(
        !lab.done("discard-plaintext-key"),
        "datakey.json still holds it in base64"
    );
    lab.ok("rm datakey.json");
    assert!(lab.done("discard-plaintext-key"));
    lab.ok("aws kms decrypt --ciphertext-blob fileb://datakey.enc --encryption-context app=envelope-lab --query Plaintext --output text | base64 --decode > datakey");
    assert!(
        !lab.done("discard-plaintext-key"),
        "the key is back in plaintext"
    );
}

#[test]
fn envelope_encrypting_with_the_base64_text_is_refused() {
    let mut lab = LabRun::new("envelope-encryption");
    lab.do_task("generate-data-key");
    lab.ok("echo 'not used' > report.txt");
    lab.ok("aws kms generate-data-key --key-id alias/envelope --key-spec AES_256 --query Plaintext --output text > textkey");
    let stderr = lab
        .fails("keydeck-crypt encrypt --key fileb://textkey --in report.txt --out report.txt.enc");
    assert!(
        stderr.contains("holds base64 text, not the 32-byte key"),
        "{stderr}"
    );
    assert!(!lab.done("encrypt-locally"));
}

#[test]
fn cross_account_an_iam_policy_in_your_own_account_does_not_reach_the_partner() {
    let mut lab = LabRun::new("cross-account");
    for task in ["encrypt-order", "partner-denied", "key-policy"] {
        lab.do_task(task);
    }
    let key_id = lab.key_id();
    let key_arn = format!("arn:aws:kms:us-east-1:111122223333:key/{key_id}");
    let policy = &lab.commands("partner-iam-policy")[0];
    lab.run(policy);
    lab.ok("aws iam put-user-policy --user-name developer --policy-name decrypt-orders --policy-document file://partner-policy.json");
    assert!(!lab.done("partner-iam-policy"));
    // Without the pipe: a pipeline's status is its last command's.
    let decrypt = lab.commands("partner-decrypts")[0].clone();
    let stderr = lab.fails(decrypt.split(" | ").next().expect("a command"));
    assert_eq!(
        stderr.trim(),
        format!(
            "An error occurred (AccessDeniedException) when calling the Decrypt operation: \
             User: arn:aws:iam::444455556666:user/developer is not authorized to perform: \
             kms:Decrypt on resource: {key_arn} because no identity-based policy allows the \
             kms:Decrypt action"
        )
    );
    assert!(!lab.done("partner-decrypts"));
}

#[test]
fn cross_account_without_the_context_the_key_policy_condition_denies() {
    let mut lab = LabRun::new("cross-account");
    for task in [
        "encrypt-order",
        "partner-denied",
        "key-policy",
        "partner-iam-policy",
    ] {
        lab.do_task(task);
    }
    let arn = format!("arn:aws:kms:us-east-1:111122223333:key/{}", lab.key_id());
    let stderr = lab.fails(&format!(
        "aws kms decrypt --profile partner-developer --key-id {arn} --ciphertext-blob fileb://order.enc"
    ));
    assert!(stderr.contains("(AccessDeniedException)"), "{stderr}");
    assert!(!lab.done("partner-decrypts"));
}

#[test]
fn grants_a_context_outside_the_constraint_is_denied() {
    let mut lab = LabRun::new("grants");
    lab.do_task("create-key");
    lab.do_task("create-grant");
    let line = lab.commands("use-grant-token")[0].replace("department=finance", "department=sales");
    let stderr = lab.fails(line.split(" | ").next().expect("a command"));
    assert!(
        stderr.contains("(AccessDeniedException) when calling the Encrypt operation"),
        "{stderr}"
    );
    assert!(
        stderr.contains("user/developer is not authorized to perform: kms:Encrypt"),
        "{stderr}"
    );
    assert!(!lab.done("use-grant-token"));
}

#[test]
fn grants_a_token_used_by_someone_else_than_the_grantee_does_not_count() {
    let mut lab = LabRun::new("grants");
    lab.do_task("create-key");
    lab.do_task("create-grant");
    let line = lab.commands("use-grant-token")[0].replace("--profile developer ", "");
    lab.ok(&line);
    assert!(!lab.done("use-grant-token"));
}

#[test]
fn rotation_the_default_period_is_not_a_custom_one() {
    let mut lab = LabRun::new("rotation");
    lab.do_task("encrypt-before");
    let key = lab.key_id();
    lab.ok(&format!("aws kms enable-key-rotation --key-id {key}"));
    assert!(!lab.done("enable-rotation"));
    let stderr = lab.fails(&format!(
        "aws kms enable-key-rotation --key-id {key} --rotation-period-in-days 89"
    ));
    assert_eq!(
        stderr.trim(),
        "Parameter validation failed:\nInvalid value for parameter RotationPeriodInDays, value: 89, valid min value: 90"
    );
    assert!(!lab.done("enable-rotation"));
}

#[test]
fn rotation_decrypting_before_any_rotation_proves_nothing() {
    let mut lab = LabRun::new("rotation");
    lab.do_task("encrypt-before");
    lab.do_task("enable-rotation");
    lab.ok(&lab.commands("decrypt-old")[0]);
    lab.do_task("advance-clock");
    lab.do_task("rotate-on-demand");
    assert!(
        !lab.done("decrypt-old"),
        "the only Decrypt came before the rotations"
    );
    lab.do_task("decrypt-old");
    assert!(lab.done("decrypt-old"));
}

#[test]
fn key_states_a_waiting_period_under_seven_days_schedules_nothing() {
    let mut lab = LabRun::new("key-states");
    lab.do_task("encrypt-note");
    let key = lab.key_id();
    let stderr = lab.fails(&format!("aws kms cancel-key-deletion --key-id {key}"));
    assert!(stderr.contains("is not pending deletion."), "{stderr}");
    assert!(
        !lab.done("pending-errors"),
        "not pending deletion is not pending deletion"
    );
    let stderr = lab.fails(&format!(
        "aws kms schedule-key-deletion --key-id {key} --pending-window-in-days 5"
    ));
    assert!(stderr.contains("ValidationException"), "{stderr}");
    assert!(!lab.done("schedule-deletion"));
}

#[test]
fn key_states_enabling_without_cancelling_fails() {
    let mut lab = LabRun::new("key-states");
    for task in ["encrypt-note", "disable", "schedule-deletion"] {
        lab.do_task(task);
    }
    lab.fails(&lab.commands("re-enable")[0]);
    assert!(!lab.done("re-enable"));
    assert!(lab.done("pending-errors"));
}

#[test]
fn multi_region_a_single_region_key_cannot_be_replicated_or_decrypted_elsewhere() {
    let mut lab = LabRun::new("multi-region");
    lab.ok("aws kms create-key --description single");
    let key = lab.key_id();
    let arn = format!("arn:aws:kms:us-east-1:111122223333:key/{key}");
    let stderr = lab.fails(&format!(
        "aws kms replicate-key --key-id {key} --replica-region us-west-2"
    ));
    assert_eq!(
        stderr.trim(),
        format!("An error occurred (UnsupportedOperationException) when calling the ReplicateKey operation: {arn} is not a multi-region primary key.")
    );
    lab.ok("echo hi > shipment.txt");
    lab.ok(&format!("aws kms encrypt --key-id {key} --plaintext fileb://shipment.txt --query CiphertextBlob --output text | base64 --decode > shipment.enc"));
    lab.fails("aws kms decrypt --region us-west-2 --ciphertext-blob fileb://shipment.enc");
    assert_eq!(lab.status(), [false; 5]);
}

#[test]
fn asymmetric_190_bytes_is_the_limit_not_over_it() {
    let mut lab = LabRun::new("asymmetric");
    lab.do_task("create-signing-key");
    lab.ok("aws kms create-key --key-spec RSA_2048 --key-usage ENCRYPT_DECRYPT");
    let key = lab.key_id();
    lab.ok("aws kms generate-random --number-of-bytes 190 --query Plaintext --output text | base64 --decode > max.bin");
    lab.ok(&format!(
        "aws kms encrypt --key-id {key} --encryption-algorithm RSAES_OAEP_SHA_256 --plaintext fileb://max.bin"
    ));
    assert!(lab.done("rsa-encrypt") && !lab.done("rsa-limit"));
    let stderr = lab.fails(&format!(
        "aws kms encrypt --key-id {key} --plaintext fileb://max.bin"
    ));
    assert!(
        stderr.contains("InvalidKeyUsageException"),
        "no algorithm given: {stderr}"
    );
    assert!(!lab.done("rsa-limit"));
}

#[test]
fn asymmetric_a_signature_of_another_message_does_not_verify_offline() {
    let mut lab = LabRun::new("asymmetric");
    for task in ["create-signing-key", "sign"] {
        lab.do_task(task);
    }
    lab.ok("echo 'release 6.6.6' > release.txt");
    lab.do_task("verify-offline");
    assert!(!lab.done("verify-offline"));
}

#[test]
fn parameter_store_a_secure_string_under_aws_ssm_is_not_under_your_key() {
    let mut lab = LabRun::new("parameter-store");
    lab.do_task("create-key");
    lab.ok("aws ssm put-parameter --name /app/prod/db/password --value x --type SecureString");
    assert!(!lab.done("secure-string"));
    let stderr = lab.fails("aws ssm put-parameter --name /app/prod/promo/code --value SPRING26 --type String --policies '[{\"Type\":\"Expiration\",\"Version\":\"1.0\",\"Attributes\":{\"Timestamp\":\"2026-01-08T00:00:00.000Z\"}}]'");
    assert_eq!(
        stderr.trim(),
        "An error occurred (ValidationException) when calling the PutParameter operation: \
         Standard tier parameters don't support parameter policies. To use parameter policies, \
         upgrade the parameter to use the advanced-parameter tier."
    );
    assert!(!lab.done("advanced-expiration"));
}

#[test]
fn snapshot_copy_a_copy_under_the_partners_aws_ebs_is_not_under_its_own_key() {
    let mut lab = LabRun::new("snapshot-copy");
    for task in [
        "default-key",
        "encrypted-snapshot",
        "share",
        "partner-copy-fails",
        "key-policy",
    ] {
        lab.do_task(task);
    }
    let snapshot = lab.snapshot_id();
    lab.ok(&format!("aws ec2 copy-snapshot --profile partner --source-region us-east-1 --source-snapshot-id {snapshot}"));
    assert!(!lab.done("partner-copy-succeeds"));
}

#[test]
fn esdk_message_a_wrong_context_writes_no_plaintext() {
    let mut lab = LabRun::new("esdk-message");
    for task in ["create-key", "encrypt", "inspect"] {
        lab.do_task(task);
    }
    let arn = format!("arn:aws:kms:us-east-1:111122223333:key/{}", lab.key_id());
    let stderr = lab.fails(&format!(
        "aws-encryption-cli --decrypt --input secret.txt.encrypted --output . --wrapping-keys key={arn} --encryption-context purpose=production --suppress-metadata"
    ));
    assert!(stderr.starts_with("Skipping decrypt"), "{stderr}");
    assert!(!lab.done("decrypt"));
    // Naming the key by its ID, not its ARN, finds no encrypted data key.
    let stderr = lab.fails(&format!(
        "aws-encryption-cli --decrypt --input secret.txt.encrypted --output . --wrapping-keys key={} --suppress-metadata",
        lab.key_id()
    ));
    assert!(stderr.contains("DecryptKeyError"), "{stderr}");
    assert!(!lab.done("decrypt"));
}

#[test]
fn esdk_message_the_cli_names_what_is_missing() {
    let mut lab = LabRun::new("esdk-message");
    lab.do_task("create-key");
    lab.ok("echo hi > a.txt");
    let stderr = lab.fails("aws-encryption-cli --encrypt --input a.txt --output .");
    assert!(
        stderr.ends_with(
            "aws-encryption-cli: error: the following arguments are required: -w/--wrapping-keys\n"
        ),
        "{stderr}"
    );
    let stderr = lab.fails(&format!(
        "aws-encryption-cli --encrypt --input a.txt --output . --wrapping-keys key={}",
        lab.key_id()
    ));
    assert!(
        stderr.ends_with(
            "error: one of the arguments -S/--suppress-metadata --metadata-output is required\n"
        ),
        "{stderr}"
    );
    // Without a context the message is made, but the task wants one.
    lab.ok(&format!(
        "aws-encryption-cli --encrypt --input a.txt --output . --wrapping-keys key={} -S",
        lab.key_id()
    ));
    assert!(!lab.done("encrypt"));
}
