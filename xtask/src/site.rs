//! Building a Leptos app for the browser, with its lazy routes split off:
//! `cargo build --lib` for wasm32 (linked with `--emit-relocs`, see
//! `.cargo/config.toml`), `wasm_split_cli_support` cuts the module at its
//! `#[wasm_split]` points, `wasm-bindgen --target web --keep-lld-exports`
//! binds the main module, and `wasm-opt -Oz` shrinks every piece. Then the
//! page's files are copied in with content-hashed names and `index.html`
//! is written from its template.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::hash::{self, Fnv};
use crate::tools::{self, Toolchain};
use crate::{pins, project_root, run, Result};

/// Where the template asks for the app's scripts.
const APP_MARKER: &str = "<!-- keydeck:app -->";

/// A Leptos app crate: its package, its library's file stem, and the folder
/// holding its `index.html` template.
pub struct App<'a> {
    pub package: &'a str,
    pub stem: &'a str,
    pub dir: PathBuf,
    /// Files copied to `dist/` with a content hash in their names, each
    /// named in the template by its source path: `href="style/main.css"`.
    pub hashed: &'a [&'a str],
    /// Files and folders copied to `dist/` as they are: (source, dest).
    pub copied: &'a [(&'a str, &'a str)],
    /// Files and folders written at build time, hashed like `hashed` and
    /// named in the template by their `name`: `content="content/outline.txt"`,
    /// `content="content/deck/"`.
    pub generated: fn() -> Result<Vec<Generated>>,
    /// Whether the build renders the first page into `index.html`
    /// (`prerender.rs`). Such an app's code is fetched once that page has
    /// been shown: it paints with the HTML and CSS alone.
    pub prerendered: bool,
    /// Split points loaded on a returning visit, one at a time once the
    /// page is idle (`warm.js`), in the order a learner is likely to open
    /// them: the service worker holds the build then, so this costs no
    /// download, and a route opened later need not fetch its code first.
    pub warmed: &'a [&'a str],
}

/// A file or a folder the build writes, and its name in the template.
pub struct Generated {
    /// A file's name (`content/outline.txt`) or a folder's, ending in `/`
    /// (`content/deck/`).
    pub name: &'static str,
    pub contents: Contents,
}

pub enum Contents {
    /// Written as `<stem>-<hash>.<ext>`.
    File(Vec<u8>),
    /// Each file by its name, written into `<stem>-<hash>/`, the hash of
    /// every file's name and bytes: the page finds a file by its name in
    /// the folder, so the template names the folder alone.
    Folder(Vec<(String, Vec<u8>)>),
}

/// For apps that generate nothing.
pub fn nothing() -> Result<Vec<Generated>> {
    Ok(Vec::new())
}

impl App<'_> {
    pub fn dist(&self) -> PathBuf {
        self.dir.join("dist")
    }
}

/// KeyDeck itself.
pub fn keydeck() -> App<'static> {
    App {
        package: "keydeck",
        stem: "keydeck",
        dir: project_root(),
        hashed: &[
            "style/main.css",
            "style/pages.css",
            "style/study.css",
            "style/quiz.css",
            "style/walkthroughs.css",
            "style/labs.css",
            "style/progress.css",
            "assets/icon.svg",
        ],
        copied: &[
            ("assets/manifest.webmanifest", "manifest.webmanifest"),
            ("assets/icons", "icons"),
        ],
        generated: content,
        prerendered: true,
        // The navigation's routes in its order, the study page's deck
        // reader and the walkthroughs' record beside them.
        warmed: &[
            "study",
            "deck_reader",
            "study_more",
            "quiz",
            "walkthroughs",
            "walkthrough_records",
            "walkthrough_snapshot_copy",
            "walkthrough_envelope_encryption",
            "walkthrough_s3_replication",
            "walkthrough_ami_sharing",
            "walkthrough_multi_region",
            "walkthrough_secrets_rotation",
            "walkthrough_securestring",
            "labs",
            "lab",
            "progress",
            "about",
        ],
    }
}

