//! RotateSecret and CancelRotateSecret, with a simulated rotation
//! function in place of a Lambda function: AWS's single-user template for
//! a database secret, run against a simulated database user
//! (<https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda-functions.html>).
//!
//! The function's four steps, each recorded in the trail as an `Invoke` of
//! the function by Secrets Manager:
//! - `createSecret`: a new version, with the ClientRequestToken as its ID
//!   and AWSPENDING, whose value is AWSCURRENT's with a new `password`;
//! - `setSecret`: logs in to the database with AWSPENDING (done already),
//!   else with AWSCURRENT or AWSPREVIOUS, and changes the user's password;
//! - `testSecret`: logs in with AWSPENDING;
//! - `finishSecret`: moves AWSCURRENT to the new version (AWSPREVIOUS
//!   follows), and Secrets Manager takes AWSPENDING off it.
//!
//! The function runs as the secret's account root, through
//! `secretsmanager.<region>.amazonaws.com`. A function whose name ends in
//! `fail-at-<step>` (`…:function:rotator-fail-at-testSecret`) fails at that
//! step, leaving AWSPENDING where AWS leaves it; RotateSecret then answers
//! "A previous rotation isn't complete. That rotation will be reattempted."
//! and reattempts it with the function it names, so a working function
//! finishes it.

use crate::kms::ViaService;
use crate::platform::account::{AccountId, Region};
use crate::platform::clock::Timestamp;
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::principal::{Caller, Principal};
use crate::platform::request::Request;
use crate::secretsmanager::access::{only_secret_id, Target};
use crate::secretsmanager::envelope::open;
use crate::secretsmanager::password::{self, Options};
use crate::secretsmanager::replication;
use crate::secretsmanager::schedule::{self, check_duration, Schedule};
use crate::secretsmanager::secret::{
    new_version_id, Payload, Rules, Secret, CURRENT, PENDING, PREVIOUS,
};
use crate::secretsmanager::store::{scope, Key, SecretsManager};
use crate::secretsmanager::write::{add_version, NewValue};
use serde_json::{json, Value};

/// The steps of a rotation function, in order.
pub const STEPS: [&str; 4] = ["createSecret", "setSecret", "testSecret", "finishSecret"];
/// The characters AWS's rotation templates keep out of new passwords.
const EXCLUDED: &str = "/@\"'\\";

fn read_rules(raw: Option<&Value>) -> Result<Option<Rules>, Error> {
    let Some(raw) = raw.filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let days = raw["AutomaticallyAfterDays"].as_i64();
    if let Some(d) = days.filter(|d| !(1..=1000).contains(d)) {
        let bound = if d < 1 {
            "greater than or equal to 1"
        } else {
            "less than or equal to 1000"
        };
        return Err(Error::validation(&[format!(
            "Value '{d}' at 'rotationRules.automaticallyAfterDays' failed to satisfy constraint: Member must have value {bound}"
        )]));
    }
    let duration = raw["Duration"].as_str().map(str::to_owned);
    if let Some(d) = &duration {
        check_duration(d)?;
    }
    let expression = raw["ScheduleExpression"].as_str().map(str::to_owned);
    let schedule = match (days, &expression) {
        (Some(_), Some(_)) => {
            // AWS documents one or the other; the message follows its form.
            return Err(Error::InvalidParameterException(
                "You can't specify both AutomaticallyAfterDays and ScheduleExpression in RotationRules.".to_owned(),
            ));
        }
        (Some(d), None) => Schedule::Every(d * 86_400),
        (None, Some(e)) => schedule::parse(e)?,
        (None, None) => return Ok(None),
    };
    Ok(Some(Rules {
        automatically_after_days: days,
        duration,
        schedule_expression: expression,
        schedule,
    }))
}

/// The step a function is set to fail at, from its name.
fn failing_step(function: &str) -> Option<&'static str> {
    let name = function.rsplit(":function:").next().unwrap_or(function);
    let name = name.split(':').next().unwrap_or(name);
    STEPS
        .into_iter()
        .find(|s| name.ends_with(&format!("fail-at-{s}")))
}

fn step_error(message: String) -> Error {
    Error::InvalidRequestException(message)
}

/// The username and password a version's value holds.
fn credentials(
    secret: &Secret,
    stage_or_id: &str,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
) -> Result<Option<(Value, String, String)>, Error> {
    let version = secret
        .version(stage_or_id)
        .or_else(|| secret.staged(stage_or_id));
    let Some(v) = version else {
        return Ok(None);
    };
    let plain = open(via, env, &secret.arn, &v.id, &v.sealed)?;
    let json: Value = serde_json::from_slice(&plain).unwrap_or(Value::Null);
    let (Some(user), Some(pass)) = (json["username"].as_str(), json["password"].as_str()) else {
        return Ok(None);
    };
    let (user, pass) = (user.to_owned(), pass.to_owned());
    Ok(Some((json, user, pass)))
}

