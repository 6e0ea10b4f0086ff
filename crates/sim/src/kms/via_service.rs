//! KMS as another AWS service calls it for its caller: the seam through
//! which Parameter Store, Secrets Manager and EBS will seal and open their
//! data.
//!
//! Those services use the caller's own credentials (a forward access
//! session), so a call through them is the caller's call with
//! `kms:ViaService` set to `<service>.<region>.amazonaws.com`: the same
//! lookup, the same key policy, IAM policy and grant evaluation, and the
//! same trail event as a direct call, with `invokedBy` naming the service
//! (<https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service>).

use crate::kms::model::{Kms, Operation};
use crate::platform::env::Env;
use crate::platform::error::Error;
use crate::platform::trail::Trail;
use serde_json::Value;

/// KMS, borrowed for the length of one call to another service, which
/// names itself once (`ssm`, `secretsmanager`, `ec2`).
pub struct ViaService<'a> {
    service: &'a str,
    kms: &'a mut Kms,
    trail: &'a mut Trail,
}

impl<'a> ViaService<'a> {
    pub fn new(service: &'a str, kms: &'a mut Kms, trail: &'a mut Trail) -> ViaService<'a> {
        ViaService {
            service,
            kms,
            trail,
        }
    }

    /// Calls `operation` as the caller in `env`, through the service, and
    /// records it in the trail.
    pub fn call(
        &mut self,
        env: &Env<'_>,
        operation: Operation,
        request: &Value,
    ) -> Result<Value, Error> {
        let endpoint = format!("{}.{}.amazonaws.com", self.service, env.caller.region);
        let caller = env.caller.clone().via(&endpoint);
        let env = env.as_caller(&caller);
        let result = self.kms.call(&env, operation.as_str(), request);
        let name = operation.as_str();
        self.trail
            .record(env.now, "kms", name, request, &caller, &result);
        result
    }

    /// The trail, for what the calling service records of its own (such as
    /// the steps of a rotation) between its KMS calls.
    pub fn trail(&mut self) -> &mut Trail {
        self.trail
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::iam::Iam;
    use crate::platform::principal::{Caller, Principal};
    use crate::platform::random::Entropy;
    use serde_json::json;
    use std::cell::RefCell;

    #[test]
    fn an_aws_managed_key_is_usable_only_through_its_service() {
        let (mut kms, mut trail, iam) = (Kms::default(), Trail::default(), Iam::default());
        let rng = RefCell::new(Entropy::from_seed(7));
        let account = "111122223333".parse().unwrap();
        let caller = Caller::new(Principal::root(&account), "us-east-1".parse().unwrap());
        let env = Env {
            caller: &caller,
            now: 0,
            iam: &iam,
            rng: &rng,
        };
        let request = json!({"KeyId": "alias/aws/ssm", "Plaintext": "aGk="});

        let direct = kms.call(&env, "Encrypt", &request);
        assert_eq!(direct.unwrap_err().code(), "AccessDeniedException");

        let mut ssm = ViaService::new("ssm", &mut kms, &mut trail);
        let sealed = ssm.call(&env, Operation::Encrypt, &request).unwrap();
        let opened = ssm
            .call(
                &env,
                Operation::Decrypt,
                &json!({"CiphertextBlob": sealed["CiphertextBlob"]}),
            )
            .unwrap();
        assert_eq!(opened["Plaintext"], "aGk=");

        let events = trail.events();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].event_name, "Encrypt");
        assert_eq!(events[0].event_source, "kms.amazonaws.com");
        assert_eq!(
            events[1].user_identity.invoked_by.as_deref(),
            Some("ssm.us-east-1.amazonaws.com")
        );
    }
}
