//! DeleteParameter and DeleteParameters: a parameter goes with all its
//! versions and labels
//! (<https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DeleteParameters.html>).

use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::Request;
use crate::ssm::store::Ssm;
use serde_json::{json, Value};

pub fn delete_parameter(
    ssm: &mut Ssm,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    let name = r.required_string("Name", 1, 2048).unwrap_or_default();
    r.finish()?;
    ssm.parameters_mut(env)
        .remove(&name)
        .ok_or(Error::ParameterNotFound)?;
    Ok(json!({}))
}

/// Up to 10 names; those that name nothing come back in InvalidParameters.
pub fn delete_parameters(
    ssm: &mut Ssm,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    let names = r.required_string_list("Names", 10);
    r.finish()?;
    let params = ssm.parameters_mut(env);
    let (deleted, invalid): (Vec<String>, Vec<String>) = names
        .unwrap_or_default()
        .into_iter()
        .partition(|n| params.remove(n).is_some());
    Ok(json!({"DeletedParameters": deleted, "InvalidParameters": invalid}))
}
