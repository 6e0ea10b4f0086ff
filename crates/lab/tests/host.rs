//! The labs worker's answers, as the page receives them.

use keydeck_lab::host::LabHost;
use keydeck_lab_protocol::{Answer, Ask, Entry, LabStep, RotationStatus};
use serde_json::json;

fn step(answer: Answer) -> LabStep {
    match answer {
        Answer::Lab(step) => *step,
        other => panic!("expected a lab step, got {other:?}"),
    }
}

fn open(host: &mut LabHost, lab: &str, log: Vec<Entry>) -> LabStep {
    step(
        host.handle(Ask::Open {
            lab: lab.to_owned(),
            seed: 7,
            log,
        })
        .unwrap(),
    )
}

fn run(host: &mut LabHost, line: &str) -> LabStep {
    step(
        host.handle(Ask::Run {
            line: line.to_owned(),
        })
        .unwrap(),
    )
}

#[test]
fn the_catalog_lists_the_twelve_labs_in_order() {
    let labs = LabHost::new().catalog();
    // The order of the lab files (its own test pins the list).
    let ids: Vec<String> = labs.iter().map(|l| l.id.clone()).collect();
    let files: Vec<String> = keydeck_lab::labs::all().into_iter().map(|l| l.id).collect();
    assert_eq!(ids, files);
    assert_eq!(labs.len(), 12);
    assert_eq!(labs[0].number, 1);
    assert!(labs.iter().all(|l| !l.task_ids.is_empty() && l.minutes > 0));
}

#[test]
fn nothing_runs_before_a_lab_is_open_and_an_unknown_lab_is_named() {
    let mut host = LabHost::new();
    let answer = host.handle(Ask::Run { line: "ls".into() }).unwrap();
    assert_eq!(
        answer,
        Answer::Failed {
            message: "No lab is open.".into()
        }
    );
    let answer = host
        .handle(Ask::Open {
            lab: "nope".into(),
            seed: 1,
            log: vec![],
        })
        .unwrap();
    assert_eq!(
        answer,
        Answer::Failed {
            message: "There is no lab called “nope”.".into()
        }
    );
}

#[test]
fn a_command_answers_with_its_output_the_entry_to_save_and_the_ticked_task() {
    let mut host = LabHost::new();
    let opened = open(&mut host, "first-key", vec![]);
    assert!(opened.view.tasks.iter().all(|t| !t.done));
    assert_eq!(opened.appended, None);

    let created = run(&mut host, "aws kms create-key --description lab");
    let output = created.output.expect("the terminal's output");
    assert!(
        output.stdout.contains("\"KeyState\": \"Enabled\""),
        "{}",
        output.stdout
    );
    assert_eq!(
        created.appended,
        Some(Entry::Line {
            line: "aws kms create-key --description lab".into()
        })
    );
    assert!(created.view.tasks[0].done, "the create-key task is ticked");
    let keys = &created.view.console.keys;
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0].description, "lab");
    assert_eq!(keys[0].rotation, RotationStatus::Disabled);
    assert_eq!(created.view.console.events[0].operation, "CreateKey");
    assert_eq!(
        created.view.history,
        ["aws kms create-key --description lab"]
    );

    // A blank line changes nothing worth saving.
    assert_eq!(run(&mut host, "   ").appended, None);
}

#[test]
fn reopening_with_the_saved_log_gives_back_the_same_keys_and_ticks() {
    let mut host = LabHost::new();
    open(&mut host, "first-key", vec![]);
    let mut log = Vec::new();
    for line in ["aws kms create-key", "echo hi > note.txt"] {
        log.extend(run(&mut host, line).appended);
    }
    let before = run(&mut host, "ls").view;

    let mut fresh = LabHost::new();
    let after = open(&mut fresh, "first-key", log).view;
    assert_eq!(after.console.keys, before.console.keys);
    assert_eq!(
        after.tasks.iter().map(|t| t.done).collect::<Vec<_>>(),
        before.tasks.iter().map(|t| t.done).collect::<Vec<_>>()
    );
    let cat = run(&mut fresh, "cat note.txt").output.unwrap();
    assert_eq!(cat.stdout, "hi\n");
}

