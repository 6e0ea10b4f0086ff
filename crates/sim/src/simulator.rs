//! The one entry point: `Simulator::call(service, operation, request,
//! caller)`, shaped like the AWS JSON 1.1 protocol. A request is the JSON
//! body AWS would receive for `X-Amz-Target: <Prefix>.<Operation>`; the
//! answer is the JSON body AWS would send, or an [`Error`] whose JSON form is
//! `{"__type", "message"}`.
//!
//! Services:
//! - `kms` (target prefix `TrentService`): AWS KMS.
//! - `keydeck` (target prefix `KeyDeck`): the simulation itself, which AWS
//!   does not have: `AdvanceClock`, `PutPrincipalPolicy`,
//!   `DeletePrincipalPolicy`, `GetClock` and `LookupEvents`.
//!
//! - `ssm` (target prefix `AmazonSSM`): Systems Manager Parameter Store,
//!   which calls KMS for its caller through [`ViaService`].
//! - `secretsmanager` (target prefix `secretsmanager`): Secrets Manager,
//!   which likewise calls KMS through [`ViaService`].
//! - `ec2`: the EBS part of EC2 (volumes and snapshots), which calls KMS
//!   for its caller the same way. EC2 speaks the Query protocol, not JSON
//!   1.1; here its requests and answers are JSON with the API's member
//!   names, and the loopback server translates.

use crate::ec2::Ec2;
use crate::kms::{AccessExplanation, EncryptionContext, Kms, ViaService};
use crate::platform::clock::{iso8601, Clock};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::iam::Iam;
use crate::platform::principal::Caller;
use crate::platform::random::Entropy;
use crate::platform::request::Request;
use crate::platform::trail::{Trail, TrailEvent};
use crate::secretsmanager::SecretsManager;
use crate::services;
use crate::ssm::Ssm;
use serde_json::{json, Value};
use std::cell::RefCell;

/// Every simulated account and Region, with one clock and one random
/// generator.
#[derive(Debug, Clone)]
pub struct Simulator {
    clock: Clock,
    iam: Iam,
    kms: Kms,
    ssm: Ssm,
    secrets: SecretsManager,
    ec2: Ec2,
    trail: Trail,
    rng: RefCell<Entropy>,
}

/// The same as [`Simulator::new`]: seeded from the system's entropy.
impl Default for Simulator {
    fn default() -> Self {
        Simulator::new()
    }
}

/// The X-Amz-Target prefix of each service.
pub fn service_for_target_prefix(prefix: &str) -> Option<&'static str> {
    match prefix {
        "TrentService" => Some("kms"),
        "AmazonSSM" => Some("ssm"),
        "secretsmanager" => Some("secretsmanager"),
        "KeyDeck" => Some("keydeck"),
        _ => None,
    }
}

impl Simulator {
    /// A simulator seeded from the system's entropy (in a browser,
    /// `crypto.getRandomValues`). [`Simulator::seed`] tells the seed, so a
    /// run can be repeated.
    pub fn new() -> Simulator {
        Simulator::with_entropy(Entropy::from_os())
    }

    /// A simulator whose every random value (key IDs, key material,
    /// ciphertexts, data keys, grant IDs and tokens, signatures) follows from
    /// `seed`: the same seed and the same calls give the same responses.
    pub fn with_seed(seed: u64) -> Simulator {
        Simulator::with_entropy(Entropy::from_seed(seed))
    }

    fn with_entropy(entropy: Entropy) -> Simulator {
        Simulator {
            clock: Clock::default(),
            iam: Iam::default(),
            kms: Kms::default(),
            ssm: Ssm::default(),
            secrets: SecretsManager::default(),
            ec2: Ec2::default(),
            trail: Trail::default(),
            rng: RefCell::new(entropy),
        }
    }

    /// The seed the simulator's random generator started from.
    pub fn seed(&self) -> u64 {
        self.rng.borrow().seed()
    }

    /// Calls an operation of a service, as `caller`.
    pub fn call(
        &mut self,
        service: &str,
        operation: &str,
        request: Value,
        caller: &Caller,
    ) -> Result<Value, Error> {
        let env = Env {
            caller,
            now: self.clock.now(),
            iam: &self.iam,
            rng: &self.rng,
        };
        let result = match service {
            "kms" => self.kms.call(&env, operation, &request),
            "ssm" => services::call(
                &services::SSM,
                &mut self.ssm,
                &env,
                ViaService::new(service, &mut self.kms, &mut self.trail),
                operation,
                &request,
            )?,
            "secretsmanager" => services::call(
                &services::SECRETS_MANAGER,
                &mut self.secrets,
                &env,
                ViaService::new(service, &mut self.kms, &mut self.trail),
                operation,
                &request,
            )?,
            "ec2" => services::call(
                &services::EC2,
                &mut self.ec2,
                &env,
                ViaService::new(service, &mut self.kms, &mut self.trail),
                operation,
                &request,
            )?,
            "keydeck" => return self.control(operation, &request, caller),
            _ => return Err(Error::UnknownOperationException),
        };
        self.trail
            .record(env.now, service, operation, &request, caller, &result);
        result
    }

