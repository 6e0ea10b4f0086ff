//! "maybe you meant": the close matches the AWS CLI offers for a mistyped
//! command, option choice or operation.
//!
//! The CLI asks Python's `difflib.get_close_matches(word, choices,
//! cutoff=0.8)`: at most three choices whose Ratcliff/Obershelp similarity
//! (`SequenceMatcher.ratio`, twice the matched characters over the total
//! length) is at least 0.8, best first. Edit-distance measures (such as
//! strsim's) disagree with it on words with a missing run of characters
//! (`gen-data-key` → `generate-data-key`), so the measure is computed
//! here the way difflib defines it
//! (<https://docs.python.org/3/library/difflib.html#difflib.SequenceMatcher.ratio>).

use std::collections::HashMap;

const CUTOFF: f64 = 0.8;
const MAX_MATCHES: usize = 3;

/// The choices close to `word`, best first, as `get_close_matches` orders
/// them (equal scores: the greater string first).
pub fn close_matches<'a>(word: &str, choices: &[&'a str]) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &'a str)> = choices
        .iter()
        .map(|c| (ratio(c, word), *c))
        .filter(|(score, _)| *score >= CUTOFF)
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| y.1.cmp(x.1)));
    scored
        .into_iter()
        .take(MAX_MATCHES)
        .map(|(_, c)| c)
        .collect()
}

/// `SequenceMatcher(None, a, b).ratio()`.
pub fn ratio(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    2.0 * matched(&a, &b) as f64 / total as f64
}

/// The number of characters in difflib's matching blocks: the longest
/// common run, then recursively the longest runs left and right of it.
fn matched(a: &[char], b: &[char]) -> usize {
    let mut positions: HashMap<char, Vec<usize>> = HashMap::new();
    for (j, c) in b.iter().enumerate() {
        positions.entry(*c).or_default().push(j);
    }
    let mut queue = vec![(0, a.len(), 0, b.len())];
    let mut total = 0;
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = longest_match(a, &positions, (alo, ahi), (blo, bhi));
        if k == 0 {
            continue;
        }
        total += k;
        if alo < i && blo < j {
            queue.push((alo, i, blo, j));
        }
        if i + k < ahi && j + k < bhi {
            queue.push((i + k, ahi, j + k, bhi));
        }
    }
    total
}

/// `find_longest_match`: the longest common run of `a[alo..ahi]` and
/// `b[blo..bhi]`, the earliest in `a` (then in `b`) among equals.
fn longest_match(
    a: &[char],
    positions: &HashMap<char, Vec<usize>>,
    (alo, ahi): (usize, usize),
    (blo, bhi): (usize, usize),
) -> (usize, usize, usize) {
    let (mut best_i, mut best_j, mut best) = (alo, blo, 0);
    let mut run_ending_at: HashMap<usize, usize> = HashMap::new();
    for (i, c) in a.iter().enumerate().take(ahi).skip(alo) {
        let mut next: HashMap<usize, usize> = HashMap::new();
        for &j in positions.get(c).map(Vec::as_slice).unwrap_or_default() {
            if j < blo {
                continue;
            }
            if j >= bhi {
                break;
            }
            let k = j
                .checked_sub(1)
                .and_then(|p| run_ending_at.get(&p))
                .copied()
                .unwrap_or(0)
                + 1;
            next.insert(j, k);
            if k > best {
                (best_i, best_j, best) = (i + 1 - k, j + 1 - k, k);
            }
        }
        run_ending_at = next;
    }
    (best_i, best_j, best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_match_difflib() {
        // Values from Python 3: difflib.SequenceMatcher(None, a, b).ratio()
        assert!((ratio("encrypt", "encrpyt") - 12.0 / 14.0).abs() < 1e-12);
        assert!((ratio("generate-data-key", "gen-data-key") - 24.0 / 29.0).abs() < 1e-12);
        assert_eq!(ratio("abc", "xyz"), 0.0);
    }

    #[test]
    fn close_matches_are_best_first_and_at_most_three() {
        let choices = [
            "list-keys",
            "list-key-policies",
            "list-aliases",
            "list-grants",
        ];
        assert_eq!(close_matches("list-key", &choices), vec!["list-keys"]);
        assert!(close_matches("zzz", &choices).is_empty());
    }
}
