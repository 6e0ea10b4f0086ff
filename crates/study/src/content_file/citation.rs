//! The one rule for a page that content cites (a card's, a question's or
//! an option's `source:`, a lab's `source:` lines, a walkthrough's sources).

/// Where a cited page may be: the AWS documentation, or aws.amazon.com
/// (the AWS blogs and the certification pages).
const HOSTS: [&str; 2] = ["https://docs.aws.amazon.com/", "https://aws.amazon.com/"];

/// The rule in words, for error messages: "source … must be {AWS_SOURCE}".
pub const AWS_SOURCE: &str = "an https://docs.aws.amazon.com/ or https://aws.amazon.com/ page";

/// Whether `url` may be cited: an `https://docs.aws.amazon.com/` or
/// `https://aws.amazon.com/` address (`http://` and other hosts are
/// refused), with no blank, quote or angle bracket that would break the
/// link.
pub fn is_aws_source(url: &str) -> bool {
    HOSTS.iter().any(|host| url.starts_with(host))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>'))
}
