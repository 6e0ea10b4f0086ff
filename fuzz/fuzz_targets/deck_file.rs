//! Any text, as a learner's deck file in each import format, and as a
//! question file: each reads or names its problems, never panics; a deck
//! that reads is exported in every format without a panic.
#![no_main]

use keydeck_study::deck::Deck;
use keydeck_study::interchange::{
    export, import, ExportFormat, ImportFormat, RowSeparator, TermSeparator,
};
use keydeck_study::quiz::parse::parse_question_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let formats = [
        ImportFormat::Markdown,
        ImportFormat::Anki,
        ImportFormat::Csv,
        ImportFormat::Quizlet { terms: TermSeparator::Tab, rows: RowSeparator::NewLine },
        ImportFormat::Quizlet {
            terms: TermSeparator::Custom(" - ".into()),
            rows: RowSeparator::Custom(";;".into()),
        },
    ];
    for format in &formats {
        let _ = import(format, "fuzz.txt", text);
    }
    if let Ok(deck) = Deck::parse([("fuzz.md", text)]) {
        for topic in &deck.topics {
            for format in ExportFormat::ALL {
                let _ = export(topic, format);
            }
        }
        let _ = parse_question_file("fuzz-questions.md", text, &deck);
    }
});
