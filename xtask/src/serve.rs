//! A small static server for `dist/`: the SPA's deep links fall back to
//! `index.html`, as the installed PWA's service worker does offline.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;

use crate::{project_root, site, tools, Result};

pub fn cli(args: &[String]) -> Result<()> {
    let mut port = 8080u16;
    let mut build = true;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--port" => {
                let value = rest.next().ok_or("--port needs a number")?;
                port = value
                    .parse()
                    .map_err(|_| format!("--port: {value:?} is not a port number"))?;
            }
            "--no-build" => build = false,
            other => return Err(format!("serve: unknown option {other:?}").into()),
        }
    }
    if build {
        let toolchain = tools::ensure_build_tools()?;
        site::build_app(&toolchain)?;
    }
    let dist = project_root().join("dist");
    if !dist.join("index.html").is_file() {
        return Err(
            "dist/index.html is missing: run `cargo xtask serve` without --no-build".into(),
        );
    }
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    println!("KeyDeck is served at http://127.0.0.1:{port}/ (Ctrl-C stops it)");
    serve_forever(listener, dist);
    Ok(())
}

/// Serves `dist` on an already-bound listener, one thread per connection.
pub fn serve_forever(listener: TcpListener, dist: PathBuf) {
    for stream in listener.incoming().flatten() {
        let dist = dist.clone();
        thread::spawn(move || {
            let _ = respond(stream, &dist);
        });
    }
}

fn respond(mut stream: TcpStream, dist: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them changes the answer.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return write_response(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed",
            true,
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    match resolve(dist, path) {
        Some(file) => {
            let body = std::fs::read(&file)?;
            write_response(
                &mut stream,
                "200 OK",
                content_type(&file),
                &body,
                method == "GET",
            )
        }
        None => write_response(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            method == "GET",
        ),
    }
}

/// The file for a URL path: the file itself, or `index.html` for any path
/// without an extension (a client-side route).
fn resolve(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let relative = Path::new(url_path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let candidate = dist.join(relative);
    if candidate.is_file() {
        return Some(candidate);
    }
    let is_route = relative.extension().is_none();
    is_route.then(|| dist.join("index.html"))
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn write_response(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    with_body: bool,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}
