//! One task's section of a lab file: `## task-id`, its field lines (`title`,
//! `check`), its instructions, and a `### Hint`.

use keydeck_study::content_file::{is_kebab_case, Heading, LineIndex};

use super::error::Report;
use super::fields::{Fields, Schema};
use super::Task;

const TASK_FIELDS: Schema = Schema {
    known: &["title", "check"],
    repeatable: &[],
};

/// A task's section: its `##` heading, the headings under it, and the byte
/// offset where it ends (the next task's heading, or the end of the file).
pub(super) struct Section<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub heading: &'a Heading,
    pub under: &'a [Heading],
    pub end: usize,
}

impl Section<'_> {
    /// The task, or `None` when the section has errors (all reported).
    pub fn parse(&self, report: &mut Report<'_>) -> Option<Task> {
        let errors_before = report.errors.len();
        let head_line = self.lines.line(self.heading.start);
        let id = self.heading.text.trim().to_owned();
        if !is_kebab_case(&id) {
            report.error(
                head_line,
                format!("task id \"{id}\" must be lowercase kebab-case, like \"create-key\""),
            );
        }
        let body_end = self.under.first().map_or(self.end, |h| h.start);
        let fields = Fields::read(
            self.text,
            (self.heading.end, body_end),
            self.lines,
            &TASK_FIELDS,
            report,
        );
        let mut field = |key: &str| match fields.one(key) {
            Some(f) => f.value.clone(),
            None => {
                report.error(head_line, format!("task \"{id}\" has no \"{key}:\" field"));
                String::new()
            }
        };
        let (title, check) = (field("title"), field("check"));
        if !check.is_empty() && !is_kebab_case(&check) {
            report.error(
                head_line,
                format!("check id \"{check}\" must be lowercase kebab-case"),
            );
        }
        let body_markdown = self.text[fields.end.min(body_end)..body_end]
            .trim()
            .to_owned();
        if body_markdown.is_empty() {
            report.error(head_line, format!("task \"{id}\" has no instructions"));
        }
        let hint = self.hint(report).unwrap_or_else(|| {
            report.error(
                head_line,
                format!("task \"{id}\" has no \"### Hint\" section"),
            );
            String::new()
        });
        (report.errors.len() == errors_before).then_some(Task {
            id,
            title,
            body_markdown,
            hint,
            check,
        })
    }

    /// The `### Hint` section: the only subsection, once, and not empty.
    fn hint(&self, report: &mut Report<'_>) -> Option<String> {
        let mut hint = None;
        for (i, sub) in self.under.iter().enumerate() {
            let line = self.lines.line(sub.start);
            if sub.level != 3 || sub.text.trim() != "Hint" {
                report.error(
                    line,
                    format!(
                        "unknown section \"{}\" in a task (expected \"### Hint\")",
                        sub.text.trim()
                    ),
                );
                continue;
            }
            if hint.is_some() {
                report.error(line, "\"### Hint\" appears twice");
            }
            let until = self.under.get(i + 1).map_or(self.end, |h| h.start);
            let body = self.text[sub.end..until].trim().to_owned();
            if body.is_empty() {
                report.error(line, "\"### Hint\" is empty");
            }
            hint = Some(body);
        }
        hint
    }
}
