//! Key IDs: a random (version 4) UUID, or for a multi-Region key `mrk-`
//! and 32 hex digits
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id>).

use super::crypto::hex;
use crate::platform::random::Entropy;

/// A new key ID.
pub fn new_key_id(multi_region: bool, rng: &mut Entropy) -> String {
    if multi_region {
        return format!("mrk-{}", hex(&rng.bytes(16)));
    }
    rng.uuid()
}

/// Whether `s` has the form of a key ID.
pub fn is_key_id(s: &str) -> bool {
    let hex = |t: &str| {
        t.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    };
    if let Some(rest) = s.strip_prefix("mrk-") {
        return rest.len() == 32 && hex(rest);
    }
    // A UUID written as AWS writes one: hyphenated and lower-case.
    uuid::Uuid::try_parse(s).is_ok_and(|id| id.hyphenated().to_string() == s)
}

#[cfg(test)]
mod tests {
    use super::is_key_id;

    #[test]
    fn key_ids_are_uuids_or_multi_region_ids() {
        assert!(is_key_id("1234abcd-12ab-34cd-56ef-1234567890ab"));
        assert!(is_key_id("mrk-1234abcd12ab34cd56ef1234567890ab"));
        assert!(
            !is_key_id("1234ABCD-12AB-34CD-56EF-1234567890AB"),
            "upper case"
        );
        assert!(!is_key_id("1234abcd12ab34cd56ef1234567890ab"), "no hyphens");
        assert!(
            !is_key_id("{1234abcd-12ab-34cd-56ef-1234567890ab}"),
            "braced"
        );
        assert!(!is_key_id("1234abcd-12ab-34cd-56ef-1234567890a"));
        assert!(!is_key_id("mrk-1234"));
        assert!(!is_key_id("alias/x"));
    }
}
