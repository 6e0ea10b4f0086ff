//! Installs whatever pinned tool is missing. Cargo tools go to `.tools/`
//! in the checkout, so they never clash with other versions on the machine.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::pins;
use crate::{project_root, run, Result};

/// The directories the build's tools live in, to put first on PATH.
pub struct Toolchain {
    pub bin_dirs: Vec<PathBuf>,
}

impl Toolchain {
    /// A command with the toolchain's directories first on PATH.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        let mut paths = self.bin_dirs.clone();
        paths.extend(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        ));
        cmd.env(
            "PATH",
            std::env::join_paths(paths).expect("PATH entries are valid"),
        );
        cmd
    }
}

/// Ensures everything the site's build needs: the wasm target, the
/// matching wasm-bindgen CLI, a wasm-opt that reads rustc's output, and
/// esbuild.
pub fn ensure_build_tools() -> Result<Toolchain> {
    ensure_wasm_target()?;
    let cargo_bin = project_root().join(".tools/bin");
    // wasm-bindgen-cli's own lock pins a crate the registry here lacks, so no --locked.
    ensure_cargo_tool(
        "wasm-bindgen-cli",
        "wasm-bindgen",
        &wasm_bindgen_version()?,
        &[],
    )?;
    ensure_node_packages()?;
    let node_bin = project_root().join("tests/node_modules/.bin");
    let toolchain = Toolchain {
        bin_dirs: vec![cargo_bin, node_bin],
    };
    let wasm_opt = version_of(&mut toolchain.command("wasm-opt")).unwrap_or_default();
    if !wasm_opt.contains(&format!("version {}", pins::WASM_OPT_VERSION)) {
        return Err(format!(
            "wasm-opt reports {wasm_opt:?}, expected binaryen {}",
            pins::WASM_OPT_VERSION
        )
        .into());
    }
    let esbuild = version_of(&mut toolchain.command("esbuild")).unwrap_or_default();
    if esbuild.trim() != pins::ESBUILD_VERSION {
        return Err(format!(
            "esbuild reports {esbuild:?}, expected {}",
            pins::ESBUILD_VERSION
        )
        .into());
    }
    Ok(toolchain)
}

/// Ensures cargo-deny at its pinned version and returns its path in `.tools/`
/// (called by path: `cargo deny` could find another version first).
pub fn ensure_cargo_deny() -> Result<PathBuf> {
    ensure_cargo_tool(
        "cargo-deny",
        "cargo-deny",
        pins::CARGO_DENY_VERSION,
        &["--locked"],
    )?;
    Ok(project_root().join(".tools/bin/cargo-deny"))
}

/// Ensures the browser suite's extra needs: Debian's Chromium and driver.
pub fn ensure_browser() -> Result<()> {
    let missing: Vec<&str> = pins::APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| !dpkg_installed(p))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("xtask: installing {} from Debian", missing.join(" "));
    let sudo = !is_root();
    let apt = |args: &[&str]| {
        let mut cmd = if sudo {
            Command::new("sudo")
        } else {
            Command::new("apt-get")
        };
        if sudo {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    run(&mut apt(&["update", "-q"]))?;
    run(apt(&["install", "-y", "-q", "--no-install-recommends"]).args(&missing))?;
    if !Path::new(pins::CHROMIUM).exists() {
        return Err(format!("{} is still missing after apt-get install", pins::CHROMIUM).into());
    }
    Ok(())
}

fn ensure_wasm_target() -> Result<()> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|l| l.trim() == pins::WASM_TARGET)
    {
        return Ok(());
    }
    eprintln!("xtask: adding the {} target", pins::WASM_TARGET);
    run(Command::new("rustup").args(["target", "add", pins::WASM_TARGET]))
}

/// Installs `krate` at `version` into `.tools/` unless `bin` already reports it.
fn ensure_cargo_tool(krate: &str, bin: &str, version: &str, extra: &[&str]) -> Result<()> {
    let local = project_root().join(".tools/bin").join(bin);
    let found = version_of(&mut Command::new(&local)).unwrap_or_default();
    if found.split_whitespace().nth(1) == Some(version) {
        return Ok(());
    }
    eprintln!("xtask: installing {krate} {version} (this takes a few minutes)");
    let root = project_root().join(".tools");
    run(Command::new(env_cargo())
        .args(["install", krate, "--version", version, "--root"])
        .arg(&root)
        .args(extra))
}

/// Runs `npm ci` when `tests/node_modules` is missing or older than the lock.
fn ensure_node_packages() -> Result<()> {
    let dir = project_root().join("tests");
    let stamp = dir.join("node_modules/.package-lock.json");
    let fresh = match (modified(&stamp), modified(&dir.join("package-lock.json"))) {
        (Some(installed), Some(lock)) => installed >= lock,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    let node = version_of(&mut Command::new("node")).unwrap_or_default();
    let major: u32 = node
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < pins::NODE_MAJOR {
        return Err(format!(
            "Node.js {} or newer is needed for wasm-opt and the browser suite (found {:?})",
            pins::NODE_MAJOR,
            if node.is_empty() { "none" } else { &node }
        )
        .into());
    }
    eprintln!("xtask: installing the browser suite's node packages");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&dir))
}

/// The wasm-bindgen version recorded in Cargo.lock.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(project_root().join("Cargo.lock"))?;
    let needle = format!("name = \"{}\"\nversion = \"", pins::WASM_BINDGEN_CRATE);
    let start = lock
        .find(&needle)
        .ok_or("Cargo.lock has no wasm-bindgen entry")?
        + needle.len();
    let end = lock[start..]
        .find('"')
        .ok_or("Cargo.lock's wasm-bindgen entry is malformed")?;
    Ok(lock[start..start + end].to_owned())
}

fn version_of(cmd: &mut Command) -> Option<String> {
    let out = cmd.arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn dpkg_installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"))
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

pub fn env_cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}
