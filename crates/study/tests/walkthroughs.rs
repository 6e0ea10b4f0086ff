//! The shipped walkthroughs: each validates against the shipped deck, every
//! step narrates and shows something, and every step renders the same from
//! scratch as by stepping forward.

use keydeck_study::builtin;
use keydeck_study::content_file::is_aws_source;
use keydeck_study::deck::Deck;
use keydeck_study::markdown::to_safe_html;
use keydeck_study::walkthrough::builtin::{find, for_card, ALL};
use keydeck_study::walkthrough::canvas::{CANVAS, GAP};
use keydeck_study::walkthrough::validate::text::sentences;
use keydeck_study::walkthrough::{validate_all, Playhead, SceneState, Walkthrough};

fn deck() -> Deck {
    builtin::deck().expect("the shipped decks parse")
}

#[test]
fn every_shipped_walkthrough_validates_against_the_shipped_deck() {
    if let Err(errors) = validate_all(ALL, &deck()) {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the shipped walkthroughs are invalid:\n{}", list.join("\n"));
    }
}

#[test]
fn seven_walkthroughs_ship_in_order_and_each_is_found_by_its_id() {
    let ids: Vec<&str> = ALL.iter().map(|w| w.id).collect();
    assert_eq!(
        ids,
        [
            "snapshot-copy",
            "envelope-encryption",
            "s3-replication-sse-kms",
            "ami-sharing",
            "multi-region-client-side",
            "secrets-rotation",
            "parameter-store-securestring",
        ]
    );
    for w in ALL {
        assert_eq!(find(w.id), Some(w));
    }
    assert_eq!(find("no-such-walkthrough"), None);
}

#[test]
fn snapshot_copy_has_the_seeds_five_steps() {
    let w = find("snapshot-copy").unwrap();
    assert_eq!(w.steps.len(), 5);
    let titles: Vec<&str> = w.steps.iter().map(|s| s.title).collect();
    assert!(titles[0].contains("customer managed key"), "{titles:?}");
    assert!(titles[1].contains("key policy"), "{titles:?}");
    assert!(titles[2].contains("Share"), "{titles:?}");
    assert!(titles[3].contains("Copy"), "{titles:?}");
    assert!(titles[4].contains("volume"), "{titles:?}");
}

#[test]
fn every_step_narrates_in_two_to_five_sentences_and_shows_an_arrow_or_a_highlight() {
    for w in ALL {
        for (i, step) in w.steps.iter().enumerate() {
            let at = format!("{} step {}", w.id, i + 1);
            assert!(!step.title.trim().is_empty(), "{at}");
            assert!((2..=5).contains(&sentences(step.narration)), "{at}");
            assert!(
                !step.arrows.is_empty() || !step.highlights.is_empty(),
                "{at}"
            );
            let html = to_safe_html(step.narration);
            assert!(html.starts_with("<p>") && !html.contains("<script"), "{at}");
        }
    }
}

#[test]
fn every_step_renders_from_scratch_as_it_does_by_stepping_forward() {
    for w in ALL {
        let mut walked: SceneState = w.first_state().expect("every walkthrough has steps");
        for index in 0..w.steps.len() {
            let direct = w.state_at(index).expect("the step exists");
            assert_eq!(direct, walked, "{} step {}", w.id, index + 1);
            assert_eq!(direct.arrows, w.steps[index].arrows);
            assert_eq!(direct.highlights, w.steps[index].highlights);
            match walked.next(w) {
                Some(next) => walked = next,
                None => assert_eq!(index + 1, w.steps.len(), "{}", w.id),
            }
        }
        assert_eq!(w.state_at(w.steps.len()), None, "{}", w.id);
    }
}

#[test]
fn every_deep_link_opens_its_step() {
    for w in ALL {
        for index in 0..w.steps.len() {
            let link = w.link(index);
            let number = link.rsplit('/').next().unwrap();
            assert_eq!(link, format!("/walkthroughs/{}/{number}", w.id));
            let playhead = Playhead::from_link(w, number).expect("the link names a step");
            assert_eq!(playhead.index(), index);
            assert_eq!(playhead.state(), w.state_at(index).unwrap());
        }
    }
}

