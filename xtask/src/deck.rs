//! `cargo xtask deck`: validates every deck and question file and prints
//! what they hold.

use std::collections::BTreeMap;

use keydeck_study::card::CardKind;
use keydeck_study::deck::Deck;
use keydeck_study::quiz::{
    parse_questions, KindCounts, Question, QuestionBank, QuestionKind, TaskStatement,
};

use crate::{project_root, Result};

pub fn run() -> Result<()> {
    let files = markdown_files("content/decks")?;
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
    // Every card cites a page: the parser refuses one that does not.
    let pages: std::collections::BTreeSet<&str> =
        deck.written_cards().map(|c| c.source.as_str()).collect();
    let seed = deck.written_cards().filter(|c| c.from_seed_deck()).count();
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
        "citations: {written} cards cite {} AWS pages; {notes} cards carry a note on what changed",
        pages.len()
    );
    questions(deck)
}

/// Validates `content/questions/` against the deck and prints how many
/// questions each topic has by kind, written and generated from cards.
fn questions(deck: Deck) -> Result<()> {
    let files = markdown_files("content/questions")?;
    let written = parse_questions(files.iter().map(|(n, t)| (n.as_str(), t.as_str())), &deck)
        .map_err(|errors| {
            for e in &errors {
                eprintln!("{e}");
            }
            format!("{} error(s) in the questions", errors.len())
        })?;
    let bank = QuestionBank::new(deck, written);
    let counts = bank.counts();
    println!();
    print_counts("hand-written questions", &counts.written);
    println!();
    print_counts("generated from cards", &counts.generated);
    println!();
    print_tasks(bank.written());
    let generated: usize = counts.generated.iter().map(|(_, c)| c.total()).sum();
    println!(
        "\n{} hand-written questions in {} files; the cards can generate {generated} more",
        bank.written().len(),
        files.len()
    );
    Ok(())
}

/// Hand-written questions per DVA-C02 task statement, and how many are
/// scenarios (see [`Question::is_scenario`]).
fn print_tasks(written: &[Question]) {
    let label = |task: TaskStatement| format!("{task} {}", task.title());
    let width = TaskStatement::all()
        .map(|t| label(t).len())
        .max()
        .unwrap_or(0);
    let row = |label: &str, served: &[&Question]| {
        let scenarios = served.iter().filter(|q| q.is_scenario()).count();
        println!("{label:<width$} {:>6} {:>9}", served.len(), scenarios);
    };
    println!(
        "{:<width$} {:>6} {:>9}",
        "DVA-C02 task statement", "total", "scenario"
    );
    for task in TaskStatement::all() {
        let served: Vec<&Question> = written.iter().filter(|q| q.task == Some(task)).collect();
        row(&label(task), &served);
    }
    let all: Vec<&Question> = written.iter().collect();
    row("total", &all);
    println!(
        "\n{} of {} hand-written questions are scenarios: single or multi, with a stem of two or more sentences that ends in a question",
        all.iter().filter(|q| q.is_scenario()).count(),
        written.len()
    );
}

fn print_counts(title: &str, rows: &[(String, KindCounts)]) {
    let names = QuestionKind::ALL.map(QuestionKind::name);
    print!("{title:<26} {:>6}", "total");
    for name in names {
        print!(" {name:>9}");
    }
    println!();
    let mut totals = KindCounts::default();
    for (topic, counts) in rows {
        print_row(topic, counts);
        for (i, n) in counts.0.iter().enumerate() {
            totals.0[i] += n;
        }
    }
    print_row("total", &totals);
}

fn print_row(label: &str, counts: &KindCounts) {
    print!("{label:<26} {:>6}", counts.total());
    for n in counts.0 {
        print!(" {n:>9}");
    }
    println!();
}

/// `(path from the project root, text)` of every `.md` file in `dir`, sorted.
fn markdown_files(dir: &str) -> Result<Vec<(String, String)>> {
    let mut files: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(project_root().join(dir))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "md") {
            let name = format!(
                "{dir}/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            files.push((name, std::fs::read_to_string(&path)?));
        }
    }
    files.sort();
    Ok(files)
}
