//! The CLI's metadata record of an operation: one JSON object per line,
//! with the message header as the SDK read or wrote it
//! (<https://aws-encryption-sdk-cli.readthedocs.io/en/latest/#metadata-contents>).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use keydeck_esdk::header::Header;
use serde_json::{json, Value};

use super::cli::algorithm_name;

/// A decrypt skipped because the message's context lacked what was asked.
pub struct Skipped<'a> {
    pub missing_keys: Vec<&'a str>,
    pub missing_pairs: Vec<(&'a str, &'a str)>,
}

/// The record, as one line of JSON.
pub fn record(
    mode: &str,
    input: &str,
    output: &str,
    header: &Header,
    skipped: Option<&Skipped<'_>>,
) -> String {
    let mut record = json!({
        "mode": mode,
        "input": if input == "-" { "<stdin>" } else { input },
        "output": if output == "-" { "<stdout>" } else { output },
        "header": header_json(header),
    });
    if let Some(s) = skipped {
        record["skipped"] = Value::Bool(true);
        record["reason"] = json!("Missing encryption context key or value");
        record["missing_encryption_context_keys"] = json!(s.missing_keys);
        record["missing_encryption_context_pairs"] = json!(s.missing_pairs);
    }
    record.to_string()
}

/// The header as the CLI's `json_ready_header` writes it.
fn header_json(header: &Header) -> Value {
    let keys: Vec<Value> = header
        .encrypted_data_keys
        .iter()
        .map(|edk| {
            json!({
                "key_provider": {
                    "provider_id": edk.provider_id,
                    "key_info": String::from_utf8(edk.provider_info.clone())
                        .unwrap_or_else(|_| STANDARD.encode(&edk.provider_info)),
                },
                "encrypted_data_key": STANDARD.encode(&edk.ciphertext),
            })
        })
        .collect();
    let context: serde_json::Map<String, Value> = header
        .context
        .iter()
        .map(|(k, v)| (k.to_owned(), Value::String(v.to_owned())))
        .collect();
    json!({
        "version": format!("{}.0", header.suite.version),
        "algorithm": algorithm_name(header.suite.id),
        "message_id": STANDARD.encode(&header.message_id),
        "encryption_context": context,
        "encrypted_data_keys": keys,
        "content_type": if header.framed { 2 } else { 1 },
        "frame_length": header.frame_length,
    })
}
