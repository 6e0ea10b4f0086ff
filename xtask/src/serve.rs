//! A small static server for `dist/`: the SPA's deep links fall back to
//! `index.html`, as the installed PWA's service worker does offline. Text,
//! scripts and wasm go out brotli-compressed to clients that accept it, as
//! a production host would send them, so measurements over it see the bytes
//! a learner downloads. hyper speaks HTTP (keep-alive, `HEAD`, malformed
//! requests) on a tokio runtime, so a connection the browser keeps open
//! idle never holds up another; this module decides what each path answers.

use std::collections::HashMap;
use std::convert::Infallible;
use std::io::{ErrorKind, Write};
use std::net::TcpListener;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::SystemTime;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{HeaderValue, ACCEPT_ENCODING};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use keydeck_study::fnv::fnv1a;

use crate::{project_root, site, tools, Result};

/// `cargo xtask serve [--port N] [--no-build] [--dist DIR]`. Once the site
/// is ready it prints one line, `serving http://127.0.0.1:<port>/`, where a
/// program that starts it (`tests/e2e/support/server.ts`, with `--port 0`)
/// reads its address.
pub fn cli(args: &mut lexopt::Parser) -> Result<()> {
    let options = Options::parse(args)?;
    let dist = match &options.dist {
        Some(dir) => dir.clone(),
        None if options.build => build_dist()?,
        None => project_root().join("dist"),
    };
    if !dist.join("index.html").is_file() {
        return Err(match options.dist {
            Some(dir) => format!(
                "{} has no index.html: --dist takes a built site",
                dir.display()
            ),
            None => "dist/index.html is missing: run `cargo xtask serve` without --no-build".into(),
        }
        .into());
    }
    let listener = bind(options.port)?;
    precompress(&dist)?;
    // The only line on stdout: a caller may stop reading after it.
    let mut out = std::io::stdout().lock();
    writeln!(out, "serving {}/", origin(&listener)?)?;
    out.flush()?;
    drop(out);
    Err(format!("the server stopped: {}", serve_forever(listener, dist)).into())
}

/// What `cargo xtask serve` was asked for.
#[derive(Debug, PartialEq)]
struct Options {
    /// 0 for any free port.
    port: u16,
    /// Build `dist/` first.
    build: bool,
    /// A built site to serve instead of `dist/`, as it is.
    dist: Option<PathBuf>,
}

impl Options {
    fn parse(args: &mut lexopt::Parser) -> Result<Options> {
        use lexopt::prelude::*;
        let mut options = Options {
            port: 8080,
            build: true,
            dist: None,
        };
        while let Some(arg) = args.next()? {
            match arg {
                Long("port") => {
                    let value = args.value()?.string()?;
                    options.port = value
                        .parse()
                        .map_err(|_| format!("--port: {value:?} is not a port number"))?;
                }
                Long("no-build") => options.build = false,
                Long("dist") => {
                    options.dist = Some(args.value()?.into());
                    options.build = false;
                }
                other => return Err(format!("serve: {}", other.unexpected()).into()),
            }
        }
        Ok(options)
    }
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
    let listener = bind(0)?;
    let base = origin(&listener)?;
    let dist = dist.to_path_buf();
    thread::spawn(move || {
        let stopped = serve_forever(listener, dist);
        eprintln!("xtask: the loopback server stopped: {stopped}");
    });
    Ok(base)
}

/// A listener on 127.0.0.1 at `port`; port 0 picks a free one.
fn bind(port: u16) -> Result<TcpListener> {
    TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on port {port}: {e}").into())
}

/// `http://127.0.0.1:<port>`, the port the listener was given.
fn origin(listener: &TcpListener) -> Result<String> {
    Ok(format!("http://{}", listener.local_addr()?))
}

