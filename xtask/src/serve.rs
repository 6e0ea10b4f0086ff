//! A small static server for `dist/`: the SPA's deep links fall back to
//! `index.html`, as the installed PWA's service worker does offline. Text,
//! scripts and wasm go out brotli-compressed to clients that accept it, as
//! a production host would send them, so measurements over it see the bytes
//! a learner downloads.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::SystemTime;

use crate::{project_root, site, tools, Result};

pub fn cli(args: &mut lexopt::Parser) -> Result<()> {
    use lexopt::prelude::*;
    let mut port = 8080u16;
    let mut build = true;
    while let Some(arg) = args.next()? {
        match arg {
            Long("port") => {
                let value = args.value()?.string()?;
                port = value
                    .parse()
                    .map_err(|_| format!("--port: {value:?} is not a port number"))?;
            }
            Long("no-build") => build = false,
            other => return Err(format!("serve: {}", other.unexpected()).into()),
        }
    }
    let dist = if build {
        build_dist()?
    } else {
        project_root().join("dist")
    };
    if !dist.join("index.html").is_file() {
        return Err(
            "dist/index.html is missing: run `cargo xtask serve` without --no-build".into(),
        );
    }
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    precompress(&dist)?;
    println!("KeyDeck is served at http://127.0.0.1:{port}/ (Ctrl-C stops it)");
    serve_forever(listener, dist);
    Ok(())
}

/// `cargo xtask dist`: builds what a static host serves, without serving it.
pub fn dist_cli() -> Result<()> {
    let dist = build_dist()?;
    println!(
        "{} is ready to upload to a static host (see README.md, Deploying)",
        dist.display()
    );
    Ok(())
}

/// Builds the deployable `dist/`: the release site, its labs worker and the
/// service worker, installing the pinned tools first. Returns its path.
pub fn build_dist() -> Result<PathBuf> {
    let toolchain = tools::ensure_build_tools()?;
    site::build_app(&toolchain)?;
    Ok(project_root().join("dist"))
}

/// Serves `dist` in the background on an ephemeral loopback port, compressed
/// up front (parallel requests for a new file would otherwise each wait on
/// brotli); returns its base URL. For the browser suite and the benches.
pub fn on_loopback(dist: &Path) -> Result<String> {
    precompress(dist)?;
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let base = format!("http://127.0.0.1:{}", listener.local_addr()?.port());
    let dist = dist.to_path_buf();
    thread::spawn(move || serve_forever(listener, dist));
    Ok(base)
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

/// Compresses every compressible file below `dir` into the cache, so the
/// first request for each does not wait on brotli at quality 11 (seconds
/// for the app's wasm), nor do parallel requests compress it twice.
pub fn precompress(dir: &Path) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            precompress(&path)?;
        } else if is_compressible(&path) {
            brotli_cached(&path, &std::fs::read(&path)?)?;
        }
    }
    Ok(())
}

fn respond(mut stream: TcpStream, dist: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut accepts_br = false;
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accepts_br |= accepts_brotli(value);
            }
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let answer = answer(dist, method, target, accepts_br)?;
    write_response(&mut stream, &answer)
}

/// What the server sends for one request.
struct Answer {
    status: &'static str,
    kind: &'static str,
    body: Arc<[u8]>,
    /// `Content-Encoding: br`.
    brotli: bool,
    /// `Vary: Accept-Encoding`: the body depends on that header.
    vary: bool,
    with_body: bool,
}

impl Answer {
    fn text(status: &'static str, text: &'static str, with_body: bool) -> Answer {
        Answer {
            status,
            kind: "text/plain",
            body: Arc::from(text.as_bytes()),
            brotli: false,
            vary: false,
            with_body,
        }
    }
}

