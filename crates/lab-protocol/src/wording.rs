//! How the console words what it shows, and reads what the learner types
//! into it. Pure functions, so the page only renders their results.

use serde_json::{Map, Value};

use crate::{KeyRow, RotationStatus, SecretRotationRow, SecretRow, SnapshotRow, TaskView};

/// A key as the console names it: its first alias, else its ID.
pub fn key_label(k: &KeyRow) -> String {
    k.aliases
        .first()
        .cloned()
        .unwrap_or_else(|| k.key_id.clone())
}

/// A key ID shortened for a table cell: the first 8 characters of a UUID.
pub fn short_id(id: &str) -> String {
    match id.get(..8) {
        Some(head) if id.len() > 13 => format!("{head}…"),
        _ => id.to_owned(),
    }
}

pub fn rotation_words(r: &RotationStatus) -> String {
    match r {
        RotationStatus::NotSupported => "Not supported".to_owned(),
        RotationStatus::Disabled => "Off".to_owned(),
        RotationStatus::Enabled { period_days, next } => {
            format!("Every {period_days} days · next {}", date_part(next))
        }
    }
}

/// `2026-01-01` from `2026-01-01T00:00:00Z`.
pub fn date_part(iso: &str) -> &str {
    iso.get(..10).unwrap_or(iso)
}

/// A KMS key as another service names it, short enough for a table cell:
/// an alias as it is, a key ID or key ARN as its ID's first 8 characters.
pub fn key_ref(id: &str) -> String {
    if id.contains("alias/") {
        return id.rsplit(':').next().unwrap_or(id).to_owned();
    }
    short_id(id.rsplit('/').next().unwrap_or(id))
}

/// "—" for an empty value, else the value.
pub fn or_dash(text: &str) -> String {
    if text.is_empty() {
        "—".to_owned()
    } else {
        text.to_owned()
    }
}

/// A secret's status: scheduled for deletion, a replica, or active.
pub fn secret_status(s: &SecretRow) -> String {
    match (&s.deletion_date, &s.primary_region) {
        (Some(date), _) => format!("Deleted · goes on {}", date_part(date)),
        (None, Some(primary)) => format!("Replica of {primary}"),
        (None, None) => "Active".to_owned(),
    }
}

/// A secret's rotation in words: "Off", or "On · <rules> · next <date>".
pub fn secret_rotation_words(r: &SecretRotationRow) -> String {
    if !r.enabled {
        return "Off".to_owned();
    }
    let mut words = vec!["On".to_owned()];
    words.extend(r.rules.clone());
    words.extend(r.next.as_deref().map(|n| format!("next {}", date_part(n))));
    words.join(" · ")
}

/// Staging or version labels as one cell: "AWSCURRENT, AWSPREVIOUS", or
/// "None" for a version without any.
pub fn label_words(labels: &[String]) -> String {
    if labels.is_empty() {
        "None".to_owned()
    } else {
        labels.join(", ")
    }
}

/// Whom a snapshot is shared with: "Public", the account IDs, or "Not shared".
pub fn sharing_words(s: &SnapshotRow) -> String {
    let mut with: Vec<&str> = s.shared_with.iter().map(String::as_str).collect();
    if s.public {
        with.insert(0, "Public");
    }
    if with.is_empty() {
        "Not shared".to_owned()
    } else {
        with.join(", ")
    }
}

/// A console call's failure as the AWS CLI words it; `None` for success.
pub fn call_error(result: &Value, operation: &str) -> Option<String> {
    let code = result.get("__type")?.as_str()?;
    let message = result.get("message").and_then(Value::as_str).unwrap_or("");
    Some(format!(
        "An error occurred ({code}) when calling the {operation} operation: {message}"
    ))
}

/// The first problem with a key policy typed into the editor, if any.
pub fn policy_problem(text: &str) -> Option<String> {
    match serde_json::from_str::<Value>(text) {
        Err(e) => Some(format!("Not valid JSON: {e}.")),
        Ok(Value::Object(o)) if !o.contains_key("Statement") => {
            Some("A key policy needs a \"Statement\" list.".to_owned())
        }
        Ok(Value::Object(_)) => None,
        Ok(_) => Some("A key policy is a JSON object.".to_owned()),
    }
}

/// An encryption context typed as `Dept=IT,Stage=test` or as a JSON
/// object; `None` when empty. Pairs without `=` are left out.
pub fn parse_context(text: &str) -> Option<Value> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(v @ Value::Object(_)) = serde_json::from_str::<Value>(text) {
        return Some(v);
    }
    let pairs: Map<String, Value> = text
        .split(',')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim().to_owned(), Value::String(v.trim().to_owned())))
        .collect();
    Some(Value::Object(pairs))
}

