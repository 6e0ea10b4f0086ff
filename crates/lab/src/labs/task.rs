//! One task's section of a lab file: `## task-id`, its field lines (`title`,
//! `check`), its instructions, and a `### Hint`.

use keydeck_study::content_file::{is_kebab_case, ContentFile, Part, Section};

use super::error::Report;
use super::fields::{Fields, Schema};
use super::Task;

const TASK_FIELDS: Schema = Schema {
    known: &["title", "check"],
    repeatable: &[],
};

/// A task's `##` section of its lab file.
pub(super) struct TaskSection<'a> {
    pub source: &'a ContentFile<'a>,
    pub section: Section<'a>,
}

impl TaskSection<'_> {
    /// The task, or `None` when the section has errors (all reported).
    pub fn parse(&self, report: &mut Report<'_>) -> Option<Task> {
        let errors_before = report.errors.len();
        let head_line = self.source.line(self.section.heading.start);
        let id = self.section.id().to_owned();
        if !is_kebab_case(&id) {
            report.error(
                head_line,
                format!("task id \"{id}\" must be lowercase kebab-case, like \"create-key\""),
            );
        }
        // Every heading under the task is a part: only `### Hint` is allowed.
        let parts = self.section.subsections();
        let body = self.section.lead(&parts);
        let fields = Fields::read(self.source, body.clone(), &TASK_FIELDS, report);
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
        let body_markdown = self.source.text()[fields.end.min(body.end)..body.end]
            .trim()
            .to_owned();
        if body_markdown.is_empty() {
            report.error(head_line, format!("task \"{id}\" has no instructions"));
        }
        let hint = self.hint(&parts, report).unwrap_or_else(|| {
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
    fn hint(&self, parts: &[Part<'_>], report: &mut Report<'_>) -> Option<String> {
        let mut hint = None;
        for part in parts {
            let line = self.source.line(part.heading.start);
            if part.heading.level != 3 || part.name() != "Hint" {
                report.error(
                    line,
                    format!(
                        "unknown section \"{}\" in a task (expected \"### Hint\")",
                        part.name()
                    ),
                );
                continue;
            }
            if hint.is_some() {
                report.error(line, "\"### Hint\" appears twice");
            }
            let body = self.source.text()[part.body.clone()].trim().to_owned();
            if body.is_empty() {
                report.error(line, "\"### Hint\" is empty");
            }
            hint = Some(body);
        }
        hint
    }
}
