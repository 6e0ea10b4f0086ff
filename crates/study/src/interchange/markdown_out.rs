//! A topic written back as a KeyDeck deck file (`content/README.md`).

use crate::deck::{parse_topic, DeckError, Topic};

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
        if let Some(seed) = card.seed_position {
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

/// The deck file `markdown`, stored as `file`, with the title `title`: what
/// renaming an imported deck saves. The topic id (the file name) and the
/// card ids stay, and so does the learner's progress.
pub fn retitle(file: &str, markdown: &str, title: &str) -> Result<String, Vec<DeckError>> {
    let mut topic = parse_topic(file, markdown)?;
    if title.trim().is_empty() {
        return Err(vec![DeckError {
            file: file.to_owned(),
            line: 1,
            message: "a deck needs a title".to_owned(),
        }]);
    }
    topic.title = title.to_owned();
    Ok(topic_markdown(&topic))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECK: &str = "# Old name\n\nMy cards.\n\n## my-card\nkind: basic\nsource: https://docs.aws.amazon.com/\n\n### Front\nQ\n\n### Back\nA\n";

    #[test]
    fn a_renamed_deck_keeps_its_cards() {
        let renamed = retitle("mine.md", DECK, "  New\nname ").expect("renamed");
        assert_eq!(renamed, DECK.replace("# Old name", "# New name"));
        let err = retitle("mine.md", DECK, " ").expect_err("no title");
        assert_eq!(err[0].to_string(), "mine.md:1: a deck needs a title");
    }
}
