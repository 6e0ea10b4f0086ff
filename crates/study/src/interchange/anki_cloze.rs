//! Anki's cloze notes as KeyDeck cloze cards. Anki hides each numbered
//! deletion (`{{c1::answer}}`, `{{c2::answer::hint}}`) on a card of its own
//! (<https://docs.ankiweb.net/editing.html#cloze-deletion>); KeyDeck's cloze
//! card hides one part, `{{answer}}`, so a note gives a card per number.

use super::anki::split_source;
use super::draft::Row;
use super::text::{CLOZE_CLOSE, CLOZE_OPEN};
use crate::card::CardKind;
use crate::content_file::is_kebab_case;

/// A cloze note's cards: one per cloze number, that number's deletion
/// hidden and the others shown. An empty "Back Extra" repeats the answer.
pub(super) fn cloze_rows(
    fields: &[&str],
    guid: Option<&str>,
    convert: &dyn Fn(&str) -> String,
) -> Vec<Row> {
    let text = fields.first().copied().unwrap_or("");
    let (extra, source) = split_source(convert(fields.get(1).copied().unwrap_or("")));
    let mut numbers = cloze_numbers(text);
    let several = numbers.len() > 1;
    if numbers.is_empty() {
        // No deletion: the deck parser says what a cloze card needs.
        numbers.push(0);
    }
    numbers
        .into_iter()
        .map(|n| {
            let front = convert(&mark_cloze(text, n));
            let back = match extra.trim() {
                "" => hidden(&front).to_owned(),
                _ => extra.clone(),
            };
            let id = guid.map(|g| match (several, is_kebab_case(g)) {
                (false, _) => g.to_owned(),
                (true, true) => format!("{g}-c{n}"),
                (true, false) => format!("{g} c{n}"),
            });
            Row {
                id,
                kind: Some(CardKind::Cloze),
                front,
                back,
                source: source.clone(),
                ..Row::default()
            }
        })
        .collect()
}

/// The cloze numbers of `{{c1::…}}` deletions in `text`, each once, in order.
fn cloze_numbers(text: &str) -> Vec<u32> {
    let mut numbers: Vec<u32> = deletions(text).map(|(n, _, _)| n).collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

/// Each deletion: its number, its byte range and its answer (without hint).
fn deletions(text: &str) -> impl Iterator<Item = (u32, std::ops::Range<usize>, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let start = at + text[at..].find("{{c")?;
        let digits = text[start + 3..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let inner = start + 3 + digits + 2;
        at = start + 3;
        if digits == 0 || text.get(start + 3 + digits..inner) != Some("::") {
            continue;
        }
        let end = inner + text[inner..].find("}}")?;
        at = end + 2;
        let number = text[start + 3..start + 3 + digits].parse().ok()?;
        let answer = text[inner..end].split("::").next().unwrap_or("");
        return Some((number, start..end + 2, answer));
    })
}

/// `text` with cloze `number` marked as KeyDeck's one hidden part and the
/// other deletions shown as their answers.
fn mark_cloze(text: &str, number: u32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (n, range, answer) in deletions(text) {
        out.push_str(&text[last..range.start]);
        if n == number {
            out.push(CLOZE_OPEN);
            out.push_str(answer);
            out.push(CLOZE_CLOSE);
        } else {
            out.push_str(answer);
        }
        last = range.end;
    }
    out.push_str(&text[last..]);
    out
}

/// The hidden part of a KeyDeck cloze front.
fn hidden(front: &str) -> &str {
    front
        .split_once("{{")
        .and_then(|(_, rest)| rest.split_once("}}"))
        .map_or("", |(inside, _)| inside)
}
