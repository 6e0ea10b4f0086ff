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

/// What the player draws of one shipped walkthrough: the walkthrough, its
/// portrait and presenter layouts as [`Layout::portrait`] and
/// [`Layout::presenter`] derive them, and its steps' narration as
/// [`crate::markdown::to_safe_html`] renders it. The layouts and the
/// narration are recorded in the source (`recorded.rs`), so the page draws a
/// step without deriving a layout (which weighs arrangements against every
/// step, and held up a phone's first draw) or parsing Markdown. Each is a
/// static of its own, so that a page can hold one walkthrough without the
/// others.
#[derive(Debug)]
pub struct Shipped {
    pub walkthrough: &'static Walkthrough,
    portrait: Recorded,
    presenter: Recorded,
    narration: &'static [&'static str],
}

impl Shipped {
    /// The portrait layout, as recorded.
    pub fn portrait(&self) -> Layout {
        arrangement(Orientation::Portrait, &self.portrait)
    }

    /// The presenter layout, as recorded.
    pub fn presenter(&self) -> Layout {
        arrangement(Orientation::Presenter, &self.presenter)
    }

    /// A step's narration as safe HTML; `None` past the last step.
    pub fn narration_html(&self, step: usize) -> Option<&'static str> {
        self.narration.get(step).copied()
    }
}

pub use recorded::{
    AMI_SHARING, ENVELOPE_ENCRYPTION, MULTI_REGION_CLIENT_SIDE, PARAMETER_STORE_SECURESTRING,
    S3_REPLICATION_SSE_KMS, SECRETS_ROTATION, SNAPSHOT_COPY,
};

/// A shipped walkthrough with its recorded layouts and narration, by id.
/// It holds every walkthrough: a page that shows one names its static
/// ([`SNAPSHOT_COPY`], …) instead.
pub fn shipped(id: &str) -> Option<&'static Shipped> {
    recorded::SHIPPED
        .iter()
        .copied()
        .find(|s| s.walkthrough.id == id)
}

/// A recorded arrangement: its canvas and each actor's box.
type Recorded = (Rect, &'static [(&'static str, Rect)]);

fn arrangement(orientation: Orientation, (canvas, places): &Recorded) -> Layout {
    Layout {
        orientation,
        canvas: *canvas,
        places: places.to_vec(),
    }
}

/// A line of the list of shipped walkthroughs: what the list, the progress
/// page and the labs show of one, recorded as [`Shipped`] is, so that they
/// hold no walkthrough's steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    /// How many steps it has.
    pub steps: usize,
}

impl Entry {
    /// The walkthrough's first step.
    pub fn href(&self) -> String {
        super::model::step_link(self.id, 0)
    }
}

/// Every shipped walkthrough's [`Entry`], in the order of [`ALL`].
pub static LIST: &[Entry] = recorded::LIST;

/// A shipped walkthrough's line in [`LIST`], by id.
pub fn entry(id: &str) -> Option<&'static Entry> {
    LIST.iter().find(|w| w.id == id)
}

