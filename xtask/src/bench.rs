//! `cargo xtask bench`: what a learner downloads. Builds the release site and
//! a bare Leptos "hello" app with the same profile (the framework's floor),
//! and prints raw, gzip and brotli sizes of each one's wasm, JS and CSS.

use std::io::Write;
use std::path::Path;

use crate::{project_root, site, tools, Result};

#[derive(Default, Clone, Copy)]
struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

impl std::ops::AddAssign for Sizes {
    fn add_assign(&mut self, o: Sizes) {
        self.raw += o.raw;
        self.gzip += o.gzip;
        self.brotli += o.brotli;
    }
}

pub fn run() -> Result<()> {
    let toolchain = tools::ensure_build_tools()?;
    let root = project_root();
    let floor = root.join("xtask/floor");
    site::build_app(&toolchain)?;
    site::build(&toolchain, &floor)?;
    println!(
        "\n{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip -9", "brotli 11"
    );
    let dist = root.join("dist");
    let app = report("KeyDeck: first load", &dist, |name| !is_on_demand(name))?;
    report(
        "KeyDeck: labs worker (fetched for /labs)",
        &dist,
        is_on_demand,
    )?;
    let base = report("floor: bare Leptos hello", &floor.join("dist"), |_| true)?;
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    println!(
        "{:<44} {:>9.2}x {:>9.2}x {:>9.2}x",
        "KeyDeck / floor",
        ratio(app.raw, base.raw),
        ratio(app.gzip, base.gzip),
        ratio(app.brotli, base.brotli)
    );
    in_browser(&root)?;
    // The same Encrypt natively, for comparison with the worker's figure.
    crate::run(
        std::process::Command::new(tools::env_cargo())
            .args(["run", "--quiet", "--release", "-p", "keydeck-lab"])
            .args(["--example", "encrypt_bench"])
            .current_dir(&root),
    )
}

/// Files the first load does not fetch: the labs worker, and the service
/// worker (which the browser fetches on its own after the page loads).
fn is_on_demand(name: &str) -> bool {
    name.starts_with(crate::worker::PREFIX) || name == "sw.js"
}

/// Serves the build on loopback and runs the browser measurements: the
/// longest main-thread task while stepping through the snapshot-copy
/// walkthrough, and the labs worker's timings.
fn in_browser(root: &Path) -> Result<()> {
    crate::tools::ensure_browser()?;
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let base = format!("http://127.0.0.1:{}", listener.local_addr()?.port());
    let dist = root.join("dist");
    std::thread::spawn(move || crate::serve::serve_forever(listener, dist));
    println!();
    for script in ["tools/trace-walkthrough.mjs", "tools/bench-labs.mjs"] {
        crate::run(
            std::process::Command::new("node")
                .arg(script)
                .arg(&base)
                .current_dir(root.join("tests")),
        )?;
    }
    Ok(())
}

/// Prints one row per shipped wasm, JS and CSS file in `dist` that `pick`
/// keeps, then the total.
fn report(title: &str, dist: &Path, pick: impl Fn(&str) -> bool) -> Result<Sizes> {
    println!("{title}");
    let mut files: Vec<_> = std::fs::read_dir(dist)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("wasm" | "js" | "css")
            ) && pick(&p.file_name().unwrap_or_default().to_string_lossy())
        })
        .collect();
    files.sort();
    let mut total = Sizes::default();
    for file in files {
        let bytes = std::fs::read(&file)?;
        let sizes = measure(&bytes)?;
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        println!(
            "  {:<42} {:>10} {:>10} {:>10}",
            name,
            kb(sizes.raw),
            kb(sizes.gzip),
            kb(sizes.brotli)
        );
        total += sizes;
    }
    println!(
        "  {:<42} {:>10} {:>10} {:>10}",
        "total",
        kb(total.raw),
        kb(total.gzip),
        kb(total.brotli)
    );
    Ok(total)
}

fn measure(bytes: &[u8]) -> Result<Sizes> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    let gzip = gz.finish()?.len();
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params)?;
    Ok(Sizes {
        raw: bytes.len(),
        gzip,
        brotli: br.len(),
    })
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}
