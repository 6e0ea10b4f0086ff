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
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::HeaderValue;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;

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

/// The requests' content types, and the answers'.
const JSON: &str = "application/x-amz-json-1.1";
const XML: &str = "text/xml;charset=UTF-8";

/// Serves `sim` until the process ends. `on_ready` receives the bound port.
///
/// Each connection is a task of its own on one thread, so an SDK's pool of
/// kept-open connections never holds up a new one; the calls themselves
/// take turns on the one simulation, in the order they arrive.
pub fn serve(
    sim: Simulator,
    port: u16,
    account: AccountId,
    region: Region,
    on_ready: impl FnOnce(u16),
) -> std::io::Result<()> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))?;
    on_ready(listener.local_addr()?.port());
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    let endpoint = Rc::new(Endpoint {
        sim: RefCell::new(sim),
        served: Cell::new(0),
        account,
        region,
    });
    let local = tokio::task::LocalSet::new();
    local.block_on(&runtime, async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        loop {
            let (stream, _) = listener.accept().await?;
            let endpoint = Rc::clone(&endpoint);
            tokio::task::spawn_local(async move {
                let service = service_fn(move |request| {
                    let endpoint = Rc::clone(&endpoint);
                    async move { endpoint.answer(request).await }
                });
                // A connection that breaks off ends here; the others go on.
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    })
}

/// The simulation behind the endpoint, and how many requests it answered.
struct Endpoint {
    sim: RefCell<Simulator>,
    served: Cell<u64>,
    account: AccountId,
    region: Region,
}

impl Endpoint {
    async fn answer(
        &self,
        request: Request<Incoming>,
    ) -> Result<Response<Full<Bytes>>, hyper::Error> {
        let (head, body) = request.into_parts();
        let body = body.collect().await?.to_bytes();
        let header = |name: &str| head.headers.get(name).and_then(|v| v.to_str().ok());
        let caller = caller_from_headers(
            header("Authorization"),
            header("X-KeyDeck-Via-Service"),
            &self.account,
            &self.region,
        );
        let form = header("Content-Type").is_some_and(|c| c.contains("x-www-form-urlencoded"));
        let served = self.served.get() + 1;
        self.served.set(served);
        let post = head.method == Method::POST;
        let mut sim = self.sim.borrow_mut();
        let (status, text, kind) = if post && form {
            let (s, t) = handle_query(&mut sim, &caller, &body, &request_id(served));
            (s, t, XML)
        } else if post {
            let (s, t) = handle(&mut sim, header("X-Amz-Target"), &caller, &body);
            (s, t, JSON)
        } else {
            let t = Error::UnknownOperationException.to_json().to_string();
            (400, t, JSON)
        };
        let mut response = Response::new(Full::new(Bytes::from(text)));
        *response.status_mut() =
            StatusCode::from_u16(status).expect("the endpoint's statuses are 200 and 400");
        response
            .headers_mut()
            .insert("content-type", HeaderValue::from_static(kind));
        Ok(response)
    }
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

#[cfg(test)]
mod endpoint_tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::time::Duration;

    /// An SDK keeps its pool's connections open between calls, and several
    /// clients may call at once: each call on a new connection is answered
    /// while the others stay open, in one simulation.
    #[test]
    fn kept_open_connections_never_hold_up_a_new_call() {
        let (ready, port) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let account = "111122223333".parse().unwrap();
            let region = "us-east-1".parse().unwrap();
            serve(Simulator::with_seed(7), 0, account, region, |bound| {
                ready.send(bound).unwrap()
            })
        });
        let port = port.recv().unwrap();
        let mut open: Vec<TcpStream> = (0..12)
            .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
            .collect();
        for stream in &mut open {
            write!(
                stream,
                "POST / HTTP/1.1\r\nHost: kms\r\nX-Amz-Target: TrentService.CreateKey\r\n\
                 Content-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\n\r\n{{}}"
            )
            .unwrap();
        }
        for (n, stream) in open.iter_mut().enumerate() {
            stream
                .set_read_timeout(Some(Duration::from_secs(10)))
                .unwrap();
            let mut first = [0; 15];
            stream
                .read_exact(&mut first)
                .unwrap_or_else(|e| panic!("connection {n} had no answer: {e}"));
            assert_eq!(&first, b"HTTP/1.1 200 OK", "connection {n}");
        }
        // All twelve keys are in the one simulation.
        let mut last = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            last,
            "POST / HTTP/1.1\r\nHost: kms\r\nConnection: close\r\nX-Amz-Target: TrentService.ListKeys\r\n\
             Content-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\n\r\n{{}}"
        )
        .unwrap();
        let mut answer = String::new();
        last.read_to_string(&mut answer).unwrap();
        let body: Value = serde_json::from_str(answer.split("\r\n\r\n").nth(1).unwrap()).unwrap();
        assert_eq!(body["Keys"].as_array().unwrap().len(), 12, "{answer}");
    }
}
