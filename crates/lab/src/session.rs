//! One lab's terminal: a seeded simulator, the virtual files, the command
//! history, and the log of everything typed or clicked, which rebuilds the
//! same state after a reload.
//!
//! Everything random in a session follows from its seed: the simulator's
//! key IDs and key material, and the shell's own nonces. So replaying the
//! log on a new session with the same seed gives the same keys, the same
//! files byte for byte, and the same history.

use keydeck_sim::Simulator;
use rand_chacha::ChaCha20Rng;
use serde_json::Value;

pub use keydeck_lab_protocol::{Entry, Output};

use crate::cli::{self, Defaults};
use crate::io::Vfs;
pub use crate::shell::complete::Completion;
use crate::shell::complete::Known;
use crate::shell::tools::TOOLS;
use crate::shell::{self, Env};

/// The profile and Region the terminal starts with, as in a fresh AWS CLI
/// configuration.
const DEFAULT_PROFILE: &str = "default";
const DEFAULT_REGION: &str = "us-east-1";

/// A lab's terminal and everything behind it.
pub struct Session {
    pub(crate) seed: u64,
    pub(crate) sim: Simulator,
    pub(crate) files: Vfs,
    pub(crate) history: Vec<String>,
    pub(crate) log: Vec<Entry>,
    defaults: Defaults,
    rng: ChaCha20Rng,
}

/// The simulator for a seed.
fn simulator(seed: u64) -> Simulator {
    Simulator::with_seed(seed)
}

impl Session {
    /// A fresh lab: a simulator seeded with `seed` and the lab's profiles
    /// installed; no files, no history, an empty log.
    pub fn new(seed: u64) -> Session {
        let mut sim = simulator(seed);
        cli::install_profiles(&mut sim);
        Session {
            seed,
            sim,
            files: Vfs::default(),
            history: Vec::new(),
            log: Vec::new(),
            defaults: Defaults {
                profile: DEFAULT_PROFILE.to_owned(),
                region: DEFAULT_REGION.to_owned(),
            },
            rng: shell::rng_for(seed),
        }
    }

    /// Rebuilds a session from its seed and log. What the commands printed
    /// is discarded; the state is what it was.
    pub fn replay(seed: u64, entries: &[Entry]) -> Session {
        let mut session = Session::new(seed);
        for entry in entries {
            session.apply(entry);
        }
        session
    }

    /// Does again what a log entry records, discarding what it printed.
    pub fn apply(&mut self, entry: &Entry) {
        match entry {
            Entry::Line { line } => {
                self.run(line);
            }
            Entry::Console {
                profile,
                region,
                service,
                operation,
                request,
            } => {
                // An error changes state too (the event log records it).
                let _ = self.console_call(profile, region, service, operation, request.clone());
            }
        }
    }

    /// Runs one command line. Any line that is not blank enters the history
    /// and the log, even one that fails, as in bash.
    pub fn run(&mut self, line: &str) -> Output {
        if line.trim().is_empty() {
            return Output::default();
        }
        self.history.push(line.to_owned());
        self.log.push(Entry::Line {
            line: line.to_owned(),
        });
        let mut env = Env {
            sim: &mut self.sim,
            files: &mut self.files,
            defaults: &self.defaults,
            history: &self.history,
            rng: &mut self.rng,
            clear: false,
        };
        let out = shell::run_line(&mut env, line);
        Output {
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: out.stderr,
            status: out.status,
            clear: out.clear,
        }
    }

    /// An action from the console: one API call as `profile` in `region`.
    /// It is logged whether or not it succeeds.
    pub fn console_call(
        &mut self,
        profile: &str,
        region: &str,
        service: &str,
        operation: &str,
        request: Value,
    ) -> Result<Value, keydeck_sim::Error> {
        self.log.push(Entry::Console {
            profile: profile.to_owned(),
            region: region.to_owned(),
            service: service.to_owned(),
            operation: operation.to_owned(),
            request: request.clone(),
        });
        cli::call_as(&mut self.sim, profile, region, service, operation, request)
    }

    /// Tab completion for the word before byte offset `cursor` of `line`.
    pub fn complete(&self, line: &str, cursor: usize) -> Completion {
        let profiles = cli::profile_names();
        let known = Known {
            files: &self.files,
            profiles: &profiles,
            sim: &self.sim,
            defaults: &self.defaults,
        };
        match TOOLS.get() {
            Ok(tools) => tools.complete(&known, line, cursor),
            // The lab host fetches the chunk and asks again.
            Err(_) => Completion::default(),
        }
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Everything typed or clicked, oldest first.
    pub fn log(&self) -> &[Entry] {
        &self.log
    }

    /// The size of the log as JSON, so that the page can bound what it
    /// saves.
    pub fn log_bytes(&self) -> usize {
        serde_json::to_string(&self.log).map_or(0, |json| json.len())
    }

    /// Every command line typed, oldest first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    pub fn sim(&self) -> &Simulator {
        &self.sim
    }

    pub fn files(&self) -> &Vfs {
        &self.files
    }
}
