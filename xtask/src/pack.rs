//! Packs each split point's small chunks into one file.
//!
//! wasm-split gives a function to a chunk of its own for every set of split
//! points that reach it, so a deep link to the study page fetched about a
//! hundred chunks, most under a kilobyte. Each paid for its response
//! headers, and each was compressed alone, though their type and import
//! sections repeat one another. Here every split point's chunks of at most
//! [`LIMIT`] bytes are written, one after another, into `pack_<point>.bin`
//! behind a header that names them ([`pack_file`]), which the loader
//! fetches before the point's chunks load; each such chunk is then
//! instantiated from its slice of the pack. The loader learns the names
//! and lengths from the header, so that it does not grow with them: it is
//! part of the first load. A chunk that
//! several points need is in each of their packs, and its own file is no
//! longer written. A split point's own module leads its pack: compressed
//! with the chunks, whose imports name the same functions, the module and
//! pack of the walkthroughs came to 2.3 KiB less than apart, and a route
//! fetches one file fewer. Larger chunks are fetched as before, but for a
//! chunk that only a few points need ([`FEW_LIMIT`]).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::Result;

/// The largest chunk packed, in bytes: beyond it a chunk's own request
/// costs little beside its size, and packing it in several points' packs
/// would cost more. At 8 KiB rather than 4 the shared chunks of about
/// 6 KiB (the key handling, the lab links, the presenter) join their
/// points' packs: a walkthrough step fetches 3.5 KiB less and `/study`
/// 4.4 KiB less, for 21 KiB more brotli in the precache (ARCHITECTURE.md).
pub const LIMIT: u64 = 8192;

/// The largest chunk packed when at most [`FEW`] split points need it: in
/// two packs it costs the precache one copy more, and saves each of those
/// routes a request and the bytes it compresses away beside the module
/// whose imports it shares. The study page and the walkthroughs share a
/// chunk of 10.6 KiB (4.7 KiB brotli alone); in each pack it costs 1.6 to
/// 1.7 KiB less than fetched alone.
pub const FEW_LIMIT: u64 = 12 * 1024;

/// See [`FEW_LIMIT`].
pub const FEW: usize = 2;

/// Whether a chunk of `size` bytes that `points` split points need goes in
/// their packs.
fn packed_whole(size: u64, points: usize) -> bool {
    size <= LIMIT || (points <= FEW && size <= FEW_LIMIT)
}

/// Looked for to tell that the loader is the one this step knows.
pub(crate) const LOADER_START: &str = "function makeLoad(fetcher, deps) {";

/// Added to the loader: `pack` fetches a split point's pack and settles
/// each chunk's slot with its bytes; `packed` is a chunk's slot, taken by
/// its loader, settled before or after; `instantiatePacked` is what a
/// packed chunk's or split point's loader instantiates from its slot. A
/// pack that cannot be fetched fails the chunks waiting, and a retry
/// fetches it again.
const HELPERS: &str = r#"// A split point's small chunks come in one file (xtask/src/pack.rs).
const slots = new Map();
function slot(name) {
    let s = slots.get(name);
    if (!s) {
        s = {};
        s.bytes = new Promise((resolve, reject) => { s.resolve = resolve; s.reject = reject; });
        s.bytes.catch(() => {});
        slots.set(name, s);
    }
    return s;
}
function packed(name) {
    const s = slot(name);
    s.taken = true;
    if (s.settled) slots.delete(name);
    return s.bytes;
}
function instantiatePacked(name) {
    const src = packed(name);
    return async (imports) => (WebAssembly.instantiate(await src, imports));
}
function fromPack(name) {
    return makeLoad(() => instantiatePacked(name), []);
}
function pack(file) {
    return () => fetch(new URL(file, import.meta.url))
        .then((response) => {
            if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
            return response.arrayBuffer();
        })
        .then((buffer) => {
            const view = new DataView(buffer);
            const end = 4 + view.getUint32(0, true);
            const text = new TextDecoder();
            for (let at = 4, start = end; at < end; ) {
                const length = view.getUint32(at, true);
                const size = view.getUint32(at + 4, true);
                const name = text.decode(new Uint8Array(buffer, at + 8, length));
                const s = slot(name);
                s.resolve(buffer.slice(start, start + size));
                s.settled = true;
                if (s.taken) slots.delete(name);
                at += 8 + length;
                start += size;
            }
        }, (error) => {
            for (const [name, s] of slots) {
                if (!s.settled) {
                    s.reject(error);
                    slots.delete(name);
                }
            }
            throw error;
        });
}
"#;