/// The shipped decks and questions, parsed and checked here and written as
/// the bundles the page fetches (`keydeck_study::bundle`), and the labs'
/// catalog.
fn content() -> Result<Vec<Generated>> {
    let shipped = keydeck_study::bundle::shipped().map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        lines.join("\n")
    })?;
    let topics = shipped.topics.into_iter();
    Ok(vec![
        Generated {
            name: "content/outline.txt",
            contents: Contents::File(shipped.outline.into_bytes()),
        },
        Generated {
            name: "content/deck/",
            contents: Contents::Folder(
                topics
                    .map(|(id, text)| (format!("{id}.txt"), text.into_bytes()))
                    .collect(),
            ),
        },
        Generated {
            name: "content/questions.json",
            contents: Contents::File(shipped.questions.into_bytes()),
        },
        Generated {
            name: "content/labs.json",
            contents: Contents::File(crate::worker::catalog_json()?.into_bytes()),
        },
    ])
}

/// The flags a release build adds to `.cargo/config.toml`'s: the crates'
/// sources named without the folder cargo keeps them in, which differs
/// from one machine to the next (`$CARGO_HOME`). Their paths are in the
/// wasm (panic locations), so a build here and in CI weigh the same to the
/// byte, which the first-load budget counts.
pub fn release_flags() -> [String; 2] {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .unwrap_or_default();
    let remap = format!(
        "--remap-path-prefix={}=/crates",
        cargo_home.join("registry/src").display()
    );
    [
        "--config".to_owned(),
        format!("target.{}.rustflags=[{remap:?}]", pins::WASM_TARGET),
    ]
}

