//! The labs worker's build, in one place so it can move with the site's
//! pipeline: `keydeck-sim-worker` for wasm32, cut at its `#[wasm_split]`
//! points like the app (the asymmetric engine is a chunk of its own),
//! `wasm-bindgen --target web`, `wasm-opt -Oz`, then one content-hashed
//! folder in `dist/` and the files the page needs first stamped into
//! `dist/index.html`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools::Toolchain;
use crate::{pins, project_root, run, site, Result};

const CRATE: &str = "keydeck-sim-worker";
const STEM: &str = "keydeck_sim_worker";
/// Where the page looks for the worker's files: the entry script first.
pub const META: &str = "keydeck-sim-worker";
/// The worker's folder in `dist/` starts with this.
pub const PREFIX: &str = "sim-worker";
/// The entry script's name in the folder.
const ENTRY_NAME: &str = "worker.js";
/// The labs' outlines, parsed here and handed to the worker as JSON, so its
/// wasm carries no Markdown parser.
const LABS_NAME: &str = "labs.json";
/// Each lab's words, fetched by the worker when the lab is first opened:
/// `lab-<id>.json`.
pub const WORDS_PREFIX: &str = "lab-";

/// The worker's entry: loads the wasm once, then answers each message in
/// turn (a step may wait for a chunk; the next waits for it). A wasm that
/// fails to load answers every request with the reason.
const ENTRY: &str = r#"// The labs worker, written by `cargo xtask` (xtask/src/worker.rs).
import init, { handle, load_labs } from "./__GLUE__";
// The words of one lab, which the wasm asks for when the lab first opens.
self.keydeckLabWords = async (id) => {
  const r = await fetch(new URL(`./__WORDS__${encodeURIComponent(id)}.json`, import.meta.url));
  if (!r.ok) throw new Error(`the lab could not be fetched (${r.status})`);
  return r.text();
};
const labs = fetch(new URL("./__LABS__", import.meta.url)).then((r) => {
  if (!r.ok) throw new Error(`the labs could not be fetched (${r.status})`);
  return r.text();
});
const ready = Promise.all([init({ module_or_path: new URL("./__WASM__", import.meta.url) }), labs])
  .then(([, text]) => load_labs(text));
let queue = ready;
self.onmessage = (event) => {
  queue = queue.then(async () => {
    try {
      await ready;
      self.postMessage(await handle(event.data));
    } catch (error) {
      let id = 0;
      try { id = JSON.parse(event.data).id; } catch (_) {}
      self.postMessage(JSON.stringify({ id, answer: "failed", message: `The lab simulator could not start: ${error}` }));
    }
  }, () => {});
};
"#;

/// Builds the worker into `dist` and stamps its entry into `dist/index.html`.
pub fn build(tools: &Toolchain, dist: &Path) -> Result<()> {
    let root = project_root();
    // The same target folder and flags as the app: the split reads the
    // relocations `.cargo/config.toml` keeps, and the two share a cache.
    run(Command::new(crate::tools::env_cargo())
        .args(["build", "--release", "--quiet", "-p", CRATE, "--lib"])
        .args(["--target", pins::WASM_TARGET])
        .args(site::release_flags())
        .current_dir(&root))?;
    let raw = root.join(format!("target/{}/release/{STEM}.wasm", pins::WASM_TARGET));
    let wasm = fs::read(&raw).map_err(|e| format!("cannot read {}: {e}", raw.display()))?;
    let (labs, words) = labs_json()?;

    remove_old(dist)?;
    // Named by its content once it is complete (hosts cache it for good).
    let out = dist.join(PREFIX);
    fs::create_dir_all(&out)?;
    let main = site::split(STEM, &wasm, &out, &[])?;
    run(tools
        .command("wasm-bindgen")
        .args(["--target", "web", "--keep-lld-exports", "--no-typescript"])
        .args(["--out-name", STEM, "--out-dir"])
        .arg(&out)
        .arg(&main))?;
    site::shrink(tools, &out)?;
    let glue = format!("{STEM}.js");
    let main_wasm = format!("{STEM}_bg.wasm");
    let entry = ENTRY
        .replace("__GLUE__", &glue)
        .replace("__WASM__", &main_wasm)
        .replace("__LABS__", LABS_NAME)
        .replace("__WORDS__", WORDS_PREFIX);
    fs::write(out.join(ENTRY_NAME), entry)?;
    fs::write(out.join(LABS_NAME), labs)?;
    for (id, text) in words {
        fs::write(out.join(format!("{WORDS_PREFIX}{id}.json")), text)?;
    }
    crate::minify::scripts(tools, &out)?;
    let folder = format!("{PREFIX}-{}", site::folder_hash(&out)?);
    fs::rename(&out, dist.join(&folder))?;
    // The entry script first: the page starts the worker from it. Then what
    // every lab needs, which the page prefetches; the chunks are fetched by
    // the worker when a step first needs one.
    let urls: Vec<String> = [ENTRY_NAME, &glue, &main_wasm, "__wasm_split.js", LABS_NAME]
        .iter()
        .map(|f| format!("/{folder}/{f}"))
        .collect();
    site::stamp_meta(dist, META, &urls.join(" "))?;
    println!("labs worker: /{folder}/{ENTRY_NAME}");
    Ok(())
}

/// Every shipped lab, parsed and checked.
fn shipped_labs() -> Result<Vec<keydeck_lab::labs::Lab>> {
    Ok(keydeck_lab::labs::parse_all().map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!("the labs do not parse:\n{}", lines.join("\n"))
    })?)
}

/// The list of labs the labs page shows, as JSON: what it needs of each
/// lab, without starting the worker.
pub fn catalog_json() -> Result<String> {
    let catalog = keydeck_lab::host::LabHost::with_labs(shipped_labs()?).catalog();
    Ok(serde_json::to_string(&catalog)?)
}

/// Every shipped lab: the outlines as one JSON text, and each lab's words
/// as JSON by lab id.
fn labs_json() -> Result<(String, Vec<(String, String)>)> {
    let mut outlines = Vec::new();
    let mut words = Vec::new();
    for lab in shipped_labs()? {
        let (outline, text) = lab.split_text();
        words.push((outline.id.clone(), serde_json::to_string(&text)?));
        outlines.push(outline);
    }
    Ok((serde_json::to_string(&outlines)?, words))
}

fn remove_old(dist: &Path) -> Result<()> {
    for entry in fs::read_dir(dist)? {
        let path: PathBuf = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if !name.starts_with(PREFIX) {
            continue;
        }
        if path.is_dir() {
            fs::remove_dir_all(&path)?;
        } else {
            fs::remove_file(&path)?;
        }
    }
    Ok(())
}
