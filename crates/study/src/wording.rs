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
    rate.map_or_else(|| "–".to_owned(), |r| format!("{}%", decimal(r * 100.0, 1)))
}

/// A finite `value` with `places` decimals (at most 9), as
/// `format!("{value:.places$}")` writes it, except that a value exactly
/// halfway rounds away from zero rather than to even, and a negative value
/// that rounds to zero is written without its sign. Written with integer
/// formatting only: Rust's float formatter and its tables are about 9 KiB
/// of brotli, which a page that wrote a decimal would download.
pub fn decimal(value: f64, places: u32) -> String {
    let places = places.min(9);
    let scale = 10u64.pow(places);
    // Saturates for values beyond u64, which no page shows.
    let scaled = (value.abs() * scale as f64).round() as u64;
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    let (whole, fraction) = (scaled / scale, scaled % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0width$}", width = places as usize)
    }
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
    use super::{agreeing, count, decimal, percent};

    #[test]
    fn decimals_are_written_as_the_float_formatter_writes_them() {
        for places in 0..4usize {
            for i in 0..40_000 {
                // Sevenths, and thirteenths past a million, are never
                // exactly halfway between two decimals.
                for value in [f64::from(i) / 7.0, f64::from(i) / 13.0 + 1e6] {
                    let written = decimal(value, places as u32);
                    assert_eq!(written, format!("{value:.places$}"), "{value}");
                }
            }
        }
        assert_eq!(decimal(-2.0 / 7.0, 3), "-0.286");
        // No negative zero, which the formatter writes.
        assert_eq!(decimal(-0.001, 1), "0.0");
        assert_eq!(decimal(0.9, 2), "0.90");
        // Halfway: away from zero, where the formatter rounds to even.
        assert_eq!(decimal(0.25, 1), "0.3");
        assert_eq!(decimal(-2.5, 0), "-3");
    }

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
