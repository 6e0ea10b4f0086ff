//! `xtask serve --dist DIR --port N` as another program drives it
//! (`tests/e2e/support/server.ts`): the first line it prints is the site's
//! address, killing it takes the site offline, and it starts again on the
//! same port.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A built site of two files, in a folder of its own for one test.
fn site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xtask-serve-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("pkg-abc")).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>KeyDeck</title>",
    )
    .unwrap();
    std::fs::write(dir.join("pkg-abc/app.js"), "export const ready = true;\n").unwrap();
    dir
}

fn xtask() -> Command {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
}

/// The server as a child process, and the address it printed.
struct Served {
    child: Child,
    first_line: String,
    /// `127.0.0.1:<port>`
    addr: String,
}

impl Served {
    fn start(dist: &Path, port: u16) -> Served {
        let mut child = xtask()
            .arg("serve")
            .arg("--dist")
            .arg(dist)
            .args(["--port", &port.to_string()])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first_line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first_line)
            .unwrap();
        let addr = first_line
            .strip_prefix("serving http://")
            .and_then(|rest| rest.strip_suffix("/\n"))
            .unwrap_or_else(|| panic!("not an address: {first_line:?}"))
            .to_owned();
        Served {
            child,
            first_line,
            addr,
        }
    }

    fn port(&self) -> u16 {
        self.addr.rsplit(':').next().unwrap().parse().unwrap()
    }

    /// The status line of a GET for `path`.
    fn status(&self, path: &str) -> String {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer.lines().next().unwrap_or_default().to_owned()
    }

    fn stop(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

#[test]
fn prints_its_address_first_and_starts_again_on_the_same_port() {
    let dist = site("restart");
    let first = Served::start(&dist, 0);
    assert!(first.first_line.starts_with("serving http://127.0.0.1:"));
    assert_ne!(first.port(), 0);
    assert_eq!(first.status("/labs/first-key"), "HTTP/1.1 200 OK");
    assert_eq!(first.status("/pkg-abc/app.js"), "HTTP/1.1 200 OK");
    let (addr, port) = (first.addr.clone(), first.port());
    first.stop();
    assert!(TcpStream::connect(&addr).is_err(), "still answering");

    // The copy changes while the site is down, as a test's new build does.
    std::fs::remove_file(dist.join("pkg-abc/app.js")).unwrap();
    let again = Served::start(&dist, port);
    assert_eq!(again.addr, addr);
    assert_eq!(again.status("/"), "HTTP/1.1 200 OK");
    assert_eq!(again.status("/pkg-abc/app.js"), "HTTP/1.1 404 Not Found");
    again.stop();
}

#[test]
fn a_folder_without_a_page_is_refused() {
    let dist = site("empty");
    std::fs::remove_file(dist.join("index.html")).unwrap();
    let out = xtask()
        .arg("serve")
        .arg("--dist")
        .arg(&dist)
        .args(["--port", "0"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(error.contains("has no index.html"), "{error}");
}
