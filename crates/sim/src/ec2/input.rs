//! Reading an EC2 request, member by member, with EC2's errors rather than
//! the JSON 1.1 services' ValidationException: a missing member is
//! `MissingParameter`, a value of the wrong kind `InvalidParameterValue`.
//! Also `Filters` (`Name` and `Values`, `*` and `?` wildcards), `DryRun`
//! and paging by `MaxResults` and `NextToken`
//! (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html#query-filtering>).

use crate::platform::error::Error;
use crate::platform::paging::window;
use crate::platform::policy::glob_match;
use serde_json::{Map, Value};

/// A request body.
pub struct Input<'a> {
    body: &'a Map<String, Value>,
}

/// One filter of a Describe call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub name: String,
    pub values: Vec<String>,
}

fn invalid(member: &str, value: &Value) -> Error {
    let shown = value
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| value.to_string());
    Error::InvalidParameterValue(format!(
        "Value ({shown}) for parameter {member} is invalid."
    ))
}

/// `MissingParameter`: `The request must contain the parameter <member>`.
pub fn missing(member: &str) -> Error {
    Error::MissingParameter(format!("The request must contain the parameter {member}"))
}

impl<'a> Input<'a> {
    pub fn new(body: &'a Value) -> Result<Input<'a>, Error> {
        let body = body.as_object().ok_or_else(|| invalid("request", body))?;
        Ok(Input { body })
    }

    fn get(&self, member: &str) -> Option<&'a Value> {
        self.body.get(member).filter(|v| !v.is_null())
    }

    pub fn string(&self, member: &str) -> Result<Option<String>, Error> {
        match self.get(member) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(invalid(member, other)),
        }
    }

    pub fn required(&self, member: &str) -> Result<String, Error> {
        self.string(member)?
            .filter(|s| !s.is_empty())
            .ok_or_else(|| missing(member))
    }

    pub fn bool(&self, member: &str) -> Result<Option<bool>, Error> {
        match self.get(member) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(invalid(member, other)),
        }
    }

    pub fn int(&self, member: &str) -> Result<Option<i64>, Error> {
        match self.get(member) {
            None => Ok(None),
            Some(v) => v.as_i64().map(Some).ok_or_else(|| invalid(member, v)),
        }
    }

    /// A list of strings; absent is empty.
    pub fn strings(&self, member: &str) -> Result<Vec<String>, Error> {
        let Some(value) = self.get(member) else {
            return Ok(Vec::new());
        };
        value
            .as_array()
            .and_then(|a| a.iter().map(|v| v.as_str().map(str::to_owned)).collect())
            .ok_or_else(|| invalid(member, value))
    }

    /// A member of any shape, for structures read by their own operation.
    pub fn raw(&self, member: &str) -> Option<&'a Value> {
        self.get(member)
    }

    /// `Filters`: `[{"Name": …, "Values": […]}]`.
    pub fn filters(&self) -> Result<Vec<Filter>, Error> {
        let Some(value) = self.get("Filters") else {
            return Ok(Vec::new());
        };
        let items = value.as_array().ok_or_else(|| invalid("Filters", value))?;
        items
            .iter()
            .map(|f| {
                let name = f["Name"].as_str().ok_or_else(|| missing("Filter.Name"))?;
                let values = f["Values"]
                    .as_array()
                    .map(|vs| vs.iter().filter_map(Value::as_str).map(str::to_owned))
                    .into_iter()
                    .flatten()
                    .collect();
                Ok(Filter {
                    name: name.to_owned(),
                    values,
                })
            })
            .collect()
    }

    /// Fails with `DryRunOperation` if `DryRun` is set: call it once the
    /// caller is known to be authorized.
    pub fn dry_run(&self) -> Result<(), Error> {
        if self.bool("DryRun")? == Some(true) {
            return Err(Error::DryRunOperation(
                "Request would have succeeded, but DryRun flag is set.".to_owned(),
            ));
        }
        Ok(())
    }

    /// One page of the found items under `member` (`Snapshots`,
    /// `Volumes`): `MaxResults` (within `min..=max`; all items when absent)
    /// from `NextToken`, with `NextToken` when more follow.
    pub fn page(
        &self,
        member: &str,
        found: Vec<Value>,
        min: i64,
        max: i64,
    ) -> Result<Value, Error> {
        let limit = match self.int("MaxResults")? {
            None => usize::MAX,
            Some(n) if (min..=max).contains(&n) => n as usize,
            Some(n) => {
                return Err(Error::InvalidParameterValue(format!(
                    "Value ( {n} ) for parameter maxResults is invalid. Expecting a value between {min} and {max}."
                )))
            }
        };
        let token = self.string("NextToken")?;
        let (range, next) = window(found.len(), limit, token.as_deref()).ok_or_else(|| {
            Error::InvalidPaginationToken(format!(
                "Invalid pagination token: {}",
                token.unwrap_or_default()
            ))
        })?;
        let mut answer = Map::new();
        answer.insert(member.to_owned(), Value::Array(found[range].to_vec()));
        if let Some(next) = next {
            answer.insert("NextToken".to_owned(), Value::String(next));
        }
        Ok(Value::Object(answer))
    }

    /// `Encrypted` and `KmsKeyId`, as CreateVolume and CopySnapshot read
    /// them: a key without `Encrypted` is refused.
    pub fn encryption(&self) -> Result<(bool, Option<String>), Error> {
        let encrypted = self.bool("Encrypted")?.unwrap_or(false);
        let key_id = self.string("KmsKeyId")?;
        if key_id.is_some() && !encrypted {
            return Err(Error::InvalidParameterDependency(
                "The parameter KmsKeyId requires the parameter Encrypted to be set.".to_owned(),
            ));
        }
        Ok((encrypted, key_id))
    }
}

/// Whether a resource passes every filter. `values(name)` gives the
/// resource's values for a filter name, or `None` for a name the Describe
/// call does not know (`InvalidParameterValue`, "The filter '<name>' is
/// invalid"). A filter matches when any of its values matches any of the
/// resource's.
pub fn passes(
    filters: &[Filter],
    values: impl Fn(&str) -> Option<Vec<String>>,
) -> Result<bool, Error> {
    for f in filters {
        let have = values(&f.name).ok_or_else(|| {
            Error::InvalidParameterValue(format!("The filter '{}' is invalid", f.name))
        })?;
        let hit = f
            .values
            .iter()
            .any(|want| have.iter().any(|h| glob_match(want, h)));
        if !hit {
            return Ok(false);
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn filters_match_any_value_and_wildcards() {
        let body = json!({"Filters": [{"Name": "status", "Values": ["pend*", "completed"]}]});
        let filters = Input::new(&body).unwrap().filters().unwrap();
        let status = |s: &'static str| move |n: &str| (n == "status").then(|| vec![s.to_owned()]);
        assert!(passes(&filters, status("completed")).unwrap());
        assert!(passes(&filters, status("pending")).unwrap());
        assert!(!passes(&filters, status("error")).unwrap());
        let unknown = passes(&filters, |_| None).unwrap_err();
        assert_eq!(unknown.message(), Some("The filter 'status' is invalid"));
    }

    #[test]
    fn a_missing_member_is_a_missing_parameter() {
        let body = json!({});
        let e = Input::new(&body)
            .unwrap()
            .required("SnapshotId")
            .unwrap_err();
        assert_eq!(
            (e.code(), e.message()),
            (
                "MissingParameter",
                Some("The request must contain the parameter SnapshotId")
            )
        );
    }
}
