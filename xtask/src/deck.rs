//! `cargo xtask deck`: validates every deck file and prints what it holds.

use std::collections::BTreeMap;

use keydeck_study::card::CardKind;
use keydeck_study::deck::Deck;

use crate::{project_root, Result};

pub fn run() -> Result<()> {
    let dir = project_root().join("content/decks");
    let mut files: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "md") {
            let name = format!(
                "content/decks/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            files.push((name, std::fs::read_to_string(&path)?));
        }
    }
    files.sort();
    let deck =
        Deck::parse(files.iter().map(|(n, t)| (n.as_str(), t.as_str()))).map_err(|errors| {
            for e in &errors {
                eprintln!("{e}");
            }
            format!("{} error(s) in the decks", errors.len())
        })?;

    println!(
        "{:<26} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8}",
        "topic", "cards", "basic", "term", "cloze", "table", "+reverse"
    );
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    for topic in &deck.topics {
        let count = |k: CardKind| topic.cards.iter().filter(|c| c.kind == k).count();
        let row = CardKind::ALL.map(count);
        println!(
            "{:<26} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8}",
            topic.id,
            topic.cards.len(),
            row[0],
            row[1],
            row[2],
            row[3],
            row[1]
        );
        for (kind, n) in CardKind::ALL.iter().zip(row) {
            *totals.entry(kind.name()).or_default() += n;
        }
    }
    let written = deck.written_cards().count();
    let cited = deck
        .written_cards()
        .filter(|c| !c.source.is_empty())
        .count();
    let seed = deck.written_cards().filter(|c| c.is_seed()).count();
    let notes = deck.written_cards().filter(|c| c.note.is_some()).count();
    println!(
        "{:<26} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8}",
        "total",
        written,
        totals["basic"],
        totals["term"],
        totals["cloze"],
        totals["table"],
        totals["term"]
    );
    println!(
        "\n{} topics, {written} written cards ({seed} from the seed, {} new), {} reviewable with reverses",
        deck.topics.len(),
        written - seed,
        deck.study_cards().count()
    );
    println!(
        "citation coverage: {cited}/{written} ({:.0}%); {notes} cards carry a note on what changed",
        100.0 * cited as f64 / written.max(1) as f64
    );
    if cited < written {
        return Err("some cards cite no source".into());
    }
    Ok(())
}
