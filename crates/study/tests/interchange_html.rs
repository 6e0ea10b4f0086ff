//! HTML in imported Anki fields: simple formatting becomes Markdown, and
//! nothing hostile survives to the page, which renders every card through
//! the same safe Markdown renderer.

mod interchange_fixture;

use interchange_fixture::{problems, topic};
use keydeck_study::card::Card;
use keydeck_study::interchange::{import, ImportFormat, Imported, RowSeparator, TermSeparator};
use keydeck_study::markdown::to_safe_html;

/// One Anki note with HTML fields.
fn note(front: &str, back: &str) -> Imported {
    let quote = |f: &str| format!("\"{}\"", f.replace('"', "\"\""));
    let text = format!(
        "#separator:tab\n#html:true\n{}\t{}\n",
        quote(front),
        quote(back)
    );
    import(&ImportFormat::Anki, "html.txt", &text)
}

fn card(imported: &Imported) -> &Card {
    assert_eq!(problems(imported), Vec::<String>::new());
    &topic(imported).cards[0]
}

/// Everything a page could show of a card, as HTML.
fn rendered(card: &Card) -> String {
    [card.prompt(), card.answer()]
        .iter()
        .map(|md| to_safe_html(md))
        .collect()
}

/// Every tag in `html` is one Markdown renders, with no attribute but a
/// web link, a list start, a code language or a column alignment: no
/// script, no handler, no `javascript:` can be in it. Text cannot hold a
/// tag, since `<` in text is always `&lt;`.
fn assert_inert(html: &str, field: &str) {
    const TAGS: [&str; 22] = [
        "p",
        "strong",
        "em",
        "del",
        "br",
        "a",
        "code",
        "pre",
        "ul",
        "ol",
        "li",
        "blockquote",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "h4",
        "h5",
        "h6",
    ];
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        let name = tag.split([' ', '/']).next().unwrap_or("");
        assert!(TAGS.contains(&name), "{field:?} rendered <{tag}>: {html}");
        let attrs = tag[name.len()..].trim().trim_end_matches('/').trim();
        let safe = attrs.is_empty()
            || (name == "a"
                && [
                    "href=\"https://",
                    "href=\"http://",
                    "href=\"mailto:",
                    "href=\"/",
                ]
                .iter()
                .any(|p| attrs.starts_with(p)))
            || attrs.starts_with("style=\"text-align:")
            || attrs.starts_with("start=\"")
            || attrs.starts_with("class=\"language-");
        assert!(
            safe && !attrs.to_ascii_lowercase().contains("javascript:"),
            "{field:?} rendered <{tag}>: {html}"
        );
    }
}

#[test]
fn bold_italic_line_breaks_and_divs_become_markdown() {
    let imported = note(
        "<div>Line <b>one</b></div><div>Line <i>two</i><br>three&nbsp;&amp; four</div>",
        "<ul><li>a</li><li><strong>b</strong><ul><li>c</li></ul></li></ul><ol start=\"3\"><li>x</li></ol>",
    );
    let card = card(&imported);
    assert_eq!(
        card.front,
        "Line **one**\n\nLine *two*\\\nthree\u{a0}& four"
    );
    assert_eq!(card.back, "- a\n- **b**\n  - c\n\n3. x");
    assert_eq!(
        to_safe_html(&card.front),
        "<p>Line <strong>one</strong></p>\n<p>Line <em>two</em><br />\nthree\u{a0}&amp; four</p>\n"
    );
}

