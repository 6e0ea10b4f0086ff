//! Ids for imported decks and cards. Progress is stored by card id, so an id
//! depends only on what stays the same when the file is imported again.

use crate::content_file::is_kebab_case;

/// The most words of the front that name a card.
const SLUG_WORDS: usize = 6;

/// A card's id. `given` is the id the file carries for the row, if any: a
/// kebab-case one (a KeyDeck export's) is kept as it is, and any other (an
/// Anki GUID such as `f:Xz3#q`) gives an id made from it alone, so the
/// card keeps its id, and its progress, when its text is edited. Without
/// one, the front makes the id. Either way the id is a slug for
/// readability, then a hash that tells apart what the slug loses:
/// `what-is-envelope-encryption-3c9b16f2`, `f-xz3-q-1f0c2a9b`.
pub(super) fn card_id(front: &str, given: Option<&str>) -> String {
    if let Some(id) = given.filter(|id| is_kebab_case(id)) {
        return id.to_owned();
    }
    let key = given.unwrap_or(front);
    let words = slug(key, SLUG_WORDS);
    let words = if words.is_empty() { "card" } else { &words };
    format!("{words}-{:08x}", hash32(key))
}

/// The id of a deck imported from `file_name`: its name without folders or
/// extension, as kebab-case (`My Cards (1).txt` is `my-cards-1`).
pub(super) fn topic_id(file_name: &str) -> String {
    let id = slug(file_stem(file_name), usize::MAX);
    if id.is_empty() {
        "imported-deck".to_owned()
    } else {
        id
    }
}

/// A file name without its folders and extension.
pub(super) fn file_stem(file_name: &str) -> &str {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem).trim()
}

/// Lowercase ASCII words of `text` joined by hyphens, at most `words` of
/// them; anything that is not an ASCII letter or digit separates words.
fn slug(text: &str, words: usize) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(words)
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// 32 bits of FNV-1a, folded: the same on every platform and release.
fn hash32(text: &str) -> u32 {
    let h = crate::fnv::fnv1a(text.as_bytes());
    (h ^ (h >> 32)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_id_is_the_slug_of_its_front_and_a_fixed_hash() {
        let id = card_id("What is **envelope** encryption?", None);
        assert_eq!(id, card_id("What is **envelope** encryption?", None));
        assert!(id.starts_with("what-is-envelope-encryption-"), "{id}");
        assert!(is_kebab_case(&id), "{id}");
        assert_ne!(id, card_id("What is envelope encryption?", None));
        // Pinned: progress is stored under these ids in learners' browsers.
        assert_eq!(
            card_id("What is envelope encryption?", None),
            "what-is-envelope-encryption-3c9b16f2"
        );
    }

    #[test]
    fn a_kebab_case_id_is_kept_and_another_is_hashed() {
        assert_eq!(card_id("Front", Some("kms-acronym")), "kms-acronym");
        let from_guid = card_id("Front", Some("f:Xz3#q"));
        assert!(from_guid.starts_with("f-xz3-q-"), "{from_guid}");
        assert_eq!(from_guid, card_id("Edited front", Some("f:Xz3#q")));
        assert_eq!(card_id("日本語", None).split('-').next(), Some("card"));
    }

    #[test]
    fn a_topic_id_comes_from_the_file_name() {
        assert_eq!(topic_id("My Cards (1).txt"), "my-cards-1");
        assert_eq!(topic_id("C:\\exports\\KMS.basics.csv"), "kms-basics");
        assert_eq!(topic_id("日本語.txt"), "imported-deck");
    }
}
