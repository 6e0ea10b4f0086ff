//! The portrait layout: derived from the scene for narrow screens, and
//! validated as the landscape one is.

mod walkthrough_fixture;

use keydeck_study::walkthrough::builtin::ALL;
use keydeck_study::walkthrough::canvas::{arrow_shapes, CANVAS};
use keydeck_study::walkthrough::layout::portrait::{MAX_HEIGHT, WIDTH};
use keydeck_study::walkthrough::layout::{MIN_TYPE_PX, SMALLEST_TYPE};
use keydeck_study::walkthrough::ActorKind::*;
use keydeck_study::walkthrough::{
    Actor, Arrow, Layout, Orientation, Problem, Rect, Step, Walkthrough,
};
use walkthrough_fixture::*;

fn in_portrait(problem: Problem) -> Problem {
    Problem::InPortrait(Box::new(problem))
}

/// The problems of one layout, with their steps.
fn layout_problems(w: &Walkthrough, layout: &Layout) -> Vec<(Option<usize>, Problem)> {
    match w.validate_layout(layout) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| (e.step, e.problem)).collect(),
    }
}

#[test]
fn the_portrait_layout_of_every_shipped_walkthrough_validates() {
    for w in ALL {
        let portrait = Layout::portrait(w);
        assert_eq!(portrait.orientation, Orientation::Portrait);
        if let Err(errors) = w.validate_layout(&portrait) {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!(
                "{}'s portrait layout is invalid:\n{}",
                w.id,
                list.join("\n")
            );
        }
    }
}

#[test]
fn portrait_canvases_are_narrow_enough_for_12_px_type_and_short_enough_for_the_narration() {
    // 16-unit type at 12 px or more on a 358 px wide stage: at most 477 wide.
    const { assert!(WIDTH as u32 * 12 <= 16 * 358 && WIDTH <= 476) };
    let sizes: Vec<(&str, u16, u16)> = ALL
        .iter()
        .map(|w| {
            let c = Layout::portrait(w).canvas;
            assert_eq!((c.x, c.y), (0, 0), "{}", w.id);
            (w.id, c.width, c.height)
        })
        .collect();
    assert_eq!(
        sizes,
        [
            ("snapshot-copy", 472, 524),
            ("envelope-encryption", 472, 320),
            ("s3-replication-sse-kms", 472, 624),
            ("ami-sharing", 472, 524),
            ("multi-region-client-side", 472, 604),
            ("secrets-rotation", 472, 400),
            ("parameter-store-securestring", 472, 416),
        ]
    );
    assert!(sizes.iter().all(|&(_, w, h)| w == WIDTH && h <= MAX_HEIGHT));
}

#[test]
fn every_actor_of_the_landscape_layout_has_a_box_in_the_portrait_one() {
    for w in ALL {
        let landscape = Layout::landscape(w);
        let portrait = Layout::portrait(w);
        let ids = |l: &Layout| l.places.iter().map(|(id, _)| *id).collect::<Vec<_>>();
        assert_eq!(ids(&portrait), ids(&landscape), "{}", w.id);
        for (id, rect) in &portrait.places {
            assert!(rect.width > 0 && rect.height > 0, "{} {id}", w.id);
            assert!(portrait.canvas.contains(*rect), "{} {id}", w.id);
        }
    }
}

#[test]
fn the_portrait_layout_is_the_same_every_time() {
    for w in ALL {
        let first = Layout::portrait(w);
        let copy: Walkthrough = *w;
        assert_eq!(Layout::portrait(&copy), first, "{}", w.id);
        assert_eq!(Layout::portrait(w), first, "{}", w.id);
    }
}