/// A shipped walkthrough's title; the id itself for one that is not shipped.
pub fn title(id: &str) -> &str {
    entry(id).map_or(id, |w| w.title)
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

    fn write_arrangement(out: &mut String, field: &str, layout: &Layout) {
        let _ = writeln!(out, "    {field}: ({}, &[", rect(layout.canvas));
        for (id, r) in &layout.places {
            let _ = writeln!(out, "        ({id:?}, {}),", rect(*r));
        }
        out.push_str("    ]),\n");
    }

    /// The name of a walkthrough's static: `snapshot-copy` is `SNAPSHOT_COPY`.
    fn static_name(id: &str) -> String {
        id.to_uppercase().replace('-', "_")
    }

    /// `recorded.rs` as the derivations make it today.
    fn recorded_source() -> String {
        let mut out = String::from(
            "//! Each shipped walkthrough with its portrait and presenter layouts,\n\
             //! as `Layout::portrait` and `Layout::presenter` derive them, and its\n\
             //! narration as `markdown::to_safe_html` renders it, one static each;\n\
             //! then the list of them and the cards each one shows. Written by the\n\
             //! test `the_record_is_current` in `builtin/mod.rs`; do not edit.\n\n\
             use super::{Entry, Shipped};\n\
             use crate::walkthrough::canvas::Rect;\n\n",
        );
        for w in ALL {
            let _ = writeln!(out, "/// {}", w.title);
            let _ = writeln!(
                out,
                "pub static {}: Shipped = Shipped {{",
                static_name(w.id)
            );
            let _ = writeln!(
                out,
                "    walkthrough: &super::{}::WALKTHROUGH,",
                w.id.replace('-', "_")
            );
            write_arrangement(&mut out, "portrait", &Layout::portrait(w));
            write_arrangement(&mut out, "presenter", &Layout::presenter(w));
            out.push_str("    narration: &[\n");
            for step in w.steps {
                let html = crate::markdown::to_safe_html(step.narration);
                let _ = writeln!(out, "        {html:?},");
            }
            out.push_str("    ],\n};\n\n");
        }
        out.push_str("/// Every walkthrough above, in the order of `ALL`.\n");
        out.push_str("pub(super) static SHIPPED: &[&Shipped] = &[\n");
        for w in ALL {
            let _ = writeln!(out, "    &{},", static_name(w.id));
        }
        out.push_str("];\n\n");
        out.push_str("/// Each shipped walkthrough's line in the list.\n");
        out.push_str("pub(super) static LIST: &[Entry] = &[\n");
        for w in ALL {
            let _ = writeln!(
                out,
                "    Entry {{ id: {:?}, title: {:?}, summary: {:?}, steps: {} }},",
                w.id,
                w.title,
                w.summary,
                w.steps.len()
            );
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
            let shipped = shipped(w.id).expect(w.id);
            assert_eq!(shipped.walkthrough, w);
            assert_eq!(shipped.portrait(), Layout::portrait(w), "{}", w.id);
            assert_eq!(shipped.presenter(), Layout::presenter(w), "{}", w.id);
        }
        assert!(shipped("no-such-walkthrough").is_none());
    }

    #[test]
    fn each_static_is_its_walkthrough() {
        let statics = [
            &SNAPSHOT_COPY,
            &ENVELOPE_ENCRYPTION,
            &S3_REPLICATION_SSE_KMS,
            &AMI_SHARING,
            &MULTI_REGION_CLIENT_SIDE,
            &SECRETS_ROTATION,
            &PARAMETER_STORE_SECURESTRING,
        ];
        let ids: Vec<_> = statics.iter().map(|s| s.walkthrough.id).collect();
        let all: Vec<_> = ALL.iter().map(|w| w.id).collect();
        assert_eq!(ids, all);
        for s in statics {
            assert!(std::ptr::eq(shipped(s.walkthrough.id).unwrap(), s));
        }
    }

    #[test]
    fn the_list_is_every_walkthrough_in_order() {
        let want: Vec<_> = ALL
            .iter()
            .map(|w| Entry {
                id: w.id,
                title: w.title,
                summary: w.summary,
                steps: w.steps.len(),
            })
            .collect();
        assert_eq!(LIST, want.as_slice());
        for w in LIST {
            assert_eq!(entry(w.id), Some(w));
        }
        assert_eq!(entry("no-such-walkthrough"), None);
        assert_eq!(LIST[0].href(), "/walkthroughs/snapshot-copy/1");
        assert_eq!(title("secrets-rotation"), ALL[5].title);
    }

    #[test]
    fn the_recorded_narration_is_the_rendered_markdown() {
        for w in ALL {
            let shipped = shipped(w.id).expect(w.id);
            for (i, step) in w.steps.iter().enumerate() {
                let html = crate::markdown::to_safe_html(step.narration);
                assert_eq!(
                    shipped.narration_html(i),
                    Some(html.as_str()),
                    "{} step {}",
                    w.id,
                    i + 1
                );
            }
            assert_eq!(shipped.narration_html(w.steps.len()), None);
        }
    }
}
