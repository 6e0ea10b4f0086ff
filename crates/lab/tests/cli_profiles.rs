//! Named profiles in two accounts, `aws sts`, `aws iam` inline policies,
//! `aws configure`, help, and `keydeck`.

#[path = "cli_support.rs"]
mod support;

use keydeck_lab::cli;
use serde_json::json;
use support::Lab;

#[test]
fn each_profile_is_its_own_identity() {
    let mut lab = Lab::new();
    let cases = [
        (
            "default",
            "AROAYOURSADMINKEYDECK:keydeck",
            "111122223333",
            "arn:aws:sts::111122223333:assumed-role/Admin/keydeck",
        ),
        (
            "root",
            "111122223333",
            "111122223333",
            "arn:aws:iam::111122223333:root",
        ),
        (
            "developer",
            "AIDAYOURSDEVELOPERKD1",
            "111122223333",
            "arn:aws:iam::111122223333:user/developer",
        ),
        (
            "partner",
            "AROAPARTNERADMINKEYDK:keydeck",
            "444455556666",
            "arn:aws:sts::444455556666:assumed-role/Admin/keydeck",
        ),
        (
            "partner-root",
            "444455556666",
            "444455556666",
            "arn:aws:iam::444455556666:root",
        ),
        (
            "partner-developer",
            "AIDAPARTNERDEVELOPER1",
            "444455556666",
            "arn:aws:iam::444455556666:user/developer",
        ),
    ];
    for (profile, user_id, account, arn) in cases {
        let who = lab.json(&format!("sts get-caller-identity --profile {profile}"));
        assert_eq!(
            who,
            json!({"UserId": user_id, "Account": account, "Arn": arn}),
            "{profile}"
        );
    }
    assert_eq!(cli::profiles().len(), cases.len());
}

