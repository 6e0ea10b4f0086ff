//! The lab's named profiles: who each one is in which simulated account
//! (<https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html>),
//! and the IAM policies the accounts start with.
//!
//! Two accounts: 111122223333 ("yours") and 444455556666 ("partner").
//! Each has its root user, an `Admin` role whose IAM policy allows `kms:*`,
//! `ssm:*`, `secretsmanager:*`, `ec2:*` and `iam:*`, and a `developer` user with no
//! IAM policy.

use super::errors::CliError;
use keydeck_sim::{Caller, Principal, Region, Simulator};
use serde_json::json;

pub const YOURS: &str = "111122223333";
pub const PARTNER: &str = "444455556666";

/// The name of the role the admin profiles act as.
pub const ADMIN_ROLE: &str = "Admin";
/// The session name of the admin profiles' role sessions.
pub const ADMIN_SESSION: &str = "keydeck";
/// The IAM user the developer profiles act as.
pub const DEVELOPER: &str = "developer";

/// Who a profile is, within its account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    Root,
    /// An IAM user, by name.
    User(&'static str),
    /// A session of an IAM role, by role name.
    Role(&'static str),
}

/// A named profile, as `--profile NAME` selects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    pub name: &'static str,
    pub account: &'static str,
    pub principal: Identity,
    pub description: &'static str,
    /// The unique ID STS reports as `UserId` (for a role session, before
    /// `:<session>`).
    pub unique_id: &'static str,
}

const PROFILES: &[Profile] = &[
    Profile {
        name: "default",
        account: YOURS,
        principal: Identity::Role(ADMIN_ROLE),
        description: "the Admin role in your account (IAM policy: kms:*, ssm:*, secretsmanager:*, ec2:*, iam:*)",
        unique_id: "AROAYOURSADMINKEYDECK",
    },
    Profile {
        name: "root",
        account: YOURS,
        principal: Identity::Root,
        description: "the root user of your account",
        unique_id: YOURS,
    },
    Profile {
        name: "developer",
        account: YOURS,
        principal: Identity::User(DEVELOPER),
        description: "the IAM user developer in your account (no IAM policy at first)",
        unique_id: "AIDAYOURSDEVELOPERKD1",
    },
    Profile {
        name: "partner",
        account: PARTNER,
        principal: Identity::Role(ADMIN_ROLE),
        description: "the Admin role in the partner account (IAM policy: kms:*, ssm:*, secretsmanager:*, ec2:*, iam:*)",
        unique_id: "AROAPARTNERADMINKEYDK",
    },
    Profile {
        name: "partner-root",
        account: PARTNER,
        principal: Identity::Root,
        description: "the root user of the partner account",
        unique_id: PARTNER,
    },
    Profile {
        name: "partner-developer",
        account: PARTNER,
        principal: Identity::User(DEVELOPER),
        description: "the IAM user developer in the partner account (no IAM policy at first)",
        unique_id: "AIDAPARTNERDEVELOPER1",
    },
];

/// Every profile, `default` first.
pub fn profiles() -> &'static [Profile] {
    PROFILES
}

pub fn find(name: &str) -> Result<&'static Profile, CliError> {
    PROFILES
        .iter()
        .find(|p| p.name == name)
        .ok_or_else(|| CliError::General(format!("The config profile ({name}) could not be found")))
}

impl Profile {
    pub fn principal(&self) -> Principal {
        let account = self
            .account
            .parse()
            .expect("profile accounts are 12 digits");
        match self.principal {
            Identity::Root => Principal::root(&account),
            Identity::User(name) => Principal::user(&account, name),
            Identity::Role(name) => Principal::role(&account, name, ADMIN_SESSION),
        }
    }

    /// The ARN of the identity (a role session's ARN for role profiles).
    pub fn arn(&self) -> String {
        self.principal().caller_arn()
    }

    /// The access key ID keydeck-sim's endpoint maps to the same principal.
    pub fn access_key_id(&self) -> String {
        match self.principal {
            Identity::Root => format!("root-{}", self.account),
            Identity::User(name) => format!("user-{}-{name}", self.account),
            Identity::Role(name) => format!("role-{}-{name}", self.account),
        }
    }
}

/// The caller of a call made as `profile` in `region`, with botocore's
/// errors for an unknown profile or a malformed Region.
pub fn caller(profile: &str, region: &str, service: &str) -> Result<Caller, CliError> {
    let p = find(profile)?;
    Ok(Caller::new(p.principal(), parse_region(region, service)?))
}

/// botocore's check of a Region name's form, made when it creates a
/// client: `Provided region_name '…' doesn't match a supported format.`
pub fn check_region_format(region: &str) -> Result<(), CliError> {
    let well_formed = !region.is_empty()
        && region.len() <= 63
        && region
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !region.starts_with('-')
        && !region.ends_with('-');
    if !well_formed {
        return Err(CliError::General(format!(
            "Provided region_name '{region}' doesn't match a supported format."
        )));
    }
    Ok(())
}

/// A Region the simulator serves; any other well-formed name has no
/// endpoint to connect to.
fn parse_region(region: &str, service: &str) -> Result<Region, CliError> {
    check_region_format(region)?;
    region.parse().map_err(|_| {
        CliError::General(format!(
            "Could not connect to the endpoint URL: \"https://{service}.{region}.amazonaws.com/\""
        ))
    })
}

/// Gives each account's Admin role its IAM policy (`kms:*`, `ssm:*`,
/// `secretsmanager:*`, `ec2:*` and `iam:*`).
pub fn install_profiles(sim: &mut Simulator) {
    let document = json!({
        "Version": "2012-10-17",
        "Statement": [{"Sid": "AdminAccess", "Effect": "Allow", "Action": ["kms:*", "ssm:*", "secretsmanager:*", "ec2:*", "iam:*"], "Resource": "*"}]
    })
    .to_string();
    for account in [YOURS, PARTNER] {
        let root = Caller::new(
            Principal::root(&account.parse().expect("12 digits")),
            "us-east-1".parse().expect("a Region"),
        );
        let request = json!({
            "PrincipalArn": format!("arn:aws:iam::{account}:role/{ADMIN_ROLE}"),
            "PolicyName": "AdminAccess",
            "PolicyDocument": document,
        });
        sim.call("keydeck", "PutPrincipalPolicy", request, &root)
            .expect("the admin policy is well formed");
    }
}
