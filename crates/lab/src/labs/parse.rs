//! The lab file parser: `# Title`, the lab's field lines, the introduction,
//! then one `## task-id` section per task. The format is documented in
//! `content/README.md` ("Lab file format").

use keydeck_study::content_file::{headings, is_kebab_case, Heading, LineIndex};
use keydeck_study::walkthrough::validate::text::is_aws_docs_url;

use super::error::{LabError, Report};
use super::fields::{list, Field, Fields, Schema};
use super::task::Section;
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
    let lines = LineIndex::new(text);
    let headings = headings(text);
    let id = lab_id(file, &mut report);
    let Some(title) = headings.first().filter(|h| h.level == 1) else {
        report.error(1, "a lab file starts with a \"# Title\" heading");
        return Err(report.errors);
    };
    for h in headings.iter().skip(1).filter(|h| h.level == 1) {
        report.error(
            lines.line(h.start),
            "a lab file has one \"# Title\"; use \"## task-id\" for tasks",
        );
    }
    let task_starts: Vec<usize> = (0..headings.len())
        .filter(|&i| headings[i].level == 2)
        .collect();
    let header_end = task_starts
        .first()
        .map_or(text.len(), |&i| headings[i].start);
    for h in headings[1..].iter().take_while(|h| h.start < header_end) {
        report.error(
            lines.line(h.start),
            format!("\"{}\" comes before the first \"## task-id\"", h.text),
        );
    }
    let mut lab = header(text, title, header_end, &lines, &mut report);
    lab.id = id;
    for (n, &h) in task_starts.iter().enumerate() {
        let next = task_starts.get(n + 1).copied().unwrap_or(headings.len());
        let section = Section {
            text,
            lines: &lines,
            heading: &headings[h],
            under: &headings[h + 1..next],
            end: headings.get(next).map_or(text.len(), |h| h.start),
        };
        if let Some(task) = section.parse(&mut report) {
            if lab.tasks.iter().any(|t| t.id == task.id) {
                report.error(
                    lines.line(headings[h].start),
                    format!("task id \"{}\" is used twice", task.id),
                );
            }
            lab.tasks.push(task);
        }
    }
    if task_starts.is_empty() {
        report.error(
            lines.line(title.start),
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
fn header(
    text: &str,
    title: &Heading,
    end: usize,
    lines: &LineIndex,
    report: &mut Report<'_>,
) -> Lab {
    let fields = Fields::read(text, (title.end, end), lines, &LAB_FIELDS, report);
    let title_line = lines.line(title.start);
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
    let intro_markdown = text[fields.end.min(end)..end].trim().to_owned();
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
        if !is_aws_docs_url(&f.value) {
            report.error(
                f.line,
                format!(
                    "source \"{}\" must be an https://docs.aws.amazon.com/ page",
                    f.value
                ),
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