#[test]
fn the_admin_role_may_use_kms_and_the_developer_may_not_until_allowed() {
    let mut lab = Lab::new();
    let key = lab.key("");
    let encrypt = format!("kms encrypt --key-id {key} --plaintext aGk= --profile developer");
    assert_eq!(lab.fails(&encrypt).0, 254);
    lab.file("p.json", br#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Encrypt","Resource":"*"}]}"#);
    assert_eq!(lab.ok("iam put-user-policy --user-name developer --policy-name UseKeys --policy-document file://p.json"), "");
    lab.ok(&encrypt);
    lab.ok("iam delete-user-policy --user-name developer --policy-name UseKeys");
    assert_eq!(lab.fails(&encrypt).0, 254);
}

#[test]
fn the_partner_account_keeps_its_own_keys() {
    let mut lab = Lab::new();
    lab.key("--profile partner");
    let mine = lab.json("kms list-keys");
    assert_eq!(mine["Keys"], json!([]));
    let theirs = lab.json("kms list-keys --profile partner --query Keys[].KeyArn");
    assert!(
        theirs[0].as_str().unwrap().contains(":444455556666:key/"),
        "{theirs}"
    );
}

#[test]
fn iam_calls_need_an_identity_policy() {
    let mut lab = Lab::new();
    lab.file("p.json", br#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}"#);
    let line =
        "iam put-role-policy --role-name Admin --policy-name More --policy-document file://p.json";
    assert_eq!(
        lab.fails(&format!("{line} --profile developer")),
        (254, "\nAn error occurred (AccessDenied) when calling the PutRolePolicy operation: User: arn:aws:iam::111122223333:user/developer is not authorized to perform: iam:PutRolePolicy on resource: role Admin because no identity-based policy allows the iam:PutRolePolicy action\n".to_owned())
    );
    lab.ok(&format!("{line} --profile root"));
    lab.ok(line);
    assert_eq!(
        lab.fails("iam put-user-policy --user-name bob --policy-name P --policy-document file://p.json"),
        (254, "\nAn error occurred (NoSuchEntity) when calling the PutUserPolicy operation: The user with name bob cannot be found.\n".to_owned())
    );
    lab.file("bad.json", b"{\"Statement\": 3}");
    let (status, err) = lab.fails("iam put-user-policy --user-name developer --policy-name P --policy-document file://bad.json");
    assert_eq!(status, 254);
    assert!(err.starts_with("\nAn error occurred (MalformedPolicyDocument) when calling the PutUserPolicy operation: "), "{err}");
}

#[test]
fn configure_lists_the_profiles_and_the_settings() {
    let mut lab = Lab::new();
    assert_eq!(
        lab.ok("configure list-profiles"),
        "default\nroot\ndeveloper\npartner\npartner-root\npartner-developer\n"
    );
    let expected = "      Name                    Value             Type    Location\n\
                    \x20     ----                    -----             ----    --------\n\
                    \x20  profile                developer           manual    --profile\n\
                    access_key     ****************oper shared-credentials-file    \n\
                    secret_key     ****************sKey shared-credentials-file    \n\
                    \x20   region                eu-west-1      config-file    ~/.aws/config\n";
    assert_eq!(
        lab.ok("configure list --profile developer --region eu-west-1"),
        expected
    );
    let listed = lab.ok("configure list");
    assert!(
        listed.contains("   profile                <not set>             None    None\n"),
        "{listed}"
    );
    assert_eq!(lab.ok("configure get region"), "us-east-1\n");
}

#[test]
fn the_default_profile_and_region_come_from_the_defaults() {
    let mut lab = Lab::new();
    lab.defaults.profile = "partner".to_owned();
    lab.defaults.region = "ap-southeast-2".to_owned();
    let arn = lab.json("kms create-key --query KeyMetadata.Arn");
    assert!(
        arn.as_str()
            .unwrap()
            .starts_with("arn:aws:kms:ap-southeast-2:444455556666:key/"),
        "{arn}"
    );
}

#[test]
fn call_as_uses_the_same_profiles() {
    let mut lab = Lab::new();
    let made = cli::call_as(
        &mut lab.sim,
        "partner",
        "us-east-1",
        "kms",
        "CreateKey",
        json!({}),
    )
    .unwrap();
    assert_eq!(made["KeyMetadata"]["AWSAccountId"], "444455556666");
    let key = made["KeyMetadata"]["Arn"].clone();
    let denied = cli::call_as(
        &mut lab.sim,
        "developer",
        "us-east-1",
        "kms",
        "DescribeKey",
        json!({"KeyId": key}),
    );
    assert_eq!(denied.unwrap_err().code(), "AccessDeniedException");
    assert!(cli::call_as(
        &mut lab.sim,
        "nobody",
        "us-east-1",
        "kms",
        "ListKeys",
        json!({})
    )
    .is_err());
}

#[test]
fn help_lists_services_operations_and_options() {
    let mut lab = Lab::new();
    let top = lab.ok("help");
    for profile in ["default", "partner-developer", "444455556666"] {
        assert!(top.contains(profile), "{top}");
    }
    let kms = lab.ok("kms help");
    assert!(
        kms.contains("generate-data-key-pair-without-plaintext"),
        "{kms}"
    );
    let op = lab.ok("kms encrypt help");
    assert!(op.contains("REQUIRED OPTIONS\n       --key-id <value>  (string)\n       --plaintext <base64 | fileb://FILE>  (blob)\n"), "{op}");
    assert!(
        op.contains("--encryption-context KeyName1=string,KeyName2=string  (map)"),
        "{op}"
    );
    assert!(lab.ok("iam help").contains("developer may not"));
    assert!(lab.ok("--version").starts_with("aws-cli/2."));
}

#[test]
fn completion_sees_operations_and_options() {
    assert!(cli::services().contains(&"kms"));
    assert!(cli::operations("kms").contains(&"re-encrypt"));
    let options = cli::options("kms", "create-key");
    for o in [
        "--multi-region",
        "--no-multi-region",
        "--tags",
        "--bypass-policy-lockout-safety-check",
    ] {
        assert!(options.iter().any(|x| x == o), "{o} in {options:?}");
    }
    assert!(cli::options("kms", "list-keys")
        .iter()
        .any(|o| o == "--max-items"));
    assert!(cli::GLOBAL_OPTIONS.contains(&"--query"));
    assert_eq!(cli::options("keydeck", "clock"), ["--days", "--hours"]);
}

#[test]
fn keydeck_moves_and_shows_the_clock() {
    let mut lab = Lab::new();
    let run = |lab: &mut Lab, line: &str| cli::run_keydeck(&mut lab.sim, &support::words(line));
    let shown = run(&mut lab, "clock show");
    assert_eq!(
        (shown.status, String::from_utf8(shown.stdout).unwrap()),
        (0, "2026-01-01T00:00:00Z\n".to_owned())
    );
    let moved = run(&mut lab, "clock advance --days 365 --hours 2");
    assert_eq!(
        String::from_utf8(moved.stdout).unwrap(),
        "2027-01-01T02:00:00Z\n"
    );
    let bad = run(&mut lab, "clock advance");
    assert_eq!(bad.status, 2);
    assert!(
        bad.stderr
            .contains("keydeck: error: clock advance needs --days N or --hours N"),
        "{}",
        bad.stderr
    );
    let help = run(&mut lab, "help");
    assert!(String::from_utf8(help.stdout)
        .unwrap()
        .contains("keydeck clock advance --days N"));
}

#[test]
fn keys_rotate_when_the_clock_passes_the_rotation_date() {
    let mut lab = Lab::new();
    let key = lab.key("");
    lab.ok(&format!(
        "kms enable-key-rotation --key-id {key} --rotation-period-in-days 90"
    ));
    cli::run_keydeck(&mut lab.sim, &support::words("clock advance --days 91"));
    let rotations = lab.json(&format!(
        "kms list-key-rotations --key-id {key} --query 'Rotations[].RotationType'"
    ));
    assert_eq!(rotations, json!(["AUTOMATIC"]));
}
