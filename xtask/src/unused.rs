//! Drops the classes wasm-bindgen binds that the app never makes.
//!
//! Leptos links `server_fn`, and through it wasm-streams, whose
//! `IntoUnderlyingByteSource`, `IntoUnderlyingSink` and
//! `IntoUnderlyingSource` are `#[wasm_bindgen]` classes: the module exports
//! their methods and the glue defines a class for each. A client-rendered
//! app without server functions never makes one, but an export is kept by
//! `wasm-opt`, so their code was in every first load. Here their exports
//! leave the main module before it is shrunk, and their classes leave the
//! glue; the build fails if the glue is not shaped as this step knows, or
//! if anything still names them afterwards.

use std::fs;
use std::path::Path;

use crate::Result;

/// wasm-streams' classes, which only server functions' streams make.
pub const STREAM_CLASSES: &[&str] = &[
    "IntoUnderlyingByteSource",
    "IntoUnderlyingSink",
    "IntoUnderlyingSource",
];

/// Drops `classes` from `<stem>.js` and their exports from
/// `<stem>_bg.wasm` in `dir`. A class the glue does not name is skipped.
/// Returns how many exports were dropped.
pub fn drop_classes(dir: &Path, stem: &str, classes: &[&str]) -> Result<usize> {
    let glue_path = dir.join(format!("{stem}.js"));
    let mut glue = fs::read_to_string(&glue_path)?;
    let mut prefixes = Vec::new();
    for class in classes {
        let prefix = class.to_lowercase();
        if !glue.contains(&format!("wasm.{prefix}_")) && !glue.contains(class) {
            continue;
        }
        glue = without_class(&glue, class)?;
        if glue.contains(class) || glue.contains(&prefix) {
            return Err(format!("{stem}.js still names {class} once its class is dropped").into());
        }
        prefixes.push(prefix);
    }
    if prefixes.is_empty() {
        return Ok(0);
    }
    let wasm_path = dir.join(format!("{stem}_bg.wasm"));
    let (wasm, dropped) = without_exports(&fs::read(&wasm_path)?, |name| {
        prefixes.iter().any(|p| is_method_of(name, p))
    })?;
    if dropped == 0 {
        return Err(format!("{stem}_bg.wasm exports nothing of {prefixes:?}").into());
    }
    fs::write(&wasm_path, wasm)?;
    fs::write(&glue_path, glue)?;
    Ok(dropped)
}

/// Whether the export `name` is a method, or the destructor, of the class
/// whose lowercase name is `class`.
fn is_method_of(name: &str, class: &str) -> bool {
    name.strip_prefix(class)
        .is_some_and(|rest| rest.starts_with('_'))
        || name == format!("__wbg_{class}_free")
}

/// The glue without `class`: its definition, its `Symbol.dispose` line and
/// its finalization registry.
fn without_class(glue: &str, class: &str) -> Result<String> {
    let unknown = || format!("the glue's class {class} is not shaped as this build knows");
    let start = format!("export class {class} {{\n");
    let end = format!(
        "if (Symbol.dispose) {class}.prototype[Symbol.dispose] = {class}.prototype.free;\n"
    );
    let registry = format!("const {class}Finalization = ");
    let class_at = glue.find(&start).ok_or_else(unknown)?;
    let class_end = class_at + glue[class_at..].find(&end).ok_or_else(unknown)? + end.len();
    let registry_at = glue.find(&registry).ok_or_else(unknown)?;
    let registry_end = registry_at + glue[registry_at..].find(";\n").ok_or_else(unknown)? + 2;
    let mut ranges = [(class_at, class_end), (registry_at, registry_end)];
    ranges.sort();
    if ranges[0].1 > ranges[1].0 {
        return Err(unknown().into());
    }
    let mut out = glue.to_owned();
    for (from, to) in ranges.iter().rev() {
        out.replace_range(from..to, "");
    }
    Ok(out)
}

