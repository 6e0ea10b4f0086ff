//! The lab file parser: `# Title`, the lab's field lines, the introduction,
//! then one `## task-id` section per task. The format is documented in
//! `content/README.md` ("Lab file format").

use keydeck_study::content_file::{
    is_aws_source, is_kebab_case, ContentFile, FirstSeen, Heading, AWS_SOURCE,
};

use super::error::{LabError, Report};
use super::fields::{list, Field, Fields, Schema};
use super::task::TaskSection;
use super::Lab;

const LAB_FIELDS: Schema = Schema {
    known: &["summary", "minutes", "cards", "walkthroughs", "source"],
    repeatable: &["source"],
};

/// The longest a lab may claim to take.
const MAX_MINUTES: u32 = 120;

/// Parses one lab file. `file` is its name, such as `01-first-key.md`: the
/// lab's id is the name without the two-digit order prefix and `.md`.
pub fn parse_lab(file: &str, text: &str) -> Result<Lab, Vec<LabError>> {
    let mut report = Report::new(file);
    let source = ContentFile::read(file, text);
    let id = lab_id(file, &mut report);
    let Some(title) = source.title() else {
        report.error(1, "a lab file starts with a \"# Title\" heading");
        return Err(report.errors);
    };
    for h in source.extra_titles() {
        report.error(
            source.line(h.start),
            "a lab file has one \"# Title\"; use \"## task-id\" for tasks",
        );
    }
    for h in source.before_sections() {
        report.error(
            source.line(h.start),
            format!("\"{}\" comes before the first \"## task-id\"", h.text),
        );
    }
    let mut lab = header(&source, title, &mut report);
    lab.id = id;
    let mut task_ids = FirstSeen::new();
    for section in source.sections() {
        let task = TaskSection {
            source: &source,
            section,
        };
        if let Some(task) = task.parse(&mut report) {
            if task_ids.note(&task.id, ()).is_some() {
                report.error(
                    source.line(section.heading.start),
                    format!("task id \"{}\" is used twice", task.id),
                );
            }
            lab.tasks.push(task);
        }
    }
    if !source.has_sections() {
        report.error(
            source.line(title.start),
            "the lab has no \"## task-id\" sections",
        );
    }
    if report.errors.is_empty() {
        Ok(lab)
    } else {
        Err(report.errors)
    }
}

/// `01-first-key.md` → `first-key`.
fn lab_id(file: &str, report: &mut Report<'_>) -> String {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let id = match stem.split_once('-') {
        Some((order, id)) if order.len() == 2 && order.bytes().all(|b| b.is_ascii_digit()) => id,
        _ => {
            report.error(
                1,
                format!("a lab file is named \"NN-<lab-id>.md\", not \"{name}\""),
            );
            stem
        }
    };
    if !is_kebab_case(id) {
        report.error(1, format!("lab id \"{id}\" must be lowercase kebab-case"));
    }
    id.to_owned()
}

/// The title, field lines and introduction, up to the first task.
fn header(source: &ContentFile<'_>, title: &Heading, report: &mut Report<'_>) -> Lab {
    let end = source.sections_start();
    let fields = Fields::read(source, title.end..end, &LAB_FIELDS, report);
    let title_line = source.line(title.start);
    let summary = required(&fields, "summary", title_line, report)
        .map(|f| f.value)
        .unwrap_or_default();
    let minutes = required(&fields, "minutes", title_line, report)
        .and_then(|f| minutes(&f.value, f.line, report))
        .unwrap_or(0);
    let cards = required(&fields, "cards", title_line, report)
        .map(|f| ids(&f.value, f.line, report))
        .unwrap_or_default();
    let walkthroughs = fields
        .one("walkthroughs")
        .map(|f| ids(&f.value, f.line, report))
        .unwrap_or_default();
    let sources = sources(&fields, title_line, report);
    let intro_markdown = source.text()[fields.end.min(end)..end].trim().to_owned();
    if intro_markdown.is_empty() {
        report.error(
            title_line,
            "the lab has no introduction after its field lines",
        );
    }
    Lab {
        id: String::new(),
        title: title.text.trim().to_owned(),
        summary,
        minutes,
        cards,
        walkthroughs,
        sources,
        intro_markdown,
        tasks: Vec::new(),
    }
}

fn required(
    fields: &Fields,
    key: &str,
    title_line: usize,
    report: &mut Report<'_>,
) -> Option<Field> {
    let field = fields.one(key).cloned();
    if field.is_none() {
        report.error(title_line, format!("the lab has no \"{key}:\" field"));
    }
    field
}

fn minutes(value: &str, line: usize, report: &mut Report<'_>) -> Option<u32> {
    match value.parse::<u32>() {
        Ok(n) if (1..=MAX_MINUTES).contains(&n) => Some(n),
        _ => {
            report.error(
                line,
                format!("minutes \"{value}\" must be a whole number from 1 to {MAX_MINUTES}"),
            );
            None
        }
    }
}

/// A comma-separated list of kebab-case ids (topic or walkthrough ids).
fn ids(value: &str, line: usize, report: &mut Report<'_>) -> Vec<String> {
    let ids = list(value);
    for id in ids.iter().filter(|id| !is_kebab_case(id)) {
        report.error(line, format!("\"{id}\" is not a kebab-case id"));
    }
    ids
}

fn sources(fields: &Fields, title_line: usize, report: &mut Report<'_>) -> Vec<String> {
    let mut urls = Vec::new();
    for f in fields.all("source") {
        if !is_aws_source(&f.value) {
            report.error(
                f.line,
                format!("source \"{}\" must be {AWS_SOURCE}", f.value),
            );
        } else if urls.contains(&f.value) {
            report.error(f.line, format!("source \"{}\" is listed twice", f.value));
        }
        urls.push(f.value.clone());
    }
    if urls.is_empty() {
        report.error(
            title_line,
            "the lab cites no AWS documentation (\"source:\" lines)",
        );
    }
    urls
}
