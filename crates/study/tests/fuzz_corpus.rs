//! The seed corpora of the `deck_file`, `question_file` and `progress_import` fuzz targets
//! (`fuzz/`, run with `cargo +nightly fuzz run <target>`), read on stable
//! as ordinary tests: every seed is a valid input the fuzzer mutates from.

use std::path::{Path, PathBuf};

use keydeck_study::interchange::{import, ImportFormat, RowSeparator, TermSeparator};
use keydeck_study::progress::{Progress, SCHEMA_VERSION};

fn seeds(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| !is_fuzzer_find(path))
        .collect();
    files.sort();
    files
}

/// The fuzzer's own finds, named by their SHA-1 (not committed).
fn is_fuzzer_find(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    name.len() == 40 && name.bytes().all(|b| b.is_ascii_hexdigit())
}

#[test]
fn every_deck_seed_imports_with_cards_and_no_problems() {
    let files = seeds("deck_file");
    assert_eq!(files.len(), 4);
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let format = match name.as_str() {
            "keydeck.md" => ImportFormat::Markdown,
            "anki.txt" => ImportFormat::Anki,
            "cards.csv" => ImportFormat::Csv,
            "quizlet.txt" => ImportFormat::Quizlet {
                terms: TermSeparator::Tab,
                rows: RowSeparator::NewLine,
            },
            other => panic!("a seed with no format: {other}"),
        };
        let imported = import(&format, &name, &text);
        assert!(imported.has_cards(), "{name}");
        assert_eq!(
            imported.errors().collect::<Vec<_>>(),
            Vec::<&keydeck_study::interchange::Problem>::new(),
            "{name}"
        );
    }
}

#[test]
fn every_progress_seed_reads_and_writes_back_the_same() {
    let files = seeds("progress_import");
    assert_eq!(files.len(), 2);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let progress =
            Progress::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(progress.schema, SCHEMA_VERSION);
        assert_eq!(Progress::from_json(&progress.to_json()), Ok(progress));
    }
}

#[test]
fn every_question_seed_reads_against_the_shipped_deck() {
    let deck = keydeck_study::builtin::deck().expect("the shipped deck reads");
    let files = seeds("question_file");
    assert_eq!(files.len(), 3);
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let questions = keydeck_study::quiz::parse::parse_question_file(&name, &text, &deck)
            .unwrap_or_else(|problems| panic!("{name}: {problems:?}"));
        assert!(!questions.is_empty(), "{name}");
    }
}
