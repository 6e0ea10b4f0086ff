//! Every tool version KeyDeck's build depends on, in one place.
//!
//! Node packages (Playwright, axe-core, Lighthouse, the binaryen that
//! provides wasm-opt, and esbuild) are pinned exactly in
//! `tests/package.json` and locked in `tests/package-lock.json`; `npm ci`
//! installs them as recorded there.

/// The wasm-bindgen CLI must equal the `wasm-bindgen` crate in Cargo.lock;
/// it is read from there rather than written twice.
pub const WASM_BINDGEN_CRATE: &str = "wasm-bindgen";

/// Debian's binaryen 108 cannot read rustc 1.95's wasm (the page stays blank),
/// so wasm-opt comes from npm's `binaryen`, and must report this version.
pub const WASM_OPT_VERSION: &str = "132";

/// esbuild minifies the site's scripts and stylesheets (`minify.rs`). Its
/// install script is denied in `tests/package.json` (`allowScripts`): it
/// only swaps esbuild's launcher for the platform's binary, which the
/// launcher finds as it is.
pub const ESBUILD_VERSION: &str = "0.28.2";

/// Playwright 1.65 needs Node.js 20; the machine provides it.
pub const NODE_MAJOR: u32 = 20;

/// The browser the suite drives, from Debian.
pub const APT_PACKAGES: [&str; 2] = ["chromium", "chromium-driver"];
pub const CHROMIUM: &str = "/usr/bin/chromium";

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// cargo-deny checks `deny.toml` (licences, duplicate versions, sources and
/// the web-crate bans). Installed with `--locked`; builds on rustc 1.95.
pub const CARGO_DENY_VERSION: &str = "0.20.2";
