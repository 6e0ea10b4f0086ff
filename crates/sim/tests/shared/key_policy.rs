//! What more than one service's tests need from KMS: a customer managed
//! key with a policy of the test's choosing.

use keydeck_sim::{Caller, Simulator};
use serde_json::json;

/// Creates, as `caller`, a key whose policy holds `statements` (the inside
/// of the Statement list), skipping the lockout check; returns its ARN.
pub fn key_with_policy(sim: &mut Simulator, caller: &Caller, statements: &str) -> String {
    let policy = format!(r#"{{"Version":"2012-10-17","Statement":[{statements}]}}"#);
    let out = sim
        .call(
            "kms",
            "CreateKey",
            json!({"Policy": policy, "BypassPolicyLockoutSafetyCheck": true}),
            caller,
        )
        .unwrap();
    out["KeyMetadata"]["Arn"].as_str().unwrap().to_owned()
}