/// Builds `app` into its `dist/`, replacing what was there.
pub fn build(tools: &Toolchain, app: &App) -> Result<()> {
    run(Command::new(tools::env_cargo())
        .args([
            "build",
            "--release",
            "--quiet",
            "--lib",
            "-p",
            app.package,
            "--target",
        ])
        .arg(pins::WASM_TARGET)
        .args(release_flags())
        .current_dir(project_root()))?;
    let input = project_root().join(format!(
        "target/{}/release/{}.wasm",
        pins::WASM_TARGET,
        app.stem
    ));
    let wasm = fs::read(&input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;

    let dist = app.dist();
    if dist.exists() {
        fs::remove_dir_all(&dist)?;
    }
    // Named by its content once it is complete (hosts cache it for good).
    let out = dist.join("pkg");
    fs::create_dir_all(&out)?;
    let main = split(app.stem, &wasm, &out, app.warmed)?;
    run(tools
        .command("wasm-bindgen")
        .args(["--target", "web", "--keep-lld-exports", "--no-typescript"])
        .args(["--out-name", app.stem, "--out-dir"])
        .arg(&out)
        .arg(&main))?;
    crate::unused::drop_classes(&out, app.stem, crate::unused::STREAM_CLASSES)?;
    shrink(tools, &out)?;
    let packed = crate::pack::pack(&out, keeps_names())?;
    if packed.packs > 0 {
        println!(
            "{}: {} small chunks packed into {} files, one per split point",
            app.stem, packed.chunks, packed.packs
        );
    }
    fs::write(out.join("boot.js"), boot_script(app))?;
    if !app.warmed.is_empty() {
        fs::write(out.join("warm.js"), warm_script(app.warmed))?;
    }
    crate::minify::scripts(tools, &out)?;
    let pkg = format!("pkg-{}", folder_hash(&out)?);
    fs::rename(&out, dist.join(&pkg))?;
    copy_assets(app, &dist)?;
    write_index(tools, app, &dist, &pkg)
}

/// Splits the module of the crate whose library is `stem` at its
/// `#[wasm_split]` points; returns the main module for wasm-bindgen. The
/// chunks and their loader (`__wasm_split.js`) land in `out`; the loader
/// can load the points in `warmed` on its own ([`warmable`]).
pub fn split(stem: &str, wasm: &[u8], out: &Path, warmed: &[&str]) -> Result<PathBuf> {
    let work = project_root().join(format!("target/split/{stem}"));
    if work.exists() {
        fs::remove_dir_all(&work)?;
    }
    fs::create_dir_all(&work)?;
    let main = work.join("main.wasm");
    let main_module = format!("./{stem}.js");
    let mut opts = wasm_split_cli_support::Options::new(wasm);
    opts.output_dir = out;
    opts.main_out_path = &main;
    opts.main_module = &main_module;
    opts.link_name = "./__wasm_split.js";
    wasm_split_cli_support::transform(opts).map_err(|e| format!("wasm-split: {e:#}"))?;
    let loader = out.join("__wasm_split.js");
    let rewritten = load_in_own_tasks(&fs::read_to_string(&loader)?)?;
    fs::write(&loader, warmable(&rewritten, warmed)?)?;
    Ok(main)
}

/// The loader wasm-split writes exports each split point's load only
/// wrapped for the app's call, which reports to a callback in the wasm.
/// Each point in `warmed` keeps its load by name too, and the loader
/// exports `warm(point)`, which runs it: it is memoized, so the app's own
/// call later finds the point loaded. Nothing is called in the chunks.
fn warmable(loader: &str, warmed: &[&str]) -> Result<String> {
    use crate::pack::{EXPORT, LOADER_START as BEFORE};
    const WRAPS: &str = " = wrapAsyncCb(makeLoad(";
    if warmed.is_empty() {
        return Ok(loader.to_owned());
    }
    if !loader.contains(BEFORE) {
        return Err("__wasm_split.js: the chunk loader is not the one this build knows".into());
    }
    let mut out = loader.replacen(
        BEFORE,
        &format!(
            "// Loads a split point without calling into it (xtask/src/site.rs).\n\
             const points = {{}};\n\
             export const warm = (point) => points[point]();\n{BEFORE}"
        ),
        1,
    );
    for point in warmed {
        let export = format!("{EXPORT}{point}{WRAPS}");
        if !out.contains(&export) {
            return Err(format!("__wasm_split.js: no split point {point} to warm").into());
        }
        out = out.replacen(
            &export,
            &format!("{EXPORT}{point} = wrapAsyncCb(points.{point} = makeLoad("),
            1,
        );
    }
    Ok(out)
}

/// Loads the `warmed` split points on a returning visit: after the app
/// has started and the page has loaded, one at a time, each when the
/// browser is idle. A point that fails to load is left for the app's own
/// call, which reports it.
fn warm_script(warmed: &[&str]) -> String {
    let points: Vec<String> = warmed.iter().map(|p| format!("\"{p}\"")).collect();
    format!(
        "// The routes' code, from the service worker's cache (xtask/src/site.rs).\n\
         import {{ warm }} from \"./__wasm_split.js\";\n\
         const idle = () => new Promise((next) => (globalThis.requestIdleCallback ?? setTimeout)(() => next()));\n\
         if (document.readyState !== \"complete\") {{\n\
         \x20 await new Promise((loaded) => addEventListener(\"load\", loaded, {{ once: true }}));\n\
         }}\n\
         for (const point of [{}]) {{\n\
         \x20 await idle();\n\
         \x20 await warm(point).catch(() => {{}});\n\
         }}\n",
        points.join(", ")
    )
}

/// The loader wasm-split writes starts every chunk a split point needs from
/// inside the call that needs it: on a deep link, some forty fetches and
/// instantiations in the task that mounts the app, one long task that
/// holds up the page. Each chunk's load now starts in a task of its own.
fn load_in_own_tasks(loader: &str) -> Result<String> {
    const STARTS: &str = "    const loader = async () => {\n";
    const YIELDS: &str = "    const loader = async () => {\n        \
        await new Promise((next) => setTimeout(next));\n";
    if loader.matches(STARTS).count() != 1 {
        return Err("__wasm_split.js: the chunk loader is not the one this build knows".into());
    }
    Ok(loader.replacen(STARTS, YIELDS, 1))
}

/// Drops the names and the custom sections from every wasm in `dir` and
/// shrinks it with `wasm-opt -Oz`.
/// With `KEYDECK_WASM_NAMES=1` in the environment the functions keep their
/// names, for a profile or `twiggy`; the files are then larger than shipped.
pub fn shrink(tools: &Toolchain, dir: &Path) -> Result<()> {
    let names = keeps_names();
    for piece in files_with_extension(dir, "wasm")? {
        if !names {
            strip_names(&piece)?;
        }
        // The `producers` and `target_features` sections are read by
        // nothing at run time, and a deep link fetches a hundred chunks
        // that would each carry them. Nothing is placed in the first KiB
        // of memory (checked first), so wasm-opt may fold a constant added
        // to an address into the access's offset.
        low_memory_is_unused(&piece, &fs::read(&piece)?)?;
        run(tools
            .command("wasm-opt")
            .args(["-Oz", "--low-memory-unused"])
            .args(["--strip-producers", "--strip-target-features"])
            .args(names.then_some("-g"))
            .arg(&piece)
            .arg("-o")
            .arg(&piece))?;
    }
    Ok(())
}

/// The first KiB of memory, which `wasm-opt --low-memory-unused` takes
/// to hold nothing.
const LOW_MEMORY: u64 = 1024;

/// Fails unless `wasm` places nothing in the first KiB of memory: every
/// active data segment at a constant address above it, and the stack
/// pointer's start above it. The linker puts the stack first, growing
/// down from 1 MiB, and the data above; the stack reaches the first KiB
/// only in overflowing.
fn low_memory_is_unused(path: &Path, wasm: &[u8]) -> Result<()> {
    use wasmparser::{DataKind, Operator, Payload};
    let problem = |what: String| {
        format!(
            "{}: {what}, which wasm-opt --low-memory-unused would break",
            path.display()
        )
    };
    let constant = |expr: &wasmparser::ConstExpr| -> Option<u64> {
        match expr.get_operators_reader().read().ok()? {
            Operator::I32Const { value } => Some(u64::from(value as u32)),
            Operator::I64Const { value } => Some(value as u64),
            _ => None,
        }
    };
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        match payload? {
            Payload::DataSection(reader) => {
                for data in reader {
                    if let DataKind::Active { offset_expr, .. } = data?.kind {
                        let at = constant(&offset_expr).ok_or_else(|| {
                            problem("a data segment at an address not known before it runs".into())
                        })?;
                        if at < LOW_MEMORY {
                            return Err(problem(format!("a data segment at {at}")).into());
                        }
                    }
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader {
                    let global = global?;
                    if global.ty.mutable && global.ty.content_type == wasmparser::ValType::I32 {
                        if let Some(at) = constant(&global.init_expr).filter(|&at| at < LOW_MEMORY)
                        {
                            return Err(problem(format!("a stack pointer starting at {at}")).into());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The environment variable that keeps the wasm's function names.
pub const KEEP_NAMES: &str = "KEYDECK_WASM_NAMES";

/// Whether this build keeps names (`KEYDECK_WASM_NAMES=1`).
fn keeps_names() -> bool {
    std::env::var_os(KEEP_NAMES).is_some_and(|v| v == "1")
}

/// Drops a module's `name` section: binaryen 132 warns on the subsections
/// rustc writes there, and wasm-opt would drop it anyway.
fn strip_names(path: &Path) -> Result<()> {
    let bytes = fs::read(path)?;
    let mut module = wasm_encoder::Module::new();
    for payload in wasmparser::Parser::new(0).parse_all(&bytes) {
        let payload = payload?;
        if matches!(&payload, wasmparser::Payload::CustomSection(c) if c.name() == "name") {
            continue;
        }
        if let Some((id, range)) = payload.as_section() {
            let data = &bytes[range.start as usize..range.end as usize];
            module.section(&wasm_encoder::RawSection { id, data });
        }
    }
    fs::write(path, module.finish())?;
    Ok(())
}

fn copy_assets(app: &App, dist: &Path) -> Result<()> {
    for (from, to) in app.copied {
        copy_tree(&app.dir.join(from), &dist.join(to))?;
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    if from.is_dir() {
        fs::create_dir_all(to)?;
        for entry in fs::read_dir(from)? {
            let entry = entry?;
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
    } else {
        fs::copy(from, to)?;
    }
    Ok(())
}

/// Writes `dist/index.html` from the template: hashed names for the
/// stylesheet and icon, and the app's preload hints and boot script.
fn write_index(tools: &Toolchain, app: &App, dist: &Path, pkg: &str) -> Result<()> {
    let mut html = fs::read_to_string(app.dir.join("index.html"))?;
    let mut files = Vec::new();
    for source in app.hashed {
        let mut bytes = fs::read(app.dir.join(source))?;
        if source.ends_with(".css") {
            bytes = crate::minify::stylesheet(tools, &bytes)?;
        }
        files.push((source.to_string(), Contents::File(bytes)));
    }
    for file in (app.generated)()? {
        files.push((file.name.to_string(), file.contents));
    }
    for (source, contents) in files {
        let hashed = write_hashed(dist, &source, contents)?;
        // Named as a link (`href="…"`) or as a meta tag's value (`content="…"`).
        let mut found = false;
        for attr in ["href", "content"] {
            let needle = format!("{attr}=\"{source}\"");
            if html.contains(&needle) {
                html = html.replace(&needle, &format!("{attr}=\"/{hashed}\""));
                found = true;
            }
        }
        if !found {
            return Err(format!("index.html does not name {source} in an href or content").into());
        }
    }
    let stem = app.stem;
    let boot = format!("<script type=\"module\" src=\"/{pkg}/boot.js\"></script>");
    let tags = if app.prerendered {
        boot
    } else {
        format!(
            "<link rel=\"modulepreload\" href=\"/{pkg}/{stem}.js\">\n  \
             <link rel=\"preload\" href=\"/{pkg}/{stem}_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n  \
             {boot}"
        )
    };
    if !html.contains(APP_MARKER) {
        return Err(format!("index.html has no {APP_MARKER} line").into());
    }
    let html = with_script_hashes(&html.replace(APP_MARKER, &tags))?;
    fs::write(dist.join("index.html"), html)?;
    Ok(())
}

/// Where the Content-Security-Policy in `index.html` lists its inline
/// scripts: the build puts each one's hash there.
const SCRIPT_HASHES: &str = "'keydeck:inline-script-hashes'";

/// `html` with [`SCRIPT_HASHES`] replaced by the `'sha256-…'` source of
/// each inline `<script>` (one without `src`), so the policy allows those
/// scripts as written and no other.
fn with_script_hashes(html: &str) -> Result<String> {
    use base64::Engine as _;
    use sha2::Digest as _;
    if !html.contains(SCRIPT_HASHES) {
        return Err(format!("index.html's policy has no {SCRIPT_HASHES}").into());
    }
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let tag_end = rest[start..]
            .find('>')
            .ok_or("index.html: an unclosed <script")?
            + start;
        let body_end = rest[tag_end..]
            .find("</script>")
            .ok_or("index.html: a <script> without </script>")?
            + tag_end;
        if !rest[start..tag_end].contains(" src=") {
            let digest = sha2::Sha256::digest(&rest[tag_end + 1..body_end]);
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{encoded}'"));
        }
        rest = &rest[body_end..];
    }
    Ok(html.replace(SCRIPT_HASHES, &hashes.join(" ")))
}

/// The module `index.html` loads: it starts the app. A prerendered app
/// starts once the first paint has reached the screen, so that its code
/// does not compete with that paint for the connection, and the app never
/// takes the place of a rendered page that was not yet shown (a cold
/// browser can take a second to present its first frame; the page's
/// largest paint would then be the app's, seconds later on a phone).
/// Where the browser reports no paint timing, after the first frame; in
/// any case within [`BOOT_WAIT_MS`]. Any other app starts at once (its
/// code is preloaded beside it).
fn boot_script(app: &App) -> String {
    let mut start = format!(
        "const {{ default: init }} = await import(\"./{}.js\");\n",
        app.stem
    );
    if app.warmed.is_empty() {
        start.push_str("init();\n");
    } else {
        // Only a page the service worker controls: its cache holds the
        // build. A first visit's worker installs after the page has drawn,
        // and what it fetches is not the page's to wait for.
        start.push_str(
            "const started = init();\n\
             if (navigator.serviceWorker?.controller) started.then(() => import(\"./warm.js\"));\n",
        );
    }
    if app.prerendered {
        format!(
            "// Once the page the build rendered has been shown.\n\
             await new Promise((shown) => {{\n\
             \x20 setTimeout(shown, {BOOT_WAIT_MS});\n\
             \x20 if (!(PerformanceObserver.supportedEntryTypes ?? []).includes(\"paint\")) {{\n\
             \x20   requestAnimationFrame(() => setTimeout(shown));\n\
             \x20   return;\n\
             \x20 }}\n\
             \x20 new PerformanceObserver((list, observer) => {{\n\
             \x20   if (list.getEntriesByName(\"first-contentful-paint\").length) {{\n\
             \x20     observer.disconnect();\n\
             \x20     shown();\n\
             \x20   }}\n\
             \x20 }}).observe({{ type: \"paint\", buffered: true }});\n\
             }});\n{start}"
        )
    } else {
        start
    }
}

/// The longest a prerendered app waits for its page to be shown.
const BOOT_WAIT_MS: u32 = 3000;

pub fn files_with_extension(dir: &Path, ext: &str) -> Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    found.sort();
    Ok(found)
}

/// Writes a file or a folder named by its contents into `dist`; its name
/// there: `main-<hash>.css`, `deck-<hash>/`.
fn write_hashed(dist: &Path, source: &str, contents: Contents) -> Result<String> {
    let name = Path::new(source);
    let stem = name.file_stem().unwrap_or_default().to_string_lossy();
    match contents {
        Contents::File(bytes) => {
            let ext = name.extension().unwrap_or_default().to_string_lossy();
            let hashed = hashed_name(&stem, &ext, &bytes);
            fs::write(dist.join(&hashed), bytes)?;
            Ok(hashed)
        }
        Contents::Folder(files) => {
            let named = files
                .iter()
                .map(|(file, bytes)| (file.as_str(), bytes.as_slice()));
            let hashed = format!("{stem}-{}/", files_hash(named));
            fs::create_dir_all(dist.join(&hashed))?;
            for (file, bytes) in files {
                fs::write(dist.join(&hashed).join(file), bytes)?;
            }
            Ok(hashed)
        }
    }
}

/// `stem-<hash>.ext`: a file name that changes exactly when the bytes do.
pub fn hashed_name(stem: &str, ext: &str, bytes: &[u8]) -> String {
    format!("{stem}-{}.{ext}", short_hash(bytes))
}

/// Sets `<meta name="{name}" content="{content}">` in `dist/index.html`,
/// replacing any earlier one: how the build tells the page what it wrote.
pub fn stamp_meta(dist: &Path, name: &str, content: &str) -> Result<()> {
    stamp_meta_in(&dist.join("index.html"), name, content)
}

/// [`stamp_meta`] in one page.
pub fn stamp_meta_in(path: &Path, name: &str, content: &str) -> Result<()> {
    let index = fs::read_to_string(path)?;
    let attr = format!("name=\"{name}\"");
    let kept: Vec<&str> = index.lines().filter(|l| !l.contains(&attr)).collect();
    let meta = format!("<meta {attr} content=\"{content}\">");
    let index = (kept.join("\n") + "\n").replacen("</head>", &format!("  {meta}\n</head>"), 1);
    fs::write(path, index)?;
    Ok(())
}

/// A new name exactly when a file of the folder `dir` (no subfolders)
/// changes, or one is added, removed or renamed.
pub fn folder_hash(dir: &Path) -> Result<String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    files.sort();
    let mut named = Vec::new();
    for file in files {
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        named.push((name, fs::read(&file)?));
    }
    Ok(files_hash(
        named
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice())),
    ))
}

/// A new name exactly when one of these files, by name and bytes, changes,
/// or one is added, removed or renamed.
fn files_hash<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> String {
    let mut fingerprint = Fnv::new();
    for (name, bytes) in files {
        fingerprint.feed(name.as_bytes());
        fingerprint.feed(&(bytes.len() as u64).to_le_bytes());
        fingerprint.feed(bytes);
    }
    hash::short(&fingerprint)
}

/// A new name exactly when the bytes change.
fn short_hash(bytes: &[u8]) -> String {
    let mut fingerprint = Fnv::new();
    fingerprint.feed(bytes);
    hash::short(&fingerprint)
}

/// The KeyDeck site itself: the app, the labs worker, then the service
/// worker that precaches both.
pub fn build_app(tools: &Toolchain) -> Result<()> {
    let app = keydeck();
    build(tools, &app)?;
    crate::worker::build(tools, &app.dist())?;
    crate::prerender::pages(&app.dist())?;
    crate::pwa::write_service_worker(&app.dist())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with one memory, a stack pointer starting at `stack` and
    /// one data segment at `data`.
    fn laid_out(stack: i32, data: i32) -> Vec<u8> {
        use wasm_encoder::{
            ConstExpr, DataSection, GlobalSection, GlobalType, MemorySection, MemoryType, Module,
            ValType,
        };
        let mut module = Module::new();
        let mut memory = MemorySection::new();
        memory.memory(MemoryType {
            minimum: 17,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        module.section(&memory);
        let mut globals = GlobalSection::new();
        let mutable = GlobalType {
            val_type: ValType::I32,
            mutable: true,
            shared: false,
        };
        globals.global(mutable, &ConstExpr::i32_const(stack));
        module.section(&globals);
        let mut data_section = DataSection::new();
        data_section.active(0, &ConstExpr::i32_const(data), b"keydeck".iter().copied());
        module.section(&data_section);
        module.finish()
    }

    #[test]
    fn memory_laid_out_as_the_linker_does_leaves_the_first_kib_unused() {
        assert!(
            low_memory_is_unused(Path::new("main.wasm"), &laid_out(1 << 20, (1 << 20) + 8)).is_ok()
        );
    }

    #[test]
    fn data_or_a_stack_in_the_first_kib_fails_the_build() {
        let data = low_memory_is_unused(Path::new("main.wasm"), &laid_out(1 << 20, 16));
        assert_eq!(
            data.unwrap_err().to_string(),
            "main.wasm: a data segment at 16, which wasm-opt --low-memory-unused would break"
        );
        let stack = low_memory_is_unused(Path::new("main.wasm"), &laid_out(512, 1 << 20));
        assert_eq!(
            stack.unwrap_err().to_string(),
            "main.wasm: a stack pointer starting at 512, which wasm-opt --low-memory-unused would break"
        );
    }

    fn app(prerendered: bool) -> App<'static> {
        App {
            package: "keydeck",
            stem: "keydeck",
            dir: PathBuf::new(),
            hashed: &[],
            copied: &[],
            generated: nothing,
            prerendered,
            warmed: &[],
        }
    }

    #[test]
    fn a_folder_is_named_anew_when_any_of_its_files_changes() {
        let dir = std::env::temp_dir().join(format!("keydeck-folder-hash-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("a.wasm"), b"module").unwrap();
        fs::write(dir.join("boot.js"), b"init();").unwrap();
        let first = folder_hash(&dir).unwrap();
        assert_eq!(folder_hash(&dir).unwrap(), first);
        fs::write(dir.join("boot.js"), b"init(); warm();").unwrap();
        let changed = folder_hash(&dir).unwrap();
        assert_ne!(changed, first);
        fs::rename(dir.join("boot.js"), dir.join("start.js")).unwrap();
        assert_ne!(folder_hash(&dir).unwrap(), changed);
        // The bytes move from one file to the next: still another name.
        fs::write(dir.join("a.wasm"), b"mod").unwrap();
        fs::write(dir.join("start.js"), b"uleinit(); warm();").unwrap();
        let moved = folder_hash(&dir).unwrap();
        assert_ne!(moved, changed);
        fs::remove_dir_all(&dir).unwrap();
    }

    /// Where `text` is in `script`, which must hold it.
    fn position(script: &str, text: &str) -> usize {
        script
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} is not in:\n{script}"))
    }

    #[test]
    fn a_prerendered_app_starts_once_its_page_has_been_shown() {
        let script = boot_script(&app(true));
        let wait = position(&script, "first-contentful-paint");
        let start = position(&script, "import(\"./keydeck.js\")");
        assert!(wait < start, "{script}");
        assert!(script.contains("setTimeout(shown, 3000)"), "{script}");
        assert_eq!(
            boot_script(&app(false)),
            "const { default: init } = await import(\"./keydeck.js\");\ninit();\n"
        );
    }

    #[test]
    fn a_returning_visit_loads_the_warmed_points_once_the_app_has_started() {
        let mut warming = app(true);
        warming.warmed = &["study", "quiz"];
        let script = boot_script(&warming);
        let start = position(&script, "const started = init();\n");
        let warm = position(
            &script,
            "if (navigator.serviceWorker?.controller) started.then(() => import(\"./warm.js\"));",
        );
        assert!(start < warm, "{script}");
        let warm = warm_script(warming.warmed);
        assert!(
            warm.contains("import { warm } from \"./__wasm_split.js\";"),
            "{warm}"
        );
        assert!(
            warm.contains("for (const point of [\"study\", \"quiz\"]) {"),
            "{warm}"
        );
        assert!(
            warm.find("addEventListener(\"load\"") < warm.find("await idle();"),
            "{warm}"
        );
    }

    #[test]
    fn the_loader_keeps_each_warmed_point_by_name() {
        const LOADER: &str = "import { initSync } from \"./keydeck.js\";\n\
            function makeLoad(fetcher, deps) {\n}\n\
            export const __wasm_split_load_study = wrapAsyncCb(makeLoad(() => {\n}\n, [__chunk_1]));\n\
            export const __wasm_split_load_quiz = wrapAsyncCb(makeLoad(() => {\n}\n, []));\n";
        let out = warmable(LOADER, &["study"]).unwrap();
        assert!(
            out.contains("export const __wasm_split_load_study = wrapAsyncCb(points.study = makeLoad(() => {\n}\n, [__chunk_1]));"),
            "{out}"
        );
        assert!(out.contains("export const __wasm_split_load_quiz = wrapAsyncCb(makeLoad("));
        assert!(out.find("const points = {};") < out.find("export const __wasm_split_load_study"));
        assert!(out.contains("export const warm = (point) => points[point]();"));
        assert_eq!(warmable(LOADER, &[]).unwrap(), LOADER);
        let missing = warmable(LOADER, &["labs"]).unwrap_err().to_string();
        assert!(missing.contains("no split point labs"), "{missing}");
        let other = LOADER.replace("function makeLoad(", "function load(");
        assert!(warmable(&other, &["study"]).is_err());
    }

    /// Prints the boot script, for a syntax check: `cargo test -p xtask
    /// print_boot_script -- --ignored --nocapture | node --check`.
    #[test]
    #[ignore]
    fn print_boot_script() {
        print!("{}", boot_script(&app(true)));
    }

    #[test]
    fn the_policy_lists_the_hash_of_each_inline_script_and_no_other() {
        let html = concat!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' 'keydeck:inline-script-hashes'\">",
            "<script>a()</script>",
            "<script type=\"module\" src=\"/pkg/boot.js\"></script>",
            "<script>\nb()\n</script>",
        );
        let with = with_script_hashes(html).unwrap();
        // As `printf 'a()' | openssl dgst -sha256 -binary | base64` gives.
        let a = "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='";
        let b = "'sha256-NlXKTQe8YfLmZqnEm5aXK1Lb/1wWgkKgNs+lNRY6yOo='";
        assert!(
            with.contains(&format!("script-src 'self' {a} {b}\"")),
            "{with}"
        );
        assert!(!with.contains("keydeck:"));
        let without = html.replace(" 'keydeck:inline-script-hashes'", "");
        assert!(with_script_hashes(&without).is_err());
    }
}
