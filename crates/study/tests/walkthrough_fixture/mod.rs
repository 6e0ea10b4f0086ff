//! The small walkthrough the validation and layout tests vary: a scene that
//! passes, and helpers to swap its steps or actors.
// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use keydeck_study::builtin;
use keydeck_study::deck::Deck;
use keydeck_study::walkthrough::ActorKind::*;
use keydeck_study::walkthrough::{Actor, Arrow, Change, Problem, Rect, Step, Walkthrough};

pub const NARRATION: &str = "The key encrypts the data. Nothing else happens.";

pub const ACTORS: &[Actor] = &[
    Actor::new("account", Account, "Account", Rect::new(16, 16, 600, 400)),
    Actor::new("key", Key, "KMS key", Rect::new(40, 80, 200, 100)).inside("account"),
    Actor::new("data", Object, "Data", Rect::new(300, 80, 200, 100))
        .inside("account")
        .badges(&["plaintext"])
        .enters_later(),
];

pub const GOOD: Walkthrough = Walkthrough {
    id: "fixture",
    title: "A fixture",
    summary: "A small scene for the validator.",
    sources: &["https://docs.aws.amazon.com/kms/latest/developerguide/data-keys.html"],
    labs: &[],
    related_cards: &["envelope-encryption"],
    actors: ACTORS,
    steps: &[
        Step::new("Data arrives", NARRATION)
            .appear(&["data"])
            .highlight(&["data"]),
        Step::new("The key encrypts it", NARRATION)
            .changes(&[Change::relabel("data", "Encrypted data")])
            .arrows(&[Arrow::call("key", "data", "kms:Encrypt")]),
    ],
};

pub fn deck() -> Deck {
    builtin::deck().expect("the shipped decks parse")
}

pub fn problems(w: &Walkthrough) -> Vec<(Option<usize>, Problem)> {
    match w.validate(&deck()) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| (e.step, e.problem)).collect(),
    }
}

pub fn with_steps(steps: &'static [Step]) -> Walkthrough {
    Walkthrough { steps, ..GOOD }
}

pub fn with_actors(actors: &'static [Actor]) -> Walkthrough {
    Walkthrough { actors, ..GOOD }
}
