//! Key IDs: a random (version 4) UUID, or for a multi-Region key `mrk-`
//! and 32 hex digits
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id>).

use super::crypto::hex;
use crate::platform::random::Entropy;

/// A new key ID.
pub fn new_key_id(multi_region: bool, rng: &mut Entropy) -> String {
    let mut b = rng.bytes(16);
    if multi_region {
        return format!("mrk-{}", hex(&b));
    }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
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
    let groups: Vec<&str> = s.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12]) && groups.iter().all(|g| hex(g))
}

#[cfg(test)]
mod tests {
    use super::is_key_id;

    #[test]
    fn key_ids_are_uuids_or_multi_region_ids() {
        assert!(is_key_id("1234abcd-12ab-34cd-56ef-1234567890ab"));
        assert!(is_key_id("mrk-1234abcd12ab34cd56ef1234567890ab"));
        assert!(!is_key_id("1234abcd-12ab-34cd-56ef-1234567890a"));
        assert!(!is_key_id("mrk-1234"));
        assert!(!is_key_id("alias/x"));
    }
}
