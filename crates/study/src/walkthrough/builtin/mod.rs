//! The walkthroughs that ship with KeyDeck, each resting on the AWS
//! documentation it cites. Tests validate them against the shipped deck.

mod ami_sharing;
mod envelope_encryption;
mod multi_region_client_side;
mod parameter_store_securestring;
mod s3_replication_sse_kms;
mod secrets_rotation;
mod snapshot_copy;

// Written by the test `the_record_is_current` below; never by hand.
#[rustfmt::skip]
mod recorded;

use super::canvas::Rect;
use super::layout::{Layout, Orientation};
use super::model::Walkthrough;
use crate::card::REVERSE_SUFFIX;

/// Every shipped walkthrough, in the order the walkthrough list shows them.
/// A static, not a const, so the page's wasm holds its text once.
pub static ALL: &[Walkthrough] = &[
    snapshot_copy::WALKTHROUGH,
    envelope_encryption::WALKTHROUGH,
    s3_replication_sse_kms::WALKTHROUGH,
    ami_sharing::WALKTHROUGH,
    multi_region_client_side::WALKTHROUGH,
    secrets_rotation::WALKTHROUGH,
    parameter_store_securestring::WALKTHROUGH,
];

/// A shipped walkthrough by id.
pub fn find(id: &str) -> Option<&'static Walkthrough> {
    ALL.iter().find(|w| w.id == id)
}

/// A shipped walkthrough's portrait layout, as [`Layout::portrait`] derives
/// it, recorded in the source so that the page draws it without deriving it
/// (the derivation weighs arrangements against every step, which on a
/// phone held up the walkthrough's first draw). `None` for a walkthrough
/// that is not shipped.
pub fn portrait(id: &str) -> Option<Layout> {
    recorded(id, Orientation::Portrait)
}

/// A shipped walkthrough's presenter layout, as [`Layout::presenter`]
/// derives it, recorded as [`portrait`] is.
pub fn presenter(id: &str) -> Option<Layout> {
    recorded(id, Orientation::Presenter)
}

/// A shipped walkthrough's step narration as safe HTML, as
/// [`crate::markdown::to_safe_html`] renders its Markdown, recorded as
/// [`portrait`] is, so that the page parses no Markdown to show a step.
/// `None` for a walkthrough that is not shipped or a step past its last.
pub fn narration_html(id: &str, step: usize) -> Option<&'static str> {
    let (_, steps) = recorded::NARRATIONS.iter().find(|(i, _)| *i == id)?;
    steps.get(step).copied()
}

/// A recorded arrangement: its canvas and each actor's box.
type Recorded = (Rect, &'static [(&'static str, Rect)]);

fn recorded(id: &str, orientation: Orientation) -> Option<Layout> {
    let (_, portrait, presenter) = recorded::LAYOUTS.iter().find(|(i, _, _)| *i == id)?;
    let (canvas, places) = match orientation {
        Orientation::Portrait => portrait,
        Orientation::Presenter => presenter,
        Orientation::Landscape => return None,
    };
    Some(Layout {
        orientation,
        canvas: *canvas,
        places: places.to_vec(),
    })
}

/// A shipped walkthrough's title; the id itself for one that is not shipped.
pub fn title(id: &str) -> &str {
    find(id).map_or(id, |w| w.title)
}

/// A link to a shipped walkthrough from a card that it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardLink {
    pub id: &'static str,
    pub title: &'static str,
}

impl CardLink {
    /// The walkthrough's first step.
    pub fn href(&self) -> String {
        super::model::step_link(self.id, 0)
    }
}