fn answer(dist: &Path, method: &str, target: &str, accepts_br: bool) -> std::io::Result<Answer> {
    if method != "GET" && method != "HEAD" {
        return Ok(Answer::text(
            "405 Method Not Allowed",
            "method not allowed",
            true,
        ));
    }
    let with_body = method == "GET";
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let Some(file) = resolve(dist, path) else {
        return Ok(Answer::text("404 Not Found", "not found", with_body));
    };
    let plain = std::fs::read(&file)?;
    let compressible = is_compressible(&file);
    let (body, brotli) = if compressible && accepts_br {
        (brotli_cached(&file, &plain)?, true)
    } else {
        (Arc::from(plain), false)
    };
    Ok(Answer {
        status: "200 OK",
        kind: content_type(&file),
        body,
        brotli,
        vary: compressible,
        with_body,
    })
}

/// Whether an `Accept-Encoding` value lists `br` (and not with `q=0`).
fn accepts_brotli(value: &str) -> bool {
    value.split(',').any(|item| {
        let mut params = item.split(';').map(str::trim);
        let coding = params.next().unwrap_or("");
        let refused = params.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q <= 0.0)
        });
        coding.eq_ignore_ascii_case("br") && !refused
    })
}

fn is_compressible(file: &Path) -> bool {
    matches!(
        file.extension().and_then(|e| e.to_str()),
        Some("html" | "js" | "css" | "wasm" | "json" | "svg" | "webmanifest" | "md")
    )
}

/// A file's bytes after brotli (quality 11, window 22), compressed once per
/// path and modification time. Requests for a file that is being compressed
/// wait for that one compression.
fn brotli_cached(file: &Path, plain: &[u8]) -> std::io::Result<Arc<[u8]>> {
    /// The file, its modification time and length.
    type Key = (PathBuf, Option<SystemTime>, u64);
    /// Filled once, by the first request that needs it.
    type Slot = Arc<OnceLock<Arc<[u8]>>>;
    static CACHE: OnceLock<Mutex<HashMap<Key, Slot>>> = OnceLock::new();
    let meta = std::fs::metadata(file)?;
    let key = (file.to_path_buf(), meta.modified().ok(), meta.len());
    let slot = {
        let mut cache = CACHE
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // A rebuilt file's old bytes are never asked for again.
        cache.retain(|k, _| k.0 != key.0 || *k == key);
        cache.entry(key).or_default().clone()
    };
    Ok(slot.get_or_init(|| brotli(plain)).clone())
}

fn brotli(plain: &[u8]) -> Arc<[u8]> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &plain[..], &mut out, &params)
        .expect("compressing from memory to memory cannot fail");
    Arc::from(out)
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

