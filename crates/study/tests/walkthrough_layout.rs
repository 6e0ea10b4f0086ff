//! The layout checks: boxes stay on the canvas, inside their Account or
//! Region, apart from each other and wide and tall enough for what they show.

mod walkthrough_fixture;

use keydeck_study::walkthrough::ActorKind::*;
use keydeck_study::walkthrough::{Actor, Change, Problem, Rect, Step};
use walkthrough_fixture::*;

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
