//! The lab file format: every shipped lab parses, and malformed files are
//! refused with errors that name the file and the line.

use keydeck_lab::labs::{self, parse_lab, LabError, LAB_FILES};

const GOOD: &str = "\
# A lab

summary: One paragraph.
minutes: 10
cards: kms-basics, rotation
walkthroughs: envelope-encryption
source: https://docs.aws.amazon.com/kms/latest/developerguide/create-keys.html
source: https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html

The introduction.

It has two paragraphs.

## make-key
title: Make a key
check: symmetric-key-exists

Type this:

```sh
# not a heading
aws kms create-key
```

### Hint
Look at `create-key`.

## rotate
title: Rotate it
check: on-demand-rotation-happened

Rotate.

### Hint
On demand.
";

fn errors_of(file: &str, text: &str) -> Vec<LabError> {
    parse_lab(file, text).expect_err("the file should be refused")
}

fn has(errors: &[LabError], line: usize, part: &str) -> bool {
    errors
        .iter()
        .any(|e| e.line == line && e.message.contains(part))
}

#[test]
fn every_shipped_lab_parses() {
    let labs = labs::parse_all().unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(labs.len(), 12);
    let ids: Vec<&str> = labs.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "first-key",
            "envelope-encryption",
            "cross-account",
            "grants",
            "rotation",
            "key-states",
            "multi-region",
            "asymmetric",
            "parameter-store",
            "secrets-manager",
            "snapshot-copy",
            "esdk-message"
        ]
    );
    for lab in &labs {
        assert!(
            !lab.tasks.is_empty() && !lab.sources.is_empty(),
            "{}",
            lab.id
        );
        assert!(lab
            .tasks
            .iter()
            .all(|t| !t.hint.is_empty() && !t.body_markdown.is_empty()));
    }
}

#[test]
fn the_shipped_list_is_the_labs_folder_in_order() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/labs");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .expect("content/labs exists")
        .map(|e| {
            e.expect("readable entry")
                .file_name()
                .into_string()
                .expect("UTF-8 name")
        })
        .filter(|name| name.ends_with(".md"))
        .collect();
    on_disk.sort();
    let shipped: Vec<&str> = LAB_FILES.iter().map(|(file, _)| *file).collect();
    assert_eq!(on_disk, shipped);
    for (n, file) in shipped.iter().enumerate() {
        assert!(
            file.starts_with(&format!("{:02}-", n + 1)),
            "{file} is out of order"
        );
    }
}

#[test]
fn a_lab_file_parses_into_its_fields_intro_and_tasks() {
    let lab = parse_lab("content/labs/01-a-lab.md", GOOD).expect("parses");
    assert_eq!(lab.id, "a-lab");
    assert_eq!(lab.title, "A lab");
    assert_eq!(lab.summary, "One paragraph.");
    assert_eq!(lab.minutes, 10);
    assert_eq!(lab.cards, ["kms-basics", "rotation"]);
    assert_eq!(lab.walkthroughs, ["envelope-encryption"]);
    assert_eq!(lab.sources.len(), 2);
    assert_eq!(
        lab.intro_markdown,
        "The introduction.\n\nIt has two paragraphs."
    );
    assert_eq!(lab.tasks.len(), 2);
    let first = &lab.tasks[0];
    assert_eq!(
        (
            first.id.as_str(),
            first.title.as_str(),
            first.check.as_str()
        ),
        ("make-key", "Make a key", "symmetric-key-exists")
    );
    assert!(first.body_markdown.starts_with("Type this:"));
    assert!(first.body_markdown.contains("# not a heading"));
    assert_eq!(first.hint, "Look at `create-key`.");
    assert_eq!(lab.tasks[1].hint, "On demand.");
}

#[test]
fn walkthroughs_are_optional() {
    let text = GOOD.replace("walkthroughs: envelope-encryption\n", "");
    assert!(parse_lab("02-a-lab.md", &text)
        .expect("parses")
        .walkthroughs
        .is_empty());
}

#[test]
fn errors_name_the_file_and_the_line() {
    let text = GOOD.replace("minutes: 10", "minutes: ten");
    let errors = errors_of("content/labs/03-a-lab.md", &text);
    assert_eq!(errors[0].file, "content/labs/03-a-lab.md");
    assert!(has(&errors, 4, "minutes \"ten\""), "{errors:?}");
    assert_eq!(
        errors[0].to_string(),
        "content/labs/03-a-lab.md:4: minutes \"ten\" must be a whole number from 1 to 120"
    );
}

