//! The labs that ship with KeyDeck, compiled in from `content/labs/`. A test
//! keeps this list equal to that folder.

macro_rules! shipped {
    ($($file:literal),* $(,)?) => {
        /// `(file name, Markdown)` for every shipped lab, in order.
        pub const LAB_FILES: &[(&str, &str)] = &[
            $(($file, include_str!(concat!("../../../../content/labs/", $file)))),*
        ];
    };
}

shipped!(
    "01-first-key.md",
    "02-envelope-encryption.md",
    "03-cross-account.md",
    "04-grants.md",
    "05-rotation.md",
    "06-key-states.md",
    "07-multi-region.md",
    "08-asymmetric.md",
    "09-parameter-store.md",
    "10-secrets-manager.md",
    "11-snapshot-copy.md",
    "12-esdk-message.md",
);
