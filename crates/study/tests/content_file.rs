//! The content file reader every format shares: how a file splits into its
//! title, sections and parts, where its errors point, and the id and source
//! rules.

use keydeck_study::content_file::{
    is_aws_source, is_kebab_case, lines_in, ContentFile, FileError, FirstSeen,
};

const FILE: &str = "\
# The title

labs: first-key

### Stray

## first-card
kind: basic

### Front
A `#` here:

```sh
# not a heading
```

#### Deeper
Still the front.

### Back
The back.

## second-card
# Another title

### Front
Two.
";

#[test]
fn a_file_splits_into_its_title_sections_and_parts() {
    let file = ContentFile::read("decks/t.md", FILE);
    assert_eq!(file.title().map(|h| h.text.as_str()), Some("The title"));
    let before: Vec<&str> = file
        .before_sections()
        .iter()
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(before, ["Stray"]);
    let extra: Vec<usize> = file.extra_titles().map(|h| file.line(h.start)).collect();
    assert_eq!(extra, [24]);
    assert_eq!(&FILE[file.sections_start()..][..15], "## first-card\nk");

    let sections: Vec<_> = file.sections().collect();
    let ids: Vec<&str> = sections.iter().map(|s| s.id()).collect();
    assert_eq!(ids, ["first-card", "second-card"]);
    assert_eq!(sections[0].end, sections[1].heading.start);
    assert_eq!(sections[1].end, FILE.len());

    let parts = sections[0].parts();
    let names: Vec<&str> = parts.iter().map(|p| p.name()).collect();
    assert_eq!(
        names,
        ["Front", "Back"],
        "#### belongs to the part above it"
    );
    assert_eq!(
        FILE[parts[0].body.clone()].trim(),
        "A `#` here:\n\n```sh\n# not a heading\n```\n\n#### Deeper\nStill the front."
    );
    assert_eq!(FILE[parts[1].body.clone()].trim(), "The back.");
    assert_eq!(FILE[sections[0].lead(&parts)].trim(), "kind: basic");

    let every: Vec<&str> = sections[0].subsections().iter().map(|p| p.name()).collect();
    assert_eq!(every, ["Front", "Deeper", "Back"]);
    let second: Vec<&str> = sections[1].subsections().iter().map(|p| p.name()).collect();
    assert_eq!(second, ["Another title", "Front"]);
    assert_eq!(sections[1].parts().len(), 1);
}

#[test]
fn a_file_without_a_title_or_sections_says_so() {
    let untitled = ContentFile::read("a.md", "Intro.\n\n## only\n");
    assert!(untitled.title().is_none());
    assert_eq!(untitled.first_heading().map(|h| h.level), Some(2));
    assert!(untitled.before_sections().is_empty());
    assert!(untitled.has_sections());

    let empty = ContentFile::read("b.md", "");
    assert!(empty.first_heading().is_none());
    assert!(empty.before_sections().is_empty());
    assert!(!empty.has_sections());
    assert_eq!(empty.sections_start(), 0);
    assert_eq!(empty.sections().count(), 0);
}

#[test]
fn errors_name_the_file_and_the_line_of_their_offset() {
    let file = ContentFile::read("decks/t.md", FILE);
    let second = file.sections().nth(1).unwrap();
    let error = file.error(second.heading.start, "card \"second-card\" has no back");
    assert_eq!(
        error.to_string(),
        "decks/t.md:23: card \"second-card\" has no back"
    );
    assert_eq!(
        file.error_on_line(3, "bad lab"),
        FileError {
            file: "decks/t.md".into(),
            line: 3,
            message: "bad lab".into()
        }
    );
    let two = lines_in(FILE, second.heading.end..second.end)
        .find(|l| l.text == "Two.")
        .unwrap();
    assert_eq!(file.line(two.at), 27);
}

#[test]
fn ids_are_lowercase_words_joined_by_single_hyphens() {
    for good in ["kms", "key-b2", "q-rotation-2", "2024-keys"] {
        assert!(is_kebab_case(good), "{good}");
    }
    for bad in [
        "", "-", "Key", "key--b", "-key", "key-", "key_b", "key b", "clé",
    ] {
        assert!(!is_kebab_case(bad), "{bad:?}");
    }
}

#[test]
fn an_id_met_again_in_another_file_names_where_it_was_first() {
    let mut seen = FirstSeen::new();
    assert_eq!(seen.note("kms-acronym", ("a.md".to_owned(), 4)), None);
    assert_eq!(seen.note("kms-audit", ("a.md".to_owned(), 9)), None);
    assert_eq!(
        seen.note("kms-acronym", ("b.md".to_owned(), 2)),
        Some(&("a.md".to_owned(), 4))
    );
    assert_eq!(
        seen.note("kms-acronym", ("c.md".to_owned(), 7)),
        Some(&("a.md".to_owned(), 4)),
        "the first place stays"
    );
}

#[test]
fn sources_are_https_pages_of_docs_aws_amazon_com_or_aws_amazon_com() {
    for good in [
        "https://docs.aws.amazon.com/kms/latest/developerguide/data-keys.html",
        "https://docs.aws.amazon.com/",
        "https://aws.amazon.com/blogs/security/how-to-rotate-keys/",
        "https://aws.amazon.com/certification/certified-developer-associate/",
    ] {
        assert!(is_aws_source(good), "{good}");
    }
    for bad in [
        "http://docs.aws.amazon.com/kms/",
        "http://aws.amazon.com/blogs/",
        "https://docs.aws.amazon.com",
        "https://docs.aws.amazon.com.example.com/kms",
        "https://aws.amazon.com.example.com/kms",
        "https://example.com/kms",
        "https://console.aws.amazon.com/kms/",
        "https://docs.aws.amazon.com/kms latest",
        "https://aws.amazon.com/a\"b",
        "https://docs.aws.amazon.com/<kms>",
        "",
    ] {
        assert!(!is_aws_source(bad), "{bad}");
    }
}
