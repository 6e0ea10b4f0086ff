//! PutParameter: a new parameter, or with Overwrite a new version of one,
//! within the tier's limits
//! (<https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html>,
//! <https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html>).

use crate::kms::ViaService;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::request::Request;
use crate::ssm::parameter::{
    arn, check_name, DataType, Parameter, ParameterType, Tier, Version, MAX_VERSIONS,
};
use crate::ssm::policies::{self, Policy, PolicyKind};
use crate::ssm::secure_string::{seal, DEFAULT_KEY};
use crate::ssm::store::Ssm;
use serde_json::{json, Value};

/// The largest value of each tier, in bytes.
const STANDARD_VALUE: usize = 4096;
const ADVANCED_VALUE: usize = 8192;
/// How many parameters of each tier an account may have in a Region.
const STANDARD_COUNT: usize = 10_000;
const ADVANCED_COUNT: usize = 100_000;

struct Put {
    name: String,
    value: String,
    kind: Option<ParameterType>,
    key_id: Option<String>,
    description: Option<String>,
    allowed_pattern: Option<String>,
    overwrite: bool,
    tier: Option<Tier>,
    data_type: Option<String>,
    policies: Option<String>,
    tags: Vec<(String, String)>,
}

fn read(request: &Value) -> Result<Put, Error> {
    let mut r = Request::new(request)?;
    let name = r.required_string("Name", 1, 2048).unwrap_or_default();
    let value = r
        .required_string("Value", 1, usize::MAX)
        .unwrap_or_default();
    let kind = r.enumeration("Type", ParameterType::ALL);
    let key_id = r.string("KeyId", 1, 256);
    let description = r.string("Description", 0, 1024);
    let allowed_pattern = r.string("AllowedPattern", 0, 1024);
    let overwrite = r.bool("Overwrite").unwrap_or(false);
    let tier = r.enumeration("Tier", Tier::ALL);
    let data_type = r.string("DataType", 0, 128);
    let policies = r.string("Policies", 1, 4096);
    let tags = r.tags("Tags");
    r.finish()?;
    Ok(Put {
        name,
        value,
        kind: kind.as_deref().and_then(ParameterType::parse),
        key_id,
        description,
        allowed_pattern,
        overwrite,
        tier: tier.as_deref().and_then(Tier::parse),
        data_type,
        policies,
        tags,
    })
}

fn invalid(message: &str) -> Error {
    Error::ValidationException(message.to_owned())
}

pub fn put_parameter(
    ssm: &mut Ssm,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    request: &Value,
) -> Result<Value, Error> {
    let put = read(request)?;
    check_name(&put.name)?;
    let existing = ssm.get(env, &put.name);
    if put.overwrite && !put.tags.is_empty() {
        // Moto's tests record this message from AWS.
        return Err(invalid("Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource."));
    }
    if existing.is_some() && !put.overwrite {
        return Err(Error::ParameterAlreadyExists("The parameter already exists. To overwrite this value, set the overwrite option in the request to true.".to_owned()));
    }
    let previous = existing.map(Parameter::latest);
    let kind = put
        .kind
        .or(previous.map(|v| v.kind))
        .ok_or_else(|| invalid("A parameter type is required when you create a parameter."))?;
    let data_type = match put.data_type.as_deref() {
        None => previous.map_or(DataType::Text, |v| v.data_type),
        Some(d) => DataType::parse(d).ok_or_else(|| {
            Error::ValidationException(format!(
                "The following data type is not supported: {d} (Data type names are all lowercase.)"
            ))
        })?,
    };
    let policies = match &put.policies {
        Some(text) => policies::parse(text, env.now)?,
        None => carried(previous.map_or(&[][..], |v| &v.policies)),
    };
    let tier = tier(
        ssm,
        env,
        &put,
        previous.map(|v| v.tier),
        !policies.is_empty(),
    )?;
    let key_id = (kind == ParameterType::SecureString).then(|| {
        put.key_id
            .clone()
            .or_else(|| previous.and_then(|v| v.key_id.clone()))
            .unwrap_or_else(|| DEFAULT_KEY.to_owned())
    });
    let description = put
        .description
        .clone()
        .or_else(|| previous.and_then(|v| v.description.clone()));
    let allowed_pattern = put
        .allowed_pattern
        .clone()
        .or_else(|| previous.and_then(|v| v.allowed_pattern.clone()));
    if let Some(pattern) = &allowed_pattern {
        check_pattern(pattern, &put.value)?;
    }
    let number = previous.map_or(1, |v| v.version + 1);
    let parameter_arn = arn(
        env.caller.region.as_str(),
        env.caller.account().as_str(),
        &put.name,
    );
    let value = match &key_id {
        Some(key) => seal(via, env, key, &parameter_arn, &put.value)?,
        None => put.value.clone(),
    };
    make_room_for_a_version(ssm, env, &put.name)?;
    let version = Version {
        version: number,
        kind,
        value,
        key_id,
        description,
        allowed_pattern,
        data_type,
        tier,
        labels: Vec::new(),
        policies,
        last_modified: env.now,
        last_modified_user: env.caller.principal.caller_arn(),
    };
    let entry = ssm
        .parameters_mut(env)
        .entry(put.name.clone())
        .or_insert_with(|| Parameter {
            name: put.name.clone(),
            arn: parameter_arn,
            versions: Vec::new(),
            tags: put.tags.clone(),
        });
    entry.versions.push(version);
    Ok(json!({"Version": number, "Tier": tier.as_str()}))
}

