//! The `keydeck-sim serve` binary answers AWS JSON 1.1 over loopback HTTP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start() -> Server {
        Server::start_with(&[])
    }

    fn start_with(options: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_keydeck-sim"))
            .args(["serve", "--port", "0"])
            .args(options)
            .stdout(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .rsplit(':')
            .next()
            .unwrap()
            .parse()
            .expect("a port on the first line");
        Server { child, port }
    }

    fn post(&self, target: &str, access_key: &str, body: &str) -> (u16, serde_json::Value) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        let request = format!(
            "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: {target}\r\nContent-Type: application/x-amz-json-1.1\r\n\
             Authorization: AWS4-HMAC-SHA256 Credential={access_key}/20260101/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=00\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response[9..12].parse().unwrap();
        let json = response.split("\r\n\r\n").nth(1).unwrap();
        (status, serde_json::from_str(json).unwrap())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_binary_serves_kms_and_maps_access_keys_to_principals() {
    let server = Server::start();
    let (status, key) = server.post("TrentService.CreateKey", "root-111122223333", "{}");
    assert_eq!(status, 200);
    let arn = key["KeyMetadata"]["Arn"].as_str().unwrap().to_owned();
    assert!(arn.starts_with("arn:aws:kms:us-east-1:111122223333:key/"));
    let body = format!(r#"{{"KeyId":"{arn}","Plaintext":"aGk="}}"#);
    let (status, error) = server.post("TrentService.Encrypt", "user-111122223333-alice", &body);
    assert_eq!(status, 400);
    assert_eq!(error["__type"], "AccessDeniedException");
    assert!(error["message"]
        .as_str()
        .unwrap()
        .starts_with("User: arn:aws:iam::111122223333:user/alice is not authorized"));
    let (status, error) = server.post("TrentService.Nonsense", "root-111122223333", "{}");
    assert_eq!(
        (status, error),
        (
            400,
            serde_json::json!({"__type": "UnknownOperationException"})
        )
    );
    let (status, now) = server.post("KeyDeck.AdvanceClock", "root-111122223333", r#"{"Days":1}"#);
    assert_eq!(status, 200);
    assert_eq!(now["NowIso8601"], "2026-01-02T00:00:00Z");
}

#[test]
fn the_seed_option_makes_runs_repeat() {
    let key_id = |server: &Server| {
        let (_, key) = server.post("TrentService.CreateKey", "root-111122223333", "{}");
        key["KeyMetadata"]["KeyId"].as_str().unwrap().to_owned()
    };
    let (first, second) = (
        Server::start_with(&["--seed", "7"]),
        Server::start_with(&["--seed", "7"]),
    );
    assert_eq!(key_id(&first), key_id(&second));
    let other = Server::start_with(&["--seed", "8"]);
    assert_ne!(key_id(&first), key_id(&other));
}

#[test]
fn an_unknown_option_is_refused_with_the_usage() {
    let out = Command::new(env!("CARGO_BIN_EXE_keydeck-sim"))
        .args(["serve", "--port", "0", "--verbose"])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("invalid option '--verbose'"), "{stderr}");
    assert!(stderr.contains("usage: keydeck-sim serve"), "{stderr}");
}
