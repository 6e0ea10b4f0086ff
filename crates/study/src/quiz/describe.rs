//! An answer in words, on one line, for the results' review: which option
//! was picked, what was typed, which description each term was matched to.

use super::question::{Answer, Body, Question};
use crate::markdown::plain_text;

impl Question {
    /// What `answer` says: the option's text, options joined by "; ",
    /// "True" or "False", the typed text, or "term → description" pairs.
    /// An option or description the question lacks reads "?".
    pub fn describe(&self, answer: &Answer) -> String {
        let option = |i: &usize| {
            self.options()
                .get(*i)
                .map_or("?".to_owned(), |o| plain_text(&o.text))
        };
        match (answer, &self.body) {
            (Answer::Single(i), _) => option(i),
            (Answer::Multi(list), _) => list.iter().map(option).collect::<Vec<_>>().join("; "),
            (Answer::TrueFalse(b), _) => if *b { "True" } else { "False" }.to_owned(),
            (Answer::Typed(text), _) => text.clone(),
            (
                Answer::Matching(picks),
                Body::Matching {
                    terms,
                    descriptions,
                    ..
                },
            ) => terms
                .iter()
                .zip(picks)
                .map(|(t, p)| {
                    let description = p.and_then(|i| descriptions.get(i));
                    format!(
                        "{} → {}",
                        plain_text(t),
                        description.map_or("?".to_owned(), |d| plain_text(d))
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
            (Answer::Matching(_), _) => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(body: serde_json::Value) -> Question {
        serde_json::from_value(serde_json::json!({
            "id": "q-x", "topic": "kms", "stem": "Which?", "body": body, "cards": [],
            "source": "https://docs.aws.amazon.com/kms/", "origin": "written"
        }))
        .unwrap()
    }

    fn option(text: &str) -> serde_json::Value {
        serde_json::json!({ "text": text, "correct": false, "explanation": "", "source": "" })
    }

    #[test]
    fn picked_options_read_as_their_plain_text() {
        let options = [option("Call **`Decrypt`**"), option("Use a *grant*")];
        let single = question(serde_json::json!({ "kind": "single", "options": options }));
        assert_eq!(single.describe(&Answer::Single(0)), "Call Decrypt");
        assert_eq!(single.describe(&Answer::Single(5)), "?");
        let multi =
            question(serde_json::json!({ "kind": "multi", "options": options, "choose": 2 }));
        assert_eq!(
            multi.describe(&Answer::Multi(vec![0, 1])),
            "Call Decrypt; Use a grant"
        );
    }

    #[test]
    fn true_false_and_typed_answers_read_as_given() {
        let tf =
            question(serde_json::json!({ "kind": "truefalse", "answer": true, "explanation": "" }));
        assert_eq!(tf.describe(&Answer::TrueFalse(false)), "False");
        let typed = question(
            serde_json::json!({ "kind": "typed", "accept": ["kms:Decrypt"], "explanation": "" }),
        );
        assert_eq!(
            typed.describe(&Answer::Typed("kms:decrypt".into())),
            "kms:decrypt"
        );
    }

    #[test]
    fn matches_read_as_term_to_description_with_gaps_as_question_marks() {
        let matching = question(serde_json::json!({
            "kind": "matching", "terms": ["`CMK`", "Grant"],
            "descriptions": ["A *key*", "A delegation"], "key": [0, 1], "explanation": ""
        }));
        assert_eq!(
            matching.describe(&Answer::Matching(vec![Some(0), None])),
            "CMK → A key; Grant → ?"
        );
    }
}
