//! Helpers shared by the `cli*` tests: a simulator with the lab's
//! profiles, a virtual filesystem, and `aws` command lines as typed.
#![allow(dead_code)]

use keydeck_lab::cli::{self, Defaults};
use keydeck_lab::{CommandOutput, Vfs};
use keydeck_sim::Simulator;
use serde_json::Value;

pub struct Lab {
    pub sim: Simulator,
    pub files: Vfs,
    pub defaults: Defaults,
}

/// Splits a command line as a POSIX shell would, dropping a leading `aws`.
pub fn words(line: &str) -> Vec<String> {
    let mut w = shell_words::split(line).expect("a well-formed command line");
    if w.first().map(String::as_str) == Some("aws") {
        w.remove(0);
    }
    w
}

impl Default for Lab {
    fn default() -> Lab {
        Lab::new()
    }
}

impl Lab {
    pub fn new() -> Lab {
        let mut sim = Simulator::with_seed(7);
        cli::install_profiles(&mut sim);
        Lab {
            sim,
            files: Vfs::default(),
            defaults: Defaults::default(),
        }
    }

    pub fn file(&mut self, name: &str, bytes: &[u8]) {
        self.files.write(name, bytes.to_vec());
    }

    pub fn aws(&mut self, line: &str) -> CommandOutput {
        cli::run_aws(&mut self.sim, &self.files, &self.defaults, &words(line))
    }

    /// Standard output of a command that must succeed.
    pub fn ok(&mut self, line: &str) -> String {
        let out = self.aws(line);
        assert_eq!(out.status, 0, "{line}\nstderr: {}", out.stderr);
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    pub fn json(&mut self, line: &str) -> Value {
        let text = self.ok(line);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{line}: {e}\n{text}"))
    }

    /// Standard error and status of a command that must fail.
    pub fn fails(&mut self, line: &str) -> (i32, String) {
        let out = self.aws(line);
        assert_ne!(out.status, 0, "{line} should fail");
        assert!(out.stdout.is_empty(), "{line} printed {:?}", out.stdout);
        (out.status, out.stderr)
    }

    /// The request body `aws` would send.
    pub fn request(&self, line: &str) -> Value {
        match cli::build_request(&self.files, &self.defaults, &words(line)) {
            Ok(r) => r.body,
            Err(out) => panic!("{line}: no request: {}", out.stderr),
        }
    }

    /// A new KMS key; `options` are create-key's.
    pub fn key(&mut self, options: &str) -> String {
        let v = self.json(&format!("kms create-key {options}"));
        v["KeyMetadata"]["KeyId"]
            .as_str()
            .expect("a key ID")
            .to_owned()
    }
}

/// The usage text above every command-line error, as the CLI prints it.
pub const USAGE_PREAMBLE: &str =
    "\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\
To see help text, you can run:\n\
\n\
\x20 aws help\n\
\x20 aws <command> help\n\
\x20 aws <command> <subcommand> help\n\n";