/// The shipped walkthroughs that show a card, for its "see it animated"
/// link; a reverse card (`<id>~reverse`) links where its card does. Read
/// from a record of each walkthrough's id, title and related cards, so
/// that the study page does not hold every walkthrough's text.
pub fn for_card(card_id: &str) -> impl Iterator<Item = CardLink> + '_ {
    let id = card_id.strip_suffix(REVERSE_SUFFIX).unwrap_or(card_id);
    recorded::CARD_LINKS
        .iter()
        .filter(move |(_, _, cards)| cards.contains(&id))
        .map(|&(id, title, _)| CardLink { id, title })
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use super::*;

    fn rect(r: Rect) -> String {
        format!("Rect::new({}, {}, {}, {})", r.x, r.y, r.width, r.height)
    }

    fn arrangement(out: &mut String, layout: &Layout) {
        let _ = writeln!(out, "        ({}, &[", rect(layout.canvas));
        for (id, r) in &layout.places {
            let _ = writeln!(out, "            ({id:?}, {}),", rect(*r));
        }
        out.push_str("        ]),\n");
    }

    /// `recorded.rs` as the derivations make it today.
    fn recorded_source() -> String {
        let mut out = String::from(
            "//! The portrait and presenter layouts of the shipped walkthroughs, as\n\
             //! `Layout::portrait` and `Layout::presenter` derive them, and their\n\
             //! narration as `markdown::to_safe_html` renders it, and the cards\n\
             //! each one shows. Written by the\n\
             //! test `the_record_is_current` in `builtin/mod.rs`; do not edit.\n\n\
             use super::Recorded;\n\
             use crate::walkthrough::canvas::Rect;\n\n\
             /// Each shipped walkthrough's id, portrait and presenter layouts.\n\
             pub(super) static LAYOUTS: &[(&str, Recorded, Recorded)] = &[\n",
        );
        for w in ALL {
            let _ = writeln!(out, "    ({:?},", w.id);
            arrangement(&mut out, &Layout::portrait(w));
            arrangement(&mut out, &Layout::presenter(w));
            out.push_str("    ),\n");
        }
        out.push_str("];\n\n");
        out.push_str(
            "/// Each shipped walkthrough's id and its steps' narration as safe HTML.\n\
             pub(super) static NARRATIONS: &[(&str, &[&str])] = &[\n",
        );
        for w in ALL {
            let _ = writeln!(out, "    ({:?}, &[", w.id);
            for step in w.steps {
                let html = crate::markdown::to_safe_html(step.narration);
                let _ = writeln!(out, "        {html:?},");
            }
            out.push_str("    ]),\n");
        }
        out.push_str("];\n\n");
        out.push_str(
            "/// Each shipped walkthrough's id, title and the cards it shows.\n\
             pub(super) static CARD_LINKS: &[(&str, &str, &[&str])] = &[\n",
        );
        for w in ALL {
            let _ = writeln!(
                out,
                "    ({:?}, {:?}, &{:?}),",
                w.id, w.title, w.related_cards
            );
        }
        out.push_str("];\n");
        out
    }

    #[test]
    fn a_card_links_to_the_walkthroughs_that_relate_it() {
        for w in ALL {
            for card in w.related_cards {
                let linked: Vec<_> = for_card(card).collect();
                let want: Vec<_> = ALL
                    .iter()
                    .filter(|o| o.related_cards.contains(card))
                    .map(|o| CardLink {
                        id: o.id,
                        title: o.title,
                    })
                    .collect();
                assert_eq!(linked, want, "{card}");
                assert_eq!(
                    linked.iter().find(|l| l.id == w.id).map(CardLink::href),
                    Some(w.link(0))
                );
            }
        }
        assert_eq!(for_card("no-such-card").count(), 0);
    }

    /// Deriving a layout is too slow for a phone's first draw, so the page
    /// reads the recorded ones. When a walkthrough or a derivation changes,
    /// this test rewrites the record and fails once: commit the new file.
    #[test]
    fn the_record_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/walkthrough/builtin/recorded.rs");
        let want = recorded_source();
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        if have != want {
            std::fs::write(&path, &want).expect("write recorded.rs");
            panic!(
                "{} was out of date and has been rewritten; commit it",
                path.display()
            );
        }
    }

    #[test]
    fn the_recorded_layouts_are_the_derived_ones() {
        for w in ALL {
            assert_eq!(portrait(w.id), Some(Layout::portrait(w)), "{}", w.id);
            assert_eq!(presenter(w.id), Some(Layout::presenter(w)), "{}", w.id);
        }
        assert_eq!(portrait("no-such-walkthrough"), None);
    }

    #[test]
    fn the_recorded_narration_is_the_rendered_markdown() {
        for w in ALL {
            for (i, step) in w.steps.iter().enumerate() {
                let html = crate::markdown::to_safe_html(step.narration);
                assert_eq!(
                    narration_html(w.id, i),
                    Some(html.as_str()),
                    "{} step {}",
                    w.id,
                    i + 1
                );
            }
            assert_eq!(narration_html(w.id, w.steps.len()), None);
        }
    }
}
