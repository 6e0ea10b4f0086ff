//! The console's rows for Parameter Store, Secrets Manager and EBS, after
//! commands typed into a session: what each tab shows, and that no secret
//! value ever reaches the page.

use keydeck_lab::console::view;
use keydeck_lab::Session;
use keydeck_lab_protocol::ConsoleView;

fn ok(s: &mut Session, line: &str) -> String {
    let out = s.run(line);
    assert_eq!((out.stderr.as_str(), out.status), ("", 0), "{line}");
    out.stdout.trim().to_owned()
}

fn console(s: &Session) -> ConsoleView {
    view(s, "us-east-1")
}

const HOME: &str = "111122223333";
const PARTNER: &str = "444455556666";

#[test]
fn a_secure_string_shows_its_key_and_never_its_value() {
    let mut s = Session::new(4);
    let key = ok(
        &mut s,
        "aws kms create-key --query KeyMetadata.KeyId --output text",
    );
    ok(&mut s, &format!("aws ssm put-parameter --name /app/db/password --value hunter2 --type SecureString --key-id {key}"));
    ok(
        &mut s,
        "aws ssm put-parameter --name /app/db/host --value db.internal --type String",
    );
    let c = console(&s);
    let rows = c.parameters_in(HOME, "us-east-1");
    let names: Vec<&str> = rows.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["/app/db/host", "/app/db/password"]);
    let secure = &rows[1];
    assert_eq!(secure.kind, "SecureString");
    assert_eq!(secure.value, "(encrypted)");
    assert_eq!(secure.key_id.as_deref(), Some(key.as_str()));
    assert_eq!(secure.tier, "Standard");
    assert_eq!(secure.last_modified, "2026-01-01T00:00:00Z");
    assert_eq!(
        secure.arn,
        "arn:aws:ssm:us-east-1:111122223333:parameter/app/db/password"
    );
    let plain = &rows[0];
    assert_eq!(
        (plain.value.as_str(), plain.key_id.as_deref()),
        ("db.internal", None)
    );
    let json = serde_json::to_string(&c).unwrap();
    assert!(
        !json.contains("hunter2"),
        "a SecureString's value reached the view"
    );
    // Another account or Region sees none of them.
    assert!(c.parameters_in(PARTNER, "us-east-1").is_empty());
    assert!(c.parameters_in(HOME, "eu-west-1").is_empty());
}

#[test]
fn parameter_versions_carry_their_labels_and_policies_their_status() {
    let mut s = Session::new(4);
    ok(
        &mut s,
        "aws ssm put-parameter --name /app/flag --value one --type String",
    );
    ok(&mut s, "keydeck clock advance --days 1");
    ok(
        &mut s,
        r#"aws ssm put-parameter --name /app/flag --value two --overwrite --tier Advanced --policies '[{"Type":"NoChangeNotification","Version":"1.0","Attributes":{"After":"2","Unit":"Days"}}]'"#,
    );
    ok(
        &mut s,
        "aws ssm label-parameter-version --name /app/flag --parameter-version 1 --labels stable",
    );
    let row = &console(&s).parameters_in(HOME, "us-east-1")[0];
    assert_eq!(
        (row.version, row.value.as_str(), row.tier.as_str()),
        (2, "two", "Advanced")
    );
    assert_eq!(row.last_modified, "2026-01-02T00:00:00Z");
    let versions: Vec<(u64, Vec<String>)> = row
        .versions
        .iter()
        .map(|v| (v.version, v.labels.clone()))
        .collect();
    assert_eq!(versions, [(2, vec![]), (1, vec!["stable".to_owned()])]);
    assert_eq!(row.policies.len(), 1);
    assert_eq!(
        (
            row.policies[0].kind.as_str(),
            row.policies[0].status.as_str()
        ),
        ("NoChangeNotification", "Pending")
    );
    ok(&mut s, "keydeck clock advance --days 3");
    let row = &console(&s).parameters_in(HOME, "us-east-1")[0];
    assert_eq!(row.policies[0].status, "Finished");
}

const DB: &str = r#"'{"username":"app","password":"first-password"}'"#;
const FUNCTION: &str = "arn:aws:lambda:us-east-1:111122223333:function:rotator";

#[test]
fn a_rotation_moves_the_staging_labels_in_the_secrets_rows() {
    let mut s = Session::new(4);
    let first = ok(&mut s, &format!("aws secretsmanager create-secret --name lab/rds --secret-string {DB} --query VersionId --output text"));
    let c = console(&s);
    let row = &c.secrets_in(HOME, "us-east-1")[0];
    assert_eq!(row.name, "lab/rds");
    assert!(row
        .arn
        .starts_with("arn:aws:secretsmanager:us-east-1:111122223333:secret:lab/rds-"));
    assert_eq!(row.kms_key_id, "alias/aws/secretsmanager");
    assert!(!row.rotation.enabled);
    assert_eq!(row.versions.len(), 1);
    assert_eq!(row.versions[0].stages, ["AWSCURRENT"]);

    let second = ok(&mut s, &format!("aws secretsmanager rotate-secret --secret-id lab/rds --rotation-lambda-arn {FUNCTION} --rotation-rules AutomaticallyAfterDays=30 --query VersionId --output text"));
    let c = console(&s);
    let row = &c.secrets_in(HOME, "us-east-1")[0];
    let stages: Vec<(&str, Vec<String>)> = row
        .versions
        .iter()
        .map(|v| (v.version_id.as_str(), v.stages.clone()))
        .collect();
    assert_eq!(
        stages,
        [
            (second.as_str(), vec!["AWSCURRENT".to_owned()]),
            (first.as_str(), vec!["AWSPREVIOUS".to_owned()]),
        ]
    );
    assert!(row.rotation.enabled);
    assert_eq!(
        row.rotation.rules.as_deref(),
        Some("AutomaticallyAfterDays=30")
    );
    assert_eq!(row.rotation.lambda_arn.as_deref(), Some(FUNCTION));
    assert!(row.rotation.last_rotated.is_some());
    assert!(row.rotation.next.is_some());
    let json = serde_json::to_string(&c).unwrap();
    assert!(
        !json.contains("first-password"),
        "a secret's value reached the view"
    );
}