#[test]
fn accounts_and_regions_stack_in_the_order_they_read_left_to_right() {
    for w in ALL {
        let portrait = Layout::portrait(w);
        let mut boxes: Vec<&Actor> = w.actors.iter().filter(|a| a.kind.is_container()).collect();
        boxes.sort_by_key(|a| (a.rect.x, a.rect.y));
        let tops: Vec<u16> = boxes
            .iter()
            .map(|a| portrait.rect(a.id).unwrap().y)
            .collect();
        assert!(tops.windows(2).all(|t| t[0] < t[1]), "{}: {tops:?}", w.id);
        for a in &boxes {
            let rect = portrait.rect(a.id).unwrap();
            assert_eq!(rect.width, WIDTH - 16, "{} {}", w.id, a.id);
        }
    }
}

#[test]
fn the_landscape_layout_is_the_scene_as_written() {
    for w in ALL {
        let landscape = Layout::landscape(w);
        assert_eq!(landscape.orientation, Orientation::Landscape);
        assert_eq!(landscape.canvas, CANVAS);
        assert_eq!(landscape.view_box(), "0 0 1200 675");
        for (i, actor) in w.actors.iter().enumerate() {
            assert_eq!(landscape.places[i], (actor.id, actor.rect));
        }
        for state in (0..w.steps.len()).filter_map(|i| w.state_at(i)) {
            assert_eq!(landscape.arrow_shapes(&state), arrow_shapes(&state));
        }
    }
}

#[test]
fn a_portrait_layout_with_overlapping_boxes_is_refused() {
    let mut broken = Layout::portrait(&GOOD);
    let key = broken.rect("key").unwrap();
    broken.places[2].1 = key;
    assert_eq!(broken.places[2].0, "data");
    let covers = |id: &str| {
        let (label, id) = ("kms:Encrypt".into(), id.into());
        (Some(2), in_portrait(Problem::LabelCoversBox { label, id }))
    };
    let overlap = Problem::Overlap {
        a: "key".into(),
        b: "data".into(),
    };
    assert_eq!(
        layout_problems(&GOOD, &broken),
        [(None, in_portrait(overlap)), covers("key"), covers("data")]
    );
    let errors = GOOD.validate_layout(&broken).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "fixture: in the portrait layout, \"key\" and \"data\" overlap or are closer than 16 units"
    );
    assert_eq!(GOOD.validate_layout(&Layout::portrait(&GOOD)), Ok(()));
}

#[test]
fn a_label_too_long_for_the_portrait_width_is_refused_there_only() {
    // 46 characters fit the landscape box but not an Account's 432 units.
    const LABEL: &str = "A customer managed key with a very long name!!";
    const SCENE: &[Actor] = &[
        Actor::new("account", Account, "Account", Rect::new(16, 16, 1168, 400)),
        Actor::new("key", Key, LABEL, Rect::new(40, 80, 500, 100)).inside("account"),
        Actor::new("data", Object, "Data", Rect::new(600, 80, 200, 100))
            .inside("account")
            .badges(&["plaintext"])
            .enters_later(),
    ];
    let w = with_actors(SCENE);
    let too_wide = Problem::TextTooWide {
        id: "key".into(),
        text: LABEL.into(),
        needs: 46 * 9 + 24,
        has: 432,
    };
    assert_eq!(problems(&w), [(None, in_portrait(too_wide))]);
    assert_eq!(
        w.validate(&deck()).unwrap_err()[0].to_string(),
        format!(
            "fixture: in the portrait layout, \"{LABEL}\" needs 438 units but \"key\" is 432 wide"
        )
    );
}

#[test]
fn a_portrait_canvas_taller_than_a_phone_allows_is_refused() {
    let tall = Layout {
        canvas: Rect::new(0, 0, WIDTH, MAX_HEIGHT + 1),
        ..Layout::portrait(&GOOD)
    };
    let found = layout_problems(&GOOD, &tall);
    assert_eq!(
        found,
        [(
            None,
            in_portrait(Problem::CanvasTooLarge {
                width: 472,
                height: 641
            })
        )]
    );
    assert_eq!(
        GOOD.validate_layout(&tall).unwrap_err()[0].to_string(),
        "fixture: in the portrait layout, the canvas is 472×641 units, larger than the 472×640 a phone shows"
    );
    // The landscape canvas is not held to a phone's size.
    assert_eq!(GOOD.validate_layout(&Layout::landscape(&GOOD)), Ok(()));
}

