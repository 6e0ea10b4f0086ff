//! A secret and its versions: the name rules, the ARN with its six random
//! characters, staging labels, the rotation configuration, replication
//! and deletion state, and the API's views of them
//! (<https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DescribeSecret.html>).

use crate::platform::clock::{Timestamp, SECONDS_PER_DAY};
use crate::platform::error::Error;
use crate::platform::policy::PolicyDocument;
use crate::platform::random::Entropy;
use crate::secretsmanager::schedule::Schedule;
use rand_core::RngCore;
use serde_json::{json, Map, Value};

pub const CURRENT: &str = "AWSCURRENT";
pub const PENDING: &str = "AWSPENDING";
pub const PREVIOUS: &str = "AWSPREVIOUS";

/// The KMS key a secret uses when the request names none.
pub const DEFAULT_KEY: &str = "alias/aws/secretsmanager";
/// A version may carry at most 20 staging labels.
pub const MAX_STAGES_PER_VERSION: usize = 20;
/// Secrets Manager keeps about 100 versions of a secret.
pub const MAX_VERSIONS: usize = 100;

/// Whether a version's value came in `SecretString` or `SecretBinary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payload {
    String,
    Binary,
}

/// A value sealed by envelope encryption: the data key as KMS encrypted
/// it (base64), the nonce, and the AES-256-GCM ciphertext of the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    pub data_key: String,
    pub nonce: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

/// One version of a secret's value.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub id: String,
    pub stages: Vec<String>,
    pub created: Timestamp,
    pub last_accessed: Option<Timestamp>,
    pub payload: Payload,
    pub sealed: Sealed,
    /// The key the value is sealed under, as the secret named it.
    pub kms_key_id: String,
    /// SHA-256 of the value, to tell a retried request from a conflicting
    /// one with the same ClientRequestToken.
    pub digest: [u8; 32],
}

impl Version {
    pub fn has(&self, stage: &str) -> bool {
        self.stages.iter().any(|s| s == stage)
    }
}

/// RotationRules: every N days, or a `rate()` or `cron()` expression,
/// with an optional window (Duration).
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    pub automatically_after_days: Option<i64>,
    pub duration: Option<String>,
    pub schedule_expression: Option<String>,
    pub schedule: Schedule,
}

/// A secret's rotation configuration and history.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rotation {
    pub lambda_arn: Option<String>,
    pub enabled: bool,
    pub rules: Option<Rules>,
    pub last_rotated: Option<Timestamp>,
    pub next: Option<Timestamp>,
}

/// One Region a primary secret replicates to, as ReplicationStatus shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Replica {
    pub region: String,
    pub kms_key_id: String,
    pub status: String,
    pub message: String,
}

/// The simulated database a rotation function changes: one user and its
/// password, taken from the first value that names both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Database {
    pub username: String,
    pub password: String,
}

impl Database {
    pub fn login(&self, username: &str, password: &str) -> bool {
        self.username == username && self.password == password
    }
}

/// A secret of one account in one Region.
#[derive(Debug, Clone, PartialEq)]
pub struct Secret {
    pub name: String,
    pub arn: String,
    pub account: String,
    pub region: String,
    pub description: Option<String>,
    pub kms_key_id: Option<String>,
    pub tags: Vec<(String, String)>,
    /// Oldest first.
    pub versions: Vec<Version>,
    pub created: Timestamp,
    pub last_changed: Timestamp,
    pub last_accessed: Option<Timestamp>,
    /// When DeleteSecret was called, and when the secret goes for good.
    pub deleted: Option<Timestamp>,
    pub deletion_date: Option<Timestamp>,
    pub rotation: Rotation,
    pub policy: Option<(String, PolicyDocument)>,
    /// The Regions this primary secret replicates to.
    pub replicas: Vec<Replica>,
    /// For a replica, the Region of its primary.
    pub primary_region: Option<String>,
    pub database: Option<Database>,
}

