//! What a learner is shown: due cards in order, new cards within the
//! limit, the counts by kind, and the home page's plan for today.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Europe::Berlin;
use keydeck_study::deck::Deck;
use keydeck_study::plan::Plan;
use keydeck_study::progress::Progress;
use keydeck_study::queue::{Counts, Queued, Scope, Today};
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
    assert_eq!(
        today.counts(),
        Counts {
            new: 2,
            ..Counts::default()
        }
    );
    assert_eq!(today.next_card().unwrap().id, "a1");

    study(&mut p, "a1", Grade::Easy, now);
    study(&mut p, "a2", Grade::Easy, now);
    let today = Today::new(&deck, &p, Scope::All, now + Duration::minutes(1), &Berlin);
    assert_eq!(today.counts(), Counts::default());
    assert_eq!(today.done(), 2);
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
    assert_eq!(
        today.counts(),
        Counts {
            new: 2,
            ..Counts::default()
        }
    );
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
    let due = today.counts().review;
    assert!(due > 0);
    let card = today.next_card().unwrap();
    assert_eq!(today.queued_as(&card), Queued::Review);
    study(&mut p, &card.id, Grade::Good, due_day);
    let after = Today::new(&deck, &p, Scope::All, due_day, &Berlin);
    assert_eq!(after.counts().review, due - 1);
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
    assert_eq!(
        today.counts(),
        Counts {
            review: 2,
            missed: 2,
            ..Counts::default()
        }
    );
    let first = today.next_card().unwrap();
    assert_eq!(first.id, "a2");
    assert_eq!(today.queued_as(&first), Queued::Missed);
    assert_eq!(Queued::Missed.label(), "Missed in a quiz");
    assert_eq!(Queued::Missed.name(), "missed");

    study(&mut p, "a2", Grade::Good, later + Duration::minutes(2));
    study(&mut p, "b1", Grade::Easy, later + Duration::minutes(3));
    assert!(p.missed.is_empty());
    let after = Today::new(&deck, &p, Scope::All, later + Duration::minutes(4), &Berlin);
    assert_eq!(after.counts().review, 0);
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
    let counts = Counts {
        new: 5,
        learning: 1,
        review: 3,
        missed: 0,
    };
    assert_eq!(
        counts.label("Key rotation"),
        "Key rotation (5 new, 1 learning, 3 review)"
    );
    assert_eq!(counts.left(), 9);
    let reviews = Counts {
        review: 2,
        missed: 2,
        ..Counts::default()
    };
    assert_eq!(reviews.label("ACM"), "ACM (2 review)");
    assert_eq!(
        Counts::default().label("All topics"),
        "All topics (nothing left today)"
    );
}

#[test]
fn new_learning_and_review_are_counted_apart() {
    let deck = deck();
    let mut p = Progress::default();
    let t0 = at("2026-06-01T08:00:00Z");
    study(&mut p, "a1", Grade::Again, t0);
    // a2 was learned a week ago and is due again today.
    study(&mut p, "a2", Grade::Easy, t0 - Duration::days(30));
    let a2_due = p.memory("a2").unwrap().due;
    assert!(a2_due < t0, "{a2_due}");
    let today = Today::new(&deck, &p, Scope::All, t0 + Duration::minutes(1), &Berlin);
    assert_eq!(
        today.counts(),
        Counts {
            new: 3,
            learning: 1,
            review: 1,
            missed: 0
        }
    );
    let a1 = deck.card("a1").unwrap();
    let b1 = deck.card("b1").unwrap();
    assert_eq!(today.queued_as(&a1), Queued::Learning);
    assert_eq!(today.queued_as(&b1), Queued::New);
    // Since a2 was learned, both came due; since a1 was answered, only
    // a1's next step did; since then, nothing.
    assert_eq!(today.came_due_since(t0 - Duration::days(30)), 2);
    assert_eq!(today.came_due_since(t0), 1);
    assert_eq!(today.came_due_since(p.due("a1").unwrap()), 0);
}

