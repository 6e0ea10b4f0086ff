//! Any text, as a question file against the shipped deck, so that the
//! questions' card references resolve and the fuzzer reaches past them:
//! the file reads or names its problems (file:line), and never panics.
#![no_main]

use std::sync::OnceLock;

use keydeck_study::builtin;
use keydeck_study::deck::Deck;
use keydeck_study::quiz::parse::parse_question_file;
use libfuzzer_sys::fuzz_target;

fn shipped() -> &'static Deck {
    static DECK: OnceLock<Deck> = OnceLock::new();
    DECK.get_or_init(|| builtin::deck().expect("the shipped deck reads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(problems) = parse_question_file("fuzz.md", text, shipped()) {
        assert!(!problems.is_empty(), "a refused file names a problem");
    }
});