#[test]
fn unknown_fields_and_non_field_lines_are_refused() {
    let errors = errors_of("01-a-lab.md", &GOOD.replace("minutes: 10", "minute: 10"));
    assert!(has(&errors, 4, "unknown field \"minute\""), "{errors:?}");
    assert!(has(&errors, 1, "no \"minutes:\" field"), "{errors:?}");
    let errors = errors_of(
        "01-a-lab.md",
        &GOOD.replace("check: on-demand", "checks on-demand"),
    );
    assert!(
        has(&errors, 30, "expected a \"field: value\" line"),
        "{errors:?}"
    );
}

#[test]
fn a_task_needs_a_title_a_check_instructions_and_one_hint() {
    let errors = errors_of("01-a-lab.md", &GOOD.replace("title: Rotate it\n", ""));
    assert!(
        has(&errors, 28, "task \"rotate\" has no \"title:\" field"),
        "{errors:?}"
    );
    let errors = errors_of("01-a-lab.md", &GOOD.replace("### Hint\nOn demand.\n", ""));
    assert!(
        has(&errors, 28, "has no \"### Hint\" section"),
        "{errors:?}"
    );
    let errors = errors_of(
        "01-a-lab.md",
        &GOOD.replace("### Hint\nOn demand.", "### Tip\nOn demand."),
    );
    assert!(has(&errors, 34, "unknown section \"Tip\""), "{errors:?}");
    let errors = errors_of("01-a-lab.md", &GOOD.replace("Rotate.\n", ""));
    assert!(has(&errors, 28, "has no instructions"), "{errors:?}");
    let errors = errors_of("01-a-lab.md", &GOOD.replace("On demand.", ""));
    assert!(has(&errors, 34, "\"### Hint\" is empty"), "{errors:?}");
}

#[test]
fn ids_must_be_kebab_case_and_unique() {
    let errors = errors_of("01-a-lab.md", &GOOD.replace("## rotate", "## Rotate It"));
    assert!(has(&errors, 28, "task id \"Rotate It\""), "{errors:?}");
    let errors = errors_of("01-a-lab.md", &GOOD.replace("## rotate", "## make-key"));
    assert!(
        has(&errors, 28, "task id \"make-key\" is used twice"),
        "{errors:?}"
    );
    let errors = errors_of(
        "01-a-lab.md",
        &GOOD.replace("cards: kms-basics", "cards: KMS basics"),
    );
    assert!(
        has(&errors, 5, "\"KMS basics\" is not a kebab-case id"),
        "{errors:?}"
    );
}

#[test]
fn sources_must_be_aws_documentation_pages() {
    let errors = errors_of(
        "01-a-lab.md",
        &GOOD.replace(
            "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
            "https://example.com/kms",
        ),
    );
    assert!(
        has(
            &errors,
            8,
            "must be an https://docs.aws.amazon.com/ or https://aws.amazon.com/ page"
        ),
        "{errors:?}"
    );
    let no_sources: String = GOOD
        .lines()
        .filter(|l| !l.starts_with("source:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let errors = errors_of("01-a-lab.md", &no_sources);
    assert!(has(&errors, 1, "cites no AWS documentation"), "{errors:?}");
}

#[test]
fn sources_follow_the_rule_every_content_file_follows() {
    let rotate = "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html";
    let blog = GOOD.replace(
        rotate,
        "https://aws.amazon.com/blogs/security/how-to-rotate/",
    );
    assert!(parse_lab("01-a-lab.md", &blog).is_ok());
    let plain_http = GOOD.replace(rotate, "http://docs.aws.amazon.com/kms/");
    let errors = errors_of("01-a-lab.md", &plain_http);
    assert!(
        has(
            &errors,
            8,
            "source \"http://docs.aws.amazon.com/kms/\" must be an https://docs.aws.amazon.com/ or https://aws.amazon.com/ page"
        ),
        "{errors:?}"
    );
}

#[test]
fn the_file_shape_is_checked() {
    let errors = errors_of("first-key.md", GOOD);
    assert!(has(&errors, 1, "named \"NN-<lab-id>.md\""), "{errors:?}");
    let errors = errors_of("01-a-lab.md", "no title\n");
    assert!(has(&errors, 1, "starts with a \"# Title\""), "{errors:?}");
    let errors = errors_of(
        "01-a-lab.md",
        &GOOD.replace("It has two", "### Stray\n\nIt has two"),
    );
    assert!(
        has(&errors, 12, "\"Stray\" comes before the first"),
        "{errors:?}"
    );
    let header_only: String = GOOD.split("## make-key").next().expect("header").to_owned();
    assert!(has(
        &errors_of("01-a-lab.md", &header_only),
        1,
        "no \"## task-id\" sections"
    ));
    let errors = errors_of(
        "01-a-lab.md",
        &GOOD.replace("\nThe introduction.\n\nIt has two paragraphs.\n", ""),
    );
    assert!(has(&errors, 1, "no introduction"), "{errors:?}");
}
