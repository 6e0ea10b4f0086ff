//! The layout checks: boxes stay on the canvas, inside their Account or
//! Region, apart from each other and wide and tall enough for what they show.

mod walkthrough_fixture;

use keydeck_study::walkthrough::ActorKind::*;
use keydeck_study::walkthrough::{Actor, Arrow, Change, Problem, Rect, Step, Walkthrough};
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
    let label_on = |id: &str| {
        let (label, id) = ("kms:Encrypt".into(), id.into());
        (Some(2), Problem::LabelCoversBox { label, id })
    };
    let overlap = Problem::Overlap {
        a: "key".into(),
        b: "data".into(),
    };
    // Eight units apart, the boxes leave the arrow's label no room either.
    assert_eq!(
        problems(&w),
        [(None, overlap), label_on("key"), label_on("data")]
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

/// `actors` and one step with one arrow, from `a` to `b`.
fn arrow_between(actors: &'static [Actor], label: &'static str) -> Walkthrough {
    let arrows: &'static [Arrow] = Box::leak(Box::new([Arrow::call("a", "b", label)]));
    let step = Step::new("The key encrypts it", NARRATION).arrows(arrows);
    let steps: &'static [Step] = Box::leak(Box::new([step]));
    Walkthrough {
        actors,
        steps,
        related_cards: &[],
        ..with_actors(actors)
    }
}

#[test]
fn an_arrow_label_that_can_only_cover_a_box_is_reported() {
    // The label is tried up to 96 units either side of the midpoint, all
    // inside the box between the arrow's ends.
    const SCENE: &[Actor] = &[
        Actor::new("a", Key, "A", Rect::new(16, 300, 100, 48)),
        Actor::new("b", Object, "B", Rect::new(1084, 300, 100, 48)),
        Actor::new("wall", Service, "Wall", Rect::new(200, 150, 800, 375)),
    ];
    assert_eq!(
        problems(&arrow_between(SCENE, "kms:Encrypt")),
        [(
            Some(1),
            Problem::LabelCoversBox {
                label: "kms:Encrypt".into(),
                id: "wall".into()
            }
        )]
    );
}

#[test]
fn an_arrow_label_that_cannot_fit_on_the_canvas_is_reported() {
    // A wide label on an arrow down the canvas's left edge.
    const SCENE: &[Actor] = &[
        Actor::new("a", Key, "A", Rect::new(0, 16, 40, 48)),
        Actor::new("b", Object, "B", Rect::new(0, 611, 40, 48)),
    ];
    let label = "a label of thirty characters..";
    assert_eq!(
        problems(&arrow_between(SCENE, label)),
        [(Some(1), Problem::LabelOffCanvas(label.into()))]
    );
    let w = arrow_between(SCENE, label);
    let err = w.validate(&deck()).unwrap_err();
    assert_eq!(
        err[0].to_string(),
        format!("fixture, step 1: arrow label \"{label}\" does not fit on the canvas")
    );
}

#[test]
fn a_label_moves_off_a_box_and_the_labels_of_a_step_keep_apart() {
    use keydeck_study::walkthrough::builtin;
    use keydeck_study::walkthrough::canvas::{arrow_shapes, label_obstacles};
    for w in builtin::ALL.iter() {
        for state in (0..w.steps.len()).filter_map(|i| w.state_at(i)) {
            let shapes = arrow_shapes(&state);
            assert_eq!(shapes.len(), state.arrows.len());
            for (n, (arrow, shape)) in shapes.iter().enumerate() {
                let at = format!("{} step {}: {}", w.id, state.step + 1, arrow.label);
                assert!(shape.label.is_on_canvas(), "{at}");
                assert!(
                    label_obstacles(&state).all(|a| !shape.label.covers(a.rect)),
                    "{at}"
                );
                assert!(
                    shapes[..n].iter().all(|(_, s)| !s.label.meets(shape.label)),
                    "{at}"
                );
            }
        }
    }
}
