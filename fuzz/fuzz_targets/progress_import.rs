//! Any text, as an imported progress file of any schema: it reads, or is
//! refused with a reason; never a panic. What reads writes out and reads
//! back the same.
#![no_main]

use keydeck_study::progress::Progress;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(progress) = Progress::from_json(text) {
        let again = Progress::from_json(&progress.to_json()).expect("written progress reads");
        assert_eq!(again.to_json(), progress.to_json());
    }
});
