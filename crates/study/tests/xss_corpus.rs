//! The hostile-input corpus (`tests/e2e/fixtures/xss-vectors.json`, which
//! the browser suite imports too) through the Markdown every card, note and
//! explanation is drawn with: what comes out is only the renderer's own
//! elements, with no handler, no style and no link but http, https, mailto
//! or a path on the site.

mod interchange_fixture;

use keydeck_study::interchange::{import, ImportFormat};
use keydeck_study::markdown::to_safe_html;
use serde::Deserialize;

#[derive(Deserialize)]
struct Vector {
    name: String,
    kind: String,
    markdown: String,
}

fn corpus() -> Vec<Vector> {
    serde_json::from_str(include_str!("../../../tests/e2e/fixtures/xss-vectors.json"))
        .expect("the corpus is a JSON array of {name, kind, markdown}")
}

/// The elements the renderer writes, and the attributes each may carry.
const ALLOWED: &[(&str, &[&str])] = &[
    ("p", &[]),
    ("em", &[]),
    ("strong", &[]),
    ("del", &[]),
    ("code", &[]),
    ("pre", &[]),
    ("ul", &[]),
    ("ol", &["start"]),
    ("li", &[]),
    ("blockquote", &[]),
    ("hr", &[]),
    ("br", &[]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("a", &["href", "title"]),
];

/// Every tag in `html` as (name, [(attribute, value)]), closing tags
/// without their slash. `html` is the renderer's output, so a `<` always
/// opens a tag: text has its `<` escaped.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("every tag closes") + start;
        let inside = rest[start + 1..end]
            .trim_start_matches('/')
            .trim_end_matches('/');
        let (name, mut attributes) = inside.split_once(' ').unwrap_or((inside, ""));
        let mut pairs = Vec::new();
        while let Some(eq) = attributes.find("=\"") {
            let attribute = attributes[..eq].trim().to_owned();
            let value_end = attributes[eq + 2..].find('"').expect("quoted value") + eq + 2;
            pairs.push((attribute, attributes[eq + 2..value_end].to_owned()));
            attributes = &attributes[value_end + 1..];
        }
        assert_eq!(
            attributes.trim(),
            "",
            "an attribute without a quoted value in {html}"
        );
        found.push((name.to_owned(), pairs));
        rest = &rest[end + 1..];
    }
    found
}

/// Why `html` is not safe, if it is not.
fn unsafe_parts(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, attributes) in tags(html) {
        let Some((_, allowed)) = ALLOWED.iter().find(|(n, _)| *n == name) else {
            problems.push(format!("element <{name}>"));
            continue;
        };
        for (attribute, value) in attributes {
            if !allowed.contains(&attribute.as_str()) {
                problems.push(format!("attribute {attribute} on <{name}>"));
            }
            let decoded = value.replace("&amp;", "&").to_ascii_lowercase();
            let scheme = decoded.split_once(':').map(|(s, _)| s);
            let safe_scheme = matches!(scheme, None | Some("http" | "https" | "mailto"))
                || decoded.starts_with('/')
                || decoded.starts_with('#');
            if attribute == "href" && !safe_scheme {
                problems.push(format!("link to {value}"));
            }
        }
    }
    problems
}

#[test]
fn the_corpus_has_every_kind_of_vector_the_site_is_tested_against() {
    let corpus = corpus();
    assert!(corpus.len() >= 30, "{} vectors", corpus.len());
    for kind in [
        "script",
        "handler",
        "url",
        "image",
        "svg",
        "entity",
        "autolink",
        "reference",
        "emphasis",
        "bidi",
    ] {
        assert!(corpus.iter().any(|v| v.kind == kind), "no {kind} vector");
    }
    let mut names: Vec<&str> = corpus.iter().map(|v| v.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), corpus.len(), "vector names are unique");
}

#[test]
fn every_vector_renders_as_text_and_safe_links_only() {
    for vector in corpus() {
        let html = to_safe_html(&vector.markdown);
        assert_eq!(
            unsafe_parts(&html),
            Vec::<String>::new(),
            "{}: {html}",
            vector.name
        );
    }
}

#[test]
fn a_raw_script_stays_on_the_card_as_the_words_written() {
    let html = to_safe_html("<script>__xss('script-tag')</script>");
    assert_eq!(html, "&lt;script&gt;__xss('script-tag')&lt;/script&gt;");
    let html = to_safe_html(
        "[link](javascript:__xss('md-link')) and [docs](https://docs.aws.amazon.com/kms/)",
    );
    assert_eq!(
        html,
        "<p>link and <a href=\"https://docs.aws.amazon.com/kms/\">docs</a></p>\n"
    );
}

#[test]
fn the_check_itself_finds_a_handler_a_script_link_and_a_foreign_element() {
    assert_eq!(
        unsafe_parts(
            r#"<p><img src="x" onerror="x()"><a href="javascript:x()">a</a><a href="https://docs.aws.amazon.com/">b</a></p>"#
        ),
        vec![
            "element <img>".to_owned(),
            "link to javascript:x()".to_owned(),
        ]
    );
    assert_eq!(
        unsafe_parts(r#"<a href="/study" onclick="x()">c</a>"#),
        vec!["attribute onclick on <a>".to_owned()]
    );
}

/// A vector as the front, back and note of a one-card deck: either every
/// part draws safely, or the deck is refused with its problem.
#[test]
fn an_imported_deck_of_each_vector_draws_safe_fronts_backs_and_notes() {
    let mut refused = Vec::new();
    for vector in corpus() {
        let deck = format!(
            "# Hostile deck\n\n## hostile-card\nkind: basic\nsource: https://docs.aws.amazon.com/kms/latest/developerguide/overview.html\n\n### Front\n{m}\n\n### Back\n{m}\n\n### Note\n{m}\n",
            m = vector.markdown
        );
        let imported = import(&ImportFormat::Markdown, "hostile.md", &deck);
        let Some(topic) = imported.topic.as_ref() else {
            refused.push((
                vector.name.clone(),
                interchange_fixture::problems(&imported),
            ));
            continue;
        };
        let card = &topic.cards[0];
        for (part, markdown) in [
            ("front", card.prompt()),
            ("back", card.answer()),
            ("note", card.note.clone().unwrap_or_default()),
        ] {
            let html = to_safe_html(&markdown);
            assert_eq!(
                unsafe_parts(&html),
                Vec::<String>::new(),
                "{} on the {part}: {html}",
                vector.name
            );
        }
    }
    // pulldown-cmark ends a raw <script> block only at a lower-case
    // </script>, so an upper-case one runs on over the sections after it.
    assert_eq!(
        refused,
        vec![(
            "script-src-upper".to_owned(),
            vec!["hostile.md:3: card \"hostile-card\" has no \"### Back\" section".to_owned()]
        )]
    );
}