fn write_response(stream: &mut TcpStream, answer: &Answer) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n",
        answer.status,
        answer.kind,
        answer.body.len()
    );
    if answer.brotli {
        head.push_str("Content-Encoding: br\r\n");
    }
    if answer.vary {
        head.push_str("Vary: Accept-Encoding\r\n");
    }
    head.push_str("Connection: close\r\n\r\n");
    stream.write_all(head.as_bytes())?;
    if answer.with_body {
        stream.write_all(&answer.body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// A `dist` of its own for one test, with an app script, a page, an icon.
    fn fixture(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("pkg-abc")).unwrap();
        let script = "export function greet() { return 'hello, learner'; }\n".repeat(200);
        std::fs::write(dir.join("pkg-abc/app.js"), script).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<!doctype html><title>KeyDeck</title>",
        )
        .unwrap();
        std::fs::write(dir.join("icon.png"), [0x89, b'P', b'N', b'G', 0, 1, 2, 3]).unwrap();
        dir
    }

    /// Serves `dist` on an ephemeral loopback port; returns its address.
    fn start(dist: PathBuf) -> std::net::SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        thread::spawn(move || serve_forever(listener, dist));
        addr
    }

    /// One request over a real socket: the status line, headers (lower-cased
    /// names) and the body as sent.
    fn get(
        addr: std::net::SocketAddr,
        path: &str,
        extra: &str,
    ) -> (String, Vec<(String, String)>, Vec<u8>) {
        let mut stream = TcpStream::connect(addr).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: test\r\n{extra}\r\n").unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(raw[..split].to_vec()).unwrap();
        let mut lines = head.split("\r\n");
        let status = lines.next().unwrap().to_owned();
        let headers = lines
            .map(|l| {
                let (n, v) = l.split_once(':').unwrap();
                (n.trim().to_ascii_lowercase(), v.trim().to_owned())
            })
            .collect();
        (status, headers, raw[split + 4..].to_vec())
    }

    fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn unbrotli(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &bytes[..], &mut out).unwrap();
        out
    }

    #[test]
    fn brotli_to_clients_that_accept_it() {
        let dist = fixture("br");
        let addr = start(dist.clone());
        let file = std::fs::read(dist.join("pkg-abc/app.js")).unwrap();
        let (status, headers, body) = get(
            addr,
            "/pkg-abc/app.js",
            "Accept-Encoding: gzip, deflate, br, zstd\r\n",
        );
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert_eq!(header(&headers, "content-encoding"), Some("br"));
        assert_eq!(header(&headers, "vary"), Some("Accept-Encoding"));
        assert_eq!(
            header(&headers, "content-length"),
            Some(body.len().to_string().as_str())
        );
        assert!(body.len() < file.len() / 10, "{} bytes", body.len());
        assert_eq!(unbrotli(&body), file);
        // The second answer comes from the cache, and is the same.
        let (_, _, again) = get(addr, "/pkg-abc/app.js", "accept-encoding: br\r\n");
        assert_eq!(again, body);
    }

    #[test]
    fn plain_bytes_without_br() {
        let dist = fixture("plain");
        let addr = start(dist.clone());
        let file = std::fs::read(dist.join("pkg-abc/app.js")).unwrap();
        for extra in [
            "",
            "Accept-Encoding: gzip, deflate\r\n",
            "Accept-Encoding: br;q=0\r\n",
        ] {
            let (status, headers, body) = get(addr, "/pkg-abc/app.js", extra);
            assert_eq!(status, "HTTP/1.1 200 OK");
            assert_eq!(header(&headers, "content-encoding"), None, "{extra:?}");
            assert_eq!(header(&headers, "vary"), Some("Accept-Encoding"));
            assert_eq!(body, file, "{extra:?}");
        }
    }

    #[test]
    fn routes_fall_back_to_the_page_compressed() {
        let dist = fixture("spa");
        let addr = start(dist.clone());
        let page = std::fs::read(dist.join("index.html")).unwrap();
        let (status, headers, body) = get(
            addr,
            "/walkthroughs/snapshot-copy/1?x=1",
            "Accept-Encoding: br\r\n",
        );
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert_eq!(
            header(&headers, "content-type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(unbrotli(&body), page);
        let (status, _, _) = get(addr, "/missing.js", "Accept-Encoding: br\r\n");
        assert_eq!(status, "HTTP/1.1 404 Not Found");
        let (status, _, _) = get(addr, "/../etc/passwd", "");
        assert_eq!(status, "HTTP/1.1 404 Not Found");
    }

    #[test]
    fn images_are_sent_as_they_are() {
        let dist = fixture("png");
        let addr = start(dist.clone());
        let (_, headers, body) = get(addr, "/icon.png", "Accept-Encoding: br\r\n");
        assert_eq!(header(&headers, "content-encoding"), None);
        assert_eq!(header(&headers, "vary"), None);
        assert_eq!(body, std::fs::read(dist.join("icon.png")).unwrap());
    }

    #[test]
    fn a_rebuilt_file_is_compressed_again() {
        let dist = fixture("rebuilt");
        let file = dist.join("pkg-abc/app.js");
        let first = brotli_cached(&file, &std::fs::read(&file).unwrap()).unwrap();
        std::fs::write(&file, "export const changed = true;\n").unwrap();
        let second = brotli_cached(&file, &std::fs::read(&file).unwrap()).unwrap();
        assert_ne!(first, second);
        assert_eq!(unbrotli(&second), b"export const changed = true;\n");
    }

    #[test]
    fn reads_accept_encoding() {
        assert!(accepts_brotli("br"));
        assert!(accepts_brotli("gzip, deflate, br, zstd"));
        assert!(accepts_brotli("gzip;q=1.0, BR;q=0.5"));
        assert!(!accepts_brotli("gzip, deflate"));
        assert!(!accepts_brotli("br;q=0"));
        assert!(!accepts_brotli("brotli, identity"));
    }
}