/// "Try a call"'s answer in words: the verdict, and what decided it.
pub fn verdict(answer: &Value) -> (&'static str, String) {
    let decision = answer.get("Decision").and_then(Value::as_str).unwrap_or("");
    let head = match decision {
        "Allow" => "Allow",
        "" => "Could not evaluate",
        _ => "Deny",
    };
    let by = answer.get("DecidedBy").unwrap_or(&Value::Null);
    let policy = by.get("Policy").and_then(Value::as_str);
    let sid = by.get("Sid").and_then(Value::as_str);
    let index = by.get("StatementIndex").and_then(Value::as_u64);
    let reason = match (policy, sid, index) {
        (Some(p), Some(sid), _) => format!("Decided by the {p}, statement “{sid}”."),
        (Some(p), None, Some(i)) => format!("Decided by the {p}, statement {}.", i + 1),
        (Some(p), None, None) => format!("Decided by the {p}."),
        _ if decision.is_empty() => answer
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("The simulator could not evaluate this call.")
            .to_owned(),
        _ => "No statement allows it.".to_owned(),
    };
    (head, reason)
}

/// A lab's id read as words, for links from flashcards and walkthroughs,
/// which know a lab only by id: `first-key` → "First key". Ids are ASCII
/// kebab-case, so only ASCII is capitalized: Unicode's case tables would
/// be 4.8 KiB of brotli on every page with a lab link.
pub fn lab_name(id: &str) -> String {
    let mut words = id.replace('-', " ");
    if let Some(first) = words.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    words
}

/// The words of the line that links a topic's or a walkthrough's labs, as
/// markup: "Try it hands-on: " and a link to each lab, named by
/// [`lab_name`]. A page sets it as the line's content, so it carries no
/// code that builds each link; the router follows a plain link as it
/// follows its own. Empty without labs. A learner's deck names its labs,
/// so each id is escaped.
pub fn lab_links(labs: &[impl AsRef<str>]) -> String {
    use keydeck_study::html::{attribute, text};
    let mut out = String::new();
    for (i, id) in labs.iter().map(AsRef::as_ref).enumerate() {
        out.push_str(if i == 0 { "Try it hands-on: " } else { ", " });
        out.push_str(r#"<a href="/labs/"#);
        attribute(&mut out, id);
        out.push_str(r#"">"#);
        text(&mut out, &lab_name(id));
        out.push_str(" lab</a>");
    }
    out
}

impl crate::EventRow {
    /// Whether the event list's filter keeps this event: `text` found (in
    /// any case) in the operation, the principal or the error code, and a
    /// failure when `failed_only`.
    pub fn matches(&self, text: &str, failed_only: bool) -> bool {
        let text = text.trim().to_lowercase();
        let fields = [
            self.operation.as_str(),
            self.principal.as_str(),
            self.error_code.as_deref().unwrap_or(""),
        ];
        (!failed_only || self.error_code.is_some())
            && (text.is_empty() || fields.iter().any(|f| f.to_lowercase().contains(&text)))
    }

    /// `2026-01-01 00:00:00` from the event's ISO 8601 time.
    pub fn when(&self) -> String {
        self.time.replace('T', " ").trim_end_matches('Z').to_owned()
    }

    /// The principal's name after its ARN's last colon:
    /// `assumed-role/Admin/keydeck`, `user/developer`, `root`.
    pub fn who(&self) -> &str {
        self.principal.rsplit(':').next().unwrap_or(&self.principal)
    }
}

/// What a screen reader is told when a step of the lab completes tasks:
/// the tasks that were open in `before` and are done in `after`, then the
/// count; `None` when the step completed none.
pub fn tasks_done_announcement(before: &[TaskView], after: &[TaskView]) -> Option<String> {
    let was_done = |id: &str| before.iter().any(|t| t.id == id && t.done);
    let newly: Vec<&str> = after
        .iter()
        .filter(|t| t.done && !was_done(&t.id))
        .map(|t| t.title.as_str())
        .collect();
    if newly.is_empty() {
        return None;
    }
    let done = after.iter().filter(|t| t.done).count();
    let count = if done == after.len() {
        "All tasks done.".to_owned()
    } else {
        format!("{done} of {} tasks done.", after.len())
    };
    let which = if newly.len() == 1 {
        "Task done"
    } else {
        "Tasks done"
    };
    Some(format!("{which}: {}. {count}", newly.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lab_id_reads_as_words_with_a_capital() {
        assert_eq!(lab_name("first-key"), "First key");
        assert_eq!(lab_name("esdk-message-format"), "Esdk message format");
        assert_eq!(lab_name(""), "");
    }

    fn task(id: &str, done: bool) -> TaskView {
        TaskView {
            id: id.to_owned(),
            title: format!("Title of {id}"),
            body_markdown: String::new(),
            hint_markdown: String::new(),
            done,
        }
    }

    #[test]
    fn a_step_that_completes_tasks_names_them_and_the_count() {
        let before = [task("a", true), task("b", false), task("c", false)];
        assert_eq!(tasks_done_announcement(&before, &before), None);
        let one = [task("a", true), task("b", true), task("c", false)];
        assert_eq!(
            tasks_done_announcement(&before, &one).as_deref(),
            Some("Task done: Title of b. 2 of 3 tasks done.")
        );
        let all = [task("a", true), task("b", true), task("c", true)];
        assert_eq!(
            tasks_done_announcement(&before, &all).as_deref(),
            Some("Tasks done: Title of b; Title of c. All tasks done.")
        );
        // A reset that reopens tasks completes none.
        assert_eq!(tasks_done_announcement(&all, &before), None);
    }
}
