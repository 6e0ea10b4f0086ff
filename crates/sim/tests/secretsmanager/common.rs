use keydeck_sim::{AccountId, Caller, Error, Principal, Simulator};
use serde_json::{json, Value};

pub const A: &str = "111122223333";
pub const B: &str = "444455556666";
pub const FUNCTION: &str = "arn:aws:lambda:us-east-1:111122223333:function:rotator";
pub const FAILING: &str =
    "arn:aws:lambda:us-east-1:111122223333:function:rotator-fail-at-testSecret";
pub const DB_VALUE: &str = r#"{"engine":"postgres","username":"app","password":"first-password"}"#;

pub fn account(id: &str) -> AccountId {
    id.parse().unwrap()
}

pub fn root() -> Caller {
    root_of(A)
}

pub fn root_of(id: &str) -> Caller {
    Caller::new(Principal::root(&account(id)), "us-east-1".parse().unwrap())
}

pub fn in_region(caller: Caller, region: &str) -> Caller {
    Caller {
        region: region.parse().unwrap(),
        ..caller
    }
}

pub fn user(id: &str, name: &str) -> Caller {
    Caller::new(
        Principal::user(&account(id), name),
        "us-east-1".parse().unwrap(),
    )
}

/// A seeded simulator and helpers for calling Secrets Manager in it.
pub struct Sm {
    pub sim: Simulator,
}

impl Sm {
    pub fn new() -> Sm {
        Sm {
            sim: Simulator::with_seed(21),
        }
    }

    pub fn call_as(&mut self, caller: &Caller, op: &str, req: Value) -> Result<Value, Error> {
        self.sim.call("secretsmanager", op, req, caller)
    }

    pub fn call(&mut self, op: &str, req: Value) -> Result<Value, Error> {
        self.call_as(&root(), op, req)
    }

    pub fn ok(&mut self, op: &str, req: Value) -> Value {
        self.call(op, req)
            .unwrap_or_else(|e| panic!("{op} failed: {e}"))
    }

    pub fn err(&mut self, op: &str, req: Value) -> Error {
        match self.call(op, req) {
            Ok(v) => panic!("{op} should have failed, returned {v}"),
            Err(e) => e,
        }
    }

    pub fn create(&mut self, name: &str, value: &str) -> Value {
        self.ok("CreateSecret", json!({"Name": name, "SecretString": value}))
    }

    pub fn value(&mut self, id: &str) -> String {
        self.ok("GetSecretValue", json!({"SecretId": id}))["SecretString"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub fn describe(&mut self, id: &str) -> Value {
        self.ok("DescribeSecret", json!({"SecretId": id}))
    }

    /// The staging labels of each version, by version ID.
    pub fn stages(&mut self, id: &str) -> Value {
        self.describe(id)["VersionIdsToStages"].clone()
    }

    pub fn control(&mut self, op: &str, req: Value) -> Value {
        self.sim.call("keydeck", op, req, &root()).unwrap()
    }

    pub fn advance_days(&mut self, days: i64) {
        self.control("AdvanceClock", json!({"Days": days}));
    }

    pub fn now(&mut self) -> i64 {
        self.control("GetClock", json!({}))["Now"].as_i64().unwrap()
    }

    pub fn policy_for(&mut self, principal_arn: &str, statements: Value) {
        let doc = json!({"Version": "2012-10-17", "Statement": statements}).to_string();
        self.control(
            "PutPrincipalPolicy",
            json!({"PrincipalArn": principal_arn, "PolicyName": "p", "PolicyDocument": doc}),
        );
    }

    pub fn database_password(&mut self, id: &str) -> String {
        self.control("GetSecretDatabaseUser", json!({"SecretId": id}))["Password"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// The event names the trail recorded from `source`, oldest first.
    pub fn events_from(&self, source: &str) -> Vec<String> {
        self.sim
            .events()
            .iter()
            .filter(|e| e.event_source == source)
            .map(|e| e.event_name.clone())
            .collect()
    }
}

/// Asserts an error's exception name and message.
pub fn assert_error(e: &Error, code: &str, message: &str) {
    assert_eq!(e.code(), code, "{e}");
    assert_eq!(e.message(), Some(message), "{e}");
}

/// The one version that carries `stage`, in a VersionIdsToStages map.
pub fn holder(stages: &Value, stage: &str) -> Option<String> {
    stages
        .as_object()
        .unwrap()
        .iter()
        .find(|(_, s)| s.as_array().unwrap().iter().any(|x| x == stage))
        .map(|(id, _)| id.clone())
}
