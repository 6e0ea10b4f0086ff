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

/// The example key IDs of the instructions, as the AWS docs write them:
/// a key of yours, a multi-Region key, and a key of the partner account.
const EXAMPLE_KEY_ID: &str = "1234abcd-12ab-34cd-56ef-1234567890ab";
const EXAMPLE_MRK_ID: &str = "mrk-1234abcd12ab34cd56ef1234567890ab";
const EXAMPLE_PARTNER_KEY_ID: &str = "0987dcba-09fe-87dc-65ba-ab0987654321";
/// The example EBS IDs of the instructions, as the EC2 docs write them: the
/// volume `create-volume` made last, and the snapshot of yours that
/// `create-snapshot` made last.
const EXAMPLE_VOLUME_ID: &str = "vol-1234567890abcdef0";
const EXAMPLE_SNAPSHOT_ID: &str = "snap-1234567890abcdef0";
const PARTNER_ACCOUNT: &str = "444455556666";
const YOUR_ACCOUNT: &str = "111122223333";

/// What a learner would copy from earlier output: (placeholder, JSON member).
const PASTED: &[(&str, &str)] = &[
    ("PASTE-THE-Plaintext-VALUE", "Plaintext"),
    ("PASTE-THE-CiphertextBlob-VALUE", "CiphertextBlob"),
    ("PASTE-THE-GrantToken", "GrantToken"),
    ("PASTE-THE-GrantId", "GrantId"),
    ("PASTE-THE-SnapshotId", "SnapshotId"),
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
    partner_key_id: Option<String>,
    volume_id: Option<String>,
    snapshot_id: Option<String>,
    pasted: Vec<(&'static str, String)>,
}

impl LabRun {
    pub fn new(lab_id: &str) -> LabRun {
        LabRun {
            lab: labs::find(lab_id).unwrap_or_else(|| panic!("no lab {lab_id}")),
            session: Session::new(SEED),
            key_id: None,
            mrk_id: None,
            partner_key_id: None,
            volume_id: None,
            snapshot_id: None,
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

    /// Runs the next task's commands, in the lab's order, checking that it
    /// ticks exactly then: before them only the tasks before it are done,
    /// after them those and this one, and none of the tasks after it.
    /// Returns what each command printed.
    pub fn step(&mut self, task_id: &str) -> Vec<Ran> {
        let i = self.task_index(task_id);
        let count = self.lab.tasks.len();
        let expected = |done: usize| -> Vec<bool> { (0..count).map(|n| n < done).collect() };
        assert_eq!(
            self.status(),
            expected(i),
            "{}: before the commands of {task_id}",
            self.lab.id
        );
        let ran = self.do_task(task_id);
        assert_eq!(
            self.status(),
            expected(i + 1),
            "{}: after the commands of {task_id}: {ran:#?}",
            self.lab.id
        );
        ran
    }

    pub fn key_id(&self) -> String {
        self.key_id.clone().expect("a key was created")
    }

    pub fn partner_key_id(&self) -> String {
        self.partner_key_id
            .clone()
            .expect("the partner created a key")
    }

    pub fn snapshot_id(&self) -> String {
        self.snapshot_id.clone().expect("a snapshot was created")
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
        for (example, slot) in [
            (EXAMPLE_PARTNER_KEY_ID, &self.partner_key_id),
            (EXAMPLE_VOLUME_ID, &self.volume_id),
            (EXAMPLE_SNAPSHOT_ID, &self.snapshot_id),
        ] {
            if let Some(id) = slot {
                line = line.replace(example, id);
            }
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
        let metadata = &json["KeyMetadata"];
        if let Some(id) = metadata["KeyId"].as_str() {
            let slot = if id.starts_with("mrk-") {
                &mut self.mrk_id
            } else if metadata["AWSAccountId"] == PARTNER_ACCOUNT {
                &mut self.partner_key_id
            } else {
                &mut self.key_id
            };
            *slot = Some(id.to_owned());
        }
        // CreateVolume's answer names its Availability Zone; CreateSnapshot's
        // names its owner (CopySnapshot's holds the new ID alone).
        if let (Some(id), Some(_)) = (json["VolumeId"].as_str(), json["AvailabilityZone"].as_str())
        {
            self.volume_id = Some(id.to_owned());
        }
        if let Some(id) = json["SnapshotId"].as_str().filter(|id| !id.is_empty()) {
            if json["OwnerId"] == YOUR_ACCOUNT {
                self.snapshot_id = Some(id.to_owned());
            }
        }
        for (placeholder, member) in PASTED {
            if let Some(value) = json[*member].as_str().filter(|v| !v.is_empty()) {
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
