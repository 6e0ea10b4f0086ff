use base64::Engine as _;
use keydeck_sim::{AccountId, Caller, Error, Principal, Simulator};
use serde_json::{json, Value};

pub const A: &str = "111122223333";
pub const B: &str = "444455556666";

pub fn account(id: &str) -> AccountId {
    id.parse().unwrap()
}

pub fn caller_in(principal: Principal, region: &str) -> Caller {
    Caller::new(principal, region.parse().unwrap())
}

pub fn root(id: &str) -> Caller {
    caller_in(Principal::root(&account(id)), "us-east-1")
}

pub fn user(id: &str, name: &str) -> Caller {
    caller_in(Principal::user(&account(id), name), "us-east-1")
}

pub fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub fn unb64(v: &Value) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(v.as_str().expect("a base64 string"))
        .unwrap()
}

/// A simulator and helpers for calling KMS in it.
pub struct Lab {
    pub sim: Simulator,
}

impl Lab {
    pub fn new() -> Lab {
        Lab {
            sim: Simulator::new(),
        }
    }

    /// A lab whose simulator draws every random value from `seed`.
    pub fn seeded(seed: u64) -> Lab {
        Lab {
            sim: Simulator::with_seed(seed),
        }
    }

    pub fn call(&mut self, caller: &Caller, op: &str, req: Value) -> Result<Value, Error> {
        self.sim.call("kms", op, req, caller)
    }

    pub fn ok(&mut self, caller: &Caller, op: &str, req: Value) -> Value {
        self.call(caller, op, req)
            .unwrap_or_else(|e| panic!("{op} failed: {e}"))
    }

    pub fn err(&mut self, caller: &Caller, op: &str, req: Value) -> Error {
        match self.call(caller, op, req) {
            Ok(v) => panic!("{op} should have failed, returned {v}"),
            Err(e) => e,
        }
    }

    /// Creates a key as `caller` and returns its ARN.
    pub fn key(&mut self, caller: &Caller, req: Value) -> String {
        let out = self.ok(caller, "CreateKey", req);
        out["KeyMetadata"]["Arn"].as_str().unwrap().to_owned()
    }

    pub fn symmetric(&mut self) -> String {
        self.key(&root(A), json!({}))
    }

    /// Points the alias `name` at `key`, as account A's root.
    pub fn alias(&mut self, name: &str, key: &str) {
        self.ok(
            &root(A),
            "CreateAlias",
            json!({"AliasName": name, "TargetKeyId": key}),
        );
    }

    pub fn encrypt(&mut self, caller: &Caller, key: &str, plaintext: &[u8], ctx: Value) -> Vec<u8> {
        let out = self.ok(
            caller,
            "Encrypt",
            json!({"KeyId": key, "Plaintext": b64(plaintext), "EncryptionContext": ctx}),
        );
        unb64(&out["CiphertextBlob"])
    }

    pub fn put_identity_policy(&mut self, principal_arn: &str, statements: &str) {
        let doc = format!(r#"{{"Version":"2012-10-17","Statement":[{statements}]}}"#);
        self.sim
            .call(
                "keydeck",
                "PutPrincipalPolicy",
                json!({"PrincipalArn": principal_arn, "PolicyName": "p", "PolicyDocument": doc}),
                &root(A),
            )
            .unwrap();
    }
}

/// Asserts an error's exception name and message.
pub fn assert_error(e: &Error, code: &str, message: Option<&str>) {
    assert_eq!(e.code(), code, "{e}");
    assert_eq!(e.message(), message, "{e}");
}