#[test]
fn a_deleted_secret_shows_when_it_goes_and_a_replica_its_region() {
    let mut s = Session::new(4);
    ok(&mut s, "aws secretsmanager create-secret --name lab/global --secret-string v --add-replica-regions Region=eu-west-1");
    ok(
        &mut s,
        "aws secretsmanager create-secret --name lab/old --secret-string v",
    );
    ok(
        &mut s,
        "aws secretsmanager delete-secret --secret-id lab/old --recovery-window-in-days 7",
    );
    let c = console(&s);
    let rows = c.secrets_in(HOME, "us-east-1");
    let (global, old) = (&rows[0], &rows[1]);
    assert_eq!(global.replicas.len(), 1);
    assert_eq!(global.replicas[0].region, "eu-west-1");
    assert_eq!(global.replicas[0].status, "InSync");
    assert_eq!(old.deleted.as_deref(), Some("2026-01-01T00:00:00Z"));
    assert_eq!(old.deletion_date.as_deref(), Some("2026-01-08T00:00:00Z"));
    let replica = &c.secrets_in(HOME, "eu-west-1")[0];
    assert_eq!(replica.primary_region.as_deref(), Some("us-east-1"));
    ok(
        &mut s,
        "aws secretsmanager restore-secret --secret-id lab/old",
    );
    let c = console(&s);
    let old = &c.secrets_in(HOME, "us-east-1")[1];
    assert_eq!(
        (old.deleted.as_deref(), old.deletion_date.as_deref()),
        (None, None)
    );
}

#[test]
fn a_shared_snapshot_lists_the_partner_and_a_failed_copy_its_error() {
    let mut s = Session::new(5);
    let key = ok(
        &mut s,
        "aws kms create-key --description snapshots --query KeyMetadata.Arn --output text",
    );
    let volume = ok(&mut s, &format!("aws ec2 create-volume --availability-zone us-east-1a --size 8 --encrypted --kms-key-id {key} --query VolumeId --output text"));
    let snapshot = ok(&mut s, &format!("aws ec2 create-snapshot --volume-id {volume} --description orders --query SnapshotId --output text"));
    ok(&mut s, &format!("aws ec2 modify-snapshot-attribute --snapshot-id {snapshot} --attribute createVolumePermission --operation-type add --user-ids {PARTNER}"));
    let c = console(&s);
    let volumes = c.volumes_in(HOME, "us-east-1");
    assert_eq!(volumes.len(), 1);
    assert_eq!(
        (volumes[0].volume_id.as_str(), volumes[0].state.as_str()),
        (volume.as_str(), "available")
    );
    assert_eq!(volumes[0].kms_key_id.as_deref(), Some(key.as_str()));
    let own = c.snapshots_for(HOME, "us-east-1");
    assert_eq!(own.len(), 1);
    let row = &own[0];
    assert_eq!(row.snapshot_id, snapshot);
    assert_eq!(
        (row.owner.as_str(), row.volume_id.as_str()),
        (HOME, volume.as_str())
    );
    assert_eq!(row.state, "completed");
    assert!(row.encrypted);
    assert_eq!(row.kms_key_id.as_deref(), Some(key.as_str()));
    assert_eq!(row.shared_with, [PARTNER]);
    // The partner sees the shared snapshot, owned by the other account.
    let seen = c.snapshots_for(PARTNER, "us-east-1");
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].owner, HOME);
    assert!(c.snapshots_for(PARTNER, "eu-west-1").is_empty());

    // The partner's copy fails while the key policy leaves the partner out.
    let key_b = ok(
        &mut s,
        "aws kms create-key --profile partner --query KeyMetadata.Arn --output text",
    );
    let failed = ok(&mut s, &format!("aws ec2 copy-snapshot --profile partner --source-snapshot-id {snapshot} --source-region us-east-1 --encrypted --kms-key-id {key_b} --query SnapshotId --output text"));
    ok(
        &mut s,
        "aws ec2 describe-snapshots --profile partner --owner-ids self",
    );
    let c = console(&s);
    let partner = c.snapshots_for(PARTNER, "us-east-1");
    let copy = partner
        .iter()
        .find(|r| r.snapshot_id == failed)
        .expect("the failed copy is listed");
    assert_eq!(copy.owner, PARTNER);
    assert_eq!(copy.state, "error");
    assert_eq!(
        copy.state_message.as_deref(),
        Some("Given key ID is not accessible")
    );
    assert_eq!(copy.kms_key_id.as_deref(), Some(key_b.as_str()));
    // The home account does not see the partner's own snapshot.
    assert_eq!(c.snapshots_for(HOME, "us-east-1").len(), 1);
}

#[test]
fn an_empty_lab_has_no_rows() {
    let c = console(&Session::new(4));
    assert!(c.parameters.is_empty() && c.secrets.is_empty());
    assert!(c.snapshots.is_empty() && c.volumes.is_empty());
}
