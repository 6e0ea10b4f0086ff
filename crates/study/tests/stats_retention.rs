//! True retention as Anki counts it, and mastery per topic.

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use chrono_tz::Europe::Berlin;
use keydeck_study::day::LocalClock;
use keydeck_study::deck::Deck;
use keydeck_study::progress::{Progress, Review};
use keydeck_study::schedule::{Grade, Memory, MemoryState};
use keydeck_study::stats::mastery::{self, is_mature, retrievability};
use keydeck_study::stats::{PassFail, Period, RetentionTable};

const DAY: i64 = 86_400;

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn noon(day: NaiveDate) -> DateTime<Utc> {
    Berlin.to_utc(day.and_hms_opt(12, 0, 0).unwrap())
}

fn today() -> NaiveDate {
    "2026-06-10".parse().unwrap()
}

fn now() -> DateTime<Utc> {
    noon(today())
}

/// A review of `card` at `at`, from `before`, setting an interval of `days`.
fn review(card: &str, grade: Grade, at: DateTime<Utc>, before: MemoryState, days: i64) -> Review {
    Review {
        card: card.into(),
        grade,
        at,
        was_new: before == MemoryState::New,
        state_before: before,
        interval_secs: days * DAY,
    }
}

fn table(reviews: Vec<Review>) -> RetentionTable {
    let p = Progress {
        reviews,
        ..Progress::default()
    };
    RetentionTable::new(&p, now(), &Berlin)
}

fn pass_fail(passed: usize, failed: usize) -> PassFail {
    PassFail { passed, failed }
}

#[test]
fn true_retention_leaves_out_new_cards_and_learning_steps() {
    let t = now() - Duration::hours(1);
    let table = table(vec![
        review("a", Grade::Again, t, MemoryState::New, 0),
        review("a", Grade::Again, t, MemoryState::Learning, 0),
        review("a", Grade::Good, t, MemoryState::Learning, 2),
        review("b", Grade::Again, t, MemoryState::Relearning, 0),
        review("b", Grade::Good, t, MemoryState::Relearning, 1),
        review("c", Grade::Good, t, MemoryState::Review, 9),
    ]);
    let today = table.get(Period::Today);
    assert_eq!((today.passed(), today.failed()), (1, 0));
    assert_eq!(today.rate(), Some(1.0));
}

#[test]
fn again_on_a_review_card_counts_as_a_fail_and_hard_as_a_pass() {
    let t = now() - Duration::hours(1);
    let grades = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];
    let reviews = grades
        .into_iter()
        .map(|g| review("c", g, t, MemoryState::Review, 5))
        .collect();
    let all = table(reviews).get(Period::AllTime);
    assert_eq!(all.total, pass_fail(3, 1));
    assert_eq!(all.rate(), Some(0.75));
}

#[test]
fn young_and_mature_split_at_the_interval_before_the_review() {
    let day = |n: u64| noon(today() - Days::new(n));
    let table = table(vec![
        // Graduates with 20 days, passes (young), gets 21 days, fails (mature).
        review("x", Grade::Easy, day(50), MemoryState::New, 20),
        review("x", Grade::Good, day(30), MemoryState::Review, 21),
        review("x", Grade::Again, day(9), MemoryState::Review, 0),
        // The log lacks y's earlier reviews, so its age is unknown.
        review("y", Grade::Good, day(2), MemoryState::Review, 40),
    ]);
    let all = table.get(Period::AllTime);
    assert_eq!(all.young, pass_fail(1, 0));
    assert_eq!(all.mature, pass_fail(0, 1));
    assert_eq!(all.total, pass_fail(2, 1));
    assert_eq!(all.young.rate(), Some(1.0));
    assert_eq!(all.mature.rate(), Some(0.0));
}

#[test]
fn a_log_out_of_time_order_still_finds_each_previous_interval() {
    let day = |n: u64| noon(today() - Days::new(n));
    // As a merge of two tabs might store it: the later review first.
    let table = table(vec![
        review("x", Grade::Good, day(1), MemoryState::Review, 60),
        review("x", Grade::Good, day(40), MemoryState::Learning, 30),
    ]);
    assert_eq!(table.get(Period::AllTime).mature, pass_fail(1, 0));
}

