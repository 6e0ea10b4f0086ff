//! A card as the study page draws it: each face as one piece of HTML, set
//! once, and the grade buttons below it. A card's sides are HTML already
//! ([`super::Faces`]), so drawing them as markup, not element by element,
//! spares the page the code that builds each element of a card.

use super::Card;
use crate::html::{attribute, text};
use crate::queue::Queued;
use crate::schedule::Grade;
use crate::walkthrough::builtin;

/// One of a card's sides: the HTML it was rendered to, or, for a card
/// never rendered, its Markdown, shown as text.
enum Part<'a> {
    Html(&'a str),
    Text(String),
}

/// What a card shows, each part as [`Part`]: from [`Card::shown`] when
/// the card has been rendered, from its Markdown when not.
struct Parts<'a> {
    prompt: Part<'a>,
    asked: Option<Part<'a>>,
    answer: Part<'a>,
    note: Option<Part<'a>>,
}

impl<'a> Parts<'a> {
    fn of(card: &'a Card) -> Parts<'a> {
        match card.shown() {
            Some(s) => Parts {
                prompt: Part::Html(s.prompt),
                asked: s.asked.map(Part::Html),
                answer: Part::Html(s.answer),
                note: s.note.map(Part::Html),
            },
            None => Parts {
                prompt: Part::Text(card.prompt()),
                asked: card.asked().map(Part::Text),
                answer: Part::Text(card.answer()),
                note: card.note.clone().map(Part::Text),
            },
        }
    }
}

/// A part in a `.md` box.
fn md(out: &mut String, part: &Part) {
    out.push_str(r#"<div class="md">"#);
    match part {
        Part::Html(html) => out.push_str(html),
        Part::Text(markdown) => {
            out.push_str("<p>");
            text(out, markdown);
            out.push_str("</p>");
        }
    }
    out.push_str("</div>");
}

/// The line above a face: the card's topic, what the face is, and the
/// count the card was drawn from, if given.
fn meta(out: &mut String, topic_title: &str, what: &str, queued: Option<Queued>) {
    out.push_str(r#"<p class="card-meta">"#);
    text(out, topic_title);
    out.push_str(" · ");
    out.push_str(what);
    if let Some(q) = queued {
        out.push_str(&format!(
            r#"<span class="queued queued-{}" data-testid="queued">{}</span>"#,
            q.name(),
            q.label()
        ));
    }
    out.push_str("</p>");
}

/// The question side: the topic, what the card asks for, the count it
/// was drawn from (none when cramming), and the prompt.
pub fn front(card: &Card, topic_title: &str, queued: Option<Queued>) -> String {
    let mut out = String::new();
    meta(&mut out, topic_title, card.prompt_label(), queued);
    md(&mut out, &Parts::of(card).prompt);
    out
}

/// The answer side: its heading line alone until the card is revealed;
/// then the question asked (but for a cloze card, whose answer is the
/// question filled), a divider, the answer, what changed since the seed
/// deck, and the page it rests on with the walkthroughs that animate it.
pub fn back(card: &Card, topic_title: &str, revealed: bool) -> String {
    let mut out = String::new();
    meta(&mut out, topic_title, "Answer", None);
    if !revealed {
        return out;
    }
    let parts = Parts::of(card);
    if let Some(asked) = &parts.asked {
        out.push_str(r#"<div class="card-asked" data-testid="card-asked">"#);
        md(&mut out, asked);
        out.push_str(r#"</div><hr class="card-divider">"#);
    }
    out.push_str(r#"<div class="card-answer">"#);
    md(&mut out, &parts.answer);
    out.push_str("</div>");
    if let Some(note) = &parts.note {
        out.push_str(
            r#"<aside class="card-note"><strong>Updated since the original deck</strong>"#,
        );
        md(&mut out, note);
        out.push_str("</aside>");
    }
    out.push_str(r#"<p class="card-source"><a href=""#);
    attribute(&mut out, &card.source);
    out.push_str(r#"" target="_blank" rel="noopener">AWS documentation</a>"#);
    for walkthrough in builtin::for_card(&card.id) {
        out.push_str(r#" · <a href=""#);
        attribute(&mut out, &walkthrough.href());
        out.push_str(r#"">Watch it animated: "#);
        text(&mut out, walkthrough.title);
        out.push_str("</a>");
    }
    out.push_str("</p>");
    out
}

/// The four grade buttons, each naming its grade in `data-grade` (its
/// key), with an empty place for the interval it gives.
pub fn grades() -> String {
    let mut out = String::new();
    for grade in Grade::ALL {
        let label = grade.label();
        out.push_str(&format!(
            r#"<button type="button" class="grade grade-{}" aria-keyshortcuts="{key}" data-grade="{key}"><span class="grade-label">{label}</span><span class="grade-interval"></span><kbd>{key}</kbd></button>"#,
            label.to_ascii_lowercase(),
            key = grade.key(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{CardKind, Direction};

    fn card(kind: CardKind, front: &str, back: &str) -> Card {
        Card {
            id: "kms-basics-what-is-kms".into(),
            topic: "kms-basics".into(),
            kind,
            direction: Direction::Forward,
            front: front.into(),
            back: back.into(),
            note: None,
            tags: Vec::new(),
            source: "https://docs.aws.amazon.com/kms/latest/developerguide/overview.html".into(),
            seed_position: None,
            walkthrough: None,
            line: 1,
            faces: None,
        }
    }

    #[test]
    fn the_front_names_the_topic_the_ask_and_the_count_then_shows_the_prompt() {
        let mut c = card(CardKind::Basic, "What is *KMS*?", "A key service.");
        c.render_faces();
        assert_eq!(
            front(&c, "KMS basics", Some(Queued::Missed)),
            r#"<p class="card-meta">KMS basics · Question<span class="queued queued-missed" data-testid="queued">Missed in a quiz</span></p><div class="md"><p>What is <em>KMS</em>?</p>
</div>"#
        );
        assert_eq!(
            front(&c, "KMS basics", None),
            "<p class=\"card-meta\">KMS basics · Question</p><div class=\"md\"><p>What is <em>KMS</em>?</p>\n</div>"
        );
    }

    #[test]
    fn the_back_is_its_heading_alone_until_revealed() {
        let mut c = card(CardKind::Basic, "Q?", "A.");
        c.render_faces();
        assert_eq!(
            back(&c, "KMS basics", false),
            r#"<p class="card-meta">KMS basics · Answer</p>"#
        );
    }

    #[test]
    fn a_revealed_back_shows_the_question_a_divider_the_answer_the_note_and_the_source() {
        let mut c = card(CardKind::Basic, "Q?", "A.");
        c.note = Some("Since 2023.".into());
        c.render_faces();
        let html = back(&c, "KMS basics", true);
        let asked = html
            .find(r#"<div class="card-asked" data-testid="card-asked"><div class="md"><p>Q?</p>"#);
        let divider = html.find(r#"<hr class="card-divider">"#);
        let answer = html.find(r#"<div class="card-answer"><div class="md"><p>A.</p>"#);
        let note = html.find(r#"<aside class="card-note"><strong>Updated since the original deck</strong><div class="md"><p>Since 2023.</p>"#);
        let source = html.find(r#"<p class="card-source"><a href="https://docs.aws.amazon.com/kms/latest/developerguide/overview.html" target="_blank" rel="noopener">AWS documentation</a></p>"#);
        assert!(
            asked.is_some()
                && divider.is_some()
                && answer.is_some()
                && note.is_some()
                && source.is_some(),
            "{html}"
        );
        assert!(
            asked < divider && divider < answer && answer < note && note < source,
            "{html}"
        );
    }

    #[test]
    fn a_cloze_card_does_not_repeat_its_question() {
        let mut c = card(CardKind::Cloze, "KMS keys never leave {{the HSMs}}.", "");
        c.render_faces();
        let html = back(&c, "KMS basics", true);
        assert!(!html.contains("card-asked"), "{html}");
        assert!(html.contains("<strong>the HSMs</strong>"), "{html}");
        assert!(front(&c, "KMS basics", None).contains("[ … ]"));
    }

    #[test]
    fn a_card_links_the_walkthroughs_that_animate_it() {
        let deck = crate::builtin::deck().unwrap();
        let (c, walkthrough) = deck
            .topics
            .iter()
            .flat_map(|t| &t.cards)
            .find_map(|c| builtin::for_card(&c.id).next().map(|w| (c.clone(), w)))
            .expect("a shipped card that a walkthrough animates");
        let html = back(&c, "KMS basics", true);
        assert!(
            html.contains(&format!(
                r#" · <a href="/walkthroughs/{}/1">Watch it animated: {}</a>"#,
                walkthrough.id, walkthrough.title
            )),
            "{html}"
        );
    }

    #[test]
    fn what_a_learner_wrote_is_text_never_markup() {
        // A learner's deck not yet rendered, with markup in every field
        // the page shows.
        let mut c = card(
            CardKind::Basic,
            "<img src=x onerror=alert(1)>",
            "<script>alert(2)</script>",
        );
        c.note = Some("<b>bold</b>".into());
        c.source = r#"https://example.com/" onmouseover="alert(3)"#.into();
        let topic = r#"<i>Topic</i> & "more""#;
        let html = front(&c, topic, None) + &back(&c, topic, true);
        for raw in ["<img", "<script", "<b>", "<i>", r#"" onmouseover"#] {
            assert!(!html.contains(raw), "{raw} in {html}");
        }
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(
            html.contains(r#"&lt;i&gt;Topic&lt;/i&gt; &amp; "more" · Question"#),
            "{html}"
        );
        assert!(
            html.contains(r#"href="https://example.com/&quot; onmouseover=&quot;alert(3)""#),
            "{html}"
        );
    }

    #[test]
    fn the_grades_name_their_keys_in_order() {
        let html = grades();
        let keys: Vec<_> = html
            .match_indices("data-grade=\"")
            .map(|(i, _)| &html[i + 12..i + 13])
            .collect();
        assert_eq!(keys, ["1", "2", "3", "4"]);
        assert!(html.starts_with(
            r#"<button type="button" class="grade grade-again" aria-keyshortcuts="1" data-grade="1"><span class="grade-label">Again</span><span class="grade-interval"></span><kbd>1</kbd></button>"#
        ));
        assert!(html.contains(r#"class="grade grade-easy""#));
    }
}