/// Serves `dist` until the listener cannot accept connections any more;
/// returns why. Each connection is a task of its own, and each answer is
/// read (and, the first time, compressed) on a blocking thread, so a slow
/// answer or an idle keep-alive connection never holds up another request.
fn serve_forever(listener: TcpListener, dist: PathBuf) -> std::io::Error {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return e,
    };
    let dist = Arc::new(dist);
    let served: std::io::Result<Infallible> = runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        loop {
            let (stream, _) = listener.accept().await?;
            let dist = Arc::clone(&dist);
            tokio::spawn(async move {
                let service = service_fn(move |request| respond(request, Arc::clone(&dist)));
                // A connection that breaks off ends here; the others go on.
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    match served {
        Err(e) => e,
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

async fn respond(
    request: Request<Incoming>,
    dist: Arc<PathBuf>,
) -> std::result::Result<Response<Full<Bytes>>, Infallible> {
    let accepts_br = request
        .headers()
        .get_all(ACCEPT_ENCODING)
        .iter()
        .any(|value| value.to_str().is_ok_and(accepts_brotli));
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let answer = tokio::task::spawn_blocking(move || answer(&dist, &method, &path, accepts_br))
        .await
        .unwrap_or_else(|_| Answer::text(500, "the file could not be read"));
    Ok(answer.into_response())
}

/// What the server sends for one request. (hyper leaves out the body of an
/// answer to `HEAD`, and keeps its `Content-Length`.)
struct Answer {
    status: u16,
    kind: &'static str,
    body: Arc<[u8]>,
    /// `Content-Encoding: br`.
    brotli: bool,
    /// `Vary: Accept-Encoding`: the body depends on that header.
    vary: bool,
}

impl Answer {
    fn text(status: u16, text: &'static str) -> Answer {
        Answer {
            status,
            kind: "text/plain",
            body: Arc::from(text.as_bytes()),
            brotli: false,
            vary: false,
        }
    }

    /// The answer whole, with its `Content-Length`: never chunked.
    fn into_response(self) -> Response<Full<Bytes>> {
        let mut response = Response::new(Full::new(Bytes::from_owner(self.body)));
        *response.status_mut() = StatusCode::from_u16(self.status)
            .expect("the server's statuses are between 100 and 999");
        let headers = response.headers_mut();
        headers.insert("content-type", HeaderValue::from_static(self.kind));
        headers.insert("cache-control", HeaderValue::from_static("no-cache"));
        if self.brotli {
            headers.insert("content-encoding", HeaderValue::from_static("br"));
        }
        if self.vary {
            headers.insert("vary", HeaderValue::from_static("Accept-Encoding"));
        }
        response
    }
}

fn answer(dist: &Path, method: &Method, target: &str, accepts_br: bool) -> Answer {
    if *method != Method::GET && *method != Method::HEAD {
        return Answer::text(405, "method not allowed");
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let Some(file) = resolve(dist, path) else {
        return Answer::text(404, "not found");
    };
    match file_answer(&file, accepts_br) {
        Ok(answer) => answer,
        // Removed since `resolve` found it.
        Err(e) if e.kind() == ErrorKind::NotFound => Answer::text(404, "not found"),
        Err(_) => Answer::text(500, "the file could not be read"),
    }
}

fn file_answer(file: &Path, accepts_br: bool) -> std::io::Result<Answer> {
    let plain = std::fs::read(file)?;
    let compressible = is_compressible(file);
    let (body, brotli) = if compressible && accepts_br {
        (brotli_cached(file, &plain)?, true)
    } else {
        (Arc::from(plain), false)
    };
    Ok(Answer {
        status: 200,
        kind: content_type(file),
        body,
        brotli,
        vary: compressible,
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
        // `bin`: the packs of small wasm chunks (`pack.rs`).
        Some(
            "html" | "js" | "css" | "wasm" | "bin" | "json" | "svg" | "webmanifest" | "md" | "txt"
        )
    )
}

/// Brotli's settings: the smallest output, as a host precompressing a
/// release would choose.
const QUALITY: i32 = 11;
const WINDOW: i32 = 22;

/// A file's bytes after brotli, compressed once per path and modification
/// time in this process, and once per content across processes
/// (`brotli_stored`). Requests for a file that is being compressed wait for
/// that one compression.
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
    Ok(slot.get_or_init(|| brotli_stored(&store(), plain)).clone())
}

/// Where compressed bytes outlive the server: in Cargo's target directory,
/// one file per content.
fn store() -> PathBuf {
    crate::target_dir().join(format!("serve-brotli-q{QUALITY}-w{WINDOW}"))
}

/// `plain` after brotli, read from `store` if a server compressed the same
/// bytes before, else compressed and kept there. The browser suite serves
/// several copies of `dist/`, each from a server process of its own, and a
/// debug xtask takes about a minute to compress a whole build; the copies
/// and a restarted `serve` find their bytes here. Keeping is best effort: a
/// store that cannot be written only costs the compression next time.
fn brotli_stored(store: &Path, plain: &[u8]) -> Arc<[u8]> {
    let name = format!("{:016x}-{}.br", fnv1a(plain), plain.len());
    let kept = store.join(&name);
    if let Ok(bytes) = std::fs::read(&kept) {
        return Arc::from(bytes);
    }
    let compressed = brotli(plain);
    // Written whole under a name of its own, then renamed: a server reading
    // the store never sees part of a file.
    static WRITES: AtomicU64 = AtomicU64::new(0);
    let part = store.join(format!(
        "{name}.part-{}-{}",
        std::process::id(),
        WRITES.fetch_add(1, Ordering::Relaxed)
    ));
    let written = std::fs::create_dir_all(store)
        .and_then(|()| std::fs::write(&part, &compressed))
        .and_then(|()| std::fs::rename(&part, &kept));
    if written.is_err() {
        let _ = std::fs::remove_file(&part);
    }
    compressed
}

fn brotli(plain: &[u8]) -> Arc<[u8]> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: QUALITY,
        lgwin: WINDOW,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &plain[..], &mut out, &params)
        .expect("compressing from memory to memory cannot fail");
    Arc::from(out)
}

/// The file for a URL path: the file itself; for a path without an
/// extension (a client-side route), the page the build rendered for it
/// (`/study` → `study.html`), or else `index.html`.
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
    if relative.extension().is_some() {
        return None;
    }
    let rendered = candidate.with_extension("html");
    let is_page = relative.file_name().is_some() && rendered.is_file();
    Some(if is_page {
        rendered
    } else {
        dist.join("index.html")
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::net::{SocketAddr, TcpStream};

    /// A `dist` of its own for one test, with an app script (over 32 KiB, so
    /// a chunked answer would show), a page, an icon and a file of a kind
    /// the server does not know.
    fn fixture(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("pkg-abc")).unwrap();
        let script = "export function greet() { return 'hello, learner'; }\n".repeat(1000);
        std::fs::write(dir.join("pkg-abc/app.js"), script).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<!doctype html><title>KeyDeck</title>",
        )
        .unwrap();
        std::fs::write(dir.join("icon.png"), [0x89, b'P', b'N', b'G', 0, 1, 2, 3]).unwrap();
        std::fs::write(dir.join("notes.xyz"), "not a web file\n").unwrap();
        dir
    }

    /// Serves `dist` on an ephemeral loopback port; returns its address.
    fn start(dist: PathBuf) -> SocketAddr {
        let listener = bind(0).unwrap();
        let addr = listener.local_addr().unwrap();
        thread::spawn(move || serve_forever(listener, dist));
        addr
    }

    /// A GET over a real socket: the status line, headers (lower-cased
    /// names) and the body as sent.
    fn get(addr: SocketAddr, path: &str, extra: &str) -> (String, Vec<(String, String)>, Vec<u8>) {
        request(addr, "GET", path, extra)
    }

    /// One request on a connection of its own, which the server closes
    /// after its answer.
    fn request(
        addr: SocketAddr,
        method: &str,
        path: &str,
        extra: &str,
    ) -> (String, Vec<(String, String)>, Vec<u8>) {
        let mut stream = TcpStream::connect(addr).unwrap();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n{extra}\r\n"
        )
        .unwrap();
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
            assert_eq!(header(&headers, "transfer-encoding"), None);
            assert_eq!(
                header(&headers, "content-length"),
                Some(file.len().to_string().as_str())
            );
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
        let (status, _, _) = get(addr, "/", "");
        assert_eq!(status, "HTTP/1.1 200 OK");
        let (status, _, _) = get(addr, "/missing.js", "Accept-Encoding: br\r\n");
        assert_eq!(status, "HTTP/1.1 404 Not Found");
    }

    #[test]
    fn a_route_the_build_rendered_gets_its_own_page() {
        let dist = fixture("rendered");
        std::fs::create_dir_all(dist.join("walkthroughs/snapshot-copy")).unwrap();
        std::fs::write(dist.join("study.html"), "<title>Study</title>").unwrap();
        std::fs::write(dist.join("walkthroughs.html"), "<title>List</title>").unwrap();
        std::fs::write(
            dist.join("walkthroughs/snapshot-copy/1.html"),
            "<title>Step 1</title>",
        )
        .unwrap();
        let addr = start(dist.clone());
        for (path, page) in [
            ("/study", "<title>Study</title>"),
            ("/study?topic=kms", "<title>Study</title>"),
            ("/walkthroughs", "<title>List</title>"),
            ("/walkthroughs/snapshot-copy/1", "<title>Step 1</title>"),
            // Not rendered: the app's page, which shows only its frame.
            (
                "/walkthroughs/snapshot-copy/2",
                "<!doctype html><title>KeyDeck</title>",
            ),
            (
                "/walkthroughs/snapshot-copy",
                "<!doctype html><title>KeyDeck</title>",
            ),
            ("/", "<!doctype html><title>KeyDeck</title>"),
        ] {
            let (status, headers, body) = get(addr, path, "");
            assert_eq!(status, "HTTP/1.1 200 OK", "{path}");
            assert_eq!(
                header(&headers, "content-type"),
                Some("text/html; charset=utf-8"),
                "{path}"
            );
            assert_eq!(String::from_utf8_lossy(&body), page, "{path}");
        }
    }

    #[test]
    fn paths_that_climb_are_refused() {
        let dist = fixture("climb");
        let addr = start(dist.clone());
        // Even one that would land back inside, on a file that exists.
        for path in [
            "/../etc/passwd",
            "/pkg-abc/../../etc/passwd",
            "/pkg-abc/../index.html",
            "/pkg-abc/..",
        ] {
            let (status, _, body) = get(addr, path, "");
            assert_eq!(status, "HTTP/1.1 404 Not Found", "{path}");
            assert_eq!(body, b"not found", "{path}");
        }
    }

    #[test]
    fn unknown_kinds_are_octet_streams_and_never_the_page() {
        let dist = fixture("kinds");
        let addr = start(dist.clone());
        let (status, headers, body) = get(addr, "/notes.xyz", "Accept-Encoding: br\r\n");
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert_eq!(
            header(&headers, "content-type"),
            Some("application/octet-stream")
        );
        assert_eq!(header(&headers, "content-encoding"), None);
        assert_eq!(body, b"not a web file\n");
        // A missing file with an extension is not a route.
        let (status, headers, _) = get(addr, "/missing.xyz", "");
        assert_eq!(status, "HTTP/1.1 404 Not Found");
        assert_eq!(header(&headers, "content-type"), Some("text/plain"));
    }

    #[test]
    fn one_type_per_extension() {
        for (name, kind) in [
            ("index.html", "text/html; charset=utf-8"),
            ("app.js", "text/javascript; charset=utf-8"),
            ("loader.mjs", "text/javascript; charset=utf-8"),
            ("app_bg.wasm", "application/wasm"),
            ("main-0123456789ab.css", "text/css; charset=utf-8"),
            ("icon.svg", "image/svg+xml"),
            ("icons/192.png", "image/png"),
            ("deck-0123456789ab.json", "application/json"),
            ("manifest.webmanifest", "application/manifest+json"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("notes.md", "text/plain; charset=utf-8"),
            ("archive.tar.gz", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)), kind, "{name}");
        }
    }

    /// A browser opens six connections to a host at once and keeps them
    /// open between requests; a service worker installing opens more. Each
    /// is answered while the others stay open. (tiny_http 0.12's pool left
    /// a connection that came in a burst waiting until another one closed.)
    #[test]
    fn connections_kept_open_never_hold_up_new_ones() {
        let dist = fixture("burst");
        let addr = start(dist);
        let mut open: Vec<TcpStream> = (0..16).map(|_| TcpStream::connect(addr).unwrap()).collect();
        for stream in &mut open {
            write!(stream, "GET /index.html HTTP/1.1\r\nHost: test\r\n\r\n").unwrap();
        }
        for (n, stream) in open.iter_mut().enumerate() {
            stream
                .set_read_timeout(Some(std::time::Duration::from_secs(10)))
                .unwrap();
            let mut first = [0; 15];
            stream
                .read_exact(&mut first)
                .unwrap_or_else(|e| panic!("connection {n} had no answer: {e}"));
            assert_eq!(&first, b"HTTP/1.1 200 OK", "connection {n}");
        }
    }

    #[test]
    fn every_answer_is_revalidated() {
        let dist = fixture("cache");
        let addr = start(dist.clone());
        // The entry point, a file in a hashed folder, a route, an image:
        // a local server never lets the browser keep a build's files.
        for path in ["/", "/index.html", "/pkg-abc/app.js", "/study", "/icon.png"] {
            let (status, headers, _) = get(addr, path, "Accept-Encoding: br\r\n");
            assert_eq!(status, "HTTP/1.1 200 OK", "{path}");
            assert_eq!(
                header(&headers, "cache-control"),
                Some("no-cache"),
                "{path}"
            );
        }
    }

    #[test]
    fn head_is_get_without_the_body() {
        let dist = fixture("head");
        let addr = start(dist.clone());
        for extra in ["", "Accept-Encoding: br\r\n"] {
            let (_, got, body) = get(addr, "/pkg-abc/app.js", extra);
            let (status, headed, nothing) = request(addr, "HEAD", "/pkg-abc/app.js", extra);
            assert_eq!(status, "HTTP/1.1 200 OK");
            assert!(nothing.is_empty(), "{extra:?}");
            for name in ["content-length", "content-type", "content-encoding", "vary"] {
                assert_eq!(header(&headed, name), header(&got, name), "{name}");
            }
            assert_eq!(
                header(&headed, "content-length"),
                Some(body.len().to_string().as_str())
            );
        }
    }

    #[test]
    fn other_methods_are_refused() {
        let dist = fixture("post");
        let addr = start(dist.clone());
        for method in ["POST", "PUT", "DELETE"] {
            let (status, _, body) = request(addr, method, "/index.html", "Content-Length: 0\r\n");
            assert_eq!(status, "HTTP/1.1 405 Method Not Allowed", "{method}");
            assert_eq!(body, b"method not allowed");
        }
        assert!(dist.join("index.html").is_file());
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

    fn options(args: &[&str]) -> Result<Options> {
        Options::parse(&mut lexopt::Parser::from_args(args))
    }

    #[test]
    fn reads_the_serve_options() {
        let defaults = Options {
            port: 8080,
            build: true,
            dist: None,
        };
        assert_eq!(options(&[]).unwrap(), defaults);
        assert_eq!(
            options(&["--port", "0", "--no-build"]).unwrap(),
            Options {
                port: 0,
                build: false,
                ..defaults
            }
        );
        // A folder given is served as it is: nothing is built.
        assert_eq!(
            options(&["--dist", "/tmp/site", "--port=4173"]).unwrap(),
            Options {
                port: 4173,
                build: false,
                dist: Some(PathBuf::from("/tmp/site")),
            }
        );
        for wrong in [
            &["--port", "eighty"][..],
            &["--port", "70000"],
            &["--dist"],
            &["--verbose"],
            &["dist"],
        ] {
            assert!(options(wrong).is_err(), "{wrong:?}");
        }
    }

    #[test]
    fn compressed_bytes_are_kept_by_content() {
        let store = fixture("store").join("store");
        let plain = "the same bytes in another copy of the site\n".repeat(100);
        let first = brotli_stored(&store, plain.as_bytes());
        assert_eq!(unbrotli(&first), plain.as_bytes());
        let kept: Vec<PathBuf> = std::fs::read_dir(&store)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(std::fs::read(&kept[0]).unwrap(), &first[..]);
        // Another server with the same bytes reads them, whatever the file.
        std::fs::write(&kept[0], b"kept").unwrap();
        assert_eq!(&brotli_stored(&store, plain.as_bytes())[..], b"kept");
        // Other bytes are compressed and kept beside them.
        let other = brotli_stored(&store, b"other bytes");
        assert_eq!(unbrotli(&other), b"other bytes");
        assert_eq!(std::fs::read_dir(&store).unwrap().count(), 2);
    }

    #[test]
    fn a_store_that_cannot_be_written_only_costs_the_compression() {
        let blocked = fixture("blocked").join("index.html");
        let bytes = brotli_stored(&blocked.join("store"), b"served anyway");
        assert_eq!(unbrotli(&bytes), b"served anyway");
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
