//! Checks on a walkthrough's words: ids, titles, narration, sources and the
//! cards it relates to.

use std::collections::HashSet;

use super::error::Problem;
use crate::content_file::{is_aws_source, is_kebab_case};
use crate::deck::Deck;
use crate::walkthrough::model::Walkthrough;

/// Counts sentences: a `.`, `!` or `?` followed by a space or the end, outside
/// `code spans`. Write "for example" rather than an abbreviation with a dot.
pub fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut in_code = false;
    let mut count = 0;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '`' => in_code = !in_code,
            // In "?!" or "...", only the last mark meets the space.
            '.' | '!' | '?' if !in_code && chars.get(i + 1).is_none_or(|n| n.is_whitespace()) => {
                count += 1;
            }
            _ => {}
        }
    }
    count
}

/// Problems with the walkthrough's own id, title, summary and sources.
pub(super) fn check_heading(w: &Walkthrough) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !is_kebab_case(w.id) {
        problems.push(Problem::BadId(w.id.to_owned()));
    }
    if w.title.trim().is_empty() {
        problems.push(Problem::EmptyText("title"));
    }
    if w.summary.trim().is_empty() {
        problems.push(Problem::EmptyText("summary"));
    }
    if w.steps.is_empty() {
        problems.push(Problem::NoSteps);
    }
    if w.sources.is_empty() {
        problems.push(Problem::NoSources);
    }
    let mut seen = HashSet::new();
    for url in w.sources {
        if !is_aws_source(url) {
            problems.push(Problem::BadSource((*url).to_owned()));
        }
        if !seen.insert(*url) {
            problems.push(Problem::DuplicateSource((*url).to_owned()));
        }
    }
    problems
}

/// Problems with one step's title and narration.
pub(super) fn check_words(title: &str, narration: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    if title.trim().is_empty() {
        problems.push(Problem::EmptyText("step title"));
    }
    if narration.trim().is_empty() {
        problems.push(Problem::EmptyText("narration"));
    } else {
        let n = sentences(narration);
        if !(2..=5).contains(&n) {
            problems.push(Problem::NarrationLength(n));
        }
    }
    problems
}

/// Related cards that the deck does not have.
pub(super) fn check_cards(w: &Walkthrough, deck: &Deck) -> Vec<Problem> {
    w.related_cards
        .iter()
        .filter(|id| deck.card(id).is_none())
        .map(|id| Problem::UnknownCard((*id).to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids_are_lowercase_words_joined_by_single_hyphens() {
        assert!(is_kebab_case("snapshot-copy"));
        assert!(is_kebab_case("key-b2"));
        for bad in ["", "Snapshot", "snap--copy", "-snap", "snap-", "snap_copy"] {
            assert!(!is_kebab_case(bad), "{bad:?}");
        }
    }

    #[test]
    fn sources_are_https_docs_aws_amazon_com_or_aws_amazon_com_pages() {
        for good in [
            "https://docs.aws.amazon.com/kms/latest/developerguide/data-keys.html",
            "https://docs.aws.amazon.com/",
            "https://aws.amazon.com/blogs/security/x",
        ] {
            assert!(is_aws_source(good), "{good}");
        }
        for bad in [
            "http://docs.aws.amazon.com/kms/",
            "http://aws.amazon.com/blogs/security/x",
            "https://docs.aws.amazon.com.example.com/kms",
            "https://example.com/kms",
            "https://docs.aws.amazon.com/kms latest",
        ] {
            assert!(!is_aws_source(bad), "{bad}");
        }
    }

    #[test]
    fn sentences_end_at_a_stop_before_a_space_outside_code() {
        assert_eq!(sentences("One. Two? Three!"), 3);
        assert_eq!(sentences("Call `kms:Decrypt. Now` once."), 1);
        assert_eq!(sentences("Values up to 4.096 KB... fit."), 2);
        assert_eq!(sentences("No stop"), 0);
    }
}
