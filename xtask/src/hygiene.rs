//! Dependency hygiene, an early step of `cargo xtask test`: `cargo deny`
//! over the whole workspace with `deny.toml` (licences, duplicate versions,
//! sources, and which crates may depend on a web crate directly), then each
//! pure crate's wasm32 graph end to end, which may reach a web crate only
//! through the doors `deny.toml` writes down.
//!
//! Advisories are not checked: cargo-deny clones the RustSec database from
//! GitHub, which the machines that run the suite cannot reach.

use std::process::Command;

use crate::{pins, project_root, run, tools, Result};

/// The crates with no web dependencies, which build and test natively.
pub const PURE_CRATES: [&str; 5] = [
    "keydeck-study",
    "keydeck-sim",
    "keydeck-lab",
    "keydeck-esdk",
    "keydeck-lab-protocol",
];

/// The browser's bindings; every `gloo-` crate is one too.
pub const WEB_CRATES: [&str; 4] = ["web-sys", "js-sys", "wasm-bindgen", "wasm-bindgen-futures"];
pub const WEB_PREFIX: &str = "gloo-";

/// The only ways a pure crate may reach a web crate (name, version prefix),
/// each a wrapper in `deny.toml` with its reason: chrono's `wasmbind`,
/// turned on through rs-fsrs, and getrandom 0.2's `js`, which RustCrypto's
/// `std` features need to build for wasm32. The pure crates call neither.
pub const DOORS: [(&str, &str); 2] = [("chrono", ""), ("getrandom", "0.2.")];

pub fn check() -> Result<()> {
    let cargo_deny = tools::ensure_cargo_deny()?;
    eprintln!("xtask: advisories are not checked: the RustSec database is on GitHub, out of reach");
    run(Command::new(cargo_deny).current_dir(project_root()).args([
        "deny",
        "--workspace",
        "check",
        "bans",
        "licenses",
        "sources",
    ]))
    .map_err(|e| {
        format!(
            "{e}: a dependency breaks deny.toml; the diagnostics above name the crate and the rule"
        )
    })?;
    let mut broken = Vec::new();
    for krate in PURE_CRATES {
        let doors = doors_in(&wasm_graph(krate, &[])?);
        let web = web_crates(&wasm_graph(krate, &doors)?);
        if !web.is_empty() {
            broken.push(format!("{krate} reaches {}", web.join(", ")));
        }
    }
    if broken.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "a pure crate reaches a web crate other than through chrono or getrandom 0.2 \
             (deny.toml): {}",
            broken.join("; ")
        )
        .into())
    }
}

/// The `name version` of every crate in `package`'s normal wasm32 graph,
/// leaving out what only the `prune`d crates (`name@version`) bring.
pub fn wasm_graph(package: &str, prune: &[String]) -> Result<Vec<String>> {
    let mut cmd = Command::new(tools::env_cargo());
    cmd.current_dir(project_root())
        .args([
            "tree", "--quiet", "-p", package, "-e", "normal", "--prefix", "none",
        ])
        .args(["--target", pins::WASM_TARGET]);
    for spec in prune {
        cmd.args(["--prune", spec]);
    }
    let out = cmd.output()?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned().into());
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
        .collect())
}

/// The doors a graph holds, as `--prune` specs.
fn doors_in(graph: &[String]) -> Vec<String> {
    let mut specs: Vec<String> = graph
        .iter()
        .filter_map(|line| {
            let (name, version) = line.split_once(" v")?;
            DOORS
                .iter()
                .any(|(door, prefix)| name == *door && version.starts_with(prefix))
                .then(|| format!("{name}@{version}"))
        })
        .collect();
    specs.sort();
    specs.dedup();
    specs
}

