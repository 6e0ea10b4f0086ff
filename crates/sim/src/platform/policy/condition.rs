//! Condition keys and operators.
//!
//! Condition key names are case-insensitive, except the part of
//! `kms:EncryptionContext:<context-key>` after the prefix, which names an
//! encryption context key and is compared exactly.

use super::document::Condition;
use super::glob::glob_match;
use std::collections::BTreeMap;

/// The values of the condition keys of one request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConditionContext {
    values: BTreeMap<String, Vec<String>>,
}

const CONTEXT_PREFIX: &str = "kms:encryptioncontext:";

/// The form in which condition keys are stored and looked up.
pub fn normalize_key(key: &str) -> String {
    let lower = key.to_ascii_lowercase();
    if lower.starts_with(CONTEXT_PREFIX) {
        format!("{CONTEXT_PREFIX}{}", &key[CONTEXT_PREFIX.len()..])
    } else {
        lower
    }
}

impl ConditionContext {
    pub fn set(&mut self, key: &str, value: &str) {
        self.values
            .insert(normalize_key(key), vec![value.to_owned()]);
    }

    pub fn set_many(&mut self, key: &str, values: Vec<String>) {
        self.values.insert(normalize_key(key), values);
    }

    pub fn get(&self, key: &str) -> Option<&[String]> {
        self.values.get(&normalize_key(key)).map(Vec::as_slice)
    }
}

fn base_match(operator: &str, policy: &str, actual: &str) -> bool {
    match operator {
        "StringEquals" | "StringNotEquals" | "ArnEquals" | "ArnNotEquals" => policy == actual,
        "StringEqualsIgnoreCase" | "StringNotEqualsIgnoreCase" => {
            policy.eq_ignore_ascii_case(actual)
        }
        "StringLike" | "StringNotLike" | "ArnLike" | "ArnNotLike" => glob_match(policy, actual),
        "Bool" => policy.eq_ignore_ascii_case(actual),
        "NumericEquals" => num(policy) == num(actual) && num(policy).is_some(),
        "NumericLessThan" => matches!((num(actual), num(policy)), (Some(a), Some(p)) if a < p),
        "NumericGreaterThan" => matches!((num(actual), num(policy)), (Some(a), Some(p)) if a > p),
        _ => false,
    }
}

fn num(s: &str) -> Option<f64> {
    s.parse().ok()
}

fn negated(operator: &str) -> bool {
    operator.contains("Not")
}

/// Whether one request value satisfies the condition's value list: for a
/// positive operator any listed value may match; for a negated one none may.
fn value_satisfies(c: &Condition, actual: &str) -> bool {
    let any = c.values.iter().any(|p| base_match(&c.operator, p, actual));
    if negated(&c.operator) {
        !any
    } else {
        any
    }
}

/// Evaluates one condition against the request's condition keys.
pub fn evaluate(c: &Condition, ctx: &ConditionContext) -> bool {
    let actual = ctx.get(&c.key);
    if c.operator == "Null" {
        let wants_absent = c.values.iter().any(|v| v.eq_ignore_ascii_case("true"));
        return actual.is_none_or(<[String]>::is_empty) == wants_absent;
    }
    let values = match actual {
        None => {
            return c.if_exists
                || negated(&c.operator)
                || c.set_operator.as_deref() == Some("ForAllValues")
        }
        Some(v) => v,
    };
    match c.set_operator.as_deref() {
        Some("ForAllValues") => values.iter().all(|v| value_satisfies(c, v)),
        _ if negated(&c.operator) => values.iter().all(|v| value_satisfies(c, v)),
        _ => values.iter().any(|v| value_satisfies(c, v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(op: &str, key: &str, values: &[&str]) -> Condition {
        Condition {
            operator: op.to_owned(),
            if_exists: false,
            set_operator: None,
            key: key.to_owned(),
            values: values.iter().map(|v| v.to_string()).collect(),
        }
    }

    #[test]
    fn encryption_context_keys_keep_their_case() {
        let mut ctx = ConditionContext::default();
        ctx.set("kms:EncryptionContext:Dept", "IT");
        assert!(evaluate(
            &cond("StringEquals", "KMS:encryptioncontext:Dept", &["IT"]),
            &ctx
        ));
        assert!(!evaluate(
            &cond("StringEquals", "kms:EncryptionContext:dept", &["IT"]),
            &ctx
        ));
    }

    #[test]
    fn a_missing_key_fails_positive_operators_only() {
        let ctx = ConditionContext::default();
        assert!(!evaluate(
            &cond("StringEquals", "kms:ViaService", &["x"]),
            &ctx
        ));
        assert!(evaluate(
            &cond("StringNotEquals", "kms:ViaService", &["x"]),
            &ctx
        ));
        let mut if_exists = cond("StringEquals", "kms:ViaService", &["x"]);
        if_exists.if_exists = true;
        assert!(evaluate(&if_exists, &ctx));
        assert!(evaluate(&cond("Null", "kms:ViaService", &["true"]), &ctx));
    }

    #[test]
    fn set_operators_quantify_over_multi_valued_keys() {
        let mut ctx = ConditionContext::default();
        ctx.set_many("kms:EncryptionContextKeys", vec!["a".into(), "b".into()]);
        let mut all = cond("StringEquals", "kms:EncryptionContextKeys", &["a"]);
        all.set_operator = Some("ForAllValues".into());
        assert!(!evaluate(&all, &ctx));
        let mut any = all.clone();
        any.set_operator = Some("ForAnyValue".into());
        assert!(evaluate(&any, &ctx));
    }

    #[test]
    fn arn_like_matches_wildcards() {
        let mut ctx = ConditionContext::default();
        ctx.set("aws:PrincipalArn", "arn:aws:iam::111122223333:role/Admin");
        assert!(evaluate(
            &cond("ArnLike", "aws:PrincipalArn", &["arn:aws:iam::*:role/Ad*"]),
            &ctx
        ));
        assert!(!evaluate(
            &cond("ArnLike", "aws:PrincipalArn", &["arn:aws:iam::*:user/*"]),
            &ctx
        ));
    }
}
