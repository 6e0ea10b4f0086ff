use keydeck_sim::{AccountId, Caller, Error, Principal, Simulator};
use serde_json::{json, Value};

/// Account A, which owns the source snapshot.
pub const A: &str = "111122223333";
/// Account B, with which A shares it.
pub const B: &str = "444455556666";

pub fn account(id: &str) -> AccountId {
    id.parse().unwrap()
}

pub fn root_of(id: &str) -> Caller {
    Caller::new(Principal::root(&account(id)), "us-east-1".parse().unwrap())
}

pub fn user_of(id: &str, name: &str) -> Caller {
    Caller::new(
        Principal::user(&account(id), name),
        "us-east-1".parse().unwrap(),
    )
}

/// The same caller in another Region.
pub fn in_region(caller: &Caller, region: &str) -> Caller {
    Caller {
        region: region.parse().unwrap(),
        ..caller.clone()
    }
}

/// A seeded simulator and helpers for calling EC2 and KMS in it.
pub struct World {
    pub sim: Simulator,
}

impl World {
    pub fn new() -> World {
        World {
            sim: Simulator::with_seed(21),
        }
    }

    pub fn call(&mut self, who: &Caller, op: &str, req: Value) -> Result<Value, Error> {
        self.sim.call("ec2", op, req, who)
    }

    pub fn ok(&mut self, who: &Caller, op: &str, req: Value) -> Value {
        self.call(who, op, req)
            .unwrap_or_else(|e| panic!("{op} failed: {e}"))
    }

    pub fn err(&mut self, who: &Caller, op: &str, req: Value) -> Error {
        match self.call(who, op, req) {
            Ok(v) => panic!("{op} should have failed, returned {v}"),
            Err(e) => e,
        }
    }

    /// Asserts that the call fails with exactly this error.
    pub fn fails(&mut self, who: &Caller, op: &str, req: Value, code: &str, message: &str) {
        let e = self.err(who, op, req);
        assert_error(&e, code, message);
    }

    /// A customer managed key of `who`'s account with `policy` (or the
    /// default key policy); its ARN.
    pub fn key(&mut self, who: &Caller, policy: Option<Value>) -> String {
        let request = match policy {
            Some(p) => json!({"Policy": p.to_string()}),
            None => json!({}),
        };
        let out = self.sim.call("kms", "CreateKey", request, who).unwrap();
        out["KeyMetadata"]["Arn"].as_str().unwrap().to_owned()
    }

    /// An 8 GiB volume in us-east-1a; its ID.
    pub fn volume(&mut self, who: &Caller, extra: Value) -> String {
        let mut request = json!({"AvailabilityZone": format!("{}a", who.region), "Size": 8});
        for (k, v) in extra.as_object().unwrap() {
            request[k] = v.clone();
        }
        let out = self.ok(who, "CreateVolume", request);
        out["VolumeId"].as_str().unwrap().to_owned()
    }

    /// A snapshot of `volume`; its ID.
    pub fn snapshot(&mut self, who: &Caller, volume: &str) -> String {
        let out = self.ok(who, "CreateSnapshot", json!({"VolumeId": volume}));
        out["SnapshotId"].as_str().unwrap().to_owned()
    }

    /// The `Snapshot` structure of `id` as `who` sees it.
    pub fn describe_snapshot(&mut self, who: &Caller, id: &str) -> Value {
        let out = self.ok(who, "DescribeSnapshots", json!({"SnapshotIds": [id]}));
        out["Snapshots"][0].clone()
    }

    /// Gives a user or role an inline IAM policy.
    pub fn allow(&mut self, who: &Caller, actions: &[&str]) {
        let document = json!({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": actions, "Resource": "*"}
        ]});
        let request = json!({
            "PrincipalArn": who.principal.policy_arn(),
            "PolicyName": "test",
            "PolicyDocument": document.to_string(),
        });
        let root = root_of(who.account().as_str());
        self.sim
            .call("keydeck", "PutPrincipalPolicy", request, &root)
            .unwrap();
    }

    /// The KMS events made through EC2, as (operation, error code).
    pub fn kms_via_ec2(&self) -> Vec<(String, Option<String>)> {
        self.sim
            .events()
            .iter()
            .filter(|e| e.event_source == "kms.amazonaws.com")
            .filter(|e| {
                e.user_identity
                    .invoked_by
                    .as_deref()
                    .is_some_and(|s| s.starts_with("ec2."))
            })
            .map(|e| (e.event_name.clone(), e.error_code.clone()))
            .collect()
    }
}

/// Asserts an error's exception name and message.
pub fn assert_error(e: &Error, code: &str, message: &str) {
    assert_eq!(e.code(), code, "{e}");
    assert_eq!(e.message(), Some(message), "{e}");
}

/// EC2's UnauthorizedOperation message for a user without an IAM allow.
pub fn unauthorized(user: &Caller, action: &str, resource: Option<&str>) -> String {
    let on = resource
        .map(|r| format!(" on resource: {r}"))
        .unwrap_or_default();
    format!(
        "You are not authorized to perform this operation. User: {} is not authorized to perform: \
         {action}{on} because no identity-based policy allows the {action} action",
        user.principal.caller_arn()
    )
}

/// The names of a list of KMS events.
pub fn names(events: &[(String, Option<String>)]) -> Vec<&str> {
    events.iter().map(|(n, _)| n.as_str()).collect()
}
