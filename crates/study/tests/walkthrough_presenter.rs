//! The presenter layout: the scene as written with its empty space cut
//! out, so that a projector draws its type large; validated as the other
//! layouts are.

mod walkthrough_fixture;

use keydeck_study::walkthrough::builtin::ALL;
use keydeck_study::walkthrough::layout::presenter::ROOM;
use keydeck_study::walkthrough::layout::SMALLEST_TYPE;
use keydeck_study::walkthrough::{Layout, Orientation, Problem, Rect, Walkthrough};
use walkthrough_fixture::*;

/// The type size, in CSS pixels, that the issue asks of a projector.
const PROJECTOR_TYPE_PX: f64 = 18.0;

#[test]
fn the_presenter_layout_of_every_shipped_walkthrough_validates() {
    for w in ALL {
        let presenter = Layout::presenter(w);
        assert_eq!(presenter.orientation, Orientation::Presenter);
        if let Err(errors) = w.validate_layout(&presenter) {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!(
                "{}'s presenter layout is invalid:\n{}",
                w.id,
                list.join("\n")
            );
        }
    }
}

#[test]
fn on_a_1280_by_720_projector_every_diagram_draws_its_type_at_18_px_or_more() {
    let sizes: Vec<(&str, u16, u16, f64)> = ALL
        .iter()
        .map(|w| {
            let layout = Layout::presenter(w);
            let px = layout.scale_in(ROOM.0, ROOM.1) * SMALLEST_TYPE;
            (w.id, layout.canvas.width, layout.canvas.height, px)
        })
        .collect();
    for &(id, width, height, px) in &sizes {
        assert!(
            px >= PROJECTOR_TYPE_PX,
            "{id}: {width}×{height} draws 16-unit type at {px:.1} px in {ROOM:?}"
        );
    }
    // Every one smaller than the 1200×675 it is written on.
    assert!(sizes.iter().all(|&(_, w, h, _)| w < 1200 && h < 675));
}

#[test]
fn every_box_keeps_its_place_relative_to_the_others() {
    for w in ALL {
        let landscape = Layout::landscape(w);
        let presenter = Layout::presenter(w);
        let pairs = landscape.places.iter().zip(&presenter.places);
        for (i, ((id, a), (same, a2))) in pairs.clone().enumerate() {
            assert_eq!(id, same, "{}", w.id);
            assert!(presenter.canvas.contains(*a2), "{} {id}", w.id);
            for ((other, b), (_, b2)) in pairs.clone().skip(i + 1) {
                let relation = |a: Rect, b: Rect| {
                    [
                        a.right() <= u32::from(b.x),
                        b.right() <= u32::from(a.x),
                        a.bottom() <= u32::from(b.y),
                        b.bottom() <= u32::from(a.y),
                        a.contains(b),
                        b.contains(a),
                    ]
                };
                // Left of, right of, above, below, around, inside: what
                // held as written holds (a box shrunk to its text may
                // stand clear of one it overlapped in one direction).
                let (was, is) = (relation(*a, *b), relation(*a2, *b2));
                for (held, holds) in was.into_iter().zip(is) {
                    assert!(!held || holds, "{}: {id} and {other}: {was:?} {is:?}", w.id);
                }
            }
        }
    }
}

#[test]
fn empty_room_inside_an_account_shrinks_to_fit_what_it_holds() {
    // The fixture's Account is 600×400 around two boxes of 200×100.
    let presenter = Layout::presenter(&GOOD);
    let account = presenter.rect("account").unwrap();
    let key = presenter.rect("key").unwrap();
    let data = presenter.rect("data").unwrap();
    // Each box as wide as its longest text needs; a row as tall as the most
    // badges in it need (one, "plaintext").
    assert_eq!(key.width, fitted_width("KMS key"));
    assert_eq!(data.width, fitted_width("Encrypted data"));
    assert_eq!((key.height, data.height, key.y), (72, 72, data.y));
    // The Account ends its padding below and beside the boxes.
    assert_eq!(account.bottom(), key.bottom().max(data.bottom()) + 12);
    assert_eq!(account.right(), data.right() + 12);
    assert!(
        presenter.canvas.width < 400 && presenter.canvas.height < 250,
        "{presenter:?}"
    );
    assert_eq!(GOOD.validate_layout(&presenter), Ok(()));
}

/// The width a box is fitted to for one line of text: 10 units a
/// character and 12 of padding each side.
fn fitted_width(text: &str) -> u16 {
    text.chars().count() as u16 * 10 + 24
}

#[test]
fn the_presenter_layout_is_the_same_every_time() {
    for w in ALL {
        let copy: Walkthrough = *w;
        assert_eq!(Layout::presenter(&copy), Layout::presenter(w), "{}", w.id);
    }
}

#[test]
fn a_presenter_layout_with_crowded_boxes_is_refused_as_such() {
    let mut broken = Layout::presenter(&GOOD);
    let key = broken.rect("key").unwrap();
    broken.places[2].1 = Rect::new(key.right() as u16 + 4, key.y, 60, 72);
    let errors = GOOD.validate_layout(&broken).unwrap_err();
    assert!(
        matches!(&errors[0].problem, Problem::InPresenter(p) if matches!(**p, Problem::Overlap { .. }))
    );
    assert_eq!(
        errors[0].to_string(),
        "fixture: in the presenter layout, \"key\" and \"data\" overlap or are closer than 16 units"
    );
}
