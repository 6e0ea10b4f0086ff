//! A well-formed card for the deck parser's tests to build files around.

pub const GOOD_CARD: &str = "## good-card
kind: basic
source: https://docs.aws.amazon.com/kms/latest/developerguide/overview.html

### Front
What does KMS stand for?

### Back
Key Management Service
";
