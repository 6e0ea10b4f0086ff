//! The AWS SDK suite: boto3, pinned from PyPI, drives the `keydeck-sim`
//! binary over real HTTP and SigV4, and checks error codes as botocore
//! parses them.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use crate::{project_root, run, Result};

const REQUIREMENTS: &str = "crates/sim/tests/boto3/requirements.txt";
/// Each suite moves the simulated clock, so each gets a fresh server.
const SUITES: &[&str] = &[
    "crates/sim/tests/boto3/test_kms.py",
    "crates/sim/tests/boto3/test_ssm.py",
    "crates/sim/tests/boto3/test_secretsmanager.py",
    "crates/sim/tests/boto3/test_ec2.py",
];

pub fn run_suite() -> Result<()> {
    let python = ensure_venv(".tools/venv", REQUIREMENTS)?;
    let root = project_root();
    run(
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
            .args([
                "build",
                "--quiet",
                "-p",
                "keydeck-sim",
                "--bin",
                "keydeck-sim",
            ])
            .current_dir(&root),
    )?;
    for suite in SUITES {
        let mut server = Server::start(&debug_binary("keydeck-sim"))?;
        let endpoint = server.endpoint.clone();
        let outcome = run(Command::new(&python)
            .arg(root.join(suite))
            .args(["--endpoint", &endpoint]));
        server.stop();
        outcome?;
    }
    Ok(())
}

/// A debug binary of the workspace, wherever `CARGO_TARGET_DIR` puts it.
pub fn debug_binary(name: &str) -> PathBuf {
    crate::target_dir().join("debug").join(name)
}

/// A virtualenv at `venv` (relative to the root) holding exactly the
/// pinned `requirements`; a stamp file records what it was built from.
pub fn ensure_venv(venv: &str, requirements: &str) -> Result<PathBuf> {
    let venv = project_root().join(venv);
    let python = venv.join("bin/python");
    let wanted = std::fs::read_to_string(project_root().join(requirements))?;
    let stamp = venv.join("installed-requirements.txt");
    if python.exists() && std::fs::read_to_string(&stamp).is_ok_and(|have| have == wanted) {
        return Ok(python);
    }
    eprintln!("xtask: installing the pinned requirements of {requirements} from PyPI");
    if !python.exists() {
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    run(Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
        ])
        .arg(project_root().join(requirements)))?;
    std::fs::write(stamp, wanted)?;
    Ok(python)
}

/// The simulator on a free loopback port; it prints its address first.
struct Server {
    child: Child,
    endpoint: String,
}

impl Server {
    fn start(binary: &std::path::Path) -> Result<Server> {
        let mut child = Command::new(binary)
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .spawn()?;
        let stdout = child.stdout.take().ok_or("keydeck-sim has no stdout")?;
        let mut first = String::new();
        BufReader::new(stdout).read_line(&mut first)?;
        let endpoint = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .map(str::to_owned);
        match endpoint {
            Some(endpoint) => Ok(Server { child, endpoint }),
            None => {
                let _ = child.kill();
                Err(format!("keydeck-sim did not print its address: {first:?}").into())
            }
        }
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
