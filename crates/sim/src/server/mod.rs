//! The loopback endpoint: AWS JSON 1.1, and EC2's Query protocol, over
//! HTTP on 127.0.0.1, so boto3 and the aws CLI can call the simulator with
//! `--endpoint-url`.
//!
//! - `POST /` with `X-Amz-Target: TrentService.<Operation>` (KMS),
//!   `AmazonSSM.<Operation>` (Parameter Store),
//!   `secretsmanager.<Operation>` (Secrets Manager) or
//!   `KeyDeck.<Operation>` (the simulation's own controls), and a JSON body.
//! - Success: status 200, `Content-Type: application/x-amz-json-1.1`.
//! - Failure: status 400 and `{"__type": "<Exception>", "message": "…"}`.
//! - `POST /` with `Content-Type: application/x-www-form-urlencoded` and
//!   `Action=<Operation>&…`: EC2, answered in XML ([`query`]).
//! - Any SigV4 signature is accepted unchecked. The access key ID in the
//!   `Authorization` header names the principal (see
//!   [`Principal::from_access_key`]) and its credential scope names the
//!   Region. Without an `Authorization` header the caller is the default
//!   account's root in the default Region.
//! - `X-KeyDeck-Via-Service: ssm.us-east-1.amazonaws.com` makes the call as
//!   if that AWS service made it for the principal (`kms:ViaService`).

use crate::platform::account::{AccountId, Region};
use crate::platform::error::Error;
use crate::platform::principal::{Caller, Principal};
use crate::simulator::{service_for_target_prefix, Simulator};
use serde_json::Value;

pub mod query;

/// The principal and Region a request's headers name.
pub fn caller_from_headers(
    authorization: Option<&str>,
    via: Option<&str>,
    account: &AccountId,
    region: &Region,
) -> Caller {
    let credential = authorization
        .and_then(|a| a.split("Credential=").nth(1))
        .map(|c| c.split([',', ' ']).next().unwrap_or_default().to_owned());
    let mut parts = credential.as_deref().unwrap_or_default().split('/');
    let access_key = parts.next().unwrap_or_default();
    let scope_region = parts.nth(1).and_then(|r| r.parse::<Region>().ok());
    let principal = Principal::from_access_key(access_key, account);
    let mut caller = Caller::new(principal, scope_region.unwrap_or_else(|| region.clone()));
    caller.via_service = via.map(str::to_owned);
    caller
}

/// Answers one request: the HTTP status and JSON body.
pub fn handle(
    sim: &mut Simulator,
    target: Option<&str>,
    caller: &Caller,
    body: &[u8],
) -> (u16, String) {
    let result = (|| {
        let (prefix, operation) = target
            .and_then(|t| t.split_once('.'))
            .ok_or(Error::UnknownOperationException)?;
        let service = service_for_target_prefix(prefix).ok_or(Error::UnknownOperationException)?;
        let request: Value = if body.iter().all(u8::is_ascii_whitespace) {
            Value::Object(Default::default())
        } else {
            serde_json::from_slice(body).map_err(|_| {
                Error::SerializationException(
                    "Start of structure or map found where not expected.".to_owned(),
                )
            })?
        };
        sim.call(service, operation, request, caller)
    })();
    match result {
        Ok(v) => (200, v.to_string()),
        Err(e) => (400, e.to_json().to_string()),
    }
}

/// Answers one EC2 Query request: the HTTP status and XML body.
pub fn handle_query(
    sim: &mut Simulator,
    caller: &Caller,
    body: &[u8],
    request_id: &str,
) -> (u16, String) {
    let result = query::decode(body)
        .and_then(|(action, request)| Ok((sim.call("ec2", &action, request, caller)?, action)));
    match result {
        Ok((answer, action)) => (200, query::encode(&action, &answer, request_id)),
        Err(e) => (query::status(&e), query::encode_error(&e, request_id)),
    }
}

/// A request ID in the UUID form AWS uses, from a counter.
fn request_id(n: u64) -> String {
    format!("00000000-0000-4000-8000-{n:012x}")
}

fn header<'r>(request: &'r tiny_http::Request, name: &str) -> Option<&'r str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

/// Serves `sim` until the process ends. `on_ready` receives the bound port.
pub fn serve(
    mut sim: Simulator,
    port: u16,
    account: AccountId,
    region: Region,
    on_ready: impl FnOnce(u16),
) -> std::io::Result<()> {
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(std::io::Error::other)?;
    let bound = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(port);
    on_ready(bound);
    let json_type = tiny_http::Header::from_bytes("Content-Type", "application/x-amz-json-1.1")
        .expect("valid header");
    let xml_type = tiny_http::Header::from_bytes("Content-Type", "text/xml;charset=UTF-8")
        .expect("valid header");
    let mut served: u64 = 0;
    for mut request in server.incoming_requests() {
        let mut body = Vec::new();
        let _ = request.as_reader().read_to_end(&mut body);
        let caller = caller_from_headers(
            header(&request, "Authorization"),
            header(&request, "X-KeyDeck-Via-Service"),
            &account,
            &region,
        );
        let target = header(&request, "X-Amz-Target").map(str::to_owned);
        let form =
            header(&request, "Content-Type").is_some_and(|c| c.contains("x-www-form-urlencoded"));
        served += 1;
        let post = *request.method() == tiny_http::Method::Post;
        let (status, text, kind) = if post && form {
            let (s, t) = handle_query(&mut sim, &caller, &body, &request_id(served));
            (s, t, &xml_type)
        } else if post {
            let (s, t) = handle(&mut sim, target.as_deref(), &caller, &body);
            (s, t, &json_type)
        } else {
            let t = Error::UnknownOperationException.to_json().to_string();
            (400, t, &json_type)
        };
        let response = tiny_http::Response::from_string(text)
            .with_status_code(status)
            .with_header(kind.clone());
        let _ = request.respond(response);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sigv4_credential_names_principal_and_region() {
        let auth = "AWS4-HMAC-SHA256 Credential=user-444455556666-bob/20260101/eu-west-1/kms/aws4_request, SignedHeaders=host, Signature=abc";
        let caller = caller_from_headers(
            Some(auth),
            None,
            &"111122223333".parse().unwrap(),
            &"us-east-1".parse().unwrap(),
        );
        assert_eq!(
            caller.principal.caller_arn(),
            "arn:aws:iam::444455556666:user/bob"
        );
        assert_eq!(caller.region.as_str(), "eu-west-1");
    }
}