#[test]
fn every_related_card_is_in_the_shipped_deck_and_links_back() {
    let deck = deck();
    for w in ALL {
        assert!(!w.related_cards.is_empty(), "{}", w.id);
        for id in w.related_cards {
            assert!(
                deck.card(id).is_some(),
                "{} relates unknown card {id}",
                w.id
            );
            assert!(for_card(id).any(|linked| linked.id == w.id), "{id}");
        }
    }
    let seed_card = deck.card("ebs-snapshot-copy-steps").unwrap();
    assert_eq!(seed_card.walkthrough.as_deref(), Some("snapshot-copy"));
    let reverse: Vec<&str> = for_card("ec2-ami-sharing-kms~reverse")
        .map(|w| w.id)
        .collect();
    assert_eq!(reverse, ["ami-sharing"]);
}

#[test]
fn every_source_is_an_aws_documentation_page() {
    for w in ALL {
        assert!(!w.sources.is_empty(), "{}", w.id);
        for url in w.sources {
            assert!(is_aws_source(url), "{} cites {url}", w.id);
        }
    }
}

#[test]
fn no_two_actors_overlap_and_all_fit_the_canvas() {
    for w in ALL {
        for (i, a) in w.actors.iter().enumerate() {
            assert!(CANVAS.contains(a.rect), "{} {}", w.id, a.id);
            if let Some(parent) = a.parent.and_then(|p| w.actor(p)) {
                let content = parent.rect.content().unwrap();
                assert!(
                    content.contains(a.rect),
                    "{} {} in {}",
                    w.id,
                    a.id,
                    parent.id
                );
            }
            for b in &w.actors[i + 1..] {
                if !nested(w, a.id, b.id) && !nested(w, b.id, a.id) {
                    assert!(
                        !a.rect.crowds(b.rect, GAP),
                        "{}: {} and {}",
                        w.id,
                        a.id,
                        b.id
                    );
                }
            }
        }
    }
}

/// Whether `inner` sits inside `outer`, directly or not.
fn nested(w: &Walkthrough, inner: &str, outer: &str) -> bool {
    let mut parent = w.actor(inner).and_then(|a| a.parent);
    while let Some(id) = parent {
        if id == outer {
            return true;
        }
        parent = w.actor(id).and_then(|a| a.parent);
    }
    false
}

#[test]
fn finish_secret_moves_the_staging_labels_between_versions() {
    let w = find("secrets-rotation").unwrap();
    let labels = |state: &SceneState, version: &str| state.actor(version).unwrap().badges.clone();
    let created = w.state_at(1).unwrap();
    assert_eq!(labels(&created, "version-3"), ["AWSPENDING"]);
    assert_eq!(labels(&created, "version-2"), ["AWSCURRENT"]);
    let finished = w.state_at(4).unwrap();
    assert_eq!(labels(&finished, "version-3"), ["AWSCURRENT"]);
    assert_eq!(labels(&finished, "version-2"), ["AWSPREVIOUS"]);
    assert!(labels(&finished, "version-1").is_empty());
    assert_eq!(
        finished.actor("version-1").unwrap().label,
        "Version 1 (deprecated)"
    );
}

#[test]
fn the_copied_snapshot_and_its_volume_appear_under_the_target_key() {
    let w = find("snapshot-copy").unwrap();
    let before = w.state_at(2).unwrap();
    assert!(!before.actor("snapshot-b").unwrap().present);
    assert_eq!(
        before.actor("snapshot-a").unwrap().badges,
        ["encrypted: CMK-A", "shared with B"]
    );
    let end = w.state_at(4).unwrap();
    for id in ["snapshot-b", "volume-b"] {
        let actor = end.actor(id).unwrap();
        assert!(actor.present, "{id}");
        assert_eq!(actor.badges, ["encrypted: CMK-B"], "{id}");
    }
}

#[test]
fn a_walkthrough_is_named_by_its_title_and_an_unknown_one_by_its_id() {
    assert_eq!(
        keydeck_study::walkthrough::builtin::title("snapshot-copy"),
        "Copying an encrypted snapshot to another account"
    );
    assert_eq!(keydeck_study::walkthrough::builtin::title("gone"), "gone");
}
