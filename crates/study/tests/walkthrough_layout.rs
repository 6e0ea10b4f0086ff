//! The layout checks: boxes stay on the canvas, inside their Account or
//! Region, apart from each other and wide and tall enough for what they show.

use keydeck_study::builtin;
use keydeck_study::deck::Deck;
use keydeck_study::walkthrough::ActorKind::*;
use keydeck_study::walkthrough::{Actor, Arrow, Change, Problem, Rect, Step, Walkthrough};

const NARRATION: &str = "The key encrypts the data. Nothing else happens.";

const ACTORS: &[Actor] = &[
    Actor::new("account", Account, "Account", Rect::new(16, 16, 600, 400)),
    Actor::new("key", Key, "KMS key", Rect::new(40, 80, 200, 100)).inside("account"),
    Actor::new("data", Object, "Data", Rect::new(300, 80, 200, 100))
        .inside("account")
        .badges(&["plaintext"])
        .enters_later(),
];

const GOOD: Walkthrough = Walkthrough {
    id: "fixture",
    title: "A fixture",
    summary: "A small scene for the validator.",
    sources: &["https://docs.aws.amazon.com/kms/latest/developerguide/data-keys.html"],
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

fn deck() -> Deck {
    builtin::deck().expect("the shipped decks parse")
}

fn problems(w: &Walkthrough) -> Vec<(Option<usize>, Problem)> {
    match w.validate(&deck()) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| (e.step, e.problem)).collect(),
    }
}

fn with_steps(steps: &'static [Step]) -> Walkthrough {
    Walkthrough { steps, ..GOOD }
}

fn with_actors(actors: &'static [Actor]) -> Walkthrough {
    Walkthrough { actors, ..GOOD }
}

#[test]
fn overlapping_or_crowded_boxes_are_reported() {
    const SCENE: &[Actor] = &[
        Actor::new("account", Account, "Account", Rect::new(16, 16, 600, 400)),
        Actor::new("key", Key, "KMS key", Rect::new(40, 80, 200, 100)).inside("account"),
        Actor::new("data", Object, "Data", Rect::new(248, 80, 200, 100))
            .inside("account")
            .enters_later(),
    ];
    let w = with_actors(SCENE);
    assert_eq!(
        problems(&w),
        [(
            None,
            Problem::Overlap {
                a: "key".into(),
                b: "data".into()
            }
        )]
    );
}

#[test]
fn boxes_must_fit_the_canvas_and_their_parent() {
    const SCENE: &[Actor] = &[
        Actor::new("account", Account, "Account", Rect::new(16, 16, 600, 400)),
        Actor::new("key", Key, "KMS key", Rect::new(40, 20, 200, 100)).inside("account"),
        Actor::new("data", Object, "Data", Rect::new(1100, 500, 200, 100))
            .inside("account")
            .enters_later(),
    ];
    let w = with_actors(SCENE);
    let found = problems(&w);
    let outside = |id: &str| Problem::OutsideParent {
        id: id.into(),
        parent: "account".into(),
    };
    assert!(
        found.contains(&(None, outside("key"))),
        "in the title band: {found:?}"
    );
    assert!(found.contains(&(None, outside("data"))), "{found:?}");
    assert!(
        found.contains(&(None, Problem::OutsideCanvas("data".into()))),
        "{found:?}"
    );
}

#[test]
fn parents_must_be_earlier_account_or_region_boxes() {
    const SCENE: &[Actor] = &[
        Actor::new("key", Key, "KMS key", Rect::new(40, 80, 200, 100)).inside("account"),
        Actor::new("account", Account, "Account", Rect::new(16, 16, 600, 400)),
        Actor::new("data", Object, "Data", Rect::new(660, 80, 200, 100))
            .inside("key")
            .enters_later(),
    ];
    let w = with_actors(SCENE);
    let found = problems(&w);
    assert!(found.contains(&(
        None,
        Problem::ParentAfterChild {
            id: "key".into(),
            parent: "account".into()
        }
    )));
    assert!(found.contains(&(
        None,
        Problem::ParentNotContainer {
            id: "data".into(),
            parent: "key".into()
        }
    )));
}

#[test]
fn a_child_cannot_stay_when_its_account_leaves() {
    const STEPS: &[Step] = &[Step::new("Gone", NARRATION)
        .disappear(&["account"])
        .highlight(&["key"])];
    let w = with_steps(STEPS);
    assert_eq!(
        problems(&w),
        [(
            Some(1),
            Problem::ParentAbsent {
                id: "key".into(),
                parent: "account".into()
            }
        )]
    );
}

#[test]
fn labels_and_badges_must_fit_their_box() {
    const STEPS: &[Step] = &[Step::new("Crowded", NARRATION)
        .appear(&["data"])
        .changes(&[
            Change::relabel("key", "A customer managed key"),
            Change::add_badge("data", "shared"),
            Change::add_badge("data", "copied"),
        ])
        .highlight(&["key"])];
    let w = with_steps(STEPS);
    assert_eq!(
        problems(&w),
        [
            (
                None,
                Problem::TextTooWide {
                    id: "key".into(),
                    text: "A customer managed key".into(),
                    needs: 22 * 9 + 24,
                    has: 200
                }
            ),
            (
                None,
                Problem::TooManyBadges {
                    id: "data".into(),
                    badges: 3
                }
            ),
        ]
    );
}
