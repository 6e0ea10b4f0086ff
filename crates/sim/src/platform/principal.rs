//! Who calls: an account's root user, an IAM user, or a role session; and
//! where from: the Region of the endpoint and, when a service such as SSM
//! calls KMS on the principal's behalf, that service.

use crate::platform::account::{AccountId, Region};
use std::fmt;

/// The kind of IAM identity behind a call.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Identity {
    /// The account's root user, `arn:aws:iam::<account>:root`.
    Root,
    /// An IAM user, `arn:aws:iam::<account>:user/<name>`.
    User(String),
    /// A session of an IAM role. Key policies name the role
    /// (`arn:aws:iam::<account>:role/<name>`), while errors and CloudTrail
    /// show the session (`arn:aws:sts::<account>:assumed-role/<name>/<session>`).
    Role { name: String, session: String },
}

/// An IAM principal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Principal {
    pub account: AccountId,
    pub identity: Identity,
}

impl Principal {
    pub fn root(account: &AccountId) -> Principal {
        Principal {
            account: account.clone(),
            identity: Identity::Root,
        }
    }

    pub fn user(account: &AccountId, name: &str) -> Principal {
        Principal {
            account: account.clone(),
            identity: Identity::User(name.to_owned()),
        }
    }

    pub fn role(account: &AccountId, name: &str, session: &str) -> Principal {
        Principal {
            account: account.clone(),
            identity: Identity::Role {
                name: name.to_owned(),
                session: session.to_owned(),
            },
        }
    }

    /// The ARN that policies match against (`aws:PrincipalArn`): for a role
    /// session this is the role's ARN.
    pub fn policy_arn(&self) -> String {
        match &self.identity {
            Identity::Root => self.account.root_arn(),
            Identity::User(name) => format!("arn:aws:iam::{}:user/{name}", self.account),
            Identity::Role { name, .. } => format!("arn:aws:iam::{}:role/{name}", self.account),
        }
    }

    /// The ARN of the calling identity, as AccessDeniedException messages
    /// and CloudTrail's `userIdentity.arn` show it.
    pub fn caller_arn(&self) -> String {
        match &self.identity {
            Identity::Role { name, session } => {
                format!(
                    "arn:aws:sts::{}:assumed-role/{name}/{session}",
                    self.account
                )
            }
            _ => self.policy_arn(),
        }
    }

    pub fn is_root(&self) -> bool {
        self.identity == Identity::Root
    }

    /// CloudTrail's `userIdentity.type`.
    pub fn identity_type(&self) -> &'static str {
        match self.identity {
            Identity::Root => "Root",
            Identity::User(_) => "IAMUser",
            Identity::Role { .. } => "AssumedRole",
        }
    }

    /// Maps an access key ID to a principal, so that any SigV4-signed request
    /// names its caller. The forms are:
    ///
    /// | access key ID                     | principal                                   |
    /// |-----------------------------------|---------------------------------------------|
    /// | `root-111122223333`               | `arn:aws:iam::111122223333:root`            |
    /// | `user-111122223333-alice`         | `arn:aws:iam::111122223333:user/alice`      |
    /// | `role-111122223333-Admin`         | session `keydeck` of role `Admin`           |
    /// | anything else (`test`, `AKIA…`)   | the root of `default_account`               |
    pub fn from_access_key(access_key_id: &str, default_account: &AccountId) -> Principal {
        let mut parts = access_key_id.splitn(3, '-');
        let kind = parts.next().unwrap_or_default();
        let account = parts.next().and_then(|a| a.parse::<AccountId>().ok());
        let name = parts.next().filter(|n| !n.is_empty());
        match (kind, account, name) {
            ("root", Some(account), None) => Principal::root(&account),
            ("user", Some(account), Some(name)) => Principal::user(&account, name),
            ("role", Some(account), Some(name)) => Principal::role(&account, name, "keydeck"),
            _ => Principal::root(default_account),
        }
    }
}

impl fmt::Display for Principal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.caller_arn())
    }
}

/// Everything about a call that is not in its request body: the principal,
/// the Region of the endpoint, and the AWS service calling on the
/// principal's behalf (the value of `kms:ViaService`), if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub principal: Principal,
    pub region: Region,
    pub via_service: Option<String>,
}

impl Caller {
    pub fn new(principal: Principal, region: Region) -> Caller {
        Caller {
            principal,
            region,
            via_service: None,
        }
    }

    /// The same caller, calling through an AWS service such as
    /// `ssm.us-east-1.amazonaws.com`.
    pub fn via(mut self, service: &str) -> Caller {
        self.via_service = Some(service.to_owned());
        self
    }

    pub fn account(&self) -> &AccountId {
        &self.principal.account
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(id: &str) -> AccountId {
        id.parse().unwrap()
    }

    #[test]
    fn access_keys_name_their_principal() {
        let default = account("111122223333");
        let cases = [
            ("root-444455556666", "arn:aws:iam::444455556666:root"),
            (
                "user-444455556666-alice",
                "arn:aws:iam::444455556666:user/alice",
            ),
            (
                "role-444455556666-Admin",
                "arn:aws:sts::444455556666:assumed-role/Admin/keydeck",
            ),
            ("AKIAIOSFODNN7EXAMPLE", "arn:aws:iam::111122223333:root"),
            ("user-12-bob", "arn:aws:iam::111122223333:root"),
        ];
        for (key, arn) in cases {
            assert_eq!(
                Principal::from_access_key(key, &default).caller_arn(),
                arn,
                "{key}"
            );
        }
    }

    #[test]
    fn a_role_session_matches_policies_by_its_role_arn() {
        let p = Principal::role(&account("111122223333"), "Admin", "s1");
        assert_eq!(p.policy_arn(), "arn:aws:iam::111122223333:role/Admin");
        assert_eq!(p.identity_type(), "AssumedRole");
    }
}
