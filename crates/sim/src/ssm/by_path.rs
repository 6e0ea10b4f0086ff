//! Reading a hierarchy: GetParametersByPath (one level, or Recursive) and
//! DescribeParameters, with ParameterFilters and NextToken/MaxResults paging
//! (<https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParametersByPath.html>,
//! <https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_ParameterStringFilter.html>).

use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::paging::window;
use crate::platform::request::Request;
use crate::ssm::parameter::{hierarchy_too_deep, levels, Parameter, MAX_LEVELS};
use crate::ssm::read::{bad_token, page, view};
use crate::ssm::store::Ssm;
use serde_json::{json, Value};

/// One ParameterStringFilter: a key, `Equals` or `BeginsWith` (or for
/// `Path`, `OneLevel` or `Recursive`), and values, any of which may match.
struct Filter {
    key: String,
    option: String,
    values: Vec<String>,
}

fn filters(raw: Option<&Value>) -> Result<Vec<Filter>, Error> {
    let Some(list) = raw.and_then(Value::as_array) else {
        return Ok(Vec::new());
    };
    list.iter()
        .map(|f| {
            let text = |v: &Value| v.as_str().map(str::to_owned);
            let key = text(&f["Key"]).ok_or_else(|| {
                Error::validation(&["Value null at 'parameterFilters.1.member.key' failed to satisfy constraint: Member must not be null".to_owned()])
            })?;
            let default = if key == "Path" { "OneLevel" } else { "Equals" };
            Ok(Filter {
                option: text(&f["Option"]).unwrap_or_else(|| default.to_owned()),
                values: f["Values"]
                    .as_array()
                    .map(|a| a.iter().filter_map(text).collect())
                    .unwrap_or_default(),
                key,
            })
        })
        .collect()
}

/// Whether the parameter's latest version passes the filter.
fn passes(p: &Parameter, f: &Filter) -> bool {
    let v = p.latest();
    let field: Vec<String> = match f.key.as_str() {
        "Name" => vec![p.name.clone()],
        "Type" => vec![v.kind.as_str().to_owned()],
        "KeyId" => v.key_id.clone().into_iter().collect(),
        "Tier" => vec![v.tier.as_str().to_owned()],
        "DataType" => vec![v.data_type.as_str().to_owned()],
        "Label" => p.versions.iter().flat_map(|v| v.labels.clone()).collect(),
        "Path" => {
            let recursive = f.option == "Recursive";
            return f.values.iter().any(|path| under(&p.name, path, recursive));
        }
        _ => return true,
    };
    let begins = f.option == "BeginsWith";
    field.iter().any(|x| {
        f.values.iter().any(|want| {
            if begins {
                x.starts_with(want.as_str())
            } else {
                x == want
            }
        })
    })
}

/// Whether `name` is directly under `path`, or anywhere beneath it.
pub fn under(name: &str, path: &str, recursive: bool) -> bool {
    let path = path.trim_end_matches('/');
    let Some(rest) = name.strip_prefix(path).and_then(|r| r.strip_prefix('/')) else {
        return false;
    };
    !rest.is_empty() && (recursive || !rest.contains('/'))
}

fn check_path(path: &str) -> Result<(), Error> {
    if !path.starts_with('/') {
        return Err(Error::ValidationException(
            "The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash \"/\".".to_owned(),
        ));
    }
    if levels(path) > MAX_LEVELS {
        return Err(hierarchy_too_deep());
    }
    Ok(())
}

pub fn get_parameters_by_path(
    ssm: &mut Ssm,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    let path = r.required_string("Path", 1, 2048).unwrap_or_default();
    let recursive = r.bool("Recursive").unwrap_or(false);
    let decrypt = r.bool("WithDecryption").unwrap_or(false);
    let limit = r.int("MaxResults", 1, 10).unwrap_or(10);
    let token = r.string("NextToken", 0, usize::MAX);
    let filters = filters(r.raw("ParameterFilters"));
    r.finish()?;
    check_path(&path)?;
    let filters = filters?;
    let matching: Vec<&Parameter> = ssm
        .parameters(env)
        .filter(|p| under(&p.name, &path, recursive))
        .filter(|p| filters.iter().all(|f| passes(p, f)))
        .collect();
    let (range, next) =
        window(matching.len(), limit as usize, token.as_deref()).ok_or_else(bad_token)?;
    let mut found = Vec::new();
    for p in &matching[range] {
        found.push(view(p, p.latest(), None, decrypt, env, via)?);
    }
    Ok(page(json!({"Parameters": found}), next))
}

pub fn describe_parameters(
    ssm: &mut Ssm,
    env: &Env<'_>,
    _via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    let limit = r.int("MaxResults", 1, 50).unwrap_or(50);
    let token = r.string("NextToken", 0, usize::MAX);
    let filters = filters(r.raw("ParameterFilters"));
    r.finish()?;
    let filters = filters?;
    for f in filters.iter().filter(|f| f.key == "Path") {
        f.values.iter().try_for_each(|p| check_path(p))?;
    }
    let matching: Vec<Value> = ssm
        .parameters(env)
        .filter(|p| filters.iter().all(|f| passes(p, f)))
        .map(|p| p.metadata(p.latest()))
        .collect();
    let (range, next) =
        window(matching.len(), limit as usize, token.as_deref()).ok_or_else(bad_token)?;
    Ok(page(json!({"Parameters": matching[range]}), next))
}

#[cfg(test)]
mod tests {
    use super::under;

    #[test]
    fn one_level_excludes_deeper_names_and_recursive_includes_them() {
        assert!(under("/app/db", "/app", false));
        assert!(!under("/app/db/url", "/app", false));
        assert!(under("/app/db/url", "/app/", true));
        assert!(!under("/application/x", "/app", true));
        assert!(under("/top", "/", false));
    }
}
