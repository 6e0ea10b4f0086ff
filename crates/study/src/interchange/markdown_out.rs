//! A topic written back as a KeyDeck deck file (`content/README.md`).

use crate::deck::Topic;

/// `topic` as a deck file that [`crate::deck::parse_topic`] reads back to
/// the same topic: the title, the `labs:` line, the intro, then each card's
/// `## id`, its field lines and its `### Front`, `### Back` and `### Note`.
pub fn topic_markdown(topic: &Topic) -> String {
    let mut out = format!("# {}\n", one_line(&topic.title));
    if !topic.labs.is_empty() {
        out.push_str(&format!("labs: {}\n", topic.labs.join(", ")));
    }
    if !topic.intro.trim().is_empty() {
        out.push_str(&format!("\n{}\n", topic.intro.trim()));
    }
    for card in &topic.cards {
        out.push_str(&format!("\n## {}\nkind: {}\n", card.id, card.kind));
        if !card.tags.is_empty() {
            out.push_str(&format!("tags: {}\n", card.tags.join(", ")));
        }
        if let Some(seed) = card.seed {
            out.push_str(&format!("seed: {seed}\n"));
        }
        out.push_str(&format!("source: {}\n", card.source));
        if let Some(walkthrough) = &card.walkthrough {
            out.push_str(&format!("walkthrough: {walkthrough}\n"));
        }
        let sections = [
            ("Front", Some(&card.front)),
            ("Back", Some(&card.back)),
            ("Note", card.note.as_ref()),
        ];
        for (name, body) in sections {
            if let Some(body) = body {
                out.push_str(&format!("\n### {name}\n{}\n", body.trim()));
            }
        }
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
