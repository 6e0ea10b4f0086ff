//! What a learner is shown: due cards in order, new cards within the limit.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Europe::Berlin;
use keydeck_study::deck::Deck;
use keydeck_study::progress::Progress;
use keydeck_study::queue::{Counts, Scope, Today};
use keydeck_study::schedule::{Grade, Scheduler};

fn deck() -> Deck {
    let card = |id: &str| {
        format!("## {id}\nkind: basic\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nQ {id}\n\n### Back\nA {id}\n\n")
    };
    let a = format!("# A\n\n{}{}{}", card("a1"), card("a2"), card("a3"));
    let b = format!("# B\n\n{}{}", card("b1"), card("b2"));
    Deck::parse([("a.md", a.as_str()), ("b.md", b.as_str())]).unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Answers `card` with `grade` at `when`.
fn study(p: &mut Progress, card: &str, grade: Grade, when: DateTime<Utc>) {
    let outcome = Scheduler::default().review(p.memory(card), grade, when);
    p.record(card, &outcome, when);
}

#[test]
fn new_cards_come_in_deck_order_within_the_daily_limit() {
    let deck = deck();
    let mut p = Progress::default();
    p.settings.new_per_day = 2;
    let now = at("2026-06-01T08:00:00Z");
    let today = Today::new(&deck, &p, Scope::All, now, &Berlin);
    assert_eq!(today.counts(), Counts { due: 0, new: 2 });
    assert_eq!(today.next_card().unwrap().id, "a1");

    study(&mut p, "a1", Grade::Easy, now);
    study(&mut p, "a2", Grade::Easy, now);
    let today = Today::new(&deck, &p, Scope::All, now + Duration::minutes(1), &Berlin);
    assert_eq!(today.counts(), Counts { due: 0, new: 0 });
    assert!(today.next_card().is_none());
    assert!(today.next_due().unwrap() > now + Duration::days(1));

    // The limit resets at the next study day (4 a.m. Berlin).
    let tomorrow = Today::new(&deck, &p, Scope::All, at("2026-06-02T02:00:00Z"), &Berlin);
    assert_eq!(tomorrow.counts().new, 2);
    assert_eq!(tomorrow.next_card().unwrap().id, "a3");
}

#[test]
fn due_cards_come_in_due_order_before_new_ones() {
    let deck = deck();
    let mut p = Progress::default();
    let t0 = at("2026-06-01T08:00:00Z");
    study(&mut p, "b2", Grade::Good, t0);
    study(&mut p, "a2", Grade::Good, t0 + Duration::minutes(2));
    study(&mut p, "b1", Grade::Again, t0 + Duration::minutes(3));
    // Again is due in a minute, Good in ten: b1, then b2, then a2.
    let later = t0 + Duration::minutes(30);
    let today = Today::new(&deck, &p, Scope::All, later, &Berlin);
    assert_eq!(today.next_card().unwrap().id, "b1");
    study(&mut p, "b1", Grade::Good, later);
    let today = Today::new(&deck, &p, Scope::All, later, &Berlin);
    assert_eq!(today.next_card().unwrap().id, "b2");
    study(&mut p, "b2", Grade::Good, later);
    let today = Today::new(&deck, &p, Scope::All, later, &Berlin);
    assert_eq!(today.next_card().unwrap().id, "a2");
}

#[test]
fn a_topic_scope_only_draws_from_that_topic() {
    let deck = deck();
    let p = Progress::default();
    let today = Today::new(
        &deck,
        &p,
        Scope::Topic("b".into()),
        at("2026-06-01T08:00:00Z"),
        &Berlin,
    );
    assert_eq!(today.counts(), Counts { due: 0, new: 2 });
    assert_eq!(today.next_card().unwrap().id, "b1");
}

#[test]
fn reviewed_cards_are_no_longer_due_today() {
    let deck = deck();
    let mut p = Progress::default();
    let monday = at("2026-06-01T08:00:00Z");
    for id in ["a1", "a2", "a3", "b1", "b2"] {
        study(&mut p, id, Grade::Easy, monday);
    }
    let due_day = p.cards.values().map(|m| m.due).min().unwrap() + Duration::hours(1);
    let today = Today::new(&deck, &p, Scope::All, due_day, &Berlin);
    let due = today.counts().due;
    assert!(due > 0);
    let card = today.next_card().unwrap();
    study(&mut p, &card.id, Grade::Good, due_day);
    let after = Today::new(&deck, &p, Scope::All, due_day, &Berlin);
    assert_eq!(after.counts().due, due - 1);
}

#[test]
fn a_card_missed_in_a_quiz_is_due_until_it_is_reviewed() {
    let deck = deck();
    let mut p = Progress::default();
    p.settings.new_per_day = 0;
    let monday = at("2026-06-01T08:00:00Z");
    study(&mut p, "a2", Grade::Easy, monday);
    let later = monday + Duration::hours(2);
    assert!(Today::new(&deck, &p, Scope::All, later, &Berlin)
        .next_card()
        .is_none());

    // a2 was learned, b1 never studied: both come due after the quiz.
    p.mark_missed(&["a2".to_owned(), "b1".to_owned()], later);
    let today = Today::new(&deck, &p, Scope::All, later + Duration::minutes(1), &Berlin);
    assert_eq!(today.counts(), Counts { due: 2, new: 0 });
    assert_eq!(today.next_card().unwrap().id, "a2");

    study(&mut p, "a2", Grade::Good, later + Duration::minutes(2));
    study(&mut p, "b1", Grade::Easy, later + Duration::minutes(3));
    assert!(p.missed.is_empty());
    let after = Today::new(&deck, &p, Scope::All, later + Duration::minutes(4), &Berlin);
    assert_eq!(after.counts().due, 0);
}

#[test]
fn the_outline_of_a_deck_counts_and_orders_like_the_deck() {
    let deck = deck();
    let outline = deck.outline();
    let mut p = Progress::default();
    let t0 = at("2026-06-01T08:00:00Z");
    study(&mut p, "b1", Grade::Again, t0);
    study(&mut p, "a2", Grade::Good, t0);
    let later = t0 + Duration::minutes(5);
    for scope in [
        Scope::All,
        Scope::Topic("a".into()),
        Scope::Topic("b".into()),
    ] {
        let full = Today::new(&deck, &p, scope.clone(), later, &Berlin);
        let bare = Today::new(&outline, &p, scope, later, &Berlin);
        assert_eq!(bare.counts(), full.counts());
        assert_eq!(
            bare.next_card().map(|c| c.id),
            full.next_card().map(|c| c.id)
        );
    }
    // What the cards say is gone; where they are is kept.
    let card = outline.card("a1").unwrap();
    assert_eq!((card.front.as_str(), card.back.as_str()), ("", ""));
    assert_eq!(card.topic, "a");
}

#[test]
fn a_scope_is_listed_with_its_counts() {
    let counts = Counts { due: 3, new: 0 };
    assert_eq!(counts.label("Key rotation"), "Key rotation (3 due, 0 new)");
    assert_eq!(
        Counts::default().label("All topics"),
        "All topics (0 due, 0 new)"
    );
}