fn create_step(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    key: &Key,
    token: &str,
) -> Result<(), Error> {
    let secret = sm.at(key).clone();
    if let Some(v) = secret.version(token) {
        if v.has(PENDING) {
            return Ok(());
        }
        return Err(step_error(format!(
            "createSecret: Version {token} of secret {} is not set as AWSPENDING for rotation.",
            secret.arn
        )));
    }
    let Some((mut json, _, _)) = credentials(&secret, CURRENT, env, via)? else {
        return Err(step_error(format!(
            "createSecret: The AWSCURRENT value of secret {} is not a JSON object with username and password.",
            secret.arn
        )));
    };
    let options = Options {
        exclude: EXCLUDED.to_owned(),
        ..Options::default()
    };
    json["password"] = json!(password::generate(&options, &mut env.rng())?);
    let value = NewValue {
        payload: Payload::String,
        bytes: json.to_string().into_bytes(),
    };
    add_version(sm, env, via, key, token, &value, &[PENDING.to_owned()])
}

fn set_step(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    key: &Key,
    token: &str,
) -> Result<(), Error> {
    let secret = sm.at(key).clone();
    let arn = &secret.arn;
    let (Some(db), Some((_, user, pass))) =
        (&secret.database, credentials(&secret, token, env, via)?)
    else {
        return Err(step_error(format!(
            "setSecret: Unable to log into database with previous, current, or pending secret of secret arn {arn}"
        )));
    };
    if db.login(&user, &pass) {
        return Ok(());
    }
    for stage in [CURRENT, PREVIOUS] {
        if let Some((_, u, p)) = credentials(&secret, stage, env, via)? {
            if db.login(&u, &p) {
                let db = sm.at(key).database.as_mut().expect("the database is there");
                db.password = pass;
                return Ok(());
            }
        }
    }
    Err(step_error(format!(
        "setSecret: Unable to log into database with previous, current, or pending secret of secret arn {arn}"
    )))
}

fn test_step(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    key: &Key,
    token: &str,
) -> Result<(), Error> {
    let secret = sm.at(key).clone();
    let ok = match (&secret.database, credentials(&secret, token, env, via)?) {
        (Some(db), Some((_, u, p))) => db.login(&u, &p),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(step_error(format!(
            "testSecret: Unable to log into database with pending secret of secret ARN {}",
            secret.arn
        )))
    }
}

fn finish_step(sm: &mut SecretsManager, key: &Key, token: &str) -> Result<(), Error> {
    let secret = sm.at(key);
    if secret.version(token).is_none() {
        return Err(step_error(format!(
            "finishSecret: Version {token} of secret {} does not exist.",
            secret.arn
        )));
    }
    secret.move_stage(CURRENT, token);
    Ok(())
}

/// Runs the rotation function for version `token` of the secret at
/// `key`, as its account's root; whether it finished.
pub fn run(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    key: &Key,
    token: &str,
) -> bool {
    let secret = sm.at(key);
    let function = secret.rotation.lambda_arn.clone().unwrap_or_default();
    let (arn, region, account) = (
        secret.arn.clone(),
        secret.region.clone(),
        secret.account.clone(),
    );
    let caller = match (account.parse::<AccountId>(), region.parse::<Region>()) {
        (Ok(a), Ok(r)) => Caller::new(Principal::root(&a), r),
        _ => return false,
    };
    let env = env.as_caller(&caller);
    let fail_at = failing_step(&function);
    let detail = json!({"secretId": arn, "clientRequestToken": token});
    via.trail().record_service_event(
        env.now,
        "secretsmanager",
        "RotationStarted",
        &region,
        &account,
        detail.clone(),
    );
    for step in STEPS {
        let result = if fail_at == Some(step) {
            Err(step_error(format!(
                "{step}: the rotation function {function} is set to fail at this step."
            )))
        } else {
            match step {
                "createSecret" => create_step(sm, &env, via, key, token),
                "setSecret" => set_step(sm, &env, via, key, token),
                "testSecret" => test_step(sm, &env, via, key, token),
                _ => finish_step(sm, key, token),
            }
        };
        let invoke = json!({"functionName": function, "step": step, "secretId": arn, "clientRequestToken": token});
        let event = via
            .trail()
            .record_service_event(env.now, "lambda", "Invoke", &region, &account, invoke);
        event.user_identity.invoked_by = Some("secretsmanager.amazonaws.com".to_owned());
        if let Err(e) = result {
            event.error_code = Some("Unhandled".to_owned());
            event.error_message = e.message().map(str::to_owned);
            via.trail().record_service_event(
                env.now,
                "secretsmanager",
                "RotationFailed",
                &region,
                &account,
                detail,
            );
            return false;
        }
    }
    let secret = sm.at(key);
    for v in &mut secret.versions {
        v.stages.retain(|s| s != PENDING);
    }
    secret.rotation.last_rotated = Some(env.now);
    via.trail().record_service_event(
        env.now,
        "secretsmanager",
        "RotationSucceeded",
        &region,
        &account,
        detail,
    );
    replication::sync(sm, &env, via, key);
    true
}

