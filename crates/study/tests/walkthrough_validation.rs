//! A broken walkthrough is refused with every problem, each naming the
//! walkthrough, the step and what is wrong.

mod walkthrough_fixture;

use keydeck_study::deck::Deck;
use keydeck_study::walkthrough::ActorKind::*;
use keydeck_study::walkthrough::{
    validate_all, Actor, Arrow, Change, Problem, Rect, Reference, Step, Walkthrough,
    WalkthroughError,
};
use walkthrough_fixture::*;

#[test]
fn a_sound_walkthrough_passes() {
    assert_eq!(problems(&GOOD), []);
}

#[test]
fn unknown_actor_references_are_reported_with_their_step() {
    const STEPS: &[Step] = &[Step::new("One", NARRATION)
        .appear(&["data"])
        .arrows(&[Arrow::call("app", "key", "kms:Decrypt")])
        .highlight(&["ghost"])];
    let w = with_steps(STEPS);
    assert_eq!(
        problems(&w),
        [
            (
                Some(1),
                Problem::UnknownActor {
                    id: "app".into(),
                    at: Reference::ArrowStart
                }
            ),
            (
                Some(1),
                Problem::UnknownActor {
                    id: "ghost".into(),
                    at: Reference::Highlight
                }
            ),
        ]
    );
}

#[test]
fn duplicate_and_malformed_ids_are_reported() {
    const SCENE: &[Actor] = &[
        Actor::new("account", Account, "Account", Rect::new(16, 16, 600, 400)),
        Actor::new("key", Key, "KMS key", Rect::new(40, 80, 200, 100)).inside("account"),
        Actor::new("key", Key, "KMS key", Rect::new(40, 240, 200, 100)).inside("account"),
        Actor::new("Data", Object, "Data", Rect::new(300, 80, 200, 100)).inside("account"),
    ];
    let w = with_actors(SCENE);
    let found = problems(&w);
    assert!(
        found.contains(&(None, Problem::DuplicateActor("key".into()))),
        "{found:?}"
    );
    assert!(
        found.contains(&(None, Problem::BadId("Data".into()))),
        "{found:?}"
    );
    let dup = [GOOD, GOOD];
    let errors = validate_all(&dup, &deck()).unwrap_err();
    assert!(errors
        .iter()
        .any(|e| e.problem == Problem::DuplicateWalkthrough));
}

#[test]
fn empty_or_overlong_narration_is_reported() {
    const STEPS: &[Step] = &[
        Step::new("", " ").appear(&["data"]).highlight(&["data"]),
        Step::new("Long", "One. Two. Three. Four. Five. Six.").highlight(&["key"]),
        Step::new("Short", "Only one sentence.").highlight(&["key"]),
    ];
    let w = with_steps(STEPS);
    assert_eq!(
        problems(&w),
        [
            (Some(1), Problem::EmptyText("step title")),
            (Some(1), Problem::EmptyText("narration")),
            (Some(2), Problem::NarrationLength(6)),
            (Some(3), Problem::NarrationLength(1)),
        ]
    );
}

#[test]
fn sources_must_be_aws_documentation_pages() {
    let w = Walkthrough {
        sources: &[
            "https://docs.aws.amazon.com/kms/latest/developerguide/data-keys.html",
            "https://aws.amazon.com/blogs/security/how-to-use-envelope-encryption/",
            "https://example.com/kms",
            "https://docs.aws.amazon.com/kms/latest/developerguide/data-keys.html",
        ],
        ..GOOD
    };
    assert_eq!(
        problems(&w),
        [
            (None, Problem::BadSource("https://example.com/kms".into())),
            (
                None,
                Problem::DuplicateSource(
                    "https://docs.aws.amazon.com/kms/latest/developerguide/data-keys.html".into()
                )
            ),
        ]
    );
    let uncited = Walkthrough {
        sources: &[],
        ..GOOD
    };
    assert_eq!(problems(&uncited), [(None, Problem::NoSources)]);
}

#[test]
fn unknown_related_cards_are_reported() {
    let w = Walkthrough {
        labs: &[],
        related_cards: &["envelope-encryption", "no-such-card"],
        ..GOOD
    };
    assert_eq!(
        problems(&w),
        [(None, Problem::UnknownCard("no-such-card".into()))]
    );
}

