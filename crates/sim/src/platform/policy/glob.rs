//! The `*` and `?` wildcards of IAM's `StringLike`, `ArnLike`, actions and
//! resources.

/// Whether `text` matches `pattern`, where `*` matches any run of characters
/// and `?` any single character.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn wildcards_match_as_iam_does() {
        assert!(glob_match("kms:*", "kms:Encrypt"));
        assert!(glob_match(
            "kms:GenerateDataKey*",
            "kms:GenerateDataKeyWithoutPlaintext"
        ));
        assert!(glob_match(
            "arn:aws:iam::*:role/Admin?",
            "arn:aws:iam::111122223333:role/Admin1"
        ));
        assert!(!glob_match(
            "arn:aws:iam::*:role/Admin?",
            "arn:aws:iam::111122223333:role/Admin"
        ));
        assert!(glob_match("*", ""));
        assert!(!glob_match("a*b", "ac"));
    }
}
