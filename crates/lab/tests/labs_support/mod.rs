//! Runs a lab's own instructions in a terminal session: the commands of
//! each task's `sh` code blocks, with the example IDs and the values the
//! instructions ask to paste replaced by the real ones from earlier output,
//! as a learner would.

#![allow(dead_code)]

use keydeck_lab::labs::{self, Lab};
use keydeck_lab::{Output, Session};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde_json::Value;

/// Every solution runs on the same seed, so failures reproduce.
pub const SEED: u64 = 20_260_101;

/// The example key IDs of the instructions, as the AWS docs write them.
const EXAMPLE_KEY_ID: &str = "1234abcd-12ab-34cd-56ef-1234567890ab";
const EXAMPLE_MRK_ID: &str = "mrk-1234abcd12ab34cd56ef1234567890ab";

/// What a learner would copy from earlier output: (placeholder, JSON member).
const PASTED: &[(&str, &str)] = &[
    ("PASTE-THE-Plaintext-VALUE", "Plaintext"),
    ("PASTE-THE-CiphertextBlob-VALUE", "CiphertextBlob"),
    ("PASTE-THE-GrantToken", "GrantToken"),
    ("PASTE-THE-GrantId", "GrantId"),
];

/// One command line and what it printed.
#[derive(Debug, Clone)]
pub struct Ran {
    pub line: String,
    pub output: Output,
}

/// A lab, its session, and the values seen so far.
pub struct LabRun {
    pub lab: Lab,
    pub session: Session,
    key_id: Option<String>,
    mrk_id: Option<String>,
    pasted: Vec<(&'static str, String)>,
}

impl LabRun {
    pub fn new(lab_id: &str) -> LabRun {
        LabRun {
            lab: labs::find(lab_id).unwrap_or_else(|| panic!("no lab {lab_id}")),
            session: Session::new(SEED),
            key_id: None,
            mrk_id: None,
            pasted: Vec::new(),
        }
    }

    pub fn status(&self) -> Vec<bool> {
        labs::status(&self.lab, &self.session)
    }

    /// Whether the task with this id is done.
    pub fn done(&self, task_id: &str) -> bool {
        let i = self.task_index(task_id);
        self.status()[i]
    }

    /// Runs one line as typed, after replacing placeholders.
    pub fn run(&mut self, line: &str) -> Ran {
        let line = self.substitute(line);
        let output = self.session.run(&line);
        self.capture(&output.stdout);
        Ran { line, output }
    }

    /// Runs one line that must succeed, and returns its standard output.
    pub fn ok(&mut self, line: &str) -> String {
        let ran = self.run(line);
        assert_eq!(
            ran.output.status, 0,
            "{} failed: {}",
            ran.line, ran.output.stderr
        );
        ran.output.stdout
    }

    /// Runs one line that must fail, and returns its standard error.
    pub fn fails(&mut self, line: &str) -> String {
        let ran = self.run(line);
        assert_ne!(ran.output.status, 0, "{} should fail", ran.line);
        ran.output.stderr
    }

    /// The command lines of a task's `sh` code blocks, as written.
    pub fn commands(&self, task_id: &str) -> Vec<String> {
        let task = &self.lab.tasks[self.task_index(task_id)];
        sh_lines(&task.body_markdown)
    }

    /// Runs every command of a task's instructions.
    pub fn do_task(&mut self, task_id: &str) -> Vec<Ran> {
        self.commands(task_id)
            .iter()
            .map(|line| self.run(line))
            .collect()
    }

    /// Runs the whole lab task by task, checking that each task is not done
    /// before its own commands run and is done after; returns every command
    /// that exited with a non-zero status.
    pub fn solve(&mut self) -> Vec<Ran> {
        let mut failed = Vec::new();
        let ids: Vec<String> = self.lab.tasks.iter().map(|t| t.id.clone()).collect();
        for id in &ids {
            assert!(
                !self.done(id),
                "{}: task {id} is done before its commands run",
                self.lab.id
            );
            let ran = self.do_task(id);
            assert!(
                self.done(id),
                "{}: task {id} is not done after {:#?}",
                self.lab.id,
                ran
            );
            failed.extend(ran.into_iter().filter(|r| r.output.status != 0));
        }
        assert!(
            self.status().iter().all(|d| *d),
            "{}: {:?}",
            self.lab.id,
            self.status()
        );
        failed
    }

    pub fn key_id(&self) -> String {
        self.key_id.clone().expect("a key was created")
    }

    fn task_index(&self, task_id: &str) -> usize {
        self.lab
            .tasks
            .iter()
            .position(|t| t.id == task_id)
            .unwrap_or_else(|| panic!("{} has no task {task_id}", self.lab.id))
    }

    fn substitute(&self, line: &str) -> String {
        let mut line = line.to_owned();
        if let Some(id) = &self.mrk_id {
            line = line.replace(EXAMPLE_MRK_ID, id);
        }
        if let Some(id) = &self.key_id {
            line = line.replace(EXAMPLE_KEY_ID, id);
        }
        for (placeholder, value) in &self.pasted {
            line = line.replace(placeholder, value);
        }
        line
    }

    /// Remembers the IDs and values a learner would copy from JSON output.
    fn capture(&mut self, stdout: &str) {
        let Ok(json) = serde_json::from_str::<Value>(stdout) else {
            return;
        };
        if let Some(id) = json["KeyMetadata"]["KeyId"].as_str() {
            let slot = if id.starts_with("mrk-") {
                &mut self.mrk_id
            } else {
                &mut self.key_id
            };
            *slot = Some(id.to_owned());
        }
        for (placeholder, member) in PASTED {
            if let Some(value) = json[*member].as_str() {
                self.pasted.retain(|(p, _)| p != placeholder);
                self.pasted.push((placeholder, value.to_owned()));
            }
        }
    }
}

/// The lines of every `sh` code block of some Markdown.
pub fn sh_lines(markdown: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut in_sh = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) => in_sh = &*lang == "sh",
            Event::End(TagEnd::CodeBlock) => in_sh = false,
            Event::Text(text) if in_sh => lines.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned),
            ),
            _ => {}
        }
    }
    lines
}
