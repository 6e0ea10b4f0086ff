//! The KMS keyring's endpoint in the lab: the session's simulator, called
//! as the profile in use, so that its GenerateDataKey and Decrypt calls are
//! in the event log as the `aws kms` calls are.

use std::cell::RefCell;

use keydeck_esdk::keyring::KmsClient;
use keydeck_sim::{Caller, Simulator};
use serde_json::Value;

pub struct LabKms<'a> {
    sim: RefCell<&'a mut Simulator>,
    caller: Caller,
}

impl<'a> LabKms<'a> {
    pub fn new(sim: &'a mut Simulator, caller: Caller) -> LabKms<'a> {
        LabKms {
            sim: RefCell::new(sim),
            caller,
        }
    }
}

impl KmsClient for LabKms<'_> {
    fn call(&self, operation: &str, request: Value) -> Result<Value, String> {
        self.sim
            .borrow_mut()
            .call("kms", operation, request, &self.caller)
            .map_err(|e| {
                let json = e.to_json();
                // botocore's words, as the SDK for Python passes them on.
                format!(
                    "An error occurred ({}) when calling the {operation} operation: {}",
                    json["__type"].as_str().unwrap_or_default(),
                    json["message"].as_str().unwrap_or_default()
                )
            })
    }
}

/// The Region of a key ARN, which is where the SDK's KMS client calls.
pub fn arn_region(key_id: &str) -> Option<&str> {
    let rest = key_id.strip_prefix("arn:")?;
    let mut parts = rest.splitn(5, ':');
    let (_partition, service, region) = (parts.next()?, parts.next()?, parts.next()?);
    (service == "kms" && !region.is_empty()).then_some(region)
}
