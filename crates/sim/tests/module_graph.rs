//! The crate's modules depend on each other one way only.
//!
//! Reads every `src/**/*.rs` (the binary's `main.rs` aside, and each file's
//! `#[cfg(test)]` part), collects the paths that name another module of the
//! crate — `crate::…`, `super::…`, `self::…` and a parent's bare paths into
//! its own child modules, in `use` trees and in code — and checks:
//! - the module graph has no cycle;
//! - `platform` (the service-neutral core) names no service;
//! - within a service, layers depend downward only:
//!   `ops` → `features` → `authorization` → `model`, and nothing but the
//!   service's own root names its `ops` (the dispatch table);
//! - a service names another service only through that service's root.
//!
//! Comments are left out, so a doc link is not a dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Layers inside a service directory, lowest first.
const LAYERS: &[&str] = &["model", "authorization", "features", "ops"];
/// Top-level modules that compose services rather than being one.
const SHELLS: &[&str] = &["simulator", "server"];
const CORE: &str = "platform";

type Module = Vec<String>;

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".to_owned()
    } else {
        format!("crate::{}", m.join("::"))
    }
}

/// Every module of the crate backed by a file, with its source text.
fn modules(src: &Path) -> BTreeMap<Module, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("readable src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(src, &mut files);
    let mut out = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(src).expect("under src");
        let mut segments: Vec<String> = rel
            .iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        let last = segments.pop().expect("a file name");
        match last.as_str() {
            "main.rs" if segments.is_empty() => continue,
            "lib.rs" | "mod.rs" => {}
            other => segments.push(other.trim_end_matches(".rs").to_owned()),
        }
        let text = std::fs::read_to_string(&file).expect("readable file");
        out.insert(segments, code_only(&text));
    }
    out
}

/// The text without comments, string literals and the `#[cfg(test)]` part.
fn code_only(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut prev = ' ';
                for c in chars.by_ref() {
                    if prev == '*' && c == '/' {
                        break;
                    }
                    prev = c;
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if !escaped && c == '"' {
                        break;
                    }
                    escaped = !escaped && c == '\\';
                }
                out.push_str("\"\"");
            }
            // A char literal such as '"' would otherwise open a string.
            '\'' => {
                let ahead: String = chars.clone().take(3).collect();
                let len = if ahead.starts_with('\\') {
                    ahead.find('\'').map(|i| i + 1)
                } else if ahead.chars().nth(1) == Some('\'') {
                    Some(2)
                } else {
                    None
                };
                match len {
                    Some(n) => {
                        for _ in 0..n {
                            chars.next();
                        }
                        out.push_str("' '");
                    }
                    None => out.push(c),
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The paths a `use` tree names, in full (`a::{b, c::d}` → `a::b`, `a::c::d`).
fn flatten_use(tree: &str) -> Vec<String> {
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or_default().trim();
        return vec![path.trim_end_matches("::*").to_owned()];
    };
    let prefix = tree[..open].trim().trim_end_matches("::");
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    let mut out = Vec::new();
    for part in parts.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
        for path in flatten_use(part) {
            match path.as_str() {
                "self" | "*" | "" => out.push(prefix.to_owned()),
                _ => out.push(format!("{prefix}::{path}")),
            }
        }
    }
    out
}