#[test]
fn a_card_naming_a_walkthrough_must_be_listed_by_it() {
    let deck = Deck::parse([(
        "decks/fixture.md",
        "# Fixture\n\n## fixture-card\nkind: basic\nwalkthrough: fixture\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nQ\n\n### Back\nA\n\n## lost-card\nkind: basic\nwalkthrough: nowhere\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nQ\n\n### Back\nA\n",
    )])
    .unwrap();
    let listed = Walkthrough {
        labs: &[],
        related_cards: &["fixture-card"],
        ..GOOD
    };
    let errors = validate_all(&[listed], &deck).unwrap_err();
    let found: Vec<Problem> = errors.into_iter().map(|e| e.problem).collect();
    assert_eq!(
        found,
        [Problem::CardNamesUnknownWalkthrough {
            card: "lost-card".into()
        }]
    );
    let unlisted = Walkthrough {
        labs: &[],
        related_cards: &["lost-card"],
        ..GOOD
    };
    let errors = validate_all(&[unlisted], &deck).unwrap_err();
    assert!(errors
        .iter()
        .any(|e| e.problem == Problem::CardNotRelated("fixture-card".into())));
}

#[test]
fn actors_used_before_they_appear_or_after_they_leave_are_reported() {
    const STEPS: &[Step] = &[
        Step::new("Too early", NARRATION).highlight(&["data"]),
        Step::new("Arrive twice", NARRATION)
            .appear(&["data"])
            .disappear(&["data"])
            .arrows(&[Arrow::data("key", "data", "gone")]),
        Step::new("Leave twice", NARRATION)
            .appear(&["key"])
            .disappear(&["data"])
            .highlight(&["key"]),
    ];
    let w = with_steps(STEPS);
    let absent = |at| Problem::Absent {
        id: "data".into(),
        at,
    };
    assert_eq!(
        problems(&w),
        [
            (Some(1), absent(Reference::Highlight)),
            (Some(2), absent(Reference::ArrowEnd)),
            (Some(3), Problem::AlreadyPresent("key".into())),
            (Some(3), Problem::AlreadyAbsent("data".into())),
        ]
    );
}

#[test]
fn badges_must_exist_to_move_and_must_not_be_doubled() {
    const STEPS: &[Step] = &[Step::new("Badges", NARRATION)
        .appear(&["data"])
        .changes(&[
            Change::move_badge("encrypted", "data", "key"),
            Change::add_badge("data", "plaintext"),
            Change::relabel("account", "Account A"),
        ])
        .highlight(&["data"])];
    let w = with_steps(STEPS);
    assert_eq!(
        problems(&w),
        [
            (
                Some(1),
                Problem::BadgeMissing {
                    id: "data".into(),
                    badge: "encrypted".into()
                }
            ),
            (
                Some(1),
                Problem::BadgeDuplicate {
                    id: "data".into(),
                    badge: "plaintext".into()
                }
            ),
        ]
    );
}

#[test]
fn every_step_must_draw_or_highlight_something_with_short_arrow_labels() {
    const STEPS: &[Step] = &[
        Step::new("Nothing", NARRATION).appear(&["data"]),
        Step::new("Loop", NARRATION).arrows(&[Arrow::call(
            "key",
            "key",
            "a label far too long to sit on a short arrow",
        )]),
    ];
    let w = with_steps(STEPS);
    assert_eq!(
        problems(&w),
        [
            (Some(1), Problem::NothingShown),
            (Some(2), Problem::ArrowToItself("key".into())),
            (
                Some(2),
                Problem::ArrowLabel("a label far too long to sit on a short arrow".into())
            ),
        ]
    );
}

#[test]
fn errors_say_where_and_what_in_words() {
    let error = WalkthroughError {
        walkthrough: "snapshot-copy".into(),
        step: Some(3),
        problem: Problem::UnknownActor {
            id: "snap".into(),
            at: Reference::ArrowStart,
        },
    };
    assert_eq!(
        error.to_string(),
        "snapshot-copy, step 3: arrow start \"snap\" is not in the scene"
    );
    let whole = WalkthroughError {
        step: None,
        problem: Problem::BadSource("http://example.com".into()),
        ..error
    };
    assert_eq!(
        whole.to_string(),
        "snapshot-copy: source \"http://example.com\" must be an https://docs.aws.amazon.com/ or https://aws.amazon.com/ page"
    );
}