#[test]
fn a_console_call_is_logged_and_its_failure_comes_back_as_aws_words_it() {
    let mut host = LabHost::new();
    open(&mut host, "key-states", vec![]);
    let id = run(
        &mut host,
        "aws kms create-key --query KeyMetadata.KeyId --output text",
    )
    .output
    .unwrap()
    .stdout;
    let id = id.trim().to_owned();
    let call = |host: &mut LabHost, op: &str| {
        step(
            host.handle(Ask::Call {
                profile: "default".into(),
                region: "us-east-1".into(),
                service: "kms".into(),
                operation: op.into(),
                request: json!({"KeyId": id}),
            })
            .unwrap(),
        )
    };
    let disabled = call(&mut host, "DisableKey");
    assert_eq!(disabled.call, Some(json!({})));
    assert!(
        matches!(disabled.appended, Some(Entry::Console { ref operation, .. }) if operation == "DisableKey")
    );
    assert_eq!(disabled.view.console.keys[0].state, "Disabled");

    let denied = step(
        host.handle(Ask::Call {
            profile: "developer".into(),
            region: "us-east-1".into(),
            service: "kms".into(),
            operation: "EnableKey".into(),
            request: json!({"KeyId": id}),
        })
        .unwrap(),
    );
    let call = denied.call.unwrap();
    assert_eq!(call["__type"], "AccessDeniedException");
    assert!(call["message"].as_str().unwrap().starts_with("User: arn:aws:iam::111122223333:user/developer is not authorized to perform: kms:EnableKey"));
    assert_eq!(
        denied.view.console.events[0].error_code.as_deref(),
        Some("AccessDeniedException")
    );
}

#[test]
fn try_a_call_explains_without_recording_an_event() {
    let mut host = LabHost::new();
    open(&mut host, "first-key", vec![]);
    let arn = run(
        &mut host,
        "aws kms create-key --query KeyMetadata.Arn --output text",
    )
    .output
    .unwrap()
    .stdout;
    let explain = |host: &mut LabHost, profile: &str| match host
        .handle(Ask::Explain {
            profile: profile.into(),
            region: "us-east-1".into(),
            action: "kms:Decrypt".into(),
            key_id: arn.trim().into(),
            context: None,
        })
        .unwrap()
    {
        Answer::Explained { explanation } => explanation,
        other => panic!("{other:?}"),
    };
    let root = explain(&mut host, "root");
    assert_eq!(root["Decision"], "Allow");
    assert_eq!(root["DecidedBy"]["Sid"], "Enable IAM User Permissions");
    let developer = explain(&mut host, "developer");
    assert_eq!(developer["Decision"], "ImplicitDeny");
    let unknown = explain(&mut host, "nobody");
    assert_eq!(unknown["__type"], "ProfileNotFound");
    let events = run(&mut host, "ls").view.console.events;
    assert_eq!(events.len(), 1, "only CreateKey: {events:?}");
}

