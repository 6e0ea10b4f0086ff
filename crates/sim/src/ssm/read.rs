//! Reading parameters: GetParameter, GetParameters and GetParameterHistory,
//! with `name:version` and `name:label` selectors and WithDecryption
//! (<https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html>).

use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::paging::{window, with_marker};
use crate::platform::request::Request;
use crate::ssm::parameter::{Parameter, ParameterType, Version};
use crate::ssm::secure_string::open;
use crate::ssm::store::{select, Ssm};
use serde_json::{json, Map, Value};

/// The value a read returns: a SecureString's plaintext only with
/// decryption, else its ciphertext in base64, as AWS does.
pub fn shown_value(
    p: &Parameter,
    v: &Version,
    decrypt: bool,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
) -> Result<String, Error> {
    if decrypt && v.kind == ParameterType::SecureString {
        open(via, env, &p.arn, &v.value)
    } else {
        Ok(v.value.clone())
    }
}

/// The API's `Parameter` structure.
pub fn view(
    p: &Parameter,
    v: &Version,
    selector: Option<String>,
    decrypt: bool,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
) -> Result<Value, Error> {
    let mut m = Map::new();
    m.insert("Name".into(), json!(p.name));
    m.insert("Type".into(), json!(v.kind.as_str()));
    m.insert("Value".into(), json!(shown_value(p, v, decrypt, env, via)?));
    m.insert("Version".into(), json!(v.version));
    if let Some(s) = selector {
        m.insert("Selector".into(), json!(s));
    }
    m.insert("LastModifiedDate".into(), json!(v.last_modified));
    m.insert("ARN".into(), json!(p.arn));
    m.insert("DataType".into(), json!(v.data_type.as_str()));
    Ok(Value::Object(m))
}

pub fn get_parameter(
    ssm: &mut Ssm,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    let name = r.required_string("Name", 1, 2048).unwrap_or_default();
    let decrypt = r.bool("WithDecryption").unwrap_or(false);
    r.finish()?;
    let (p, v, selector) = select(ssm, env, &name)?;
    Ok(json!({"Parameter": view(p, v, selector, decrypt, env, via)?}))
}

/// Up to 10 names at once; the names that match nothing come back in
/// InvalidParameters rather than as an error.
pub fn get_parameters(
    ssm: &mut Ssm,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    let names = r.required_string_list("Names", 10);
    let decrypt = r.bool("WithDecryption").unwrap_or(false);
    r.finish()?;
    let (mut found, mut invalid) = (Vec::new(), Vec::new());
    for name in names.unwrap_or_default() {
        match select(ssm, env, &name) {
            Ok((p, v, selector)) => found.push(view(p, v, selector, decrypt, env, via)?),
            Err(Error::ParameterNotFound | Error::ParameterVersionNotFound(_)) => {
                invalid.push(name)
            }
            Err(e) => return Err(e),
        }
    }
    Ok(json!({"Parameters": found, "InvalidParameters": invalid}))
}

/// Every version still kept, oldest first, 50 to a page at most.
pub fn get_parameter_history(
    ssm: &mut Ssm,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    let name = r.required_string("Name", 1, 2048).unwrap_or_default();
    let decrypt = r.bool("WithDecryption").unwrap_or(false);
    let limit = r.int("MaxResults", 1, 50).unwrap_or(50);
    let token = r.string("NextToken", 0, usize::MAX);
    r.finish()?;
    let p = ssm.find(env, &name)?;
    let (range, next) =
        window(p.versions.len(), limit as usize, token.as_deref()).ok_or_else(bad_token)?;
    let mut history = Vec::new();
    for v in &p.versions[range] {
        let mut entry = p.metadata(v);
        let m = entry.as_object_mut().expect("metadata is an object");
        m.remove("ARN");
        m.insert("Value".into(), json!(shown_value(p, v, decrypt, env, via)?));
        m.insert("Labels".into(), json!(v.labels));
        history.push(entry);
    }
    Ok(page(json!({"Parameters": history}), next))
}

/// A paged answer: `NextToken` only when there is more.
pub fn page(answer: Value, next: Option<String>) -> Value {
    with_marker(answer, "NextToken", next)
}

/// AWS documents the exception's description only; it is the message here.
pub fn bad_token() -> Error {
    Error::InvalidNextToken("The specified token isn't valid.".to_owned())
}