#[test]
fn missed_cards_count_toward_the_daily_review_limit() {
    // Ten new cards on Monday, then a quiz that misses questions on all
    // of them: on Tuesday they are reviews, and the review limit holds
    // them, even the ones still in their learning steps.
    let card = |id: String| {
        format!("## {id}\nkind: basic\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nQ\n\n### Back\nA\n\n")
    };
    let text = format!(
        "# T\n\n{}",
        (0..10).map(|i| card(format!("c{i}"))).collect::<String>()
    );
    let deck = Deck::parse([("t.md", text.as_str())]).unwrap();
    let mut p = Progress::default();
    p.settings.reviews_per_day = 4;
    p.settings.new_per_day = 10;
    let monday = at("2026-06-01T08:00:00Z");
    let ids: Vec<String> = (0..10).map(|i| format!("c{i}")).collect();
    for (i, id) in ids.iter().enumerate() {
        let grade = if i % 2 == 0 {
            Grade::Again
        } else {
            Grade::Easy
        };
        study(&mut p, id, grade, monday + Duration::minutes(i as i64));
    }
    p.mark_missed(&ids, monday + Duration::hours(1));
    let tuesday = Today::new(&deck, &p, Scope::All, at("2026-06-02T08:00:00Z"), &Berlin);
    assert_eq!(
        tuesday.counts(),
        Counts {
            new: 0,
            learning: 0,
            review: 4,
            missed: 4
        }
    );
}

// Today's plan, as the home page words it.

/// One topic of thirty cards, more than a day's new cards.
fn thirty() -> Deck {
    let card = |i: usize| {
        format!("## c{i}\nkind: basic\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nQ\n\n### Back\nA\n\n")
    };
    let text = format!("# T\n\n{}", (0..30).map(card).collect::<String>());
    Deck::parse([("t.md", text.as_str())]).unwrap()
}

#[test]
fn a_first_visit_is_asked_to_start() {
    let plan = Plan::new(
        &thirty(),
        &Progress::default(),
        at("2026-06-01T08:00:00Z"),
        &Berlin,
    );
    assert!(plan.first_visit);
    assert_eq!(plan.action(), "Start learning");
    assert_eq!(
        plan.counts,
        Counts {
            new: 20,
            ..Counts::default()
        }
    );
    // Twenty cards at the default 15 s each.
    assert_eq!(plan.headline(), "Today's goal: 20 cards · about 5 minutes.");
    assert_eq!(
        plan.streak_words(),
        "No streak yet: answer a card to start one."
    );
    assert_eq!(plan.away, None);
    assert_eq!(plan.missed_words(), None);
}

#[test]
fn a_learner_midway_sees_the_goal_the_pace_and_the_streak() {
    let deck = thirty();
    let mut p = Progress::default();
    let t0 = at("2026-06-01T08:00:00Z");
    // Twelve cards, 20 s apart.
    for i in 0..12 {
        study(
            &mut p,
            &format!("c{i}"),
            Grade::Easy,
            t0 + Duration::seconds(20 * i),
        );
    }
    let plan = Plan::new(&deck, &p, t0 + Duration::minutes(10), &Berlin);
    assert!(!plan.first_visit);
    assert_eq!(plan.action(), "Continue studying");
    assert_eq!((plan.done, plan.counts.left(), plan.goal()), (12, 8, 20));
    assert_eq!(plan.percent_done(), 60);
    assert_eq!(
        plan.headline(),
        "Today's goal: 12 of 20 cards done · 8 left, about 3 minutes."
    );
    assert_eq!(plan.streak_words(), "1-day streak.");
    // Answered earlier today: nothing to say about being away.
    assert_eq!(plan.away, None);

    // Sixteen days later: the streak is lost, the reviews came due.
    let later = t0 + Duration::days(16);
    let plan = Plan::new(&deck, &p, later, &Berlin);
    assert!(plan.counts.review > 0, "{:?}", plan.counts);
    assert_eq!(
        plan.streak_words(),
        "No streak yet: answer a card to start one."
    );
    assert_eq!(
        plan.away.as_deref(),
        Some(
            format!(
                "Since you last studied 16 days ago, {} came due.",
                keydeck_study::wording::count(plan.counts.review, "card")
            )
            .as_str()
        )
    );
}