/// The envelope lab's third task: discard the plaintext data key. Its check
/// looks at the files, and the fourth task brings the key back for a while.
#[test]
fn a_task_stays_ticked_when_a_later_step_undoes_what_it_checked_and_after_reopening() {
    let mut host = LabHost::new();
    open(&mut host, "envelope-encryption", vec![]);
    let mut log = Vec::new();
    let mut go = |host: &mut LabHost, line: &str| {
        let s = run(host, line);
        log.extend(s.appended.clone());
        s
    };
    let id = go(
        &mut host,
        "aws kms create-key --query KeyMetadata.KeyId --output text",
    )
    .output
    .unwrap()
    .stdout;
    go(
        &mut host,
        &format!(
            "aws kms create-alias --alias-name alias/envelope --target-key-id {}",
            id.trim()
        ),
    );
    go(&mut host, "aws kms generate-data-key --key-id alias/envelope --key-spec AES_256 --encryption-context app=envelope-lab > datakey.json");
    let json = go(&mut host, "cat datakey.json").output.unwrap().stdout;
    let key: serde_json::Value = serde_json::from_str(&json).unwrap();
    go(
        &mut host,
        &format!(
            "echo '{}' | base64 --decode > datakey",
            key["Plaintext"].as_str().unwrap()
        ),
    );
    go(
        &mut host,
        &format!(
            "echo '{}' | base64 --decode > datakey.enc",
            key["CiphertextBlob"].as_str().unwrap()
        ),
    );
    go(&mut host, "echo secret > report.txt");
    go(
        &mut host,
        "keydeck-crypt encrypt --key fileb://datakey --in report.txt --out report.txt.enc",
    );
    let discarded = go(&mut host, "rm datakey datakey.json report.txt");
    assert!(discarded.view.tasks[2].done, "the key is discarded");
    let again = go(&mut host, "aws kms decrypt --ciphertext-blob fileb://datakey.enc --encryption-context app=envelope-lab --query Plaintext --output text | base64 --decode > datakey");
    assert!(
        again.view.tasks[2].done,
        "a plaintext key on disk again does not un-tick the task"
    );

    let mut fresh = LabHost::new();
    let reopened = open(&mut fresh, "envelope-encryption", log);
    assert_eq!(
        reopened
            .view
            .tasks
            .iter()
            .map(|t| t.done)
            .collect::<Vec<_>>(),
        again.view.tasks.iter().map(|t| t.done).collect::<Vec<_>>()
    );
}

/// In the browser the asymmetric engine arrives as a chunk of its own. A
/// step that needs it before it has arrived changes nothing: the host names
/// the chunk, and the same step asked again once it is loaded gives what it
/// would have given at once.
#[test]
fn a_step_that_needs_a_missing_chunk_changes_nothing_and_succeeds_when_asked_again() {
    use keydeck_sim::platform::lazy::{withhold_builtins, Missing};
    let line = "aws kms create-key --key-spec ECC_NIST_P256 --key-usage SIGN_VERIFY";

    let mut reference = LabHost::new();
    open(&mut reference, "asymmetric", vec![]);
    run(&mut reference, "aws kms create-key --description first");
    run(&mut reference, "echo x > k");
    let expected = run(&mut reference, line);

    let mut host = LabHost::new();
    open(&mut host, "asymmetric", vec![]);
    run(&mut host, "aws kms create-key --description first");
    run(&mut host, "echo x > k");
    withhold_builtins(true);
    let missed = host.handle(Ask::Run { line: line.into() });
    assert_eq!(missed, Err(Missing("asymmetric")));
    // Offline verification in the shell is in the shell's tools chunk (and
    // needs the engine after that); reopening the lab needs its checks
    // first (and the engine after that, for the key in its log).
    let verify = "keydeck-crypt verify --public-key fileb://k --message fileb://k --signature fileb://k --signing-algorithm ECDSA_SHA_256";
    assert_eq!(
        host.handle(Ask::Run {
            line: verify.into()
        }),
        Err(Missing("shell_tools"))
    );
    let log = vec![
        Entry::Line {
            line: "aws kms create-key --description first".into(),
        },
        Entry::Line { line: line.into() },
    ];
    assert_eq!(
        host.handle(Ask::Open {
            lab: "asymmetric".into(),
            seed: 7,
            log
        }),
        Err(Missing("more_checks"))
    );
    withhold_builtins(false);
    let again = run(&mut host, line);
    assert_eq!(again.output, expected.output, "same key ID, same output");
    assert_eq!(
        again.view.history, expected.view.history,
        "the missed step left no trace"
    );
    assert_eq!(again.appended, expected.appended);
}

