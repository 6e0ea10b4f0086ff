//! The open lab, as the page holds it: the worker's latest view, the
//! terminal's scrollback, and saving each step through `storage.rs`.

use keydeck_lab_protocol::{Answer, Ask, Entry, LabState, LabStep, LabView, Output};
use leptos::prelude::*;

use crate::lab_worker;
use crate::storage;

/// One block of the terminal's scrollback.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Command(String),
    Stdout(String),
    Stderr(String),
}

/// Everything the lab page shows and changes.
#[derive(Clone, Copy)]
pub struct LabStore {
    pub lab: StoredValue<String>,
    pub view: RwSignal<Option<LabView>>,
    pub scrollback: RwSignal<Vec<Block>>,
    /// A request is with the worker: the terminal shows it is busy.
    pub busy: RwSignal<bool>,
    /// Why the lab could not open, or a step could not be saved.
    pub problem: RwSignal<Option<String>>,
    state: StoredValue<LabState>,
    /// `?seed=N` from the address: a fresh lab and a reset both use it.
    fixed_seed: Option<u64>,
}

/// A seed for a new lab session: random outside tests, so each learner's
/// key IDs differ; `?seed=N` on the lab's address fixes it.
fn new_seed(fixed: Option<u64>) -> u64 {
    fixed.unwrap_or_else(|| {
        let high = (js_sys::Math::random() * 4_294_967_296.0) as u64;
        let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
        (high << 32) | low
    })
}

impl LabStore {
    /// Opens `lab` from its saved state, or fresh with `seed`.
    pub fn open(lab: String, seed: Option<u64>) -> LabStore {
        let state = storage::load_lab_state(&lab).unwrap_or_else(|| LabState::new(new_seed(seed)));
        let store = LabStore {
            lab: StoredValue::new(lab),
            view: RwSignal::new(None),
            scrollback: RwSignal::new(Vec::new()),
            busy: RwSignal::new(false),
            problem: RwSignal::new(None),
            state: StoredValue::new(state),
            fixed_seed: seed,
        };
        store.send_open();
        store
    }

    fn send_open(self) {
        let state = self.state.get_value();
        let ask = Ask::Open {
            lab: self.lab.get_value(),
            seed: state.seed,
            log: state.log,
        };
        self.dispatch(ask, |_, _| {});
    }

    /// Runs one command line typed into the terminal.
    pub fn run(self, line: String) {
        self.scrollback
            .update(|s| s.push(Block::Command(line.clone())));
        self.dispatch(Ask::Run { line }, move |store, output| {
            if let Some(output) = output {
                store.show(output);
            }
        });
    }

    /// A console action: one API call as a profile. `done` gets the result.
    pub fn call(
        self,
        profile: String,
        region: String,
        operation: String,
        request: serde_json::Value,
        done: impl FnOnce(serde_json::Value) + 'static,
    ) {
        let ask = Ask::Call {
            profile,
            region,
            service: "kms".to_owned(),
            operation,
            request,
        };
        leptos::task::spawn_local(async move {
            self.busy.set(true);
            let answer = lab_worker::ask(ask).await;
            self.busy.set(false);
            if let Answer::Lab(step) = answer {
                let LabStep {
                    view,
                    call,
                    appended,
                    ..
                } = *step;
                self.accept(view, appended);
                done(call.unwrap_or_default());
            } else if let Answer::Failed { message } = answer {
                self.problem.set(Some(message));
            }
        });
    }

    /// Starts the lab again with a new seed (the fixed one, if the address
    /// gives one); progress already recorded stays.
    pub fn reset(self) {
        let state = LabState::new(new_seed(self.fixed_seed));
        let json = serde_json::to_string(&state).unwrap_or_default();
        if let Err(e) = storage::save_lab_state_json(&self.lab.get_value(), &json) {
            self.problem.set(Some(e.0));
            return;
        }
        self.state.set_value(state);
        self.scrollback.set(Vec::new());
        self.problem.set(None);
        self.send_open();
    }

    fn show(self, output: Output) {
        self.scrollback.update(|s| {
            if output.clear {
                s.clear();
            }
            if !output.stdout.is_empty() {
                s.push(Block::Stdout(output.stdout));
            }
            if !output.stderr.is_empty() {
                s.push(Block::Stderr(output.stderr));
            }
        });
    }

    /// Sends `ask`; on a lab answer, shows the new view, saves the step and
    /// hands the terminal output to `then`.
    fn dispatch(self, ask: Ask, then: impl FnOnce(LabStore, Option<Output>) + 'static) {
        leptos::task::spawn_local(async move {
            self.busy.set(true);
            let answer = lab_worker::ask(ask).await;
            self.busy.set(false);
            match answer {
                Answer::Lab(step) => {
                    let LabStep {
                        view,
                        output,
                        appended,
                        ..
                    } = *step;
                    self.accept(view, appended);
                    then(self, output);
                }
                Answer::Failed { message } => self.problem.set(Some(message)),
                _ => {}
            }
        });
    }

    /// Shows the worker's new view, saves the step it appended, and records
    /// the tasks now done.
    fn accept(self, view: LabView, appended: Option<Entry>) {
        let lab = self.lab.get_value();
        if let Some(entry) = appended {
            match self.state.with_value(|s| s.appended_json(&entry)) {
                Ok((next, json)) => match storage::save_lab_state_json(&lab, &json) {
                    Ok(()) => self.state.set_value(next),
                    Err(e) => self.problem.set(Some(e.0)),
                },
                Err(full) => self.problem.set(Some(full.to_string())),
            }
        }
        let done: Vec<String> = view
            .tasks
            .iter()
            .filter(|t| t.done)
            .map(|t| t.id.clone())
            .collect();
        let _ = storage::record_lab_tasks(&lab, &done, view.tasks.len());
        self.view.set(Some(view));
    }

    /// Tab completion for `line` at `cursor`: (start, candidates, prefix).
    pub async fn complete(line: String, cursor: usize) -> Option<(usize, Vec<String>, String)> {
        match lab_worker::ask(Ask::Complete { line, cursor }).await {
            Answer::Completion {
                start,
                candidates,
                common_prefix,
            } => Some((start, candidates, common_prefix)),
            _ => None,
        }
    }

    /// A file of the open lab read as an Encryption SDK message.
    pub async fn inspect(file: String) -> Result<keydeck_lab_protocol::Inspection, String> {
        match lab_worker::ask(Ask::Inspect { file }).await {
            Answer::Inspected(inspection) => Ok(*inspection),
            Answer::Failed { message } => Err(message),
            _ => Err("The labs worker gave an unexpected answer.".to_owned()),
        }
    }

    pub async fn explain(ask: Ask) -> serde_json::Value {
        match lab_worker::ask(ask).await {
            Answer::Explained { explanation } => explanation,
            Answer::Failed { message } => {
                serde_json::json!({"__type": "Failed", "message": message})
            }
            _ => serde_json::Value::Null,
        }
    }
}