#[test]
fn the_streak_asks_to_be_kept_until_today_has_an_answer() {
    let deck = thirty();
    let mut p = Progress::default();
    let monday = at("2026-06-01T08:00:00Z");
    study(&mut p, "c0", Grade::Good, monday);
    study(&mut p, "c1", Grade::Good, monday + Duration::days(1));
    let wednesday = monday + Duration::days(2);
    let plan = Plan::new(&deck, &p, wednesday, &Berlin);
    assert_eq!(plan.streak_words(), "2-day streak: study today to keep it.");
    // c0's next step fell due on Monday, before Tuesday's answer; c1's
    // came due since.
    assert_eq!(
        plan.away.as_deref(),
        Some("Since you last studied yesterday, 1 card came due.")
    );
}

#[test]
fn a_day_with_everything_done_says_the_goal_is_met() {
    let deck = thirty();
    let mut p = Progress::default();
    p.settings.new_per_day = 2;
    let t0 = at("2026-06-01T08:00:00Z");
    study(&mut p, "c0", Grade::Easy, t0);
    study(&mut p, "c1", Grade::Easy, t0);
    let plan = Plan::new(&deck, &p, t0 + Duration::minutes(1), &Berlin);
    assert_eq!(plan.headline(), "Today's goal is met: 2 cards answered.");
    assert_eq!(plan.action(), "Open flashcards");
    assert_eq!(plan.percent_done(), 100);
}

#[test]
fn cards_missed_in_a_quiz_are_named() {
    let deck = thirty();
    let mut p = Progress::default();
    let t0 = at("2026-06-01T08:00:00Z");
    study(&mut p, "c0", Grade::Easy, t0);
    p.mark_missed(&["c0".to_owned()], t0 + Duration::hours(1));
    let plan = Plan::new(&deck, &p, t0 + Duration::hours(2), &Berlin);
    assert_eq!(plan.counts.missed, 1);
    assert_eq!(
        plan.missed_words().as_deref(),
        Some("1 card from questions you missed in a quiz is among the reviews.")
    );
}

/// A page fetches the text of the topics a session shows, and no other:
/// the new cards within today's limit and the cards due today, in the
/// order their first card comes.
#[test]
fn a_session_names_the_topics_it_can_show_today() {
    let deck = deck();
    let mut p = Progress::default();
    p.settings.new_per_day = 2;
    let now = at("2026-06-01T08:00:00Z");
    let topics = |p: &Progress, scope: Scope, when| {
        Today::new(&deck, p, scope, when, &Berlin)
            .topics()
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    // A first visit: two new cards, both from the first topic.
    assert_eq!(topics(&p, Scope::All, now), ["a"]);
    p.settings.new_per_day = 4;
    assert_eq!(topics(&p, Scope::All, now), ["a", "b"]);
    assert_eq!(topics(&p, Scope::Topic("b".into()), now), ["b"]);

    // A card of b due later today comes first, then the new card of a
    // still within the limit.
    p.settings.new_per_day = 2;
    study(&mut p, "b2", Grade::Again, now);
    assert_eq!(topics(&p, Scope::All, now), ["b", "a"]);
    // With no new cards left, only what is due: not a.
    study(&mut p, "a1", Grade::Easy, now);
    assert_eq!(topics(&p, Scope::All, now), ["b"]);
    // Nothing due and no new cards left: nothing to fetch.
    p.settings.new_per_day = 0;
    let days_later = now + Duration::days(2);
    assert!(topics(&p, Scope::Topic("a".into()), days_later).is_empty());
}

#[test]
fn the_counts_by_kind_read_as_anki_shows_them_each_kind_marked_and_an_empty_kind_dimmed() {
    let counts = Counts {
        new: 5,
        learning: 0,
        review: 3,
        missed: 1,
    };
    assert_eq!(
        counts.markup(),
        r#"<span class="queue-counts" data-testid="queue-counts"><span class="count-new"><strong>5</strong> new</span> · <span class="count-learning zero"><strong>0</strong> learning</span> · <span class="count-review"><strong>3</strong> review</span></span>"#
    );
}
