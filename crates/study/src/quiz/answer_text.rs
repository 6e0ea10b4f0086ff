//! When two answers say the same thing: typed answers are graded, and
//! generated options are told apart, on a normal form that ignores case,
//! spacing and punctuation and reads known synonyms as one name.

/// Names that mean the same thing, applied to whole words from top to
/// bottom (longer phrases first), each left side becoming its right side.
///
/// AWS renamed "customer master key (CMK)" to "KMS key" in 2021, and
/// "customer managed CMK" to "customer managed key"
/// (<https://docs.aws.amazon.com/kms/latest/developerguide/dochistory.html>);
/// older study material and exam questions still use the old names.
/// "KMS" is "AWS Key Management Service"
/// (<https://docs.aws.amazon.com/kms/latest/developerguide/overview.html>).
///
/// | Written                        | Read as                  |
/// |--------------------------------|--------------------------|
/// | customer managed CMK(s)        | customer managed key(s)  |
/// | customer managed KMS key(s)    | customer managed key(s)  |
/// | customer master key(s)         | KMS key(s)               |
/// | CMK(s)                         | KMS key(s)               |
/// | Key Management Service         | KMS                      |
pub const SYNONYMS: &[(&str, &str)] = &[
    ("customer managed cmks", "customer managed keys"),
    ("customer managed cmk", "customer managed key"),
    ("customer managed kms keys", "customer managed keys"),
    ("customer managed kms key", "customer managed key"),
    ("customer master keys", "kms keys"),
    ("customer master key", "kms key"),
    ("cmks", "kms keys"),
    ("cmk", "kms key"),
    ("key management service", "kms"),
];

/// The normal form: lowercase words with synonyms replaced, joined with no
/// space, so "Rotate-Key on demand" and "RotateKeyOnDemand" compare equal.
pub fn normalize(text: &str) -> String {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::with_capacity(lower.len());
    let mut i = 0;
    while i < words.len() {
        let synonym = SYNONYMS
            .iter()
            .find_map(|(from, to)| phrase_at(&words[i..], from).map(|len| (len, to)));
        match synonym {
            Some((len, to)) => {
                out.extend(to.split(' '));
                i += len;
            }
            None => {
                out.push_str(words[i]);
                i += 1;
            }
        }
    }
    out
}

/// The number of words of `phrase` if `words` starts with it.
fn phrase_at(words: &[&str], phrase: &str) -> Option<usize> {
    let mut len = 0;
    for part in phrase.split(' ') {
        if words.get(len) != Some(&part) {
            return None;
        }
        len += 1;
    }
    Some(len)
}

/// Whether two texts say the same thing once normalized.
pub fn same(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

/// Whether a typed answer matches one of the accepted ones.
pub fn accepts(accept: &[String], given: &str) -> bool {
    let given = normalize(given);
    !given.is_empty() && accept.iter().any(|a| normalize(a) == given)
}

/// The names a learner may type for a term: the whole term, the part before
/// a closing parenthesis, and that parenthesis itself when it is another name
/// (it starts with a capital or digit): "KMS (Key Management Service)" gives
/// "KMS" and "Key Management Service"; "Grant (created with CreateGrant)"
/// gives "Grant" only.
pub fn term_names(term: &str) -> Vec<String> {
    let term = term.trim();
    let mut names = vec![term.to_owned()];
    if let (Some(open), true) = (term.rfind('('), term.ends_with(')')) {
        let before = term[..open].trim();
        let inner = term[open + 1..term.len() - 1].trim();
        if !before.is_empty() {
            names.push(before.to_owned());
        }
        if inner
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            names.push(inner.to_owned());
        }
    }
    let mut distinct: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        if !distinct.iter().any(|d| same(d, &name)) {
            distinct.push(name);
        }
    }
    distinct
}

/// Whether two terms share a name, so that one is a right answer for the other.
pub fn terms_overlap(a: &str, b: &str) -> bool {
    let b_names: Vec<String> = term_names(b).iter().map(|n| normalize(n)).collect();
    term_names(a)
        .iter()
        .any(|n| b_names.contains(&normalize(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_spacing_and_punctuation_do_not_matter() {
        assert_eq!(normalize("Rotate-Key on demand!"), "rotatekeyondemand");
        assert!(same("RotateKeyOnDemand", "  rotate key on-demand "));
        assert!(same("`kms:ReEncrypt`", "KMS ReEncrypt"));
    }

    #[test]
    fn old_key_names_read_as_the_current_ones() {
        assert!(same("CMK", "KMS key"));
        assert!(same("customer master keys", "KMS keys"));
        assert!(same("customer managed CMK", "customer managed key"));
        assert!(same("AWS Key Management Service", "AWS KMS"));
        assert!(!same("customer managed key", "KMS key"));
    }

    #[test]
    fn a_term_answers_to_its_short_names() {
        assert_eq!(
            term_names("AWS Certificate Manager (ACM)"),
            [
                "AWS Certificate Manager (ACM)",
                "AWS Certificate Manager",
                "ACM"
            ]
        );
        // "Key Management Service" is a synonym of "KMS", so it adds no name.
        assert_eq!(
            term_names("KMS (Key Management Service)"),
            ["KMS (Key Management Service)", "KMS"]
        );
        assert_eq!(
            term_names("US East (N. Virginia) Region (us-east-1)"),
            [
                "US East (N. Virginia) Region (us-east-1)",
                "US East (N. Virginia) Region"
            ]
        );
        assert_eq!(
            term_names("Grant (created with CreateGrant)"),
            ["Grant (created with CreateGrant)", "Grant"]
        );
        assert!(terms_overlap("AWS Certificate Manager (ACM)", "ACM"));
        assert!(terms_overlap(
            "KMS Multi-Region Keys",
            "KMS multi-region keys"
        ));
        assert!(!terms_overlap(
            "KMS key (AWS KMS key)",
            "KMS (Key Management Service)"
        ));
    }

    #[test]
    fn an_empty_answer_is_never_right() {
        assert!(!accepts(&["".into()], "  ...  "));
    }
}