#[test]
fn a_scene_too_tall_for_a_phone_gets_a_portrait_layout_that_is_refused() {
    // Eight actors with a wide label and three badges, in three columns.
    const BADGES: &[&str] = &["one", "two", "three"];
    let scene: Vec<Actor> = ["a", "b", "c", "d", "e", "f", "g", "h"]
        .into_iter()
        .zip(0u16..)
        .map(|(id, i)| {
            let rect = Rect::new(40 + 300 * (i % 3), 40 + 160 * (i / 3), 260, 120);
            Actor::new(id, Key, "A wide label for the box", rect).badges(BADGES)
        })
        .collect();
    let scene: &'static [Actor] = Box::leak(scene.into_boxed_slice());
    const STEPS: &[Step] = &[Step::new("One", NARRATION).arrows(&[Arrow::call("a", "b", "call")])];
    let w = Walkthrough {
        actors: scene,
        steps: STEPS,
        ..GOOD
    };
    let portrait = Layout::portrait(&w);
    // One box a row, as two of 240 units do not fit 456: eight rows.
    assert_eq!(portrait.canvas.height, 8 + 8 * 120 + 7 * 32 + 32);
    assert_eq!(
        problems(&w),
        [(
            None,
            in_portrait(Problem::CanvasTooLarge {
                width: 472,
                height: 1224
            })
        )]
    );
}

#[test]
fn a_layout_without_a_box_for_an_actor_is_refused() {
    let mut partial = Layout::portrait(&GOOD);
    partial.places.retain(|(id, _)| *id != "data");
    assert_eq!(partial.rect("data"), None);
    let found = layout_problems(&GOOD, &partial);
    assert_eq!(
        found[0],
        (None, in_portrait(Problem::NotLaidOut("data".into())))
    );
    assert_eq!(
        GOOD.validate_layout(&partial).unwrap_err()[0].to_string(),
        "fixture: in the portrait layout, \"data\" has no box in the layout"
    );
}

#[test]
fn the_arrangement_drawn_is_the_one_that_keeps_type_readable() {
    let snapshot = ALL.iter().find(|w| w.id == "snapshot-copy").unwrap();
    let landscape = Layout::landscape(snapshot);
    let portrait = Layout::portrait(snapshot);
    let fits = |w: f64, h: f64| landscape.fitting(&portrait, w, h).orientation;
    // A phone's column: landscape would draw its labels at about 4 px.
    assert_eq!(fits(358.0, 600.0), Orientation::Portrait);
    // A laptop's column beside the narration, under the page's header.
    assert_eq!(fits(760.0, 560.0), Orientation::Portrait);
    // A large monitor or a projector: landscape's type is 12 px or more.
    assert_eq!(fits(1300.0, 800.0), Orientation::Landscape);
    // On a phone's 358 px column, portrait's 16-unit type is 12 px or more.
    assert!(portrait.scale_in(358.0, 1000.0) * SMALLEST_TYPE >= MIN_TYPE_PX);
    // Just short of 12 px type in landscape: portrait, which draws larger.
    assert_eq!(fits(890.0, 675.0), Orientation::Portrait);
    assert!(portrait.scale_in(890.0, 675.0) > landscape.scale_in(890.0, 675.0));
    assert_eq!(fits(900.0, 675.0), Orientation::Landscape);
    assert!((landscape.scale_in(600.0, 675.0) - 0.5).abs() < 1e-9);
    // At its readable height, a layout's type is exactly 12 px.
    let least = portrait.readable_height();
    assert!((portrait.scale_in(1000.0, least) * SMALLEST_TYPE - MIN_TYPE_PX).abs() < 1e-9);
}
