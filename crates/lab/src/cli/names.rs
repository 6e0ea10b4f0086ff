//! CLI names from API names: `GenerateDataKeyPair` → `generate-data-key-pair`,
//! `KeyId` → `--key-id`, as botocore's `xform_name` derives every
//! command and option name of the AWS CLI.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The kebab-case form of a PascalCase API name.
///
/// A hyphen goes before an upper-case letter that starts a word: one
/// followed by a lower-case letter (`ReEncrypt` → `re-encrypt`), or one
/// that follows a lower-case letter or digit (`XksKeyId` → `xks-key-id`).
pub fn kebab(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && c.is_ascii_uppercase() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            let after_word = prev.is_ascii_lowercase() || prev.is_ascii_digit();
            if after_word || (next_lower && prev != '-') {
                out.push('-');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The kebab-case form of an API name, kept for the life of the program
/// (there are a few dozen), for callers that need `&'static str`.
pub fn cli_name(name: &'static str) -> &'static str {
    static NAMES: OnceLock<Mutex<HashMap<&'static str, &'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    names
        .entry(name)
        .or_insert_with(|| Box::leak(kebab(name).into_boxed_str()))
}

/// The option that sets a member: `KeyId` → `--key-id`.
pub fn option(member: &str) -> String {
    format!("--{}", kebab(member))
}

#[cfg(test)]
mod tests {
    use super::kebab;

    #[test]
    fn api_names_become_cli_names() {
        for (api, cli) in [
            ("ReEncrypt", "re-encrypt"),
            (
                "GenerateDataKeyPairWithoutPlaintext",
                "generate-data-key-pair-without-plaintext",
            ),
            ("KeyId", "key-id"),
            ("XksKeyId", "xks-key-id"),
            ("GetCallerIdentity", "get-caller-identity"),
            (
                "BypassPolicyLockoutSafetyCheck",
                "bypass-policy-lockout-safety-check",
            ),
        ] {
            assert_eq!(kebab(api), cli);
        }
    }
}
