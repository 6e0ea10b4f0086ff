//! What `aws` prints: JSON with four-space indents, text, tables,
//! `--query`, and pagination.

#[path = "cli_support.rs"]
mod support;

use base64::Engine as _;
use serde_json::{json, Value};
use support::Lab;

fn arn(key: &str) -> String {
    format!("arn:aws:kms:us-east-1:111122223333:key/{key}")
}

#[test]
fn json_output_is_indented_four_spaces_in_response_order() {
    let mut lab = Lab::new();
    let key = lab.key("");
    let out = lab.ok(&format!("kms encrypt --key-id {key} --plaintext aGVsbG8="));
    let blob = serde_json::from_str::<Value>(&out).unwrap()["CiphertextBlob"]
        .as_str()
        .unwrap()
        .to_owned();
    let expected = format!(
        "{{\n    \"CiphertextBlob\": \"{blob}\",\n    \"KeyId\": \"{}\",\n    \"EncryptionAlgorithm\": \"SYMMETRIC_DEFAULT\"\n}}\n",
        arn(&key)
    );
    assert_eq!(out, expected);
}

#[test]
fn an_empty_response_prints_nothing() {
    let mut lab = Lab::new();
    let key = lab.key("");
    assert_eq!(
        lab.ok(&format!("kms enable-key-rotation --key-id {key}")),
        ""
    );
}

#[test]
fn list_keys_in_every_format() {
    let mut lab = Lab::new();
    let key = lab.key("");
    let json = lab.ok("kms list-keys");
    assert_eq!(
        json,
        format!("{{\n    \"Keys\": [\n        {{\n            \"KeyId\": \"{key}\",\n            \"KeyArn\": \"{}\"\n        }}\n    ]\n}}\n", arn(&key))
    );
    assert_eq!(
        lab.ok("kms list-keys --output text"),
        format!("KEYS\t{}\t{key}\n", arn(&key))
    );
    let dashes = "-".repeat(93);
    let rule = format!("+{}+", "-".repeat(91));
    let expected = [
        dashes.clone(),
        format!("|{}ListKeys{}|", " ".repeat(41), " ".repeat(42)),
        rule,
        format!("||{}Keys{}||", " ".repeat(42), " ".repeat(43)),
        format!("|+{}+{}+|", "-".repeat(8), "-".repeat(80)),
        format!("||  KeyArn|  {}   ||", arn(&key)),
        format!("||  KeyId |  {key}{}||", " ".repeat(42)),
        format!("|+{}+{}+|", "-".repeat(8), "-".repeat(80)),
    ]
    .join("\n")
        + "\n";
    assert_eq!(lab.ok("kms list-keys --output table"), expected);
}

#[test]
fn describe_key_as_text_puts_scalars_on_one_line() {
    let mut lab = Lab::new();
    let key = lab.key("--description lab");
    let text = lab.ok(&format!("kms describe-key --key-id {key} --output text"));
    let expected = format!(
        "KEYMETADATA\t111122223333\t{}\t2026-01-01T00:00:00+00:00\tSYMMETRIC_DEFAULT\tlab\tTrue\t{key}\tCUSTOMER\tSYMMETRIC_DEFAULT\tEnabled\tENCRYPT_DECRYPT\tFalse\tAWS_KMS\nENCRYPTIONALGORITHMS\tSYMMETRIC_DEFAULT\n",
        arn(&key)
    );
    assert_eq!(text, expected);
}

#[test]
fn a_small_structure_is_a_table_with_a_header_row() {
    let mut lab = Lab::new();
    let key = lab.key("");
    let out = lab.ok(&format!(
        "kms describe-key --key-id {key} --query '{{State: KeyMetadata.KeyState, Usage: KeyMetadata.KeyUsage}}' --output table"
    ));
    let expected = "\
--------------------------------
|          DescribeKey         |
+----------+-------------------+
|   State  |       Usage       |
+----------+-------------------+
|  Enabled |  ENCRYPT_DECRYPT  |
+----------+-------------------+
";
    assert_eq!(out, expected);
    assert_eq!(
        lab.ok("kms list-aliases --query Aliases --output table"),
        "",
        "empty lists print nothing"
    );
}

#[test]
fn query_projects_filters_and_keeps_response_order() {
    let mut lab = Lab::new();
    let a = lab.key("");
    let b = lab.key("");
    lab.ok(&format!(
        "kms create-alias --alias-name alias/lab --target-key-id {b}"
    ));
    let ids = lab.json("kms list-keys --query Keys[].KeyId");
    assert_eq!(ids, json!([a, b]));
    let target = lab.ok("kms list-aliases --query \"Aliases[?AliasName=='alias/lab'].TargetKeyId | [0]\" --output text");
    assert_eq!(target, format!("{b}\n"));
    let picked = lab.ok(&format!(
        "kms describe-key --key-id {a} --query 'KeyMetadata.{{State: KeyState, Id: KeyId}}'"
    ));
    assert_eq!(
        picked,
        format!("{{\n    \"State\": \"Enabled\",\n    \"Id\": \"{a}\"\n}}\n")
    );
    let meta = lab.json(&format!(
        "kms describe-key --key-id {a} --query KeyMetadata"
    ));
    let keys: Vec<&String> = meta.as_object().unwrap().keys().collect();
    let full = lab.json(&format!("kms describe-key --key-id {a}"));
    let original: Vec<&String> = full["KeyMetadata"].as_object().unwrap().keys().collect();
    assert_eq!(keys, original);
    assert_eq!(lab.ok("kms list-keys --query Nothing"), "null\n");
    assert_eq!(
        lab.ok("kms list-keys --query Nothing --output text"),
        "None\n"
    );
    assert_eq!(
        lab.ok("kms list-keys --query 'length(Keys)' --output text"),
        "2\n"
    );
}

#[test]
fn the_decrypt_idiom_prints_the_base64_plaintext() {
    let mut lab = Lab::new();
    let key = lab.key("");
    let blob = lab.ok(&format!(
        "kms encrypt --key-id {key} --plaintext aGVsbG8= --query CiphertextBlob --output text"
    ));
    let raw = base64::engine::general_purpose::STANDARD
        .decode(blob.trim())
        .unwrap();
    lab.file("secret.enc", &raw);
    let plain =
        lab.ok("kms decrypt --ciphertext-blob fileb://secret.enc --query Plaintext --output text");
    assert_eq!(plain, "aGVsbG8=\n");
}

#[test]
fn list_operations_page_through_everything() {
    let mut lab = Lab::new();
    let keys: Vec<String> = (0..3).map(|_| lab.key("")).collect();
    let all = lab.json("kms list-keys --page-size 1 --query Keys[].KeyId");
    assert_eq!(all, json!(keys));
    let first = lab.json("kms list-keys --max-items 2");
    assert_eq!(first["Keys"].as_array().unwrap().len(), 2);
    let token = first["NextToken"].as_str().expect("a NextToken").to_owned();
    let rest = lab.json(&format!(
        "kms list-keys --starting-token {token} --query Keys[].KeyId"
    ));
    assert_eq!(rest, json!([keys[2]]));
    let one = lab.json("kms list-keys --limit 1");
    assert_eq!(
        one["Truncated"], true,
        "a manual --limit turns paging off: {one}"
    );
}

#[test]
fn timestamps_print_as_iso_8601() {
    let mut lab = Lab::new();
    let key = lab.key("");
    lab.sim.advance_days(1);
    let out = lab.ok(&format!("kms schedule-key-deletion --key-id {key} --pending-window-in-days 7 --query DeletionDate --output text"));
    assert_eq!(out, "2026-01-09T00:00:00+00:00\n");
}
