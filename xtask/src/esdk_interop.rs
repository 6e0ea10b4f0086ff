//! The Encryption SDK interop: the AWS Encryption SDK for Python, pinned
//! from PyPI, and `keydeck-esdk` encrypt for and decrypt each other over
//! every algorithm suite (`crates/esdk/tests/interop/interop.py`).

use std::process::Command;

use crate::sdk_suite::{debug_binary, ensure_venv};
use crate::{project_root, run, tools, Result};

const REQUIREMENTS: &str = "crates/esdk/tests/interop/requirements.txt";
const SCRIPT: &str = "crates/esdk/tests/interop/interop.py";

pub fn run_interop() -> Result<()> {
    let python = ensure_venv(".tools/venv-esdk", REQUIREMENTS)?;
    let root = project_root();
    run(Command::new(tools::env_cargo())
        .args([
            "build",
            "--quiet",
            "-p",
            "keydeck-esdk",
            "--bin",
            "keydeck-esdk",
        ])
        .current_dir(&root))?;
    run(Command::new(&python)
        .arg(root.join(SCRIPT))
        .arg("--cli")
        .arg(debug_binary("keydeck-esdk")))
}