/// Every path in the code: flattened `use` trees, then `a::b::c` runs.
fn paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = String::new();
    let mut remaining = code;
    while let Some(at) = find_use(remaining) {
        rest.push_str(&remaining[..at]);
        let after = &remaining[at + 4..];
        let end = after.find(';').unwrap_or(after.len());
        out.extend(flatten_use(&after[..end]));
        remaining = &after[(end + 1).min(after.len())..];
    }
    rest.push_str(remaining);
    let bytes = rest.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < bytes.len() {
        if ident(bytes[i]) && (i == 0 || !(ident(bytes[i - 1]) || bytes[i - 1] == b':')) {
            let start = i;
            while i < bytes.len() && (ident(bytes[i]) || bytes[i] == b':') {
                i += 1;
            }
            let run = rest[start..i].trim_end_matches(':');
            if run.contains("::") {
                out.push(run.to_owned());
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The start of the next `use` item (`use` as a whole word).
fn find_use(code: &str) -> Option<usize> {
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(i) = code[from..].find("use ").map(|i| i + from) {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        if before.is_none_or(|b| !(b.is_ascii_alphanumeric() || b == b'_')) {
            return Some(i);
        }
        from = i + 4;
    }
    None
}

/// The module a path names, if it is another module of the crate.
fn target(from: &[String], path: &str, known: &BTreeSet<Module>) -> Option<Module> {
    let mut segments = path.split("::").filter(|s| !s.is_empty()).peekable();
    let mut base: Module = match *segments.peek()? {
        "crate" => {
            segments.next();
            Vec::new()
        }
        "self" => {
            segments.next();
            from.to_vec()
        }
        "super" => {
            let mut m = from.to_vec();
            while segments.peek() == Some(&"super") {
                segments.next();
                m.pop()?;
            }
            m
        }
        child if known.contains(&[from, &[child.to_owned()]].concat()) => from.to_vec(),
        _ => return None,
    };
    for s in segments {
        let next = [base.as_slice(), &[s.to_owned()]].concat();
        if !known.contains(&next) {
            break;
        }
        base = next;
    }
    (base != from).then_some(base)
}

fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = modules(&src);
    let known: BTreeSet<Module> = modules.keys().cloned().collect();
    modules
        .iter()
        .map(|(m, code)| {
            let edges = paths(code)
                .iter()
                .filter_map(|p| target(m, p, &known))
                .collect();
            (m.clone(), edges)
        })
        .collect()
}

/// A cycle, as a list of modules, if the graph has one.
fn find_cycle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        m: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        marks: &mut BTreeMap<Module, Mark>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        match marks.get(m) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let at = stack.iter().position(|s| s == m).unwrap_or(0);
                let mut cycle = stack[at..].to_vec();
                cycle.push(m.clone());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(m.clone(), Mark::Open);
        stack.push(m.clone());
        for next in graph.get(m).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, marks, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        marks.insert(m.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph
        .keys()
        .find_map(|m| visit(m, graph, &mut marks, &mut Vec::new()))
}

/// Where a module sits: the core, a shell (or the crate root), or a layer
/// of a service (`None` for the service's root and its other modules).
enum Place<'m> {
    Core,
    Shell,
    Service(&'m str, Option<usize>),
}

fn place(m: &Module) -> Place<'_> {
    match m.first().map(String::as_str) {
        None => Place::Shell,
        Some(CORE) => Place::Core,
        Some(s) if SHELLS.contains(&s) => Place::Shell,
        Some(service) => Place::Service(
            service,
            m.get(1).and_then(|l| LAYERS.iter().position(|x| x == l)),
        ),
    }
}

/// Why an edge breaks the layering, if it does.
fn layering_fault(from: &Module, to: &Module) -> Option<&'static str> {
    match (place(from), place(to)) {
        (Place::Shell, _) => None,
        (_, Place::Shell) => Some("only the shells may name the simulator or the server"),
        (Place::Core, Place::Core) => None,
        (Place::Core, Place::Service(..)) => Some("the core names no service"),
        (Place::Service(..), Place::Core) => None,
        (Place::Service(a, la), Place::Service(b, lb)) if a == b => {
            let is_ops = lb == Some(LAYERS.len() - 1);
            match (la, lb) {
                _ if is_ops && to.len() == 2 && from.len() != 1 => {
                    Some("nothing but the service's root names its dispatch table")
                }
                (Some(la), Some(lb)) if lb > la => Some("a layer names a layer above it"),
                (Some(_), None) => Some("a layer names its service's root"),
                _ => None,
            }
        }
        (Place::Service(..), Place::Service(..)) => {
            (to.len() != 1).then_some("a service names another only through that service's root")
        }
    }
}

#[test]
fn the_module_graph_has_no_cycle() {
    let graph = graph();
    assert!(graph.len() > 20, "found only {} modules", graph.len());
    if let Some(cycle) = find_cycle(&graph) {
        let names: Vec<String> = cycle.iter().map(|m| name(m)).collect();
        panic!("module cycle: {}", names.join(" → "));
    }
}

#[test]
fn modules_depend_only_downward_through_the_layers() {
    let faults: Vec<String> = graph()
        .iter()
        .flat_map(|(from, tos)| tos.iter().map(move |to| (from, to)))
        .filter_map(|(from, to)| {
            layering_fault(from, to).map(|why| format!("{} → {}: {why}", name(from), name(to)))
        })
        .collect();
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_reader_sees_use_trees_super_paths_and_child_paths() {
    let known: BTreeSet<Module> = [
        vec!["kms"],
        vec!["kms", "ops"],
        vec!["kms", "model"],
        vec!["kms", "model", "keys"],
        vec!["platform"],
        vec!["platform", "error"],
    ]
    .into_iter()
    .map(|m| m.into_iter().map(String::from).collect())
    .collect();
    let code = code_only(
        "// use crate::kms::ops;\nuse crate::{platform::error::Error, kms::model::{keys::{Key, KeyState}, self}};\n\
         fn f() { let s = \"crate::kms::ops\"; super::super::ops::dispatch(); ops::run(); }",
    );
    let from: Module = vec!["kms".into(), "model".into(), "keys".into()];
    let found: BTreeSet<Module> = paths(&code)
        .iter()
        .filter_map(|p| target(&from, p, &known))
        .collect();
    let expected: BTreeSet<Module> = [
        vec!["platform", "error"],
        vec!["kms", "model"],
        vec!["kms", "ops"],
    ]
    .into_iter()
    .map(|m| m.into_iter().map(String::from).collect())
    .collect();
    assert_eq!(found, expected);
    let parent: Module = vec!["kms".into()];
    assert_eq!(
        target(&parent, "ops::dispatch", &known),
        Some(vec!["kms".into(), "ops".into()])
    );
}
