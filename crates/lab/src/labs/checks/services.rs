//! Reading the state of the services that call KMS for you: Parameter
//! Store, Secrets Manager and EBS. The simulator shows their state only
//! through their APIs, so a check asks, as the account's root user, a copy
//! of the simulator: the question changes nothing in the learner's session
//! and leaves no event in its log.

use keydeck_sim::{Caller, Principal, Simulator};
use serde_json::Value;

use crate::session::Session;

/// The Region every lab works in.
const REGION: &str = "us-east-1";

/// A copy of the session's simulator to ask questions of.
pub(super) struct Probe {
    sim: Simulator,
}

impl Probe {
    pub fn new(session: &Session) -> Probe {
        Probe {
            sim: session.sim().clone(),
        }
    }

    /// The answer of `operation`, called as the root user of `account` in
    /// the labs' Region, or `None` if it failed.
    pub fn ask(
        &mut self,
        account: &str,
        service: &str,
        operation: &str,
        request: Value,
    ) -> Option<Value> {
        let caller = Caller::new(
            Principal::root(&account.parse().ok()?),
            REGION.parse().ok()?,
        );
        self.sim.call(service, operation, request, &caller).ok()
    }

    /// The members of a list in an answer, such as `Parameters`.
    pub fn list(
        &mut self,
        account: &str,
        service: &str,
        operation: &str,
        request: Value,
        member: &str,
    ) -> Vec<Value> {
        self.ask(account, service, operation, request)
            .and_then(|answer| answer.get(member).and_then(Value::as_array).cloned())
            .unwrap_or_default()
    }
}
