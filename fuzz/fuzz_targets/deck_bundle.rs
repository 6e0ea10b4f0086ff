//! Any text, as the deck bundle the study page reads: it reads, or is
//! refused with a line number, and never panics (its texts are cut by
//! counts of lines the file gives). What reads is written back readable.
#![no_main]

use keydeck_study::bundle::{deck_text, read_deck, BundleError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match read_deck(text) {
        Ok(deck) => {
            let again = read_deck(&deck_text(&deck));
            assert!(again.is_ok(), "a deck that read is written back readable");
        }
        Err(BundleError::Unreadable(why)) => assert!(why.starts_with("line "), "{why}"),
        Err(BundleError::Format(_)) => {}
    }
});