/// What packing did, for the build's log.
#[derive(Debug, PartialEq, Eq)]
pub struct Packed {
    pub packs: usize,
    pub chunks: usize,
}

/// Packs the small chunks of the split module in `dir` (its loader
/// `__wasm_split.js` and the chunk files beside it). Unless `notes`, the
/// loader also loses wasm-split's notes of which split points need each
/// chunk: the loader is part of the first load.
pub fn pack(dir: &Path, notes: bool) -> Result<Packed> {
    let loader_path = dir.join("__wasm_split.js");
    if !loader_path.exists() {
        return Ok(Packed {
            packs: 0,
            chunks: 0,
        });
    }
    let loader = fs::read_to_string(&loader_path)?;
    let points = split_points(&loader)?;
    // Each chunk's size, and how many split points need it.
    let mut sizes = BTreeMap::new();
    let mut users: BTreeMap<String, usize> = BTreeMap::new();
    for chunk in points.iter().flat_map(|p| &p.deps) {
        if !sizes.contains_key(chunk) {
            let size = fs::metadata(dir.join(format!("{chunk}.wasm")))?.len();
            sizes.insert(chunk.clone(), size);
        }
        *users.entry(chunk.clone()).or_default() += 1;
    }
    let plan = plan(points, |chunk| packed_whole(sizes[chunk], users[chunk]));
    for (point, chunks) in &plan.packs {
        let module = module_of(point);
        let mut files = Vec::new();
        if plan.modules.contains(point) {
            files.push((
                module.as_str(),
                fs::read(dir.join(format!("{module}.wasm")))?,
            ));
        }
        for chunk in chunks {
            files.push((chunk.as_str(), fs::read(dir.join(format!("{chunk}.wasm")))?));
        }
        fs::write(dir.join(format!("pack_{point}.bin")), pack_file(&files))?;
    }
    let mut loader = rewrite(&loader, &plan)?;
    if !notes {
        loader = without_notes(&loader);
    }
    fs::write(&loader_path, loader)?;
    let modules = plan.modules.iter().map(|point| module_of(point));
    for file in plan.packed.iter().cloned().chain(modules) {
        fs::remove_file(dir.join(format!("{file}.wasm")))?;
    }
    Ok(Packed {
        packs: plan.packs.len(),
        chunks: plan.packed.len(),
    })
}

/// A pack: a header, then the chunks' bytes one after another. The header
/// is its own length (u32), then for each chunk its name's length, its
/// length (u32 each) and its name; every u32 little-endian.
fn pack_file(chunks: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let le = |n: usize| u32::try_from(n).expect("packs are small").to_le_bytes();
    let mut header = Vec::new();
    for (name, bytes) in chunks {
        header.extend(le(name.len()));
        header.extend(le(bytes.len()));
        header.extend(name.as_bytes());
    }
    let mut file = le(header.len()).to_vec();
    file.extend(header);
    for (_, bytes) in chunks {
        file.extend(bytes);
    }
    file
}

/// A split point as the loader declares it: its name, its chunks, and
/// whether it has a module of its own. It has none when every function it
/// reaches is one other points reach too: its loader then loads its chunks
/// alone.
#[derive(Debug, PartialEq, Eq)]
struct SplitPoint {
    name: String,
    deps: Vec<String>,
    module: bool,
}

pub(crate) const EXPORT: &str = "export const __wasm_split_load_";