    /// Whether `caller` may do `action` (an IAM action such as
    /// `kms:Decrypt`) on the KMS key `key_id` (key ID, key ARN, alias name
    /// or alias ARN), under an optional encryption context: Allow,
    /// ExplicitDeny or ImplicitDeny, the key policy or IAM policy statement
    /// or the grant that decides, and for a deny the AccessDeniedException
    /// message the call would get. It evaluates exactly as a call does, but
    /// records no trail event and changes nothing.
    pub fn explain_access(
        &self,
        caller: &Caller,
        action: &str,
        key_id: &str,
        context: Option<&EncryptionContext>,
    ) -> Result<AccessExplanation, Error> {
        let env = Env {
            caller,
            now: self.clock.now(),
            iam: &self.iam,
            rng: &self.rng,
        };
        self.kms.explain(&env, action, key_id, context)
    }

    /// Moves the simulated clock forward and applies what became due:
    /// automatic rotations, key deletions, expiring imported material,
    /// parameter policies, secret deletions and scheduled secret rotations,
    /// and volumes and snapshots being finished.
    pub fn advance_seconds(&mut self, seconds: i64) {
        self.clock.advance_seconds(seconds);
        let now = self.clock.now();
        self.kms.tick(now, self.rng.get_mut());
        self.ec2.settle();
        for (region, account, detail) in self.ssm.tick(now) {
            let name = "Parameter Store Policy Action";
            self.trail
                .record_service_event(now, "ssm", name, &region, &account, detail);
        }
        // A service whose code has not been fetched has never been called,
        // so nothing of it can be due.
        let Some(secrets) = services::SECRETS_MANAGER.loaded() else {
            return;
        };
        let mut via = ViaService::new("secretsmanager", &mut self.kms, &mut self.trail);
        let deleted = secrets.tick(&mut self.secrets, now, &self.iam, &self.rng, &mut via);
        for (region, account, detail) in deleted {
            self.trail.record_service_event(
                now,
                "secretsmanager",
                "EndSecretVersionDelete",
                &region,
                &account,
                detail,
            );
        }
    }

    pub fn advance_days(&mut self, days: i64) {
        self.advance_seconds(days.saturating_mul(crate::platform::clock::SECONDS_PER_DAY));
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub fn iam_mut(&mut self) -> &mut Iam {
        &mut self.iam
    }

    pub fn kms(&self) -> &Kms {
        &self.kms
    }

    /// Parameter Store's state, to read (the labs' console lists it).
    pub fn ssm(&self) -> &Ssm {
        &self.ssm
    }

    /// Secrets Manager's state, to read.
    pub fn secrets(&self) -> &SecretsManager {
        &self.secrets
    }

    /// EBS's volumes and snapshots, to read.
    pub fn ec2(&self) -> &Ec2 {
        &self.ec2
    }

    /// The CloudTrail-style log, oldest event first.
    pub fn events(&self) -> &[TrailEvent] {
        self.trail.events()
    }

    fn control(
        &mut self,
        operation: &str,
        request: &Value,
        caller: &Caller,
    ) -> Result<Value, Error> {
        let mut r = Request::new(request)?;
        match operation {
            "AdvanceClock" => {
                let days = r.int("Days", 0, 100_000).unwrap_or(0);
                let hours = r.int("Hours", 0, 1_000_000).unwrap_or(0);
                let seconds = r.int("Seconds", 0, i64::MAX / 2).unwrap_or(0);
                r.finish()?;
                self.advance_seconds(days * 86_400 + hours * 3_600 + seconds);
                Ok(self.now())
            }
            "GetClock" => Ok(self.now()),
            "PutPrincipalPolicy" => {
                let arn = r
                    .required_string("PrincipalArn", 1, 2048)
                    .unwrap_or_default();
                let name = r.required_string("PolicyName", 1, 128).unwrap_or_default();
                let document = r
                    .required_string("PolicyDocument", 1, 131_072)
                    .unwrap_or_default();
                r.finish()?;
                self.iam.put_policy(&arn, &name, &document)?;
                Ok(json!({}))
            }
            "DeletePrincipalPolicy" => {
                let arn = r
                    .required_string("PrincipalArn", 1, 2048)
                    .unwrap_or_default();
                let name = r.required_string("PolicyName", 1, 128).unwrap_or_default();
                r.finish()?;
                self.iam.delete_policy(&arn, &name);
                Ok(json!({}))
            }
            "LookupEvents" => Ok(json!({ "Events": self.trail.events() })),
            "GetSecretDatabaseUser" => {
                let id = r.required_string("SecretId", 1, 2048).unwrap_or_default();
                r.finish()?;
                let env = Env {
                    caller,
                    now: self.clock.now(),
                    iam: &self.iam,
                    rng: &self.rng,
                };
                self.secrets.database(&env, &id)
            }
            _ => Err(Error::UnknownOperationException),
        }
    }

    fn now(&self) -> Value {
        json!({"Now": self.clock.now(), "NowIso8601": iso8601(self.clock.now())})
    }
}