/// The ARN of a secret: the name, a hyphen and six random characters.
pub fn arn(region: &str, account: &str, name: &str, rng: &mut Entropy) -> String {
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let suffix: String = (0..6)
        .map(|_| CHARS[(rng.next_u32() as usize) % CHARS.len()] as char)
        .collect();
    format!("arn:aws:secretsmanager:{region}:{account}:secret:{name}-{suffix}")
}

/// The same secret's ARN in another Region, as its replica there has it.
pub fn arn_in(arn: &str, from: &str, to: &str) -> String {
    arn.replacen(&format!(":{from}:"), &format!(":{to}:"), 1)
}

/// A version ID when the request gives no ClientRequestToken: a random
/// UUID, as the SDKs make one.
pub fn new_version_id(rng: &mut Entropy) -> String {
    rng.uuid()
}

/// Names are 1 to 512 of ASCII letters, digits and `/_+=.@-!`
/// (the message is AWS's, as recorded by LocalStack's validated tests).
pub fn check_name(name: &str) -> Result<(), Error> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "/_+=.@-!".contains(c);
    if name.is_empty() || name.len() > 512 || !name.chars().all(allowed) {
        return Err(Error::ValidationException(
            "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!".to_owned(),
        ));
    }
    Ok(())
}

/// The start of the day of `t`: AWS keeps LastAccessedDate to the day.
pub fn day_of(t: Timestamp) -> Timestamp {
    t - t.rem_euclid(SECONDS_PER_DAY)
}