/// The split points the loader exports, in its order.
fn split_points(loader: &str) -> Result<Vec<SplitPoint>> {
    let mut points = Vec::new();
    for (at, _) in loader.match_indices(EXPORT) {
        let rest = &loader[at + EXPORT.len()..];
        let name = rest.split(' ').next().unwrap_or_default().to_owned();
        let (start, deps) = deps_of(rest).ok_or_else(|| {
            format!("__wasm_split.js: the split point {name} has no list of chunks")
        })?;
        let module = rest[..start].contains(&fetched(&module_of(&name)));
        let deps = deps
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| d.trim_start_matches("__").to_owned())
            .collect();
        points.push(SplitPoint { name, deps, module });
    }
    Ok(points)
}

/// The split point's list of chunks: where it starts in `rest` (the text
/// after the export's name), and its text between the brackets. The list
/// closes the export's statement, `…, [chunks]));`, whether the point's
/// loader fetches a module of its own or not.
fn deps_of(rest: &str) -> Option<(usize, &str)> {
    let end = rest.find("]));")?;
    let start = rest[..end].rfind('[')? + 1;
    Some((start, &rest[start..end]))
}

/// Which chunks go into which pack.
struct Plan {
    /// Each split point with small chunks, and those chunks in its order.
    packs: Vec<(String, Vec<String>)>,
    /// Every chunk in some pack.
    packed: std::collections::BTreeSet<String>,
    /// The points with a pack and a module of their own, which leads it.
    modules: std::collections::BTreeSet<String>,
}

fn plan(points: Vec<SplitPoint>, small: impl Fn(&String) -> bool) -> Plan {
    let mut packs = Vec::new();
    let mut packed = std::collections::BTreeSet::new();
    let mut modules = std::collections::BTreeSet::new();
    for point in points {
        let chunks: Vec<String> = point.deps.into_iter().filter(|c| small(c)).collect();
        // A packed chunk loads only from a pack, so every point that
        // needs one has a pack, even of one chunk.
        if !chunks.is_empty() {
            packed.extend(chunks.iter().cloned());
            if point.module {
                modules.insert(point.name.clone());
            }
            packs.push((point.name, chunks));
        }
    }
    Plan {
        packs,
        packed,
        modules,
    }
}

/// How wasm-split's loader fetches and instantiates `./<file>.wasm`: the
/// body of the function it gives `makeLoad`, for a chunk or a split point.
fn fetched(file: &str) -> String {
    format!(
        "    const src = fetch(new URL(\"./{file}.wasm\", import.meta.url));\n    \
         src.catch(() => {{}});\n    \
         return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n"
    )
}

/// The file name, without `.wasm`, of `point`'s own module.
fn module_of(point: &str) -> String {
    format!("split_{point}")
}

/// The loader with the helpers added, each packed chunk taken from its
/// slice, and each split point with a pack fetching it first and taking
/// its own module from it.
fn rewrite(loader: &str, plan: &Plan) -> Result<String> {
    if !loader.contains(LOADER_START) {
        return Err("__wasm_split.js: the chunk loader is not the one this build knows".into());
    }
    let mut out = loader.replacen(LOADER_START, &format!("{HELPERS}{LOADER_START}"), 1);
    for chunk in &plan.packed {
        let declared = format!(
            "const __{chunk} = makeLoad(() => {{\n{}}}\n, []);",
            fetched(chunk)
        );
        if !out.contains(&declared) {
            return Err(
                format!("__wasm_split.js: {chunk} is not declared as this build knows").into(),
            );
        }
        out = out.replacen(
            &declared,
            &format!("const __{chunk} = fromPack(\"{chunk}\");"),
            1,
        );
    }
    for (point, _) in &plan.packs {
        let module = module_of(point);
        let fetching = fetched(&module);
        if plan.modules.contains(point) {
            if out.matches(&fetching).count() != 1 {
                return Err(format!(
                    "__wasm_split.js: {module} is not fetched as this build knows"
                )
                .into());
            }
            out = out.replacen(
                &fetching,
                &format!("    return instantiatePacked(\"{module}\");\n"),
                1,
            );
        }
        let export = format!("{EXPORT}{point} ");
        let at = out
            .find(&export)
            .ok_or_else(|| format!("__wasm_split.js: no split point {point}"))?
            + EXPORT.len();
        let (start, _) = deps_of(&out[at..]).expect("listed when planned");
        out.insert_str(at + start, &format!("pack(\"./pack_{point}.bin\"), "));
    }
    Ok(out)
}

