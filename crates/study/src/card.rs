//! Cards: what a learner sees on the front and the back.

use serde::{Deserialize, Serialize};
use std::fmt;

pub mod markup;

/// How a card asks its question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardKind {
    /// A question and its answer.
    Basic,
    /// "Name the term": a description on the front, the term on the back.
    /// It also yields a reverse card (term → description).
    Term,
    /// A sentence with one hidden part, written `{{answer}}`.
    Cloze,
    /// A comparison: the back is a table.
    Table,
}

impl CardKind {
    pub const ALL: [CardKind; 4] = [
        CardKind::Basic,
        CardKind::Term,
        CardKind::Cloze,
        CardKind::Table,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CardKind::Basic => "basic",
            CardKind::Term => "term",
            CardKind::Cloze => "cloze",
            CardKind::Table => "table",
        }
    }

    pub fn parse(s: &str) -> Option<CardKind> {
        CardKind::ALL.into_iter().find(|k| k.name() == s)
    }
}

impl fmt::Display for CardKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which way a term card asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    Forward,
    /// The term on the front, its description on the back.
    Reverse,
}

/// The suffix that names a term card's reverse card.
pub const REVERSE_SUFFIX: &str = "~reverse";

/// One reviewable card. Its Markdown fields are as written in the deck.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// Stable across releases: progress is stored by it.
    pub id: String,
    pub topic: String,
    pub kind: CardKind,
    pub direction: Direction,
    pub front: String,
    pub back: String,
    /// What changed since the seed deck, if anything.
    pub note: Option<String>,
    pub tags: Vec<String>,
    /// The AWS documentation page the card rests on.
    pub source: String,
    /// The card's place (1 to 35) in the seed deck the project began
    /// with, for cards that come from it: a deck file's `seed:` field.
    #[serde(rename = "seed")]
    pub seed_position: Option<u8>,
    pub walkthrough: Option<String>,
    /// The line of the card's heading in its deck file.
    pub line: usize,
    /// What the card shows, rendered: for the shipped deck when the site
    /// is built, for a learner's deck when it is read. `None` until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub faces: Option<Faces>,
}

/// A card's sides as safe HTML ([`crate::markdown::to_safe_html`]),
/// written forward (a term card's reverse swaps them), so that showing a
/// card parses no Markdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Faces {
    pub prompt: String,
    pub answer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a card shows, as safe HTML: [`Card::prompt`], [`Card::asked`],
/// [`Card::answer`] and the note, rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    pub prompt: &'a str,
    pub asked: Option<&'a str>,
    pub answer: &'a str,
    pub note: Option<&'a str>,
}

const BLANK: &str = "[ … ]";

impl Card {
    /// What the front asks for, shown above it: "Question", "Name the
    /// term", "Describe the term", "Fill the blank", "Compare".
    pub fn prompt_label(&self) -> &'static str {
        match (self.kind, self.direction) {
            (CardKind::Basic, _) => "Question",
            (CardKind::Term, Direction::Forward) => "Name the term",
            (CardKind::Term, Direction::Reverse) => "Describe the term",
            (CardKind::Cloze, _) => "Fill the blank",
            (CardKind::Table, _) => "Compare",
        }
    }

    /// The card without its text: what scheduling and counting need.
    pub fn outline(&self) -> Card {
        Card {
            front: String::new(),
            back: String::new(),
            note: None,
            tags: Vec::new(),
            source: String::new(),
            faces: None,
            ..self.clone()
        }
    }

    /// Renders the card's sides, unless they have been.
    pub fn render_faces(&mut self) {
        if self.faces.is_some() {
            return;
        }
        let forward = Card {
            direction: Direction::Forward,
            ..self.clone()
        };
        let html = crate::markdown::to_safe_html;
        self.faces = Some(Faces {
            prompt: html(&forward.prompt()),
            answer: html(&forward.answer()),
            note: self.note.as_deref().map(html),
        });
    }

    /// The card's sides as rendered, asked in its direction; `None` if
    /// they have not been rendered.
    pub fn shown(&self) -> Option<Shown<'_>> {
        let faces = self.faces.as_ref()?;
        let (prompt, answer) = match self.direction {
            Direction::Forward => (&faces.prompt, &faces.answer),
            Direction::Reverse => (&faces.answer, &faces.prompt),
        };
        Some(Shown {
            prompt,
            asked: (self.kind != CardKind::Cloze).then_some(prompt.as_str()),
            answer,
            note: faces.note.as_deref(),
        })
    }

    /// The Markdown shown before the answer is revealed.
    pub fn prompt(&self) -> String {
        match (self.kind, self.direction) {
            (CardKind::Cloze, _) => replace_cloze(&self.front, |_| BLANK.to_owned()),
            (CardKind::Term, Direction::Reverse) => self.back.clone(),
            _ => self.front.clone(),
        }
    }

    /// The Markdown shown once the answer is revealed.
    pub fn answer(&self) -> String {
        match (self.kind, self.direction) {
            (CardKind::Cloze, _) => {
                let filled = replace_cloze(&self.front, |hidden| format!("**{hidden}**"));
                format!("{filled}\n\n{}", self.back)
            }
            (CardKind::Term, Direction::Reverse) => self.front.clone(),
            _ => self.back.clone(),
        }
    }

    /// What the revealed side repeats above the answer, as Anki's back
    /// does: the prompt, for every kind but cloze, whose answer is already
    /// the sentence with its blank filled.
    pub fn asked(&self) -> Option<String> {
        (self.kind != CardKind::Cloze).then(|| self.prompt())
    }

    /// The hidden text of a cloze card.
    pub fn cloze_answer(&self) -> Option<&str> {
        let start = self.front.find("{{")? + 2;
        let end = start + self.front[start..].find("}}")?;
        Some(&self.front[start..end])
    }

    /// The reverse of a term card: the term asks for its description.
    pub fn reversed(&self) -> Card {
        Card {
            id: format!("{}{REVERSE_SUFFIX}", self.id),
            direction: Direction::Reverse,
            ..self.clone()
        }
    }

    pub fn from_seed_deck(&self) -> bool {
        self.seed_position.is_some()
    }
}

