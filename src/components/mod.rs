pub mod deck_import;
pub mod flashcard;
pub mod icon;
pub mod markdown;
pub mod nav;
pub mod page_header;
pub mod study_settings;