/// Each service other than KMS is a chunk too, missed by its first call,
/// and so are KMS's grants, rotation, import, multi-Region keys and tags.
#[test]
fn the_first_call_to_each_other_service_names_its_chunk() {
    use keydeck_sim::platform::lazy::{withhold_builtins, Missing};
    let mut host = LabHost::new();
    open(&mut host, "first-key", vec![]);
    withhold_builtins(true);
    for (line, chunk) in [
        (
            "aws ssm put-parameter --name /a --value b --type String",
            "ssm",
        ),
        ("aws secretsmanager list-secrets", "secretsmanager"),
        ("aws ec2 describe-snapshots --owner-ids self", "ec2"),
        ("aws kms list-grants --key-id alias/any", "kms_extras"),
        ("aws kms get-key-rotation-status --key-id alias/any", "kms_extras"),
        ("aws kms replicate-key --key-id k --replica-region us-west-2", "kms_extras"),
        ("aws kms get-parameters-for-import --key-id k --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_2048", "kms_extras"),
        ("aws kms list-resource-tags --key-id k", "kms_extras"),
        ("aws kms generate-mac --key-id k --message aGk= --mac-algorithm HMAC_SHA_256", "kms_extras"),
        ("keydeck clock +1d", "shell_tools"),
        ("echo hi | base64", "shell_tools"),
        ("help", "shell_tools"),
    ] {
        let missed = host.handle(Ask::Run { line: line.into() });
        assert_eq!(missed, Err(Missing(chunk)), "{line}");
    }
    assert_eq!(
        host.handle(Ask::Complete {
            line: "aws km".into(),
            cursor: 6
        }),
        Err(Missing("shell_tools")),
        "Tab completion"
    );
    assert_eq!(
        host.handle(Ask::Explain {
            profile: "admin".into(),
            region: "us-east-1".into(),
            action: "kms:Decrypt".into(),
            key_id: "alias/any".into(),
            context: None,
        }),
        Err(Missing("explain")),
        "Try a call"
    );
    withhold_builtins(false);
    let done = run(
        &mut host,
        "aws ssm put-parameter --name /a --value b --type String",
    );
    assert_eq!(done.view.history.len(), 1, "the missed lines left no trace");
    assert_eq!(done.output.map(|o| o.status), Some(0));
}

/// `--query` and the text and table outputs are a chunk as well. A command
/// that needs them misses after its call has run, so the host must put the
/// simulator back: the key created by the missed step is not there, and the
/// same step asked again creates the same key as a host that never missed.
#[test]
fn a_query_or_a_text_or_table_output_names_the_formats_chunk_and_the_call_is_undone() {
    use keydeck_sim::platform::lazy::{withhold_builtins, Missing};
    let line = "aws kms create-key --query KeyMetadata.KeyId --output text";

    let mut reference = LabHost::new();
    open(&mut reference, "first-key", vec![]);
    let expected = run(&mut reference, line);

    let mut host = LabHost::new();
    open(&mut host, "first-key", vec![]);
    withhold_builtins(true);
    for missing in [
        line,
        "aws kms list-keys --output table",
        "aws kms list-keys --output text",
        "aws kms list-keys --query Keys[0]",
    ] {
        let missed = host.handle(Ask::Run {
            line: missing.into(),
        });
        assert_eq!(missed, Err(Missing("formats")), "{missing}");
    }
    // JSON output needs no chunk.
    let json = run(&mut host, "aws kms list-keys");
    assert_eq!(
        json.output.map(|o| o.stdout),
        Some("{\n    \"Keys\": []\n}\n".to_owned()),
        "the missed create-key left no key behind"
    );
    withhold_builtins(false);
    let again = run(&mut host, line);
    assert_eq!(again.output, expected.output, "the same key ID, as text");
    assert!(expected
        .output
        .as_ref()
        .is_some_and(|o| o.stdout.ends_with('\n') && o.status == 0));
}

/// The checks of the labs on asymmetric keys and the other services are a
/// chunk: opening one of those labs names it, and the first labs need
/// nothing more than the worker's first fetch.
#[test]
fn the_later_labs_checks_are_a_chunk_the_first_labs_do_not_need() {
    use keydeck_sim::platform::lazy::{withhold_builtins, Missing};
    let mut host = LabHost::new();
    withhold_builtins(true);
    for lab in [
        "asymmetric",
        "parameter-store",
        "secrets-manager",
        "snapshot-copy",
    ] {
        let missed = host.handle(Ask::Open {
            lab: lab.into(),
            seed: 7,
            log: vec![],
        });
        assert_eq!(missed, Err(Missing("more_checks")), "{lab}");
    }
    for lab in ["first-key", "envelope-encryption", "multi-region"] {
        let opened = host.handle(Ask::Open {
            lab: lab.into(),
            seed: 7,
            log: vec![],
        });
        assert!(matches!(opened, Ok(Answer::Lab(_))), "{lab}: {opened:?}");
    }
    withhold_builtins(false);
}