/// Checks that `card`'s rendered sides are what its Markdown renders to,
/// in the direction it is asked.
#[cfg(test)]
pub(crate) fn assert_shown_is_rendered(card: &Card) {
    let html = crate::markdown::to_safe_html;
    let shown = card.shown().expect("rendered");
    let id = &card.id;
    assert_eq!(shown.prompt, html(&card.prompt()), "{id}");
    assert_eq!(
        shown.asked.map(str::to_owned),
        card.asked().map(|a| html(&a)),
        "{id}"
    );
    assert_eq!(shown.answer, html(&card.answer()), "{id}");
    assert_eq!(
        shown.note.map(str::to_owned),
        card.note.as_deref().map(html),
        "{id}"
    );
}

fn replace_cloze(text: &str, fill: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&fill(&rest[start + 2..start + 2 + len]));
        rest = &rest[start + 2 + len + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(kind: CardKind, front: &str, back: &str) -> Card {
        Card {
            id: "c".into(),
            topic: "t".into(),
            kind,
            direction: Direction::Forward,
            front: front.into(),
            back: back.into(),
            note: None,
            tags: vec![],
            source: "https://docs.aws.amazon.com/".into(),
            seed_position: None,
            walkthrough: None,
            line: 1,
            faces: None,
        }
    }

    #[test]
    fn the_revealed_side_repeats_what_was_asked_except_for_a_cloze() {
        let basic = card(
            CardKind::Basic,
            "What does KMS stand for?",
            "Key Management Service",
        );
        assert_eq!(basic.asked().as_deref(), Some("What does KMS stand for?"));
        let term = card(CardKind::Term, "DEK", "A data key that encrypts data");
        assert_eq!(term.asked().as_deref(), Some("DEK"));
        assert_eq!(
            term.reversed().asked().as_deref(),
            Some("A data key that encrypts data")
        );
        let table = card(
            CardKind::Table,
            "Compare the key types",
            "| a | b |\n|---|---|\n| 1 | 2 |",
        );
        assert_eq!(table.asked().as_deref(), Some("Compare the key types"));
        let cloze = card(
            CardKind::Cloze,
            "KMS keys never leave {{HSMs}} unencrypted.",
            "",
        );
        assert_eq!(cloze.asked(), None);
        assert!(cloze
            .answer()
            .starts_with("KMS keys never leave **HSMs** unencrypted."));
    }

    #[test]
    fn a_cloze_hides_its_answer_until_revealed() {
        let c = card(
            CardKind::Cloze,
            "Audit KMS key usage with {{AWS CloudTrail}}.",
            "Every call is logged.",
        );
        assert_eq!(c.prompt(), "Audit KMS key usage with [ … ].");
        assert_eq!(
            c.answer(),
            "Audit KMS key usage with **AWS CloudTrail**.\n\nEvery call is logged."
        );
        assert_eq!(c.cloze_answer(), Some("AWS CloudTrail"));
    }

    #[test]
    fn a_term_card_asks_both_ways() {
        let forward = card(
            CardKind::Term,
            "- Created if you provide no policy",
            "Default KMS Key Policy",
        );
        let reverse = forward.reversed();
        assert_eq!(reverse.id, "c~reverse");
        assert_eq!(forward.prompt(), "- Created if you provide no policy");
        assert_eq!(reverse.prompt(), "Default KMS Key Policy");
        assert_eq!(reverse.answer(), "- Created if you provide no policy");
    }

    /// What `shown` gives is what the card's Markdown renders to, in
    /// either direction: the reverse swaps the written card's sides.
    #[test]
    fn rendered_sides_follow_the_direction_asked() {
        let mut term = card(CardKind::Term, "Holds *many* keys", "A key ring");
        term.note = Some("Renamed".into());
        assert_eq!(term.shown(), None);
        term.render_faces();
        let mut cloze = card(CardKind::Cloze, "Use {{CloudTrail}}.", "It logs.");
        cloze.render_faces();
        for c in [term.clone(), term.reversed(), cloze] {
            assert_shown_is_rendered(&c);
        }
        assert_eq!(
            term.reversed().shown().unwrap().prompt,
            "<p>A key ring</p>\n"
        );
        assert!(term.outline().faces.is_none());
    }
}