/// The web crates among a graph's `name version` lines.
fn web_crates(graph: &[String]) -> Vec<String> {
    let mut names: Vec<String> = graph
        .iter()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| WEB_CRATES.contains(name) || name.starts_with(WEB_PREFIX))
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(graph: &[&str]) -> Vec<String> {
        graph.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn doors_are_pruned_by_name_and_version() {
        let graph = lines(&[
            "keydeck-sim v0.1.0",
            "getrandom v0.2.17",
            "getrandom v0.3.4",
            "chrono v0.4.45",
            "chrono v0.4.45",
        ]);
        assert_eq!(doors_in(&graph), ["chrono@0.4.45", "getrandom@0.2.17"]);
    }

    #[test]
    fn web_crates_are_named_once_and_gloo_counts() {
        let graph = lines(&[
            "js-sys v0.3.107",
            "serde v1.0.229",
            "gloo-timers v0.3.0",
            "js-sys v0.3.107",
        ]);
        assert_eq!(web_crates(&graph), ["gloo-timers", "js-sys"]);
        assert!(web_crates(&lines(&["wasm-bindgen-shared v0.2.130"])).is_empty());
    }

    fn deny_toml() -> toml::Table {
        let text = std::fs::read_to_string(project_root().join("deny.toml")).unwrap();
        text.parse().unwrap()
    }

    fn bans(deny: &toml::Table) -> &Vec<toml::Value> {
        deny["bans"]["deny"].as_array().unwrap()
    }

    fn ban<'a>(deny: &'a toml::Table, krate: &str) -> Option<&'a toml::Value> {
        bans(deny)
            .iter()
            .find(|b| b["crate"].as_str() == Some(krate))
    }

    fn wrappers(ban: &toml::Value) -> Vec<&str> {
        ban.get("wrappers")
            .and_then(|w| w.as_array())
            .map(|w| w.iter().filter_map(|n| n.as_str()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn deny_toml_bans_every_web_crate_in_the_lock() {
        let deny = deny_toml();
        let lock = std::fs::read_to_string(project_root().join("Cargo.lock")).unwrap();
        let gloo = lock
            .lines()
            .filter_map(|l| l.strip_prefix("name = \""))
            .map(|l| l.trim_end_matches('"'))
            .filter(|name| name.starts_with(WEB_PREFIX));
        for krate in WEB_CRATES.into_iter().chain(gloo) {
            assert!(
                ban(&deny, krate).is_some(),
                "deny.toml does not ban {krate}"
            );
        }
    }

    #[test]
    fn no_pure_crate_may_depend_on_a_web_crate() {
        let deny = deny_toml();
        for ban in bans(&deny) {
            for pure in PURE_CRATES {
                assert!(
                    !wrappers(ban).contains(&pure),
                    "{pure} wraps {}",
                    ban["crate"]
                );
            }
        }
    }

    #[test]
    fn the_doors_are_deny_tomls_exceptions() {
        let deny = deny_toml();
        for web in ["js-sys", "wasm-bindgen"] {
            for (door, _) in DOORS {
                assert!(
                    wrappers(ban(&deny, web).unwrap()).contains(&door),
                    "{door} on {web}"
                );
            }
        }
    }

    #[test]
    fn every_ban_skip_and_ignored_advisory_gives_a_reason() {
        let deny = deny_toml();
        let entries = bans(&deny)
            .iter()
            .chain(deny["bans"]["skip"].as_array().unwrap())
            .chain(deny["advisories"]["ignore"].as_array().unwrap());
        for entry in entries {
            let reason = entry.get("reason").and_then(|r| r.as_str()).unwrap_or("");
            assert!(reason.len() > 20, "no reason given for {entry}");
        }
    }

    #[test]
    fn the_pure_crates_are_the_workspaces_own() {
        let names: Vec<String> = std::fs::read_dir(project_root().join("crates"))
            .unwrap()
            .map(|dir| {
                let manifest = std::fs::read_to_string(dir.unwrap().path().join("Cargo.toml"));
                let manifest: toml::Table = manifest.unwrap().parse().unwrap();
                manifest["package"]["name"].as_str().unwrap().to_owned()
            })
            .collect();
        for pure in PURE_CRATES {
            assert!(names.iter().any(|n| n == pure), "no crate is named {pure}");
        }
    }
}