impl Secret {
    pub fn version(&self, id: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.id == id)
    }

    pub fn version_mut(&mut self, id: &str) -> Option<&mut Version> {
        self.versions.iter_mut().find(|v| v.id == id)
    }

    pub fn staged(&self, stage: &str) -> Option<&Version> {
        self.versions.iter().find(|v| v.has(stage))
    }

    pub fn is_deleted(&self) -> bool {
        self.deleted.is_some()
    }

    /// The key new versions are sealed under.
    pub fn key_id(&self) -> &str {
        self.kms_key_id.as_deref().unwrap_or(DEFAULT_KEY)
    }

    /// A rotation that has not finished: AWSPENDING on a version that is
    /// not AWSCURRENT.
    pub fn pending_rotation(&self) -> Option<&Version> {
        self.staged(PENDING).filter(|v| !v.has(CURRENT))
    }

    /// Attaches `stage` to version `to` alone. Moving AWSCURRENT moves
    /// AWSPREVIOUS to the version that had AWSCURRENT.
    pub fn move_stage(&mut self, stage: &str, to: &str) {
        let from = self.staged(stage).map(|v| v.id.clone());
        for v in &mut self.versions {
            v.stages.retain(|s| s != stage);
        }
        if let Some(v) = self.version_mut(to) {
            v.stages.push(stage.to_owned());
        }
        if stage == CURRENT {
            if let Some(from) = from.filter(|f| f != to) {
                self.move_stage(PREVIOUS, &from);
            }
            if let Some(v) = self.version_mut(to) {
                v.stages.retain(|s| s != PREVIOUS);
            }
        }
    }

    /// Makes room for a new version: at 100 versions, drops the oldest
    /// without a staging label, keeping those made within the last day;
    /// fails with LimitExceededException when that is not enough.
    pub fn make_room(&mut self, now: Timestamp) -> Result<(), Error> {
        while self.versions.len() >= MAX_VERSIONS {
            let old = self
                .versions
                .iter()
                .position(|v| v.stages.is_empty() && v.created <= now - SECONDS_PER_DAY);
            match old {
                Some(i) => {
                    self.versions.remove(i);
                }
                None => {
                    // AWS documents the quota, not the message; it follows its form.
                    return Err(Error::LimitExceededException(
                        "You have exceeded the maximum number of versions of this secret. Secrets Manager removes versions without staging labels once they are more than a day old.".to_owned(),
                    ));
                }
            }
        }
        Ok(())
    }

    /// `{VersionId: [stages]}` for the versions that have a label.
    pub fn stages_view(&self) -> Value {
        let mut m = Map::new();
        for v in self.versions.iter().filter(|v| !v.stages.is_empty()) {
            m.insert(v.id.clone(), json!(v.stages));
        }
        Value::Object(m)
    }

    pub fn tags_view(&self) -> Value {
        self.tags
            .iter()
            .map(|(k, v)| json!({"Key": k, "Value": v}))
            .collect()
    }

    pub fn replication_view(&self) -> Value {
        self.replicas
            .iter()
            .map(|r| {
                json!({"Region": r.region, "KmsKeyId": r.kms_key_id, "Status": r.status, "StatusMessage": r.message})
            })
            .collect()
    }

    /// DescribeSecret's answer; ListSecrets shows the same with the stages
    /// under `SecretVersionsToStages`.
    pub fn describe(&self, stages_member: &str) -> Value {
        let mut m = Map::new();
        m.insert("ARN".into(), json!(self.arn));
        m.insert("Name".into(), json!(self.name));
        if let Some(d) = &self.description {
            m.insert("Description".into(), json!(d));
        }
        if let Some(k) = &self.kms_key_id {
            m.insert("KmsKeyId".into(), json!(k));
        }
        let r = &self.rotation;
        if r.lambda_arn.is_some() || r.rules.is_some() {
            m.insert("RotationEnabled".into(), json!(r.enabled));
        }
        if let Some(l) = &r.lambda_arn {
            m.insert("RotationLambdaARN".into(), json!(l));
        }
        if let Some(rules) = &r.rules {
            let mut rm = Map::new();
            if let Some(d) = rules.automatically_after_days {
                rm.insert("AutomaticallyAfterDays".into(), json!(d));
            }
            if let Some(d) = &rules.duration {
                rm.insert("Duration".into(), json!(d));
            }
            if let Some(s) = &rules.schedule_expression {
                rm.insert("ScheduleExpression".into(), json!(s));
            }
            m.insert("RotationRules".into(), Value::Object(rm));
        }
        if let Some(t) = r.last_rotated {
            m.insert("LastRotatedDate".into(), json!(t));
        }
        m.insert("LastChangedDate".into(), json!(self.last_changed));
        if let Some(t) = self.last_accessed {
            m.insert("LastAccessedDate".into(), json!(t));
        }
        if let Some(t) = self.deleted {
            m.insert("DeletedDate".into(), json!(t));
        }
        if let Some(t) = r.next.filter(|_| r.enabled) {
            m.insert("NextRotationDate".into(), json!(t));
        }
        if !self.tags.is_empty() {
            m.insert("Tags".into(), self.tags_view());
        }
        if !self.versions.is_empty() {
            m.insert(stages_member.into(), self.stages_view());
        }
        m.insert("CreatedDate".into(), json!(self.created));
        if let Some(p) = &self.primary_region {
            m.insert("PrimaryRegion".into(), json!(p));
        }
        if !self.replicas.is_empty() {
            m.insert("ReplicationStatus".into(), self.replication_view());
        }
        Value::Object(m)
    }

    /// `{ARN, Name}`, the answer of many operations.
    pub fn names(&self) -> Value {
        json!({"ARN": self.arn, "Name": self.name})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns_end_in_a_hyphen_and_six_characters() {
        let a = arn(
            "us-east-1",
            "111122223333",
            "db/pw",
            &mut Entropy::from_seed(1),
        );
        let (head, suffix) = a.rsplit_once('-').unwrap();
        assert_eq!(
            head,
            "arn:aws:secretsmanager:us-east-1:111122223333:secret:db/pw"
        );
        assert_eq!(suffix.len(), 6);
        assert_eq!(
            arn_in(&a, "us-east-1", "eu-west-1"),
            a.replace("us-east-1", "eu-west-1")
        );
    }

    #[test]
    fn version_ids_are_uuids() {
        let id = new_version_id(&mut Entropy::from_seed(1));
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
    }
}
