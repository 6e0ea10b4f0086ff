//! IAM identity policies: the inline policies attached to users and roles.
//!
//! The root user of an account needs none: it may do anything in its own
//! account that a resource policy does not deny.

use crate::platform::error::Error;
use crate::platform::policy::PolicyDocument;
use crate::platform::principal::Principal;
use std::collections::BTreeMap;

/// The identity policies of every user and role, by principal ARN.
#[derive(Debug, Clone, Default)]
pub struct Iam {
    policies: BTreeMap<String, BTreeMap<String, (String, PolicyDocument)>>,
}

impl Iam {
    /// Attaches (or replaces) the inline policy `name` of the user or role
    /// whose ARN is `principal_arn` (`arn:aws:iam::<account>:user/<name>` or
    /// `…:role/<name>`).
    pub fn put_policy(
        &mut self,
        principal_arn: &str,
        name: &str,
        document: &str,
    ) -> Result<(), Error> {
        let doc = PolicyDocument::parse_identity_policy(document)?;
        self.policies
            .entry(principal_arn.to_owned())
            .or_default()
            .insert(name.to_owned(), (document.to_owned(), doc));
        Ok(())
    }

    pub fn delete_policy(&mut self, principal_arn: &str, name: &str) -> bool {
        self.policies
            .get_mut(principal_arn)
            .is_some_and(|m| m.remove(name).is_some())
    }

    /// The policies that apply to a principal's calls, in order of name.
    pub fn policies_for(&self, principal: &Principal) -> Vec<PolicyDocument> {
        self.policies
            .get(&principal.policy_arn())
            .map(|m| m.values().map(|(_, d)| d.clone()).collect())
            .unwrap_or_default()
    }

    /// The name of the policy at `index` in [`Iam::policies_for`]'s list.
    pub fn policy_name(&self, principal: &Principal, index: usize) -> Option<&str> {
        self.policies
            .get(&principal.policy_arn())?
            .keys()
            .nth(index)
            .map(String::as_str)
    }
}