#[test]
fn code_links_tables_and_headings_keep_their_form() {
    let imported = note(
        "<h2>Key <u>policy</u></h2><p>Use <code>kms:Decrypt</code> and <a href=\"https://docs.aws.amazon.com/kms/\">the guide</a>.</p>",
        "<table><tr><th>Tier</th><th>Size</th></tr><tr><td>Standard</td><td>4 KB</td></tr></table><pre><code class=\"language-sh\">aws kms encrypt \\\n  --key-id alias/x</code></pre>",
    );
    let card = card(&imported);
    assert_eq!(
        card.front,
        "**Key policy**\n\nUse `kms:Decrypt` and [the guide](https://docs.aws.amazon.com/kms/)."
    );
    assert_eq!(
        card.back,
        "| Tier | Size |\n| --- | --- |\n| Standard | 4 KB |\n\n```sh\naws kms encrypt \\\n  --key-id alias/x\n```"
    );
    assert_eq!(
        card.kind,
        keydeck_study::card::CardKind::Table,
        "its back is a table"
    );
}

#[test]
fn text_that_looks_like_markdown_stays_text() {
    let imported = note(
        "2 * 3 * 4 = 24, a_b_c, [x](y), `z`",
        "# not a heading<br>- not a list",
    );
    let card = card(&imported);
    assert_eq!(
        to_safe_html(&card.front),
        "<p>2 * 3 * 4 = 24, a_b_c, [x](y), `z`</p>\n"
    );
    assert_eq!(
        to_safe_html(&card.back),
        "<p># not a heading<br />\n- not a list</p>\n"
    );
}

#[test]
fn script_event_handlers_and_javascript_links_are_inert() {
    let hostile = [
        "<script>alert(1)</script>Hi",
        "<img src=x onerror=alert(1) alt=\"a diagram\">",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\" JaVaScRiPt:alert(1)\">click</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">data</a>",
        "<div onclick=\"alert(1)\" style=\"background:url(javascript:alert(1))\">styled</div>",
        "<svg onload=alert(1)><circle/></svg>svg gone",
        "<iframe src=\"javascript:alert(1)\"></iframe>frame gone",
        "<style>body{display:none}</style>style gone",
        "<scr<script>ipt>alert(1)</script>",
        "&lt;script&gt;alert(1)&lt;/script&gt; shown as text",
        "[md link](javascript:alert(1)) <b onmouseover=alert(1)>bold</b>",
        "<!-- <script>alert(1)</script> -->comment gone",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>math gone",
    ];
    for field in hostile {
        let imported = note(field, field);
        assert_inert(&rendered(card(&imported)), field);
    }
    let shown = |field: &str| to_safe_html(&card(&note(field, "b")).front);
    assert_eq!(shown("<script>alert(1)</script>Hi"), "<p>Hi</p>\n");
    assert_eq!(
        shown("<img src=x onerror=alert(1) alt=\"a diagram\">"),
        "<p>a diagram</p>\n"
    );
    assert_eq!(
        shown("<a href=\"javascript:alert(1)\">click</a>"),
        "<p>click</p>\n"
    );
    assert_eq!(
        shown("&lt;script&gt;alert(1)&lt;/script&gt; shown as text"),
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; shown as text</p>\n"
    );
    assert_eq!(
        shown("[md link](javascript:alert(1)) x"),
        "<p>[md link](javascript:alert(1)) x</p>\n"
    );
}

#[test]
fn plain_text_imports_never_become_html() {
    let hostile = "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))";
    let plain = import(
        &ImportFormat::Anki,
        "p.txt",
        &format!("#html:false\n#separator:tab\n\"{hostile}\"\tb\n"),
    );
    let quizlet = import(
        &ImportFormat::Quizlet {
            terms: TermSeparator::Tab,
            rows: RowSeparator::NewLine,
        },
        "q.txt",
        &format!("{hostile}\tb\n"),
    );
    let csv = import(&ImportFormat::Csv, "c.csv", &format!("\"{hostile}\",b\n"));
    for imported in [&plain, &quizlet] {
        assert_eq!(
            to_safe_html(&card(imported).front),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1))</p>\n"
        );
    }
    // CSV fields are Markdown: raw HTML in them is shown as text, and the
    // javascript: link is dropped.
    let html = to_safe_html(&card(&csv).front);
    assert!(
        !html.contains("<script") && !html.contains("<img") && !html.contains("href"),
        "{html}"
    );
}