/// When the secret's next scheduled rotation is, counting from `from`.
fn next_rotation(secret: &Secret, from: Timestamp) -> Option<Timestamp> {
    secret.rotation.rules.as_ref()?.schedule.next(from)
}

pub fn rotate_secret(
    sm: &mut SecretsManager,
    env: &Env<'_>,
    via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let mut r = Request::new(request)?;
    r.required_string("SecretId", 1, 2048);
    let token = r.string("ClientRequestToken", 32, 64);
    let function = r.string("RotationLambdaARN", 0, 2048);
    let immediately = r.bool("RotateImmediately").unwrap_or(true);
    let raw_rules = r.raw("RotationRules");
    r.finish()?;
    let rules = read_rules(raw_rules)?;
    let key = target.found()?;
    let secret = sm.at(&key);
    let function = function
        .filter(|f| !f.is_empty())
        .or_else(|| secret.rotation.lambda_arn.clone());
    let Some(function) = function else {
        // The exception's documented cause, as its message.
        return Err(Error::InvalidRequestException(
            "You tried to enable rotation on a secret that doesn't already have a Lambda function ARN configured and you didn't include such an ARN as a parameter in this call.".to_owned(),
        ));
    };
    secret.rotation.lambda_arn = Some(function);
    if rules.is_some() {
        secret.rotation.rules = rules;
    }
    secret.rotation.enabled = true;
    secret.last_changed = env.now;
    if let Some(pending) = secret.pending_rotation().map(|v| v.id.clone()) {
        run(sm, env, via, &key, &pending);
        let secret = sm.at(&key);
        secret.rotation.next = next_rotation(secret, env.now);
        // Recorded from AWS in public error logs and projects' notes.
        return Err(Error::InvalidRequestException(
            "A previous rotation isn't complete. That rotation will be reattempted.".to_owned(),
        ));
    }
    let token = token.unwrap_or_else(|| new_version_id(&mut env.rng()));
    if immediately {
        run(sm, env, via, &key, &token);
    }
    let secret = sm.at(&key);
    let from = secret.rotation.last_rotated.unwrap_or(env.now);
    secret.rotation.next = next_rotation(secret, from.max(env.now));
    let mut answer = secret.names();
    if immediately {
        answer["VersionId"] = json!(token);
    }
    Ok(answer)
}

pub fn cancel_rotate_secret(
    sm: &mut SecretsManager,
    _env: &Env<'_>,
    _via: &mut ViaService<'_>,
    target: &Target,
    request: &Value,
) -> Result<Value, Error> {
    let key = only_secret_id(request, target)?;
    let secret = sm.at(&key);
    secret.rotation.enabled = false;
    secret.rotation.next = None;
    let mut answer = secret.names();
    if let Some(p) = secret.pending_rotation() {
        answer["VersionId"] = json!(p.id);
    }
    Ok(answer)
}

impl SecretsManager {
    /// Runs the rotations the clock has made due, and reattempts
    /// unfinished ones; each then waits for its next scheduled time.
    pub fn rotate_due(&mut self, env: &Env<'_>, via: &mut ViaService<'_>) {
        let here = scope(env);
        for key in self.keys().into_iter().filter(|k| k.0 == here) {
            let Some(secret) = self.get(&key) else {
                continue;
            };
            let r = &secret.rotation;
            let due = r.enabled
                && secret.primary_region.is_none()
                && !secret.is_deleted()
                && r.next.is_some_and(|n| n <= env.now);
            if !due {
                continue;
            }
            let token = match secret.pending_rotation() {
                Some(p) => p.id.clone(),
                None => new_version_id(&mut env.rng()),
            };
            run(self, env, via, &key, &token);
            let secret = self.at(&key);
            secret.rotation.next = next_rotation(secret, env.now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_function_fails_at_the_step_its_name_ends_with() {
        let arn = "arn:aws:lambda:us-east-1:111122223333:function:rotator-fail-at-testSecret";
        assert_eq!(failing_step(arn), Some("testSecret"));
        assert_eq!(failing_step(&format!("{arn}:1")), Some("testSecret"));
        assert_eq!(
            failing_step("arn:aws:lambda:us-east-1:111122223333:function:rotator"),
            None
        );
    }
}
