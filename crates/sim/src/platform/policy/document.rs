//! The policy language: `Version`, `Statement`, `Effect`, `Principal`,
//! `Action`/`NotAction`, `Resource` and `Condition`.

use crate::platform::error::Error;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

/// A statement's `Principal` element.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PrincipalSpec {
    /// `"Principal": "*"` or `{"AWS": "*"}`.
    pub anyone: bool,
    /// ARNs and account IDs under `"AWS"`.
    pub aws: Vec<String>,
    /// Service principals under `"Service"`, such as `ssm.amazonaws.com`.
    pub service: Vec<String>,
}

/// One condition: `"<operator>": {"<key>": [<values>]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// The base operator, such as `StringLike`, without qualifiers.
    pub operator: String,
    pub if_exists: bool,
    /// `ForAllValues` or `ForAnyValue`, for multi-valued keys.
    pub set_operator: Option<String>,
    pub key: String,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub sid: Option<String>,
    pub effect: Effect,
    /// `None` in identity policies, which have no `Principal` element.
    pub principal: Option<PrincipalSpec>,
    pub actions: Vec<String>,
    /// True when the statement used `NotAction`.
    pub not_action: bool,
    pub resources: Vec<String>,
    pub conditions: Vec<Condition>,
    /// The statement as written in its policy document.
    pub raw: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PolicyDocument {
    pub statements: Vec<Statement>,
}

const OPERATORS: &[&str] = &[
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "ArnEquals",
    "ArnNotEquals",
    "ArnLike",
    "ArnNotLike",
    "Bool",
    "Null",
    "NumericEquals",
    "NumericLessThan",
    "NumericGreaterThan",
];

fn malformed(message: &str) -> Error {
    Error::MalformedPolicyDocumentException(message.to_owned())
}

/// A string or a list of strings, as most policy elements allow.
fn strings(v: &Value) -> Option<Vec<String>> {
    match v {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Bool(b) => Some(vec![b.to_string()]),
        Value::Number(n) => Some(vec![n.to_string()]),
        Value::Array(items) => items.iter().map(|i| strings(i)?.pop()).collect(),
        _ => None,
    }
}

fn principal_is_well_formed(p: &str) -> bool {
    let account_ok = |a: &str| a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit());
    if p == "*" || account_ok(p) {
        return true;
    }
    let parts: Vec<&str> = p.splitn(6, ':').collect();
    matches!(parts.as_slice(), ["arn", "aws", "iam" | "sts", "", account, resource]
        if account_ok(account) && !resource.is_empty())
}

fn parse_principal(v: &Value) -> Result<PrincipalSpec, Error> {
    let invalid = || malformed("Policy contains a statement with one or more invalid principals.");
    if v.as_str() == Some("*") {
        return Ok(PrincipalSpec {
            anyone: true,
            ..Default::default()
        });
    }
    let map = v.as_object().ok_or_else(invalid)?;
    let mut spec = PrincipalSpec::default();
    for (kind, value) in map {
        let list = strings(value).ok_or_else(invalid)?;
        match kind.as_str() {
            "AWS" => {
                if !list.iter().all(|p| principal_is_well_formed(p)) {
                    return Err(invalid());
                }
                spec.anyone |= list.iter().any(|p| p == "*");
                spec.aws.extend(list);
            }
            "Service" => spec.service.extend(list),
            _ => return Err(invalid()),
        }
    }
    Ok(spec)
}

fn parse_conditions(v: &Value) -> Result<Vec<Condition>, Error> {
    let bad = || malformed("Policy contains a statement with one or more invalid conditions.");
    let mut out = Vec::new();
    for (op, block) in v.as_object().ok_or_else(bad)? {
        let (set_operator, rest) = match op.split_once(':') {
            Some((set @ ("ForAllValues" | "ForAnyValue"), rest)) => (Some(set.to_owned()), rest),
            Some(_) => return Err(bad()),
            None => (None, op.as_str()),
        };
        let (base, if_exists) = match rest.strip_suffix("IfExists") {
            Some(base) => (base, true),
            None => (rest, false),
        };
        if !OPERATORS.contains(&base) {
            return Err(bad());
        }
        for (key, values) in block.as_object().ok_or_else(bad)? {
            out.push(Condition {
                operator: base.to_owned(),
                if_exists,
                set_operator: set_operator.clone(),
                key: key.clone(),
                values: strings(values).ok_or_else(bad)?,
            });
        }
    }
    Ok(out)
}

