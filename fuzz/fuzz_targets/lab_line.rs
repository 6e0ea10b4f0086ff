//! Any line typed into a lab's terminal: the shell and the AWS CLI answer
//! it, with an error where it is wrong, and never panic. Large RSA key
//! generation is left out: it takes seconds by design.
#![no_main]

use keydeck_lab::session::Session;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if text.contains("RSA_3072") || text.contains("RSA_4096") {
        return;
    }
    let mut session = Session::new(7);
    for line in text.lines().take(8) {
        let _ = session.run(line);
    }
});
