use keydeck_sim::{AccountId, Caller, Error, Principal, Simulator};
use serde_json::{json, Value};

pub const A: &str = "111122223333";

pub fn account(id: &str) -> AccountId {
    id.parse().unwrap()
}

pub fn root() -> Caller {
    Caller::new(Principal::root(&account(A)), "us-east-1".parse().unwrap())
}

pub fn alice() -> Caller {
    Caller::new(
        Principal::user(&account(A), "alice"),
        "us-east-1".parse().unwrap(),
    )
}

/// A seeded simulator and helpers for calling Parameter Store in it.
pub struct Store {
    pub sim: Simulator,
}

impl Store {
    pub fn new() -> Store {
        Store {
            sim: Simulator::with_seed(13),
        }
    }

    pub fn call(&mut self, op: &str, req: Value) -> Result<Value, Error> {
        self.sim.call("ssm", op, req, &root())
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

    pub fn put(&mut self, name: &str, value: &str) -> Value {
        self.ok(
            "PutParameter",
            json!({"Name": name, "Value": value, "Type": "String", "Overwrite": true}),
        )
    }

    pub fn get(&mut self, name: &str) -> Value {
        self.ok(
            "GetParameter",
            json!({"Name": name, "WithDecryption": true}),
        )["Parameter"]
            .clone()
    }
}

/// Asserts an error's exception name and message.
pub fn assert_error(e: &Error, code: &str, message: Option<&str>) {
    assert_eq!(e.code(), code, "{e}");
    assert_eq!(e.message(), message, "{e}");
}