fn parse_statement(v: &Value, needs_principal: bool) -> Result<Statement, Error> {
    let bad = |what: &str| malformed(&format!("Policy contains a statement with {what}."));
    let obj = v.as_object().ok_or_else(|| bad("an invalid structure"))?;
    let effect = match obj.get("Effect").and_then(Value::as_str) {
        Some("Allow") => Effect::Allow,
        Some("Deny") => Effect::Deny,
        _ => return Err(bad("an invalid or missing Effect")),
    };
    let principal = match obj.get("Principal") {
        Some(p) => Some(parse_principal(p)?),
        None if needs_principal => return Err(bad("no principal")),
        None => None,
    };
    let (actions, not_action) = match (obj.get("Action"), obj.get("NotAction")) {
        (Some(a), None) => (strings(a), false),
        (None, Some(a)) => (strings(a), true),
        _ => (None, false),
    };
    let actions = actions.ok_or_else(|| bad("no actions"))?;
    let resources = obj
        .get("Resource")
        .and_then(strings)
        .ok_or_else(|| bad("no resources"))?;
    let conditions = match obj.get("Condition") {
        Some(c) => parse_conditions(c)?,
        None => Vec::new(),
    };
    Ok(Statement {
        sid: obj.get("Sid").and_then(Value::as_str).map(str::to_owned),
        effect,
        principal,
        actions,
        not_action,
        resources,
        conditions,
        raw: v.clone(),
    })
}

impl PolicyDocument {
    /// Parses a key policy, whose statements must each name a principal.
    pub fn parse_key_policy(text: &str) -> Result<PolicyDocument, Error> {
        Self::parse(text, true)
    }

    /// Parses an IAM identity policy, whose statements name no principal.
    pub fn parse_identity_policy(text: &str) -> Result<PolicyDocument, Error> {
        Self::parse(text, false)
    }

    fn parse(text: &str, needs_principal: bool) -> Result<PolicyDocument, Error> {
        let json: Value = serde_json::from_str(text)
            .map_err(|_| malformed("The policy document contains invalid JSON."))?;
        let statements = match json.get("Statement") {
            Some(Value::Array(list)) => list.iter().collect::<Vec<_>>(),
            Some(single @ Value::Object(_)) => vec![single],
            _ => return Err(malformed("The policy document has no Statement.")),
        };
        let statements = statements
            .into_iter()
            .map(|s| parse_statement(s, needs_principal))
            .collect::<Result<_, _>>()?;
        Ok(PolicyDocument { statements })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_policy_statement_without_a_principal_is_malformed() {
        let text = r#"{"Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}"#;
        assert!(matches!(
            PolicyDocument::parse_key_policy(text),
            Err(Error::MalformedPolicyDocumentException(_))
        ));
        assert!(PolicyDocument::parse_identity_policy(text).is_ok());
    }

    #[test]
    fn invalid_principals_get_aws_message() {
        let text = r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"bob"},"Action":"kms:*","Resource":"*"}]}"#;
        assert_eq!(
            PolicyDocument::parse_key_policy(text)
                .unwrap_err()
                .message(),
            Some("Policy contains a statement with one or more invalid principals.")
        );
    }

    #[test]
    fn conditions_keep_their_qualifiers() {
        let text = r#"{"Statement":{"Effect":"Deny","Principal":"*","Action":"kms:Decrypt","Resource":"*",
            "Condition":{"ForAnyValue:StringLikeIfExists":{"kms:EncryptionContextKeys":["a*","b"]}}}}"#;
        let doc = PolicyDocument::parse_key_policy(text).unwrap();
        let c = &doc.statements[0].conditions[0];
        assert_eq!(c.operator, "StringLike");
        assert!(c.if_exists);
        assert_eq!(c.set_operator.as_deref(), Some("ForAnyValue"));
        assert_eq!(c.values, vec!["a*", "b"]);
    }
}
