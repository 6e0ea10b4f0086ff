//! Labels on parameter versions: LabelParameterVersion and
//! UnlabelParameterVersion. A label names one version of a parameter at a
//! time (labelling another version moves it), a version carries at most 10,
//! and a label that breaks the naming rules comes back in InvalidLabels
//! (<https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_LabelParameterVersion.html>).

use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::Request;
use crate::ssm::parameter::{Parameter, MAX_LABELS_PER_VERSION};
use crate::ssm::store::Ssm;
use serde_json::{json, Value};

/// At most 100 letters, digits, `.`, `-` or `_`, not beginning with a digit,
/// `aws` or `ssm` (case-insensitive).
pub fn valid_label(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    let allowed = |c: char| c.is_ascii_alphanumeric() || ".-_".contains(c);
    (1..=100).contains(&label.len())
        && label.chars().all(allowed)
        && !label.starts_with(|c: char| c.is_ascii_digit())
        && !lower.starts_with("aws")
        && !lower.starts_with("ssm")
}

fn read(
    request: &Value,
    version_required: bool,
) -> Result<(String, Option<u64>, Vec<String>), Error> {
    let mut r = Request::new(request)?;
    let name = r.required_string("Name", 1, 2048).unwrap_or_default();
    let version = if version_required {
        r.required_int("ParameterVersion", 1, i64::MAX)
    } else {
        r.int("ParameterVersion", 1, i64::MAX)
    };
    let labels = r.required_string_list("Labels", 10);
    r.finish()?;
    Ok((name, version.map(|v| v as u64), labels.unwrap_or_default()))
}

fn version_not_found(name: &str, n: u64) -> Error {
    Error::ParameterVersionNotFound(format!(
        "Systems Manager could not find version {n} of {name}. Verify the version and try again."
    ))
}

fn index_of(p: &Parameter, n: u64) -> Result<usize, Error> {
    p.versions
        .iter()
        .position(|v| v.version == n)
        .ok_or_else(|| version_not_found(&p.name, n))
}

pub fn label_parameter_version(
    ssm: &mut Ssm,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let (name, version, labels) = read(request, false)?;
    let p = ssm.find_mut(env, &name)?;
    let n = version.unwrap_or_else(|| p.latest().version);
    let at = index_of(p, n)?;
    let (valid, invalid): (Vec<String>, Vec<String>) =
        labels.into_iter().partition(|l| valid_label(l));
    let mut after = p.versions[at].labels.clone();
    after.extend(
        valid
            .iter()
            .filter(|l| !after.contains(l))
            .cloned()
            .collect::<Vec<_>>(),
    );
    if after.len() > MAX_LABELS_PER_VERSION {
        // Moto's tests record AWS's message, missing space and all.
        return Err(Error::ParameterVersionLabelLimitExceeded("An error occurred (ParameterVersionLabelLimitExceeded) when calling the LabelParameterVersion operation: A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.".to_owned()));
    }
    for other in p.versions.iter_mut() {
        other.labels.retain(|l| !valid.contains(l));
    }
    p.versions[at].labels = after;
    Ok(json!({"InvalidLabels": invalid, "ParameterVersion": n}))
}

pub fn unlabel_parameter_version(
    ssm: &mut Ssm,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let (name, version, labels) = read(request, true)?;
    let p = ssm.find_mut(env, &name)?;
    let at = index_of(p, version.unwrap_or_default())?;
    let held = &mut p.versions[at].labels;
    let (removed, invalid): (Vec<String>, Vec<String>) =
        labels.into_iter().partition(|l| held.contains(l));
    held.retain(|l| !removed.contains(l));
    Ok(json!({"RemovedLabels": removed, "InvalidLabels": invalid}))
}