/// The tier the new version gets. Standard can become Advanced, never the
/// reverse; Intelligent-Tiering picks Advanced only when the value's size or
/// the Standard tier's parameter limit needs it.
fn tier(
    ssm: &Ssm,
    env: &Env<'_>,
    put: &Put,
    previous: Option<Tier>,
    has_policies: bool,
) -> Result<Tier, Error> {
    let size = put.value.len();
    let is_new = previous.is_none();
    let standard_full = is_new && ssm.count(env, Tier::Standard) >= STANDARD_COUNT;
    let tier = match (put.tier, previous) {
        (Some(Tier::Standard), Some(Tier::Advanced)) => {
            // AWS documents that an advanced parameter can't revert to
            // standard; no recorded message was found, so this follows AWS's form.
            return Err(invalid("This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier."));
        }
        (Some(Tier::IntelligentTiering), _) => {
            let needs = size > STANDARD_VALUE || standard_full || has_policies;
            if previous == Some(Tier::Advanced) || needs {
                Tier::Advanced
            } else {
                Tier::Standard
            }
        }
        (Some(t), _) => t,
        (None, previous) => previous.unwrap_or(Tier::Standard),
    };
    if tier == Tier::Standard && has_policies {
        // AWS documents that policies need the advanced tier; no recorded
        // message was found, so this follows AWS's form.
        return Err(invalid("Standard tier parameters don't support parameter policies. To use parameter policies, upgrade the parameter to use the advanced-parameter tier."));
    }
    if tier == Tier::Standard && size > STANDARD_VALUE {
        // Recorded from AWS in several public projects' error logs.
        return Err(invalid("Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html"));
    }
    if size > ADVANCED_VALUE {
        return Err(invalid("The specified parameter value is too large. Advanced-tier parameters support a maximum parameter value of 8192 characters."));
    }
    let over = match tier {
        Tier::Standard => standard_full,
        _ => previous != Some(Tier::Advanced) && ssm.count(env, Tier::Advanced) >= ADVANCED_COUNT,
    };
    if over {
        // AWS documents the exception's description only; it is the message here.
        return Err(Error::ParameterLimitExceeded("You have exceeded the number of parameters for this Amazon Web Services account. Delete one or more parameters and try again.".to_owned()));
    }
    Ok(tier)
}

/// Parameter Store keeps 100 versions: a new one drops the oldest, unless
/// the oldest has a label (the message is the one AWS documents).
fn make_room_for_a_version(ssm: &mut Ssm, env: &Env<'_>, name: &str) -> Result<(), Error> {
    let Some(p) = ssm.parameters_mut(env).get_mut(name) else {
        return Ok(());
    };
    if p.versions.len() < MAX_VERSIONS {
        return Ok(());
    }
    let oldest = &p.versions[0];
    if !oldest.labels.is_empty() {
        return Err(Error::ParameterMaxVersionLimitExceeded(format!(
            "You attempted to create a new version of {name} by calling the PutParameter API with the overwrite flag. Version {}, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.",
            oldest.version
        )));
    }
    p.versions.remove(0);
    Ok(())
}

/// The value must match the whole of AllowedPattern, as Java's
/// `String.matches` does in AWS: the user guide's example refuses `10000`
/// under `\d{1,4}` with "Parameter value, cannot be validated against
/// allowedPattern: \d{1,4}" (in the Systems Manager User Guide's walkthrough
/// of creating parameters with the AWS CLI).
fn check_pattern(pattern: &str, value: &str) -> Result<(), Error> {
    let whole = regex_lite::Regex::new(&format!("^(?:{pattern})$")).map_err(|_| {
        // AWS documents the exception's description only; it is the message here.
        Error::InvalidAllowedPatternException(
            "The request doesn't meet the regular expression requirement.".to_owned(),
        )
    })?;
    if whole.is_match(value) {
        Ok(())
    } else {
        Err(Error::ParameterPatternMismatchException(format!(
            "Parameter value, cannot be validated against allowedPattern: {pattern}"
        )))
    }
}

/// Policies a new version keeps when the request gives none: the same ones,
/// with NoChangeNotification waiting again, since the parameter changed.
fn carried(previous: &[Policy]) -> Vec<Policy> {
    previous
        .iter()
        .cloned()
        .map(|mut p| {
            if matches!(p.kind, PolicyKind::NoChangeNotification { .. }) {
                p.finished = false;
            }
            p
        })
        .collect()
}