#[test]
fn each_period_counts_the_reviews_of_its_study_days() {
    let reviews = [0, 1, 6, 7, 29, 30, 364, 365, 2000]
        .into_iter()
        .map(|n| {
            review(
                "c",
                Grade::Good,
                noon(today() - Days::new(n)),
                MemoryState::Review,
                3,
            )
        })
        // 02:00 on today's date is before the 4 a.m. rollover: yesterday.
        .chain([review(
            "c",
            Grade::Again,
            Berlin.to_utc(today().and_hms_opt(2, 0, 0).unwrap()),
            MemoryState::Review,
            0,
        )])
        // Stamped tomorrow by another device's clock: in no period.
        .chain([review(
            "c",
            Grade::Good,
            now() + Duration::days(1),
            MemoryState::Review,
            3,
        )])
        .collect();
    let table = table(reviews);
    let totals: Vec<(Period, usize, usize)> = table
        .rows
        .iter()
        .map(|(p, r)| (*p, r.passed(), r.failed()))
        .collect();
    assert_eq!(
        totals,
        [
            (Period::Today, 1, 0),
            (Period::Yesterday, 1, 1),
            (Period::Week, 3, 1),
            (Period::Month, 5, 1),
            (Period::Year, 7, 1),
            (Period::AllTime, 9, 1),
        ]
    );
    assert_eq!(
        Period::Week.first_day(today()),
        Some("2026-06-04".parse().unwrap())
    );
    assert_eq!(Period::AllTime.first_day(today()), None);
}

#[test]
fn retention_is_unknown_without_reviews() {
    let table = table(vec![]);
    assert_eq!(table.rows.len(), Period::ALL.len());
    for (period, retention) in &table.rows {
        assert_eq!(retention.rate(), None, "{}", period.label());
        assert_eq!(retention.young.rate(), None);
    }
}

fn deck() -> Deck {
    let basic = |id: &str| {
        format!("## {id}\nkind: basic\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nQ {id}\n\n### Back\nA {id}\n\n")
    };
    let term = "## t1\nkind: term\nsource: https://docs.aws.amazon.com/kms/\n\n### Front\nWhat it does\n\n### Back\nThe term\n\n";
    let a = format!("# Topic A\n\n{}{}{}", basic("a1"), basic("a2"), basic("a3"));
    let b = format!("# Topic B\n\n{}{term}", basic("b1"));
    Deck::parse([("a.md", a.as_str()), ("b.md", b.as_str())]).unwrap()
}

/// A card last reviewed `ago` days before now with an interval of `interval` days.
fn memory(state: MemoryState, ago: i64, interval: i64, stability: f64) -> Memory {
    let last_review = now() - Duration::days(ago);
    Memory {
        due: last_review + Duration::days(interval),
        last_review,
        stability,
        state,
        ..Memory::default()
    }
}

#[test]
fn mastery_counts_cards_studied_and_mature_per_topic() {
    let mut p = Progress::default();
    p.cards
        .insert("a1".into(), memory(MemoryState::Review, 10, 25, 10.0));
    p.cards
        .insert("a2".into(), memory(MemoryState::Review, 0, 5, 5.0));
    p.cards
        .insert("b1".into(), memory(MemoryState::Review, 1, 21, 21.0));
    p.cards.insert(
        "t1~reverse".into(),
        memory(MemoryState::Learning, 0, 0, 1.0),
    );
    p.cards
        .insert("elsewhere".into(), memory(MemoryState::Review, 1, 90, 90.0));
    let topics = mastery::per_topic(&deck(), &p, now());
    let counts: Vec<(&str, &str, usize, usize, usize)> = topics
        .iter()
        .map(|t| {
            (
                t.topic.as_str(),
                t.title.as_str(),
                t.cards,
                t.studied,
                t.mature,
            )
        })
        .collect();
    assert_eq!(
        counts,
        [("a", "Topic A", 3, 2, 1), ("b", "Topic B", 3, 2, 1)]
    );

    // a1 is 10 days into a 10-day stability (0.9), a2 was just reviewed (1), a3 is new (0).
    let expected = (0.9 + 1.0 + 0.0) / 3.0;
    assert!(
        (topics[0].retrievability - expected).abs() < 1e-9,
        "{topics:?}"
    );
}

#[test]
fn maturity_is_an_interval_of_21_days_in_the_review_state() {
    assert!(is_mature(&memory(MemoryState::Review, 0, 21, 1.0)));
    assert!(!is_mature(&memory(MemoryState::Review, 0, 20, 60.0)));
    assert!(!is_mature(&memory(MemoryState::Relearning, 0, 30, 60.0)));
}

#[test]
fn retrievability_follows_the_fsrs_forgetting_curve() {
    // R(t, S) = (1 + 19/81 · t/S)^−0.5: 90 % after S days, 100 % right after a review.
    let card = memory(MemoryState::Review, 10, 10, 10.0);
    assert!((retrievability(&card, now()) - 0.9).abs() < 1e-12);
    assert_eq!(retrievability(&card, card.last_review), 1.0);
    assert_eq!(
        retrievability(&card, card.last_review - Duration::days(1)),
        1.0
    );
    let half_day = retrievability(&card, card.last_review + Duration::hours(12));
    assert!(half_day < 1.0 && half_day > 0.99);
    let far = retrievability(&card, utc("2036-01-01T00:00:00Z"));
    assert!(far < 0.2);
    assert_eq!(retrievability(&Memory::default(), now()), 0.0);
}
