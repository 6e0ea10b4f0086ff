//! `aws ec2` in the lab terminal: EBS volumes and snapshots with the CLI's
//! option names and output, and the five steps of copying an encrypted
//! snapshot to the partner account.

use keydeck_lab::Session;

fn ok(s: &mut Session, line: &str) -> String {
    let out = s.run(line);
    assert_eq!((out.stderr.as_str(), out.status), ("", 0), "{line}");
    out.stdout
}

/// A value printed with `--output text`.
fn text(s: &mut Session, line: &str) -> String {
    ok(s, line).trim().to_owned()
}

const POLICY_WITH_PARTNER: &str = r#"{"Version":"2012-10-17","Statement":[{"Sid":"Enable IAM policies","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"},{"Sid":"Partner copies","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":["kms:DescribeKey","kms:CreateGrant","kms:Decrypt","kms:ReEncrypt*","kms:GenerateDataKeyWithoutPlaintext"],"Resource":"*"}]}"#;

#[test]
fn five_steps_copy_a_snapshot_to_the_partner_account() {
    let mut s = Session::new(5);
    // 1: an encrypted volume and snapshot under your own key.
    let key = text(
        &mut s,
        "aws kms create-key --description snapshots --query KeyMetadata.Arn --output text",
    );
    let volume = text(&mut s, &format!("aws ec2 create-volume --availability-zone us-east-1a --size 8 --encrypted --kms-key-id {key} --query VolumeId --output text"));
    let snapshot = text(&mut s, &format!("aws ec2 create-snapshot --volume-id {volume} --description orders --query SnapshotId --output text"));
    // 3: share it with the partner.
    ok(&mut s, &format!("aws ec2 modify-snapshot-attribute --snapshot-id {snapshot} --attribute createVolumePermission --operation-type add --user-ids 444455556666"));
    let shared = ok(&mut s, &format!("aws ec2 describe-snapshot-attribute --snapshot-id {snapshot} --attribute createVolumePermission"));
    assert!(
        shared.contains(
            "\"CreateVolumePermissions\": [\n        {\n            \"UserId\": \"444455556666\""
        ),
        "{shared}"
    );
    let seen = text(&mut s, "aws ec2 describe-snapshots --profile partner --owner-ids 111122223333 --query Snapshots[].SnapshotId --output text");
    assert_eq!(seen, snapshot);
    // 4 before 2: the partner's copy fails while your key policy leaves it out.
    let key_b = text(
        &mut s,
        "aws kms create-key --profile partner --query KeyMetadata.Arn --output text",
    );
    let copy = format!("aws ec2 copy-snapshot --profile partner --source-snapshot-id {snapshot} --source-region us-east-1 --encrypted --kms-key-id {key_b} --query SnapshotId --output text");
    let failed = text(&mut s, &copy);
    let state = text(&mut s, &format!("aws ec2 describe-snapshots --profile partner --snapshot-ids {failed} --query Snapshots[0].[State,StateMessage] --output text"));
    assert_eq!(state, "error\tGiven key ID is not accessible");
    // 2: let the partner account use your key; then 4 again.
    ok(
        &mut s,
        &format!("echo '{POLICY_WITH_PARTNER}' > policy.json"),
    );
    ok(&mut s, &format!("aws kms put-key-policy --key-id {key} --policy-name default --policy file://policy.json"));
    let copied = text(&mut s, &copy);
    let listed = ok(&mut s, "aws ec2 describe-snapshots --profile partner --owner-ids self --filters Name=status,Values=completed");
    assert!(
        listed.contains(&format!("\"SnapshotId\": \"{copied}\"")),
        "{listed}"
    );
    assert!(
        listed.contains(&format!("\"KmsKeyId\": \"{key_b}\"")),
        "{listed}"
    );
    assert!(
        listed.contains("\"StartTime\": \"2026-01-01T00:00:00"),
        "{listed}"
    );
    assert!(!listed.contains(&failed), "{listed}");
    // 5: a volume from the copy.
    let made = text(&mut s, &format!("aws ec2 create-volume --profile partner --availability-zone us-east-1b --snapshot-id {copied} --query VolumeId --output text"));
    let volume_b = text(&mut s, &format!("aws ec2 describe-volumes --profile partner --volume-ids {made} --query Volumes[0].[State,KmsKeyId] --output text"));
    assert_eq!(volume_b, format!("available\t{key_b}"));
}

#[test]
fn create_volume_permission_shorthand_and_the_aws_managed_key() {
    let mut s = Session::new(5);
    let volume = text(&mut s, "aws ec2 create-volume --availability-zone us-east-1a --size 1 --encrypted --query VolumeId --output text");
    let snapshot = text(
        &mut s,
        &format!("aws ec2 create-snapshot --volume-id {volume} --query SnapshotId --output text"),
    );
    let out = s.run(&format!("aws ec2 modify-snapshot-attribute --snapshot-id {snapshot} --create-volume-permission Add=[{{UserId=444455556666}}]"));
    assert_eq!(out.status, 254);
    assert_eq!(
        out.stderr,
        "\nAn error occurred (OperationNotPermitted) when calling the ModifySnapshotAttribute operation: Encrypted snapshots with EBS default key cannot be shared\n"
    );
    let plain = text(&mut s, "aws ec2 create-volume --availability-zone us-east-1a --size 1 --no-encrypted --query VolumeId --output text");
    let plain_snapshot = text(
        &mut s,
        &format!("aws ec2 create-snapshot --volume-id {plain} --query SnapshotId --output text"),
    );
    ok(&mut s, &format!("aws ec2 modify-snapshot-attribute --snapshot-id {plain_snapshot} --create-volume-permission Add=[{{UserId=444455556666}}]"));
    ok(
        &mut s,
        &format!("aws ec2 delete-snapshot --snapshot-id {plain_snapshot}"),
    );
    let out = s.run(&format!(
        "aws ec2 describe-snapshots --snapshot-ids {plain_snapshot}"
    ));
    assert_eq!(
        out.stderr,
        format!("\nAn error occurred (InvalidSnapshot.NotFound) when calling the DescribeSnapshots operation: The snapshot '{plain_snapshot}' does not exist.\n")
    );
}

#[test]
fn create_volume_prints_the_volume_as_the_cli_does() {
    let mut s = Session::new(5);
    let out = ok(
        &mut s,
        "aws ec2 create-volume --availability-zone us-east-1a --size 8 --volume-type gp2",
    );
    assert!(out.starts_with("{\n    \"AvailabilityZone\": \"us-east-1a\",\n    \"CreateTime\": \"2026-01-01T00:00:00"), "{out}");
    assert!(out.contains("\"State\": \"creating\""), "{out}");
    assert!(out.contains("\"Encrypted\": false"), "{out}");
    let out = s.run("aws ec2 create-volume --availability-zone us-east-1a --size 8 --dry-run");
    assert_eq!(
        out.stderr,
        "\nAn error occurred (DryRunOperation) when calling the CreateVolume operation: Request would have succeeded, but DryRun flag is set.\n"
    );
    let help = ok(&mut s, "aws ec2 help");
    assert!(help.contains("copy-snapshot"), "{help}");
}