/// The worker starts with the labs' outlines: the list needs nothing more,
/// and a lab's words are asked for before it first opens, once.
#[test]
fn a_host_of_outlines_lists_the_labs_and_asks_for_a_labs_words_once() {
    let (outlines, words): (Vec<_>, Vec<_>) = keydeck_lab::labs::all()
        .into_iter()
        .map(|lab| lab.split_text())
        .unzip();
    let mut host = LabHost::with_outlines(outlines);
    let mut full = LabHost::new();
    assert_eq!(
        host.catalog(),
        full.catalog(),
        "the list of labs is the same without the words"
    );
    let ask = Ask::Open {
        lab: "envelope-encryption".into(),
        seed: 3,
        log: vec![],
    };
    assert_eq!(host.words_needed(&ask), Some("envelope-encryption"));
    assert_eq!(host.words_needed(&Ask::Run { line: "ls".into() }), None);
    let text = words[1].clone();
    host.add_words("envelope-encryption", text).unwrap();
    assert_eq!(host.words_needed(&ask), None, "asked for once");
    assert_eq!(host.handle(ask.clone()), full.handle(ask));
    assert_eq!(
        host.add_words("no-such-lab", words[0].clone()),
        Err("There is no lab called “no-such-lab”.".to_owned())
    );
}

/// The Encryption SDK is a chunk of its own: its commands and the byte
/// viewer name it, and the viewer reads a message field by field.
#[test]
fn the_encryption_sdk_is_a_chunk_and_the_viewer_reads_a_message() {
    use keydeck_lab_protocol::FieldGroup;
    use keydeck_sim::platform::lazy::{withhold_builtins, Missing};
    let mut host = LabHost::new();
    host.handle(Ask::Open {
        lab: "first-key".into(),
        seed: 7,
        log: vec![],
    })
    .unwrap();
    withhold_builtins(true);
    let missed = host.handle(Ask::Inspect {
        file: String::new(),
    });
    withhold_builtins(false);
    assert_eq!(missed, Err(Missing("esdk")));
    for line in ["aws kms create-key", "echo hello > a.txt"] {
        host.handle(Ask::Run { line: line.into() }).unwrap();
    }
    let key = match host
        .handle(Ask::Run {
            line: "aws kms list-keys --query Keys[0].KeyId --output text".into(),
        })
        .unwrap()
    {
        Answer::Lab(step) => step.output.unwrap().stdout.trim().to_owned(),
        other => panic!("{other:?}"),
    };
    host.handle(Ask::Run {
        line: format!("aws-encryption-cli -e -i a.txt -o a.msg -w key={key} -c purpose=test -S"),
    })
    .unwrap();
    let Answer::Inspected(inspection) = host
        .handle(Ask::Inspect {
            file: "a.msg".into(),
        })
        .unwrap()
    else {
        panic!("no inspection");
    };
    assert_eq!(inspection.failure, None);
    assert!(inspection.files.contains(&"a.msg".to_owned()));
    let tiled: usize = inspection.fields.iter().map(|f| f.len).sum();
    assert_eq!(tiled, inspection.bytes.len());
    assert_eq!(
        inspection.fields[0].aria_label(),
        "Bytes 0 to 0: Version, 0x02"
    );
    for group in FieldGroup::ALL {
        assert!(
            inspection.fields.iter().any(|f| f.group == group),
            "{group:?}"
        );
    }
    let value = inspection
        .fields
        .iter()
        .find(|f| f.name == "Encryption context 2 value")
        .unwrap();
    // Entries are sorted: the signing suite's aws-crypto-public-key is first.
    assert_eq!(value.value, "\"test\"");
}
