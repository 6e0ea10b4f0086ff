//! How numbers are put into words on the pages.

/// `n` with `noun`, plural unless `n` is 1: "1 card", "2 cards", "0 days".
/// For nouns whose plural adds an "s", which are all the site uses.
pub fn count<N>(n: N, noun: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    let plural = if n == N::from(1) { "" } else { "s" };
    format!("{n} {noun}{plural}")
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(count(1, "card"), "1 card");
        assert_eq!(count(0, "card"), "0 cards");
        assert_eq!(count(2_usize, "new card"), "2 new cards");
        assert_eq!(count(1_u32, "review"), "1 review");
    }
}
