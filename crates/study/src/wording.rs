//! How numbers are put into words on the pages.

/// `n` with `noun`, plural unless `n` is 1: "1 card", "2 cards", "0 days".
/// For nouns whose plural adds an "s", which are all the site uses.
pub fn count<N>(n: N, noun: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    let plural = agreeing(&n, "", "s");
    format!("{n} {noun}{plural}")
}

/// A rate as a percent with one decimal ("87.5%"), or a dash when there is
/// no rate to show (no reviews yet).
pub fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "–".to_owned(), |r| format!("{:.1}%", r * 100.0))
}

/// `one` if `n` is 1, `many` otherwise: the words that agree with a count,
/// as in "1 question is", "2 questions are".
pub fn agreeing<'a, N>(n: &N, one: &'a str, many: &'a str) -> &'a str
where
    N: PartialEq + From<u8>,
{
    if *n == N::from(1) {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::{agreeing, count, percent};

    #[test]
    fn a_rate_is_a_percent_with_one_decimal_or_a_dash() {
        assert_eq!(percent(Some(0.875)), "87.5%");
        assert_eq!(percent(Some(1.0)), "100.0%");
        assert_eq!(percent(Some(0.0)), "0.0%");
        assert_eq!(percent(None), "–");
    }

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(count(1, "card"), "1 card");
        assert_eq!(count(0, "card"), "0 cards");
        assert_eq!(count(2_usize, "new card"), "2 new cards");
        assert_eq!(count(1_u32, "review"), "1 review");
    }

    #[test]
    fn words_agree_with_one_and_with_every_other_number() {
        assert_eq!(agreeing(&1_usize, "is", "are"), "is");
        assert_eq!(agreeing(&0_usize, "is", "are"), "are");
        assert_eq!(agreeing(&3_usize, "is", "are"), "are");
    }
}
