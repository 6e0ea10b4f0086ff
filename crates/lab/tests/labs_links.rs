//! Labs and the rest of KeyDeck link both ways: a lab names the deck topics
//! and walkthroughs it practises, and each of those decks names the lab
//! back on its `labs:` line.

use keydeck_lab::labs;
use keydeck_study::builtin;
use keydeck_study::walkthrough::builtin as walkthroughs;

#[test]
fn every_card_topic_of_a_lab_exists_and_names_the_lab_back() {
    let deck = builtin::deck().expect("the shipped decks parse");
    for lab in labs::all() {
        assert!(!lab.cards.is_empty(), "{} practises no deck topic", lab.id);
        for topic in &lab.cards {
            let found = deck
                .topic(topic)
                .unwrap_or_else(|| panic!("lab {} names unknown topic {topic}", lab.id));
            assert!(
                found.labs.contains(&lab.id),
                "deck {topic} does not name lab {} on its labs: line",
                lab.id
            );
        }
    }
}

#[test]
fn every_lab_a_deck_names_exists_and_lists_the_deck() {
    let deck = builtin::deck().expect("the shipped decks parse");
    let all = labs::all();
    let mut links = 0;
    for topic in &deck.topics {
        for lab_id in &topic.labs {
            let lab = all
                .iter()
                .find(|l| &l.id == lab_id)
                .unwrap_or_else(|| panic!("deck {} names unknown lab {lab_id}", topic.id));
            assert!(
                lab.cards.contains(&topic.id),
                "lab {lab_id} does not list deck {} on its cards: line",
                topic.id
            );
            links += 1;
        }
    }
    assert_eq!(links, all.iter().map(|l| l.cards.len()).sum::<usize>());
}

#[test]
fn every_walkthrough_a_lab_names_exists() {
    let mut named = 0;
    for lab in labs::all() {
        for id in &lab.walkthroughs {
            assert!(
                walkthroughs::find(id).is_some(),
                "lab {} names unknown walkthrough {id}",
                lab.id
            );
            named += 1;
        }
    }
    assert_eq!(
        named, 6,
        "envelope encryption, cross-account, multi-Region, Parameter Store, \
         Secrets Manager and snapshot copy name one each"
    );
}

#[test]
fn walkthroughs_and_labs_name_each_other_both_ways() {
    let all = labs::all();
    for lab in &all {
        for id in &lab.walkthroughs {
            let w = walkthroughs::find(id).expect("checked above");
            assert!(
                w.labs.contains(&lab.id.as_str()),
                "walkthrough {id} does not link back to lab {}",
                lab.id
            );
        }
    }
    for w in walkthroughs::ALL {
        for lab_id in w.labs {
            let lab = all
                .iter()
                .find(|l| l.id == *lab_id)
                .unwrap_or_else(|| panic!("walkthrough {} names unknown lab {lab_id}", w.id));
            assert!(
                lab.walkthroughs.iter().any(|id| id == w.id),
                "lab {lab_id} does not list walkthrough {}",
                w.id
            );
        }
    }
}