/// The module without the exports `drop` names, and how many those were.
fn without_exports(bytes: &[u8], drop: impl Fn(&str) -> bool) -> Result<(Vec<u8>, usize)> {
    use wasm_encoder::ExportKind;
    use wasmparser::{ExternalKind, Payload};
    let mut module = wasm_encoder::Module::new();
    let mut dropped = 0;
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        let payload = payload?;
        if let Payload::ExportSection(reader) = &payload {
            let mut exports = wasm_encoder::ExportSection::new();
            for export in reader.clone() {
                let export = export?;
                if drop(export.name) {
                    dropped += 1;
                    continue;
                }
                let kind = match export.kind {
                    ExternalKind::Func => ExportKind::Func,
                    ExternalKind::Table => ExportKind::Table,
                    ExternalKind::Memory => ExportKind::Memory,
                    ExternalKind::Global => ExportKind::Global,
                    ExternalKind::Tag => ExportKind::Tag,
                    other => return Err(format!("an export of kind {other:?}").into()),
                };
                exports.export(export.name, kind, export.index);
            }
            module.section(&exports);
        } else if let Some((id, range)) = payload.as_section() {
            let data = &bytes[range.start as usize..range.end as usize];
            module.section(&wasm_encoder::RawSection { id, data });
        }
    }
    Ok((module.finish(), dropped))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module exporting a memory, a class's two methods and its
    /// destructor, and one function of the app's.
    fn module() -> Vec<u8> {
        use wasm_encoder::*;
        let mut types = TypeSection::new();
        types.ty().function([], []);
        let mut functions = FunctionSection::new();
        let mut code = CodeSection::new();
        for _ in 0..4 {
            functions.function(0);
            let mut body = Function::new([]);
            body.instruction(&Instruction::End);
            code.function(&body);
        }
        let mut memories = MemorySection::new();
        memories.memory(MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        let mut exports = ExportSection::new();
        exports.export("memory", ExportKind::Memory, 0);
        exports.export("intounderlyingsink_write", ExportKind::Func, 0);
        exports.export("intounderlyingsink_close", ExportKind::Func, 1);
        exports.export("__wbg_intounderlyingsink_free", ExportKind::Func, 2);
        exports.export("start", ExportKind::Func, 3);
        let mut module = Module::new();
        module
            .section(&types)
            .section(&functions)
            .section(&memories)
            .section(&exports)
            .section(&code);
        module.finish()
    }

    /// A fresh folder of this process's own for the test `name`.
    fn folder(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-unused-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn export_names(bytes: &[u8]) -> Vec<String> {
        let mut names = Vec::new();
        for payload in wasmparser::Parser::new(0).parse_all(bytes) {
            if let wasmparser::Payload::ExportSection(reader) = payload.unwrap() {
                for export in reader {
                    names.push(export.unwrap().name.to_owned());
                }
            }
        }
        names
    }

    const GLUE: &str = "import * as import1 from \"__wasm_split_placeholder__\"\n\n\
        export class IntoUnderlyingSink {\n    \
            __destroy_into_raw() {\n        \
                const ptr = this.__wbg_ptr;\n        \
                IntoUnderlyingSinkFinalization.unregister(this);\n        \
                return ptr;\n    \
            }\n    \
            free() {\n        \
                wasm.__wbg_intounderlyingsink_free(this.__destroy_into_raw(), 0);\n    \
            }\n    \
            close() {\n        \
                return wasm.intounderlyingsink_close(this.__destroy_into_raw());\n    \
            }\n\
        }\n\
        if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;\n\n\
        export function start() {\n    wasm.start();\n}\n\
        const __wbindgen_enum_WorkerType = [\"classic\", \"module\"];\n\
        const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')\n    \
            ? { register: () => {}, unregister: () => {} }\n    \
            : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr, 1));\n\n\
        function addToExternrefTable0(obj) {}\n";

    #[test]
    fn a_class_leaves_the_glue_and_its_exports_the_module() {
        let dir = folder("gone");
        fs::write(dir.join("app.js"), GLUE).unwrap();
        fs::write(dir.join("app_bg.wasm"), module()).unwrap();
        let dropped = drop_classes(&dir, "app", STREAM_CLASSES).unwrap();
        assert_eq!(dropped, 3);
        let wasm = fs::read(dir.join("app_bg.wasm")).unwrap();
        wasmparser::Validator::new().validate_all(&wasm).unwrap();
        assert_eq!(export_names(&wasm), ["memory", "start"]);
        let glue = fs::read_to_string(dir.join("app.js")).unwrap();
        assert_eq!(
            glue,
            "import * as import1 from \"__wasm_split_placeholder__\"\n\n\n\
             export function start() {\n    wasm.start();\n}\n\
             const __wbindgen_enum_WorkerType = [\"classic\", \"module\"];\n\n\
             function addToExternrefTable0(obj) {}\n"
        );
    }

    #[test]
    fn glue_without_the_classes_is_left_as_it_is() {
        let dir = folder("kept");
        let glue = "export function start() {\n    wasm.start();\n}\n";
        fs::write(dir.join("app.js"), glue).unwrap();
        fs::write(dir.join("app_bg.wasm"), module()).unwrap();
        assert_eq!(drop_classes(&dir, "app", STREAM_CLASSES).unwrap(), 0);
        assert_eq!(fs::read_to_string(dir.join("app.js")).unwrap(), glue);
        assert_eq!(fs::read(dir.join("app_bg.wasm")).unwrap(), module());
    }

    #[test]
    fn a_class_shaped_otherwise_fails_the_build() {
        let dir = folder("shaped");
        let glue = GLUE.replace("if (Symbol.dispose) ", "");
        fs::write(dir.join("app.js"), &glue).unwrap();
        fs::write(dir.join("app_bg.wasm"), module()).unwrap();
        let err = drop_classes(&dir, "app", STREAM_CLASSES).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the glue's class IntoUnderlyingSink is not shaped as this build knows"
        );
        assert_eq!(fs::read_to_string(dir.join("app.js")).unwrap(), glue);
    }

    #[test]
    fn only_a_class_s_own_exports_are_its_methods() {
        assert!(is_method_of(
            "intounderlyingsink_write",
            "intounderlyingsink"
        ));
        assert!(is_method_of(
            "__wbg_intounderlyingsink_free",
            "intounderlyingsink"
        ));
        assert!(!is_method_of(
            "intounderlyingsinkhole",
            "intounderlyingsink"
        ));
        assert!(!is_method_of(
            "intounderlyingsource_pull",
            "intounderlyingsink"
        ));
    }
}
