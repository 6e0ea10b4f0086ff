//! The walkthroughs that ship with KeyDeck, each resting on the AWS
//! documentation it cites. Tests validate them against the shipped deck.

mod ami_sharing;
mod envelope_encryption;
mod multi_region_client_side;
mod parameter_store_securestring;
mod s3_replication_sse_kms;
mod secrets_rotation;
mod snapshot_copy;

use super::model::Walkthrough;
use crate::card::REVERSE_SUFFIX;

/// Every shipped walkthrough, in the order the walkthrough list shows them.
/// A static, not a const, so the page's wasm holds its text once.
pub static ALL: &[Walkthrough] = &[
    snapshot_copy::WALKTHROUGH,
    envelope_encryption::WALKTHROUGH,
    s3_replication_sse_kms::WALKTHROUGH,
    ami_sharing::WALKTHROUGH,
    multi_region_client_side::WALKTHROUGH,
    secrets_rotation::WALKTHROUGH,
    parameter_store_securestring::WALKTHROUGH,
];

/// A shipped walkthrough by id.
pub fn find(id: &str) -> Option<&'static Walkthrough> {
    ALL.iter().find(|w| w.id == id)
}

/// A shipped walkthrough's title; the id itself for one that is not shipped.
pub fn title(id: &str) -> &str {
    find(id).map_or(id, |w| w.title)
}

/// The shipped walkthroughs that show a card, for its "see it animated"
/// link; a reverse card (`<id>~reverse`) links where its card does.
pub fn for_card(card_id: &str) -> impl Iterator<Item = &'static Walkthrough> + '_ {
    let id = card_id.strip_suffix(REVERSE_SUFFIX).unwrap_or(card_id);
    ALL.iter().filter(move |w| w.related_cards.contains(&id))
}