/// The loader without the notes wasm-split writes above each chunk, the
/// split points that need it (`/* about, study */`).
fn without_notes(loader: &str) -> String {
    loader
        .lines()
        .filter(|line| !(line.starts_with("/* ") && line.ends_with(" */")))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loader's shape as wasm-split writes it, cut down to two chunks
    /// and two split points.
    const LOADER: &str = r#"import { initSync } from "./keydeck.js";
function makeLoad(fetcher, deps) {
    const loader = async () => {};
}
/* a, b */
const __chunk_1 = makeLoad(() => {
    const src = fetch(new URL("./chunk_1.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* a, b */
const __chunk_2 = makeLoad(() => {
    const src = fetch(new URL("./chunk_2.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* a */
const __chunk_3 = makeLoad(() => {
    const src = fetch(new URL("./chunk_3.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load_a = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_a.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_1, __chunk_2, __chunk_3]));
export const __wasm_split_load_b = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_b.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_1]));
"#;

    #[test]
    fn the_loader_lists_each_split_point_and_its_chunks() {
        assert_eq!(
            split_points(LOADER).unwrap(),
            [
                SplitPoint {
                    name: "a".into(),
                    deps: vec!["chunk_1".into(), "chunk_2".into(), "chunk_3".into()],
                    module: true,
                },
                SplitPoint {
                    name: "b".into(),
                    deps: vec!["chunk_1".into()],
                    module: true,
                },
            ]
        );
    }

    /// `a` packs its two small chunks, and `b` the one it needs; the large
    /// chunk keeps its own file.
    #[test]
    fn small_chunks_load_from_their_split_points_pack() {
        let plan = plan(split_points(LOADER).unwrap(), |c| c != "chunk_3");
        assert_eq!(
            plan.packs,
            [
                (
                    "a".to_owned(),
                    vec!["chunk_1".to_owned(), "chunk_2".to_owned()]
                ),
                ("b".to_owned(), vec!["chunk_1".to_owned()]),
            ]
        );
        let out = rewrite(LOADER, &plan).unwrap();
        assert!(out.contains(", [pack(\"./pack_a.bin\"), __chunk_1, __chunk_2, __chunk_3]));"));
        assert!(out.contains(", [pack(\"./pack_b.bin\"), __chunk_1]));"));
        assert!(out.contains("\nconst __chunk_2 = fromPack(\"chunk_2\");\n"));
        assert!(
            out.contains(
                "export const __wasm_split_load_a = wrapAsyncCb(makeLoad(() => {\n    \
                 return instantiatePacked(\"split_a\");\n}\n"
            ),
            "a split point's module comes from its pack: {out}"
        );
        assert!(!out.contains("split_b.wasm"), "{out}");
        assert!(
            out.contains("fetch(new URL(\"./chunk_3.wasm\""),
            "a large chunk keeps its file"
        );
        assert!(out.contains("function pack(file)"));
        assert_eq!(out.matches("/* a, b */").count(), 2);
        let bare = without_notes(&out);
        assert!(!bare.contains("/* a"), "{bare}");
        assert_eq!(bare.lines().count(), out.lines().count() - 3);
    }

    /// A folder as wasm-split leaves it, named by `test`: `loader`, two
    /// small chunks, one too large to pack, and the modules of `a` and `b`.
    fn built(test: &str, loader: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-pack-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("__wasm_split.js"), loader).unwrap();
        let files: [(&str, &[u8]); 5] = [
            ("chunk_1", b"one"),
            ("chunk_2", b"two"),
            ("chunk_3", &[3; FEW_LIMIT as usize + 1]),
            ("split_a", b"module a"),
            ("split_b", b"module b"),
        ];
        for (name, bytes) in files {
            fs::write(dir.join(format!("{name}.wasm")), bytes).unwrap();
        }
        dir
    }

    /// `a`'s pack leads with its module, then its small chunks; the files
    /// packed are gone, and the large chunk stays.
    #[test]
    fn a_pack_holds_its_split_points_module_and_small_chunks() {
        let dir = built("a", LOADER);
        let packed = pack(&dir, false).unwrap();
        assert_eq!(
            packed,
            Packed {
                packs: 2,
                chunks: 2
            }
        );
        assert_eq!(
            fs::read(dir.join("pack_a.bin")).unwrap(),
            pack_file(&[
                ("split_a", b"module a".to_vec()),
                ("chunk_1", b"one".to_vec()),
                ("chunk_2", b"two".to_vec()),
            ])
        );
        assert_eq!(
            fs::read(dir.join("pack_b.bin")).unwrap(),
            pack_file(&[
                ("split_b", b"module b".to_vec()),
                ("chunk_1", b"one".to_vec())
            ])
        );
        let mut left: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "__wasm_split.js",
                "chunk_3.wasm",
                "pack_a.bin",
                "pack_b.bin"
            ]
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    /// A split point whose every function other points reach too has no
    /// module: its pack holds its chunks alone, and its loader fetches the
    /// pack before them.
    #[test]
    fn a_split_point_without_a_module_packs_its_chunks_alone() {
        let loader = format!(
            "{LOADER}export const __wasm_split_load_c = wrapAsyncCb(makeLoad(() => async (_imp) => ({{}}), [__chunk_1, __chunk_3]));\n"
        );
        let points = split_points(&loader).unwrap();
        assert_eq!(
            points[1..],
            [
                SplitPoint {
                    name: "b".into(),
                    deps: vec!["chunk_1".into()],
                    module: true,
                },
                SplitPoint {
                    name: "c".into(),
                    deps: vec!["chunk_1".into(), "chunk_3".into()],
                    module: false,
                },
            ]
        );
        let dir = built("c", &loader);
        assert_eq!(
            pack(&dir, false).unwrap(),
            Packed {
                packs: 3,
                chunks: 2
            }
        );
        assert_eq!(
            fs::read(dir.join("pack_c.bin")).unwrap(),
            pack_file(&[("chunk_1", b"one".to_vec())])
        );
        let out = fs::read_to_string(dir.join("__wasm_split.js")).unwrap();
        assert!(
            out.contains("makeLoad(() => async (_imp) => ({}), [pack(\"./pack_c.bin\"), __chunk_1, __chunk_3]));"),
            "{out}"
        );
        assert!(
            out.contains("return instantiatePacked(\"split_b\");"),
            "{out}"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_chunk_few_points_need_is_packed_up_to_a_larger_size() {
        assert!(packed_whole(LIMIT, 10));
        assert!(!packed_whole(LIMIT + 1, FEW + 1));
        assert!(packed_whole(LIMIT + 1, FEW));
        assert!(packed_whole(FEW_LIMIT, 1));
        assert!(!packed_whole(FEW_LIMIT + 1, 1));
    }

    #[test]
    fn a_pack_names_its_chunks_and_their_lengths_before_their_bytes() {
        let file = pack_file(&[("chunk_1", vec![1, 2, 3]), ("chunk_22", vec![4])]);
        let mut want = vec![31, 0, 0, 0];
        want.extend([7, 0, 0, 0, 3, 0, 0, 0]);
        want.extend(b"chunk_1");
        want.extend([8, 0, 0, 0, 1, 0, 0, 0]);
        want.extend(b"chunk_22");
        want.extend([1, 2, 3, 4]);
        assert_eq!(file, want);
    }

    #[test]
    fn a_loader_of_another_shape_is_refused() {
        let other = LOADER.replace(LOADER_START, "function load(deps) {");
        let plan = plan(split_points(&other).unwrap(), |_| true);
        assert!(rewrite(&other, &plan).is_err());
    }
}
